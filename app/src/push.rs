//! This phone's Web Push subscription, the browser's side: whether push can work here, asking for the
//! permission, subscribing with the server's key, unsubscribing. The server's side (keeping the
//! subscription, sending) is reached through [`crate::api`] (`PushStatus`, `SubscribePush`,
//! `UnsubscribePush`); what the phone shows when a push arrives is `app/sw.js`'s.
//!
//! Every browser API is looked for before it is called: a phone without push (an old browser, a WebView,
//! an iPhone's Safari outside the home screen) lacks `PushManager` or `Notification` altogether, and
//! calling into a missing class would stop the app.

use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Notification, NotificationPermission, PushManager, PushSubscription,
    PushSubscriptionOptionsInit, ServiceWorkerRegistration,
};
use yishi_core::api::notifications::PushSubscriptionRequest;

/// How long the service worker may take to be ready before subscribing gives up.
const READY_WAIT_MS: i32 = 10_000;

/// Why this phone does not receive push; each is said to her in plain words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trouble {
    /// The browser has no Web Push (an old browser, a WebView inside another app).
    Unsupported,
    /// An iPhone or iPad: push works only once 议事 is added to the home screen and opened from there.
    AddToHomeScreen,
    /// Notifications for this site are blocked in the browser's settings.
    Denied,
    /// She closed the browser's question without allowing: she may be asked again.
    NotAllowed,
    /// The browser or its push service did not subscribe (no network, no push service on the phone).
    Failed,
    /// The server sends no push (no key set).
    ServerOff,
}

/// Why push cannot work in this browser at all, found without asking her anything; `None` when it may.
#[must_use]
pub fn unsupported() -> Option<Trouble> {
    let window = web_sys::window()?;
    let navigator = window.navigator();
    let has =
        |object: &JsValue, name: &str| Reflect::has(object, &JsValue::from_str(name)) == Ok(true);
    if has(&window, "PushManager")
        && has(&window, "Notification")
        && has(&navigator, "serviceWorker")
    {
        return None;
    }
    let agent = navigator.user_agent().unwrap_or_default();
    // iPadOS says "Macintosh"; only its touch screen tells it from a Mac.
    let apple_touch = ["iPhone", "iPad", "iPod"].iter().any(|d| agent.contains(d))
        || (agent.contains("Macintosh") && navigator.max_touch_points() > 1);
    Some(if apple_touch {
        Trouble::AddToHomeScreen
    } else {
        Trouble::Unsupported
    })
}

/// Whether notifications for this site are blocked (she must change it in the browser's settings).
#[must_use]
pub fn denied() -> bool {
    unsupported().is_none() && Notification::permission() == NotificationPermission::Denied
}

/// This browser's subscription, if it has one.
pub async fn current() -> Option<PushSubscription> {
    if unsupported().is_some() {
        return None;
    }
    let container = web_sys::window()?.navigator().service_worker();
    let registration = JsFuture::from(container.get_registration()).await.ok()?;
    let manager = registration
        .dyn_into::<ServiceWorkerRegistration>()
        .ok()?
        .push_manager()
        .ok()?;
    subscription_of(&manager).await
}

async fn subscription_of(manager: &PushManager) -> Option<PushSubscription> {
    let found = JsFuture::from(manager.get_subscription().ok()?)
        .await
        .ok()?;
    // Not checked with `instanceof`: what the browser gives is taken as the subscription it is.
    (!found.is_null() && !found.is_undefined()).then(|| found.unchecked_into())
}

