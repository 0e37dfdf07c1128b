//! Meetings (议事会): the history, calling one, the meeting on a phone with the chair's console, and the
//! big screen; all follow the live state (`crate::live`). The coming meetings on the home screen are
//! `components::UpcomingMeetings`.

pub mod check_in;
pub mod history;
pub mod meeting_page;
#[cfg(feature = "office")]
pub mod new_meeting;
#[cfg(feature = "office")]
pub mod screen;

pub use check_in::CheckInPage;
pub use history::MeetingsPage;
pub use meeting_page::MeetingPage;
#[cfg(feature = "office")]
pub use new_meeting::NewMeetingPage;
#[cfg(feature = "office")]
pub use screen::ScreenPage;
