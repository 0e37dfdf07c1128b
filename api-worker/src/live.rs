//! The live room of a meeting: one Durable Object per meeting that holds the WebSocket of every phone and
//! big screen following it (with the WebSocket hibernation API: an idle room costs nothing while sockets
//! stay open) and the meeting's live view (`yishi_core::live::room::Room`).
//!
//! D1 is the record; the room is a view of it kept in memory. A route stores its change (raising the
//! meeting's revision in the same batch) and then tells the room a small event ([`Room::tell`]): a ballot,
//! a check-in or a leave moves the view by itself; any other change makes the room read the record
//! ([`record::read`]). The room sends the phones at most one message per window (see
//! [`WINDOW_MS_PER_SOCKET`]): the first change after a quiet moment at once, a burst as one delta with the
//! latest count. A room with nothing in memory
//! (just started, or woken from hibernation) reads the record before it answers; a room behind the record
//! (an event lost in a crash between storing and telling) catches up when a phone connects or asks (the
//! worker or the room reads the stored revision), when a route finds the ballot already stored, and when
//! an event that waits for a missing one has waited [`GAP_MS`]. The room keeps the meeting's list (who
//! is on it, where each lives) between reads: a read to catch up reads the meeting's own rows only, and
//! a change the room does not derive reads the list again. Messages are `yishi_core::live`'s.

pub mod record;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use worker::{
    Date, Delay, DurableObject, Env, Method, Request, RequestInit, Response, Result, State, Stub,
    WebSocket, WebSocketIncomingMessage, WebSocketPair, durable_object,
};
use yishi_core::api::meetings::MeetingLive;
use yishi_core::ids::MeetingId;
use yishi_core::live::room::{Room as LiveRoom, RoomEvent, Step};
use yishi_core::live::{ClientMsg, ServerMsg};

use crate::error::{ApiError, ApiResult};

/// The binding of the rooms in `wrangler.toml`.
const BINDING: &str = "MEETINGS";
/// The meeting a room belongs to, kept in its storage for when it wakes from hibernation.
const MEETING_KEY: &str = "meeting";
/// Headers of the worker's requests to a room.
const MEETING_HEADER: &str = "x-yishi-meeting";
const REVISION_HEADER: &str = "x-yishi-revision";
/// The phones get at most one message per window: the first change after a quiet window at once, a
/// burst as one message with the latest count at the window's end. The window grows with the sockets
/// the room sends to (0.01 ms each: 10 ms for 1,000 phones, 50 ms for 5,000), up to 100 ms, so that a
/// small room is told at once and a large one does not spend its time sending counts nobody has read.
const WINDOW_MS_PER_SOCKET: f64 = 0.01;
const WINDOW_MAX_MS: f64 = 100.0;
/// How long an event from further ahead waits for the one before it before the room reads the record
/// (under a burst of ballots the tellings overtake each other by hundreds of milliseconds).
pub const GAP_MS: u64 = 1_000;

/// The worker's client of one meeting's room.
pub struct Room {
    stub: Stub,
    meeting: MeetingId,
}

impl Room {
    /// The room of meeting `id` (created on first use).
    pub fn of(env: &Env, id: &MeetingId) -> Result<Room> {
        let stub = env
            .durable_object(BINDING)?
            .id_from_name(id.as_str())?
            .get_stub()?;
        Ok(Room {
            stub,
            meeting: id.clone(),
        })
    }

    fn request(&self, method: Method, revision: Option<u64>) -> Result<RequestInit> {
        let headers = worker::Headers::new();
        headers.set(MEETING_HEADER, self.meeting.as_str())?;
        if let Some(r) = revision {
            headers.set(REVISION_HEADER, &r.to_string())?;
        }
        let mut init = RequestInit::new();
        init.with_method(method).with_headers(headers);
        Ok(init)
    }

    /// Tells the room of a change stored in D1.
    pub async fn tell(&self, event: &RoomEvent) -> Result<()> {
        let mut init = self.request(Method::Post, None)?;
        init.with_body(Some(wasm_bindgen::JsValue::from_str(
            &serde_json::to_string(event)?,
        )));
        let request = Request::new_with_init("https://room.invalid/event", &init)?;
        self.stub.fetch_with_request(request).await?;
        Ok(())
    }

