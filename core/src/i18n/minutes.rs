//! The words of a meeting's minutes (会议纪要) and of the notice that publishes them, in each language.
//! As for messages, every text is looked up by an exhaustive `match`: a missing translation does not
//! compile.

use super::Lang;

/// A line of the minutes, or a note within one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MinutesText<'a> {
    Meeting(&'a str),
    /// The place the meeting was called for (its scope).
    Scope(&'a str),
    Place(&'a str),
    Time {
        from: &'a str,
        to: &'a str,
    },
    /// A time the record does not have (a meeting never opened).
    NoTime,
    Turnout {
        present: usize,
        eligible: u64,
    },
    /// When someone came.
    Arrived(&'a str),
    /// Checked in by staff (代签到).
    CheckedInByStaff,
    /// When someone left before the close.
    Left(&'a str),
    /// Someone present, with her notes.
    Attendee {
        name: &'a str,
        notes: &'a [String],
    },
    Present(&'a [String]),
    Item {
        number: usize,
        title: &'a str,
    },
    Speakers(&'a [String]),
    Motion(&'a str),
    /// The chair put the motion without a quorum, for this reason.
    WithoutQuorum(&'a str),
    /// An item with neither speakers nor motions.
    NotDiscussed,
    /// The heading of what was said or decided outside the agenda's items.
    OtherBusiness,
    /// The title of the notice that publishes the minutes of the meeting so named.
    NoticeTitle(&'a str),
}

impl MinutesText<'_> {
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        use MinutesText as M;
        match (*self, lang) {
            (M::Meeting(title), Lang::ZhCn) => format!("会议：{title}"),
            (M::Meeting(title), Lang::En) => format!("Meeting: {title}"),
            (M::Scope(name), Lang::ZhCn) => format!("范围：{name}"),
            (M::Scope(name), Lang::En) => format!("For: {name}"),
            (M::Place(place), Lang::ZhCn) => format!("地点：{place}"),
            (M::Place(place), Lang::En) => format!("Place: {place}"),
            (M::Time { from, to }, Lang::ZhCn) => format!("时间：{from} 至 {to}"),
            (M::Time { from, to }, Lang::En) => format!("Time: {from} to {to}"),
            (M::NoTime, _) => "—".into(),
            (M::Turnout { present, eligible }, Lang::ZhCn) => {
                format!("应到 {eligible} 人，实到 {present} 人。")
            }
            (M::Turnout { present, eligible }, Lang::En) => {
                format!("{present} of {eligible} invited attended.")
            }
            (M::Arrived(clock), Lang::ZhCn) => format!("{clock} 到"),
            (M::Arrived(clock), Lang::En) => format!("came {clock}"),
            (M::CheckedInByStaff, Lang::ZhCn) => "代签到".into(),
            (M::CheckedInByStaff, Lang::En) => "checked in by staff".into(),
            (M::Left(clock), Lang::ZhCn) => format!("{clock} 离场"),
            (M::Left(clock), Lang::En) => format!("left {clock}"),
            (M::Attendee { name, notes }, Lang::ZhCn) => format!("{name}（{}）", notes.join("，")),
            (M::Attendee { name, notes }, Lang::En) => format!("{name} ({})", notes.join(", ")),
            (M::Present(names), Lang::ZhCn) => format!("出席：{}", names.join("、")),
            (M::Present(names), Lang::En) => format!("Present: {}", names.join(", ")),
            (M::Item { number, title }, Lang::ZhCn) => format!("议题{number}：{title}"),
            (M::Item { number, title }, Lang::En) => format!("Item {number}: {title}"),
            (M::Speakers(names), Lang::ZhCn) => format!("发言：{}", names.join("、")),
            (M::Speakers(names), Lang::En) => format!("Speakers: {}", names.join(", ")),
            (M::Motion(title), Lang::ZhCn) => format!("表决：{title}"),
            (M::Motion(title), Lang::En) => format!("Motion: {title}"),
            (M::WithoutQuorum(reason), Lang::ZhCn) => {
                format!("（未达到法定人数，主持人决定照常表决，理由：{reason}）")
            }
            (M::WithoutQuorum(reason), Lang::En) => {
                format!("(Put without a quorum; the chair's reason: {reason})")
            }
            (M::NotDiscussed, Lang::ZhCn) => "（未讨论）".into(),
            (M::NotDiscussed, Lang::En) => "(Not discussed.)".into(),
            (M::OtherBusiness, Lang::ZhCn) => "其他事项".into(),
            (M::OtherBusiness, Lang::En) => "Other business".into(),
            (M::NoticeTitle(title), Lang::ZhCn) => format!("会议纪要：{title}"),
            (M::NoticeTitle(title), Lang::En) => format!("Minutes: {title}"),
        }
    }
}
