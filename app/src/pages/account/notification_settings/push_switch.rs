use leptos::prelude::*;
use yishi_core::api::notifications::PushStatusResponse;
use yishi_core::api::routes::{PushStatus, SubscribePush, UnsubscribePush};

use crate::api::{self, ApiError};
use crate::components::ErrorView;
use crate::i18n::{Msg, use_i18n};
use crate::push::{self, Trouble};

/// What the switch shows: never on unless both this browser and the server hold the subscription.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Asking the server and the browser.
    Checking,
    On,
    /// Off; with the reason when trying to turn it on failed.
    Off(Option<Trouble>),
    /// Push cannot work here, whatever she taps (the switch stays off and says why).
    Cannot(Trouble),
}

/// "这台手机接收推送": on asks the browser for the permission, subscribes it with the server's key and
/// gives the server the subscription; off unsubscribes the browser and tells the server. Where push cannot
/// work (no push in the browser, an iPhone outside the home screen, notifications blocked, no key on the
/// server) it stays off and says so, and that the inbox still has everything.
#[component]
pub(super) fn PushSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(State::Checking);
    let key = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let status = LocalResource::new(move || async move {
        let answer = api::get(i18n.lang_untracked(), &PushStatus {}).await?;
        key.set(answer.public_key.clone());
        state.set(checked(&answer).await);
        Ok::<_, ApiError>(())
    });
    let toggle = Action::new_local(move |on: &bool| {
        let on = *on;
        async move {
            error.set(None);
            if on {
                let Some(public_key) = key.get_untracked() else {
                    state.set(State::Cannot(Trouble::ServerOff));
                    return;
                };
                match push::subscribe(&public_key).await {
                    Ok(subscription) => {
                        match api::send(i18n.lang_untracked(), &SubscribePush {}, &subscription)
                            .await
                        {
                            Ok(answer) => state.set(if answer.subscribed {
                                State::On
                            } else {
                                State::Off(None)
                            }),
                            Err(e) => {
                                // The server did not take it: nothing will be pushed, so the browser's
                                // subscription goes too.
                                push::unsubscribe().await;
                                error.set(Some(e));
                                state.set(State::Off(None));
                            }
                        }
                    }
                    Err(trouble @ (Trouble::NotAllowed | Trouble::Failed)) => {
                        state.set(State::Off(Some(trouble)));
                    }
                    Err(trouble) => state.set(State::Cannot(trouble)),
                }
            } else {
                // The browser's subscription goes first: once it is gone nothing reaches this phone,
                // whatever the server answers.
                push::unsubscribe().await;
                if let Err(e) = api::send(i18n.lang_untracked(), &UnsubscribePush {}, &()).await {
                    error.set(Some(e));
                }
                state.set(State::Off(None));
            }
        }
    });
    let busy = move || state.get() == State::Checking || toggle.pending().get();
    let checked_now = move || state.get() == State::On;
    let note = move || {
        if toggle.pending().get() {
            return Some(Msg::PushWorking);
        }
        match state.get() {
            State::Checking => None,
            State::On => Some(Msg::PushIsOn),
            State::Off(None) => Some(Msg::PushIsOff),
            State::Off(Some(trouble)) | State::Cannot(trouble) => Some(trouble_text(trouble)),
        }
    };
    view! {
        <section aria-labelledby="push-heading">
            <h2 id="push-heading">{i18n.text(Msg::PushHeading)}</h2>
            <button
                type="button"
                role="switch"
                class="switch"
                aria-labelledby="push-switch-label"
                aria-describedby="push-note"
                aria-checked=move || if checked_now() { "true" } else { "false" }
                aria-busy=move || busy().then_some("true")
                disabled=move || busy() || matches!(state.get(), State::Cannot(_))
                on:click=move |_| {
                    toggle.dispatch(!checked_now());
                }
            >
                <span id="push-switch-label" class="switch-label">{i18n.text(Msg::PushSwitch)}</span>
                <span class="switch-track" aria-hidden="true">
                    <span class="switch-state">{move || i18n.t(if checked_now() { Msg::SwitchOn } else { Msg::SwitchOff })}</span>
                </span>
            </button>
            <p id="push-note" class="switch-note" role="status">{move || note().map(|m| i18n.t(m))}</p>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
            {move || {
                status
                    .get()
                    .and_then(Result::err)
                    .map(|e| view! { <ErrorView error=e on_retry=move |()| status.refetch() /> })
            }}
        </section>
    }
}

/// The switch's state from the server's answer and this browser.
async fn checked(answer: &PushStatusResponse) -> State {
    if answer.public_key.is_none() {
        return State::Cannot(Trouble::ServerOff);
    }
    if let Some(trouble) = push::unsupported() {
        return State::Cannot(trouble);
    }
    if push::denied() {
        return State::Cannot(Trouble::Denied);
    }
    // On only when both hold it: a subscription of an earlier session on this phone, or one the
    // browser has lost, is off until she turns it on again.
    if answer.subscribed && push::current().await.is_some() {
        State::On
    } else {
        State::Off(None)
    }
}

fn trouble_text(trouble: Trouble) -> Msg {
    match trouble {
        Trouble::Unsupported => Msg::PushUnsupported,
        Trouble::AddToHomeScreen => Msg::PushAddToHomeScreen,
        Trouble::Denied => Msg::PushDenied,
        Trouble::NotAllowed => Msg::PushNotAllowed,
        Trouble::Failed => Msg::PushFailed,
        Trouble::ServerOff => Msg::PushServerOff,
    }
}
