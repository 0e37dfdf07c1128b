//! Shared form state: the last error of a submission, split into the message for each field and the one for
//! the form as a whole, so that exactly one `role="alert"` element speaks. An error about a field also moves
//! the focus to that field's input.

use gloo_timers::callback::Timeout;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use yishi_core::DomainResult;

use crate::api::ApiError;
use crate::i18n::use_i18n;

#[derive(Clone, Copy, Debug)]
pub struct FormError {
    error: RwSignal<Option<ApiError>>,
    /// The API field names this form shows next to an input, with the input's element id.
    fields: &'static [(&'static str, &'static str)],
    /// Error codes without a field that still belong to one (`invite_code_invalid` → `invite_code`).
    code_fields: &'static [(&'static str, &'static str)],
}

impl FormError {
    #[must_use]
    pub fn new(fields: &'static [(&'static str, &'static str)]) -> FormError {
        FormError {
            error: RwSignal::new(None),
            fields,
            code_fields: &[],
        }
    }

    /// Also shows errors with these codes next to the given fields.
    #[must_use]
    pub fn with_code_fields(
        self,
        code_fields: &'static [(&'static str, &'static str)],
    ) -> FormError {
        FormError {
            code_fields,
            ..self
        }
    }

    /// The field of this form an error is about, if any.
    fn field_of(self, error: &ApiError) -> Option<&'static str> {
        let named = error.field().or_else(|| {
            let code = error.code()?;
            self.code_fields
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, f)| *f)
        })?;
        self.fields
            .iter()
            .find(|(f, _)| *f == named)
            .map(|(f, _)| *f)
    }

    /// Shows `error` and, when it is about a field, focuses that field's input.
    pub fn set(self, error: ApiError) {
        let input_id = self.field_of(&error).and_then(|field| {
            self.fields
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, id)| *id)
        });
        self.error.set(Some(error));
        if let Some(id) = input_id {
            // After the error text is rendered, so that it is read along with the field.
            Timeout::new(0, move || focus(id)).forget();
        }
    }

    /// The submit handler of a form: a second tap while the first request is pending does nothing; the
    /// input is checked with `check` (the API's own rules, from core) and then either sent through
    /// `action` or its error shown.
    pub fn on_submit<R, O>(
        self,
        action: Action<R, O>,
        check: impl Fn() -> DomainResult<R> + 'static,
    ) -> impl Fn(SubmitEvent) + 'static
    where
        R: Send + Sync + 'static,
        O: Send + Sync + 'static,
    {
        let pending = action.pending();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            if pending.get_untracked() {
                return;
            }
            self.clear();
            match check() {
                Ok(req) => {
                    action.dispatch(req);
                }
                Err(err) => self.set(ApiError::Invalid(err)),
            }
        }
    }

    pub fn clear(self) {
        self.error.set(None);
    }

    /// The message for one field (`field` is the API's name), in the current language.
    #[must_use]
    pub fn field(self, field: &'static str) -> Signal<Option<String>> {
        let i18n = use_i18n();
        Signal::derive(move || {
            self.error.with(|e| {
                e.as_ref()
                    .filter(|e| self.field_of(e) == Some(field))
                    .map(|e| e.message(i18n.lang()))
            })
        })
    }

    /// The message for the form as a whole: any error not shown next to a field of this form.
    #[must_use]
    pub fn general(self) -> Signal<Option<String>> {
        let i18n = use_i18n();
        Signal::derive(move || {
            self.error.with(|e| {
                e.as_ref()
                    .filter(|e| self.field_of(e).is_none())
                    .map(|e| e.message(i18n.lang()))
            })
        })
    }
}

fn focus(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The files chosen in a file input (photos, a notice's attachments).
pub fn chosen_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default()
}
