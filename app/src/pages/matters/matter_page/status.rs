use leptos::prelude::*;
use yishi_core::api::matters::MatterView;
use yishi_core::matters::Decision;

use super::super::period_label_short;
use crate::i18n::{Msg, fill, use_i18n};

/// Merges, declines and the decision, in words.
#[component]
pub(super) fn Status(matter: MatterView) -> impl IntoView {
    let i18n = use_i18n();
    let m = matter;
    let declined = m.decline_reason.clone().map(|reason| {
        view! { <p class="notice-box">{move || fill(i18n.lang(), Msg::DeclinedNote, &[("reason", &reason)])}</p> }
    });
    let merged_into = m.merged_into.clone().map(|link| {
        view! {
            <p class="notice-box">
                {i18n.text(Msg::MergedIntoNote)}" "<a href=format!("/matters/{}", link.id)>{link.title}</a>
            </p>
        }
    });
    let merged_from = (!m.merged_from.is_empty()).then(|| {
        view! {
            <p class="hint">
                {i18n.text(Msg::MergedFromNote)}
                {m.merged_from
                    .iter()
                    .map(|l| view! { " " <a href=format!("/matters/{}", l.id)>{l.title.clone()}</a> })
                    .collect::<Vec<_>>()}
            </p>
        }
    });
    let decision = m.decision.clone().map(|d| {
        let outcome = d.outcome.map(|o| match o {
            Decision::Adopted => Msg::DecisionAdopted,
            Decision::Rejected => Msg::DecisionRejected,
        });
        view! {
            <section aria-labelledby="decide-heading">
                <h2 id="decide-heading">{i18n.text(Msg::DecideHeading)}</h2>
                {d.meeting.clone().map(|mtg| view! {
                    <p><a href=format!("/meetings/{mtg}")>{d.meeting_title.clone().unwrap_or_default()}</a></p>
                })}
                {outcome.map(|o| view! { <p class="outcome"><strong>{i18n.text(o)}</strong></p> })}
                {d.publication.map(|p| view! { <p class="notice-box">{i18n.text(period_label_short(p))}</p> })}
                <p class="button-row">
                    {d.vote.clone().map(|v| view! { <a class="button secondary" href=format!("/votes/{v}")>{i18n.text(Msg::GoVote)}</a> })}
                    {d.meeting.clone().filter(|_| d.outcome.is_none()).map(|mtg| view! {
                        <a class="button secondary" href=format!("/meetings/{mtg}")>{i18n.text(Msg::GoMeeting)}</a>
                    })}
                    {d.notice.clone().map(|n| view! { <a class="button secondary" href=format!("/notices/{n}")>{i18n.text(Msg::DecisionNoticeLink)}</a> })}
                </p>
            </section>
        }
    });
    view! { {declined} {merged_into} {merged_from} {decision} }
}