/// Asks for the permission (the browser's own question, once), then subscribes this browser with the
/// server's key (`public_key`, base64url): the subscription as the server takes it.
pub async fn subscribe(public_key: &str) -> Result<PushSubscriptionRequest, Trouble> {
    if let Some(trouble) = unsupported() {
        return Err(trouble);
    }
    let asked = Notification::request_permission().map_err(|_| Trouble::Failed)?;
    let answer = JsFuture::from(asked).await.map_err(|_| Trouble::Failed)?;
    match answer.as_string().as_deref() {
        Some("granted") => {}
        Some("denied") => return Err(Trouble::Denied),
        _ => return Err(Trouble::NotAllowed),
    }
    let key = decode_base64url(public_key).ok_or(Trouble::ServerOff)?;
    let manager = ready()
        .await?
        .push_manager()
        .map_err(|_| Trouble::Unsupported)?;
    let options = PushSubscriptionOptionsInit::new();
    options.set_user_visible_only(true);
    options.set_application_server_key(&Uint8Array::from(key.as_slice()).into());
    let subscription = match try_subscribe(&manager, &options).await {
        Ok(s) => s,
        Err(_) => {
            // A subscription made with another key (the server's key changed) is in the way: drop it
            // and try once more.
            let old = subscription_of(&manager).await.ok_or(Trouble::Failed)?;
            drop_subscription(&old).await;
            try_subscribe(&manager, &options)
                .await
                .map_err(|_| Trouble::Failed)?
        }
    };
    // `JSON.stringify` calls the subscription's own `toJSON()`: `{endpoint, keys: {p256dh, auth}}`.
    let json = js_sys::JSON::stringify(&subscription).map_err(|_| Trouble::Failed)?;
    crate::api::decode(&String::from(json)).ok_or(Trouble::Failed)
}

async fn try_subscribe(
    manager: &PushManager,
    options: &PushSubscriptionOptionsInit,
) -> Result<JsValue, JsValue> {
    JsFuture::from(manager.subscribe_with_options(options)?).await
}

/// The active service worker's registration, or `Failed` if it is not ready in time.
async fn ready() -> Result<ServiceWorkerRegistration, Trouble> {
    let window = web_sys::window().ok_or(Trouble::Unsupported)?;
    let ready = window
        .navigator()
        .service_worker()
        .ready()
        .map_err(|_| Trouble::Unsupported)?;
    let timeout = Promise::new(&mut |resolve, _| {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, READY_WAIT_MS);
    });
    let first = JsFuture::from(Promise::race(&Array::of2(&ready, &timeout)))
        .await
        .map_err(|_| Trouble::Failed)?;
    first.dyn_into().map_err(|_| Trouble::Failed)
}

/// Unsubscribes this browser, if it is subscribed (signing out, or turning push off); nothing else.
pub async fn unsubscribe() {
    if let Some(subscription) = current().await {
        drop_subscription(&subscription).await;
    }
}

async fn drop_subscription(subscription: &PushSubscription) {
    if let Ok(done) = subscription.unsubscribe() {
        let _ = JsFuture::from(done).await;
    }
}

/// Base64url (RFC 4648 §5), padded or not, to bytes; `None` for anything else.
#[must_use]
pub fn decode_base64url(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    let (mut buffer, mut bits) = (0_u32, 0_u32);
    for c in text.bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push(((buffer >> bits) & 0xff) as u8);
        }
    }
    // A lone trailing character (6 bits) cannot end a valid encoding.
    (bits < 6).then_some(bytes)
}

#[cfg(test)]
mod tests {
    use super::decode_base64url;

    #[test]
    fn base64url_decodes_with_or_without_padding_and_refuses_other_alphabets() {
        assert_eq!(decode_base64url("").as_deref(), Some(&b""[..]));
        assert_eq!(decode_base64url("Zg").as_deref(), Some(&b"f"[..]));
        assert_eq!(decode_base64url("Zg==").as_deref(), Some(&b"f"[..]));
        assert_eq!(
            decode_base64url("Zm9vYmFy").as_deref(),
            Some(&b"foobar"[..])
        );
        assert_eq!(decode_base64url("-_8").as_deref(), Some(&[0xfb, 0xff][..]));
        assert_eq!(decode_base64url("+/8"), None);
        assert_eq!(decode_base64url("Zm9vY"), None);
    }

    #[test]
    fn a_vapid_public_key_decodes_to_an_uncompressed_p256_point() {
        // RFC 8291's example application server public key.
        let key = decode_base64url(
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8",
        );
        assert_eq!(key.as_ref().map(Vec::len), Some(65));
        assert_eq!(key.and_then(|k| k.first().copied()), Some(0x04));
    }
}
