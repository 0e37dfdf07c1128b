use leptos::prelude::*;
use yishi_core::api::auth::MemberView;
use yishi_core::api::matters::MatterSettingsResponse;
use yishi_core::matters::{BoardEntry, BoardList, MatterSettings};
use yishi_core::policy::{self, Action as Permission, Target};
use yishi_core::territory::ScopePath;

use super::stars_text;
use crate::api::{self, ApiError};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};
use crate::session::{actor_of, member_resource};

/// The community the member belongs to: where she lives, or the first community of her grants.
fn community_of(member: &MemberView) -> Option<ScopePath> {
    let of = |p: &ScopePath| {
        p.community_id()
            .map(|c| ScopePath::community(p.street_id().clone(), c.clone()))
    };
    member
        .home
        .as_ref()
        .and_then(|h| of(&h.unit_path))
        .or_else(|| member.roles.iter().find_map(|r| of(&r.scope_path)))
}

/// `/matters/board`: the red/black board of the member's community (红黑榜), and for its staff the
/// settings of matters.
#[component]
pub fn BoardPage() -> impl IntoView {
    let i18n = use_i18n();
    let me = member_resource();
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::BoardHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/matters">{i18n.text(Msg::MattersHeading)}</a>
            </p>
            <h1>{i18n.text(Msg::BoardHeading)}</h1>
            <p class="hint">{i18n.text(Msg::BoardIntro)}</p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(member) => match community_of(&member) {
                            Some(path) => {
                                let staff = policy::authorize(&actor_of(&member), Permission::ManageMatters, Target::Scope(&path)).is_ok();
                                let community = path.community_id().map(ToString::to_string).unwrap_or_default();
                                view! {
                                    <Board community=community.clone() />
                                    {staff.then(|| view! { <SettingsForm community=community /> })}
                                }
                                    .into_any()
                            }
                            None => view! { <p class="empty">{i18n.text(Msg::NoMatters)}</p> }.into_any(),
                        },
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| me.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}

#[component]
fn Board(community: String) -> impl IntoView {
    let i18n = use_i18n();
    let by_compound = RwSignal::new(false);
    let board = LocalResource::new(move || {
        let community = community.clone();
        let level = if by_compound.get() {
            "compound"
        } else {
            "building"
        };
        async move { api::matter_board(i18n.lang_untracked(), &community, level).await }
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
                        <table class="board">
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
                                            <td>{e.rank}</td>
                                            <td>{e.figures.name.clone()}</td>
                                            <td>{e.figures.residents}</td>
                                            <td>{permille(e.participation_permille)}</td>
                                            <td>{e.figures.ratings.average_hundredths.map(stars_text).unwrap_or_else(|| "—".into())}</td>
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

#[component]
fn SettingsForm(community: String) -> impl IntoView {
    let i18n = use_i18n();
    let fields: [(RwSignal<String>, Msg, &'static str); 4] = [
        (
            RwSignal::new(String::new()),
            Msg::BuildingSupports,
            "set-building",
        ),
        (
            RwSignal::new(String::new()),
            Msg::CompoundSupports,
            "set-compound",
        ),
        (
            RwSignal::new(String::new()),
            Msg::CommunitySupports,
            "set-community",
        ),
        (
            RwSignal::new(String::new()),
            Msg::EvaluationDays,
            "set-days",
        ),
    ];
    let fill_from = move |s: MatterSettings| {
        for ((signal, _, _), value) in fields.iter().zip([
            s.building_supports,
            s.compound_supports,
            s.community_supports,
            s.evaluation_days,
        ]) {
            signal.set(value.to_string());
        }
    };
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let id = community.clone();
    let current = LocalResource::new(move || {
        let id = id.clone();
        async move { api::matter_settings(i18n.lang_untracked(), &id).await }
    });
    Effect::new(move |_| {
        if let Some(Ok(answer)) = current.get() {
            fill_from(answer.settings);
        }
    });
    let save = Action::new_local(move |settings: &MatterSettings| {
        let (community, settings) = (community.clone(), *settings);
        async move {
            match api::put_matter_settings(
                i18n.lang_untracked(),
                &community,
                &MatterSettingsResponse { settings },
            )
            .await
            {
                Ok(answer) => {
                    fill_from(answer.settings);
                    saved.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    view! {
        <section aria-labelledby="settings-heading">
            <h2 id="settings-heading">{i18n.text(Msg::MatterSettingsHeading)}</h2>
            <form class="form" on:submit=move |ev| {
                ev.prevent_default();
                error.set(None);
                saved.set(false);
                let n = |i: usize| fields[i].0.get_untracked().trim().parse::<u32>().unwrap_or(0);
                save.dispatch(MatterSettings {
                    building_supports: n(0),
                    compound_supports: n(1),
                    community_supports: n(2),
                    evaluation_days: n(3),
                });
            }>
                {fields
                    .iter()
                    .map(|(signal, label, id)| view! {
                        <div class="field">
                            <label for=*id>{i18n.text(*label)}</label>
                            <input id=*id type="number" min="1" inputmode="numeric" bind:value=*signal />
                        </div>
                    })
                    .collect::<Vec<_>>()}
                <button type="submit" class="button secondary">{i18n.text(Msg::SaveButton)}</button>
                {move || saved.get().then(|| view! { <p role="status">{i18n.text(Msg::Saved)}</p> })}
                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
            </form>
        </section>
    }
}
