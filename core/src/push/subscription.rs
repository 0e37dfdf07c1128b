//! A browser's push subscription: where to send (the push service's endpoint) and the keys a message is
//! sealed for. It arrives from the phone, so it is untrusted: [`Subscription::validate`] checks every part.

use std::net::Ipv4Addr;

use serde::{Deserialize, Serialize};
use url::{Host, Url};

use super::{PushError, SubscriptionField, base64url_decode};

/// The longest endpoint taken. Push services' endpoints are a few hundred characters at most; the bound
/// keeps what a phone may store in the database small.
pub const MAX_ENDPOINT_CHARS: usize = 1000;

/// A push subscription as the browser's `PushSubscription.toJSON()` gives it, so that the app can send
/// that object as it is: `{"endpoint": "https://…", "expirationTime": null, "keys": {"p256dh": "…",
/// "auth": "…"}}`. The keys stay base64url text here, as stored; `expirationTime` (which browsers leave
/// `null`) is ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    /// The push service's URL for this browser: a capability, to be kept as private as a password.
    pub endpoint: String,
    pub keys: SubscriptionKeys,
}

/// The keys of a [`Subscription`], in base64url.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionKeys {
    /// The browser's ECDH public key: a P-256 point, uncompressed (65 bytes).
    pub p256dh: String,
    /// The browser's authentication secret (16 bytes).
    pub auth: String,
}

impl Subscription {
    /// Checks the subscription and decodes its keys: the endpoint is an https URL (see
    /// [`Subscription::endpoint_url`]) of at most [`MAX_ENDPOINT_CHARS`] characters, `p256dh` a point of
    /// P-256 in uncompressed form, `auth` 16 bytes. The error names the first field at fault.
    pub fn validate(&self) -> Result<UserAgentKeys, PushError> {
        self.endpoint_url()?;
        let p256dh = decode_key(&self.keys.p256dh, SubscriptionField::P256dh)?;
        let auth = decode_key(&self.keys.auth, SubscriptionField::Auth)?;
        UserAgentKeys::new(p256dh, auth)
    }

    /// The endpoint as a URL: `https`, without credentials in it. Plain `http` is taken only for the
    /// loopback host (`http://127.0.0.1:…` or `http://localhost:…`), so that the API tests can run a fake
    /// push service beside the local worker; no browser gives such an endpoint, and a worker in
    /// production cannot reach its own loopback.
    pub fn endpoint_url(&self) -> Result<Url, PushError> {
        endpoint_url(&self.endpoint)
    }
}

pub(super) fn endpoint_url(endpoint: &str) -> Result<Url, PushError> {
    let refuse = |reason| PushError::Subscription {
        field: SubscriptionField::Endpoint,
        reason,
    };
    if endpoint.chars().count() > MAX_ENDPOINT_CHARS {
        return Err(refuse("longer than 1000 characters"));
    }
    let url = Url::parse(endpoint).map_err(|_| refuse("not a URL"))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(refuse("a URL with credentials in it"));
    }
    let loopback = matches!(url.host(), Some(Host::Domain("localhost")))
        || url.host() == Some(Host::Ipv4(Ipv4Addr::LOCALHOST));
    match url.scheme() {
        "https" => Ok(url),
        "http" if loopback => Ok(url),
        _ => Err(refuse("not an https URL")),
    }
}

/// `text` in base64url as `N` bytes, or an error that names `field`.
fn decode_key<const N: usize>(text: &str, field: SubscriptionField) -> Result<[u8; N], PushError> {
    let bytes = base64url_decode(text).ok_or(PushError::Subscription {
        field,
        reason: "not base64url",
    })?;
    bytes.try_into().map_err(|_| PushError::Subscription {
        field,
        reason: match field {
            SubscriptionField::Auth => "not 16 bytes",
            _ => "not 65 bytes",
        },
    })
}

/// A browser's keys, checked: a message is sealed for them ([`super::encrypt`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserAgentKeys {
    p256dh: [u8; 65],
    auth: [u8; 16],
}

