//! The live room of a meeting: one Durable Object per meeting that holds the WebSocket of every phone and
//! big screen following it, with the WebSocket hibernation API (an idle room costs nothing while sockets
//! stay open). The worker pushes each new state (`POST /broadcast`, JSON of `MeetingLive`); the room
//! keeps the one with the highest revision, sends it to every socket, and sends it at once to a socket
//! that connects or reconnects. The room decides nothing: D1 holds the meeting and every ballot.

use serde::Deserialize;
use worker::{
    DurableObject, Env, Request, Response, Result, State, WebSocket, WebSocketIncomingMessage,
    WebSocketPair, durable_object,
};

const STATE_KEY: &str = "live";

#[durable_object]
pub struct MeetingRoom {
    state: State,
}

#[derive(Deserialize)]
struct Revision {
    revision: u64,
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
                let incoming: Revision = serde_json::from_str(&body)?;
                let newer = match self.current().await? {
                    Some(old) => serde_json::from_str::<Revision>(&old)
                        .map(|o| incoming.revision >= o.revision)
                        .unwrap_or(true),
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

    /// A phone may ask again for the state (after the screen was locked, say) by sending "sync"; a
    /// "ping" keeps proxies from closing an idle connection.
    async fn websocket_message(
        &self,
        ws: WebSocket,
        message: WebSocketIncomingMessage,
    ) -> Result<()> {
        if let WebSocketIncomingMessage::String(text) = message {
            match text.as_str() {
                "ping" => ws.send_with_str("pong")?,
                "sync" => {
                    if let Some(current) = self.current().await? {
                        ws.send_with_str(&current)?;
                    }
                }
                _ => {}
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
