use leptos::prelude::*;
use yishi_core::i18n::Term;

use crate::i18n::{Msg, fill, use_i18n};

/// A governance term followed by a "?" that shows or hides its one plain sentence right below it (no
/// popup: the sentence takes its place in the page and stays until she taps again). The words are
/// core's glossary (`yishi_core::i18n::Term`).
#[component]
pub fn TermHelp(term: Term) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let id = format!("term-{}", term.key);
    view! {
        <span class="term">
            <span class="term-word">{move || term.word(i18n.lang())}</span>
            <button
                type="button"
                class="term-help"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=id.clone()
                aria-label=move || fill(i18n.lang(), Msg::WhatIsTerm, &[("word", term.word(i18n.lang()))])
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "?"
            </button>
            <span id=id class="term-meaning" hidden=move || !open.get()>
                {move || term.meaning(i18n.lang())}
            </span>
        </span>
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every `Term::…` named in the app's source, with the file that names it.
    fn terms_used(dir: &Path, found: &mut Vec<(String, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                terms_used(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs")
                && let Ok(source) = std::fs::read_to_string(&path)
            {
                for piece in source.split("Term::").skip(1) {
                    let name: String = piece
                        .chars()
                        .take_while(char::is_ascii_alphanumeric)
                        .collect();
                    if name.starts_with(char::is_uppercase) && name != "ALL" {
                        found.push((name, path.display().to_string()));
                    }
                }
            }
        }
    }

    /// The names of the glossary's terms as core lists them in `Term::ALL`.
    fn glossary() -> Vec<String> {
        let source = include_str!("../../../core/src/i18n/glossary.rs");
        let all = source
            .split_once("pub const ALL")
            .and_then(|(_, rest)| rest.split_once("];"))
            .map_or("", |(list, _)| list);
        all.lines()
            .filter_map(|l| l.trim().strip_prefix("Term::"))
            .filter_map(|l| l.strip_suffix(','))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn every_term_used_on_a_screen_is_in_the_glossary_and_every_term_is_shown() {
        let glossary = glossary();
        assert!(glossary.len() >= 20, "the glossary as read: {glossary:?}");
        let mut used = Vec::new();
        terms_used(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut used,
        );
        // The notice's 公示期, the covenant's 一事一约, 并案, the ballot's secrecy, the matter's steps…
        assert!(used.len() >= 10, "terms found on screens: {used:?}");
        for (name, file) in &used {
            assert!(
                glossary.contains(name),
                "{file} uses Term::{name}, which the glossary (core's Term::ALL) does not list"
            );
        }
        // And every term of the glossary has its "?" on some screen, beside the word.
        for must in &glossary {
            assert!(
                used.iter().any(|(n, _)| n == must),
                "Term::{must} has no \"?\" on any screen"
            );
        }
    }
}