impl UserAgentKeys {
    /// The keys, once `p256dh` is checked to be a point of P-256 in uncompressed form (RFC 8291 requires
    /// the check: a point off the curve can make the sender's ECDH leak its ephemeral key).
    pub fn new(p256dh: [u8; 65], auth: [u8; 16]) -> Result<UserAgentKeys, PushError> {
        let refuse = |reason| PushError::Subscription {
            field: SubscriptionField::P256dh,
            reason,
        };
        if p256dh[0] != 0x04 {
            return Err(refuse("not an uncompressed point (0x04 first)"));
        }
        p256::PublicKey::from_sec1_bytes(&p256dh).map_err(|_| refuse("not a point of P-256"))?;
        Ok(UserAgentKeys { p256dh, auth })
    }

    /// The browser's public key, uncompressed.
    #[must_use]
    pub fn p256dh(&self) -> &[u8; 65] {
        &self.p256dh
    }

    /// The browser's authentication secret.
    #[must_use]
    pub fn auth(&self) -> &[u8; 16] {
        &self.auth
    }

    /// The public key as a point (checked in [`UserAgentKeys::new`]).
    pub(super) fn point(&self) -> Result<p256::PublicKey, PushError> {
        p256::PublicKey::from_sec1_bytes(&self.p256dh).map_err(|_| PushError::Crypto)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::push::base64url_encode;
    use proptest::prelude::*;

    /// RFC 8291, section 5: the receiver's public key and authentication secret.
    const P256DH: &str =
        "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    const AUTH: &str = "BTBZMqHH6r4Tts7J_aSIgg";

    fn subscription(endpoint: &str, p256dh: &str, auth: &str) -> Subscription {
        Subscription {
            endpoint: endpoint.to_owned(),
            keys: SubscriptionKeys {
                p256dh: p256dh.to_owned(),
                auth: auth.to_owned(),
            },
        }
    }

    fn field_and_reason(result: Result<UserAgentKeys, PushError>) -> (SubscriptionField, String) {
        match result {
            Err(PushError::Subscription { field, reason }) => (field, reason.to_owned()),
            other => panic!("expected a subscription error, got {other:?}"),
        }
    }

    #[test]
    fn what_a_browser_gives_reads_and_validates() {
        let json = format!(
            r#"{{"endpoint":"https://fcm.googleapis.com/fcm/send/abc:APA91b","expirationTime":null,"keys":{{"p256dh":"{P256DH}","auth":"{AUTH}"}}}}"#
        );
        let s: Subscription = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(
            s,
            subscription(
                "https://fcm.googleapis.com/fcm/send/abc:APA91b",
                P256DH,
                AUTH
            )
        );
        let keys = s.validate().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(base64url_encode(keys.p256dh()), P256DH);
        assert_eq!(base64url_encode(keys.auth()), AUTH);
        // Written back, it is the same object less `expirationTime`.
        let written = serde_json::to_value(&s).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            written,
            serde_json::json!({
                "endpoint": "https://fcm.googleapis.com/fcm/send/abc:APA91b",
                "keys": {"p256dh": P256DH, "auth": AUTH}
            })
        );
    }

