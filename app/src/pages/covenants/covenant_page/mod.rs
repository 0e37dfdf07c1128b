#[cfg(feature = "office")]
use chrono::Duration;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde_json::json;
use yishi_core::api::covenants::{CovenantView, VersionView};
use yishi_core::covenants::VersionState;
#[cfg(feature = "office")]
use yishi_core::territory::{ScopeKind, ScopeRef};
#[cfg(feature = "office")]
use yishi_core::votes::electorate::{ElectorateRule, HouseholdCaster};
#[cfg(feature = "office")]
use yishi_core::votes::poll::{PollSettings, ResultsShown, Secrecy};
#[cfg(feature = "office")]
use yishi_core::votes::tally::{Method, Quorum, Rules, Threshold, TieBreak};

#[cfg(feature = "office")]
use super::clauses_of;
use super::version_label;
use crate::api;
use crate::changes::Change;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::format::local_datetime;
#[cfg(feature = "office")]
use crate::format::now;
use crate::i18n::{Msg, fill, use_i18n};

/// `/covenants/:id`: the version in force (or the draft), comments per clause, the vote, signing for
/// one's household, coverage per building, and the history of versions.
#[component]
pub fn CovenantPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let version = RwSignal::new(0_u32);
    let covenant = LocalResource::new(move || {
        version.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        async move { api::covenant(i18n.lang_untracked(), &id).await }
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::CovenantsHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/covenants">{i18n.text(Msg::CovenantsHeading)}</a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match covenant.await {
                        Ok(answer) => view! { <CovenantDetail covenant=answer.covenant reload=reload /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| covenant.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}

#[component]
fn CovenantDetail(covenant: CovenantView, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let c = covenant;
    let id = c.id.to_string();
    let change = Change::new(format!("/covenants/{id}"), reload);
    let latest = c.versions.first().cloned();
    let shown = c
        .versions
        .iter()
        .find(|v| v.state == VersionState::Adopted)
        .or(latest.as_ref())
        .cloned();
    let force = c.in_force.map(|n| n.to_string());
    let signature = c.my_signature.clone().map(|s| {
        let (name, time) = (s.by_name, local_datetime(&s.at));
        let key = if s.on_paper { Msg::SignedOnPaper } else { Msg::SignedBy };
        view! { <p class="notice-box done" role="status">{move || fill(i18n.lang(), key, &[("name", &name), ("time", &time)])}</p> }
    });
    let coverage = c
        .coverage
        .iter()
        .map(|b| {
            let (signed, households) = (b.signed.to_string(), b.households.to_string());
            let percent = format!("{}.{}%", b.permille / 10, b.permille % 10);
            view! {
                <tr>
                    <th scope="row">{b.name.clone()}</th>
                    <td>{move || fill(i18n.lang(), Msg::CoverageRow, &[("signed", &signed), ("households", &households), ("percent", &percent)])}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let has_coverage = !coverage.is_empty();
    let drafting = latest
        .as_ref()
        .filter(|v| v.state == VersionState::Drafting)
        .cloned();
    #[cfg_attr(
        not(feature = "office"),
        expect(unused_variables, reason = "the office app's")
    )]
    let voting = latest
        .as_ref()
        .filter(|v| v.state == VersionState::Voting)
        .cloned();
    let may_manage = c.may_manage;
    let may_comment = c.may_comment;
    view! {
        <article class="covenant">
            <h1>{c.title.clone()}</h1>
            <p class="hint">
                {c.scope_name.clone()}" · "
                {move || match &force {
                    Some(n) => fill(i18n.lang(), Msg::InForceVersion, &[("n", n)]),
                    None => i18n.t(Msg::NoneInForce).to_owned(),
                }}
            </p>
            {shown.map(|v| view! { <Clauses version=v /> })}
            {signature}
            {c.may_sign.then(|| view! {
                <button type="button" class="button primary" on:click=move |_| { change.post("signatures", json!({})); }>
                    {i18n.text(Msg::SignButton)}
                </button>
            })}
            {has_coverage.then(|| view! {
                <table class="board">
                    <caption>{i18n.text(Msg::CoverageHeading)}</caption>
                    <tbody>{coverage}</tbody>
                </table>
            })}
            {drafting.clone().filter(|_| may_comment).map(|v| view! { <CommentForm version=v change=change /> })}
            {change.view()}
            {may_manage.then(|| crate::office_part!(view! {
                <ManageCovenant drafting=drafting.clone() voting=voting.clone() title=c.title.clone() change=change />
                {has_coverage.then(|| view! { <PaperSignatureForm scope=c.scope.clone() change=change /> })}
            }))}
            <section aria-labelledby="versions-heading">
                <h2 id="versions-heading">{i18n.text(Msg::VersionsHeading)}</h2>
                <ol class="timeline">
                    {c.versions
                        .iter()
                        .map(|v| {
                            let (n, signed) = (v.number.to_string(), v.signatures.to_string());
                            let vote = v.vote.clone();
                            let notice = v.notice.clone();
                            view! {
                                <li>
                                    <p>
                                        <strong>{move || fill(i18n.lang(), Msg::VersionN, &[("n", &n)])}</strong>
                                        " · "{i18n.text(version_label(v.state))}" · "
                                        {move || fill(i18n.lang(), Msg::SignaturesCount, &[("n", &signed)])}
                                    </p>
                                    <p class="hint">
                                        {local_datetime(&v.created_at)}
                                        {vote.map(|id| view! { " · " <a href=format!("/votes/{id}")>{i18n.text(Msg::GoVote)}</a> })}
                                        {notice.map(|id| view! { " · " <a href=format!("/notices/{id}")>{i18n.text(Msg::DecisionNoticeLink)}</a> })}
                                    </p>
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()}
                </ol>
            </section>
        </article>
    }
}

/// The clauses of a version, each with the comments on it.
#[component]
fn Clauses(version: VersionView) -> impl IntoView {
    let i18n = use_i18n();
    let n = version.number.to_string();
    let state = version.state;
    let clauses = version
        .clauses
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let comments = version
                .comments
                .iter()
                .filter(|c| c.clause == number)
                .map(|c| view! { <li><p>{c.body.clone()}</p><p class="hint">{c.author_name.clone()}" · "{local_datetime(&c.at)}</p></li> })
                .collect::<Vec<_>>();
            view! {
                <li>
                    <p class="matter-text">{text.clone()}</p>
                    {(!comments.is_empty()).then(|| view! { <ul class="comment-list reply">{comments}</ul> })}
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <h2>{move || fill(i18n.lang(), Msg::VersionN, &[("n", &n)])}" · "{i18n.text(version_label(state))}</h2>
        <ol class="clauses">{clauses}</ol>
    }
}

#[component]
fn CommentForm(version: VersionView, change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let clause = RwSignal::new(String::from("1"));
    let body = RwSignal::new(String::new());
    view! {
        <form class="form" on:submit=move |ev| {
            ev.prevent_default();
            let clause = clause.get_untracked().parse::<u32>().unwrap_or(0);
            change.send("POST", "comments", json!({ "clause": clause, "body": body.get_untracked() }));
        }>
            <div class="field">
                <label for="clause-number">{i18n.text(Msg::CommentOnClause)}</label>
                <select id="clause-number" on:change=move |ev| clause.set(event_target_value(&ev))>
                    {(1..=version.clauses.len())
                        .map(|n| {
                            let label = n.to_string();
                            view! { <option value=n.to_string()>{move || fill(i18n.lang(), Msg::ClauseN, &[("n", &label)])}</option> }
                        })
                        .collect::<Vec<_>>()}
                </select>
            </div>
            <div class="field">
                <label for="clause-comment">{i18n.text(Msg::CommentLabel)}</label>
                <textarea id="clause-comment" rows="3" bind:value=body></textarea>
            </div>
            <button type="submit" class="button secondary">{i18n.text(Msg::CommentOnClauseButton)}</button>
        </form>
    }
}

#[cfg(feature = "office")]
/// Staff: edit the draft, put it to a vote, record the outcome, amend.
#[component]
fn ManageCovenant(
    drafting: Option<VersionView>,
    voting: Option<VersionView>,
    title: String,
    change: Change,
) -> impl IntoView {
    let i18n = use_i18n();
    let initial = drafting
        .as_ref()
        .map(|v| v.clauses.join("\n"))
        .unwrap_or_default();
    let clauses = RwSignal::new(initial);
    let is_drafting = drafting.is_some();
    let is_voting = voting.is_some();
    let ballot = move |_| {
        let start = now();
        let settings = PollSettings {
            title: title.clone(),
            options: Vec::new(),
            method: Method::YesNo,
            rules: Rules {
                quorum: Quorum::None,
                threshold: Threshold::SimpleMajority,
                count_abstentions: false,
                double_majority: false,
            },
            tie_break: TieBreak::NoWinner,
            electorate: ElectorateRule::Households {
                cast_by: HouseholdCaster::AnyMember,
            },
            secrecy: Secrecy::Secret,
            results: ResultsShown::AfterClose,
            changeable: false,
            max_proxies: 0,
            opens_at: start,
            closes_at: start + Duration::days(7),
        };
        change.send("POST", "ballot", json!({ "settings": settings }));
    };
    view! {
        <section class="manage" aria-labelledby="covenant-manage-heading">
            <h2 id="covenant-manage-heading">{i18n.text(Msg::ManageHeading)}</h2>
            {(!is_voting).then(|| view! {
                <form class="form" on:submit=move |ev| {
                    ev.prevent_default();
                    let body = json!({ "clauses": clauses_of(&clauses.get_untracked()) });
                    if is_drafting {
                        change.send("PUT", "draft", body);
                    } else {
                        change.send("POST", "versions", body);
                    }
                }>
                    <div class="field">
                        <label for="covenant-edit">{i18n.text(Msg::ClausesLabel)}</label>
                        <textarea id="covenant-edit" rows="8" bind:value=clauses></textarea>
                    </div>
                    <button type="submit" class="button secondary">
                        {i18n.text(if is_drafting { Msg::SaveDraft } else { Msg::AmendButton })}
                    </button>
                </form>
            })}
            {is_drafting.then(|| view! {
                <button type="button" class="button primary" on:click=ballot>{i18n.text(Msg::PutCovenantToVote)}</button>
            })}
            {is_voting.then(|| view! {
                <button type="button" class="button primary" on:click=move |_| { change.send("POST", "adoption", json!({})); }>
                    {i18n.text(Msg::RecordAdoption)}
                </button>
            })}
        </section>
    }
}

#[cfg(feature = "office")]
/// The units of `scope` in the territory tree, as `(id, "小区 楼栋 单元")`.
fn units_within(
    tree: &yishi_core::api::territory::TerritoryResponse,
    scope: &ScopeRef,
) -> Vec<(String, String)> {
    let mut units = Vec::new();
    for community in &tree.communities {
        let in_community = scope.kind == ScopeKind::Community && community.id.as_str() == scope.id;
        for compound in &community.compounds {
            let in_compound =
                in_community || (scope.kind == ScopeKind::Compound && compound.id == scope.id);
            for building in &compound.children {
                let in_building =
                    in_compound || (scope.kind == ScopeKind::Building && building.id == scope.id);
                for unit in building.children.iter().filter(|u| !u.archived) {
                    if in_building || (scope.kind == ScopeKind::Unit && unit.id == scope.id) {
                        units.push((
                            unit.id.clone(),
                            format!("{} {} {}", compound.name, building.name, unit.name),
                        ));
                    }
                }
            }
        }
    }
    units
}

#[cfg(feature = "office")]
/// Staff and grid workers record a household's signature on the paper covenant, with the reason.
#[component]
fn PaperSignatureForm(scope: ScopeRef, change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let tree =
        LocalResource::new(move || async move { api::territory(i18n.lang_untracked()).await });
    let unit = RwSignal::new(String::new());
    let household = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let households = LocalResource::new(move || {
        let unit = unit.get();
        async move {
            if unit.is_empty() {
                Ok(Vec::new())
            } else {
                api::households(i18n.lang_untracked(), &unit)
                    .await
                    .map(|h| h.households)
            }
        }
    });
    view! {
        <form class="form" on:submit=move |ev| {
            ev.prevent_default();
            change.send("POST", "signatures", json!({ "household": household.get_untracked(), "reason": reason.get_untracked() }));
        }>
            <h3>{i18n.text(Msg::PaperSignature)}</h3>
            <div class="field">
                <label for="paper-unit">{i18n.text(Msg::PaperUnit)}</label>
                <select id="paper-unit" on:change=move |ev| { household.set(String::new()); unit.set(event_target_value(&ev)); }>
                    <option value="">{i18n.text(Msg::ChooseScope)}</option>
                    <Transition>
                        {
                            let scope = scope.clone();
                            move || {
                                let scope = scope.clone();
                                Suspend::new(async move {
                                    tree.await
                                        .map(|t| units_within(&t, &scope))
                                        .unwrap_or_default()
                                        .into_iter()
                                        .map(|(id, name)| view! { <option value=id>{name}</option> })
                                        .collect::<Vec<_>>()
                                })
                            }
                        }
                    </Transition>
                </select>
            </div>
            <div class="field">
                <label for="paper-household">{i18n.text(Msg::PaperHousehold)}</label>
                <select id="paper-household" on:change=move |ev| household.set(event_target_value(&ev))>
                    <option value="">{i18n.text(Msg::ChooseScope)}</option>
                    <Transition>
                        {move || Suspend::new(async move {
                            households
                                .await
                                .unwrap_or_default()
                                .into_iter()
                                .filter(|h| !h.archived)
                                .map(|h| view! { <option value=h.id.to_string()>{h.name}</option> })
                                .collect::<Vec<_>>()
                        })}
                    </Transition>
                </select>
            </div>
            <div class="field">
                <label for="paper-reason">{i18n.text(Msg::ReasonLabel)}</label>
                <input id="paper-reason" type="text" bind:value=reason />
            </div>
            <button type="submit" class="button secondary">{i18n.text(Msg::PaperSignature)}</button>
        </form>
    }
}
