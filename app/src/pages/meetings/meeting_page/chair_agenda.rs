use leptos::prelude::*;
use yishi_core::api::meetings::MeetingLive;
use yishi_core::api::routes::{CloseItem, OpenItem};
use yishi_core::ids::MeetingId;
use yishi_core::meetings::ItemState;

use super::meeting_act::MeetingAct;
use crate::i18n::{Msg, use_i18n};

#[component]
pub(super) fn ChairAgenda(
    id: MeetingId,
    live: RwSignal<MeetingLive>,
    act: MeetingAct,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = StoredValue::new(id);
    view! {
        <h3>{i18n.text(Msg::AgendaHeading)}</h3>
        <ul class="member-list">
            {move || {
                live.with(|l| l.items.clone())
                    .into_iter()
                    .map(|item| {
                        let position = item.position;
                        view! {
                            <li class="member-card">
                                {item.title.clone()}" "
                                {match item.state {
                                    ItemState::Pending => view! {
                                        <button type="button" class="button secondary small" on:click=move |_| act.send(&OpenItem { id: id.get_value(), position }, &())>{i18n.text(Msg::OpenItem)}</button>
                                    }.into_any(),
                                    ItemState::Open => view! {
                                        <button type="button" class="button secondary small" on:click=move |_| act.send(&CloseItem { id: id.get_value(), position }, &())>{i18n.text(Msg::CloseItem)}</button>
                                    }.into_any(),
                                    ItemState::Done => view! { <span class="badge">{i18n.text(Msg::ItemDone)}</span> }.into_any(),
                                }}
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()
            }}
        </ul>
    }
}
