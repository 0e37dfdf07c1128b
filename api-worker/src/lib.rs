//! Yishi's HTTP API on Cloudflare Workers.
//!
//! Handlers are thin: parse → authorize (in `yishi_core::policy`) → load → call the domain → save →
//! respond. SQL lives only in `db/`, HTTP plumbing in `http.rs`, one module per area in `routes/`.

mod ballots;
mod config;
mod crypto;
mod db;
mod error;
mod http;
mod live;
mod routes;
mod session;
mod throttle;

use worker::{Context, Env, Request, Response, ScheduleContext, ScheduledEvent, event};

pub use live::MeetingRoom;

#[event(fetch)]
async fn fetch(req: Request, env: Env, ctx: Context) -> worker::Result<Response> {
    routes::handle(req, env, std::rc::Rc::new(ctx)).await
}

/// The Cron Trigger: escalates overdue requests and closes resolved ones the resident left unanswered;
/// deletes the attempt counters of ended windows.
#[event(scheduled)]
async fn scheduled(_event: ScheduledEvent, env: Env, _ctx: ScheduleContext) {
    let outcome = match env.d1("DB") {
        Ok(db) => routes::requests::sweep(&db, http::now()).await,
        Err(e) => Err(e.into()),
    };
    match outcome {
        Ok((escalated, closed)) => {
            worker::console_log!("requests: {escalated} escalated, {closed} closed unanswered");
        }
        Err(e) => worker::console_error!("requests sweep failed: {:?} {:?}", e.error, e.cause),
    }
    // Attempt counters of windows that have ended.
    let swept = match (env.d1("DB"), config::Config::from_env(&env)) {
        (Ok(db), Ok(config)) => {
            db::attempts::sweep(&db, http::now() - config.throttle_window).await
        }
        (Err(e), _) => Err(e.into()),
        (_, Err(e)) => Err(e),
    };
    if let Err(e) = swept {
        worker::console_error!("attempts sweep failed: {:?} {:?}", e.error, e.cause);
    }
}
