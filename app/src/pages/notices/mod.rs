//! The notice board: the home screen with the list, one notice, publishing.

pub mod home;
pub mod new_notice;
pub mod notice_article;
pub mod notice_card;
pub mod notice_detail;
pub mod notice_form;
pub mod notice_list;
pub mod notice_reads;
pub mod read_status;

pub use home::HomePage;
pub use new_notice::NewNoticePage;
pub use notice_article::NoticeArticle;
pub use notice_card::NoticeCard;
pub use notice_detail::NoticePage;
pub use notice_form::NoticeForm;
pub use notice_list::NoticeList;
pub use notice_reads::NoticeReads;
pub use read_status::ReadStatus;
