//! The words core writes into calendar files ([`crate::ics`]): a feed's name and the lines of a
//! meeting's description, in each language. As for messages, every text is looked up by an exhaustive
//! `match`: a missing translation does not compile.

use super::Lang;

/// A line of a meeting's calendar entry, or the name of a feed of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalendarText<'a> {
    /// The name of the calendar of meetings of a place (a community, a building), as a phone lists it
    /// among the resident's calendars.
    Feed(&'a str),
    /// The place the meeting was called for (its scope).
    Scope(&'a str),
    /// The heading of the agenda's items.
    Agenda,
    Item {
        number: usize,
        title: &'a str,
    },
    /// Where to read the meeting, check in and follow it live.
    Link(&'a str),
    /// The first line of a cancelled meeting's entry: calendar apps that ignore its status still say it.
    Cancelled,
}

impl CalendarText<'_> {
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        use CalendarText as C;
        match (*self, lang) {
            (C::Feed(name), Lang::ZhCn) => format!("{name}的会议"),
            (C::Feed(name), Lang::En) => format!("Meetings of {name}"),
            (C::Scope(name), Lang::ZhCn) => format!("范围：{name}"),
            (C::Scope(name), Lang::En) => format!("For: {name}"),
            (C::Agenda, Lang::ZhCn) => "议事清单：".into(),
            (C::Agenda, Lang::En) => "Agenda:".into(),
            (C::Item { number, title }, Lang::ZhCn) => format!("{number}. {title}"),
            (C::Item { number, title }, Lang::En) => format!("{number}. {title}"),
            (C::Link(url), Lang::ZhCn) => format!("详情与签到：{url}"),
            (C::Link(url), Lang::En) => format!("Details and check-in: {url}"),
            (C::Cancelled, Lang::ZhCn) => "本次会议已取消。".into(),
            (C::Cancelled, Lang::En) => "This meeting is cancelled.".into(),
        }
    }
}
