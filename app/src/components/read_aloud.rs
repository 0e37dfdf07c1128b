use js_sys::{Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::{Msg, use_i18n};

/// The read-aloud script (`public/speech.js`), fetched on the first tap of any 朗读 button.
const SCRIPT: &str = "/speech.js";
/// The name the script answers to once loaded.
const GLOBAL: &str = "yishiSpeech";

/// "朗读": reads `text` aloud with the browser's own speech synthesis, sentence by sentence, each in its
/// language; a second tap ("停止朗读") stops it, and so does leaving the page. A phone without a voice for
/// the text's language, or without speech at all, is told so in plain words instead of reading it in
/// another language's voice. The reading itself (sentences, voices) is `public/speech.js`, fetched only
/// when she first taps, so the button is all that a first load carries; the text is taken at the tap.
#[component]
pub fn ReadAloud(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let speaking = RwSignal::new(false);
    let trouble = RwSignal::new(None::<Msg>);
    let on_click = move |_| {
        trouble.set(None);
        if speaking.get_untracked() {
            stop();
            speaking.set(false);
            return;
        }
        if !has_speech() {
            trouble.set(Some(Msg::NoSpeech));
            return;
        }
        let text = text.get_untracked();
        let page = i18n.lang_untracked().tag();
        let report = move |state: String| match state.as_str() {
            "speaking" => {
                speaking.try_set(true);
            }
            "done" => {
                speaking.try_set(false);
            }
            other => {
                speaking.try_set(false);
                trouble.try_set(Some(match other {
                    "no-voice-zh" => Msg::NoChineseVoice,
                    "no-voice-en" => Msg::NoEnglishVoice,
                    _ => Msg::NoSpeech,
                }));
            }
        };
        with_script(
            move |speech| read(&speech, &text, page, report),
            move || {
                trouble.try_set(Some(Msg::ReadAloudNotLoaded));
            },
        );
    };
    on_cleanup(move || {
        // Leaving the page stops her reading (and a reading whose button is already gone).
        if speaking.try_get_untracked() != Some(false) {
            stop();
        }
    });
    view! {
        <div class="read-aloud">
            <button type="button" class="button secondary read-aloud-button" on:click=on_click>
                {move || i18n.t(if speaking.get() { Msg::StopReading } else { Msg::ReadAloud })}
            </button>
            <p class="read-aloud-note" role="status">{move || trouble.get().map(|m| i18n.t(m))}</p>
        </div>
    }
}

/// Whether the browser has speech synthesis at all (checked before anything is fetched).
fn has_speech() -> bool {
    Reflect::get(&window(), &JsValue::from_str("speechSynthesis"))
        .is_ok_and(|synth| !synth.is_undefined() && !synth.is_null())
}

/// The loaded script's object, if it is there.
fn loaded() -> Option<JsValue> {
    Reflect::get(&window(), &JsValue::from_str(GLOBAL))
        .ok()
        .filter(|speech| speech.is_object())
}

/// Runs `then` with the script's object, fetching the script first if this is the first tap; `failed` if
/// it cannot be fetched (no network and not yet kept by the service worker).
fn with_script(then: impl FnOnce(JsValue) + 'static, failed: impl Fn() + Copy + 'static) {
    if let Some(speech) = loaded() {
        then(speech);
        return;
    }
    let Some(script) = document()
        .create_element("script")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlScriptElement>().ok())
    else {
        failed();
        return;
    };
    let on_load = Closure::once_into_js(move || match loaded() {
        Some(speech) => then(speech),
        None => failed(),
    });
    let element = script.clone();
    let on_error = Closure::once_into_js(move || {
        // A failed fetch leaves no element behind, so the next tap tries again.
        element.remove();
        failed();
    });
    script.set_onload(Some(on_load.unchecked_ref()));
    script.set_onerror(Some(on_error.unchecked_ref()));
    script.set_src(SCRIPT);
    if let Some(head) = document().head() {
        let _ = head.append_child(&script);
    }
}

/// `yishiSpeech.read(text, page, report)`.
fn read(speech: &JsValue, text: &str, page: &str, report: impl FnMut(String) + 'static) {
    let report = Closure::<dyn FnMut(String)>::new(report).into_js_value();
    if let Some(read) = method(speech, "read") {
        let _ = read.call3(speech, &text.into(), &page.into(), &report);
    }
}

/// `yishiSpeech.stop()`, when the script is loaded (nothing can be reading before it is).
fn stop() {
    if let Some(speech) = loaded()
        && let Some(stop) = method(&speech, "stop")
    {
        let _ = stop.call0(&speech);
    }
}

fn method(object: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(object, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
}
