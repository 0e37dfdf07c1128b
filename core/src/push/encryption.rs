//! RFC 8291 message encryption: a payload sealed for one browser, so that the push service that carries
//! it reads nothing. One ECDH between a fresh ephemeral key and the browser's key, mixed with the
//! browser's auth secret and a fresh salt by HKDF-SHA-256, gives an AES-128-GCM key and nonce; the body
//! is the RFC 8188 `aes128gcm` content coding of a single record:
//!
//! ```text
//! salt (16) | rs (4, big-endian) | idlen (1) = 65 | keyid (65) = ephemeral public key | AES-GCM(payload | 0x02)
//! ```

use aes_gcm::Aes128Gcm;
use aes_gcm::aead::{Aead as _, KeyInit as _};
use hkdf::Hkdf;
use p256::ecdh::diffie_hellman;
use sha2::Sha256;

use super::{PushError, UserAgentKeys, secret_key, uncompressed};

/// The authentication tag AES-GCM appends.
pub const TAG_LEN: usize = 16;
/// The length of the `keyid`: the ephemeral public key, an uncompressed P-256 point.
const KEYID_LEN: u8 = 65;
/// The content coding's header: salt, record size, key id length and key id.
pub const HEADER_LEN: usize = 16 + 4 + 1 + KEYID_LEN as usize;
/// The longest body a push service must accept (RFC 8030, section 7.2); some accept more, none need to.
pub const MAX_BODY: usize = 4096;
/// The longest payload that fits [`MAX_BODY`]: less the header, the tag and the padding delimiter, that
/// is 4096 − 86 − 16 − 1 = 3993 bytes (RFC 8291, section 4).
pub const MAX_PLAINTEXT: usize = MAX_BODY - HEADER_LEN - TAG_LEN - 1;
/// The record size to write in the header: large enough for any payload up to [`MAX_PLAINTEXT`], and
/// the value RFC 8291's example and the common libraries use.
pub const RECORD_SIZE: u32 = 4096;
/// The padding delimiter of the last record (RFC 8188, section 2); a push message is one record, the last.
const LAST_RECORD: u8 = 0x02;

/// Seals `plaintext` for the browser whose keys are `keys` (RFC 8291), as the body of a push request.
///
/// `ephemeral_private` and `salt` must be fresh random bytes for every message (the caller's CSPRNG:
/// `crypto.getRandomValues` in the worker); they are parameters only because `core` takes no random
/// numbers, and so that RFC 8291's example can be checked to the byte. `record_size` is written in the
/// header: [`RECORD_SIZE`] unless a push service asks otherwise; it must exceed the record (payload,
/// delimiter and tag), as RFC 8291 requires one record. A payload over [`MAX_PLAINTEXT`] bytes is
/// refused, since a push service need not carry it. No padding is added beyond the delimiter.
pub fn encrypt(
    keys: &UserAgentKeys,
    plaintext: &[u8],
    ephemeral_private: [u8; 32],
    salt: [u8; 16],
    record_size: u32,
) -> Result<Vec<u8>, PushError> {
    if plaintext.len() > MAX_PLAINTEXT {
        return Err(PushError::PayloadTooLarge {
            len: plaintext.len(),
            max: MAX_PLAINTEXT,
        });
    }
    let mut record = Vec::with_capacity(plaintext.len() + 1);
    record.extend_from_slice(plaintext);
    record.push(LAST_RECORD);
    seal(keys, &record, ephemeral_private, salt, record_size)
}

