//! Changes to a meeting from its page: every one answers with the meeting, whose live state and the
//! member's part the page takes from the answer.

use leptos::prelude::*;
use yishi_core::api::endpoint::Endpoint;
use yishi_core::api::meetings::{MeetingResponse, MeetingView};

use crate::api::{ApiError, CallFor};
use crate::i18n::{I18n, use_i18n};

#[derive(Clone, Copy)]
pub(super) struct MeetingAct {
    action: Action<CallFor<MeetingResponse>, ()>,
    apply: Callback<Result<MeetingView, ApiError>>,
    error: RwSignal<Option<ApiError>>,
    i18n: I18n,
    /// Whether the last error goes before each call (the chair's console).
    clears: bool,
}

impl MeetingAct {
    /// Calls whose answer goes to `apply`.
    pub(super) fn new(
        apply: Callback<Result<MeetingView, ApiError>>,
        error: RwSignal<Option<ApiError>>,
    ) -> MeetingAct {
        let i18n = use_i18n();
        let action = Action::new_local(move |call: &CallFor<MeetingResponse>| {
            let call = call.clone();
            async move { apply.run(call.send(i18n.lang_untracked()).await.map(|a| a.meeting)) }
        });
        MeetingAct {
            action,
            apply,
            error,
            i18n,
            clears: false,
        }
    }

    /// The same calls, each clearing the last error first.
    #[cfg_attr(
        not(feature = "office"),
        allow(dead_code, reason = "the chair's console, in the office app")
    )]
    pub(super) fn clearing(self) -> MeetingAct {
        MeetingAct {
            clears: true,
            ..self
        }
    }

    pub(super) fn send<E: Endpoint<Answer = MeetingResponse>>(self, endpoint: &E, body: &E::Body) {
        if self.clears {
            self.error.set(None);
        }
        match CallFor::new(endpoint, body) {
            Ok(call) => {
                self.action.dispatch(call);
            }
            Err(e) => self.error.set(Some(e)),
        }
    }

    /// The last error of a call, for the console to show beside its actions.
    #[cfg_attr(
        not(feature = "office"),
        allow(dead_code, reason = "the chair's console, in the office app")
    )]
    pub(super) fn error(self) -> RwSignal<Option<ApiError>> {
        self.error
    }

    /// Sends a change made on one line of a long list (a person checked in): the meeting takes the
    /// answer as for any change, and `done` hears how it went, so that the line itself says so where
    /// the finger is, instead of an error at the top of the page.
    #[cfg_attr(
        not(feature = "office"),
        allow(dead_code, reason = "the chair's console, in the office app")
    )]
    pub(super) fn send_then<E: Endpoint<Answer = MeetingResponse>>(
        self,
        endpoint: &E,
        body: &E::Body,
        done: impl FnOnce(Result<(), ApiError>) + 'static,
    ) {
        let call = match CallFor::new(endpoint, body) {
            Ok(call) => call,
            Err(e) => return done(Err(e)),
        };
        let (apply, lang) = (self.apply, self.i18n.lang_untracked());
        leptos::task::spawn_local(async move {
            match call.send(lang).await {
                Ok(answer) => {
                    apply.run(Ok(answer.meeting));
                    done(Ok(()));
                }
                Err(e) => done(Err(e)),
            }
        });
    }
}
