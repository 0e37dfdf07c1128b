use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use yishi_core::api::meetings::{CheckInRequest, LeaveRequest, MeetingLive, MeetingView, MyPart};
#[cfg(feature = "office")]
use yishi_core::api::meetings::{MinutesRequest, MotionRequest};
#[cfg(feature = "office")]
use yishi_core::api::members::OnBehalfRequest;
use yishi_core::api::votes::VoteState;
use yishi_core::meetings::{ItemState, MeetingState, SpeakerState};
#[cfg(feature = "office")]
use yishi_core::votes::poll::{ResultsShown, Secrecy};
#[cfg(feature = "office")]
use yishi_core::votes::tally::Method;

use crate::api::{self, ApiError};
use crate::clock::{countdown, ticking};
use crate::components::{
    AppShell, Ballot, BallotForm, Caster, DocumentTitle, ErrorView, Loading, Tally,
};
#[cfg(feature = "office")]
use crate::components::{QrCode, ThresholdOptions, parse_threshold};
use crate::format::{local_datetime, meeting_state_label};
use crate::i18n::{Msg, fill, use_i18n};
use crate::live::follow;

/// `/meetings/:id`: the meeting on a phone: presence and quorum, the agenda, checking in and out, asking
/// to speak, voting on the motion put; for the chair, the console; after it, the minutes.
#[component]
pub fn MeetingPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let meeting = LocalResource::new(move || {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        async move { api::meeting(i18n.lang_untracked(), &id).await }
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::MeetingsHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/">{i18n.text(Msg::BackToList)}</a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match meeting.await {
                        Ok(answer) => view! { <MeetingDetail meeting=answer.meeting /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| meeting.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}

/// `/meetings/:id/checkin?token=`: where the room's QR code leads; checks her in and shows the meeting.
#[component]
pub fn CheckInPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<ApiError>);
    let id = params.with_untracked(|p| p.get("id")).unwrap_or_default();
    let token = query.with_untracked(|q| q.get("token")).unwrap_or_default();
    let check_in = Action::new_local(move |(): &()| {
        let (id, token, navigate) = (id.clone(), token.clone(), navigate.clone());
        async move {
            let req = CheckInRequest {
                token: Some(token),
                on_behalf: None,
            };
            match api::check_in(i18n.lang_untracked(), &id, &req).await {
                Ok(_) => navigate(&format!("/meetings/{id}"), Default::default()),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    check_in.dispatch(());
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::CheckInButton).to_owned()) />
        <AppShell signed_in=true>
            {move || match error.get() {
                Some(e) => view! { <ErrorView error=e /> }.into_any(),
                None => view! { <p role="status">{i18n.text(Msg::CheckingIn)}</p> }.into_any(),
            }}
        </AppShell>
    }
}

#[component]
fn MeetingDetail(meeting: MeetingView) -> impl IntoView {
    let i18n = use_i18n();
    let id = meeting.id.to_string();
    let live = RwSignal::new(meeting.live.clone());
    let connected = RwSignal::new(true);
    if meeting.live.state != MeetingState::Closed {
        follow(id.clone(), live, connected);
    }
    let me = RwSignal::new(meeting.me.clone());
    let error = RwSignal::new(None::<ApiError>);
    // Every change answers with the meeting: take its live state and her part.
    let apply = Callback::new(move |answer: Result<MeetingView, ApiError>| match answer {
        Ok(view) => {
            me.set(view.me);
            if view.live.revision >= live.with_untracked(|l| l.revision) {
                live.set(view.live);
            }
        }
        Err(e) => error.set(Some(e)),
    });
    let act = {
        let id = id.clone();
        Action::new_local(move |(rest, body): &(String, serde_json::Value)| {
            let (id, rest, body) = (id.clone(), rest.clone(), body.clone());
            async move {
                apply.run(
                    api::meeting_post(i18n.lang_untracked(), &id, &rest, &body)
                        .await
                        .map(|a| a.meeting),
                );
            }
        })
    };
    let settings = meeting.settings.clone();
    let starts = local_datetime(&settings.starts_at);
    let place = settings.place.clone();
    view! {
        <article class="meeting">
            <h1>{settings.title.clone()}</h1>
            <p class="hint">{meeting.scope_name.clone()}</p>
            <p class="hint">{move || fill(i18n.lang(), Msg::PlaceLine, &[("place", &place)])}</p>
            <p class="hint">{move || fill(i18n.lang(), Msg::StartsAt, &[("time", &starts)])}</p>
            <p><span class="badge">{move || i18n.t(meeting_state_label(live.with(|l| l.state)))}</span></p>
            {move || (!connected.get() && live.with(|l| l.state) == MeetingState::Open).then(|| view! { <p class="hint" role="status">{i18n.text(Msg::LiveLost)}</p> })}
            <Presence live=live />
            <MyControls id=id.clone() live=live me=me act=act />
            <MotionView live=live me=me />
            <Agenda live=live />
            <Speakers live=live />
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
            {(meeting.live.state == MeetingState::Closed).then(|| view! { <Record meeting=meeting.clone() /> })}
            {meeting.chair.then(|| crate::office_part!(view! { <ChairConsole meeting=meeting.clone() live=live act=act error=error /> }))}
        </article>
    }
}

#[component]
fn Presence(live: RwSignal<MeetingLive>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="presence" aria-labelledby="presence-heading">
            <h2 id="presence-heading" class="visually-hidden">{i18n.text(Msg::AttendanceHeading)}</h2>
            <p class="presence-count" aria-live="polite">
                {move || {
                    let (present, eligible) = live.with(|l| (l.present.to_string(), l.eligible.to_string()));
                    fill(i18n.lang(), Msg::Presence, &[("present", &present), ("eligible", &eligible)])
                }}
            </p>
            <p>
                <span class="badge" class:warn=move || !live.with(|l| l.quorum_met)>
                    {move || i18n.t(if live.with(|l| l.quorum_met) { Msg::QuorumMet } else { Msg::QuorumMissing })}
                </span>
            </p>
        </section>
    }
}