/// The body for `record` (the payload with its delimiter and any padding), sealed.
fn seal(
    keys: &UserAgentKeys,
    record: &[u8],
    ephemeral_private: [u8; 32],
    salt: [u8; 16],
    record_size: u32,
) -> Result<Vec<u8>, PushError> {
    let needed = record.len() + TAG_LEN;
    if u32::try_from(needed).map_or(true, |needed| record_size <= needed) {
        return Err(PushError::RecordSize {
            record_size,
            needed,
        });
    }
    let secret = secret_key(&ephemeral_private)?;
    let as_public = uncompressed(&secret.public_key())?;
    let shared = diffie_hellman(secret.to_nonzero_scalar(), keys.point()?.as_affine());
    let (cek, nonce) = content_keys(
        shared.raw_secret_bytes(),
        keys.auth(),
        keys.p256dh(),
        &as_public,
        &salt,
    )?;
    let sealed = Aes128Gcm::new(&cek.into())
        .encrypt(&nonce.into(), record)
        .map_err(|_| PushError::Crypto)?;
    let mut body = Vec::with_capacity(HEADER_LEN + sealed.len());
    body.extend_from_slice(&salt);
    body.extend_from_slice(&record_size.to_be_bytes());
    body.push(KEYID_LEN);
    body.extend_from_slice(&as_public);
    body.extend_from_slice(&sealed);
    Ok(body)
}

/// Opens a push message as the browser does, with its private key and auth secret: the counterpart of
/// [`encrypt`], for tests and for the fake push service of the API tests. It takes one record, as RFC
/// 8291 sends, strips any padding and requires the last record's delimiter. The body is untrusted: any
/// bytes give a payload or an error, never a panic.
pub fn decrypt(
    private_key: [u8; 32],
    auth_secret: [u8; 16],
    body: &[u8],
) -> Result<Vec<u8>, PushError> {
    let refuse = |reason| PushError::Body { reason };
    let short = || refuse("shorter than its header");
    let (salt, rest) = body.split_first_chunk::<16>().ok_or_else(short)?;
    let (record_size, rest) = rest.split_first_chunk::<4>().ok_or_else(short)?;
    let (keyid_len, rest) = rest.split_first().ok_or_else(short)?;
    if *keyid_len != KEYID_LEN {
        return Err(refuse("the key id is not a 65-byte public key"));
    }
    let (keyid, record) = rest.split_first_chunk::<65>().ok_or_else(short)?;
    let record_size = u32::from_be_bytes(*record_size);
    // RFC 8188, section 2.1: a record holds at least a delimiter and the tag, so rs is at least 18.
    if record_size < 18 {
        return Err(refuse("a record size under 18"));
    }
    if record.len() <= TAG_LEN {
        return Err(refuse("no record after the header"));
    }
    if u32::try_from(record.len()).map_or(true, |len| len > record_size) {
        return Err(refuse("more than one record"));
    }
    let as_public = p256::PublicKey::from_sec1_bytes(keyid)
        .map_err(|_| refuse("the key id is not a point of P-256"))?;
    let secret = secret_key(&private_key)?;
    let ua_public = uncompressed(&secret.public_key())?;
    let shared = diffie_hellman(secret.to_nonzero_scalar(), as_public.as_affine());
    let (cek, nonce) = content_keys(
        shared.raw_secret_bytes(),
        &auth_secret,
        &ua_public,
        keyid,
        salt,
    )?;
    let mut padded = Aes128Gcm::new(&cek.into())
        .decrypt(&nonce.into(), record)
        .map_err(|_| PushError::Decrypt)?;
    // Padding is zeros after the delimiter (RFC 8188, section 2).
    let delimiter = padded
        .iter()
        .rposition(|&b| b != 0)
        .ok_or(refuse("no padding delimiter"))?;
    if padded.get(delimiter) != Some(&LAST_RECORD) {
        return Err(refuse(
            "the padding delimiter is not the last record's (0x02)",
        ));
    }
    padded.truncate(delimiter);
    Ok(padded)
}

