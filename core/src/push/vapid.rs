//! VAPID (RFC 8292): the sender signs a short-lived JWT with the key whose public half the browser was
//! given at subscription (`applicationServerKey`), so that the push service delivers only the sender's
//! messages on that subscription, and knows whom to write to (`sub`) when something goes wrong.

use p256::ecdsa::signature::Signer as _;
use p256::ecdsa::{Signature, SigningKey};
use url::Url;

use super::subscription::endpoint_url as checked_endpoint;
use super::{PushError, base64url_encode};

/// The longest a token may be valid: push services refuse an `exp` more than 24 hours ahead (RFC 8292,
/// section 2).
pub const MAX_VAPID_LIFETIME_SECONDS: i64 = 24 * 60 * 60;

/// The JWT's header, always the same: ES256 (ECDSA on P-256 with SHA-256).
const JWT_HEADER: &str = r#"{"typ":"JWT","alg":"ES256"}"#;

/// The value of the `Authorization` header of a push request to `endpoint_url`:
/// `vapid t=<JWT>, k=<public key>` (RFC 8292, section 3), where the JWT is ES256 over
/// `{"aud": <origin of the endpoint>, "exp": expires_at_unix, "sub": subject}` and `k` is the public key
/// of `private_key`, uncompressed, in base64url.
///
/// - `endpoint_url` is the subscription's endpoint, checked as [`super::Subscription::endpoint_url`]
///   does (https, or plain http to the loopback host for a fake push service in tests); the audience is
///   its origin, `scheme://host[:port]` ([`audience`]).
/// - `subject` is a `mailto:` address or an https URL where the push service's operator can reach the
///   sender.
/// - `expires_at_unix` must be after `now_unix` and at most [`MAX_VAPID_LIFETIME_SECONDS`] later; both
///   are seconds since the Unix epoch. A token may be reused for every message to the same origin until
///   near its expiry.
///
/// The signature is deterministic (RFC 6979): the same arguments give the same header, and no random
/// number is needed.
pub fn vapid_authorization(
    endpoint_url: &str,
    subject: &str,
    private_key: [u8; 32],
    expires_at_unix: i64,
    now_unix: i64,
) -> Result<String, PushError> {
    let aud = audience(endpoint_url)?;
    check_subject(subject)?;
    let lifetime = expires_at_unix.saturating_sub(now_unix);
    if lifetime <= 0 || lifetime > MAX_VAPID_LIFETIME_SECONDS {
        return Err(PushError::Expiry {
            now: now_unix,
            expires_at: expires_at_unix,
        });
    }
    let key = SigningKey::from_slice(&private_key).map_err(|_| PushError::PrivateKey)?;
    // serde_json escapes what the subject may hold; the keys come out in this order either way.
    let claims = serde_json::json!({ "aud": aud, "exp": expires_at_unix, "sub": subject });
    let signing_input = format!(
        "{}.{}",
        base64url_encode(JWT_HEADER.as_bytes()),
        base64url_encode(claims.to_string().as_bytes())
    );
    let signature: Signature = key.sign(signing_input.as_bytes());
    let public = key.verifying_key().to_encoded_point(false);
    Ok(format!(
        "vapid t={signing_input}.{}, k={}",
        base64url_encode(&signature.to_bytes()),
        base64url_encode(public.as_bytes())
    ))
}

/// The audience of a token for `endpoint_url`: its origin, `scheme://host[:port]` without path, query or
/// the scheme's default port (`https://fcm.googleapis.com` for
/// `https://fcm.googleapis.com:443/fcm/send/…`). One token serves every subscription of a push service.
pub fn audience(endpoint_url: &str) -> Result<String, PushError> {
    Ok(checked_endpoint(endpoint_url)?
        .origin()
        .ascii_serialization())
}

