use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use yishi_core::api::routes::{CloseVote, PublishVoteResult};
use yishi_core::api::votes::VoteState;
use yishi_core::ids::VoteId;

use super::register::Register;
use crate::api::{self, ApiError};
use crate::components::Ballot;
use crate::i18n::{Msg, use_i18n};

/// Running the vote: close it early, publish its result, and the register with paper ballots (office app).
#[component]
pub(super) fn ManageVote(
    id: VoteId,
    state: VoteState,
    has_result: bool,
    ballot: Ballot,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ApiError>);
    let navigate = use_navigate();
    let publish = {
        let id = id.clone();
        Action::new_local(move |(): &()| {
            let (publish, navigate) = (PublishVoteResult { id: id.clone() }, navigate.clone());
            async move {
                match api::send(i18n.lang_untracked(), &publish, &()).await {
                    Ok(answer) => navigate(
                        &format!("/notices/{}", answer.notice.id),
                        Default::default(),
                    ),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    let close = {
        let id = id.clone();
        Action::new_local(move |(): &()| {
            let close = CloseVote { id: id.clone() };
            async move {
                match api::send(i18n.lang_untracked(), &close, &()).await {
                    Ok(_) => reload.run(()),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    view! {
            {(state == VoteState::Open)
                .then(|| {
                    view! {
                        <button type="button" class="button secondary" on:click=move |_| {
                            error.set(None);
                            close.dispatch(());
                        }>{i18n.text(Msg::CloseVote)}</button>
                    }
                })}
            {(state == VoteState::Closed && has_result)
                .then(|| {
                    view! {
                        <button type="button" class="button primary" on:click=move |_| {
                            error.set(None);
                            publish.dispatch(());
                        }>{i18n.text(Msg::PublishResult)}</button>
                    }
                })}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
            {(state != VoteState::Scheduled)
                .then(|| view! { <Register ballot=ballot.clone() open=state == VoteState::Open /> })}
    }
}
