//! Display preferences kept on the device (localStorage): the language (see [`crate::i18n`]) and large type.

use leptos::prelude::*;

const LARGE_TYPE_KEY: &str = "yishi.large_type";
/// Class set on `<html>` while large type is on; `styles.css` scales everything from the root font size.
const LARGE_TYPE_CLASS: &str = "large-type";

fn storage() -> Option<web_sys::Storage> {
    // Private browsing or a locked-down WebView may refuse storage; preferences then last for the visit.
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Reads a stored preference.
#[must_use]
pub fn load(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Stores a preference; silently does nothing when storage is unavailable or full.
pub fn store(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// Forgets a stored value.
pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Whether large type ("大字模式") is on.
#[derive(Clone, Copy, Debug)]
pub struct LargeType(RwSignal<bool>);

impl LargeType {
    #[must_use]
    pub fn get(self) -> bool {
        self.0.get()
    }

    pub fn toggle(self) {
        self.set(!self.0.get_untracked());
    }

    pub fn set(self, on: bool) {
        self.0.set(on);
        store(LARGE_TYPE_KEY, if on { "1" } else { "0" });
    }
}

/// Provides the large-type context from the stored choice and keeps the root class in step.
pub fn provide_large_type_context() -> LargeType {
    let large = LargeType(RwSignal::new(load(LARGE_TYPE_KEY).as_deref() == Some("1")));
    Effect::new(move |_| {
        let on = large.get();
        if let Some(root) = document().document_element() {
            let classes = root.class_list();
            let _ = if on {
                classes.add_1(LARGE_TYPE_CLASS)
            } else {
                classes.remove_1(LARGE_TYPE_CLASS)
            };
        }
    });
    provide_context(large);
    large
}

#[must_use]
pub fn use_large_type() -> LargeType {
    use_context::<LargeType>().unwrap_or_else(|| LargeType(RwSignal::new(false)))
}
