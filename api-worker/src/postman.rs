//! The postman: one Durable Object per district that sends Web Push for the notifications the inbox
//! holds. Push only wakes a phone; the inbox is the record, so nothing here is needed for a member to be
//! told, and a push that fails is not tried again.
//!
//! - **What to send** is found, not handed over: the postman keeps the last notification it has taken
//!   (`mark`, in the order D1 wrote them: `rowid`) and reads those written after it. Any writer of a
//!   notification (a route, a trigger of the database, the scheduled job) only has to *nudge* it; the
//!   scheduled job nudges it every run, so a nudge lost with a worker that stopped delays a push by at
//!   most one run, and loses nothing.
//! - **A nudge is cheap**: it sets an alarm (if none is set) and returns; nudges that arrive together
//!   make one run. Each run sends at most [`SENDS_PER_RUN`] messages, concurrently, then sets its next
//!   alarm at once if work is left, so a notice to 5,000 residents goes out in runs of that size, each
//!   its own invocation with its own limits.
//! - **Jobs** (in the object's storage, one value): a notification to send, from when (its date, or
//!   the end of the quiet hours of those who asked for them), and how far its recipients have been
//!   taken (their sessions, in order). A member in her quiet hours is sent to by a later job for the same
//!   notification, at the end of those hours, if she has not read it by then.
//! - **Gone subscriptions**: a push service that answers 404 or 410 has dropped the subscription; it is
//!   deleted.

use chrono::{DateTime, Utc};
use futures_util::future::join_all;
use serde::{Deserialize, Serialize};
use worker::{
    DurableObject, Env, Fetch, Method, Request, RequestInit, Response, Result, State,
    console_error, durable_object,
};
use yishi_core::api::notifications::PushPayload;
use yishi_core::ids::NotificationId;
use yishi_core::notifications::{Kind, NotificationPrefs, PushDecision, Subject, push_decision};
use yishi_core::push::{
    Urgency, UserAgentKeys, base64url_decode, encrypt, request_headers, vapid_authorization,
};

use crate::config::Push;
use crate::db::{self, parse_time, push::Target};
use crate::error::{ApiError, ApiResult};

const BINDING: &str = "POSTMAN";
const QUEUE_KEY: &str = "queue";
/// Messages sent by one run (each is one subrequest; a run is one invocation).
pub const SENDS_PER_RUN: u32 = 40;
/// Notifications taken from D1 per run.
const TAKE_PER_RUN: u32 = 50;
/// How long a push service keeps a message for a phone that is off: a day.
const TTL_SECONDS: u32 = 24 * 60 * 60;

/// Asks the postman to look for notifications to push. Errors are logged: a lost nudge is made good
/// by the scheduled job's.
pub async fn nudge(env: &Env) {
    if let Err(e) = send_nudge(env).await {
        console_error!("postman nudge failed: {e}");
    }
}

async fn send_nudge(env: &Env) -> Result<()> {
    let stub = env
        .durable_object(BINDING)?
        .id_from_name("postman")?
        .get_stub()?;
    let mut init = RequestInit::new();
    init.with_method(Method::Post);
    let request = Request::new_with_init("https://postman.invalid/nudge", &init)?;
    stub.fetch_with_request(request).await?;
    Ok(())
}

/// A notification to push, from `due` on.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Job {
    due: DateTime<Utc>,
    seq: i64,
    id: String,
    /// For a job that waited for quiet hours to end: when the notification was first due. It sends
    /// only to those whose quiet hours held it back then and have ended since.
    held_from: Option<DateTime<Utc>>,
    /// The last session sent to (recipients are taken in session order).
    after: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Queue {
    /// The last notification taken (`None`: never ran; starts after the last one written).
    mark: Option<i64>,
    jobs: Vec<Job>,
}

#[durable_object]
pub struct Postman {
    state: State,
    env: Env,
}

impl DurableObject for Postman {
    fn new(state: State, env: Env) -> Self {
        Postman { state, env }
    }

    async fn fetch(&self, _req: Request) -> Result<Response> {
        let storage = self.state.storage();
        if storage.get_alarm().await?.is_none() {
            storage.set_alarm(0_i64).await?;
        }
        Response::empty()
    }

    async fn alarm(&self) -> Result<Response> {
        // Alarms do not overlap: the next is set when this run ends.
        let outcome = self.run().await;
        let storage = self.state.storage();
        match outcome {
            Ok(Some(next)) => storage.set_alarm(next).await?,
            Ok(None) => {}
            Err(e) => {
                console_error!("postman: {:?} {:?}", e.error, e.cause);
                // Try again in a minute rather than losing the queue's turn.
                storage.set_alarm(60_000_i64).await?;
            }
        }
        Response::empty()
    }
}

