use leptos::prelude::*;
use yishi_core::api::routes::GetMeeting;
use yishi_core::ids::MeetingId;

use super::minutes_editor::MinutesEditor;
use crate::api;
use crate::components::{ErrorView, Loading};
use crate::i18n::use_i18n;

/// The minutes as written at close (fetched once the meeting has ended).
#[component]
pub(super) fn Minutes(id: MeetingId) -> impl IntoView {
    let i18n = use_i18n();
    let meeting = LocalResource::new(move || {
        let endpoint = GetMeeting { id: id.clone() };
        async move { api::get(i18n.lang_untracked(), &endpoint).await }
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
