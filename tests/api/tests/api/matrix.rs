//! The authorization matrix: every endpoint of `yishi_core::api::routes::table()` that needs a session
//! is called as eleven members, and must allow exactly what `yishi_core` allows. The expected answer
//! is computed by core (`policy::authorize`, `scopes_for`, `matters::may`, `covenants::may`, …) from
//! the caller's own `GET /me`, her grants and home as the server sees them, so the worker cannot drift
//! from the policy without this test failing.
//!
//! - An allowed call answers 2xx, or 409/422 when an earlier caller already made the change (a vote
//!   closed, a matter moved on); never 401, 403, 404 or 500. Each case succeeds for at least one
//!   caller, unless it says why not.
//! - A refused call answers 403, or 404 when the record is not visible to the caller at all.
//! - Every endpoint that needs a session has a case, or is in [`EXEMPT`] with the reason; and signed
//!   out, every one of them answers 401 `unauthenticated`.
//!
//! The records the cases act on are made first, through the API (`matrix/records.rs`); the cases are
//! listed one file per area in `matrix/cases/`. The eleven callers run side by side, each her cases
//! in order.

#[path = "matrix/cases.rs"]
mod cases;
#[path = "matrix/records.rs"]
mod records;

use std::collections::BTreeSet;

use serde_json::Value;
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, PNG};
use yishi_core::api::PREFIX;
use yishi_core::api::auth::{MemberView, SessionListResponse, SessionResponse};
use yishi_core::api::endpoint::{Access, Endpoint, Media, Method, Payload, RouteInfo};
use yishi_core::api::routes::{self, ListSessions, Me};
use yishi_core::ids::MemberId;
use yishi_core::members::{Actor, Home, MemberStatus, RoleGrant};
use yishi_core::territory::Placement;

/// Endpoints that need a session and have no case here, each with the reason.
const EXEMPT: &[(&str, &str)] = &[
    (
        "MeetingSocket",
        "a WebSocket upgrade: reading the meeting (GetMeeting) is the same check; \
         meetings.rs opens sockets as residents and outsiders",
    ),
    (
        "ReadNotification",
        "a notification is in one member's inbox or in no one's: notifications.rs reads one as \
         the member it concerns (200) and as others (404)",
    ),
];

/// The eleven callers: a member of each kind the policy knows, and staff of another community.
const CALLERS: [(&str, &str, &str); 11] = [
    ("resident", RESIDENT3, RESIDENT_PASSCODE),
    ("pending resident", PENDING, RESIDENT_PASSCODE),
    ("council member", COUNCIL, RESIDENT_PASSCODE),
    ("building head", HEAD3, RESIDENT_PASSCODE),
    ("resident group leader", GROUP_LEADER, RESIDENT_PASSCODE),
    ("grid worker", GRID, STAFF_PASSWORD),
    ("grid head", GRID_HEAD, STAFF_PASSWORD),
    ("grid director", GRID_DIRECTOR, STAFF_PASSWORD),
    ("community staff", STAFF2, STAFF_PASSWORD),
    ("staff of another community", OTHER_STAFF, STAFF_PASSWORD),
    ("street admin", ADMIN, STAFF_PASSWORD),
];

/// A caller as the cases see her.
pub struct Caller {
    /// As core's rules see her, from her own `/me`.
    pub actor: Actor,
    /// The id of a second session of hers, for `RevokeSession`.
    pub spare_session: String,
    /// A member she grants a role to and revokes it from, whom no other caller touches.
    pub subject: MemberId,
}