/// The content encryption key and nonce (RFC 8291, section 3.4, then RFC 8188, section 2.2). The nonce
/// is used as it is: the XOR with the record's sequence number is a no-op for the only record, number 0.
fn content_keys(
    ecdh_secret: &[u8],
    auth_secret: &[u8; 16],
    ua_public: &[u8; 65],
    as_public: &[u8; 65],
    salt: &[u8; 16],
) -> Result<([u8; 16], [u8; 12]), PushError> {
    let ikm = input_keying_material(ecdh_secret, auth_secret, ua_public, as_public)?;
    let prk = Hkdf::<Sha256>::new(Some(salt), &ikm);
    Ok((
        expand(&prk, b"Content-Encoding: aes128gcm\0")?,
        expand(&prk, b"Content-Encoding: nonce\0")?,
    ))
}

/// The ECDH secret combined with the auth secret and both public keys (RFC 8291, section 3.3): the auth
/// secret, known only to the browser and the sender, keeps anyone who has only the browser's public key
/// from making messages it would accept.
fn input_keying_material(
    ecdh_secret: &[u8],
    auth_secret: &[u8; 16],
    ua_public: &[u8; 65],
    as_public: &[u8; 65],
) -> Result<[u8; 32], PushError> {
    let key_info = [b"WebPush: info\0".as_slice(), ua_public, as_public].concat();
    expand(
        &Hkdf::<Sha256>::new(Some(auth_secret), ecdh_secret),
        &key_info,
    )
}

