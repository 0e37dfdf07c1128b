//! The notice board: the home screen, the list (公告), one notice, publishing.

pub mod archive;
pub mod home;
#[cfg(feature = "office")]
pub mod new_notice;
pub mod notice_article;
pub mod notice_card;
pub mod notice_detail;
#[cfg(feature = "office")]
pub mod notice_form;
pub mod notice_list;
#[cfg(feature = "office")]
pub mod notice_reads;
pub mod notices_page;
pub mod objections;
#[cfg(feature = "office")]
pub mod print;
pub mod read_status;

pub use archive::NoticeArchivePage;
pub use home::HomePage;
#[cfg(feature = "office")]
pub use new_notice::NewNoticePage;
pub use notice_article::NoticeArticle;
pub use notice_card::{NoticeCard, NoticeCards};
pub use notice_detail::NoticePage;
#[cfg(feature = "office")]
pub use notice_form::NoticeForm;
pub use notice_list::NoticeList;
#[cfg(feature = "office")]
pub use notice_reads::NoticeReads;
pub use notices_page::NoticesPage;
pub use objections::PeriodBox;
#[cfg(feature = "office")]
pub use print::NoticePrintPage;
pub use read_status::ReadStatus;

use yishi_core::notices::{Category, PeriodState};

use crate::i18n::Msg;

#[must_use]
pub fn category_label(c: Category) -> Msg {
    match c {
        Category::CommunityAffairs => Msg::NcCommunityAffairs,
        Category::Financial => Msg::NcFinancial,
        Category::Decision => Msg::NcDecision,
        Category::Covenant => Msg::NcCovenant,
        Category::Meeting => Msg::NcMeeting,
        Category::Event => Msg::NcEvent,
        Category::Emergency => Msg::NcEmergency,
    }
}

/// The words for a finished or running period (`PeriodRunning` takes `{time}`).
#[must_use]
pub fn period_label(s: PeriodState) -> Msg {
    match s {
        PeriodState::Running => Msg::PeriodRunning,
        PeriodState::AwaitingAnswers => Msg::PeriodAwaiting,
        PeriodState::CompleteNoObjection => Msg::PeriodComplete,
        PeriodState::ObjectionUpheld => Msg::PeriodUpheld,
    }
}

/// What is left of a running period, in days (or hours in its last day), for the countdown.
#[must_use]
pub fn time_left(lang: yishi_core::Lang, ends: chrono::DateTime<chrono::Utc>) -> String {
    let left = ends - crate::format::now();
    if left.num_hours() >= 24 {
        let days = (left.num_hours() + 23) / 24;
        crate::i18n::fill(lang, Msg::DaysLeft, &[("n", &days.to_string())])
    } else {
        let hours = left.num_hours().max(1);
        crate::i18n::fill(lang, Msg::HoursLeft, &[("n", &hours.to_string())])
    }
}
