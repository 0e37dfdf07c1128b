use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde_json::json;
use yishi_core::api::requests::{RequestResponse, RequestView};
use yishi_core::requests::Outcome;
#[cfg(feature = "office")]
use yishi_core::requests::Status;

#[cfg(feature = "office")]
use super::{Catalogue, catalogue_resource};
use super::{DeadlineLine, event_label, outcome_label, status_label};
use crate::api;
use crate::changes::Change;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::format::local_datetime;
#[cfg(feature = "office")]
use crate::forms::chosen_files;
use crate::i18n::{Msg, fill, use_i18n};
#[cfg(feature = "office")]
use crate::photos;

/// `/requests/:id`: one request, its deadline and record, and what the reader may do with it.
#[component]
pub fn RequestPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let version = RwSignal::new(0_u32);
    let request = LocalResource::new(move || {
        version.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        async move {
            api::fetch_json::<RequestResponse>(
                i18n.lang_untracked(),
                &format!("/requests/{}", api::encode_value(&id)),
            )
            .await
        }
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::RequestsHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/requests">{i18n.text(Msg::RequestsHeading)}</a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match request.await {
                        Ok(answer) => view! { <RequestDetail r=answer.request reload=reload /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| request.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}

fn photo_links(ids: &[yishi_core::ids::PhotoId]) -> Vec<AnyView> {
    let i18n = use_i18n();
    ids.iter()
        .enumerate()
        .map(|(i, p)| {
            let n = (i + 1).to_string();
            view! {
                <a href=api::photo_url(p.as_str()) target="_blank" rel="noopener">
                    <img src=api::photo_url(p.as_str()) loading="lazy" alt=move || fill(i18n.lang(), Msg::PhotoAlt, &[("n", &n)]) />
                </a>
            }
            .into_any()
        })
        .collect()
}

#[component]
fn RequestDetail(r: RequestView, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let id = r.id.to_string();
    let change = Change::new(format!("/requests/{id}"), reload);
    let received = local_datetime(&r.received_at);
    let place = match &r.place_text {
        Some(t) => format!("{} · {t}", r.place_name),
        None => r.place_name.clone(),
    };
    let unit = r.unit.name.clone();
    let photos = photo_links(&r.photos);
    let rating = r.rating.clone().map(|rt| {
        let stars = "★".repeat(usize::from(rt.stars));
        view! {
            <section aria-labelledby="rating-heading">
                <h2 id="rating-heading">{i18n.text(Msg::ResidentRating)}</h2>
                <p class="outcome"><strong>{i18n.text(outcome_label(rt.outcome))}</strong>" "{stars}</p>
                {(!rt.comment.is_empty()).then(|| view! { <p>{rt.comment.clone()}</p> })}
            </section>
        }
    });
    view! {
        <article class="request">
            <h1>{r.subcategory.name.clone()}</h1>
            <p>
                <span class=format!("badge status-{}", r.status.as_str())>{i18n.text(status_label(r.status))}</span>
                " "
                <span class="badge">{r.category_name.clone()}</span>
            </p>
            <p class="hint">{place}" · "{received}</p>
            <p class="routing">{move || fill(i18n.lang(), Msg::HandledBy, &[("unit", &unit)])}</p>
            {r.status.is_open().then(|| view! { <DeadlineLine deadline=r.deadline overdue=r.overdue escalation=r.escalation /> })}
            {r.requester_name.clone().map(|n| {
                let phone = r.caller_phone.clone().unwrap_or_default();
                view! { <p class="hint">{move || fill(i18n.lang(), Msg::RaisedBy, &[("name", &n)])}" "{phone}</p> }
            })}
            <p class="matter-text">{r.description.clone()}</p>
            {(!photos.is_empty()).then(|| view! { <div class="photos">{photos}</div> })}
            {r.merged_into.clone().map(|m| view! {
                <p><a href=format!("/requests/{m}")>{i18n.text(Msg::MergedIntoLink)}</a></p>
            })}
            {r.split_from.clone().map(|m| view! {
                <p><a href=format!("/requests/{m}")>{i18n.text(Msg::SplitFromLink)}</a></p>
            })}
            {r.returned_to.clone().map(|u| {
                let name = u.name.clone();
                view! { <p class="outcome">{move || fill(i18n.lang(), Msg::ReturnedTo, &[("unit", &name)])}</p> }
            })}
            {r.can.confirm.then(|| view! { <ConfirmForm r=r.clone() change=change /> })}
            {r.can.join.then(|| view! {
                <p class="button-row">
                    <button type="button" class="button secondary" on:click=move |_| change.post("join", json!({}))>
                        {i18n.text(Msg::JoinRequest)}
                    </button>
                </p>
            })}
            {(r.can.handle || r.can.dispatch).then(|| crate::office_part!(view! { <OfficePanels r=r.clone() change=change /> }))}
            {change.view()}
            {rating}
            <Record r=r />
        </article>
    }
}

/// The unit's panel (accept, start, resolve, return) and staff's (send on, merge, split), with the units
/// and kinds of the catalogue their forms name (office app).
#[cfg(feature = "office")]
#[component]
fn OfficePanels(r: RequestView, change: Change) -> impl IntoView {
    let catalogue = catalogue_resource();
    view! {
        {r.can.handle.then(|| view! { <HandlerPanel r=r.clone() change=change catalogue=catalogue /> })}
        {(r.can.dispatch && r.status.is_open()).then(|| view! { <DispatchPanel r=r.clone() change=change catalogue=catalogue /> })}
    }
}

/// The resident's judgement of the work.
#[component]
fn ConfirmForm(r: RequestView, change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let outcome = RwSignal::new(None::<Outcome>);
    let stars = RwSignal::new(0_u8);
    let comment = RwSignal::new(String::new());
    let until = r.confirmation_ends.map(|t| {
        let t = local_datetime(&t);
        move || fill(i18n.lang(), Msg::ConfirmUntil, &[("time", &t)])
    });
    let missing = RwSignal::new(false);
    view! {
        <section class="confirm" aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">{i18n.text(Msg::ConfirmHeading)}</h2>
            {until.map(|u| view! { <p class="hint">{u}</p> })}
            <form class="form" on:submit=move |ev| {
                ev.prevent_default();
                let (Some(o), s) = (outcome.get_untracked(), stars.get_untracked()) else {
                    missing.set(true);
                    return;
                };
                if s == 0 {
                    missing.set(true);
                    return;
                }
                missing.set(false);
                change.post("confirmation", json!({ "outcome": o, "stars": s, "comment": comment.get_untracked() }));
            }>
                <fieldset class="field">
                    <legend>{i18n.text(Msg::WasItFixed)}</legend>
                    {[Outcome::Fixed, Outcome::Partly, Outcome::NotFixed].into_iter().map(|o| view! {
                        <label class="choice">
                            <input type="radio" name="outcome" on:change=move |_| outcome.set(Some(o)) />
                            {i18n.text(outcome_label(o))}
                        </label>
                    }).collect::<Vec<_>>()}
                </fieldset>
                <fieldset class="field stars">
                    <legend>{i18n.text(Msg::StarsLabel)}</legend>
                    {(1..=5_u8).map(|n| {
                        let label = n.to_string();
                        view! {
                            <label class="star-choice">
                                <input type="radio" name="stars" value=n on:change=move |_| stars.set(n) />
                                {move || fill(i18n.lang(), Msg::StarsN, &[("n", &label)])}
                            </label>
                        }
                    }).collect::<Vec<_>>()}
                </fieldset>
                <div class="field">
                    <label for="confirm-comment">{i18n.text(Msg::RatingComment)}</label>
                    <textarea id="confirm-comment" rows="3" bind:value=comment></textarea>
                </div>
                {move || missing.get().then(|| view! { <p class="form-error" role="alert">{i18n.text(Msg::ChooseOutcomeAndStars)}</p> })}
                <button type="submit" class="button primary" aria-disabled=move || change.pending().get().then_some("true")>
                    {i18n.text(Msg::SubmitConfirmation)}
                </button>
            </form>
        </section>
    }
}

#[cfg(feature = "office")]
/// The catalogue's units, for naming the right one.
fn unit_options(catalogue: Catalogue, exclude: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <option value="">{i18n.text(Msg::ChooseScope)}</option>
        <Transition fallback=|| ()>
            {move || {
                let exclude = exclude.clone();
                Suspend::new(async move {
                    catalogue.await.ok().map(|c| {
                        c.units
                            .into_iter()
                            .filter(|u| u.id.as_str() != exclude)
                            .map(|u| view! { <option value=u.id.to_string()>{u.name.clone()}</option> })
                            .collect::<Vec<_>>()
                    })
                })
            }}
        </Transition>
    }
}

#[cfg(feature = "office")]
/// What the unit does: accept, start, resolve (with a note and photos), return to the right unit.
#[component]
fn HandlerPanel(r: RequestView, change: Change, catalogue: Catalogue) -> impl IntoView {
    let i18n = use_i18n();
    let note = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let files = RwSignal::new(Vec::<web_sys::File>::new());
    let uploading = RwSignal::new(false);
    let resolve = Action::new_local(move |(): &()| {
        let chosen = files.get_untracked();
        async move {
            let uploaded = photos::upload_showing(i18n.lang_untracked(), chosen, uploading).await;
            match uploaded {
                Ok(ids) => change.post(
                    "changes",
                    json!({ "action": "resolve", "note": note.get_untracked(), "photos": ids }),
                ),
                Err(e) => change.error.set(Some(e)),
            }
        }
    });
    let status = r.status;
    let here = r.unit.id.to_string();
    view! {
        <section class="staff-panel" aria-labelledby="handle-heading">
            <h2 id="handle-heading">{i18n.text(Msg::HandleHeading)}</h2>
            {(status == Status::Received).then(|| view! {
                <button type="button" class="button primary" on:click=move |_| change.post("changes", json!({ "action": "accept" }))>
                    {i18n.text(Msg::AcceptRequest)}
                </button>
            })}
            {(status == Status::Accepted).then(|| view! {
                <button type="button" class="button secondary" on:click=move |_| change.post("changes", json!({ "action": "start" }))>
                    {i18n.text(Msg::StartRequest)}
                </button>
            })}
            {matches!(status, Status::Accepted | Status::InProgress).then(|| view! {
                <form class="form" on:submit=move |ev| { ev.prevent_default(); resolve.dispatch(()); }>
                    <div class="field">
                        <label for="resolve-note">{i18n.text(Msg::ResolveNote)}</label>
                        <textarea id="resolve-note" rows="3" bind:value=note></textarea>
                    </div>
                    <div class="field">
                        <label for="resolve-photos">{i18n.text(Msg::PhotosLabel)}</label>
                        <input id="resolve-photos" type="file" accept="image/*" multiple on:change=move |ev| files.set(chosen_files(&ev)) />
                    </div>
                    <button type="submit" class="button primary">{i18n.text(Msg::ResolveRequest)}</button>
                    {move || uploading.get().then(|| view! { <p class="loading" role="status">{i18n.text(Msg::UploadingPhotos)}</p> })}
                </form>
            })}
            {matches!(status, Status::Received | Status::Accepted).then(|| view! {
                <form class="form" on:submit=move |ev| {
                    ev.prevent_default();
                    change.post("changes", json!({ "action": "return", "unit": unit.get_untracked(), "note": note.get_untracked() }));
                }>
                    <h3>{i18n.text(Msg::ReturnHeading)}</h3>
                    <p class="hint">{i18n.text(Msg::ReturnHint)}</p>
                    <div class="field">
                        <label for="return-unit">{i18n.text(Msg::RightUnit)}</label>
                        <select id="return-unit" on:change=move |ev| unit.set(event_target_value(&ev))>{unit_options(catalogue, here.clone())}</select>
                    </div>
                    <div class="field">
                        <label for="return-note">{i18n.text(Msg::ReturnReason)}</label>
                        <textarea id="return-note" rows="2" bind:value=note></textarea>
                    </div>
                    <button type="submit" class="button secondary">{i18n.text(Msg::ReturnRequest)}</button>
                </form>
            })}
        </section>
    }
}

#[cfg(feature = "office")]
/// What staff do: send a returned request on, merge a duplicate, split off a second trouble.
#[component]
fn DispatchPanel(r: RequestView, change: Change, catalogue: Catalogue) -> impl IntoView {
    let i18n = use_i18n();
    let unit = RwSignal::new(
        r.returned_to
            .as_ref()
            .map(|u| u.id.to_string())
            .unwrap_or_default(),
    );
    let into = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let sub = RwSignal::new(String::new());
    let part = RwSignal::new(String::new());
    let returned = r.status == Status::Returned;
    view! {
        <section class="staff-panel" aria-labelledby="dispatch-heading">
            <h2 id="dispatch-heading">{i18n.text(Msg::DispatchHeading)}</h2>
            {returned.then(|| view! {
                <form class="form" on:submit=move |ev| {
                    ev.prevent_default();
                    change.post("changes", json!({ "action": "reroute", "unit": unit.get_untracked(), "note": note.get_untracked() }));
                }>
                    <div class="field">
                        <label for="reroute-unit">{i18n.text(Msg::RightUnit)}</label>
                        <select id="reroute-unit" prop:value=move || unit.get() on:change=move |ev| unit.set(event_target_value(&ev))>
                            {unit_options(catalogue, String::new())}
                        </select>
                    </div>
                    <button type="submit" class="button primary">{i18n.text(Msg::RerouteRequest)}</button>
                </form>
            })}
            <form class="form" on:submit=move |ev| {
                ev.prevent_default();
                change.post("changes", json!({ "action": "merge", "into": into.get_untracked().trim(), "note": note.get_untracked() }));
            }>
                <h3>{i18n.text(Msg::MergeHeading)}</h3>
                <div class="field">
                    <label for="merge-into">{i18n.text(Msg::MergeInto)}</label>
                    <input id="merge-into" type="text" autocomplete="off" bind:value=into />
                </div>
                <div class="field">
                    <label for="merge-note">{i18n.text(Msg::NoteLabel)}</label>
                    <input id="merge-note" type="text" autocomplete="off" bind:value=note />
                </div>
                <button type="submit" class="button secondary">{i18n.text(Msg::MergeRequest)}</button>
            </form>
            <form class="form" on:submit=move |ev| {
                ev.prevent_default();
                change.post("split", json!({ "subcategory": sub.get_untracked(), "description": part.get_untracked() }));
            }>
                <h3>{i18n.text(Msg::SplitHeading)}</h3>
                <div class="field">
                    <label for="split-sub">{i18n.text(Msg::SubcategoryLabel)}</label>
                    <select id="split-sub" on:change=move |ev| sub.set(event_target_value(&ev))>
                        <option value="">{i18n.text(Msg::ChooseScope)}</option>
                        <Transition fallback=|| ()>
                            {move || Suspend::new(async move {
                                catalogue.await.ok().map(|c| c.categories.into_iter().flat_map(|c| c.subcategories).filter(|s| s.active)
                                    .map(|s| view! { <option value=s.id.to_string()>{s.name.clone()}</option> })
                                    .collect::<Vec<_>>())
                            })}
                        </Transition>
                    </select>
                </div>
                <div class="field">
                    <label for="split-text">{i18n.text(Msg::SplitPart)}</label>
                    <textarea id="split-text" rows="2" bind:value=part></textarea>
                </div>
                <button type="submit" class="button secondary">{i18n.text(Msg::SplitRequest)}</button>
            </form>
        </section>
    }
}

/// Every change: who, when, what, and the note the resident reads.
#[component]
fn Record(r: RequestView) -> impl IntoView {
    let i18n = use_i18n();
    let items = r
        .events
        .into_iter()
        .map(|e| {
            let actor = if e.actor_name.is_empty() {
                i18n.t(Msg::SystemActor).to_owned()
            } else {
                e.actor_name.clone()
            };
            let photos = photo_links(&e.photos);
            view! {
                <li>
                    <p>
                        <strong>{i18n.text(event_label(&e.kind))}</strong>
                        {e.unit_name.clone().map(|u| view! { " → "{u} })}
                    </p>
                    {(!e.note.is_empty()).then(|| view! { <p>{e.note.clone()}</p> })}
                    {(!photos.is_empty()).then(|| view! { <div class="photos">{photos}</div> })}
                    <p class="hint">{actor}" · "{local_datetime(&e.at)}</p>
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <section aria-labelledby="record-heading">
            <h2 id="record-heading">{i18n.text(Msg::RecordHeading)}</h2>
            <ol class="timeline">{items}</ol>
        </section>
    }
}