/// Her own controls: check in (the QR code leads here too), leave, ask to speak or withdraw.
#[component]
fn MyControls(
    id: String,
    live: RwSignal<MeetingLive>,
    me: RwSignal<MyPart>,
    act: Action<(String, serde_json::Value), ()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let _ = id;
    let open = Memo::new(move |_| live.with(|l| l.state) == MeetingState::Open);
    let open = move || open.get();
    view! {
        {move || {
            let part = me.get();
            if !part.invited {
                return view! { <p class="hint">{i18n.text(Msg::NotInvitedNote)}</p> }.into_any();
            }
            if !open() {
                return ().into_any();
            }
            if !part.present {
                return view! { <p class="hint">{i18n.text(Msg::ScanToCheckIn)}</p> }.into_any();
            }
            let speaker = part.speaker.clone();
            view! {
                <p role="status">{i18n.text(Msg::YouAreIn)}</p>
                <div class="actions">
                    {match speaker {
                        None => view! {
                            <button type="button" class="button primary" on:click=move |_| {
                                act.dispatch(("speakers".into(), serde_json::json!({})));
                            }>{i18n.text(Msg::RequestToSpeak)}</button>
                        }.into_any(),
                        Some(speaker) => view! {
                            <p>{i18n.text(Msg::WaitingToSpeak)}</p>
                            <button type="button" class="button secondary" on:click=move |_| {
                                act.dispatch((format!("speakers/{speaker}"), serde_json::json!({ "state": "withdrawn" })));
                            }>{i18n.text(Msg::Withdraw)}</button>
                        }.into_any(),
                    }}
                    <button type="button" class="button secondary" on:click=move |_| {
                        act.dispatch(("attendance/leave".into(), serde_json::to_value(LeaveRequest::default()).unwrap_or_default()));
                    }>{i18n.text(Msg::LeaveButton)}</button>
                </div>
            }
                .into_any()
        }}
    }
}

