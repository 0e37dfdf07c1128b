use leptos::prelude::*;
use yishi_core::api::votes::VoterEntry;
use yishi_core::votes::electorate::VoterKey;
use yishi_core::votes::poll::Channel;

use crate::components::{Ballot, BallotForm, Caster};
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn PaperEntry(
    ballot: Ballot,
    waiting: Vec<VoterEntry>,
    picked: RwSignal<String>,
    channel: RwSignal<String>,
    receipt: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let keys: Vec<(String, VoterKey, String)> = waiting
        .into_iter()
        .map(|v| {
            let label = if v.home.is_empty() {
                v.name.clone()
            } else {
                format!("{} · {}", v.name, v.home)
            };
            (v.voter.storage_key(), v.voter, label)
        })
        .collect();
    let chosen = {
        let keys = keys.clone();
        move || {
            let value = picked.get();
            keys.iter()
                .find(|(k, _, _)| *k == value)
                .map(|(_, voter, _)| voter.clone())
        }
    };
    view! {
        <section aria-labelledby="paper-heading">
            <h3 id="paper-heading">{i18n.text(Msg::PaperHeading)}</h3>
            {move || receipt.get().map(|r| view! { <p class="new-code" role="status">{fill(i18n.lang(), Msg::PaperDone, &[("receipt", &r)])}</p> })}
            <div class="field">
                <label for="paper-voter">{i18n.text(Msg::PaperVoter)}</label>
                <select id="paper-voter" bind:value=picked>
                    <option value="">{i18n.text(Msg::ChooseResident)}</option>
                    {keys
                        .iter()
                        .map(|(key, _, label)| view! { <option value=key.clone()>{label.clone()}</option> })
                        .collect::<Vec<_>>()}
                </select>
            </div>
            <div class="field">
                <label for="paper-channel">{i18n.text(Msg::PaperChannel)}</label>
                <select id="paper-channel" bind:value=channel>
                    <option value="paper">{i18n.text(Msg::ChannelPaper)}</option>
                    <option value="show_of_hands">{i18n.text(Msg::ChannelHands)}</option>
                </select>
            </div>
            {move || {
                let ballot = ballot.clone();
                chosen()
                    .map(|voter| {
                        let channel = if channel.get() == "show_of_hands" {
                            Channel::ShowOfHands
                        } else {
                            Channel::Paper
                        };
                        view! { <BallotForm ballot=ballot legend=Msg::PaperHeading caster=Caster::Paper { voter, channel } done=receipt /> }
                    })
            }}
        </section>
    }
}
