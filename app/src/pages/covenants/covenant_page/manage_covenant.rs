use chrono::Duration;
use leptos::prelude::*;
use yishi_core::api::covenants::{ClausesRequest, CovenantBallotRequest, VersionView};
use yishi_core::api::routes::{AmendCovenant, CovenantAdoption, CovenantBallot, EditCovenantDraft};
use yishi_core::ids::CovenantId;
use yishi_core::votes::electorate::{ElectorateRule, HouseholdCaster};
use yishi_core::votes::poll::{PollSettings, ResultsShown, Secrecy};
use yishi_core::votes::tally::{Method, Quorum, Rules, Threshold, TieBreak};

use super::super::clauses_of;
use crate::changes::Change;
use crate::format::now;
use crate::i18n::{Msg, use_i18n};

/// Staff: edit the draft, put it to a vote, record the outcome, amend.
#[component]
pub(super) fn ManageCovenant(
    id: CovenantId,
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
    let (put_to_vote, edit, amend, adopt) = (
        CovenantBallot { id: id.clone() },
        EditCovenantDraft { id: id.clone() },
        AmendCovenant { id: id.clone() },
        CovenantAdoption { id },
    );
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
        change.send(&put_to_vote, &CovenantBallotRequest { settings });
    };
    view! {
        <section class="manage" aria-labelledby="covenant-manage-heading">
            <h2 id="covenant-manage-heading">{i18n.text(Msg::ManageHeading)}</h2>
            {(!is_voting).then(|| view! {
                <form class="form" on:submit=move |ev| {
                    ev.prevent_default();
                    let body = ClausesRequest { clauses: clauses_of(&clauses.get_untracked()) };
                    if is_drafting {
                        change.send(&edit, &body);
                    } else {
                        change.send(&amend, &body);
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
                <button type="button" class="button primary" on:click=move |_| change.send(&adopt, &())>
                    {i18n.text(Msg::RecordAdoption)}
                </button>
            })}
        </section>
    }
}
