use chrono::Duration;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use yishi_core::DomainError;
use yishi_core::api::routes::CreateVote;
use yishi_core::api::votes::CreateVoteRequest;
use yishi_core::error::Field;
use yishi_core::votes::electorate::{ElectorateRule, HouseholdCaster};
use yishi_core::votes::poll::opening;
use yishi_core::votes::poll::{PollSettings, ResultsShown, Secrecy, parse_priced_options};
use yishi_core::votes::tally::{Method, Quorum, RankedRule, Rules, Threshold, TieBreak};

use super::MethodNote;
use crate::api;
use crate::components::scope_select::parse_scope;
use crate::components::{
    AppShell, DocumentTitle, FormAlert, ScopeSelect, Start, StartChoice, TextField,
    ThresholdOptions, parse_threshold,
};
use crate::format::now;
use crate::forms::{FormError, Named};
use crate::i18n::{Msg, use_i18n};

/// The settings the form describes; every rule is checked by `PollSettings::validate` afterwards.
#[derive(Clone, Copy)]
struct Form {
    title: RwSignal<String>,
    kind: RwSignal<String>,
    options: RwSignal<String>,
    max_pick: RwSignal<String>,
    budget: RwSignal<String>,
    electorate: RwSignal<String>,
    min_age: RwSignal<String>,
    threshold: RwSignal<String>,
    count_abstentions: RwSignal<bool>,
    double_majority: RwSignal<bool>,
    quorum: RwSignal<String>,
    /// "now", or "later" at `starts_at` (`2026-12-02T15:00`, China time).
    start: Start,
    hours: RwSignal<String>,
    max_proxies: RwSignal<String>,
    secret: RwSignal<bool>,
    changeable: RwSignal<bool>,
    live: RwSignal<bool>,
    ballot_order: RwSignal<bool>,
}

impl Form {
    fn new() -> Form {
        Form {
            title: RwSignal::new(String::new()),
            kind: RwSignal::new(String::from("yes_no")),
            options: RwSignal::new(String::new()),
            max_pick: RwSignal::new(String::from("2")),
            budget: RwSignal::new(String::new()),
            electorate: RwSignal::new(String::from("residents")),
            min_age: RwSignal::new(String::from("60")),
            threshold: RwSignal::new(String::from("simple")),
            count_abstentions: RwSignal::new(false),
            double_majority: RwSignal::new(false),
            quorum: RwSignal::new(String::from("0")),
            start: Start::new(),
            hours: RwSignal::new(String::from("24")),
            max_proxies: RwSignal::new(String::from("0")),
            secret: RwSignal::new(true),
            changeable: RwSignal::new(false),
            live: RwSignal::new(false),
            ballot_order: RwSignal::new(false),
        }
    }

    fn number<T: std::str::FromStr>(
        signal: RwSignal<String>,
        field: Field,
    ) -> Result<T, DomainError> {
        signal
            .get_untracked()
            .trim()
            .parse()
            .map_err(|_| DomainError::Invalid { field })
    }

