use leptos::prelude::*;
use yishi_core::api::auth::{MemberView, ProfileUpdate};
use yishi_core::api::routes::UpdateProfile;
use yishi_core::notifications::{NotificationPrefs, QuietHours, Topic};

use crate::api::{self, ApiError};
use crate::i18n::{Msg, fill, use_i18n};
use crate::session::use_session;

/// The topics as the settings page lists them, with their words.
const TOPICS: [(Topic, Msg); 6] = [
    (Topic::Notices, Msg::TopicNotices),
    (Topic::Votes, Msg::TopicVotes),
    (Topic::Meetings, Msg::TopicMeetings),
    (Topic::Matters, Msg::TopicMatters),
    (Topic::Requests, Msg::TopicRequests),
    (Topic::Volunteers, Msg::TopicVolunteers),
];

/// Which topics push, and her quiet hours (on or off, from which hour to which), saved together with
/// her profile.
#[component]
pub(super) fn TopicsForm(member: MemberView) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let prefs = member.profile.notifications.clone();
    let off = RwSignal::new(prefs.push_off.clone());
    let quiet_on = RwSignal::new(prefs.quiet_hours.is_some());
    let hours = prefs.quiet_hours.unwrap_or_default();
    let from = RwSignal::new(hours.from.to_string());
    let to = RwSignal::new(hours.to.to_string());
    let saved = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let quiet = move || hours_of(&from.get(), &to.get());
    let save = Action::new_local(move |req: &ProfileUpdate| {
        let req = req.clone();
        async move {
            match api::send(i18n.lang_untracked(), &UpdateProfile {}, &req).await {
                Ok(answer) => {
                    session.signed_in(answer.member);
                    saved.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        error.set(None);
        let notifications = NotificationPrefs {
            push_off: off.get_untracked(),
            quiet_hours: quiet_on
                .get_untracked()
                .then(|| hours_of(&from.get_untracked(), &to.get_untracked())),
        }
        .normalized();
        save.dispatch(ProfileUpdate {
            notifications: Some(notifications),
            ..ProfileUpdate::default()
        });
    };
    let summary = move || {
        let QuietHours { from, to } = quiet();
        let (f, t) = (clock(from), clock(to));
        match from.cmp(&to) {
            std::cmp::Ordering::Equal => i18n.t(Msg::QuietSame).to_owned(),
            std::cmp::Ordering::Less => {
                fill(i18n.lang(), Msg::QuietSummary, &[("from", &f), ("to", &t)])
            }
            std::cmp::Ordering::Greater => fill(
                i18n.lang(),
                Msg::QuietSummaryNextDay,
                &[("from", &f), ("to", &t)],
            ),
        }
    };
    let hour_options = || {
        (0_u8..24)
            .map(|h| view! { <option value=h.to_string()>{clock(h)}</option> })
            .collect::<Vec<_>>()
    };
    view! {
        <form class="form compact notify-form" on:submit=on_submit aria-labelledby="topics-heading">
            <h2 id="topics-heading">{i18n.text(Msg::TopicsHeading)}</h2>
            <p class="hint">{i18n.text(Msg::TopicsHint)}</p>
            <fieldset class="field">
                <legend class="visually-hidden">{i18n.text(Msg::TopicsHeading)}</legend>
                {TOPICS
                    .into_iter()
                    .map(|(topic, words)| {
                        view! {
                            <label class="check">
                                <input
                                    type="checkbox"
                                    prop:checked=move || off.with(|o| !o.contains(&topic))
                                    on:change=move |ev| {
                                        let pushed = event_target_checked(&ev);
                                        off.update(|o| {
                                            o.retain(|t| *t != topic);
                                            if !pushed {
                                                o.push(topic);
                                            }
                                        });
                                    }
                                />
                                {i18n.text(words)}
                            </label>
                        }
                    })
                    .collect::<Vec<_>>()}
            </fieldset>
            <h2 id="quiet-heading">{i18n.text(Msg::QuietHeading)}</h2>
            <p class="hint">{i18n.text(Msg::QuietHint)}</p>
            <label class="check">
                <input type="checkbox" bind:checked=quiet_on />
                {i18n.text(Msg::QuietCheck)}
            </label>
            <div class="quiet-hours" hidden=move || !quiet_on.get()>
                <div class="field">
                    <label for="quiet-from">{i18n.text(Msg::QuietFrom)}</label>
                    <select id="quiet-from" bind:value=from>{hour_options()}</select>
                </div>
                <div class="field">
                    <label for="quiet-to">{i18n.text(Msg::QuietTo)}</label>
                    <select id="quiet-to" bind:value=to>{hour_options()}</select>
                </div>
                <p class="quiet-summary">{summary}</p>
            </div>
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
            {move || saved.get().then(|| view! { <p role="status">{i18n.text(Msg::Saved)}</p> })}
            <button type="submit" class="button primary">{i18n.text(Msg::SaveButton)}</button>
        </form>
    }
}

/// The quiet hours the two selects say (their values are the hours, 0–23).
fn hours_of(from: &str, to: &str) -> QuietHours {
    let default = QuietHours::default();
    QuietHours {
        from: from.parse().unwrap_or(default.from),
        to: to.parse().unwrap_or(default.to),
    }
}

/// An hour of the day as a clock shows it: "7:00", "22:00".
fn clock(hour: u8) -> String {
    format!("{hour}:00")
}
