use leptos::prelude::*;
use yishi_core::api::routes::ListRequests;

use crate::api::{self, Query};
use crate::i18n::{Msg, use_i18n};

/// On the home screen, first: her requests that the unit says are done, waiting for her to confirm and
/// rate (nothing when there are none).
#[component]
pub fn ConfirmRequests() -> impl IntoView {
    let i18n = use_i18n();
    let requests = LocalResource::new(move || {
        let query = Query::new().set("view", "mine").set("status", "resolved");
        async move { api::send_query(i18n.lang_untracked(), &ListRequests {}, &query, &()).await }
    });
    view! {
        <Transition>
            {move || Suspend::new(async move {
                let waiting = requests.await.map(|list| list.requests).unwrap_or_default();
                (!waiting.is_empty())
                    .then(|| {
                        view! {
                            <section class="now" aria-labelledby="confirm-requests-heading">
                                <h2 id="confirm-requests-heading">{i18n.text(Msg::ConfirmRequestsHeading)}</h2>
                                <ul class="card-links" role="list">
                                    {waiting
                                        .into_iter()
                                        .map(|r| {
                                            view! {
                                                <li>
                                                    <a href=format!("/requests/{}", r.id)>
                                                        <span class="card-title">{r.subcategory_name}</span>
                                                        <span class="card-meta">{r.place_name}" · "{r.unit_name}</span>
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
