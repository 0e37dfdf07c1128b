use leptos::prelude::*;
use yishi_core::api::endpoint::Token;
use yishi_core::api::meetings::{MeetingLive, SpeakerUpdate};
use yishi_core::api::routes::UpdateSpeaker;
use yishi_core::ids::MeetingId;
use yishi_core::meetings::SpeakerState;

use super::meeting_act::MeetingAct;
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn ChairFloor(
    id: MeetingId,
    live: RwSignal<MeetingLive>,
    act: MeetingAct,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = StoredValue::new(id);
    let limit = RwSignal::new(String::from("180"));
    let speakers = Memo::new(move |_| live.with(|l| l.speakers.clone()));
    view! {
        {move || {
            let speakers = speakers.get();
            (!speakers.is_empty()).then(|| view! {
                <h3>{i18n.text(Msg::SpeakersHeading)}</h3>
                <div class="field">
                    <label for="floor-limit">{i18n.text(Msg::FloorSeconds)}</label>
                    <select id="floor-limit" bind:value=limit>
                        <option value="">{i18n.text(Msg::NoLimit)}</option>
                        {[1, 2, 3, 5]
                            .into_iter()
                            .map(|n| view! { <option value=(n * 60).to_string()>{fill(i18n.lang(), Msg::Minutes, &[("n", &n.to_string())])}</option> })
                            .collect::<Vec<_>>()}
                    </select>
                </div>
                <ul class="member-list">
                    {speakers
                        .into_iter()
                        .map(|s| {
                            let speaker = UpdateSpeaker { id: id.get_value(), speaker: Token::from_trusted(s.id.clone()) };
                            let speaking = s.state == SpeakerState::Speaking;
                            view! {
                                <li class="member-card">
                                    {s.name.clone()}" "
                                    {if speaking {
                                        view! {
                                            <button type="button" class="button secondary small" on:click=move |_| act.send(&speaker, &SpeakerUpdate { state: SpeakerState::Done, seconds: None })>{i18n.text(Msg::EndTurn)}</button>
                                        }.into_any()
                                    } else {
                                        view! {
                                            <button type="button" class="button secondary small" on:click=move |_| {
                                                let seconds: Option<u32> = limit.get_untracked().parse().ok();
                                                act.send(&speaker, &SpeakerUpdate { state: SpeakerState::Speaking, seconds });
                                            }>{i18n.text(Msg::GiveFloor)}</button>
                                        }.into_any()
                                    }}
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()}
                </ul>
            })
        }}
    }
}
