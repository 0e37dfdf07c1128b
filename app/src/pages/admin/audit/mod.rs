mod audit_item;

use leptos::prelude::*;
use yishi_core::api::audit::AuditEntryView;
use yishi_core::api::routes::Audit;

use crate::api::{self, ApiError, Query};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

use audit_item::AuditItem;

/// `/admin/audit`: staff actions and acts on behalf within the reader's scope, newest first.
#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let entries = RwSignal::new(Vec::<AuditEntryView>::new());
    let cursor = RwSignal::new(None::<String>);
    let first = LocalResource::new(move || async move {
        let page = api::get(i18n.lang_untracked(), &Audit {}).await?;
        entries.set(page.entries);
        cursor.set(page.next_cursor);
        Ok::<_, ApiError>(())
    });
    let more = Action::new_local(move |(): &()| async move {
        let query = Query::new().maybe("cursor", cursor.get_untracked());
        if let Ok(page) = api::send_query(i18n.lang_untracked(), &Audit {}, &query, &()).await {
            entries.update(|e| e.extend(page.entries));
            cursor.set(page.next_cursor);
        }
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::AuditHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/admin">{i18n.text(Msg::BackToAdmin)}</a>
            </p>
            <h1>{i18n.text(Msg::AuditHeading)}</h1>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match first.await {
                        Ok(()) => {
                            view! {
                                <ul class="member-list">
                                    <For each=move || entries.get() key=|e| e.id.clone() let:entry>
                                        <AuditItem entry=entry />
                                    </For>
                                </ul>
                                {move || entries.with(Vec::is_empty).then(|| view! { <p class="empty">{i18n.text(Msg::NoEntries)}</p> })}
                                {move || {
                                    cursor
                                        .get()
                                        .is_some()
                                        .then(|| {
                                            view! {
                                                <button type="button" class="button secondary" on:click=move |_| {
                                                    more.dispatch(());
                                                }>{i18n.text(Msg::LoadMore)}</button>
                                            }
                                        })
                                }}
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| first.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