    /// The live view, at least as new as `revision` (the meeting's revision as the caller read it).
    pub async fn state(&self, revision: u64) -> ApiResult<MeetingLive> {
        let init = self.request(Method::Get, Some(revision))?;
        let request = Request::new_with_init("https://room.invalid/state", &init)?;
        let mut response = self.stub.fetch_with_request(request).await?;
        if response.status_code() != 200 {
            return Err(ApiError::internal(format!(
                "the meeting's room answered {}",
                response.status_code()
            )));
        }
        Ok(response.json::<MeetingLive>().await?)
    }

    /// Hands a WebSocket handshake to the room, which sends the view (at least as new as `revision`) at
    /// once and every change after it.
    pub async fn connect(&self, handshake: &Request, revision: u64) -> Result<Response> {
        let headers = handshake.headers().clone();
        headers.set(MEETING_HEADER, self.meeting.as_str())?;
        headers.set(REVISION_HEADER, &revision.to_string())?;
        let forward = Request::new_with_init(
            "https://room.invalid/socket",
            RequestInit::new().with_headers(headers),
        )?;
        self.stub.fetch_with_request(forward).await
    }

    /// Makes the room send `text` to every socket as it is (for the benchmark of the runtime's floor).
    pub async fn echo(&self, text: &str) -> Result<()> {
        let mut init = self.request(Method::Post, None)?;
        init.with_body(Some(wasm_bindgen::JsValue::from_str(text)));
        let request = Request::new_with_init("https://room.invalid/echo", &init)?;
        self.stub.fetch_with_request(request).await?;
        Ok(())
    }

    /// Makes the room forget its view, as a room that restarts (for the tests of rebuilding).
    pub async fn forget(&self) -> Result<()> {
        let init = self.request(Method::Post, None)?;
        let request = Request::new_with_init("https://room.invalid/forget", &init)?;
        self.stub.fetch_with_request(request).await?;
        Ok(())
    }
}

/// What a room holds in memory (lost when it restarts or hibernates).
#[derive(Default)]
struct Memory {
    meeting: Option<MeetingId>,
    room: Option<LiveRoom>,
    /// The meeting's list as last read, kept for the next read of the record unless a change the room
    /// does not derive (which may come with a new list: a motion put for those present now) asks
    /// for it afresh.
    list: Option<record::List>,
    list_stale: bool,
    /// A read of the record is under way; another is wanted after it.
    reading: bool,
    read_again: bool,
    /// Events that came while the first read was under way.
    early: Vec<RoomEvent>,
    /// When the last message went out (ms), to how many sockets; a send is scheduled.
    sent_at: f64,
    sockets: usize,
    scheduled: bool,
    /// A check of a gap is scheduled.
    gap_check: bool,
}

struct Inner {
    state: State,
    env: Env,
    memory: RefCell<Memory>,
}

#[durable_object]
pub struct MeetingRoom {
    inner: Rc<Inner>,
}

impl Inner {
    /// The meeting this room belongs to: from the worker's request, or from storage after a wake.
    async fn meeting(&self, req: Option<&Request>) -> Result<Option<MeetingId>> {
        if let Some(id) = self.memory.borrow().meeting.clone() {
            return Ok(Some(id));
        }
        let from_request = match req {
            Some(r) => r
                .headers()
                .get(MEETING_HEADER)?
                .and_then(|m| MeetingId::parse(&m)),
            None => None,
        };
        let id = match from_request {
            Some(id) => {
                self.state.storage().put(MEETING_KEY, id.as_str()).await?;
                Some(id)
            }
            None => self
                .state
                .storage()
                .get::<String>(MEETING_KEY)
                .await?
                .and_then(|m| MeetingId::parse(&m)),
        };
        self.memory.borrow_mut().meeting.clone_from(&id);
        Ok(id)
    }

    /// Reads the record, unless a read is under way (which then reads once more), and waits until the
    /// view is built.
    async fn read(self: &Rc<Self>, id: &MeetingId) {
        if std::mem::replace(&mut self.memory.borrow_mut().reading, true) {
            self.memory.borrow_mut().read_again = true;
            self.read_done().await;
            return;
        }
        loop {
            worker::console_log!("room of {id}: reading the record");
            let list = {
                let mut memory = self.memory.borrow_mut();
                let stale = std::mem::take(&mut memory.list_stale);
                memory.list.clone().filter(|_| !stale)
            };
            let read = match self.env.d1("DB") {
                Ok(db) => record::read(&db, id, crate::http::now(), list).await,
                Err(e) => Err(e.into()),
            };
            match read {
                Ok(Some((record, list))) => {
                    self.memory.borrow_mut().list = Some(list);
                    self.install(record);
                }
                Ok(None) => {}
                Err(e) => worker::console_error!(
                    "room: reading the record failed: {:?} {:?}",
                    e.error,
                    e.cause
                ),
            }
            let mut memory = self.memory.borrow_mut();
            if !std::mem::take(&mut memory.read_again) {
                memory.reading = false;
                break;
            }
        }
    }

