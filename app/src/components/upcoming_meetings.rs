use leptos::prelude::*;
use yishi_core::api::meetings::{MeetingListResponse, MeetingSummary};
use yishi_core::meetings::MeetingState;

use crate::api::ApiResult;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// The meetings of the member's places in `state`, from the home screen's one request for them.
async fn meetings_in(
    meetings: LocalResource<ApiResult<MeetingListResponse>>,
    state: MeetingState,
) -> Vec<MeetingSummary> {
    meetings
        .await
        .map(|list| {
            list.meetings
                .into_iter()
                .filter(|m| m.state == state)
                .collect()
        })
        .unwrap_or_default()
}

/// A meeting as a card: its title, and where and when (here and on the votes and meetings screen).
pub fn meeting_card(m: MeetingSummary) -> AnyView {
    view! {
        <li>
            <a href=format!("/meetings/{}", m.id)>
                <span class="card-title"><span class="record-number">{m.number.to_string()}</span>" "{m.title}</span>
                <span class="card-meta">{m.place}" · "{local_datetime(&m.starts_at)}</span>
            </a>
        </li>
    }
    .into_any()
}

/// A meeting in session as a card: its title and where (its start is not news: it is on now).
fn live_card(m: MeetingSummary) -> AnyView {
    view! {
        <li>
            <a href=format!("/meetings/{}", m.id)>
                <span class="card-title"><span class="record-number">{m.number.to_string()}</span>" "{m.title}</span>
                <span class="card-meta">{m.place}</span>
            </a>
        </li>
    }
    .into_any()
}

/// On the home screen, first: the meetings of her places in session now, where she can check in and
/// vote (nothing when there are none).
#[component]
pub fn LiveMeetings(meetings: LocalResource<ApiResult<MeetingListResponse>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Transition>
            {move || Suspend::new(async move {
                let mut live = meetings_in(meetings, MeetingState::Open).await;
                // The first, and a link to the others: the notices still start on the first screen.
                let more = live.len().saturating_sub(1);
                live.truncate(1);
                (!live.is_empty())
                    .then(|| {
                        view! {
                            <section class="now live" aria-labelledby="live-meetings-heading">
                                <div class="section-head">
                                    <h2 id="live-meetings-heading">{i18n.text(Msg::LiveMeetingsHeading)}</h2>
                                    {(more > 0).then(|| view! {
                                        <a href="/votes">{move || fill(i18n.lang(), Msg::MoreMeetingsLive, &[("n", &more.to_string())])}</a>
                                    })}
                                </div>
                                <ul class="card-links" role="list">
                                    {live.into_iter().map(live_card).collect::<Vec<_>>()}
                                </ul>
                            </section>
                        }
                    })
            })}
        </Transition>
    }
}

/// Lower on the home screen: the meetings of her places still to come (nothing when there are none).
#[component]
pub fn UpcomingMeetings(meetings: LocalResource<ApiResult<MeetingListResponse>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Transition>
            {move || Suspend::new(async move {
                let coming = meetings_in(meetings, MeetingState::Scheduled).await;
                (!coming.is_empty())
                    .then(|| {
                        view! {
                            <section class="home-section" aria-labelledby="meetings-heading">
                                <h2 id="meetings-heading">{i18n.text(Msg::MeetingsHeading)}</h2>
                                <ul class="card-links" role="list">
                                    {coming.into_iter().map(meeting_card).collect::<Vec<_>>()}
                                </ul>
                                <p><a class="block-link" href="/votes">{i18n.text(Msg::VotesAndMeetings)}</a></p>
                            </section>
                        }
                    })
            })}
        </Transition>
    }
}
