use leptos::prelude::*;
use yishi_core::api::routes::VoteBallots;
use yishi_core::api::votes::MyVote;
use yishi_core::i18n::Term;
use yishi_core::ids::VoteId;
use yishi_core::votes::electorate::VoterKey;
use yishi_core::votes::poll::{Channel, Secrecy};
use yishi_core::votes::tally::Method;

use crate::api::{self, ApiError};
use crate::components::{ChoiceView, TermHelp};
use crate::i18n::{Msg, fill, use_i18n};
use crate::receipts;
use crate::session::use_session;

/// What a vote shows of its ballots, for reading hers back.
#[derive(Clone)]
pub struct VoteShape {
    pub vote: VoteId,
    pub secrecy: Secrecy,
    pub method: Method,
    pub options: Vec<String>,
}

/// Her votes that were cast, each with what she may see of it: in a named vote her choice; in a secret
/// one only that it is counted. Then the receipt (the server's for a named vote, this phone's for a
/// secret one) and, once the ballot list is published (`check`), a check that the receipt is in it —
/// made on the phone, so the server does not learn which receipt she looks for.
#[component]
pub fn MyPart(shape: VoteShape, mine: Vec<MyVote>, check: bool) -> impl IntoView {
    let cast: Vec<MyVote> = mine.iter().filter(|m| m.voted).cloned().collect();
    let labelled = mine.len() > 1;
    cast.into_iter()
        .map(|m| view! { <OneBallot shape=shape.clone() mine=m labelled=labelled check=check /> })
        .collect::<Vec<_>>()
}

fn label(mine: &MyVote) -> Msg {
    if mine.delegated {
        Msg::DelegatedVote
    } else {
        match mine.voter {
            VoterKey::Household(_) => Msg::HouseholdVote,
            VoterKey::Member(_) => Msg::OwnVote,
        }
    }
}

#[component]
fn OneBallot(shape: VoteShape, mine: MyVote, labelled: bool, check: bool) -> impl IntoView {
    let i18n = use_i18n();
    let member = use_session().member_untracked().map(|m| m.id);
    let ballot = mine.ballot.clone();
    let kept = member
        .as_ref()
        .and_then(|m| receipts::recall(m, &shape.vote, &mine.voter));
    let from_server = ballot.as_ref().and_then(|b| b.receipt.clone());
    let on_phone = from_server.is_none() && kept.is_some();
    let receipt = from_server.or(kept);
    let choice = ballot.as_ref().and_then(|b| b.choice.clone());
    let how = ballot
        .as_ref()
        .and_then(|b| match (b.channel, b.cast_by.clone()) {
            (Channel::Paper, _) => Some(i18n.t(Msg::CastOnPaper).to_owned()),
            (Channel::ShowOfHands, _) => Some(i18n.t(Msg::CastByHands).to_owned()),
            (Channel::Online, Some(name)) => Some(fill(
                i18n.lang_untracked(),
                Msg::CastByOther,
                &[("name", &name)],
            )),
            (Channel::Online, None) => None,
        });
    let secret = shape.secrecy == Secrecy::Secret;
    let checked = RwSignal::new(None::<Result<bool, ApiError>>);
    let vote = shape.vote.clone();
    let find = Action::new_local(move |receipt: &String| {
        let (list, receipt) = (VoteBallots { id: vote.clone() }, receipt.clone());
        async move {
            let answer = api::get(i18n.lang_untracked(), &list).await;
            checked.set(Some(
                answer.map(|l| l.ballots.iter().any(|b| b.receipt == receipt)),
            ));
        }
    });
    view! {
        <div class="my-ballot">
            {labelled.then(|| view! { <h3>{i18n.text(label(&mine))}</h3> })}
            {match (secret, choice) {
                (false, Some(choice)) => view! {
                    <ChoiceView method=shape.method.clone() options=shape.options.clone() choice=choice />
                }
                .into_any(),
                _ => view! { <p>{i18n.text(Msg::SecretCounted)}</p> }.into_any(),
            }}
            {how.map(|text| view! { <p class="hint">{text}</p> })}
            {match receipt.clone() {
                Some(r) => {
                    let shown = r.clone();
                    view! {
                        <p class="receipt">{move || fill(i18n.lang(), Msg::ReceiptIs, &[("receipt", &shown)])}</p>
                        <p class="terms"><TermHelp term=Term::Receipt /></p>
                        {on_phone.then(|| view! { <p class="hint">{i18n.text(Msg::ReceiptOnThisPhone)}</p> })}
                        {(!check).then(|| view! { <p class="hint">{i18n.text(Msg::ReceiptHowToCheck)}</p> })}
                        {check.then(|| {
                            let r = r.clone();
                            view! {
                                <button type="button" class="button secondary" on:click=move |_| {
                                    find.dispatch(r.clone());
                                }>{i18n.text(Msg::CheckReceipt)}</button>
                            }
                        })}
                    }
                    .into_any()
                }
                None if secret => view! { <p class="hint">{i18n.text(Msg::ReceiptNotOnThisPhone)}</p> }.into_any(),
                None => ().into_any(),
            }}
            {move || {
                let r = receipt.clone().unwrap_or_default();
                checked.get().map(|answer| match answer {
                    Ok(true) => view! { <p class="done" role="status">{fill(i18n.lang(), Msg::ReceiptFound, &[("receipt", &r)])}</p> }.into_any(),
                    Ok(false) => view! { <p class="form-error" role="alert">{fill(i18n.lang(), Msg::ReceiptMissing, &[("receipt", &r)])}</p> }.into_any(),
                    Err(e) => view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> }.into_any(),
                })
            }}
        </div>
    }
}
