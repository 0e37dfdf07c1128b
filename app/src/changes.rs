//! A change to a record (a matter, a covenant, a notice, a request) from one form: sends one call of the
//! contract, reloads the record on success (saying so in the toast where the change asks it), and keeps
//! the error for the form's foot.

use leptos::prelude::*;
use yishi_core::api::endpoint::Endpoint;

use crate::api::{ApiError, Call, Query};
use crate::components::toast;
use crate::i18n::{Msg, t, use_i18n};

#[derive(Clone, Copy)]
pub struct Change {
    /// The call, and what the toast says once it has succeeded.
    action: Action<(Call, Option<Msg>), ()>,
    pub error: RwSignal<Option<ApiError>>,
}

impl Change {
    /// Changes that run `reload` once they succeed.
    pub fn new(reload: Callback<()>) -> Change {
        let i18n = use_i18n();
        let error = RwSignal::new(None::<ApiError>);
        let action = Action::new_local(move |(call, done): &(Call, Option<Msg>)| {
            let (call, done) = (call.clone(), *done);
            async move {
                error.set(None);
                match call.send(i18n.lang_untracked()).await {
                    Ok(()) => {
                        if let Some(done) = done {
                            toast::say(t(i18n.lang_untracked(), done).to_owned());
                        }
                        reload.run(());
                    }
                    Err(e) => {
                        error.set(Some(e));
                        crate::forms::reveal_error();
                    }
                }
            }
        });
        Change { action, error }
    }

    /// Sends `endpoint` with `body`; the answer is not read, the record is reloaded.
    pub fn send<E: Endpoint>(self, endpoint: &E, body: &E::Body) {
        self.dispatch(endpoint, body, None);
    }

    /// As [`Change::send`], and once it has succeeded the toast says `done` where her finger is: the
    /// record she changed may redraw far from the button she tapped.
    pub fn send_saying<E: Endpoint>(self, endpoint: &E, body: &E::Body, done: Msg) {
        self.dispatch(endpoint, body, Some(done));
    }

    fn dispatch<E: Endpoint>(self, endpoint: &E, body: &E::Body, done: Option<Msg>) {
        match Call::new(endpoint, &Query::new(), body) {
            Ok(call) => {
                self.action.dispatch((call, done));
            }
            Err(e) => {
                self.error.set(Some(e));
                crate::forms::reveal_error();
            }
        }
    }

    pub fn pending(self) -> Signal<bool> {
        self.action.pending().into()
    }

    /// The error, announced, for the form's foot.
    pub fn view(self) -> impl IntoView {
        let i18n = use_i18n();
        move || {
            self.error
                .get()
                .map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })
        }
    }
}
