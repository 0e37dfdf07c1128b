use leptos::prelude::*;
use yishi_core::api::endpoint::Token;
use yishi_core::api::routes::{ListSessions, RevokeSession};

use crate::api::{self, ApiError};
use crate::components::{ErrorView, Loading};
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// The member's signed-in devices; any but this one can be signed out here.
#[component]
pub fn SessionList() -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0_u32);
    let sessions = LocalResource::new(move || {
        version.track();
        api::get(i18n.lang_untracked(), &ListSessions {})
    });
    let error = RwSignal::new(None::<ApiError>);
    let end = Action::new_local(move |id: &String| {
        let revoke = RevokeSession {
            id: Token::from_trusted(id.clone()),
        };
        async move {
            match api::send(i18n.lang_untracked(), &revoke, &()).await {
                Ok(()) => version.update(|v| *v += 1),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    view! {
        <section aria-labelledby="sessions-heading">
            <h2 id="sessions-heading">{i18n.text(Msg::SessionsHeading)}</h2>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match sessions.await {
                        Ok(list) => {
                            view! {
                                <ul class="member-list">
                                    {list
                                        .sessions
                                        .into_iter()
                                        .map(|s| {
                                            let id = s.id.clone();
                                            let at = local_datetime(&s.created_at);
                                            view! {
                                                <li class="member-card">
                                                    <p class="member-name">
                                                        {s.device.clone()}
                                                        {s.current.then(|| view! { <span class="badge">{i18n.text(Msg::ThisDevice)}</span> })}
                                                    </p>
                                                    <p class="hint">{move || fill(i18n.lang(), Msg::SignedInAt, &[("time", &at)])}</p>
                                                    {(!s.current)
                                                        .then(|| {
                                                            view! {
                                                                <button type="button" class="button secondary small" on:click=move |_| {
                                                                    end.dispatch(id.clone());
                                                                }>{i18n.text(Msg::EndSession)}</button>
                                                            }
                                                        })}
                                                </li>
                                            }
                                        })
                                        .collect::<Vec<_>>()}
                                </ul>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| sessions.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
