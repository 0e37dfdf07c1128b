use leptos::prelude::*;
use yishi_core::api::routes::AddProxy;
use yishi_core::api::votes::ProxyRequest;
use yishi_core::ids::VoteId;
use yishi_core::votes::electorate::VoterKey;

use yishi_core::i18n::Term;

use crate::api::{self, ApiError};
use crate::components::TermHelp;
use crate::i18n::{Msg, fill, use_i18n};

/// Before the vote opens: delegate her vote to a neighbour by the neighbour's phone number.
#[component]
pub(super) fn ProxyForm(vote: VoteId, from: VoterKey, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let phone = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let given = RwSignal::new(None::<String>);
    let give = Action::new_local(move |phone: &String| {
        let (add, req) = (
            AddProxy { id: vote.clone() },
            ProxyRequest {
                from: from.clone(),
                to: None,
                to_phone: Some(phone.clone()),
            },
        );
        async move {
            match api::send(i18n.lang_untracked(), &add, &req).await {
                Ok(answer) => given.set(Some(answer.to_name)),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    view! {
        <section aria-labelledby="proxy-heading">
            <h2 id="proxy-heading">{i18n.text(Msg::ProxyHeading)}</h2>
            <p class="terms"><TermHelp term=Term::Proxy /></p>
            {move || match given.get() {
                Some(name) => {
                    view! {
                        <p role="status">{fill(i18n.lang(), Msg::ProxyGiven, &[("name", &name)])}</p>
                        <button type="button" class="button secondary small" on:click=move |_| reload.run(())>{i18n.text(Msg::Done)}</button>
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <p class="hint">{i18n.text(Msg::ProxyHint)}</p>
                        <form class="inline-form" on:submit=move |ev| {
                            ev.prevent_default();
                            error.set(None);
                            match yishi_core::auth::normalize_phone(&phone.get_untracked()) {
                                Ok(p) => {
                                    give.dispatch(p);
                                }
                                Err(e) => error.set(Some(ApiError::Invalid(e))),
                            }
                        }>
                            <label for="proxy-phone">{i18n.text(Msg::ProxyPhone)}</label>
                            <input id="proxy-phone" type="tel" inputmode="numeric" autocomplete="off" bind:value=phone />
                            <button type="submit" class="button secondary">{i18n.text(Msg::ProxyButton)}</button>
                        </form>
                    }
                        .into_any()
                }
            }}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
        </section>
    }
}
