//! Web Push: what the worker needs to send a notification to a resident's phone through the browser's
//! push service, without a library that brings its own clock, random numbers or TLS.
//!
//! - [`encrypt`] seals a payload for one subscription (RFC 8291, "Message Encryption for Web Push", with
//!   the `aes128gcm` content coding of RFC 8188), and [`decrypt`] opens it with the browser's keys (for
//!   tests and for a fake push service in the API tests).
//! - [`vapid_authorization`] signs the `Authorization` header that identifies the sender to the push
//!   service (RFC 8292, VAPID).
//! - [`Subscription`] is what the browser's `PushSubscription.toJSON()` gives; [`Subscription::validate`]
//!   checks it and decodes its keys into [`UserAgentKeys`].
//! - [`request_headers`] are the other headers of the push request.
//!
//! Like the rest of `core`, nothing here takes a random number or reads a clock: the caller passes the
//! ephemeral key and the salt of each message (fresh from a CSPRNG every time: reusing them leaks the
//! payload), and `now`. ECDSA signatures are deterministic (RFC 6979), so none are needed there.
//! Built on RustCrypto's `p256`, `hkdf`, `sha2` and `aes-gcm`, which build for wasm32 as for native.

mod encryption;
mod subscription;
mod vapid;

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use p256::SecretKey;
use p256::elliptic_curve::sec1::ToEncodedPoint as _;

pub use encryption::{HEADER_LEN, MAX_BODY, MAX_PLAINTEXT, RECORD_SIZE, TAG_LEN, decrypt, encrypt};
pub use subscription::{MAX_ENDPOINT_CHARS, Subscription, SubscriptionKeys, UserAgentKeys};
pub use vapid::{MAX_VAPID_LIFETIME_SECONDS, audience, vapid_authorization};

/// Why a push message cannot be sealed, signed or opened. The `Display` text is for logs; a
/// subscription's fault names its field ([`PushError::field`]) so that the API can answer with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PushError {
    /// A field of a subscription is not what a browser sends.
    #[error("subscription {field}: {reason}")]
    Subscription {
        field: SubscriptionField,
        reason: &'static str,
    },
    /// A private key (the VAPID key, an ephemeral key or the browser's) that is not a P-256 scalar.
    #[error("not a P-256 private key (32 bytes, a number from 1 to the order of the curve less 1)")]
    PrivateKey,
    /// The payload would make the message longer than a push service must accept.
    #[error("a push message carries at most {max} bytes of payload, this one {len}")]
    PayloadTooLarge { len: usize, max: usize },
    /// The record size asked for cannot hold the payload in the single record RFC 8291 requires.
    #[error("record size {record_size} cannot hold one record of {needed} bytes")]
    RecordSize { record_size: u32, needed: usize },
    /// The VAPID subject is neither a `mailto:` address nor an https URL (RFC 8292, section 2.1).
    #[error("the VAPID subject must be a mailto: address or an https URL")]
    Subject,
    /// The VAPID token would not be valid now, or for longer than a push service accepts.
    #[error(
        "a VAPID token must expire after now ({now}) and at most 24 hours later, not at {expires_at}"
    )]
    Expiry { now: i64, expires_at: i64 },
    /// The body is not an `aes128gcm` push message this module can open.
    #[error("not an aes128gcm push message: {reason}")]
    Body { reason: &'static str },
    /// The body does not decrypt with these keys: another recipient's, or tampered with.
    #[error("the message does not decrypt with this key and auth secret")]
    Decrypt,
    /// A primitive refused its input. Unreachable with the fixed sizes used here; an error rather than
    /// a panic so that no call can bring the worker down.
    #[error("a cryptographic primitive refused its input")]
    Crypto,
}

impl PushError {
    /// The subscription's field at fault, if any.
    #[must_use]
    pub fn field(&self) -> Option<SubscriptionField> {
        match self {
            PushError::Subscription { field, .. } => Some(*field),
            _ => None,
        }
    }
}

/// A field of a [`Subscription`], named as in its JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SubscriptionField {
    Endpoint,
    P256dh,
    Auth,
}

impl SubscriptionField {
    /// The field's path in the subscription's JSON: `endpoint`, `keys.p256dh`, `keys.auth`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            SubscriptionField::Endpoint => "endpoint",
            SubscriptionField::P256dh => "keys.p256dh",
            SubscriptionField::Auth => "keys.auth",
        }
    }
}

impl std::fmt::Display for SubscriptionField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Base64url as Web Push writes keys (RFC 4648 section 5): no padding written, padding accepted on
/// reading (some clients keep it), and no other alphabet.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// `bytes` in base64url without padding, as browsers give subscription keys and VAPID wants keys.
#[must_use]
pub fn base64url_encode(bytes: &[u8]) -> String {
    BASE64URL.encode(bytes)
}

/// The bytes of base64url `text` (padding optional); `None` if it is not base64url.
#[must_use]
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    BASE64URL.decode(text).ok()
}

/// A private key written in base64url (as `VAPID_PRIVATE_KEY` is), checked to be a P-256 scalar, so that
/// the worker can refuse a bad secret when it reads its configuration rather than at the first push.
pub fn private_key_from_base64url(text: &str) -> Result<[u8; 32], PushError> {
    let bytes: [u8; 32] = base64url_decode(text.trim())
        .and_then(|b| b.try_into().ok())
        .ok_or(PushError::PrivateKey)?;
    secret_key(&bytes)?;
    Ok(bytes)
}

