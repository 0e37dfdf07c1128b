use leptos::prelude::*;
use yishi_core::api::meetings::MeetingLive;
use yishi_core::meetings::ItemState;

use crate::i18n::{Msg, use_i18n};

#[component]
pub(super) fn Agenda(live: RwSignal<MeetingLive>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">{i18n.text(Msg::AgendaHeading)}</h2>
            <ol class="agenda">
                {move || {
                    live.with(|l| l.items.clone())
                        .into_iter()
                        .map(|item| {
                            let label = match item.state {
                                ItemState::Pending => Msg::ItemPending,
                                ItemState::Open => Msg::ItemOpen,
                                ItemState::Done => Msg::ItemDone,
                            };
                            view! {
                                <li class:current=item.state == ItemState::Open>
                                    {item.title.clone()}" "<span class="badge">{i18n.text(label)}</span>
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()
                }}
            </ol>
        </section>
    }
}