#[component]
fn Agenda(live: RwSignal<MeetingLive>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">{i18n.text(Msg::AgendaHeading)}</h2>
            <ol class="agenda">
                {move || {
                    live.with(|l| l.items.clone())
                        .into_iter()
                        .map(|item| {
                            let label = match item.state {
                                ItemState::Pending => Msg::ItemPending,
                                ItemState::Open => Msg::ItemOpen,
                                ItemState::Done => Msg::ItemDone,
                            };
                            view! {
                                <li class:current=item.state == ItemState::Open>
                                    {item.title.clone()}" "<span class="badge">{i18n.text(label)}</span>
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()
                }}
            </ol>
        </section>
    }
}

#[component]
fn Speakers(live: RwSignal<MeetingLive>) -> impl IntoView {
    let i18n = use_i18n();
    let now = ticking();
    view! {
        {move || {
            let speakers = live.with(|l| l.speakers.clone());
            (!speakers.is_empty())
                .then(|| {
                    view! {
                        <section aria-labelledby="speakers-heading">
                            <h2 id="speakers-heading">{i18n.text(Msg::SpeakersHeading)}</h2>
                            <ul class="member-list">
                                {speakers
                                    .into_iter()
                                    .map(|s| {
                                        let speaking = s.state == SpeakerState::Speaking;
                                        view! {
                                            <li class="member-card" class:current=speaking>
                                                {s.name.clone()}" "
                                                <span class="badge">{i18n.text(if speaking { Msg::Speaking } else { Msg::Waiting })}</span>
                                                {speaking.then(|| {
                                                    view! {
                                                        <span class="countdown">
                                                            {move || countdown(s.started_at, s.seconds, now.get()).map(|t| fill(i18n.lang(), Msg::TimeLeft, &[("time", &t)]))}
                                                        </span>
                                                    }
                                                })}
                                            </li>
                                        }
                                    })
                                    .collect::<Vec<_>>()}
                            </ul>
                        </section>
                    }
                })
        }}
    }
}

/// The motion put to the vote: her ballot while it is open, the count, and the result when shown.
#[component]
fn MotionView(live: RwSignal<MeetingLive>, me: RwSignal<MyPart>) -> impl IntoView {
    let i18n = use_i18n();
    let open_motion = Memo::new(move |_| {
        live.with(|l| {
            l.motion
                .as_ref()
                .filter(|m| m.state == VoteState::Open)
                .map(|m| m.vote.to_string())
        })
    });
    // Her vote on the open motion: fetched again when another motion is put or she checks in.
    let mine = LocalResource::new(move || {
        let vote = open_motion.get();
        let present = me.with(|m| m.present);
        async move {
            match (vote, present) {
                (Some(vote), true) => api::vote(i18n.lang_untracked(), &vote).await.ok(),
                _ => None,
            }
        }
    });
    let receipt = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        open_motion.track();
        receipt.set(None);
    });
    // The ballot is drawn again only when another motion is put or this one closes, never because
    // someone else voted (that would reset a choice she is making).
    let current = Memo::new(move |_| {
        live.with(|l| {
            l.motion.as_ref().map(|m| {
                (
                    m.vote.to_string(),
                    m.title.clone(),
                    m.method.clone(),
                    m.options.clone(),
                    m.state,
                )
            })
        })
    });
    view! {
        {move || {
            current
                .get()
                .map(|(vote, title, method, options, state)| {
                    let is_open = state == VoteState::Open;
                    let ballot = Ballot { vote, method, options };
                    view! {
                        <section class="motion" aria-labelledby="motion-heading">
                            <h2 id="motion-heading">{i18n.text(Msg::MotionHeading)}" · "{title}</h2>
                            <p>
                                {move || {
                                    let (cast, voters) = live.with(|l| l.motion.as_ref().map(|m| (m.participated.to_string(), m.voters.to_string())).unwrap_or_default());
                                    fill(i18n.lang(), Msg::MotionCount, &[("cast", &cast), ("voters", &voters)])
                                }}
                            </p>
                            {is_open.then(|| view! {
                                <Transition>
                                    {move || {
                                        let ballot = ballot.clone();
                                        Suspend::new(async move {
                                            let vote = mine.await;
                                            let open_vote = vote.as_ref().and_then(|v| v.vote.my_votes.iter().find(|m| !m.voted).cloned());
                                            let voted = vote.as_ref().is_some_and(|v| !v.vote.my_votes.is_empty()) && open_vote.is_none();
                                            match (receipt.get(), open_vote) {
                                                (Some(r), _) => view! { <p class="new-code" role="status">{fill(i18n.lang(), Msg::YourReceipt, &[("receipt", &r)])}</p> }.into_any(),
                                                (None, Some(mine)) => view! { <BallotForm ballot=ballot legend=Msg::MotionHeading caster=Caster::Online(mine.voter) done=receipt /> }.into_any(),
                                                (None, None) if voted => view! { <p role="status">{i18n.text(Msg::MotionVoted)}</p> }.into_any(),
                                                _ => ().into_any(),
                                            }
                                        })
                                    }}
                                </Transition>
                            })}
                            {move || live.with(|l| l.motion.clone()).map(|motion| view! { <Tally motion=motion /> })}
                        </section>
                    }
                })
        }}
    }
}

