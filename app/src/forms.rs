//! Shared form state: the last error of a submission, split into the message for each field and the one for
//! the form as a whole, so that exactly one `role="alert"` element speaks. An error about a field is said in
//! the form's own words for it (a missing "投票范围" asks to choose the 投票范围), moves the focus to that
//! field's input with the error in the middle of the screen, and goes away as soon as she changes the field.
//! An error about the whole form is brought into view where it is shown.

use gloo_timers::callback::Timeout;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use yishi_core::DomainResult;

use crate::api::ApiError;
use crate::i18n::{Msg, use_i18n};

/// How a form names one of its fields in a "please fill in / choose" message.
#[derive(Clone, Copy, Debug)]
pub enum Named {
    /// Typed in: "请填写{label}。".
    Typed(Msg),
    /// Chosen from a list or among options: "请选择{label}。".
    Chosen(Msg),
}

#[derive(Clone, Copy, Debug)]
pub struct FormError {
    error: RwSignal<Option<ApiError>>,
    /// The API field names this form shows next to an input, with the input's element id.
    fields: &'static [(&'static str, &'static str)],
    /// Error codes without a field that still belong to one (`invite_code_invalid` → `invite_code`).
    code_fields: &'static [(&'static str, &'static str)],
    /// The form's own names for fields whose API name reads differently here (`scope` is 投票范围 on a
    /// vote, 发布范围 on a notice).
    names: &'static [(&'static str, Named)],
}

impl FormError {
    #[must_use]
    pub fn new(fields: &'static [(&'static str, &'static str)]) -> FormError {
        FormError {
            error: RwSignal::new(None),
            fields,
            code_fields: &[],
            names: &[],
        }
    }

    /// Names these fields, in "please fill in / choose" messages, as the form's labels do.
    #[must_use]
    pub fn with_names(self, names: &'static [(&'static str, Named)]) -> FormError {
        FormError { names, ..self }
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

    /// Shows `error` and brings it into view; when it is about a field, focuses that field's input and
    /// clears the error as soon as she changes that field.
    pub fn set(self, error: ApiError) {
        let field = self.field_of(&error);
        self.error.set(Some(error));
        // After the error text is rendered, so that it is read along with the field.
        Timeout::new(0, move || {
            // A field may live in one of several places of the form (hers, or the one staff choose for a
            // caller): the one on the screen.
            let input_id = field.and_then(|field| {
                self.fields
                    .iter()
                    .filter(|(f, _)| *f == field)
                    .map(|(_, id)| *id)
                    .find(|id| {
                        document()
                            .get_element_by_id(id)
                            .is_some_and(|el| el.closest("[hidden]").ok().flatten().is_none())
                    })
            });
            if let (Some(field), Some(id)) = (field, input_id) {
                self.clear_when_changed(field, id);
                bring_to(id);
            } else {
                show_first_error();
            }
        })
        .forget();
    }

    /// Clears the error about `field` once the element `id` (an input, or a group of them) changes.
    fn clear_when_changed(self, field: &'static str, id: &str) {
        let Some(el) = document().get_element_by_id(id) else {
            return;
        };
        // One listener per element, however many times it is found wrong.
        if el.has_attribute("data-clears-error") {
            return;
        }
        let _ = el.set_attribute("data-clears-error", "");
        let clear = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            // The form may be gone (its page left); then there is nothing to clear.
            let _ = self.error.try_update(|e| {
                if e.as_ref().is_some_and(|e| self.field_of(e) == Some(field)) {
                    *e = None;
                }
            });
        });
        for kind in ["input", "change"] {
            let _ = el.add_event_listener_with_callback(kind, clear.as_ref().unchecked_ref());
        }
        // Lives as long as the element.
        clear.forget();
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

    /// The message for one field (`field` is the API's name), in the current language, naming it as
    /// the form does.
    #[must_use]
    pub fn field(self, field: &'static str) -> Signal<Option<String>> {
        let i18n = use_i18n();
        let named = self
            .names
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, n)| *n);
        Signal::derive(move || {
            let lang = i18n.lang();
            self.error.with(|e| {
                let e = e.as_ref().filter(|e| self.field_of(e) == Some(field))?;
                Some(match (named, e.code()) {
                    (Some(Named::Typed(label)), Some("required")) => {
                        yishi_core::i18n::required(lang, crate::i18n::t(lang, label), false)
                    }
                    (Some(Named::Chosen(label)), Some("required")) => {
                        yishi_core::i18n::required(lang, crate::i18n::t(lang, label), true)
                    }
                    _ => e.message(lang),
                })
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

/// Calls `el[method](options)`, for DOM options this crate's bindings do not carry.
fn call_with(el: &web_sys::Element, method: &str, options: &[(&str, wasm_bindgen::JsValue)]) {
    let arg = js_sys::Object::new();
    for (key, value) in options {
        let _ = js_sys::Reflect::set(&arg, &(*key).into(), value);
    }
    if let Ok(f) =
        js_sys::Reflect::get(el, &method.into()).and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = f.call1(el, &arg);
    }
}

/// Scrolls `el` to the middle of the screen: above the thumb, below the header.
fn center(el: &web_sys::Element) {
    call_with(el, "scrollIntoView", &[("block", "center".into())]);
}

/// Brings the field `id` (an input, or a group holding some) to the middle of the screen and puts the
/// focus in it, without the browser's own jump to the screen's edge.
pub fn bring_to(id: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    let input = if matches!(
        el.tag_name().as_str(),
        "INPUT" | "SELECT" | "TEXTAREA" | "BUTTON"
    ) {
        Some(el.clone())
    } else {
        el.query_selector("input:not([type=hidden]), select, textarea")
            .ok()
            .flatten()
    };
    center(el.closest(".field").ok().flatten().as_ref().unwrap_or(&el));
    if let Some(input) = input {
        call_with(&input, "focus", &[("preventScroll", true.into())]);
    }
}

/// Brings `el` to the middle of the screen and puts the focus on it (a question that appeared, the
/// button it came from), without the browser's own jump to the screen's edge.
#[cfg(feature = "office")]
pub fn focus_here(el: &web_sys::Element) {
    center(el);
    call_with(el, "focus", &[("preventScroll", true.into())]);
}

/// Once the error just set is on the screen, brings it into view: a form's foot, a chair's console and a
/// comment box may lie a long list away from where she tapped.
pub fn reveal_error() {
    Timeout::new(0, show_first_error).forget();
}

/// Brings the first error shown on the page into view.
fn show_first_error() {
    if let Ok(Some(el)) = document().query_selector(".form-error, .field-error") {
        center(&el);
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
