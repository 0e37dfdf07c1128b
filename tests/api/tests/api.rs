//! API integration tests, one module per area, against the worker started by `scripts/with-worker.sh`
//! with a fresh D1 holding only `fixtures/base.sql`.

#[path = "api/auth.rs"]
mod auth;
#[path = "api/covenants.rs"]
mod covenants;
#[path = "api/csrf.rs"]
mod csrf;
#[path = "api/errors.rs"]
mod errors;
#[path = "api/health.rs"]
mod health;
#[path = "api/join.rs"]
mod join;
#[path = "api/live_room.rs"]
mod live_room;
#[path = "api/matrix.rs"]
mod matrix;
#[path = "api/matters.rs"]
mod matters;
#[path = "api/meetings.rs"]
mod meetings;
#[path = "api/my_ballots.rs"]
mod my_ballots;
#[path = "api/notice_board.rs"]
mod notice_board;
#[path = "api/notices.rs"]
mod notices;
#[path = "api/notifications.rs"]
mod notifications;
#[path = "api/numbers.rs"]
mod numbers;
#[path = "api/people.rs"]
mod people;
#[path = "api/places.rs"]
mod places;
#[path = "api/projects.rs"]
mod projects;
#[path = "api/push.rs"]
mod push;
#[path = "api/reach.rs"]
mod reach;
#[path = "api/requests.rs"]
mod requests;
#[path = "api/search.rs"]
mod search;
#[path = "api/territory.rs"]
mod territory;
#[path = "api/text.rs"]
mod text;
#[path = "api/vote_rules.rs"]
mod vote_rules;
#[path = "api/votes.rs"]
mod votes;
