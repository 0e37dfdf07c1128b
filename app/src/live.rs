//! Following a meeting live: a WebSocket to its room, which sends the current state at once and every
//! change after it. When the socket drops (weak Wi-Fi, a locked screen) the page reconnects after a
//! pause and, until it is back, asks for the state over HTTP every few seconds. A state older than the
//! one shown is ignored, and so is a message of another version of the room's protocol
//! (`yishi_core::live`).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{MessageEvent, WebSocket};
use yishi_core::api::meetings::MeetingLive;
use yishi_core::api::routes::{GetMeetingLive, MeetingSocket};
use yishi_core::ids::MeetingId;
use yishi_core::live::{STATE, VERSION};

use crate::api::{self, Query};
use crate::clock::every;
use crate::i18n::use_i18n;

/// Milliseconds before a dropped socket is opened again.
const RECONNECT_MS: u32 = 3_000;
/// Milliseconds between two readings over HTTP while the socket is down.
const POLL_MS: u32 = 5_000;

fn accept(live: RwSignal<MeetingLive>, next: MeetingLive) {
    if next.revision >= live.with_untracked(|l| l.revision) {
        live.set(next);
    }
}

struct Connection {
    socket: Option<WebSocket>,
    alive: bool,
}

/// Keeps `live` up to date for as long as the calling component lives; `connected` says whether the
/// socket is open.
pub fn follow(id: MeetingId, live: RwSignal<MeetingLive>, connected: RwSignal<bool>) {
    let i18n = use_i18n();
    let state = Rc::new(RefCell::new(Connection {
        socket: None,
        alive: true,
    }));
    connect(id.clone(), live, connected, state.clone());
    let polling = Rc::new(Cell::new(false));
    every(POLL_MS, move || {
        if connected.get_untracked() || polling.get() {
            return;
        }
        polling.set(true);
        let (endpoint, polling) = (GetMeetingLive { id: id.clone() }, polling.clone());
        leptos::task::spawn_local(async move {
            if let Ok(next) = api::get(i18n.lang_untracked(), &endpoint).await {
                accept(live, next);
            }
            polling.set(false);
        });
    });
    let stored = StoredValue::new_local(state);
    on_cleanup(move || {
        stored.with_value(|state| {
            let mut s = state.borrow_mut();
            s.alive = false;
            if let Some(socket) = s.socket.take() {
                let _ = socket.close();
            }
        });
    });
}

fn connect(
    id: MeetingId,
    live: RwSignal<MeetingLive>,
    connected: RwSignal<bool>,
    state: Rc<RefCell<Connection>>,
) {
    if !state.borrow().alive {
        return;
    }
    let location = window().location();
    let scheme = if location.protocol().as_deref() == Ok("https:") {
        "wss"
    } else {
        "ws"
    };
    let host = location.host().unwrap_or_default();
    let path = api::url(&MeetingSocket { id: id.clone() }, &Query::new());
    let url = format!("{scheme}://{host}{path}");
    let retry = {
        let (id, state) = (id.clone(), state.clone());
        move || {
            let (id, state) = (id.clone(), state.clone());
            Timeout::new(RECONNECT_MS, move || connect(id, live, connected, state)).forget();
        }
    };
    let Ok(socket) = WebSocket::new(&url) else {
        retry();
        return;
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if let Some(text) = event.data().as_string()
            && let Some(next) = state_of(&text)
        {
            accept(live, next);
        }
    });
    socket.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_open = Closure::<dyn FnMut()>::new(move || connected.set(true));
    socket.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    on_open.forget();
    let on_close = Closure::<dyn FnMut()>::new({
        let state = state.clone();
        move || {
            connected.set(false);
            if state.borrow().alive {
                retry();
            }
        }
    });
    socket.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    on_close.forget();
    state.borrow_mut().socket = Some(socket);
}

/// The live state of a room's `state` message of this version (`yishi_core::live::ServerMsg::State`);
/// `None` for any other message. Read field by field from the browser's `JSON.parse`: serde's
/// flattened, tagged reading of the whole envelope would cost the phone several kilobytes.
fn state_of(text: &str) -> Option<MeetingLive> {
    let message = js_sys::JSON::parse(text).ok()?;
    let field = |name: &str| js_sys::Reflect::get(&message, &name.into()).ok();
    let version = field("v")?.as_f64()?;
    if version != f64::from(VERSION) || field("type")?.as_string()? != STATE {
        return None;
    }
    serde_wasm_bindgen::from_value(field("live")?).ok()
}