    /// Takes a record just read: a new view (sent whole to the sockets that were open before the
    /// room restarted), or the view brought up to it (sent as the next delta).
    fn install(self: &Rc<Self>, record: yishi_core::live::room::Record) {
        let fresh = {
            let mut memory = self.memory.borrow_mut();
            let early = std::mem::take(&mut memory.early);
            match memory.room.as_mut() {
                Some(room) => {
                    room.replace(record);
                    false
                }
                None => {
                    let mut room = LiveRoom::new(record);
                    for e in early {
                        room.receive(e);
                    }
                    memory.room = Some(room);
                    true
                }
            }
        };
        if fresh {
            self.send_state_to_all();
        }
        self.schedule();
    }

    /// Waits until no read of the record is under way.
    async fn read_done(&self) {
        while self.memory.borrow().reading {
            Delay::from(Duration::from_millis(5)).await;
        }
    }

    /// Sends `text` to every socket (a socket that is closing is dropped by the runtime; the others
    /// still get it), and counts them for the next window.
    fn send_to_all(&self, text: &str) {
        let sockets = self.state.get_websockets();
        self.memory.borrow_mut().sockets = sockets.len();
        for socket in sockets {
            let _ = socket.send_with_str(text);
        }
    }

    fn send_state_to_all(&self) {
        let text = {
            let mut memory = self.memory.borrow_mut();
            let Some(room) = memory.room.as_mut() else {
                return;
            };
            // What follows is a delta from here.
            let _ = room.flush();
            room.state().text()
        };
        self.send_to_all(&text);
    }

    /// Makes sure the view is at least as new as `revision` (and exists), reading the record if not; a
    /// read under way is waited for first (it may bring the view there).
    async fn catch_up(self: &Rc<Self>, id: &MeetingId, revision: Option<u64>) {
        self.read_done().await;
        let behind = match self.memory.borrow().room.as_ref() {
            None => true,
            Some(room) => revision.is_some_and(|r| room.revision() < r),
        };
        if behind {
            self.read(id).await;
        }
    }

    /// An event from the worker. A read of the record it calls for runs after the answer, so the route
    /// that told (a ballot's) does not wait for it.
    fn event(self: &Rc<Self>, id: &MeetingId, event: RoomEvent) {
        let is_changed = matches!(event, RoomEvent::Changed { .. });
        let step = {
            let mut memory = self.memory.borrow_mut();
            match memory.room.as_mut() {
                Some(room) => Some(room.receive(event)),
                None => {
                    memory.early.push(event);
                    None
                }
            }
        };
        match step {
            Some(Step::Applied) => self.schedule(),
            Some(Step::Stale) => {}
            Some(Step::Waiting) => self.check_gap_later(id.clone()),
            None | Some(Step::Behind) => {
                if is_changed {
                    self.memory.borrow_mut().list_stale = true;
                }
                let (this, id) = (Rc::clone(self), id.clone());
                self.state.wait_until(async move { this.read(&id).await });
            }
        }
    }

    /// Sends what changed now, or schedules it so that the phones get at most one message per window.
    fn schedule(self: &Rc<Self>) {
        let wait = {
            let mut memory = self.memory.borrow_mut();
            if memory.scheduled {
                return;
            }
            let window = (memory.sockets as f64 * WINDOW_MS_PER_SOCKET).min(WINDOW_MAX_MS);
            let since = Date::now().as_millis() as f64 - memory.sent_at;
            if since >= window {
                None
            } else {
                memory.scheduled = true;
                Some(window - since)
            }
        };
        match wait {
            None => self.flush(),
            Some(ms) => {
                let this = Rc::clone(self);
                self.state.wait_until(async move {
                    Delay::from(Duration::from_millis(ms.ceil() as u64)).await;
                    this.memory.borrow_mut().scheduled = false;
                    this.flush();
                });
            }
        }
    }

    fn flush(&self) {
        let text = {
            let mut memory = self.memory.borrow_mut();
            let Some(message) = memory.room.as_mut().and_then(LiveRoom::flush) else {
                return;
            };
            memory.sent_at = Date::now().as_millis() as f64;
            message.text()
        };
        self.send_to_all(&text);
    }

