mod figure;
mod meter;
mod rolling;
mod screen_buildings;
mod screen_motion;
mod screen_presence;
mod wall_screen;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use yishi_core::api::routes::GetMeeting;
use yishi_core::ids::MeetingId;

use crate::api;
use crate::components::{DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

use wall_screen::WallScreen;

/// The wall's own styles. Only the office app has the wall screen, so only it carries them; the
/// stylesheet every phone loads stays without them.
const STYLES: &str = include_str!("screen.css");

/// `/meetings/:id/screen`: the wall screen of the room (1920×1080): presence against the quorum, the
/// current item, the motion's turnout and result bars (moving with each count), the speaker with the
/// countdown, and the check-in QR code, in large type, following the meeting live.
#[component]
pub fn ScreenPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let meeting = LocalResource::new(move || {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        async move {
            let id = api::found(MeetingId::parse(&id))?;
            api::get(i18n.lang_untracked(), &GetMeeting { id }).await
        }
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::MeetingsHeading).to_owned()) />
        <style>{STYLES}</style>
        <main class="screen">
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match meeting.await {
                        Ok(answer) => view! { <WallScreen meeting=answer.meeting /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| meeting.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </main>
    }
}
