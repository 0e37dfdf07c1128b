//! Sign-in rules: phone numbers, passwords, invite codes, stored password hashes, sessions and throttling.
//! The hashing itself (PBKDF2-HMAC-SHA256) runs in the worker on Web Crypto; this module owns the format.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};
use crate::ids::MemberId;

/// Staff and admins choose a password of at least this many characters.
pub const STAFF_PASSWORD_MIN: usize = 8;
/// Residents choose a passcode of at least this many characters (six digits are easy to remember).
pub const RESIDENT_PASSCODE_MIN: usize = 6;
pub const PASSWORD_MAX: usize = 128;
pub const NAME_MAX: usize = 30;
/// Invite codes are 8 characters of an alphabet without look-alikes (no 0/O, 1/I/L, U).
pub const INVITE_CODE_LEN: usize = 8;
pub const INVITE_ALPHABET: &[u8; 30] = b"23456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Normalizes a mainland Chinese mobile number: spaces and dashes dropped, an optional `+86`/`86`
/// prefix removed; the result is 11 digits starting with `1[3-9]`.
pub fn normalize_phone(input: &str) -> DomainResult<String> {
    let digits: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\u{3000}'))
        .collect();
    if digits.is_empty() {
        return Err(DomainError::Required {
            field: Field::Phone,
        });
    }
    let digits = digits
        .strip_prefix("+86")
        .or_else(|| digits.strip_prefix("0086"))
        .or_else(|| {
            (digits.len() == 13)
                .then(|| digits.strip_prefix("86"))
                .flatten()
        })
        .unwrap_or(&digits);
    let bytes = digits.as_bytes();
    let valid = bytes.len() == 11
        && bytes.iter().all(u8::is_ascii_digit)
        && bytes[0] == b'1'
        && (b'3'..=b'9').contains(&bytes[1]);
    if valid {
        Ok(digits.to_owned())
    } else {
        Err(DomainError::Invalid {
            field: Field::Phone,
        })
    }
}

/// A sign-in needs some password; whether it is right is for the stored hash to say.
pub fn require_password(password: &str) -> DomainResult<()> {
    if password.is_empty() {
        Err(DomainError::Required {
            field: Field::Password,
        })
    } else {
        Ok(())
    }
}

/// Checks a new password or passcode against the length rules.
pub fn validate_new_password(password: &str, min: usize) -> DomainResult<()> {
    let len = password.chars().count();
    if len == 0 {
        Err(DomainError::Required {
            field: Field::Password,
        })
    } else if len < min {
        Err(DomainError::TooShort {
            field: Field::Password,
            min,
        })
    } else if len > PASSWORD_MAX {
        Err(DomainError::TooLong {
            field: Field::Password,
            max: PASSWORD_MAX,
        })
    } else {
        Ok(())
    }
}

/// Trims a display name and checks its length.
pub fn normalize_name(input: &str) -> DomainResult<String> {
    let name = input.trim();
    if name.is_empty() {
        Err(DomainError::Required { field: Field::Name })
    } else if name.chars().count() > NAME_MAX {
        Err(DomainError::TooLong {
            field: Field::Name,
            max: NAME_MAX,
        })
    } else if name.chars().any(char::is_control) {
        Err(DomainError::Invalid { field: Field::Name })
    } else {
        Ok(name.to_owned())
    }
}

/// Normalizes an invite code as typed or scanned: case-insensitive, spaces and dashes ignored.
pub fn normalize_invite_code(input: &str) -> DomainResult<String> {
    let code: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\u{3000}'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if code.is_empty() {
        return Err(DomainError::Required {
            field: Field::InviteCode,
        });
    }
    let valid = code.len() == INVITE_CODE_LEN && code.bytes().all(|b| INVITE_ALPHABET.contains(&b));
    if valid {
        Ok(code)
    } else {
        Err(DomainError::InviteCodeInvalid)
    }
}

/// Builds an invite code from random bytes (one byte per character, by rejection-free modulo: the bias of
/// 256 mod 30 is irrelevant at this length, since attempts are rate limited).
#[must_use]
pub fn invite_code_from_random(random: [u8; INVITE_CODE_LEN]) -> String {
    random
        .iter()
        .map(|b| char::from(INVITE_ALPHABET[usize::from(*b) % INVITE_ALPHABET.len()]))
        .collect()
}

/// Formats a code for print: `ABCD-EFGH`.
#[must_use]
pub fn display_invite_code(code: &str) -> String {
    if code.len() == INVITE_CODE_LEN && code.is_ascii() {
        format!("{}-{}", &code[..4], &code[4..])
    } else {
        code.to_owned()
    }
}

