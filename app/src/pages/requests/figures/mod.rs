mod summary;
mod table;

use chrono::{Duration, NaiveDate};
use leptos::prelude::*;
use yishi_core::api::routes::RequestFigures;
use yishi_core::requests::china_date;

use crate::api::{self, Query};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::format::now;
use crate::i18n::{Msg, fill, use_i18n};

use summary::Summary;
use table::Table;

/// `/requests/figures`: per unit and per category, for a chosen period: received, completion rate,
/// average and 90th-percentile handling time, overdue, average rating; as bars and as a spreadsheet.
#[component]
pub fn FiguresPage() -> impl IntoView {
    let i18n = use_i18n();
    let today = china_date(now());
    let to = RwSignal::new(today.to_string());
    let from = RwSignal::new((today - Duration::days(29)).to_string());
    let query = move || Query::new().set("from", from.get()).set("to", to.get());
    let figures = LocalResource::new(move || {
        let query = query();
        async move { api::send_query(i18n.lang_untracked(), &RequestFigures {}, &query, &()).await }
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::FiguresHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/requests">{i18n.text(Msg::RequestsHeading)}</a>
            </p>
            <h1>{i18n.text(Msg::FiguresHeading)}</h1>
            <div class="field inline">
                <label for="figures-from">{i18n.text(Msg::PeriodFrom)}</label>
                <input id="figures-from" type="date" prop:value=move || from.get()
                    on:change=move |ev| { let v = event_target_value(&ev); if v.parse::<NaiveDate>().is_ok() { from.set(v); } } />
                <label for="figures-to">{i18n.text(Msg::PeriodTo)}</label>
                <input id="figures-to" type="date" prop:value=move || to.get()
                    on:change=move |ev| { let v = event_target_value(&ev); if v.parse::<NaiveDate>().is_ok() { to.set(v); } } />
            </div>
            <p class="button-row">
                <a class="button secondary" href=move || api::url(&RequestFigures {}, &query().set("format", "csv")) download="request-figures.csv">
                    {i18n.text(Msg::ExportCsv)}
                </a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match figures.await {
                        Ok(f) => view! {
                            <Summary f=f.total.clone() />
                            <Table heading=Msg::ByUnit rows=f.by_unit />
                            <Table heading=Msg::ByCategory rows=f.by_category />
                        }
                        .into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| figures.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}

fn percent(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

/// Hours, or days past two days: 「5.2 小时」「3.3 天」.
fn duration_text(lang: yishi_core::Lang, seconds: f64) -> String {
    let hours = seconds / 3600.0;
    if hours >= 48.0 {
        fill(lang, Msg::DaysN, &[("n", &format!("{:.1}", hours / 24.0))])
    } else {
        fill(lang, Msg::HoursN, &[("n", &format!("{hours:.1}"))])
    }
}