impl Postman {
    /// One run: takes new notifications, sends what is due; returns when to run next.
    async fn run(&self) -> ApiResult<Option<DateTime<Utc>>> {
        let Some(push) = Push::from_env(&self.env) else {
            // No key, no push: forget what was queued; the inbox has it all.
            self.state.storage().delete(QUEUE_KEY).await?;
            return Ok(None);
        };
        let db = self.env.d1("DB")?;
        let now = crate::http::now();
        let storage = self.state.storage();
        let mut queue: Queue = storage.get(QUEUE_KEY).await?.unwrap_or_default();

        let mark = match queue.mark {
            Some(m) => m,
            None => db::push::last_written(&db).await?,
        };
        let written = db::push::written_after(&db, mark, TAKE_PER_RUN).await?;
        let more_written = written.len() == TAKE_PER_RUN as usize;
        queue.mark = Some(written.last().map_or(mark, |w| w.seq));
        for w in written {
            let at = parse_time(&w.created_at)?;
            queue.jobs.push(Job {
                due: at.max(now),
                seq: w.seq,
                id: w.id,
                held_from: None,
                after: String::new(),
            });
        }
        queue.jobs.sort_by_key(|j| (j.due, j.seq));

        let mut budget = SENDS_PER_RUN;
        let mut sender = Sender::new(&push, now);
        while budget > 0 {
            let Some(job) = queue.jobs.first().filter(|j| j.due <= now).cloned() else {
                break;
            };
            let asked = budget;
            let targets = db::push::targets(&db, &job.id, None, &job.after, now, asked).await?;
            let taken = u32::try_from(targets.len()).unwrap_or(u32::MAX);
            budget = budget.saturating_sub(taken);
            let mut held = Vec::new();
            let mut sends = Vec::new();
            for t in &targets {
                match self.decide(&job, t, now) {
                    Decision::Send => sends.push(t),
                    Decision::Hold(until) => held.push(until),
                    Decision::Skip => {}
                }
            }
            let gone = sender.send_all(&sends).await;
            for endpoint in gone {
                db::push::remove_endpoint(&db, &endpoint).await?;
            }
            // Fewer than asked: the job has reached its last recipient.
            if taken < asked {
                queue.jobs.remove(0);
            } else if let Some(last) = targets.last() {
                queue.jobs[0].after.clone_from(&last.session_id);
            }
            for until in held {
                let exists = queue
                    .jobs
                    .iter()
                    .any(|j| j.id == job.id && j.held_from == Some(job.due) && j.due == until);
                if !exists {
                    queue.jobs.push(Job {
                        due: until,
                        seq: job.seq,
                        id: job.id.clone(),
                        held_from: Some(job.due),
                        after: String::new(),
                    });
                }
            }
            queue.jobs.sort_by_key(|j| (j.due, j.seq));
        }
        storage.put(QUEUE_KEY, &queue).await?;

        let due_now = queue.jobs.first().is_some_and(|j| j.due <= now);
        Ok(if more_written || due_now {
            Some(now)
        } else {
            queue.jobs.first().map(|j| j.due)
        })
    }

    fn decide(&self, job: &Job, t: &Target, now: DateTime<Utc>) -> Decision {
        let prefs: NotificationPrefs =
            serde_json::from_str(&t.notification_prefs).unwrap_or_default();
        let Some(kind) = Kind::parse(&t.kind) else {
            return Decision::Skip;
        };
        match job.held_from {
            None => match push_decision(&prefs, kind, job.due) {
                PushDecision::Now => Decision::Send,
                PushDecision::At(until) => Decision::Hold(until),
                PushDecision::Never => Decision::Skip,
            },
            // The later job sends to those it waited for, if it is still news to them.
            Some(first) => {
                let waited = matches!(push_decision(&prefs, kind, first),
                    PushDecision::At(until) if until <= job.due);
                let now_ok = push_decision(&prefs, kind, now) == PushDecision::Now;
                if waited && now_ok && t.read == 0 {
                    Decision::Send
                } else {
                    Decision::Skip
                }
            }
        }
    }
}

enum Decision {
    Send,
    Hold(DateTime<Utc>),
    Skip,
}

/// Seals and posts messages, signing one VAPID token per push service per run.
struct Sender<'a> {
    push: &'a Push,
    now: DateTime<Utc>,
    tokens: Vec<(String, String)>,
}

impl<'a> Sender<'a> {
    fn new(push: &'a Push, now: DateTime<Utc>) -> Self {
        Sender {
            push,
            now,
            tokens: Vec::new(),
        }
    }

