use leptos::prelude::*;
use yishi_core::api::routes::MatterBoard;
use yishi_core::matters::{BoardEntry, BoardList};

use super::super::stars_text;
use crate::api::{self, Query};
use crate::components::{ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

/// The red and black lists (红黑榜) of the community's buildings or compounds, with the choice of level.
#[component]
pub(super) fn BoardLists(community: String) -> impl IntoView {
    let i18n = use_i18n();
    let by_compound = RwSignal::new(false);
    let board = LocalResource::new(move || {
        let community = community.clone();
        let level = if by_compound.get() {
            "compound"
        } else {
            "building"
        };
        let query = Query::new().set("community", community).set("level", level);
        async move { api::send_query(i18n.lang_untracked(), &MatterBoard {}, &query, &()).await }
    });
    let toggle = move |value: bool, label: Msg| {
        view! {
            <button
                type="button"
                class="tab"
                aria-pressed=move || if by_compound.get() == value { "true" } else { "false" }
                on:click=move |_| by_compound.set(value)
            >
                {i18n.text(label)}
            </button>
        }
    };
    let list = move |entries: &[BoardEntry],
                     which: BoardList,
                     heading: Msg,
                     class: &'static str| {
        let names: Vec<_> = entries
            .iter()
            .filter(|e| e.list == which)
            .map(|e| view! { <li>{e.figures.name.clone()}" · "{permille(e.participation_permille)}</li> })
            .collect();
        (!names.is_empty()).then(|| {
            view! {
                <section class=class>
                    <h2>{i18n.text(heading)}</h2>
                    <ol>{names}</ol>
                </section>
            }
        })
    };
    view! {
        <div class="tabs" role="group">
            {toggle(false, Msg::ByBuilding)}
            {toggle(true, Msg::ByCompound)}
        </div>
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match board.await {
                    Ok(b) => view! {
                        <h2>{b.community_name.clone()}</h2>
                        <div class="board-lists">
                            {list(&b.entries, BoardList::Red, Msg::RedList, "red-list")}
                            {list(&b.entries, BoardList::Black, Msg::BlackList, "black-list")}
                        </div>
                        <table class="board cards">
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.text(Msg::RankCol)}</th>
                                    <th scope="col">{i18n.text(Msg::PlaceCol)}</th>
                                    <th scope="col">{i18n.text(Msg::ResidentsCol)}</th>
                                    <th scope="col">{i18n.text(Msg::ParticipationCol)}</th>
                                    <th scope="col">{i18n.text(Msg::SatisfactionCol)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {b.entries
                                    .into_iter()
                                    .map(|e| view! {
                                        <tr class=format!("list-{}", match e.list { BoardList::Red => "red", BoardList::Black => "black", BoardList::Neither => "none" })>
                                            <td data-label=i18n.text(Msg::RankCol)>{e.rank}</td>
                                            <td data-label=i18n.text(Msg::PlaceCol)>{e.figures.name.clone()}</td>
                                            <td data-label=i18n.text(Msg::ResidentsCol)>{e.figures.residents}</td>
                                            <td data-label=i18n.text(Msg::ParticipationCol)>{permille(e.participation_permille)}</td>
                                            <td data-label=i18n.text(Msg::SatisfactionCol)>{e.figures.ratings.average_hundredths.map(stars_text).unwrap_or_else(|| "—".into())}</td>
                                        </tr>
                                    })
                                    .collect::<Vec<_>>()}
                            </tbody>
                        </table>
                    }
                        .into_any(),
                    Err(e) => view! { <ErrorView error=e on_retry=move |()| board.refetch() /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Per thousand as a percentage with one decimal: 500 → "50.0%".
fn permille(p: u32) -> String {
    format!("{}.{}%", p / 10, p % 10)
}