/// A past meeting's record: every motion with its result, and the published minutes.
#[component]
fn Record(meeting: MeetingView) -> impl IntoView {
    let i18n = use_i18n();
    let minutes = (!meeting.chair)
        .then_some(meeting.minutes.clone())
        .flatten();
    view! {
        {(!meeting.motions.is_empty()).then(|| view! {
            <section aria-labelledby="motions-heading">
                <h2 id="motions-heading">{i18n.text(Msg::MotionsHeading)}</h2>
                <ul class="member-list">
                    {meeting
                        .motions
                        .iter()
                        .map(|motion| {
                            view! {
                                <li class="member-card">
                                    <p class="member-name">{motion.title.clone()}</p>
                                    <Tally motion=motion.clone() />
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()}
                </ul>
            </section>
        })}
        {minutes.map(|text| view! {
            <section aria-labelledby="record-minutes-heading">
                <h2 id="record-minutes-heading">{i18n.text(Msg::MinutesHeading)}</h2>
                <p class="notice-body">{text}</p>
            </section>
        })}
    }
}

#[cfg(feature = "office")]
/// The chair's console: open and close the meeting, the agenda, check-in by hand, the floor, motions,
/// and after the meeting the minutes.
#[component]
fn ChairConsole(
    meeting: MeetingView,
    live: RwSignal<MeetingLive>,
    act: Action<(String, serde_json::Value), ()>,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = meeting.id.to_string();
    // Redrawn only when the meeting's state changes, not with every live update.
    let state = Memo::new(move |_| live.with(|l| l.state));
    let state = move || state.get();
    let screen = format!("/meetings/{id}/screen");
    // The check-in link: the QR code of the room, also fit to share in the building's chat group.
    let origin = window().location().origin().unwrap_or_default();
    let checkin = meeting
        .checkin_token
        .as_ref()
        .map(|token| format!("{origin}/meetings/{id}/checkin?token={token}"));
    let post = move |rest: String, body: serde_json::Value| {
        error.set(None);
        act.dispatch((rest, body));
    };
    view! {
        <section class="chair" aria-labelledby="chair-heading">
            <h2 id="chair-heading">{i18n.text(Msg::ChairHeading)}</h2>
            <p><a href=screen target="_blank">{i18n.text(Msg::ScreenLink)}</a></p>
            {move || (state() == MeetingState::Open).then(|| checkin.clone()).flatten().map(|url| view! {
                <div class="checkin-qr">
                    <QrCode text=url.clone() label=i18n.t(Msg::ScreenScan).to_owned() />
                    <p><a href=url>{i18n.text(Msg::CheckInLink)}</a></p>
                </div>
            })}
            {move || match state() {
                MeetingState::Scheduled => view! {
                    <button type="button" class="button primary" on:click=move |_| post("open".into(), serde_json::json!({}))>{i18n.text(Msg::OpenMeeting)}</button>
                }.into_any(),
                MeetingState::Open => view! {
                    <button type="button" class="button secondary" on:click=move |_| post("close".into(), serde_json::json!({}))>{i18n.text(Msg::CloseMeeting)}</button>
                }.into_any(),
                MeetingState::Closed => ().into_any(),
            }}
            {move || (state() == MeetingState::Open).then(|| view! {
                <ChairAgenda live=live post=post />
                <ChairFloor live=live post=post />
                <ChairMotion live=live post=post />
                <ChairAttendance id=id.clone() live=live post=post />
            })}
            {move || (state() == MeetingState::Closed).then(|| view! { <Minutes id=meeting.id.to_string() /> })}
        </section>
    }
}

#[cfg(feature = "office")]
#[component]
fn ChairAgenda(
    live: RwSignal<MeetingLive>,
    post: impl Fn(String, serde_json::Value) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h3>{i18n.text(Msg::AgendaHeading)}</h3>
        <ul class="member-list">
            {move || {
                live.with(|l| l.items.clone())
                    .into_iter()
                    .map(|item| {
                        let position = item.position;
                        view! {
                            <li class="member-card">
                                {item.title.clone()}" "
                                {match item.state {
                                    ItemState::Pending => view! {
                                        <button type="button" class="button secondary small" on:click=move |_| post(format!("items/{position}/open"), serde_json::json!({}))>{i18n.text(Msg::OpenItem)}</button>
                                    }.into_any(),
                                    ItemState::Open => view! {
                                        <button type="button" class="button secondary small" on:click=move |_| post(format!("items/{position}/close"), serde_json::json!({}))>{i18n.text(Msg::CloseItem)}</button>
                                    }.into_any(),
                                    ItemState::Done => view! { <span class="badge">{i18n.text(Msg::ItemDone)}</span> }.into_any(),
                                }}
                            </li>
                        }
                    })
                    .collect::<Vec<_>>()
            }}
        </ul>
    }
}

#[cfg(feature = "office")]
#[component]
fn ChairFloor(
    live: RwSignal<MeetingLive>,
    post: impl Fn(String, serde_json::Value) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let limit = RwSignal::new(String::from("180"));
    let speakers = Memo::new(move |_| live.with(|l| l.speakers.clone()));
    view! {
        {move || {
            let speakers = speakers.get();
            (!speakers.is_empty()).then(|| view! {
                <h3>{i18n.text(Msg::SpeakersHeading)}</h3>
                <div class="field">
                    <label for="floor-limit">{i18n.text(Msg::FloorSeconds)}</label>
                    <select id="floor-limit" bind:value=limit>
                        <option value="">{i18n.text(Msg::NoLimit)}</option>
                        {[1, 2, 3, 5]
                            .into_iter()
                            .map(|n| view! { <option value=(n * 60).to_string()>{fill(i18n.lang(), Msg::Minutes, &[("n", &n.to_string())])}</option> })
                            .collect::<Vec<_>>()}
                    </select>
                </div>
                <ul class="member-list">
                    {speakers
                        .into_iter()
                        .map(|s| {
                            let sid = s.id.clone();
                            let speaking = s.state == SpeakerState::Speaking;
                            view! {
                                <li class="member-card">
                                    {s.name.clone()}" "
                                    {if speaking {
                                        view! {
                                            <button type="button" class="button secondary small" on:click=move |_| post(format!("speakers/{sid}"), serde_json::json!({ "state": "done" }))>{i18n.text(Msg::EndTurn)}</button>
                                        }.into_any()
                                    } else {
                                        view! {
                                            <button type="button" class="button secondary small" on:click=move |_| {
                                                let seconds: Option<u32> = limit.get_untracked().parse().ok();
                                                post(format!("speakers/{sid}"), serde_json::json!({ "state": "speaking", "seconds": seconds }));
                                            }>{i18n.text(Msg::GiveFloor)}</button>
                                        }.into_any()
                                    }}
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()}
                </ul>
            })
        }}
    }
}

#[cfg(feature = "office")]
#[component]
fn ChairMotion(
    live: RwSignal<MeetingLive>,
    post: impl Fn(String, serde_json::Value) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let title = RwSignal::new(String::new());
    let options = RwSignal::new(String::new());
    let threshold = RwSignal::new(String::new());
    let secret = RwSignal::new(false);
    let shown_live = RwSignal::new(true);
    let reason = RwSignal::new(String::new());
    // Only a change of the open motion redraws the form (a redraw mid-typing would lose keystrokes).
    let open_motion = Memo::new(move |_| {
        live.with(|l| {
            l.motion
                .as_ref()
                .filter(|m| m.state == VoteState::Open)
                .map(|m| (m.vote.to_string(), m.title.clone()))
        })
    });
    let quorum_met = Memo::new(move |_| live.with(|l| l.quorum_met));
    view! {
        {move || match open_motion.get() {
            Some((vote, motion_title)) => {
                let close = format!("motions/{vote}/close");
                view! {
                    <h3>{i18n.text(Msg::MotionHeading)}" · "{motion_title}</h3>
                    <button type="button" class="button primary" on:click=move |_| post(close.clone(), serde_json::json!({}))>{i18n.text(Msg::CloseMotionButton)}</button>
                    <p><a href=format!("/votes/{vote}")>{i18n.text(Msg::PaperLink)}</a></p>
                }
                    .into_any()
            }
            None => view! {
                <form class="form compact" on:submit=move |ev| {
                    ev.prevent_default();
                    let list: Vec<String> = options.get_untracked().lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect();
                    let method = if list.is_empty() { Method::YesNo } else { Method::Single { seats: 1 } };
                    let req = MotionRequest {
                        title: title.get_untracked(),
                        options: list,
                        method,
                        secrecy: if secret.get_untracked() { Secrecy::Secret } else { Secrecy::Named },
                        results: if shown_live.get_untracked() { ResultsShown::Live } else { ResultsShown::AfterClose },
                        threshold: parse_threshold(&threshold.get_untracked()),
                        override_reason: Some(reason.get_untracked()).filter(|r| !r.trim().is_empty()),
                    };
                    post("motions".into(), serde_json::to_value(&req).unwrap_or_default());
                    title.set(String::new());
                    options.set(String::new());
                }>
                    <h3>{i18n.text(Msg::PutMotionHeading)}</h3>
                    <div class="field">
                        <label for="motion-title">{i18n.text(Msg::MotionTitle)}</label>
                        <input id="motion-title" type="text" bind:value=title />
                    </div>
                    <div class="field">
                        <label for="motion-options">{i18n.text(Msg::MotionOptions)}</label>
                        <textarea id="motion-options" rows="3" bind:value=options></textarea>
                    </div>
                    <div class="field">
                        <label for="motion-threshold">{i18n.text(Msg::ThresholdLabel)}</label>
                        <select id="motion-threshold" bind:value=threshold>
                            <option value="">{i18n.text(Msg::MeetingDefault)}</option>
                            <ThresholdOptions />
                        </select>
                    </div>
                    <label class="check">
                        <input type="checkbox" bind:checked=secret />
                        {i18n.text(Msg::SecretBallot)}
                    </label>
                    <label class="check">
                        <input type="checkbox" bind:checked=shown_live />
                        {i18n.text(Msg::LiveResults)}
                    </label>
                    {move || (!quorum_met.get()).then(|| view! {
                        <div class="field">
                            <label for="motion-reason">{i18n.text(Msg::OverrideReason)}</label>
                            <input id="motion-reason" type="text" bind:value=reason />
                        </div>
                    })}
                    <button type="submit" class="button primary">{i18n.text(Msg::PutMotionButton)}</button>
                </form>
            }
                .into_any(),
        }}
    }
}

#[cfg(feature = "office")]
#[component]
fn ChairAttendance(
    id: String,
    live: RwSignal<MeetingLive>,
    post: impl Fn(String, serde_json::Value) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let people = LocalResource::new(move || {
        // Fetched again whenever presence changes.
        live.with(|l| l.present);
        let id = id.clone();
        async move { api::meeting_attendance(i18n.lang_untracked(), &id).await }
    });
    let reason = RwSignal::new(String::new());
    view! {
        <h3>{i18n.text(Msg::AttendanceHeading)}</h3>
        <div class="field">
            <label for="checkin-reason">{i18n.text(Msg::CheckInReason)}</label>
            <input id="checkin-reason" type="text" bind:value=reason />
        </div>
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match people.await {
                    Ok(list) => view! {
                        <ul class="member-list">
                            {list
                                .people
                                .into_iter()
                                .map(|p| {
                                    let member_id = p.member_id.clone();
                                    view! {
                                        <li class="member-card">
                                            {p.name.clone()}" "
                                            <span class="badge" class:warn=!p.present>{i18n.text(if p.present { Msg::Present } else { Msg::Absent })}</span>
                                            {(!p.present).then(|| view! {
                                                <button type="button" class="button secondary small" on:click=move |_| {
                                                    let req = CheckInRequest {
                                                        token: None,
                                                        on_behalf: Some(OnBehalfRequest { member_id: member_id.clone(), reason: reason.get_untracked() }),
                                                    };
                                                    post("attendance".into(), serde_json::to_value(&req).unwrap_or_default());
                                                }>{i18n.text(Msg::CheckInOnBehalf)}</button>
                                            })}
                                        </li>
                                    }
                                })
                                .collect::<Vec<_>>()}
                        </ul>
                    }
                        .into_any(),
                    Err(e) => view! { <ErrorView error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[cfg(feature = "office")]
/// The minutes as written at close (fetched once the meeting has ended).
#[component]
fn Minutes(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let meeting = LocalResource::new(move || {
        let id = id.clone();
        async move { api::meeting(i18n.lang_untracked(), &id).await }
    });
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match meeting.await {
                    Ok(answer) => view! { <MinutesEditor meeting=answer.meeting /> }.into_any(),
                    Err(e) => view! { <ErrorView error=e /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[cfg(feature = "office")]
#[component]
fn MinutesEditor(meeting: MeetingView) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let text = RwSignal::new(meeting.minutes.clone().unwrap_or_default());
    let saved = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let id = meeting.id.to_string();
    let published = meeting.minutes_notice.clone();
    let save = {
        let id = id.clone();
        Action::new_local(move |text: &String| {
            let (id, req) = (id.clone(), MinutesRequest { text: text.clone() });
            async move {
                match api::put_minutes(i18n.lang_untracked(), &id, &req).await {
                    Ok(_) => saved.set(true),
                    Err(e) => error.set(Some(e)),
                }
            }
        })
    };
    // Publishing keeps the secretary's last edits.
    let publish = Action::new_local(move |(): &()| {
        let (id, navigate) = (id.clone(), navigate.clone());
        let req = MinutesRequest {
            text: text.get_untracked(),
        };
        async move {
            if let Err(e) = api::put_minutes(i18n.lang_untracked(), &id, &req).await {
                error.set(Some(e));
                return;
            }
            match api::publish_minutes(i18n.lang_untracked(), &id).await {
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
