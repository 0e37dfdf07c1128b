use leptos::prelude::*;
use yishi_core::api::requests::{ChangeRequest, RequestAction, RequestView, SplitRequest};
use yishi_core::api::routes::{ChangeRequestStatus, SplitRequestOff};
use yishi_core::i18n::Term;
use yishi_core::requests::Status;

use super::super::Catalogue;
use super::unit_options;
use crate::changes::Change;
use crate::components::TermHelp;
use crate::i18n::{Msg, use_i18n};

/// What staff do: send a returned request on, merge a duplicate, split off a second trouble.
#[component]
pub(super) fn DispatchPanel(r: RequestView, change: Change, catalogue: Catalogue) -> impl IntoView {
    let i18n = use_i18n();
    let unit = RwSignal::new(
        r.returned_to
            .as_ref()
            .map(|u| u.id.to_string())
            .unwrap_or_default(),
    );
    let into = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let sub = RwSignal::new(String::new());
    let part = RwSignal::new(String::new());
    let returned = r.status == Status::Returned;
    let move_on = StoredValue::new(ChangeRequestStatus { id: r.id.clone() });
    let act = move |body: ChangeRequest| move_on.with_value(|e| change.send(e, &body));
    let split = SplitRequestOff { id: r.id };
    view! {
        <section class="staff-panel" aria-labelledby="dispatch-heading">
            <h2 id="dispatch-heading">{i18n.text(Msg::DispatchHeading)}</h2>
            {returned.then(|| view! {
                <form class="form" on:submit=move |ev| {
                    ev.prevent_default();
                    act(ChangeRequest {
                        unit: Some(unit.get_untracked()),
                        note: note.get_untracked(),
                        ..ChangeRequest::new(RequestAction::Reroute)
                    });
                }>
                    <div class="field">
                        <label for="reroute-unit">{i18n.text(Msg::RightUnit)}</label>
                        <select id="reroute-unit" prop:value=move || unit.get() on:change=move |ev| unit.set(event_target_value(&ev))>
                            {unit_options(catalogue, String::new())}
                        </select>
                    </div>
                    <button type="submit" class="button primary">{i18n.text(Msg::RerouteRequest)}</button>
                </form>
            })}
            <form class="form" on:submit=move |ev| {
                ev.prevent_default();
                act(ChangeRequest {
                    into: Some(into.get_untracked().trim().to_owned()),
                    note: note.get_untracked(),
                    ..ChangeRequest::new(RequestAction::Merge)
                });
            }>
                <h3>{i18n.text(Msg::MergeHeading)}</h3>
                <p class="terms"><TermHelp term=Term::MergeRequests /></p>
                <div class="field">
                    <label for="merge-into">{i18n.text(Msg::MergeInto)}</label>
                    <p class="hint" id="merge-into-hint">{i18n.text(Msg::MergeIntoHint)}</p>
                    <input id="merge-into" type="text" inputmode="numeric" autocomplete="off"
                        aria-describedby="merge-into-hint" bind:value=into />
                </div>
                <div class="field">
                    <label for="merge-note">{i18n.text(Msg::NoteLabel)}</label>
                    <input id="merge-note" type="text" autocomplete="off" bind:value=note />
                </div>
                <button type="submit" class="button secondary">{i18n.text(Msg::MergeRequest)}</button>
            </form>
            <form class="form" on:submit=move |ev| {
                ev.prevent_default();
                change.send(&split, &SplitRequest { subcategory: sub.get_untracked(), description: part.get_untracked() });
            }>
                <h3>{i18n.text(Msg::SplitHeading)}</h3>
                <div class="field">
                    <label for="split-sub">{i18n.text(Msg::SubcategoryLabel)}</label>
                    <select id="split-sub" on:change=move |ev| sub.set(event_target_value(&ev))>
                        <option value="">{i18n.text(Msg::ChooseScope)}</option>
                        <Transition fallback=|| ()>
                            {move || Suspend::new(async move {
                                catalogue.await.ok().map(|c| c.categories.into_iter().flat_map(|c| c.subcategories).filter(|s| s.active)
                                    .map(|s| view! { <option value=s.id.to_string()>{s.name.clone()}</option> })
                                    .collect::<Vec<_>>())
                            })}
                        </Transition>
                    </select>
                </div>
                <div class="field">
                    <label for="split-text">{i18n.text(Msg::SplitPart)}</label>
                    <textarea id="split-text" rows="2" bind:value=part></textarea>
                </div>
                <button type="submit" class="button secondary">{i18n.text(Msg::SplitRequest)}</button>
            </form>
        </section>
    }
}