/// A stored password hash: `pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PasswordHash {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub hash: Vec<u8>,
}

pub const HASH_SCHEME: &str = "pbkdf2_sha256";
/// Workers' Web Crypto refuses more than 100,000 PBKDF2 iterations.
pub const MAX_ITERATIONS: u32 = 100_000;
pub const SALT_LEN: usize = 16;
pub const HASH_LEN: usize = 32;

impl PasswordHash {
    #[must_use]
    pub fn encode(&self) -> String {
        format!(
            "{HASH_SCHEME}${}${}${}",
            self.iterations,
            hex(&self.salt),
            hex(&self.hash)
        )
    }

    #[must_use]
    pub fn decode(s: &str) -> Option<PasswordHash> {
        let mut parts = s.split('$');
        if parts.next()? != HASH_SCHEME {
            return None;
        }
        let iterations: u32 = parts.next()?.parse().ok()?;
        let salt = unhex(parts.next()?)?;
        let hash = unhex(parts.next()?)?;
        if parts.next().is_some()
            || iterations == 0
            || iterations > MAX_ITERATIONS
            || hash.len() != HASH_LEN
        {
            return None;
        }
        Some(PasswordHash {
            iterations,
            salt,
            hash,
        })
    }

    /// Compares a freshly derived hash with this one in constant time.
    #[must_use]
    pub fn matches(&self, derived: &[u8]) -> bool {
        constant_time_eq(&self.hash, derived)
    }
}

#[must_use]
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[must_use]
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    bytes
        .iter()
        .flat_map(|b| [DIGITS[usize::from(b >> 4)], DIGITS[usize::from(b & 0xF)]])
        .map(char::from)
        .collect()
}

#[must_use]
pub fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    s.as_bytes()
        .chunks(2)
        .map(|pair| {
            let hi = char::from(pair[0]).to_digit(16)?;
            let lo = char::from(pair[1]).to_digit(16)?;
            u8::try_from(hi * 16 + lo).ok()
        })
        .collect()
}

/// What the session store keeps under the hash of a session token.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    pub member_id: MemberId,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl SessionRecord {
    #[must_use]
    pub fn new(member_id: MemberId, now: DateTime<Utc>, ttl: Duration) -> SessionRecord {
        SessionRecord {
            member_id,
            created_at: now,
            expires_at: now + ttl,
        }
    }

    #[must_use]
    pub fn is_live(&self, now: DateTime<Utc>) -> bool {
        now < self.expires_at
    }
}

/// A fixed-window counter of attempts, kept in KV per phone number, invite code or client address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptWindow {
    pub started_at: DateTime<Utc>,
    pub count: u32,
}

/// A limit of `max` attempts per `window`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Throttle {
    pub max: u32,
    pub window: Duration,
}

impl Throttle {
    /// Refuses when the window is full; otherwise `Ok`.
    pub fn check(&self, current: Option<AttemptWindow>, now: DateTime<Utc>) -> DomainResult<()> {
        match current {
            Some(w) if now < w.started_at + self.window && w.count >= self.max => {
                let left = (w.started_at + self.window - now).num_seconds().max(1);
                Err(DomainError::RateLimited {
                    retry_after_secs: u32::try_from(left).unwrap_or(u32::MAX),
                })
            }
            _ => Ok(()),
        }
    }

    /// The window after one more attempt at `now`.
    #[must_use]
    pub fn record(&self, current: Option<AttemptWindow>, now: DateTime<Utc>) -> AttemptWindow {
        match current {
            Some(w) if now < w.started_at + self.window => AttemptWindow {
                count: w.count.saturating_add(1),
                ..w
            },
            _ => AttemptWindow {
                started_at: now,
                count: 1,
            },
        }
    }

