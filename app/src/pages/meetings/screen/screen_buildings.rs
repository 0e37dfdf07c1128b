use leptos::prelude::*;
use yishi_core::api::meetings::MeetingLive;
use yishi_core::meetings::MeetingState;

use crate::i18n::{Msg, use_i18n};

/// Under the presence sentence, while the meeting is open: each building's present of expected
/// (「1号楼 12/15」), as the chair's console counts them (the worker counts the live state with core's
/// `by_building`). Counts only, never a name: the wall is read by the whole room.
#[component]
pub(super) fn ScreenBuildings(live: RwSignal<MeetingLive>) -> impl IntoView {
    let i18n = use_i18n();
    let counts = Memo::new(move |_| {
        live.with(|l| {
            if l.state == MeetingState::Open {
                l.buildings.clone()
            } else {
                Vec::new()
            }
        })
    });
    move || {
        let counts = counts.get();
        (!counts.is_empty()).then(|| {
            view! {
                <ul class="screen-buildings" aria-label=i18n.t(Msg::ByBuildingHeading)>
                    {counts
                        .into_iter()
                        .map(|c| {
                            let name = c.name.unwrap_or_else(|| i18n.t(Msg::ScreenOthers).to_owned());
                            view! {
                                <li class:full=c.present == c.invited>
                                    <span class="screen-building">{name}</span>" "
                                    <span class="screen-building-count">{format!("{}/{}", c.present, c.invited)}</span>
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()}
                </ul>
            }
        })
    }
}