/// The public key of a P-256 private key, as the 65 bytes of the uncompressed point (`0x04 || x || y`):
/// the form of a subscription's `p256dh`, of the `keyid` of a message and of VAPID's `k`.
pub fn public_key(private_key: [u8; 32]) -> Result<[u8; 65], PushError> {
    uncompressed(&secret_key(&private_key)?.public_key())
}

fn secret_key(bytes: &[u8; 32]) -> Result<SecretKey, PushError> {
    SecretKey::from_slice(bytes).map_err(|_| PushError::PrivateKey)
}

fn uncompressed(public: &p256::PublicKey) -> Result<[u8; 65], PushError> {
    public
        .to_encoded_point(false)
        .as_bytes()
        .try_into()
        .map_err(|_| PushError::Crypto)
}

/// How soon the push service should deliver a message (RFC 8030, section 5.3). A phone in power-saving
/// mode may hold back `VeryLow` and `Low` messages until it wakes or charges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Urgency {
    /// Advertisements and the like: delivered when the phone is on power and Wi-Fi.
    VeryLow,
    /// Topic updates: delivered when on power or Wi-Fi.
    Low,
    /// Chats and calendar reminders: the default.
    #[default]
    Normal,
    /// Time-sensitive alerts (a vote about to close, a meeting starting): delivered at once.
    High,
}

impl Urgency {
    /// The header's value.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Urgency::VeryLow => "very-low",
            Urgency::Low => "low",
            Urgency::Normal => "normal",
            Urgency::High => "high",
        }
    }
}

/// The headers of a push request besides `Authorization` ([`vapid_authorization`]), as name and value:
///
/// - `Content-Encoding: aes128gcm`: the body is [`encrypt`]'s (RFC 8291 allows no other coding);
/// - `TTL`: how many seconds the push service keeps the message for a phone that is offline (0: deliver
///   now or never; services cap it, at about four weeks). RFC 8030 makes it mandatory;
/// - `Urgency`: see [`Urgency`].
///
/// `Content-Length` is the HTTP client's to set.
#[must_use]
pub fn request_headers(ttl_seconds: u32, urgency: Urgency) -> [(&'static str, String); 3] {
    [
        ("Content-Encoding", "aes128gcm".to_owned()),
        ("TTL", ttl_seconds.to_string()),
        ("Urgency", urgency.as_str().to_owned()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn base64url_writes_no_padding_and_reads_with_or_without_it() {
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("-_8"), Some(vec![0xfb, 0xff]));
        assert_eq!(base64url_decode("-_8="), Some(vec![0xfb, 0xff]));
        // Standard base64's alphabet and stray characters are not base64url.
        assert_eq!(base64url_decode("+/8"), None);
        assert_eq!(base64url_decode("ab cd"), None);
        assert_eq!(base64url_decode(""), Some(vec![]));
    }

    #[test]
    fn public_key_of_the_rfc_8291_receiver() {
        // RFC 8291, section 5: the receiver's private and public keys.
        let private = private_key_from_base64url("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94");
        let public = private.and_then(public_key).map(|k| base64url_encode(&k));
        assert_eq!(
            public.as_deref(),
            Ok(
                "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"
            )
        );
    }

    #[test]
    fn a_private_key_must_be_a_scalar_of_the_curve() {
        assert_eq!(public_key([0; 32]), Err(PushError::PrivateKey));
        // The order of P-256 and anything above it.
        assert_eq!(public_key([0xff; 32]), Err(PushError::PrivateKey));
        assert!(public_key([1; 32]).is_ok());
        assert_eq!(
            private_key_from_base64url("AAAA"),
            Err(PushError::PrivateKey)
        );
        assert_eq!(
            private_key_from_base64url("not base64!"),
            Err(PushError::PrivateKey)
        );
    }

    #[test]
    fn headers_of_a_push_request() {
        assert_eq!(
            request_headers(86_400, Urgency::High),
            [
                ("Content-Encoding", "aes128gcm".to_owned()),
                ("TTL", "86400".to_owned()),
                ("Urgency", "high".to_owned()),
            ]
        );
        assert_eq!(request_headers(0, Urgency::default())[2].1, "normal");
        assert_eq!(Urgency::VeryLow.as_str(), "very-low");
        assert_eq!(Urgency::Low.as_str(), "low");
    }

    #[test]
    fn an_error_names_the_field_of_the_subscription() {
        let e = PushError::Subscription {
            field: SubscriptionField::P256dh,
            reason: "not base64url",
        };
        assert_eq!(e.field(), Some(SubscriptionField::P256dh));
        assert_eq!(e.to_string(), "subscription keys.p256dh: not base64url");
        assert_eq!(PushError::Decrypt.field(), None);
    }

    proptest! {
        #[test]
        fn base64url_reads_back_what_it_writes(bytes in proptest::collection::vec(any::<u8>(), 0..100)) {
            let text = base64url_encode(&bytes);
            prop_assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            prop_assert_eq!(base64url_decode(&text), Some(bytes));
        }
    }
}