    fn settings(&self) -> Result<PollSettings, DomainError> {
        let hours: i64 = Form::number(self.hours, Field::ClosesAt)?;
        if !(1..=24 * 60).contains(&hours) {
            return Err(DomainError::Invalid {
                field: Field::ClosesAt,
            });
        }
        let opens_at = opening(self.start.chosen(Field::OpensAt)?, now())?;
        let lines = || -> Vec<String> {
            self.options
                .get_untracked()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let kind = self.kind.get_untracked();
        let (options, method) = match kind.as_str() {
            "single" => (lines(), Method::Single { seats: 1 }),
            "multiple" => {
                let max: u32 = Form::number(self.max_pick, Field::Options)?;
                (
                    lines(),
                    Method::Multiple {
                        min: 1,
                        max,
                        seats: max,
                    },
                )
            }
            "ranked" => (
                lines(),
                Method::Ranked {
                    rule: RankedRule::InstantRunoff,
                },
            ),
            "schulze" => (
                lines(),
                Method::Ranked {
                    rule: RankedRule::Schulze,
                },
            ),
            "score" => (lines(), Method::Score { max: 5 }),
            "budget" | "knapsack" | "equal_shares" => {
                let (names, costs) = parse_priced_options(&self.options.get_untracked())?;
                let budget: u64 = Form::number(self.budget, Field::Budget)?;
                let method = match kind.as_str() {
                    "budget" => Method::ApprovalBudget { budget, costs },
                    "equal_shares" => Method::EqualShares { budget, costs },
                    _ => Method::Knapsack { budget, costs },
                };
                (names, method)
            }
            _ => (Vec::new(), Method::YesNo),
        };
        let electorate = match self.electorate.get_untracked().as_str() {
            "households" => ElectorateRule::Households {
                cast_by: HouseholdCaster::Representative,
            },
            "households_any" => ElectorateRule::Households {
                cast_by: HouseholdCaster::AnyMember,
            },
            "council" => ElectorateRule::CouncilMembers,
            "aged" => ElectorateRule::ResidentsAged {
                min_age: Form::number(self.min_age, Field::MinAge)?,
            },
            _ => ElectorateRule::Residents,
        };
        let percent: u8 = Form::number(self.quorum, Field::Quorum)?;
        PollSettings {
            title: self.title.get_untracked(),
            options,
            method,
            rules: Rules {
                quorum: if percent == 0 {
                    Quorum::None
                } else {
                    Quorum::PercentOfEligible { percent }
                },
                threshold: parse_threshold(&self.threshold.get_untracked())
                    .unwrap_or(Threshold::SimpleMajority),
                count_abstentions: self.count_abstentions.get_untracked(),
                double_majority: self.double_majority.get_untracked(),
            },
            tie_break: if self.ballot_order.get_untracked() {
                TieBreak::BallotOrder
            } else {
                TieBreak::NoWinner
            },
            electorate,
            secrecy: if self.secret.get_untracked() {
                Secrecy::Secret
            } else {
                Secrecy::Named
            },
            results: if self.live.get_untracked() {
                ResultsShown::Live
            } else {
                ResultsShown::AfterClose
            },
            changeable: self.changeable.get_untracked() && !self.secret.get_untracked(),
            max_proxies: Form::number(self.max_proxies, Field::Proxy)?,
            opens_at,
            closes_at: opens_at + Duration::hours(hours),
        }
        .validate()
    }
}

/// The form's kinds of vote, in the order offered.
const KINDS: [&str; 9] = [
    "yes_no",
    "single",
    "multiple",
    "ranked",
    "schulze",
    "score",
    "budget",
    "knapsack",
    "equal_shares",
];

/// The method a kind stands for, as far as its words go (the numbers come from the form's fields).
fn method_of(kind: &str) -> Method {
    match kind {
        "single" => Method::Single { seats: 1 },
        "multiple" => Method::Multiple {
            min: 1,
            max: 2,
            seats: 2,
        },
        "ranked" => Method::Ranked {
            rule: RankedRule::InstantRunoff,
        },
        "schulze" => Method::Ranked {
            rule: RankedRule::Schulze,
        },
        "score" => Method::Score { max: 5 },
        "budget" => Method::ApprovalBudget {
            budget: 0,
            costs: Vec::new(),
        },
        "knapsack" => Method::Knapsack {
            budget: 0,
            costs: Vec::new(),
        },
        "equal_shares" => Method::EqualShares {
            budget: 0,
            costs: Vec::new(),
        },
        _ => Method::YesNo,
    }
}

/// `/votes/new`: a vote of a place's residents, households or representatives, by any method of the
/// engine, opening now or later, secret by default, with the result published at close.
#[component]
pub fn NewVotePage() -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let form = Form::new();
    let scope = RwSignal::new(String::new());
    let errors = FormError::new(&[
        ("title", "vote-title"),
        ("options", "vote-options"),
        ("opens_at", "vote-starts-at"),
        ("closes_at", "vote-hours"),
        ("scope", "vote-scope"),
        ("rules", "vote-threshold"),
        ("proxy", "vote-proxies"),
        ("budget", "vote-budget"),
        ("costs", "vote-options"),
        ("min_age", "vote-age"),
        ("quorum", "vote-quorum"),
    ])
    .with_names(&[
        ("title", Named::Typed(Msg::VoteQuestionWord)),
        ("options", Named::Typed(Msg::VoteOptionsWord)),
        ("scope", Named::Chosen(Msg::VoteAudienceWord)),
    ]);
    let create = Action::new_local(move |req: &CreateVoteRequest| {
        let (req, navigate) = (req.clone(), navigate.clone());
        async move {
            match api::send(i18n.lang_untracked(), &CreateVote {}, &req).await {
                Ok(answer) => navigate(&format!("/votes/{}", answer.vote.id), Default::default()),
                Err(e) => errors.set(e),
            }
        }
    });
    let pending = create.pending();
    let on_submit = errors.on_submit(create, move || {
        let scope = parse_scope(&scope.get_untracked()).ok_or(DomainError::Required {
            field: Field::Scope,
        })?;
        let settings = form.settings()?;
        Ok(CreateVoteRequest { scope, settings })
    });
    let Form {
        title,
        kind,
        options,
        max_pick,
        budget,
        electorate,
        min_age,
        threshold,
        count_abstentions,
        double_majority,
        quorum,
        start,
        hours,
        max_proxies,
        secret,
        changeable,
        live,
        ballot_order,
    } = form;
    let with_options = move || kind.get() != "yes_no";
    let priced = move || matches!(kind.get().as_str(), "budget" | "knapsack" | "equal_shares");
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::NewVoteHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/votes">{i18n.text(Msg::BackToVotes)}</a>
            </p>
            <h1>{i18n.text(Msg::NewVoteHeading)}</h1>
            <form class="form" on:submit=on_submit novalidate>
                <TextField id="vote-title" label=Msg::VoteTitle value=title error=errors.field("title") />
                <div class="field">
                    <label for="vote-kind">{i18n.text(Msg::VoteKind)}</label>
                    <select id="vote-kind" bind:value=kind aria-describedby="vote-method">
                        {KINDS
                            .iter()
                            .map(|&kind| view! { <option value=kind>{move || method_of(kind).words(i18n.lang()).name}</option> })
                            .collect::<Vec<_>>()}
                    </select>
                    <MethodNote method=Signal::derive(move || method_of(&kind.get())) id="vote-method" />
                </div>
                {move || {
                    with_options()
                        .then(|| {
                            let label = if priced() { Msg::BudgetOptions } else { Msg::VoteOptions };
                            view! {
                                <div class="field">
                                    <label for="vote-options">{i18n.text(label)}</label>
                                    {priced().then(|| view! { <p class="hint" id="vote-options-hint">{i18n.text(Msg::BudgetOptionsHint)}</p> })}
                                    <textarea id="vote-options" rows="5" bind:value=options
                                        aria-invalid=move || (errors.field("options").with(Option::is_some) || errors.field("costs").with(Option::is_some)).then_some("true")></textarea>
                                    {move || errors.field("options").get().or_else(|| errors.field("costs").get()).map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                                </div>
                                {(kind.get() == "multiple")
                                    .then(|| view! { <TextField id="vote-max" label=Msg::MaxPick value=max_pick kind="number" inputmode="numeric" error=Signal::derive(|| None::<String>) /> })}
                                {priced().then(|| view! { <TextField id="vote-budget" label=Msg::BudgetTotal value=budget kind="number" inputmode="numeric" error=errors.field("budget") /> })}
                                <label class="check">
                                    <input type="checkbox" bind:checked=ballot_order />
                                    {i18n.text(Msg::TieBreakOrder)}
                                </label>
                            }
                        })
                }}
                <ScopeSelect id="vote-scope" label=Msg::VoteAudience value=scope error=errors.field("scope") />
                <div class="field">
                    <label for="vote-electorate">{i18n.text(Msg::ElectorateLabel)}</label>
                    <select id="vote-electorate" bind:value=electorate>
                        <option value="residents">{i18n.text(Msg::ElectorateResidents)}</option>
                        <option value="households">{i18n.text(Msg::ElectorateHouseholds)}</option>
                        <option value="households_any">{i18n.text(Msg::ElectorateHouseholdsAny)}</option>
                        <option value="council">{i18n.text(Msg::ElectorateCouncil)}</option>
                        <option value="aged">{i18n.text(Msg::ElectorateAged)}</option>
                    </select>
                </div>
                {move || (electorate.get() == "aged").then(|| view! { <TextField id="vote-age" label=Msg::MinAge value=min_age kind="number" inputmode="numeric" error=errors.field("min_age") /> })}
                {move || {
                    (kind.get() == "yes_no")
                        .then(|| {
                            view! {
                                <div class="field">
                                    <label for="vote-threshold">{i18n.text(Msg::ThresholdLabel)}</label>
                                    <select id="vote-threshold" bind:value=threshold>
                                        <ThresholdOptions />
                                    </select>
                                    {move || errors.field("rules").get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                                </div>
                                <label class="check">
                                    <input type="checkbox" bind:checked=count_abstentions />
                                    {i18n.text(Msg::CountAbstentions)}
                                </label>
                                <label class="check">
                                    <input type="checkbox" bind:checked=double_majority />
                                    {i18n.text(Msg::DoubleMajority)}
                                </label>
                                <TextField id="vote-quorum" label=Msg::QuorumPercent value=quorum kind="number" inputmode="numeric" error=errors.field("quorum") />
                            }
                        })
                }}
                <StartChoice start=start name="vote-start" legend=Msg::VoteStartLegend id="vote-starts-at" label=Msg::StartsAtLabel
                    hint=Signal::derive(move || i18n.t(Msg::StartsAtHint).to_owned()) error=errors.field("opens_at") />
                <TextField id="vote-hours" label=Msg::VoteHours value=hours kind="number" inputmode="numeric" error=errors.field("closes_at") />
                <TextField id="vote-proxies" label=Msg::MaxProxies value=max_proxies kind="number" inputmode="numeric" error=errors.field("proxy") />
                <label class="check">
                    <input type="checkbox" bind:checked=secret />
                    {i18n.text(Msg::SecretBallot)}
                </label>
                {move || (!secret.get()).then(|| view! {
                    <label class="check">
                        <input type="checkbox" bind:checked=changeable />
                        {i18n.text(Msg::Changeable)}
                    </label>
                })}
                <label class="check">
                    <input type="checkbox" bind:checked=live />
                    {i18n.text(Msg::LiveResults)}
                </label>
                <FormAlert id="vote-error" message=errors.general() />
                <button type="submit" class="button primary" aria-disabled=move || pending.get().then_some("true")>
                    {move || i18n.t(if pending.get() { Msg::Working } else { Msg::CreateVoteButton })}
                </button>
            </form>
        </AppShell>
    }
}
