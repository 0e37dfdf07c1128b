//! Reusable pieces of the screens.

pub mod app_header;
pub mod app_shell;
pub mod ballot_form;
pub mod bottom_nav;
pub mod choice_view;
pub mod confirm_requests;
pub mod document_title;
pub mod error_view;
pub mod form_alert;
pub mod greeting;
pub mod language_toggle;
pub mod large_type_toggle;
pub mod loading;
pub mod matters_teaser;
pub mod office_entry;
pub mod office_link;
#[cfg(not(feature = "office"))]
pub mod open_in_office;
#[cfg(feature = "office")]
pub mod qr_code;
pub mod read_aloud;
pub mod rich_text;
pub mod scope_select;
pub mod sign_out_button;
#[cfg(feature = "office")]
pub mod staff_queue;
#[cfg(feature = "office")]
pub mod start_choice;
pub mod tally;
pub mod term_help;
pub mod text_field;
#[cfg(feature = "office")]
pub mod threshold;
pub mod toast;
pub mod upcoming_meetings;
pub mod vote_count;
pub mod waiting_votes;

pub use app_header::AppHeader;
pub use app_shell::AppShell;
pub use ballot_form::{Ballot, BallotForm, Caster};
pub use bottom_nav::BottomNav;
pub use choice_view::ChoiceView;
pub use confirm_requests::ConfirmRequests;
pub use document_title::DocumentTitle;
pub use error_view::ErrorView;
pub use form_alert::FormAlert;
pub use greeting::Greeting;
pub use language_toggle::LanguageToggle;
pub use large_type_toggle::LargeTypeToggle;
pub use loading::Loading;
pub use matters_teaser::MattersTeaser;
pub use office_entry::OfficeEntry;
pub use office_link::OfficeLink;
#[cfg(not(feature = "office"))]
pub use open_in_office::OpenInOffice;
#[cfg(feature = "office")]
pub use qr_code::QrCode;
pub use read_aloud::ReadAloud;
pub use rich_text::RichText;
pub use scope_select::ScopeSelect;
pub use sign_out_button::SignOutButton;
#[cfg(feature = "office")]
pub use staff_queue::StaffQueue;
#[cfg(feature = "office")]
pub use start_choice::{Start, StartChoice};
pub use tally::Tally;
pub use term_help::TermHelp;
pub use text_field::TextField;
#[cfg(feature = "office")]
pub use threshold::{ThresholdOptions, parse_threshold};
pub use toast::Toast;
pub use upcoming_meetings::{LiveMeetings, UpcomingMeetings};
pub use vote_count::VoteCount;
pub use waiting_votes::WaitingVotes;
