use leptos::prelude::*;
use yishi_core::api::routes::ListVotes;

use crate::api;
use crate::i18n::{Msg, use_i18n};

/// On the home screen, first: the open votes where the member still has a vote to cast (nothing when
/// there are none).
#[component]
pub fn WaitingVotes() -> impl IntoView {
    let i18n = use_i18n();
    let votes = LocalResource::new(move || api::get(i18n.lang_untracked(), &ListVotes {}));
    view! {
        <Transition>
            {move || Suspend::new(async move {
                let waiting: Vec<_> = votes
                    .await
                    .map(|list| list.votes.into_iter().filter(|v| v.needs_my_vote).collect())
                    .unwrap_or_default();
                (!waiting.is_empty())
                    .then(|| {
                        view! {
                            <section class="now" aria-labelledby="waiting-votes-heading">
                                <h2 id="waiting-votes-heading">{i18n.text(Msg::VotesHeading)}</h2>
                                <ul class="card-links" role="list">
                                    {waiting
                                        .into_iter()
                                        .map(|v| {
                                            view! {
                                                <li>
                                                    <a href=format!("/votes/{}", v.id)>
                                                        <span class="card-title">{v.title.clone()}</span>
                                                        <span class="card-meta">{v.scope_name.clone()}</span>
                                                    </a>
                                                </li>
                                            }
                                        })
                                        .collect::<Vec<_>>()}
                                </ul>
                            </section>
                        }
                    })
            })}
        </Transition>
    }
}
