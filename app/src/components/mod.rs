//! Reusable pieces of the screens.

pub mod app_header;
pub mod app_shell;
pub mod ballot_form;
pub mod document_title;
pub mod error_view;
pub mod form_alert;
pub mod greeting;
pub mod language_toggle;
pub mod large_type_toggle;
pub mod loading;
pub mod matters_teaser;
pub mod office_link;
#[cfg(not(feature = "office"))]
pub mod open_in_office;
#[cfg(feature = "office")]
pub mod qr_code;
pub mod requests_teaser;
pub mod rich_text;
pub mod scope_select;
pub mod sign_out_button;
pub mod tally;
pub mod text_field;
pub mod toast;
#[cfg(feature = "office")]
pub mod threshold;
pub mod upcoming_meetings;
pub mod waiting_votes;

pub use app_header::AppHeader;
pub use app_shell::AppShell;
pub use ballot_form::{Ballot, BallotForm, Caster};
pub use document_title::DocumentTitle;
pub use error_view::ErrorView;
pub use form_alert::FormAlert;
pub use greeting::Greeting;
pub use language_toggle::LanguageToggle;
pub use large_type_toggle::LargeTypeToggle;
pub use loading::Loading;
pub use matters_teaser::MattersTeaser;
pub use office_link::OfficeLink;
#[cfg(not(feature = "office"))]
pub use open_in_office::OpenInOffice;
#[cfg(feature = "office")]
pub use qr_code::QrCode;
pub use requests_teaser::RequestsTeaser;
pub use rich_text::RichText;
pub use scope_select::ScopeSelect;
pub use sign_out_button::SignOutButton;
pub use tally::Tally;
pub use text_field::TextField;
pub use toast::Toast;
#[cfg(feature = "office")]
pub use threshold::{ThresholdOptions, parse_threshold};
pub use upcoming_meetings::UpcomingMeetings;
pub use waiting_votes::WaitingVotes;
