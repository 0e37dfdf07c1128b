use leptos::prelude::*;
use yishi_core::api::requests::{ChangeRequest, RequestAction, RequestView};
use yishi_core::api::routes::ChangeRequestStatus;
use yishi_core::requests::Status;

use super::super::Catalogue;
use super::unit_options;
use crate::changes::Change;
use crate::forms::chosen_files;
use crate::i18n::{Msg, use_i18n};
use crate::photos;

/// What the unit does: accept, start, resolve (with a note and photos), return to the right unit.
#[component]
pub(super) fn HandlerPanel(r: RequestView, change: Change, catalogue: Catalogue) -> impl IntoView {
    let i18n = use_i18n();
    let note = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let files = RwSignal::new(Vec::<web_sys::File>::new());
    let uploading = RwSignal::new(false);
    let endpoint = StoredValue::new(ChangeRequestStatus { id: r.id.clone() });
    let act = move |body: ChangeRequest| endpoint.with_value(|e| change.send(e, &body));
    let resolve = Action::new_local(move |(): &()| {
        let chosen = files.get_untracked();
        async move {
            let uploaded = photos::upload_showing(i18n.lang_untracked(), chosen, uploading).await;
            match uploaded {
                Ok(photos) => act(ChangeRequest {
                    note: note.get_untracked(),
                    photos,
                    ..ChangeRequest::new(RequestAction::Resolve)
                }),
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
                <button type="button" class="button primary" on:click=move |_| act(ChangeRequest::new(RequestAction::Accept))>
                    {i18n.text(Msg::AcceptRequest)}
                </button>
            })}
            {(status == Status::Accepted).then(|| view! {
                <button type="button" class="button secondary" on:click=move |_| act(ChangeRequest::new(RequestAction::Start))>
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
                    act(ChangeRequest {
                        unit: Some(unit.get_untracked()),
                        note: note.get_untracked(),
                        ..ChangeRequest::new(RequestAction::Return)
                    });
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
