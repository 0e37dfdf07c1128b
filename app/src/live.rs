//! Following a meeting live: a WebSocket to its room, which speaks `yishi_core::live`'s protocol. The
//! room sends the whole state when the socket opens and whenever the phone asks (`sync`), and after each
//! change a delta from one revision to the next; core's `receive` decides what the phone does with each
//! message against the state it shows: show the new state, keep the old one (nothing new), or, when a delta
//! does not start where the phone stands (it missed one), ask for the state again.
//!
//! The socket is kept honest on a phone: while open, the page pings every 30 s, so that a proxy does not
//! close a quiet connection on a tab left open for hours; when the page comes back into view (a phone
//! woken from sleep, a tab brought forward) it asks for the state if the socket is open, or opens it at
//! once if it closed meanwhile. When the socket drops (weak Wi-Fi, a locked screen) the page opens it again
//! after a pause and, until it is back, reads the state over HTTP every few seconds. A message of another
//! version of the protocol is ignored. When the page's component is cleaned up, the socket is closed and
//! its handlers taken off, the page's listener removed and every timer cleared.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::Closure;
use web_sys::{MessageEvent, WebSocket};
use yishi_core::api::meetings::MeetingLive;
use yishi_core::api::routes::{GetMeetingLive, MeetingSocket};
use yishi_core::ids::MeetingId;
use yishi_core::live::{
    Changes, ClientMsg, DELTA, Presence, Received, STATE, ServerMsg, VERSION, receive,
};

use crate::api::{self, Query};
use crate::clock::every;
use crate::i18n::use_i18n;

/// Milliseconds before a dropped socket is opened again.
const RECONNECT_MS: u32 = 3_000;
/// Milliseconds between two readings over HTTP while the socket is down.
const POLL_MS: u32 = 5_000;
/// Pings while the socket is open, every this many readings' time (30 s).
const PING_EVERY: u32 = 6;

/// The page's end of a meeting's room.
struct Room {
    id: MeetingId,
    live: RwSignal<MeetingLive>,
    socket: RefCell<Option<WebSocket>>,
    /// The socket opened again after a pause.
    retry: RefCell<Option<Timeout>>,
    /// `None` once the page's component is cleaned up.
    handlers: RefCell<Option<Handlers>>,
}

/// The socket's handlers (the same for every socket the page opens) and the page's visibility listener.
struct Handlers {
    open: Closure<dyn FnMut()>,
    message: Closure<dyn FnMut(MessageEvent)>,
    close: Closure<dyn FnMut()>,
    visible: Closure<dyn FnMut()>,
}

/// Keeps `live` up to date for as long as the calling component lives; `connected` says whether the
/// socket is open.
pub fn follow(id: MeetingId, live: RwSignal<MeetingLive>, connected: RwSignal<bool>) {
    let i18n = use_i18n();
    let room = Rc::new(Room {
        id,
        live,
        socket: RefCell::new(None),
        retry: RefCell::new(None),
        handlers: RefCell::new(None),
    });
    let handlers = Handlers {
        open: Closure::new(move || connected.set(true)),
        message: Closure::new({
            let room = room.clone();
            move |event: MessageEvent| {
                if let Some(msg) = event.data().as_string().as_deref().and_then(read) {
                    room.take(msg);
                }
            }
        }),
        close: Closure::new({
            let room = room.clone();
            move || {
                connected.set(false);
                room.retry_later();
            }
        }),
        visible: Closure::new({
            let room = room.clone();
            move || {
                if !document().hidden() {
                    room.wake();
                }
            }
        }),
    };
    let _ = document().add_event_listener_with_callback(
        "visibilitychange",
        handlers.visible.as_ref().unchecked_ref(),
    );
    *room.handlers.borrow_mut() = Some(handlers);
    room.connect();
    // While the socket is down, the state over HTTP; while it is open, a ping now and then.
    let polling = Rc::new(Cell::new(false));
    let mut ticks = 0;
    every(POLL_MS, {
        let room = room.clone();
        move || {
            if room.is_open() {
                ticks += 1;
                if ticks % PING_EVERY == 0 {
                    room.send(ClientMsg::Ping);
                }
                return;
            }
            if polling.replace(true) {
                return;
            }
            let (endpoint, room, polling) = (
                GetMeetingLive {
                    id: room.id.clone(),
                },
                room.clone(),
                polling.clone(),
            );
            leptos::task::spawn_local(async move {
                if let Ok(live) = api::get(i18n.lang_untracked(), &endpoint).await {
                    room.take(ServerMsg::State {
                        live: Box::new(live),
                    });
                }
                polling.set(false);
            });
        }
    });
    let room = StoredValue::new_local(room);
    on_cleanup(move || room.with_value(|room| room.stop()));
}

impl Room {
    fn is_open(&self) -> bool {
        self.socket
            .borrow()
            .as_ref()
            .is_some_and(|s| s.ready_state() == WebSocket::OPEN)
    }

