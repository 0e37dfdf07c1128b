//! The inbox: what concerns her, newest first, and how many she has not read.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::NotificationId;
use crate::notifications::{Kind, StaffDigest, Subject};

/// One notification as the inbox shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NotificationView {
    pub id: NotificationId,
    pub kind: Kind,
    /// What it opens.
    pub subject: Subject,
    /// The subject's title when it happened.
    pub title: String,
    pub at: DateTime<Utc>,
    pub read: bool,
    /// For a staff digest (`kind` `staff_digest`): what waits for her, to be worded in her language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<StaffDigest>,
}

/// `GET /api/v1/notifications`: a page of her inbox, and how many are unread in all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NotificationListResponse {
    pub notifications: Vec<NotificationView>,
    pub next_cursor: Option<String>,
    pub unread: u32,
}

/// `GET /api/v1/notifications/unread`: the bell's count (small, asked often).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnreadResponse {
    pub unread: u32,
}

/// The inbox holds what happened in the last this many days (older notifications are neither listed
/// nor counted).
pub const INBOX_DAYS: i64 = 90;