    /// Seconds until a window started at `started_at` ends (for the store's expiry).
    #[must_use]
    pub fn seconds_left(&self, window: AttemptWindow, now: DateTime<Utc>) -> i64 {
        (window.started_at + self.window - now).num_seconds().max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    #[test]
    fn phone_numbers_are_normalized() {
        assert_eq!(normalize_phone("139 0000 0001"), Ok("13900000001".into()));
        assert_eq!(
            normalize_phone("+86 139-0000-0001"),
            Ok("13900000001".into())
        );
        assert_eq!(normalize_phone("8613900000001"), Ok("13900000001".into()));
        assert_eq!(
            normalize_phone(""),
            Err(DomainError::Required {
                field: Field::Phone
            })
        );
        for bad in [
            "12900000001",
            "1390000000",
            "139000000011",
            "1390000000a",
            "phone",
        ] {
            assert_eq!(
                normalize_phone(bad),
                Err(DomainError::Invalid {
                    field: Field::Phone
                }),
                "{bad}"
            );
        }
    }

    #[test]
    fn passwords_have_length_rules() {
        assert!(validate_new_password("12345678", STAFF_PASSWORD_MIN).is_ok());
        assert_eq!(
            validate_new_password("1234567", STAFF_PASSWORD_MIN),
            Err(DomainError::TooShort {
                field: Field::Password,
                min: 8
            })
        );
        assert!(validate_new_password("123456", RESIDENT_PASSCODE_MIN).is_ok());
        assert_eq!(
            validate_new_password("", RESIDENT_PASSCODE_MIN),
            Err(DomainError::Required {
                field: Field::Password
            })
        );
        assert!(validate_new_password(&"x".repeat(129), 6).is_err());
    }

    #[test]
    fn signing_in_needs_a_password() {
        assert_eq!(
            require_password(""),
            Err(DomainError::Required {
                field: Field::Password
            })
        );
        assert!(require_password("x").is_ok());
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(normalize_name("  王秀英 "), Ok("王秀英".into()));
        assert_eq!(
            normalize_name("   "),
            Err(DomainError::Required { field: Field::Name })
        );
        assert!(normalize_name(&"王".repeat(31)).is_err());
        assert!(normalize_name("a\u{0}b").is_err());
    }

    #[test]
    fn invite_codes_ignore_case_spaces_and_dashes() {
        assert_eq!(normalize_invite_code("k7m4-q9px"), Ok("K7M4Q9PX".into()));
        assert_eq!(normalize_invite_code(" K7M4 Q9PX "), Ok("K7M4Q9PX".into()));
        assert_eq!(
            normalize_invite_code("K7M4Q9P0"),
            Err(DomainError::InviteCodeInvalid)
        );
        assert_eq!(
            normalize_invite_code("K7M4"),
            Err(DomainError::InviteCodeInvalid)
        );
        assert_eq!(
            normalize_invite_code(""),
            Err(DomainError::Required {
                field: Field::InviteCode
            })
        );
        assert_eq!(display_invite_code("K7M4Q9PX"), "K7M4-Q9PX");
    }

    #[test]
    fn password_hashes_round_trip_and_reject_tampering() {
        let h = PasswordHash {
            iterations: 100_000,
            salt: vec![1; 16],
            hash: vec![0xAB; 32],
        };
        let s = h.encode();
        assert!(s.starts_with("pbkdf2_sha256$100000$0101"));
        assert_eq!(PasswordHash::decode(&s), Some(h.clone()));
        assert!(h.matches(&[0xAB; 32]));
        assert!(!h.matches(&[0xAB; 31]));
        assert!(PasswordHash::decode("md5$1$00$00").is_none());
        assert!(PasswordHash::decode(&s.replace("100000", "100001")).is_none());
        assert!(PasswordHash::decode(&format!("{s}$extra")).is_none());
    }

    fn at(secs: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_800_000_000 + secs, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn throttle_refuses_after_max_attempts_until_the_window_ends() {
        let t = Throttle {
            max: 3,
            window: Duration::minutes(15),
        };
        let mut w = None;
        for i in 0..3 {
            assert!(t.check(w, at(i)).is_ok());
            w = Some(t.record(w, at(i)));
        }
        assert_eq!(
            t.check(w, at(10)),
            Err(DomainError::RateLimited {
                retry_after_secs: 890
            })
        );
        assert!(
            t.check(w, at(900)).is_ok(),
            "a new window starts after 15 minutes"
        );
        assert_eq!(t.record(w, at(900)).count, 1);
    }

    #[test]
    fn sessions_expire_at_their_deadline() {
        let s = SessionRecord::new(
            MemberId::from_trusted("mbr_x"),
            at(0),
            Duration::seconds(60),
        );
        assert!(s.is_live(at(59)));
        assert!(!s.is_live(at(60)));
    }

    proptest! {
        #[test]
        fn hex_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            prop_assert_eq!(unhex(&hex(&bytes)), Some(bytes));
        }

        #[test]
        fn generated_invite_codes_are_valid(random in any::<[u8; 8]>()) {
            let code = invite_code_from_random(random);
            prop_assert_eq!(normalize_invite_code(&display_invite_code(&code).to_lowercase()), Ok(code));
        }
    }
}
