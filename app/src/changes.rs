//! A change to a record (a matter, a covenant, a notice) from one form: sends it, reloads the record on
//! success, and keeps the error for the form's foot.

use leptos::prelude::*;
use serde_json::Value;

use crate::api::{self, ApiError};
use crate::i18n::use_i18n;

#[derive(Clone, Copy)]
pub struct Change {
    action: Action<(&'static str, String, Value), ()>,
    pub error: RwSignal<Option<ApiError>>,
}

impl Change {
    /// Changes under `base` (`/matters/{id}`, …), then runs `reload`.
    pub fn new(base: String, reload: Callback<()>) -> Change {
        let i18n = use_i18n();
        let error = RwSignal::new(None::<ApiError>);
        let action = Action::new_local(
            move |(method, rest, body): &(&'static str, String, Value)| {
                let (path, method, body) = (format!("{base}/{rest}"), *method, body.clone());
                async move {
                    error.set(None);
                    match api::change(i18n.lang_untracked(), method, &path, &body).await {
                        Ok(()) => reload.run(()),
                        Err(e) => error.set(Some(e)),
                    }
                }
            },
        );
        Change { action, error }
    }

    pub fn send(self, method: &'static str, rest: &str, body: Value) {
        self.action.dispatch((method, rest.to_owned(), body));
    }

    pub fn post(self, rest: &str, body: Value) {
        self.send("POST", rest, body);
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
