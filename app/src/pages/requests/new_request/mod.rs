mod report_form;

use leptos::prelude::*;

use super::catalogue_resource;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};
use crate::session::member_resource;

use report_form::ReportForm;

/// `/requests/new`: a resident reports a trouble; staff register a call or a visit for a resident.
#[component]
pub fn NewRequestPage() -> impl IntoView {
    let i18n = use_i18n();
    let me = member_resource();
    let catalogue = catalogue_resource();
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::ReportHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/requests">{i18n.text(Msg::RequestsHeading)}</a>
            </p>
            <h1>{i18n.text(Msg::ReportHeading)}</h1>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match (me.await, catalogue.await) {
                        (Ok(member), Ok(catalogue)) => {
                            view! { <ReportForm member=member catalogue=catalogue /> }.into_any()
                        }
                        (Err(e), _) | (_, Err(e)) => {
                            view! { <ErrorView error=e on_retry=move |()| catalogue.refetch() /> }.into_any()
                        }
                    }
                })}
            </Transition>
        </AppShell>
    }
}
