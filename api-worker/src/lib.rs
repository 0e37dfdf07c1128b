//! Yishi's HTTP API on Cloudflare Workers.
//!
//! Handlers are thin: parse → authorize (in `yishi_core::policy`) → load → call the domain → save →
//! respond. SQL lives only in `db/`, HTTP plumbing in `http.rs`, one module per area in `routes/`.

mod config;
mod crypto;
mod db;
mod error;
mod http;
mod live;
mod routes;
mod session;
mod throttle;

use worker::{Context, Env, Request, Response, event};

pub use live::MeetingRoom;

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> worker::Result<Response> {
    routes::handle(req, env).await
}
