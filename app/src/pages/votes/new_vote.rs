use chrono::{DateTime, Duration, Utc};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use yishi_core::api::votes::CreateVoteRequest;
use yishi_core::error::Field;
use yishi_core::votes::electorate::ElectorateRule;
use yishi_core::votes::poll::{PollSettings, ResultsShown, Secrecy};
use yishi_core::votes::tally::{Method, Quorum, Rules, Threshold, TieBreak};
use yishi_core::{DomainError, Lang};

use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, FormAlert, Loading, TextField};
use crate::forms::FormError;
use crate::i18n::{Msg, use_i18n};
use crate::pages::notices::notice_form::{parse_scope, scope_groups};

fn now() -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// `/votes/new`: a yes/no or single-choice vote of the residents of a place, open from now for a number
/// of hours, secret by default, with the result published at close.
#[component]
pub fn NewVotePage() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let scopes = LocalResource::new(move || api::postable_scopes(i18n.lang_untracked()));
    let title = RwSignal::new(String::new());
    let kind = RwSignal::new(String::from("yes_no"));
    let options = RwSignal::new(String::new());
    let hours = RwSignal::new(String::from("24"));
    let max_pick = RwSignal::new(String::from("2"));
    let scope = RwSignal::new(String::new());
    let secret = RwSignal::new(true);
    let errors = FormError::new(&[
        ("title", "vote-title"),
        ("options", "vote-options"),
        ("closes_at", "vote-hours"),
        ("scope", "vote-scope"),
    ]);
    let create = Action::new_local(move |req: &CreateVoteRequest| {
        let (req, navigate) = (req.clone(), navigate.clone());
        async move {
            match api::create_vote(i18n.lang_untracked(), &req).await {
                Ok(answer) => navigate(&format!("/votes/{}", answer.vote.id), Default::default()),
                Err(e) => errors.set(e),
            }
        }
    });
    let pending = create.pending();
    let on_submit = errors.on_submit(create, move || {
        let hours: i64 = hours
            .get_untracked()
            .trim()
            .parse()
            .ok()
            .filter(|h| (1..=24 * 60).contains(h))
            .ok_or(DomainError::Invalid {
                field: Field::ClosesAt,
            })?;
        let method_kind = kind.get_untracked();
        let single = method_kind == "single" || method_kind == "multiple";
        let option_list: Vec<String> = if single {
            options
                .get_untracked()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        } else {
            Vec::new()
        };
        let scope = parse_scope(&scope.get_untracked()).ok_or(DomainError::Required {
            field: Field::Scope,
        })?;
        let opens_at = now();
        let settings = PollSettings {
            title: title.get_untracked(),
            options: option_list,
            method: if single {
                if method_kind == "multiple" {
                    let max: u32 = max_pick.get_untracked().trim().parse().map_err(|_| {
                        DomainError::Invalid {
                            field: Field::Options,
                        }
                    })?;
                    Method::Multiple {
                        min: 1,
                        max,
                        seats: max,
                    }
                } else {
                    Method::Single { seats: 1 }
                }
            } else {
                Method::YesNo
            },
            rules: Rules {
                quorum: Quorum::None,
                threshold: Threshold::SimpleMajority,
                count_abstentions: false,
                double_majority: false,
            },
            tie_break: TieBreak::NoWinner,
            electorate: ElectorateRule::Residents,
            secrecy: if secret.get_untracked() {
                Secrecy::Secret
            } else {
                Secrecy::Named
            },
            results: ResultsShown::AfterClose,
            changeable: false,
            max_proxies: 0,
            opens_at,
            closes_at: opens_at + Duration::hours(hours),
        }
        .validate()?;
        Ok(CreateVoteRequest { scope, settings })
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::NewVoteHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/">{i18n.text(Msg::BackToList)}</a>
            </p>
            <h1>{i18n.text(Msg::NewVoteHeading)}</h1>
            <form class="form" on:submit=on_submit novalidate>
                <FormAlert id="vote-error" message=errors.general() />
                <TextField id="vote-title" label=Msg::VoteTitle value=title error=errors.field("title") />
                <div class="field">
                    <label for="vote-kind">{i18n.text(Msg::VoteKind)}</label>
                    <select id="vote-kind" bind:value=kind>
                        <option value="yes_no">{i18n.text(Msg::KindYesNo)}</option>
                        <option value="single">{i18n.text(Msg::KindSingle)}</option>
                        <option value="multiple">{i18n.text(Msg::KindMultiple)}</option>
                    </select>
                </div>
                {move || {
                    (kind.get() != "yes_no")
                        .then(|| {
                            view! {
                                <div class="field">
                                    <label for="vote-options">{i18n.text(Msg::VoteOptions)}</label>
                                    <textarea id="vote-options" rows="4" bind:value=options></textarea>
                                </div>
                                {(kind.get() == "multiple")
                                    .then(|| view! { <TextField id="vote-max" label=Msg::MaxPick value=max_pick kind="number" inputmode="numeric" error=errors.field("options") /> })}
                            }
                        })
                }}
                <div class="field">
                    <label for="vote-scope">{i18n.text(Msg::VoteAudience)}</label>
                    <select id="vote-scope" bind:value=scope>
                        <option value="">{i18n.text(Msg::ChooseScope)}</option>
                        <Transition fallback=|| view! { <Loading /> }>
                            {move || Suspend::new(async move {
                                match scopes.await {
                                    Ok(scopes) => {
                                        scope_groups(Lang::default(), &scopes)
                                            .into_iter()
                                            .map(|g| {
                                                view! {
                                                    <optgroup label=g.community>
                                                        {g.options
                                                            .into_iter()
                                                            .map(|(value, label)| view! { <option value=value>{label}</option> })
                                                            .collect::<Vec<_>>()}
                                                    </optgroup>
                                                }
                                            })
                                            .collect::<Vec<_>>()
                                            .into_any()
                                    }
                                    Err(e) => view! { <ErrorView error=e /> }.into_any(),
                                }
                            })}
                        </Transition>
                    </select>
                </div>
                <TextField id="vote-hours" label=Msg::VoteHours value=hours kind="number" inputmode="numeric" error=errors.field("closes_at") />
                <label class="check">
                    <input type="checkbox" bind:checked=secret />
                    {i18n.text(Msg::SecretBallot)}
                </label>
                <button type="submit" class="button primary" aria-disabled=move || pending.get().then_some("true")>
                    {move || i18n.t(if pending.get() { Msg::Working } else { Msg::CreateVoteButton })}
                </button>
            </form>
        </AppShell>
    }
}
