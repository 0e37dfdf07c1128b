use leptos::prelude::*;
use yishi_core::api::requests::RequestView;

use super::super::catalogue_resource;
use super::dispatch_panel::DispatchPanel;
use super::handler_panel::HandlerPanel;
use crate::changes::Change;

/// The unit's panel (accept, start, resolve, return) and staff's (send on, merge, split), with the units
/// and kinds of the catalogue their forms name (office app).
#[component]
pub(super) fn OfficePanels(r: RequestView, change: Change) -> impl IntoView {
    let catalogue = catalogue_resource();
    view! {
        {r.can.handle.then(|| view! { <HandlerPanel r=r.clone() change=change catalogue=catalogue /> })}
        {(r.can.dispatch && r.status.is_open()).then(|| view! { <DispatchPanel r=r.clone() change=change catalogue=catalogue /> })}
    }
}
