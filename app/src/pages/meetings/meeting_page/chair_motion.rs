use leptos::prelude::*;
use yishi_core::api::meetings::{MeetingLive, MotionRequest};
use yishi_core::api::routes::PutMotion;
use yishi_core::api::votes::VoteState;
use yishi_core::ids::MeetingId;
use yishi_core::votes::poll::{ResultsShown, Secrecy};
use yishi_core::votes::tally::Method;

use super::meeting_act::MeetingAct;
use crate::components::{ThresholdOptions, parse_threshold};
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn ChairMotion(
    id: MeetingId,
    live: RwSignal<MeetingLive>,
    act: MeetingAct,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = RwSignal::new(String::new());
    let options = RwSignal::new(String::new());
    let threshold = RwSignal::new(String::new());
    let secret = RwSignal::new(false);
    let shown_live = RwSignal::new(true);
    let reason = RwSignal::new(String::new());
    // Only a change of the open motion redraws the form (a redraw mid-typing would lose keystrokes).
    let open_motion = Memo::new(move |_| {
        live.with(|l| {
            l.motion
                .as_ref()
                .filter(|m| m.state == VoteState::Open)
                .map(|m| (m.vote.clone(), m.title.clone()))
        })
    });
    let quorum_met = Memo::new(move |_| live.with(|l| l.quorum_met));
    let id = StoredValue::new(id);
    view! {
        {move || match open_motion.get() {
            // Closing it is at the end of the console, with what ends things.
            Some((vote, motion_title)) => view! {
                <h3>{move || fill(i18n.lang(), Msg::MotionRunning, &[("title", &motion_title)])}</h3>
                <p>
                    {move || {
                        let (cast, voters) = live.with(|l| l.motion.as_ref().map(|m| (m.participated.to_string(), m.voters.to_string())).unwrap_or_default());
                        fill(i18n.lang(), Msg::MotionCount, &[("cast", &cast), ("voters", &voters)])
                    }}
                </p>
                <p><a class="link-target" href=format!("/votes/{vote}")>{i18n.text(Msg::PaperLink)}</a></p>
            }
                .into_any(),
            None => view! {
                <form class="form compact" on:submit=move |ev| {
                    ev.prevent_default();
                    let list: Vec<String> = options.get_untracked().lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
                    let method = if list.is_empty() { Method::YesNo } else { Method::Single { seats: 1 } };
                    let req = MotionRequest {
                        title: title.get_untracked(),
                        options: list,
                        method,
                        secrecy: if secret.get_untracked() { Secrecy::Secret } else { Secrecy::Named },
                        results: if shown_live.get_untracked() { ResultsShown::Live } else { ResultsShown::AfterClose },
                        threshold: parse_threshold(&threshold.get_untracked()),
                        override_reason: Some(reason.get_untracked()).filter(|r| !r.trim().is_empty()),
                    };
                    act.send(&PutMotion { id: id.get_value() }, &req);
                    title.set(String::new());
                    options.set(String::new());
                }>
                    <h3>{i18n.text(Msg::PutMotionHeading)}</h3>
                    <div class="field">
                        <label for="motion-title">{i18n.text(Msg::MotionTitle)}</label>
                        <input id="motion-title" type="text" bind:value=title />
                    </div>
                    <div class="field">
                        <label for="motion-options">{i18n.text(Msg::MotionOptions)}</label>
                        <textarea id="motion-options" rows="3" bind:value=options></textarea>
                    </div>
                    <div class="field">
                        <label for="motion-threshold">{i18n.text(Msg::ThresholdLabel)}</label>
                        <select id="motion-threshold" bind:value=threshold>
                            <option value="">{i18n.text(Msg::MeetingDefault)}</option>
                            <ThresholdOptions />
                        </select>
                    </div>
                    <label class="check">
                        <input type="checkbox" bind:checked=secret />
                        {i18n.text(Msg::SecretBallot)}
                    </label>
                    <label class="check">
                        <input type="checkbox" bind:checked=shown_live />
                        {i18n.text(Msg::LiveResults)}
                    </label>
                    {move || (!quorum_met.get()).then(|| view! {
                        <div class="field">
                            <label for="motion-reason">{i18n.text(Msg::OverrideReason)}</label>
                            <input id="motion-reason" type="text" bind:value=reason />
                        </div>
                    })}
                    <button type="submit" class="button primary">{i18n.text(Msg::PutMotionButton)}</button>
                </form>
            }
                .into_any(),
        }}
    }
}