    #[test]
    fn the_endpoint_must_be_an_https_url_of_bounded_length() {
        let refused =
            |endpoint: &str| field_and_reason(subscription(endpoint, P256DH, AUTH).validate());
        let endpoint = SubscriptionField::Endpoint;
        assert_eq!(
            refused("http://push.example.net/x"),
            (endpoint, "not an https URL".into())
        );
        assert_eq!(
            refused("ftp://push.example.net/x"),
            (endpoint, "not an https URL".into())
        );
        assert_eq!(
            refused("push.example.net/x"),
            (endpoint, "not a URL".into())
        );
        assert_eq!(refused(""), (endpoint, "not a URL".into()));
        assert_eq!(
            refused("https://user:pw@push.example.net/x"),
            (endpoint, "a URL with credentials in it".into())
        );
        // Plain http to a host that merely starts like the loopback one is refused.
        assert_eq!(
            refused("http://localhost.example.net/x"),
            (endpoint, "not an https URL".into())
        );
        assert_eq!(
            refused("http://127.0.0.2/x"),
            (endpoint, "not an https URL".into())
        );
        let long = format!(
            "https://push.example.net/{}",
            "a".repeat(MAX_ENDPOINT_CHARS)
        );
        assert_eq!(
            refused(&long),
            (endpoint, "longer than 1000 characters".into())
        );
        let longest = format!(
            "https://push.example.net/{}",
            "a".repeat(MAX_ENDPOINT_CHARS - 25)
        );
        assert_eq!(longest.chars().count(), MAX_ENDPOINT_CHARS);
        assert!(subscription(&longest, P256DH, AUTH).validate().is_ok());
        // The loopback host over plain http, for a fake push service beside the local worker.
        for local in [
            "http://127.0.0.1:9123/push/1",
            "http://localhost:9123/push/1",
            "http://LOCALHOST/p",
        ] {
            assert!(
                subscription(local, P256DH, AUTH).validate().is_ok(),
                "{local}"
            );
        }
    }

    #[test]
    fn the_keys_must_decode_to_a_point_and_a_secret() {
        let refused = |p256dh: &str, auth: &str| {
            field_and_reason(subscription("https://push.example.net/1", p256dh, auth).validate())
        };
        let (p, a) = (SubscriptionField::P256dh, SubscriptionField::Auth);
        assert_eq!(refused("not base64!", AUTH), (p, "not base64url".into()));
        assert_eq!(refused(&P256DH[..40], AUTH), (p, "not 65 bytes".into()));
        // The same point compressed (33 bytes) is refused: RFC 8291 sends the uncompressed form.
        let point = base64url_decode(P256DH).unwrap_or_default();
        let mut compressed = vec![0x02 | (point[64] & 1)];
        compressed.extend_from_slice(&point[1..33]);
        assert!(p256::PublicKey::from_sec1_bytes(&compressed).is_ok());
        assert_eq!(
            refused(&base64url_encode(&compressed), AUTH),
            (p, "not 65 bytes".into())
        );
        let mut off_curve = base64url_decode(P256DH).unwrap_or_default();
        off_curve[64] ^= 1;
        assert_eq!(
            refused(&base64url_encode(&off_curve), AUTH),
            (p, "not a point of P-256".into())
        );
        let mut hybrid = base64url_decode(P256DH).unwrap_or_default();
        hybrid[0] = 0x06;
        assert_eq!(
            refused(&base64url_encode(&hybrid), AUTH),
            (p, "not an uncompressed point (0x04 first)".into())
        );
        assert_eq!(
            refused(P256DH, "BTBZMqHH6r4Tts7J_aSI"),
            (a, "not 16 bytes".into())
        );
        assert_eq!(
            refused(P256DH, "BTBZ*qHH6r4Tts7J_aSIgg"),
            (a, "not base64url".into())
        );
        // Padding, which some clients keep, is accepted.
        assert!(
            subscription(
                "https://push.example.net/1",
                P256DH,
                "BTBZMqHH6r4Tts7J_aSIgg=="
            )
            .validate()
            .is_ok()
        );
    }

    proptest! {
        #[test]
        fn any_subscription_validates_or_names_a_field(
            endpoint in "(https?://)?[a-z.:/0-9]{0,30}",
            p256dh in "[A-Za-z0-9_-]{0,90}",
            auth in "[A-Za-z0-9_=-]{0,24}",
        ) {
            match subscription(&endpoint, &p256dh, &auth).validate() {
                Ok(keys) => prop_assert!(p256::PublicKey::from_sec1_bytes(keys.p256dh()).is_ok()),
                Err(e) => prop_assert!(e.field().is_some(), "{e:?}"),
            }
        }
    }
}
