use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};
use yishi_core::Lang;
use yishi_core::speech::{pick_voice, utterances};

use crate::i18n::{Msg, use_i18n};

/// How long to wait for the phone's voices when the browser has not listed them yet (Chrome lists them
/// only after the first ask).
const VOICES_MS: u32 = 1_500;

/// "朗读": reads `text` aloud with the browser's own speech synthesis, sentence by sentence, each in its
/// language (`yishi_core::speech`); a second tap ("停止朗读") stops it, and so does leaving the page. A
/// phone without a voice for the text's language, or without speech at all, is told so in plain words
/// instead of reading it in another language's voice. No audio library, no download: the text is taken
/// only when she taps.
#[component]
pub fn ReadAloud(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let speaking = RwSignal::new(false);
    let trouble = RwSignal::new(None::<Msg>);
    // Which reading is current: events of an earlier one (stopped, then started again) are ignored.
    let turn = StoredValue::new(0_u32);
    let on_click = move |_| {
        trouble.set(None);
        if speaking.get_untracked() {
            if let Some(synth) = synthesis() {
                synth.cancel();
            }
            speaking.set(false);
            return;
        }
        let Some(synth) = synthesis() else {
            trouble.set(Some(Msg::NoSpeech));
            return;
        };
        let reading = Reading {
            text: text.get_untracked(),
            page: i18n.lang_untracked(),
            speaking,
            trouble,
            turn,
        };
        if synth.get_voices().length() > 0 {
            reading.start(&synth);
        } else {
            // Start once, when the voices arrive or after a moment without them.
            let once = Rc::new(Cell::new(Some(reading)));
            let go = {
                let once = once.clone();
                move || {
                    if let (Some(reading), Some(synth)) = (once.take(), synthesis()) {
                        synth.set_onvoiceschanged(None);
                        reading.start(&synth);
                    }
                }
            };
            let on_voices = Closure::<dyn FnMut()>::new(go.clone()).into_js_value();
            synth.set_onvoiceschanged(Some(on_voices.unchecked_ref()));
            Timeout::new(VOICES_MS, go).forget();
        }
    };
    on_cleanup(move || {
        // Leaving the page stops her reading (and a reading whose button is already gone).
        if speaking.try_get_untracked() != Some(false)
            && let Some(synth) = synthesis()
        {
            synth.cancel();
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

/// The browser's speech synthesis, if it has one.
fn synthesis() -> Option<SpeechSynthesis> {
    let synth = window().speech_synthesis().ok()?;
    (!synth.is_undefined() && !synth.is_null()).then_some(synth)
}

/// One reading, from the tap to its last sentence.
struct Reading {
    text: String,
    page: Lang,
    speaking: RwSignal<bool>,
    trouble: RwSignal<Option<Msg>>,
    turn: StoredValue<u32>,
}

impl Reading {
    fn start(self, synth: &SpeechSynthesis) {
        let parts = utterances(&self.text, self.page);
        let voices: Vec<SpeechSynthesisVoice> = synth
            .get_voices()
            .iter()
            .map(JsCast::unchecked_into)
            .collect();
        let tags: Vec<String> = voices.iter().map(SpeechSynthesisVoice::lang).collect();
        // A voice for every language the text needs, or nothing is read.
        let mut chosen: Vec<(Lang, usize)> = Vec::new();
        for lang in Lang::ALL {
            if !parts.iter().any(|p| p.lang == lang) {
                continue;
            }
            match pick_voice(tags.iter().map(String::as_str), lang) {
                Some(i) => chosen.push((lang, i)),
                None => {
                    self.trouble.try_set(Some(match lang {
                        Lang::ZhCn => Msg::NoChineseVoice,
                        Lang::En => Msg::NoEnglishVoice,
                    }));
                    return;
                }
            }
        }
        // Whatever was being read (by another button too) stops first.
        synth.cancel();
        let Some(turn) = self.turn.try_update_value(|t| {
            *t = t.wrapping_add(1);
            *t
        }) else {
            return;
        };
        let (speaking, turn_now) = (self.speaking, self.turn);
        let current = move || turn_now.try_get_value() == Some(turn);
        let last = parts.len();
        for (n, part) in parts.into_iter().enumerate() {
            let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&part.text) else {
                self.trouble.try_set(Some(Msg::NoSpeech));
                synth.cancel();
                speaking.try_set(false);
                return;
            };
            utterance.set_lang(part.lang.tag());
            if let Some(&(_, i)) = chosen.iter().find(|(lang, _)| *lang == part.lang) {
                utterance.set_voice(voices.get(i));
            }
            let on_error = Closure::<dyn FnMut()>::new(move || {
                if current() {
                    speaking.try_set(false);
                }
            })
            .into_js_value();
            utterance.set_onerror(Some(on_error.unchecked_ref()));
            if n + 1 == last {
                let on_end = Closure::<dyn FnMut()>::new(move || {
                    if current() {
                        speaking.try_set(false);
                    }
                })
                .into_js_value();
                utterance.set_onend(Some(on_end.unchecked_ref()));
            }
            synth.speak(&utterance);
            speaking.try_set(true);
        }
    }
}
