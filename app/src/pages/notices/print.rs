use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use yishi_core::api::routes::GetNotice;
use yishi_core::ids::NoticeId;

use super::{category_label, period_label};
use crate::api;
use crate::components::{DocumentTitle, ErrorView, Loading, QrCode, RichText};
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// `/notices/:id/print`: the paper notice for the board downstairs, on A4: the full text, the dates, the
/// publication period, and a QR code that opens the online record (where residents read the objections
/// and file their own).
#[component]
pub fn NoticePrintPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let notice = LocalResource::new(move || {
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        async move {
            let id = api::found(NoticeId::parse(&id))?;
            api::get(i18n.lang_untracked(), &GetNotice { id })
                .await
                .map(|a| a.notice)
        }
    });
    let origin = window().location().origin().unwrap_or_default();
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::PrintLink).to_owned()) />
        <main class="print-page">
            <Transition fallback=|| view! { <Loading /> }>
                {move || {
                    let origin = origin.clone();
                    Suspend::new(async move {
                        match notice.await {
                            Ok(n) => {
                                let url = format!("{origin}/notices/{}", n.id);
                                let number = n.number.to_string();
                                let period = n.period_state.zip(n.period_ends_at).map(|(state, ends)| {
                                    let (end, ends) = (ends, local_datetime(&ends));
                                    // On paper, the period's dates from publication to its end.
                                    let (from, to) = (local_datetime(&n.published_at), ends.clone());
                                    view! {
                                        <p class="print-period">
                                            {move || fill(i18n.lang(), Msg::PeriodFromTo, &[("from", &from), ("to", &to)])}
                                        </p>
                                        <p class="print-period">{move || fill(i18n.lang(), period_label(state), &[("time", &ends), ("left", &super::time_left(i18n.lang(), end))])}</p>
                                    }
                                });
                                view! {
                                    <p class="no-print">
                                        <button type="button" class="button primary" on:click=move |_| { let _ = window().print(); }>
                                            {i18n.text(Msg::PrintButton)}
                                        </button>
                                    </p>
                                    <article class="print-sheet">
                                        <p class="print-kind">
                                            {i18n.text(category_label(n.category))}" · "
                                            <span class="print-number">{move || fill(i18n.lang(), Msg::NoticeNumbered, &[("n", &number)])}</span>
                                        </p>
                                        <h1>{n.title.clone()}</h1>
                                        <RichText text=n.body.clone() />
                                        <p class="print-from">{n.author_name.clone()}" · "{n.scope_name.clone()}</p>
                                        <p class="print-from">{local_datetime(&n.published_at)}</p>
                                        {period}
                                        <div class="print-qr">
                                            <QrCode text=url.clone() label=i18n.t(Msg::PrintScan) />
                                            <p>{i18n.text(Msg::PrintScan)}</p>
                                            <p class="print-url">{url}</p>
                                        </div>
                                    </article>
                                }
                                    .into_any()
                            }
                            Err(e) => view! { <ErrorView error=e /> }.into_any(),
                        }
                    })
                }}
            </Transition>
        </main>
    }
}