/// What a case sends.
pub enum Body {
    /// Nothing to say (`{}` for a change, as the app sends).
    Empty,
    Json(Value),
    /// A body that depends on who sends it.
    JsonFor(Box<dyn Fn(&Caller) -> Value + Send + Sync>),
    Csv(String),
    Image(&'static [u8]),
}

impl Body {
    fn media(&self) -> Media {
        match self {
            Body::Empty => Media::Empty,
            Body::Json(_) | Body::JsonFor(_) => Media::Json,
            Body::Csv(_) => Media::Csv,
            Body::Image(_) => Media::Image,
        }
    }
}

type Expected = Box<dyn Fn(&Actor) -> bool + Send + Sync>;
type PathOf = Box<dyn Fn(&Caller) -> String + Send + Sync>;
type BodyCheck = fn(&Value) -> Result<(), String>;

/// One call of one endpoint, made by every caller, with who may make it.
pub struct Case {
    pub endpoint: &'static str,
    pub access: Access,
    pub label: &'static str,
    method: Method,
    query_keys: &'static [&'static str],
    path: PathOf,
    query: String,
    body: Body,
    check_body: BodyCheck,
    allowed: Expected,
    /// Why no allowed caller can succeed (the record is never in the step the call needs).
    never_succeeds: Option<&'static str>,
    /// Why nobody is refused, for an endpoint whose access is a policy action.
    refused_to_none: Option<&'static str>,
}

fn reads_as<E: Endpoint>(v: &Value) -> Result<(), String> {
    serde_json::from_value::<E::Body>(v.clone())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// A case of endpoint `E` whose path parameters depend on the caller.
pub fn case_for<E, F>(
    label: &'static str,
    endpoint: F,
    body: Body,
    allowed: impl Fn(&Actor) -> bool + Send + Sync + 'static,
) -> Case
where
    E: Endpoint,
    F: Fn(&Caller) -> E + Send + Sync + 'static,
{
    assert_eq!(
        body.media(),
        <E::Body as Payload>::MEDIA,
        "{label}: {} takes a {:?} body",
        E::NAME,
        <E::Body as Payload>::MEDIA
    );
    if let Body::Json(v) = &body
        && let Err(e) = reads_as::<E>(v)
    {
        panic!("{label}: the body does not read as {}'s: {e}", E::NAME);
    }
    Case {
        endpoint: E::NAME,
        access: E::ACCESS,
        label,
        method: E::METHOD,
        query_keys: E::QUERY,
        path: Box::new(move |c: &Caller| format!("{PREFIX}{}", endpoint(c).path())),
        query: String::new(),
        body,
        check_body: reads_as::<E>,
        allowed: Box::new(allowed),
        never_succeeds: None,
        refused_to_none: None,
    }
}

/// A case of endpoint `E`, the same for every caller.
pub fn case<E: Endpoint + Clone + Send + Sync + 'static>(
    label: &'static str,
    endpoint: E,
    body: Body,
    allowed: impl Fn(&Actor) -> bool + Send + Sync + 'static,
) -> Case {
    case_for(label, move |_| endpoint.clone(), body, allowed)
}

impl Case {
    /// Adds query parameters, which must be the endpoint's own.
    pub fn query(mut self, query: &str) -> Case {
        for pair in query.split('&') {
            let key = pair.split('=').next().unwrap_or_default();
            assert!(
                self.query_keys.contains(&key),
                "{}: {} reads no `{key}`",
                self.label,
                self.endpoint
            );
        }
        self.query = format!("?{query}");
        self
    }

    pub fn never_succeeds(mut self, why: &'static str) -> Case {
        self.never_succeeds = Some(why);
        self
    }

    pub fn refused_to_none(mut self, why: &'static str) -> Case {
        self.refused_to_none = Some(why);
        self
    }

    fn send(&self, api: &mut Api, caller: &Caller) -> yishi_api_tests::Resp {
        let path = format!("{}{}", (self.path)(caller), self.query);
        match (&self.body, self.method) {
            (Body::Empty, Method::Get) => api.get(&path),
            (Body::Empty, Method::Delete) => api.delete(&path),
            (Body::Empty, m) => api.send(m.as_str(), &path, "application/json", "{}"),
            (Body::Json(v), m) => api.send(m.as_str(), &path, "application/json", &v.to_string()),
            (Body::JsonFor(f), m) => {
                let v = f(caller);
                if let Err(e) = (self.check_body)(&v) {
                    panic!(
                        "{}: the body does not read as {}'s: {e}",
                        self.label, self.endpoint
                    );
                }
                api.send(m.as_str(), &path, "application/json", &v.to_string())
            }
            (Body::Csv(csv), m) => api.send(m.as_str(), &path, "text/csv", csv),
            (Body::Image(bytes), m) => api.send_bytes(m.as_str(), &path, "image/png", bytes),
        }
    }
}

