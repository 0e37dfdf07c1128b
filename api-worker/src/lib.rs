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
mod postman;
mod routes;
mod session;
mod throttle;

use worker::{Context, Env, Request, Response, ScheduleContext, ScheduledEvent, event};

pub use live::MeetingRoom;
pub use postman::Postman;

#[event(fetch)]
async fn fetch(req: Request, env: Env, ctx: Context) -> worker::Result<Response> {
    routes::handle(req, env, std::rc::Rc::new(ctx)).await
}

/// The Cron Trigger: escalates overdue requests and closes resolved ones the resident left unanswered;
/// deletes the attempt counters of ended windows and the push subscriptions of ended sessions; nudges
/// the postman.
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
    // Push: subscriptions of ended sessions go; the postman looks for what is left to push (what a
    // lost nudge, a trigger or a notification dated later left behind).
    if let Ok(db) = env.d1("DB")
        && let Err(e) = db::push::sweep(&db, http::now()).await
    {
        worker::console_error!("push sweep failed: {:?} {:?}", e.error, e.cause);
    }
    if config::Push::from_env(&env).is_some() {
        postman::nudge(&env).await;
    }
}