    /// Opens a socket to the room, in place of the one before (whose handlers are taken off first).
    fn connect(self: &Rc<Self>) {
        drop(self.retry.take());
        self.drop_socket();
        let socket = {
            let handlers = self.handlers.borrow();
            let Some(h) = handlers.as_ref() else {
                return;
            };
            let location = window().location();
            let scheme = if location.protocol().as_deref() == Ok("https:") {
                "wss"
            } else {
                "ws"
            };
            let host = location.host().unwrap_or_default();
            let path = api::url(
                &MeetingSocket {
                    id: self.id.clone(),
                },
                &Query::new(),
            );
            WebSocket::new(&format!("{scheme}://{host}{path}"))
                .ok()
                .inspect(|socket| {
                    socket.set_onopen(Some(h.open.as_ref().unchecked_ref()));
                    socket.set_onmessage(Some(h.message.as_ref().unchecked_ref()));
                    socket.set_onclose(Some(h.close.as_ref().unchecked_ref()));
                })
        };
        match socket {
            Some(socket) => *self.socket.borrow_mut() = Some(socket),
            None => self.retry_later(),
        }
    }

    fn retry_later(self: &Rc<Self>) {
        if self.handlers.borrow().is_some() {
            let room = self.clone();
            *self.retry.borrow_mut() = Some(Timeout::new(RECONNECT_MS, move || room.connect()));
        }
    }

    /// The page is in view again: the state now, by the socket if it is open, else by a new socket.
    fn wake(self: &Rc<Self>) {
        let ready = self.socket.borrow().as_ref().map(WebSocket::ready_state);
        match ready {
            Some(WebSocket::OPEN) => self.send(ClientMsg::Sync),
            Some(WebSocket::CONNECTING) => {}
            _ => self.connect(),
        }
    }

    fn send(&self, msg: ClientMsg) {
        if let Some(socket) = self.socket.borrow().as_ref()
            && socket.ready_state() == WebSocket::OPEN
        {
            let _ = socket.send_with_str(&msg.text());
        }
    }

    /// A message of the room, or a state read over HTTP, taken against the state shown.
    fn take(&self, msg: ServerMsg) {
        let received = self.live.try_maybe_update(|shown| {
            let received = receive(shown, msg);
            (received == Received::Changed, received)
        });
        if received == Some(Received::Resync) {
            self.send(ClientMsg::Sync);
        }
    }

    fn drop_socket(&self) {
        if let Some(socket) = self.socket.take() {
            socket.set_onopen(None);
            socket.set_onmessage(None);
            socket.set_onclose(None);
            let _ = socket.close();
        }
    }

    /// The page's component is gone: nothing of this room may run again.
    fn stop(&self) {
        drop(self.retry.take());
        self.drop_socket();
        if let Some(h) = self.handlers.take() {
            let _ = document().remove_event_listener_with_callback(
                "visibilitychange",
                h.visible.as_ref().unchecked_ref(),
            );
        }
    }
}

/// A room's `state` or `delta` of this version (`yishi_core::live::ServerMsg`); `None` for any other
/// message (a `pong`, another version). Read field by field from the browser's `JSON.parse`: serde's
/// flattened, tagged reading of the whole envelope would cost the phone several kilobytes.
fn read(text: &str) -> Option<ServerMsg> {
    let message = js_sys::JSON::parse(text).ok()?;
    let field = |name: &str| js_sys::Reflect::get(&message, &name.into()).ok();
    if field("v")?.as_f64()? != f64::from(VERSION) {
        return None;
    }
    match field("type")?.as_string()?.as_str() {
        STATE => Some(ServerMsg::State {
            live: serde_wasm_bindgen::from_value(field("live")?).ok()?,
        }),
        DELTA => Some(ServerMsg::Delta {
            from: serde_wasm_bindgen::from_value(field("from")?).ok()?,
            to: serde_wasm_bindgen::from_value(field("to")?).ok()?,
            changes: Box::new(changes(&field("changes")?)?),
        }),
        _ => None,
    }
}

/// A delta's changes (`yishi_core::live::Changes`), part by part, each read by the reader that the same
/// field of the whole state already uses: a reader of `Changes` of its own would cost the phone another
/// kilobyte. A part the room leaves out stays `None`; a part added to `Changes` must be read here too.
fn changes(value: &JsValue) -> Option<Changes> {
    let presence = match part(value, "presence") {
        Some(p) => Some(Presence {
            present: decode(&p, "present")??,
            eligible: decode(&p, "eligible")??,
            quorum_met: decode(&p, "quorum_met")??,
            buildings: decode(&p, "buildings")??,
        }),
        None => None,
    };
    Some(Changes {
        state: decode(value, "state")?,
        items: decode(value, "items")?,
        presence,
        speakers: decode(value, "speakers")?,
        motion: decode(value, "motion")?,
    })
}

/// The field `name` of `of`, when it is there.
fn part(of: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(of, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The field `name` of `of`: `Some(None)` when it is not there, `None` when it cannot be read.
fn decode<T: DeserializeOwned>(of: &JsValue, name: &str) -> Option<Option<T>> {
    part(of, name)
        .map(serde_wasm_bindgen::from_value)
        .transpose()
        .ok()
}
