//! Following a meeting live: a WebSocket to its room, which sends the current state at once and every
//! change after it. When the socket drops (weak Wi-Fi, a locked screen) the page reconnects after a
//! pause and, until it is back, asks for the state over HTTP every few seconds. A state older than the
//! one shown is ignored, and so is a message of another version of the room's protocol
//! (`yishi_core::live`).

use std::cell::Cell;
use std::future::poll_fn;
use std::pin::Pin;
use std::rc::Rc;

use futures::future::{AbortHandle, Abortable};
use futures::{Sink, StreamExt};
use gloo_net::websocket::futures::WebSocket;
use gloo_net::websocket::{Message, State};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use yishi_core::api::meetings::MeetingLive;
use yishi_core::live::{self, Envelope, ServerMsg};

use crate::api;
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

/// Keeps `live` up to date for as long as the calling component lives; `connected` says whether the
/// socket is open.
pub fn follow(id: String, live: RwSignal<MeetingLive>, connected: RwSignal<bool>) {
    let i18n = use_i18n();
    // The socket lives in a task that the component's cleanup aborts: dropping it closes the socket.
    let (abort, registration) = AbortHandle::new_pair();
    let socket = Abortable::new(keep_open(socket_url(&id), live, connected), registration);
    leptos::task::spawn_local(async move {
        let _ = socket.await;
    });
    on_cleanup(move || abort.abort());
    let polling = Rc::new(Cell::new(false));
    every(POLL_MS, move || {
        if connected.get_untracked() || polling.get() {
            return;
        }
        polling.set(true);
        let (id, polling) = (id.clone(), polling.clone());
        leptos::task::spawn_local(async move {
            if let Ok(next) = api::meeting_live(i18n.lang_untracked(), &id).await {
                accept(live, next);
            }
            polling.set(false);
        });
    });
}

/// The room's socket, on the page's own host.
fn socket_url(id: &str) -> String {
    let location = window().location();
    let scheme = if location.protocol().as_deref() == Ok("https:") {
        "wss"
    } else {
        "ws"
    };
    let host = location.host().unwrap_or_default();
    format!("{scheme}://{host}/api/v1/meetings/{id}/socket")
}

/// Opens the socket and reads it until it closes, then opens it again after a pause; never ends.
async fn keep_open(url: String, live: RwSignal<MeetingLive>, connected: RwSignal<bool>) {
    loop {
        if let Ok(mut socket) = WebSocket::open(&url) {
            // Ready once the socket has opened, or has failed to.
            let _ = poll_fn(|cx| Pin::new(&mut socket).poll_ready(cx)).await;
            if matches!(socket.state(), State::Open) {
                connected.set(true);
                while let Some(Ok(message)) = socket.next().await {
                    if let Message::Text(text) = message
                        && let Some(Envelope {
                            v: live::VERSION,
                            msg: ServerMsg::State { live: next },
                        }) = api::decode::<Envelope<ServerMsg>>(&text)
                    {
                        accept(live, *next);
                    }
                }
            }
            connected.set(false);
        }
        TimeoutFuture::new(RECONNECT_MS).await;
    }
}
