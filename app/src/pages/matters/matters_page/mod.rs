mod matter_card;

use leptos::prelude::*;
use yishi_core::api::auth::MemberView;
use yishi_core::api::routes::ListMatters;
use yishi_core::matters::{Category, Step};
use yishi_core::territory::ScopeKind;

use super::{category_label, step_label};
use crate::api::{self, Query};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};
use crate::session::member_resource;

use matter_card::MatterCard;

/// The query of the list for the chosen tab and filters (`place` is `kind:id`), or of a search by number
/// or words, which looks through every matter she may read (as the requests' search does).
fn list_query(mine: &str, step: &str, category: &str, place: &str, search: &str) -> Query {
    if !search.is_empty() {
        return Query::new().set("q", search);
    }
    let query = Query::new()
        .set("mine", mine)
        .set("step", step)
        .set("category", category);
    match place.split_once(':') {
        Some((kind, id)) => query.set("scope_kind", kind).set("scope_id", id),
        None => query,
    }
}

/// The places a member can narrow the list to: where she lives (building, compound, community) and the
/// places of her roles, as `(kind:id, name)`.
fn places_of(member: &MemberView) -> Vec<(String, String)> {
    let mut places: Vec<(String, String)> = Vec::new();
    let mut add = |kind: ScopeKind, id: Option<String>, name: String| {
        if let Some(id) = id {
            let value = format!("{}:{id}", kind.as_str());
            if !places.iter().any(|(v, _)| *v == value) {
                places.push((value, name));
            }
        }
    };
    if let Some(home) = &member.home {
        let p = &home.unit_path;
        add(
            ScopeKind::Building,
            p.building_id().map(ToString::to_string),
            format!("{} {}", home.compound_name, home.building_name),
        );
        add(
            ScopeKind::Compound,
            p.compound_id().map(ToString::to_string),
            home.compound_name.clone(),
        );
        add(
            ScopeKind::Community,
            p.community_id().map(ToString::to_string),
            home.community_name.clone(),
        );
    }
    for role in &member.roles {
        add(
            role.scope.kind,
            Some(role.scope.id.clone()),
            role.scope_name.clone(),
        );
    }
    places
}

/// `/matters`: the matters the member may see, most recently changed first, with tabs for her own
/// (raised, supported, waiting for her vote), filters by step and category, and a search by number
/// (`12`, `#12`, `M-12`) or words of the title or description, best match first.
#[component]
pub fn MattersPage() -> impl IntoView {
    let i18n = use_i18n();
    let mine = RwSignal::new(String::new());
    let step = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    // What was typed, and what was searched for (on submitting).
    let typed = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    let me = member_resource();
    let matters = LocalResource::new(move || {
        let query = list_query(
            &mine.get(),
            &step.get(),
            &category.get(),
            &place.get(),
            &search.get(),
        );
        async move { api::send_query(i18n.lang_untracked(), &ListMatters {}, &query, &()).await }
    });
    let tab = move |value: &'static str, label: Msg| {
        view! {
            <button
                type="button"
                class="tab"
                aria-pressed=move || if search.get().is_empty() && mine.get() == value { "true" } else { "false" }
                on:click=move |_| {
                    search.set(String::new());
                    typed.set(String::new());
                    mine.set(value.to_owned());
                }
            >
                {i18n.text(label)}
            </button>
        }
    };
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::MattersHeading).to_owned()) />
        <AppShell signed_in=true>
            <div class="section-head">
                <h1>{i18n.text(Msg::MattersHeading)}</h1>
                <a class="button primary" href="/matters/new">{i18n.text(Msg::ProposeLink)}</a>
            </div>
            <p class="hint">{i18n.text(Msg::MattersIntro)}</p>
            <p class="button-row">
                <a class="button secondary" href="/matters/board">{i18n.text(Msg::BoardLink)}</a>
                <a class="button secondary" href="/covenants">{i18n.text(Msg::CovenantsHeading)}</a>
            </p>
            <div class="tabs" role="group">
                {tab("", Msg::FilterAll)}
                {tab("raised", Msg::FilterRaised)}
                {tab("supported", Msg::FilterSupported)}
                {tab("vote", Msg::FilterVote)}
            </div>
            <div class="filters">
                <label for="matter-place">{i18n.text(Msg::FilterPlace)}</label>
                <select id="matter-place" on:change=move |ev| place.set(event_target_value(&ev))>
                    <option value="">{i18n.text(Msg::AnyOption)}</option>
                    <Transition>
                        {move || Suspend::new(async move {
                            me.await
                                .map(|m| places_of(&m))
                                .unwrap_or_default()
                                .into_iter()
                                .map(|(value, name)| view! { <option value=value>{name}</option> })
                                .collect::<Vec<_>>()
                        })}
                    </Transition>
                </select>
                <label for="matter-step">{i18n.text(Msg::FilterStep)}</label>
                <select id="matter-step" on:change=move |ev| step.set(event_target_value(&ev))>
                    <option value="">{i18n.text(Msg::AnyOption)}</option>
                    {Step::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.as_str()>{i18n.text(step_label(s))}</option> })
                        .collect::<Vec<_>>()}
                </select>
                <label for="matter-category">{i18n.text(Msg::FilterCategory)}</label>
                <select id="matter-category" on:change=move |ev| category.set(event_target_value(&ev))>
                    <option value="">{i18n.text(Msg::AnyOption)}</option>
                    {Category::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.as_str()>{i18n.text(category_label(c))}</option> })
                        .collect::<Vec<_>>()}
                </select>
            </div>
            <form class="search-form" role="search" on:submit=move |ev| {
                ev.prevent_default();
                search.set(typed.get_untracked().trim().to_owned());
            }>
                <div class="field">
                    <label for="matter-search">{i18n.text(Msg::FindMatter)}</label>
                    <p class="hint" id="matter-search-hint">{i18n.text(Msg::FindMatterHint)}</p>
                    <div class="search-row">
                        <input id="matter-search" type="search" inputmode="search" autocomplete="off"
                            aria-describedby="matter-search-hint" bind:value=typed />
                        <button type="submit" class="button secondary">{i18n.text(Msg::SearchButton)}</button>
                    </div>
                </div>
                {move || (!search.get().is_empty()).then(|| view! {
                    <button type="button" class="button link" on:click=move |_| {
                        search.set(String::new());
                        typed.set(String::new());
                    }>{i18n.text(Msg::ClearSearch)}</button>
                })}
            </form>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match matters.await {
                        Ok(list) if list.matters.is_empty() => {
                            let none = if search.get_untracked().is_empty() { Msg::NoMatters } else { Msg::NoMattersFound };
                            view! { <p class="empty">{i18n.text(none)}</p> }.into_any()
                        }
                        Ok(list) => view! {
                            <ul class="member-list matter-list">
                                {list.matters.into_iter().map(|m| view! { <MatterCard matter=m /> }).collect::<Vec<_>>()}
                            </ul>
                        }
                            .into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| matters.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