    fn authorization(&mut self, endpoint: &str) -> ApiResult<String> {
        let audience = yishi_core::push::audience(endpoint).map_err(push_error)?;
        if let Some((_, token)) = self.tokens.iter().find(|(a, _)| *a == audience) {
            return Ok(token.clone());
        }
        let now = self.now.timestamp();
        let token = vapid_authorization(
            endpoint,
            &self.push.subject,
            self.push.private_key,
            now + 12 * 60 * 60,
            now,
        )
        .map_err(push_error)?;
        self.tokens.push((audience, token.clone()));
        Ok(token)
    }

    /// Sends to every target at once; returns the endpoints the push services say are gone.
    async fn send_all(&mut self, targets: &[&Target]) -> Vec<String> {
        let mut requests = Vec::with_capacity(targets.len());
        for t in targets {
            match self.request(t) {
                Ok(r) => requests.push((t.endpoint.clone(), r)),
                // One bad subscription (or payload) must not stop the others.
                Err(e) => console_error!("push not sealed: {:?} {:?}", e.error, e.cause),
            }
        }
        let sent = join_all(requests.into_iter().map(|(endpoint, request)| async move {
            let status = match Fetch::Request(request).send().await {
                Ok(response) => response.status_code(),
                Err(e) => {
                    console_error!("push not delivered: {e}");
                    0
                }
            };
            (endpoint, status)
        }))
        .await;
        sent.into_iter()
            .filter(|(_, status)| matches!(status, 404 | 410))
            .map(|(endpoint, _)| endpoint)
            .collect()
    }

    fn request(&mut self, t: &Target) -> ApiResult<Request> {
        let kind = Kind::parse(&t.kind).ok_or_else(|| ApiError::internal("stored kind"))?;
        let subject = Subject::parse(&t.subject_type, &t.subject_id)
            .ok_or_else(|| ApiError::internal("stored subject"))?;
        let lang = t
            .lang
            .as_deref()
            .and_then(yishi_core::Lang::from_tag)
            .unwrap_or_default();
        let id = NotificationId::parse(&t.notification_id)
            .ok_or_else(|| ApiError::internal("stored notification id"))?;
        let payload = PushPayload {
            id: id.clone(),
            title: kind.heading(lang).to_owned(),
            body: t.title.clone(),
            url: subject.path(),
        };
        let keys = user_agent_keys(t)?;
        let body = seal(&keys, serde_json::to_vec(&payload)?.as_slice())?;
        let headers = worker::Headers::new();
        for (name, value) in request_headers(
            TTL_SECONDS,
            if kind.is_urgent() {
                Urgency::High
            } else {
                Urgency::Normal
            },
        ) {
            headers.set(name, &value)?;
        }
        headers.set("Content-Type", "application/octet-stream")?;
        headers.set("Authorization", &self.authorization(&t.endpoint)?)?;
        // One message per notification: a second push of it replaces the first, not yet delivered.
        headers.set("Topic", id.as_str())?;
        let mut init = RequestInit::new();
        init.with_method(Method::Post)
            .with_headers(headers)
            .with_body(Some(js_sys::Uint8Array::from(body.as_slice()).into()));
        Ok(Request::new_with_init(&t.endpoint, &init)?)
    }
}

fn user_agent_keys(t: &Target) -> ApiResult<UserAgentKeys> {
    let bad = || ApiError::internal("stored push keys");
    let p256dh: [u8; 65] = base64url_decode(&t.p256dh)
        .and_then(|b| b.try_into().ok())
        .ok_or_else(bad)?;
    let auth: [u8; 16] = base64url_decode(&t.auth)
        .and_then(|b| b.try_into().ok())
        .ok_or_else(bad)?;
    UserAgentKeys::new(p256dh, auth).map_err(push_error)
}

/// Seals `plaintext` with a fresh ephemeral key and salt (drawn again in the rare case the bytes are
/// not a P-256 key).
fn seal(keys: &UserAgentKeys, plaintext: &[u8]) -> ApiResult<Vec<u8>> {
    for _ in 0..4 {
        let ephemeral = crate::crypto::random_bytes::<32>()?;
        let salt = crate::crypto::random_bytes::<16>()?;
        match encrypt(
            keys,
            plaintext,
            ephemeral,
            salt,
            yishi_core::push::RECORD_SIZE,
        ) {
            Err(yishi_core::push::PushError::PrivateKey) => {}
            other => return other.map_err(push_error),
        }
    }
    Err(ApiError::internal("no usable ephemeral key drawn"))
}

fn push_error(e: yishi_core::push::PushError) -> ApiError {
    ApiError::internal(format!("push: {e}"))
}
