//! The live room of a meeting: one Durable Object per meeting that holds the WebSocket of every phone and
//! big screen following it, with the WebSocket hibernation API (an idle room costs nothing while sockets
//! stay open). The worker pushes each new state through [`Room`]; the room keeps the one with the highest
//! revision, sends it to every socket, and sends it at once to a socket that connects or reconnects. The
//! room decides nothing: D1 holds the meeting and every ballot. Messages are `yishi_core::live`'s.

use worker::{
    DurableObject, Env, Method, Request, RequestInit, Response, Result, State, Stub, WebSocket,
    WebSocketIncomingMessage, WebSocketPair, durable_object,
};
use yishi_core::api::meetings::MeetingLive;
use yishi_core::ids::MeetingId;
use yishi_core::live::{ClientMsg, Envelope, ServerMsg};

const STATE_KEY: &str = "live";
/// The binding of the rooms in `wrangler.toml`.
const BINDING: &str = "MEETINGS";

/// The worker's client of one meeting's room.
pub struct Room {
    stub: Stub,
}

impl Room {
    /// The room of meeting `id` (created on first use).
    pub fn of(env: &Env, id: &MeetingId) -> Result<Room> {
        let stub = env
            .durable_object(BINDING)?
            .id_from_name(id.as_str())?
            .get_stub()?;
        Ok(Room { stub })
    }

    /// Gives the room the meeting's state, to keep (when newer) and send to every socket.
    pub async fn broadcast(&self, live: &MeetingLive) -> Result<()> {
        let body = ServerMsg::State {
            live: Box::new(live.clone()),
        }
        .text();
        let mut init = RequestInit::new();
        init.with_method(Method::Post)
            .with_body(Some(wasm_bindgen::JsValue::from_str(&body)));
        let request = Request::new_with_init("https://room.invalid/broadcast", &init)?;
        self.stub.fetch_with_request(request).await?;
        Ok(())
    }

    /// Hands a WebSocket handshake to the room: `101` with the socket, or `409` while the room holds no
    /// state yet (the caller broadcasts one and connects again).
    pub async fn connect(&self, handshake: &Request) -> Result<Response> {
        let forward = Request::new_with_init(
            "https://room.invalid/socket",
            RequestInit::new().with_headers(handshake.headers().clone()),
        )?;
        self.stub.fetch_with_request(forward).await
    }
}

#[durable_object]
pub struct MeetingRoom {
    state: State,
}

/// The revision of a stored or incoming state message.
fn revision(text: &str) -> Option<u64> {
    serde_json::from_str::<Envelope<ServerMsg>>(text)
        .ok()?
        .msg
        .revision()
}

impl MeetingRoom {
    async fn current(&self) -> Result<Option<String>> {
        self.state.storage().get::<String>(STATE_KEY).await
    }
}

impl DurableObject for MeetingRoom {
    fn new(state: State, _env: Env) -> Self {
        Self { state }
    }

    async fn fetch(&self, mut req: Request) -> Result<Response> {
        match req.path().as_str() {
            "/socket" => {
                let Some(current) = self.current().await? else {
                    // Nothing to show yet: the worker pushes a state and connects again.
                    return Response::error("no state yet", 409);
                };
                let pair = WebSocketPair::new()?;
                self.state.accept_web_socket(&pair.server);
                pair.server.send_with_str(&current)?;
                Response::from_websocket(pair.client)
            }
            "/broadcast" => {
                let body = req.text().await?;
                let Some(incoming) = revision(&body) else {
                    return Response::error("not a state", 400);
                };
                let newer = match self.current().await? {
                    // A state stored by an older protocol has no revision to compare: replace it.
                    Some(old) => revision(&old).is_none_or(|old| incoming >= old),
                    None => true,
                };
                if newer {
                    self.state.storage().put(STATE_KEY, &body).await?;
                    for socket in self.state.get_websockets() {
                        // A socket that is closing is dropped by the runtime; the others still get it.
                        let _ = socket.send_with_str(&body);
                    }
                }
                Response::empty()
            }
            _ => Response::error("not found", 404),
        }
    }

    /// A phone may ask again for the state (after the screen was locked, say) with `sync`; a `ping` keeps
    /// proxies from closing an idle connection. Anything else is ignored.
    async fn websocket_message(
        &self,
        ws: WebSocket,
        message: WebSocketIncomingMessage,
    ) -> Result<()> {
        if let WebSocketIncomingMessage::String(text) = message {
            match ClientMsg::read(&text) {
                Some(ClientMsg::Ping) => ws.send_with_str(ServerMsg::Pong.text())?,
                Some(ClientMsg::Sync) => {
                    if let Some(current) = self.current().await? {
                        ws.send_with_str(&current)?;
                    }
                }
                None => {}
            }
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