/// A `mailto:` address (something@somewhere, no spaces) or an https URL (RFC 8292, section 2.1).
fn check_subject(subject: &str) -> Result<(), PushError> {
    let fits = match subject.strip_prefix("mailto:") {
        Some(address) => {
            address
                .split_once('@')
                .is_some_and(|(local, domain)| !local.is_empty() && !domain.is_empty())
                && !address.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => Url::parse(subject).is_ok_and(|url| url.scheme() == "https"),
    };
    fits.then_some(()).ok_or(PushError::Subject)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::push::{SubscriptionField, base64url_decode, public_key};
    use p256::ecdsa::VerifyingKey;
    use p256::ecdsa::signature::Verifier as _;

    const NOW: i64 = 1_800_000_000;
    const KEY: [u8; 32] = [0x42; 32];
    const ENDPOINT: &str = "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABk?x=1";

    fn ok<T>(result: Result<T, PushError>) -> T {
        result.unwrap_or_else(|e| panic!("{e}"))
    }

    /// The token's signing input, its signature and the key, from a header; the key as the header says.
    fn parts(authorization: &str) -> (String, Vec<u8>, Vec<u8>) {
        let rest = authorization
            .strip_prefix("vapid t=")
            .unwrap_or_else(|| panic!("{authorization}"));
        let (token, key) = rest
            .split_once(", k=")
            .unwrap_or_else(|| panic!("{authorization}"));
        let (signing_input, signature) =
            token.rsplit_once('.').unwrap_or_else(|| panic!("{token}"));
        let decode = |t: &str| base64url_decode(t).unwrap_or_else(|| panic!("{t}"));
        (signing_input.to_owned(), decode(signature), decode(key))
    }

    fn json(part: &str) -> serde_json::Value {
        let bytes = base64url_decode(part).unwrap_or_else(|| panic!("{part}"));
        serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_token_verifies_with_the_public_key_and_says_what_rfc_8292_asks() {
        let header = ok(vapid_authorization(
            ENDPOINT,
            "mailto:ops@yishi.example",
            KEY,
            NOW + 3600,
            NOW,
        ));
        let (signing_input, signature, key) = parts(&header);
        assert_eq!(key, ok(public_key(KEY)).to_vec());
        let verifying = VerifyingKey::from_sec1_bytes(&key).unwrap_or_else(|e| panic!("{e}"));
        let signature = Signature::from_slice(&signature).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            verifying
                .verify(signing_input.as_bytes(), &signature)
                .is_ok()
        );
        // Another message does not verify under that signature.
        assert!(verifying.verify(b"x.y", &signature).is_err());
        let (jwt_header, claims) = signing_input.split_once('.').unwrap_or_default();
        assert_eq!(jwt_header, "eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NiJ9");
        assert_eq!(
            json(jwt_header),
            serde_json::json!({"typ": "JWT", "alg": "ES256"})
        );
        assert_eq!(
            json(claims),
            serde_json::json!({
                "aud": "https://updates.push.services.mozilla.com",
                "exp": NOW + 3600,
                "sub": "mailto:ops@yishi.example"
            })
        );
        // Deterministic (RFC 6979): the same arguments, the same header.
        assert_eq!(
            ok(vapid_authorization(
                ENDPOINT,
                "mailto:ops@yishi.example",
                KEY,
                NOW + 3600,
                NOW
            )),
            header
        );
    }

    #[test]
    fn the_audience_is_the_origin_of_the_endpoint() {
        let cases = [
            (
                "https://fcm.googleapis.com/fcm/send/abc:APA91b",
                "https://fcm.googleapis.com",
            ),
            (
                "https://fcm.googleapis.com:443/fcm/send/abc",
                "https://fcm.googleapis.com",
            ),
            (
                "https://Push.Example.NET:8443/p/1?q#f",
                "https://push.example.net:8443",
            ),
            (
                "https://web.push.apple.com/QGuQ",
                "https://web.push.apple.com",
            ),
            ("http://127.0.0.1:9123/push/1", "http://127.0.0.1:9123"),
            ("http://localhost/push/1", "http://localhost"),
        ];
        for (endpoint, origin) in cases {
            assert_eq!(audience(endpoint).as_deref(), Ok(origin), "{endpoint}");
        }
    }

    #[test]
    fn an_endpoint_that_is_not_https_is_refused_save_the_loopback() {
        for endpoint in [
            "http://push.example.net/1",
            "http://10.0.0.1/1",
            "wss://push.example.net/1",
            "/push/1",
        ] {
            let refused = vapid_authorization(endpoint, "mailto:a@b", KEY, NOW + 60, NOW);
            assert_eq!(
                refused.map_err(|e| e.field()),
                Err(Some(SubscriptionField::Endpoint)),
                "{endpoint}"
            );
        }
        assert!(
            vapid_authorization("http://127.0.0.1:9123/p", "mailto:a@b", KEY, NOW + 60, NOW)
                .is_ok()
        );
    }

    #[test]
    fn the_token_expires_after_now_and_within_a_day() {
        let sign = |expires_at| vapid_authorization(ENDPOINT, "mailto:a@b", KEY, expires_at, NOW);
        assert!(sign(NOW + MAX_VAPID_LIFETIME_SECONDS).is_ok());
        assert!(sign(NOW + 1).is_ok());
        for expires_at in [
            NOW + MAX_VAPID_LIFETIME_SECONDS + 1,
            NOW,
            NOW - 1,
            i64::MAX,
            i64::MIN,
        ] {
            assert_eq!(
                sign(expires_at),
                Err(PushError::Expiry {
                    now: NOW,
                    expires_at
                })
            );
        }
    }

    #[test]
    fn the_subject_is_a_mailto_address_or_an_https_url() {
        let sign = |subject| vapid_authorization(ENDPOINT, subject, KEY, NOW + 60, NOW);
        for subject in [
            "mailto:ops@yishi.example",
            "https://yishi.example/contact",
            "mailto:\"a\\\"b\"@c",
        ] {
            assert!(sign(subject).is_ok(), "{subject}");
        }
        for subject in [
            "ops@yishi.example",
            "mailto:",
            "mailto:ops",
            "mailto:a b@c",
            "http://yishi.example",
            "",
        ] {
            assert_eq!(sign(subject), Err(PushError::Subject), "{subject}");
        }
        // A subject with quotes is escaped in the claims, not spliced in.
        let (signing_input, ..) = parts(&ok(sign("mailto:\"a\\\"b\"@c")));
        let claims = json(signing_input.split_once('.').unwrap_or_default().1);
        assert_eq!(claims["sub"], "mailto:\"a\\\"b\"@c");
    }

    #[test]
    fn a_bad_private_key_is_refused() {
        let refused = vapid_authorization(ENDPOINT, "mailto:a@b", [0; 32], NOW + 60, NOW);
        assert_eq!(refused, Err(PushError::PrivateKey));
    }
}
