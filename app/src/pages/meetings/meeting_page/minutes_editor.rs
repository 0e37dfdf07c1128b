use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use yishi_core::api::meetings::{MeetingView, MinutesRequest};
use yishi_core::api::routes::{PublishMinutes, PutMinutes};

use crate::api::{self, ApiError};
use crate::i18n::{Msg, use_i18n};

#[component]
pub(super) fn MinutesEditor(meeting: MeetingView) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let text = RwSignal::new(meeting.minutes.clone().unwrap_or_default());
    let saved = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let id = meeting.id.clone();
    let published = meeting.minutes_notice.clone();
    let save = {
        let id = id.clone();
        Action::new_local(move |text: &String| {
            let (put, req) = (
                PutMinutes { id: id.clone() },
                MinutesRequest { text: text.clone() },
            );
            async move {
                match api::send(i18n.lang_untracked(), &put, &req).await {
                    Ok(_) => saved.set(true),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    // Publishing keeps the secretary's last edits.
    let publish = Action::new_local(move |(): &()| {
        let (id, navigate) = (id.clone(), navigate.clone());
        let put = PutMinutes { id: id.clone() };
        let req = MinutesRequest {
            text: text.get_untracked(),
        };
        async move {
            if let Err(e) = api::send(i18n.lang_untracked(), &put, &req).await {
                error.set(Some(e));
                return;
            }
            match api::send(i18n.lang_untracked(), &PublishMinutes { id }, &()).await {
                Ok(answer) => navigate(
                    &format!("/notices/{}", answer.notice.id),
                    Default::default(),
                ),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    view! {
        <section aria-labelledby="minutes-heading">
            <h3 id="minutes-heading">{i18n.text(Msg::MinutesHeading)}</h3>
            {match published {
                Some(notice) => view! {
                    <p role="status">{i18n.text(Msg::MinutesPublished)}</p>
                    <p><a href=format!("/notices/{notice}")>{i18n.text(Msg::MinutesHeading)}</a></p>
                }.into_any(),
                None => view! {
                    <form class="form" on:submit=move |ev| {
                        ev.prevent_default();
                        error.set(None);
                        saved.set(false);
                        save.dispatch(text.get_untracked());
                    }>
                        <div class="field">
                            <label for="minutes-text">{i18n.text(Msg::MinutesHeading)}</label>
                            <textarea id="minutes-text" rows="16" bind:value=text></textarea>
                        </div>
                        <button type="submit" class="button secondary">{i18n.text(Msg::SaveMinutes)}</button>
                        {move || saved.get().then(|| view! { <span role="status">{i18n.text(Msg::Saved)}</span> })}
                    </form>
                    <button type="button" class="button primary" on:click=move |_| {
                        error.set(None);
                        publish.dispatch(());
                    }>{i18n.text(Msg::PublishMinutes)}</button>
                }.into_any(),
            }}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
        </section>
    }
}
