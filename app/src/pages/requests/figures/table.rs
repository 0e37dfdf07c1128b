use leptos::prelude::*;
use yishi_core::api::requests::FigureRow;

use super::{duration_text, percent};
use crate::i18n::{Msg, use_i18n};

#[component]
pub(super) fn Table(heading: Msg, rows: Vec<FigureRow>) -> impl IntoView {
    let i18n = use_i18n();
    let max = rows
        .iter()
        .map(|r| r.figures.received)
        .max()
        .unwrap_or(1)
        .max(1);
    let body = rows
        .into_iter()
        .map(|r| {
            let f = r.figures;
            let avg = f.avg_handling_seconds;
            let p90 = f.p90_handling_seconds;
            view! {
                <tr>
                    <th scope="row">{r.name}</th>
                    <td data-label=i18n.text(Msg::FigReceived)><progress max=max value=f.received></progress>" "{f.received}</td>
                    <td data-label=i18n.text(Msg::FigCompletion)><progress max="100" value=(f.completion_rate * 100.0).round()></progress>" "{percent(f.completion_rate)}</td>
                    <td data-label=i18n.text(Msg::FigAverage)>{move || avg.map(|s| duration_text(i18n.lang(), s)).unwrap_or_else(|| "—".into())}</td>
                    <td data-label=i18n.text(Msg::FigP90)>{move || p90.map(|s| duration_text(i18n.lang(), s as f64)).unwrap_or_else(|| "—".into())}</td>
                    <td data-label=i18n.text(Msg::FigOverdue)>{f.overdue}" ("{percent(f.overdue_rate)}")"</td>
                    <td data-label=i18n.text(Msg::FigRating)>{f.avg_stars.map(|s| format!("{s:.2}")).unwrap_or_else(|| "—".into())}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let id = if heading == Msg::ByUnit {
        "by-unit-heading"
    } else {
        "by-category-heading"
    };
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{i18n.text(heading)}</h2>
            // A table on a desk; on a phone each row is a card whose cells name their column (`data-label`).
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby=id>
                <table class="figures-table cards">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.text(heading)}</th>
                            <th scope="col">{i18n.text(Msg::FigReceived)}</th>
                            <th scope="col">{i18n.text(Msg::FigCompletion)}</th>
                            <th scope="col">{i18n.text(Msg::FigAverage)}</th>
                            <th scope="col">{i18n.text(Msg::FigP90)}</th>
                            <th scope="col">{i18n.text(Msg::FigOverdue)}</th>
                            <th scope="col">{i18n.text(Msg::FigRating)}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}