/// The caller as core's rules see her, from her own `/me`.
fn actor_of(me: MemberView) -> Actor {
    Actor {
        member: me.id,
        // A suspended member cannot sign in: every caller is active.
        status: MemberStatus::Active,
        home: me.home.map(|h| Home {
            placement: Placement {
                household: h.household,
                unit: h.unit_path,
            },
            verification: h.verification,
            representative: h.representative,
        }),
        grants: me
            .roles
            .into_iter()
            .map(|r| RoleGrant {
                role: r.role,
                scope: r.scope_path,
            })
            .collect(),
    }
}

/// Signs in as a caller, reads her `/me`, and opens a spare session of hers.
fn sign_in(who: &'static str, phone: &str, password: &str, subject: MemberId) -> (Api, Caller) {
    let mut api = Api::signed_in(phone, password);
    let me: SessionResponse = api.ok(&Me {}, &Value::Null);
    let actor = actor_of(me.member);
    let mut spare = Api::signed_in(phone, password);
    let sessions: SessionListResponse = spare.ok(&ListSessions {}, &Value::Null);
    let spare_session = sessions
        .sessions
        .into_iter()
        .find(|s| s.current)
        .map(|s| s.id)
        .unwrap_or_else(|| panic!("{who}: no current session listed"));
    (
        api,
        Caller {
            actor,
            spare_session,
            subject,
        },
    )
}

/// What one caller got from one case.
struct Answer {
    case: usize,
    status: u16,
    expected: bool,
    body: Value,
}

/// Whether `status` is what `expected` calls for.
fn agrees(expected: bool, status: u16) -> bool {
    if expected {
        (200..300).contains(&status) || status == 409 || status == 422
    } else {
        status == 403 || status == 404
    }
}

