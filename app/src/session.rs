//! The signed-in member, shared by every screen. Filled by sign-in, joining or `GET /me`; emptied by
//! signing out or by any `401` answer.

use leptos::prelude::*;
use yishi_core::api::auth::MemberView;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionState {
    /// Not asked yet (a fresh page load): `GET /me` will tell.
    Unknown,
    SignedIn(MemberView),
    SignedOut,
}

#[derive(Clone, Copy, Debug)]
pub struct Session(RwSignal<SessionState>);

impl Session {
    /// The member, if known, without subscribing (for requests).
    #[must_use]
    pub fn member_untracked(self) -> Option<MemberView> {
        self.0.with_untracked(|s| match s {
            SessionState::SignedIn(m) => Some(m.clone()),
            SessionState::Unknown | SessionState::SignedOut => None,
        })
    }

    pub fn signed_in(self, member: MemberView) {
        self.0.set(SessionState::SignedIn(member));
    }

    pub fn signed_out(self) {
        self.0.set(SessionState::SignedOut);
    }
}

pub fn provide_session_context() -> Session {
    let session = Session(RwSignal::new(SessionState::Unknown));
    provide_context(session);
    session
}

#[must_use]
pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or_else(|| Session(RwSignal::new(SessionState::Unknown)))
}
