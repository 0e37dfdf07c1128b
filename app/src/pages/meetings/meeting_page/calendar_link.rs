use leptos::prelude::*;
use yishi_core::api::routes::MeetingCalendar;
use yishi_core::ids::MeetingId;

use crate::api::{self, Query};
use crate::i18n::{Msg, use_i18n};

/// "加入日历": the meeting's `.ics` file, which the phone's calendar opens and then reminds her.
#[component]
pub(super) fn CalendarLink(id: MeetingId) -> impl IntoView {
    let i18n = use_i18n();
    let file = format!("{id}.ics");
    let href = api::url(&MeetingCalendar { id }, &Query::new());
    view! {
        <p class="calendar-link">
            <a class="button secondary" href=href download=file aria-describedby="calendar-hint">
                {i18n.text(Msg::AddToCalendar)}
            </a>
        </p>
        <p id="calendar-hint" class="hint">{i18n.text(Msg::AddToCalendarHint)}</p>
    }
}
