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

/// `GET /api/v1/push/subscription`: whether this phone (this session) is subscribed to Web Push, and the
/// key the browser subscribes with (`applicationServerKey`, the VAPID public key in base64url); `None`
/// where the server sends no push (no VAPID key set), and the app then offers the inbox alone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PushStatusResponse {
    pub public_key: Option<String>,
    pub subscribed: bool,
}

/// `PUT /api/v1/push/subscription`: this phone's push subscription, as the browser's
/// `PushSubscription.toJSON()` gives it (`expirationTime` is ignored). One per session: signing out, or
/// ending the session from another device, removes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PushSubscriptionRequest {
    /// The push service's URL for this browser (https).
    pub endpoint: String,
    pub keys: PushKeys,
}

/// The browser's keys of a subscription, in base64url.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PushKeys {
    /// Its ECDH public key (a P-256 point, uncompressed: 65 bytes).
    pub p256dh: String,
    /// Its authentication secret (16 bytes).
    pub auth: String,
}

/// What a push message carries (encrypted for the phone): enough for the service worker to show it and
/// open the right page. The inbox stays the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PushPayload {
    /// The notification's id (the service worker's `tag`: one shown per notification).
    pub id: NotificationId,
    /// What happened, in the member's language ("新公示", "New notice").
    pub title: String,
    /// The subject's title.
    pub body: String,
    /// The app's path to open.
    pub url: String,
}