fn expand<const N: usize>(hkdf: &Hkdf<Sha256>, info: &[u8]) -> Result<[u8; N], PushError> {
    let mut out = [0; N];
    hkdf.expand(info, &mut out).map_err(|_| PushError::Crypto)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::push::{base64url_decode, base64url_encode, public_key};
    use proptest::prelude::*;

    /// RFC 8291, section 5 and Appendix A, in base64url as printed there (line breaks removed).
    mod rfc_8291 {
        pub const PLAINTEXT: &str = "When I grow up, I want to be a watermelon";
        pub const AUTH_SECRET: &str = "BTBZMqHH6r4Tts7J_aSIgg";
        pub const UA_PRIVATE: &str = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
        pub const UA_PUBLIC: &str = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
        pub const AS_PRIVATE: &str = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
        pub const AS_PUBLIC: &str = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
        pub const SALT: &str = "DGv6ra1nlYgDCS1FRnbzlw";
        pub const ECDH_SECRET: &str = "kyrL1jIIOHEzg3sM2ZWRHDRB62YACZhhSlknJ672kSs";
        pub const IKM: &str = "S4lYMb_L0FxCeq0WhDx813KgSYqU26kOyzWUdsXYyrg";
        pub const CEK: &str = "oIhVW04MRdy2XN9CiKLxTg";
        pub const NONCE: &str = "4h_95klXJ5E_qnoN";
        pub const HEADER: &str = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
        pub const CIPHERTEXT: &str =
            "8pfeW0KbunFT06SuDKoJH9Ql87S1QUrdirN6GcG7sFz1y1sqLgVi1VhjVkHsUoEsbI_0LpXMuGvnzQ";
        pub const BODY: &str = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";
    }

    fn bytes<const N: usize>(text: &str) -> [u8; N] {
        base64url_decode(text)
            .and_then(|b| b.try_into().ok())
            .unwrap_or_else(|| panic!("{text} is not {N} bytes of base64url"))
    }

    fn keys_of(private: [u8; 32], auth: [u8; 16]) -> UserAgentKeys {
        public_key(private)
            .and_then(|p| UserAgentKeys::new(p, auth))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn rfc_keys() -> UserAgentKeys {
        keys_of(bytes(rfc_8291::UA_PRIVATE), bytes(rfc_8291::AUTH_SECRET))
    }

    fn ok<T>(result: Result<T, PushError>) -> T {
        result.unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn rfc_8291_example_to_the_byte() {
        let body = ok(encrypt(
            &rfc_keys(),
            rfc_8291::PLAINTEXT.as_bytes(),
            bytes(rfc_8291::AS_PRIVATE),
            bytes(rfc_8291::SALT),
            RECORD_SIZE,
        ));
        // Header and ciphertext apart first, so that a failure says which moved.
        assert_eq!(base64url_encode(&body[..HEADER_LEN]), rfc_8291::HEADER);
        assert_eq!(base64url_encode(&body[HEADER_LEN..]), rfc_8291::CIPHERTEXT);
        assert_eq!(base64url_encode(&body), rfc_8291::BODY);
        assert_eq!(body.len(), 144);
    }

    #[test]
    fn rfc_8291_intermediate_values() {
        let as_private: [u8; 32] = bytes(rfc_8291::AS_PRIVATE);
        let as_public = ok(public_key(as_private));
        assert_eq!(base64url_encode(&as_public), rfc_8291::AS_PUBLIC);
        let secret = ok(secret_key(&as_private));
        let ua = ok(rfc_keys().point());
        let shared = diffie_hellman(secret.to_nonzero_scalar(), ua.as_affine());
        let ecdh = shared.raw_secret_bytes().as_slice();
        assert_eq!(base64url_encode(ecdh), rfc_8291::ECDH_SECRET);
        let (auth, ua_public) = (bytes(rfc_8291::AUTH_SECRET), bytes(rfc_8291::UA_PUBLIC));
        let ikm = ok(input_keying_material(ecdh, &auth, &ua_public, &as_public));
        assert_eq!(base64url_encode(&ikm), rfc_8291::IKM);
        let (cek, nonce) = ok(content_keys(
            ecdh,
            &auth,
            &ua_public,
            &as_public,
            &bytes(rfc_8291::SALT),
        ));
        assert_eq!(base64url_encode(&cek), rfc_8291::CEK);
        assert_eq!(base64url_encode(&nonce), rfc_8291::NONCE);
    }

    #[test]
    fn the_browser_opens_the_rfc_8291_example() {
        let body = base64url_decode(rfc_8291::BODY).unwrap_or_default();
        let plaintext = decrypt(
            bytes(rfc_8291::UA_PRIVATE),
            bytes(rfc_8291::AUTH_SECRET),
            &body,
        );
        assert_eq!(plaintext, Ok(rfc_8291::PLAINTEXT.as_bytes().to_vec()));
        // With another auth secret, or another browser's key, it does not open.
        let wrong_auth = decrypt(bytes(rfc_8291::UA_PRIVATE), [0; 16], &body);
        assert_eq!(wrong_auth, Err(PushError::Decrypt));
        let wrong_key = decrypt(
            bytes(rfc_8291::AS_PRIVATE),
            bytes(rfc_8291::AUTH_SECRET),
            &body,
        );
        assert_eq!(wrong_key, Err(PushError::Decrypt));
    }

    #[test]
    fn the_longest_payload_fills_the_4096_bytes_a_push_service_must_take() {
        assert_eq!(HEADER_LEN, 86);
        assert_eq!(MAX_PLAINTEXT, 3993);
        let seal = |len: usize| {
            encrypt(
                &rfc_keys(),
                &vec![b'x'; len],
                bytes(rfc_8291::AS_PRIVATE),
                [7; 16],
                RECORD_SIZE,
            )
        };
        assert_eq!(ok(seal(MAX_PLAINTEXT)).len(), MAX_BODY);
        assert_eq!(
            seal(MAX_PLAINTEXT + 1),
            Err(PushError::PayloadTooLarge {
                len: 3994,
                max: 3993
            })
        );
        assert_eq!(
            PushError::PayloadTooLarge {
                len: 3994,
                max: 3993
            }
            .to_string(),
            "a push message carries at most 3993 bytes of payload, this one 3994"
        );
        assert_eq!(ok(seal(0)).len(), HEADER_LEN + 1 + TAG_LEN);
    }

    #[test]
    fn the_record_size_must_exceed_the_one_record() {
        let seal = |len: usize, record_size: u32| {
            encrypt(
                &rfc_keys(),
                &vec![0; len],
                bytes(rfc_8291::AS_PRIVATE),
                [7; 16],
                record_size,
            )
        };
        // 100 bytes of payload, a delimiter and the tag: 117 bytes, so rs must be at least 118.
        assert_eq!(
            seal(100, 117),
            Err(PushError::RecordSize {
                record_size: 117,
                needed: 117
            })
        );
        let body = ok(seal(100, 118));
        assert_eq!(body[16..20], 118u32.to_be_bytes());
        let auth = bytes(rfc_8291::AUTH_SECRET);
        assert_eq!(
            decrypt(bytes(rfc_8291::UA_PRIVATE), auth, &body),
            Ok(vec![0; 100])
        );
        assert_eq!(
            seal(0, 0),
            Err(PushError::RecordSize {
                record_size: 0,
                needed: 17
            })
        );
    }

    #[test]
    fn an_ephemeral_key_must_be_a_private_key() {
        let refused = encrypt(&rfc_keys(), b"hi", [0; 32], [7; 16], RECORD_SIZE);
        assert_eq!(refused, Err(PushError::PrivateKey));
        let refused = decrypt(
            [0xff; 32],
            [0; 16],
            &base64url_decode(rfc_8291::BODY).unwrap_or_default(),
        );
        assert_eq!(refused, Err(PushError::PrivateKey));
    }

    #[test]
    fn padding_from_another_sender_is_stripped_and_only_the_last_delimiter_taken() {
        let (ua_private, auth) = (bytes(rfc_8291::UA_PRIVATE), bytes(rfc_8291::AUTH_SECRET));
        let sealed = |record: &[u8]| {
            ok(seal(
                &rfc_keys(),
                record,
                bytes(rfc_8291::AS_PRIVATE),
                [9; 16],
                RECORD_SIZE,
            ))
        };
        assert_eq!(
            decrypt(ua_private, auth, &sealed(b"hi\x02\0\0\0\0")),
            Ok(b"hi".to_vec())
        );
        // Zeros of the payload itself stay: only those after the delimiter are padding.
        assert_eq!(
            decrypt(ua_private, auth, &sealed(b"a\0\x02\0")),
            Ok(b"a\0".to_vec())
        );
        let refused = |reason| Err(PushError::Body { reason });
        // 0x01 ends a record that is not the last (RFC 8188): a push message has only one.
        let not_last = "the padding delimiter is not the last record's (0x02)";
        assert_eq!(
            decrypt(ua_private, auth, &sealed(b"hi\x01")),
            refused(not_last)
        );
        assert_eq!(decrypt(ua_private, auth, &sealed(b"hi")), refused(not_last));
        assert_eq!(
            decrypt(ua_private, auth, &sealed(b"\0\0")),
            refused("no padding delimiter")
        );
    }

    #[test]
    fn a_body_that_is_not_one_aes128gcm_record_is_refused_by_name() {
        let (ua_private, auth) = (bytes(rfc_8291::UA_PRIVATE), bytes(rfc_8291::AUTH_SECRET));
        let body = base64url_decode(rfc_8291::BODY).unwrap_or_default();
        let refused = |reason| Err(PushError::Body { reason });
        assert_eq!(
            decrypt(ua_private, auth, &body[..50]),
            refused("shorter than its header")
        );
        assert_eq!(
            decrypt(ua_private, auth, &body[..HEADER_LEN + TAG_LEN]),
            refused("no record after the header")
        );
        let with = |at: usize, value: &[u8]| {
            let mut changed = body.clone();
            changed[at..at + value.len()].copy_from_slice(value);
            decrypt(ua_private, auth, &changed)
        };
        assert_eq!(
            with(20, &[33]),
            refused("the key id is not a 65-byte public key")
        );
        assert_eq!(
            with(16, &17u32.to_be_bytes()),
            refused("a record size under 18")
        );
        // The record (41 + 1 + 16 = 58 bytes) longer than the record size: a second record, which push
        // never sends. As long as it, it is the last (RFC 8188 lets the last record be shorter, or not).
        assert_eq!(
            with(16, &57u32.to_be_bytes()),
            refused("more than one record")
        );
        assert_eq!(
            with(16, &58u32.to_be_bytes()),
            Ok(rfc_8291::PLAINTEXT.as_bytes().to_vec())
        );
        assert_eq!(
            with(84, &[body[84] ^ 1]),
            refused("the key id is not a point of P-256")
        );
    }

    /// A private key: 32 bytes that make a scalar of P-256 (all but about 1 in 2^32 do).
    fn private_key() -> impl Strategy<Value = [u8; 32]> {
        any::<[u8; 32]>().prop_filter("a P-256 scalar", |k| public_key(*k).is_ok())
    }

    proptest! {
        /// What is sealed for a browser, the browser opens, for every payload a push message can carry.
        #[test]
        fn the_browser_opens_what_is_sealed_for_it(
            plaintext in proptest::collection::vec(any::<u8>(), 0..=MAX_PLAINTEXT),
            ua_private in private_key(),
            as_private in private_key(),
            auth in any::<[u8; 16]>(),
            salt in any::<[u8; 16]>(),
        ) {
            let body = encrypt(&keys_of(ua_private, auth), &plaintext, as_private, salt, RECORD_SIZE);
            let body = body.map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(body.len(), HEADER_LEN + plaintext.len() + 1 + TAG_LEN);
            prop_assert!(body.len() <= MAX_BODY);
            prop_assert_eq!(decrypt(ua_private, auth, &body), Ok(plaintext));
        }

        /// A change to the salt, the key id or the sealed record is caught; the body opens to nothing.
        #[test]
        fn a_changed_byte_does_not_open(
            plaintext in proptest::collection::vec(any::<u8>(), 0..64),
            at in any::<prop::sample::Index>(),
            flip in 1u8..=255,
        ) {
            let (ua_private, auth) = (bytes(rfc_8291::UA_PRIVATE), bytes(rfc_8291::AUTH_SECRET));
            let mut body = ok(encrypt(&rfc_keys(), &plaintext, bytes(rfc_8291::AS_PRIVATE), [3; 16], RECORD_SIZE));
            // Every byte but the record size and the key id's length, which nothing authenticates.
            let positions: Vec<usize> = (0..body.len()).filter(|i| !(16..21).contains(i)).collect();
            let i = positions[at.index(positions.len())];
            body[i] ^= flip;
            let opened = decrypt(ua_private, auth, &body);
            prop_assert!(matches!(opened, Err(PushError::Decrypt | PushError::Body { .. })), "{opened:?}");
        }
    }

    proptest! {
        #[test]
        fn a_payload_over_the_limit_is_refused(extra in 1usize..=4096) {
            let len = MAX_PLAINTEXT + extra;
            let refused = encrypt(&rfc_keys(), &vec![1; len], bytes(rfc_8291::AS_PRIVATE), [0; 16], u32::MAX);
            prop_assert_eq!(refused, Err(PushError::PayloadTooLarge { len, max: MAX_PLAINTEXT }));
        }

        /// Any bytes, even behind a well-formed header, give a payload or an error, never a panic.
        #[test]
        fn any_body_opens_or_is_refused_without_a_panic(
            tail in proptest::collection::vec(any::<u8>(), 0..200),
            behind_header in any::<bool>(),
        ) {
            let mut body = Vec::new();
            if behind_header {
                body.extend_from_slice(&base64url_decode(rfc_8291::HEADER).unwrap_or_default());
            }
            body.extend_from_slice(&tail);
            let _ = decrypt(bytes(rfc_8291::UA_PRIVATE), bytes(rfc_8291::AUTH_SECRET), &body);
        }
    }
}