#[test]
fn every_route_agrees_with_the_policy_for_every_role() {
    let started = std::time::Instant::now();
    let records = records::Records::create();
    let cases = cases::cases(&records);
    let set_up = started.elapsed();

    let answers: Vec<(&str, Vec<Answer>)> = std::thread::scope(|s| {
        let handles: Vec<_> = CALLERS
            .iter()
            .zip(&records.subjects)
            .map(|(&(who, phone, password), subject)| {
                let cases = &cases;
                s.spawn(move || {
                    let (mut api, caller) = sign_in(who, phone, password, subject.clone());
                    let answers = cases
                        .iter()
                        .enumerate()
                        .map(|(i, c)| {
                            let resp = c.send(&mut api, &caller);
                            Answer {
                                case: i,
                                status: resp.status,
                                expected: (c.allowed)(&caller.actor),
                                body: resp.body,
                            }
                        })
                        .collect();
                    (who, answers)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });

    let mut failures = Vec::new();
    let mut allowed = vec![false; cases.len()];
    let mut refused = vec![false; cases.len()];
    let mut succeeded = vec![false; cases.len()];
    let mut allowed_got: Vec<Vec<String>> = vec![Vec::new(); cases.len()];
    let mut calls = 0;
    for (who, answers) in &answers {
        for a in answers {
            let c = &cases[a.case];
            calls += 1;
            allowed[a.case] |= a.expected;
            refused[a.case] |= !a.expected;
            succeeded[a.case] |= a.expected && (200..300).contains(&a.status);
            if a.expected {
                let code = a.body["error"]["code"].as_str().unwrap_or_default();
                allowed_got[a.case].push(format!("{who}: {} {code}", a.status));
            }
            if !agrees(a.expected, a.status) {
                failures.push(format!(
                    "{} ({}): {who} should be {}, got {} {}",
                    c.label,
                    c.endpoint,
                    if a.expected { "allowed" } else { "refused" },
                    a.status,
                    a.body
                ));
            }
        }
    }
    assert_eq!(calls, cases.len() * CALLERS.len());
    for (i, c) in cases.iter().enumerate() {
        if !allowed[i] {
            failures.push(format!("{} ({}): allowed to nobody", c.label, c.endpoint));
        }
        let open_to_all = matches!(c.access, Access::Member | Access::Own);
        if !refused[i] && !open_to_all && c.refused_to_none.is_none() {
            failures.push(format!("{} ({}): refused to nobody", c.label, c.endpoint));
        }
        if allowed[i] && !succeeded[i] && c.never_succeeds.is_none() {
            failures.push(format!(
                "{} ({}): no allowed caller succeeded (is the record in the right step?): {}",
                c.label,
                c.endpoint,
                allowed_got[i].join(", ")
            ));
        }
    }
    let endpoints: BTreeSet<&str> = cases.iter().map(|c| c.endpoint).collect();
    println!(
        "authorization matrix: {} endpoints, {} cases, {calls} calls, records in {:.1} s, all in {:.1} s",
        endpoints.len(),
        cases.len(),
        set_up.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} disagreements with the policy:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The endpoints of the table that need a session.
fn acting_endpoints() -> Vec<RouteInfo> {
    routes::table()
        .into_iter()
        .filter(|r| r.access.needs_session())
        .collect()
}

/// A new endpoint cannot be left out: every one that needs a session has a case, or its reason.
#[test]
fn every_acting_endpoint_has_a_case_or_a_reason_to_have_none() {
    let cases = cases::cases(&records::Records::sample());
    let covered: BTreeSet<&str> = cases.iter().map(|c| c.endpoint).collect();
    let missing: Vec<&str> = acting_endpoints()
        .iter()
        .map(|r| r.name)
        .filter(|n| !covered.contains(n) && !EXEMPT.iter().any(|(e, _)| e == n))
        .collect();
    assert!(
        missing.is_empty(),
        "endpoints without a matrix case (add one to its area in matrix/cases/, or an exemption with its reason to EXEMPT): {missing:?}"
    );
    for (name, why) in EXEMPT {
        let info = acting_endpoints().into_iter().find(|r| r.name == *name);
        assert!(
            info.is_some(),
            "{name} is exempt but is not an acting endpoint"
        );
        assert!(!covered.contains(name), "{name} is exempt but has a case");
        assert!(!why.is_empty());
    }
}

/// A well-formed sample of a path parameter of the given shape (`RouteInfo::params`).
fn sample(shape: &str) -> String {
    match shape {
        "integer" => "1".to_owned(),
        "token" => "tok_1".to_owned(),
        s if s.starts_with("compounds") => "buildings".to_owned(),
        s => format!("{}_1", s.trim_start_matches("id (").trim_end_matches("_…)")),
    }
}

/// Signed out, every endpoint of the table that needs a session answers 401 first: before reading the
/// body, and before a well-formed but unknown id could answer 404.
#[test]
fn signed_out_callers_are_refused_everywhere() {
    let mut api = Api::new();
    let mut wrong = Vec::new();
    for info in acting_endpoints() {
        let path = format!(
            "{PREFIX}{}",
            info.path_with(|name| {
                let shape = info
                    .params
                    .iter()
                    .find(|(p, _)| *p == name)
                    .map(|(_, s)| *s)
                    .unwrap_or_default();
                sample(shape)
            })
        );
        let resp = match (info.method, info.body_media) {
            (Method::Get, _) => api.get(&path),
            (Method::Delete, _) => api.delete(&path),
            (m, Media::Csv) => api.send(m.as_str(), &path, "text/csv", "a,b\n"),
            (m, Media::Image) => api.send_bytes(m.as_str(), &path, "image/png", PNG),
            (m, _) => api.send(m.as_str(), &path, "application/json", "{}"),
        };
        if resp.status != 401 || resp.code() != "unauthenticated" {
            wrong.push(format!(
                "{} {} {path}: {} {}",
                info.name,
                info.method.as_str(),
                resp.status,
                resp.body
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "signed out, these did not answer 401 unauthenticated:\n{}",
        wrong.join("\n")
    );
}
