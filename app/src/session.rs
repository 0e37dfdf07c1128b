//! The signed-in member, shared by every screen. Filled by sign-in, joining or `GET /me`; emptied by
//! signing out or by any `401` answer.

use std::future::Future;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use yishi_core::Lang;
use yishi_core::api::auth::{MemberView, SessionResponse};
use yishi_core::api::routes::Me;
use yishi_core::members::{Actor, Home, MemberStatus, RoleGrant};
use yishi_core::territory::Placement;

use crate::api::ApiResult;
use crate::forms::FormError;
use crate::i18n::use_i18n;
use crate::{apps, prefs};

#[derive(Clone, Debug, PartialEq, Eq)]
#[expect(
    clippy::large_enum_variant,
    reason = "one session state per app, held in one signal: boxing the member saves nothing"
)]
pub enum SessionState {
    /// Not asked yet (a fresh page load): `GET /me` will tell.
    Unknown,
    SignedIn(MemberView),
    SignedOut,
}

impl SessionState {
    fn member(&self) -> Option<MemberView> {
        match self {
            SessionState::SignedIn(m) => Some(m.clone()),
            SessionState::Unknown | SessionState::SignedOut => None,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Session(RwSignal<SessionState>);

impl Session {
    /// The member, if known, without subscribing (for requests).
    #[must_use]
    pub fn member_untracked(self) -> Option<MemberView> {
        self.0.with_untracked(SessionState::member)
    }

    pub fn signed_in(self, member: MemberView) {
        apps::land(&member);
        self.0.set(SessionState::SignedIn(member));
    }

    /// Nobody is signed in: what this device kept for the member goes too (her choice of app, the notices
    /// shown before the app loads).
    pub fn signed_out(self) {
        apps::forget();
        prefs::remove(crate::offline::LAST_NOTICES_KEY);
        self.0.set(SessionState::SignedOut);
    }

    /// The member, tracked (for links and buttons that depend on who she is).
    #[must_use]
    pub fn member(self) -> Option<MemberView> {
        self.0.with(SessionState::member)
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

/// The action of a form that starts a session (signing in, joining): it sends the request in the current
/// language; on success the member is signed in and taken to the notice board (the form leaves the
/// history); on failure the form shows the error.
pub fn session_action<R, F, Fut>(errors: FormError, call: F) -> Action<R, ()>
where
    R: Clone + Send + Sync + 'static,
    F: Fn(Lang, R) -> Fut + Copy + 'static,
    Fut: Future<Output = ApiResult<SessionResponse>> + 'static,
{
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    Action::new_local(move |req: &R| {
        let (req, navigate) = (req.clone(), navigate.clone());
        async move {
            match call(i18n.lang_untracked(), req).await {
                Ok(answer) => {
                    session.signed_in(answer.member);
                    navigate(
                        "/",
                        NavigateOptions {
                            replace: true,
                            ..NavigateOptions::default()
                        },
                    );
                }
                Err(err) => errors.set(err),
            }
        }
    })
}

thread_local! {
    /// Whether `GET /me` was sent on this page load (by a screen or by the shell).
    static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The signed-in member: the one the session knows, or else `GET /me` (which also fills the session).
pub fn member_resource() -> LocalResource<ApiResult<MemberView>> {
    let i18n = use_i18n();
    let session = use_session();
    LocalResource::new(move || async move {
        if let Some(member) = session.member_untracked() {
            return Ok(member);
        }
        ASKED.with(|asked| asked.set(true));
        let answer = crate::api::get(i18n.lang_untracked(), &Me {}).await?;
        session.signed_in(answer.member.clone());
        Ok(answer.member)
    })
}

/// For the shell of a signed-in screen: when nobody has asked who is signed in on this page load (a
/// screen opened directly that does not ask itself), `GET /me` once, so that the header can offer her
/// office's tools. Runs after the screen's own resources have started, which usually ask first.
pub fn ensure_known() {
    let i18n = use_i18n();
    let session = use_session();
    leptos::task::spawn_local(async move {
        let unknown = session.0.with_untracked(|s| *s == SessionState::Unknown);
        if !unknown || ASKED.with(|asked| asked.replace(true)) {
            return;
        }
        if let Ok(answer) = crate::api::get(i18n.lang_untracked(), &Me {}).await
            && session.0.with_untracked(|s| *s == SessionState::Unknown)
        {
            session.signed_in(answer.member);
        }
    });
}

/// The member as `core`'s rules see her, to decide which links and buttons to show (the API decides
/// again, with the same rules).
#[must_use]
pub fn actor_of(member: &MemberView) -> Actor {
    Actor {
        member: member.id.clone(),
        status: MemberStatus::Active,
        home: member.home.as_ref().map(|h| Home {
            placement: Placement {
                household: h.household.clone(),
                unit: h.unit_path.clone(),
            },
            verification: h.verification,
            representative: h.representative,
        }),
        grants: member
            .roles
            .iter()
            .map(|r| RoleGrant {
                role: r.role,
                scope: r.scope_path.clone(),
            })
            .collect(),
    }
}
