use leptos::prelude::*;
use yishi_core::api::matters::ProgressRequest;
use yishi_core::api::routes::MatterProgress;
use yishi_core::ids::MatterId;

use crate::changes::Change;
use crate::forms::chosen_files;
use crate::i18n::{Msg, use_i18n};
use crate::photos;

#[component]
pub(super) fn ProgressForm(id: MatterId, change: Change) -> impl IntoView {
    let i18n = use_i18n();
    let progress = MatterProgress { id };
    let body = RwSignal::new(String::new());
    let files = RwSignal::new(Vec::<web_sys::File>::new());
    let uploading = RwSignal::new(false);
    let post = Action::new_local(move |text: &String| {
        let (text, progress) = (text.clone(), progress.clone());
        let chosen = files.get_untracked();
        async move {
            let uploaded = photos::upload_showing(i18n.lang_untracked(), chosen, uploading).await;
            match uploaded {
                Ok(photos) => change.send(&progress, &ProgressRequest { body: text, photos }),
                Err(e) => change.error.set(Some(e)),
            }
        }
    });
    view! {
        <form class="form" on:submit=move |ev| {
            ev.prevent_default();
            post.dispatch(body.get_untracked());
        }>
            <div class="field">
                <label for="progress-body">{i18n.text(Msg::ProgressLabel)}</label>
                <textarea id="progress-body" rows="3" bind:value=body></textarea>
            </div>
            <div class="field">
                <label for="progress-photos">{i18n.text(Msg::PhotosLabel)}</label>
                <input
                    id="progress-photos"
                    type="file"
                    accept="image/jpeg,image/png,image/webp,image/*"
                    multiple
                    on:change=move |ev| files.set(chosen_files(&ev))
                />
            </div>
            <button type="submit" class="button secondary">{i18n.text(Msg::PostProgress)}</button>
            {move || uploading.get().then(|| view! { <p class="loading" role="status">{i18n.text(Msg::UploadingPhotos)}</p> })}
        </form>
    }
}
