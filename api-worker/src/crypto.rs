//! Web Crypto, native to the Workers runtime: random bytes, SHA-256 and PBKDF2 (slow, salted password
//! hashing that costs little of the Worker's own CPU time).

use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Crypto, CryptoKey, SubtleCrypto, WorkerGlobalScope};
use yishi_core::auth::{HASH_LEN, PasswordHash, SALT_LEN};

use crate::error::{ApiError, ApiResult};

fn js(e: JsValue) -> ApiError {
    ApiError::internal(format!("crypto: {e:?}"))
}

fn crypto() -> ApiResult<Crypto> {
    js_sys::global()
        .unchecked_into::<WorkerGlobalScope>()
        .crypto()
        .map_err(js)
}

fn subtle() -> ApiResult<SubtleCrypto> {
    Ok(crypto()?.subtle())
}

pub fn random_bytes<const N: usize>() -> ApiResult<[u8; N]> {
    let mut bytes = [0u8; N];
    crypto()?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(js)?;
    Ok(bytes)
}

pub async fn sha256(data: &[u8]) -> ApiResult<Vec<u8>> {
    let promise = subtle()?
        .digest_with_str_and_u8_array("SHA-256", data)
        .map_err(js)?;
    let buffer: ArrayBuffer = JsFuture::from(promise).await.map_err(js)?.unchecked_into();
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// A fresh secret of `N` random bytes, as hex (a session token, an Open311 key).
pub fn random_token<const N: usize>() -> ApiResult<String> {
    Ok(yishi_core::auth::hex(&random_bytes::<N>()?))
}

/// What is stored of a secret token: the hex of its SHA-256, never the token itself.
pub async fn token_hash(token: &str) -> ApiResult<String> {
    Ok(yishi_core::auth::hex(&sha256(token.as_bytes()).await?))
}

async fn pbkdf2(password: &str, salt: &[u8], iterations: u32) -> ApiResult<Vec<u8>> {
    let subtle = subtle()?;
    let usages = Array::of1(&JsValue::from_str("deriveBits"));
    let key_data = Uint8Array::from(password.as_bytes());
    let key: CryptoKey = JsFuture::from(
        subtle
            .import_key_with_str("raw", &key_data, "PBKDF2", false, &usages)
            .map_err(js)?,
    )
    .await
    .map_err(js)?
    .unchecked_into();
    let params = Object::new();
    for (k, v) in [
        ("name", JsValue::from_str("PBKDF2")),
        ("hash", JsValue::from_str("SHA-256")),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", JsValue::from(iterations)),
    ] {
        Reflect::set(&params, &JsValue::from_str(k), &v).map_err(js)?;
    }
    let bits = u32::try_from(HASH_LEN * 8).map_err(|e| ApiError::internal(e.to_string()))?;
    let buffer: ArrayBuffer = JsFuture::from(
        subtle
            .derive_bits_with_object(&params, &key, bits)
            .map_err(js)?,
    )
    .await
    .map_err(js)?
    .unchecked_into();
    Ok(Uint8Array::new(&buffer).to_vec())
}

pub async fn hash_password(password: &str, iterations: u32) -> ApiResult<String> {
    let salt = random_bytes::<SALT_LEN>()?.to_vec();
    let hash = pbkdf2(password, &salt, iterations).await?;
    Ok(PasswordHash {
        iterations,
        salt,
        hash,
    }
    .encode())
}

/// Whether `password` matches the stored hash. A malformed stored hash never matches.
pub async fn verify_password(password: &str, stored: &str) -> ApiResult<bool> {
    let Some(stored) = PasswordHash::decode(stored) else {
        return Ok(false);
    };
    let derived = pbkdf2(password, &stored.salt, stored.iterations).await?;
    Ok(stored.matches(&derived))
}

/// Spends the same effort as a real verification, so that an unknown phone number takes as long to
/// refuse as a wrong password.
pub async fn burn_verification(password: &str, iterations: u32) -> ApiResult<()> {
    pbkdf2(password, &[0u8; SALT_LEN], iterations)
        .await
        .map(|_| ())
}