    /// An event waits for one that has not come: if it still waits after [`GAP_MS`], the one missing
    /// was lost, and the room reads the record.
    fn check_gap_later(self: &Rc<Self>, id: MeetingId) {
        if std::mem::replace(&mut self.memory.borrow_mut().gap_check, true) {
            return;
        }
        let this = Rc::clone(self);
        self.state.wait_until(async move {
            Delay::from(Duration::from_millis(GAP_MS)).await;
            this.memory.borrow_mut().gap_check = false;
            let gap = this
                .memory
                .borrow()
                .room
                .as_ref()
                .is_some_and(LiveRoom::has_gap);
            if gap {
                this.read(&id).await;
            }
        });
    }

    /// The view as a `state` message, at least as new as `revision`.
    async fn state_text(self: &Rc<Self>, id: &MeetingId, revision: Option<u64>) -> Option<String> {
        self.catch_up(id, revision).await;
        self.memory
            .borrow_mut()
            .room
            .as_mut()
            .map(|room| room.state().text())
    }
}

fn revision_of(req: &Request) -> Result<Option<u64>> {
    Ok(req
        .headers()
        .get(REVISION_HEADER)?
        .and_then(|r| r.parse().ok()))
}

impl DurableObject for MeetingRoom {
    fn new(state: State, env: Env) -> Self {
        Self {
            inner: Rc::new(Inner {
                state,
                env,
                memory: RefCell::new(Memory::default()),
            }),
        }
    }

    async fn fetch(&self, mut req: Request) -> Result<Response> {
        let inner = &self.inner;
        let Some(id) = inner.meeting(Some(&req)).await? else {
            return Response::error("no meeting", 400);
        };
        match req.path().as_str() {
            "/event" => {
                let Ok(event) = serde_json::from_str::<RoomEvent>(&req.text().await?) else {
                    return Response::error("not an event", 400);
                };
                inner.event(&id, event);
                Response::empty()
            }
            "/state" => {
                let revision = revision_of(&req)?;
                inner.catch_up(&id, revision).await;
                let live = inner
                    .memory
                    .borrow_mut()
                    .room
                    .as_mut()
                    .map(|room| room.live().clone());
                match live {
                    Some(live) => Response::from_json(&live),
                    None => Response::error("no record", 404),
                }
            }
            "/socket" => {
                let revision = revision_of(&req)?;
                let Some(text) = inner.state_text(&id, revision).await else {
                    return Response::error("no record", 404);
                };
                let pair = WebSocketPair::new()?;
                inner.state.accept_web_socket(&pair.server);
                pair.server.send_with_str(&text)?;
                Response::from_websocket(pair.client)
            }
            "/echo" => {
                inner.send_to_all(&req.text().await?);
                Response::empty()
            }
            "/forget" => {
                let mut memory = inner.memory.borrow_mut();
                memory.room = None;
                memory.list = None;
                memory.early.clear();
                Response::empty()
            }
            _ => Response::error("not found", 404),
        }
    }

    /// A phone may ask again for the state (after the screen was locked, or a gap in what it was sent)
    /// with `sync`: the room first reads the stored revision, and the record if it is behind it. A
    /// `ping` keeps proxies from closing an idle connection. Anything else is ignored.
    async fn websocket_message(
        &self,
        ws: WebSocket,
        message: WebSocketIncomingMessage,
    ) -> Result<()> {
        let WebSocketIncomingMessage::String(text) = message else {
            return Ok(());
        };
        match ClientMsg::read(&text) {
            Some(ClientMsg::Ping) => ws.send_with_str(ServerMsg::Pong.text())?,
            Some(ClientMsg::Sync) => {
                let Some(id) = self.inner.meeting(None).await? else {
                    return Ok(());
                };
                let stored = match self.inner.env.d1("DB") {
                    Ok(db) => crate::db::meetings::revision(&db, &id).await.ok().flatten(),
                    Err(_) => None,
                };
                if let Some(text) = self.inner.state_text(&id, stored).await {
                    ws.send_with_str(&text)?;
                }
            }
            None => {}
        }
        Ok(())
    }

    async fn websocket_close(
        &self,
        ws: WebSocket,
        code: usize,
        reason: String,
        _was_clean: bool,
    ) -> Result<()> {
        // 1005/1006 are reserved and cannot be sent back.
        let code = if (1000..=4999).contains(&code) && code != 1005 && code != 1006 {
            code as u16
        } else {
            1000
        };
        let _ = ws.close(Some(code), Some(reason));
        Ok(())
    }

    async fn websocket_error(&self, _ws: WebSocket, _error: worker::Error) -> Result<()> {
        Ok(())
    }
}
