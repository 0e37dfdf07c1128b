use leptos::prelude::*;
use yishi_core::api::meetings::{LiveMotion, MeetingLive};

use super::figure::Figure;
use super::meter::Meter;
use super::rolling::Rolling;
use crate::components::tally::{outcome_label, result_bars};
use crate::i18n::{Msg, fill, use_i18n};

/// The motion on the wall: its title, how many of its voters have voted (big, and on a bar), the result
/// bars when the result is shown, and the verdict once closed. Drawn once per motion and moved by each new
/// count, so that the bars glide and the numbers roll instead of being drawn again.
#[component]
pub(super) fn ScreenMotion(live: RwSignal<MeetingLive>) -> impl IntoView {
    let i18n = use_i18n();
    let read = move |f: fn(&LiveMotion) -> u64| {
        Signal::derive(move || live.with(|l| l.motion.as_ref().map_or(0, f)))
    };
    let (cast, voters) = (read(|m| m.participated), read(|m| m.voters));
    let count = Signal::derive(move || {
        fill(
            i18n.lang(),
            Msg::MotionCount,
            &[
                ("cast", &cast.get().to_string()),
                ("voters", &voters.get().to_string()),
            ],
        )
    });
    // Each bar against the voters (or the counts' total, when weights or several choices pass it), so
    // that the bars grow as the ballots come.
    let bars = Memo::new(move |_| {
        live.with(|l| {
            l.motion.as_ref().map_or_else(Vec::new, |m| {
                let mut bars = result_bars(m, i18n.lang());
                for bar in &mut bars {
                    bar.2 = bar.2.max(m.voters);
                }
                bars
            })
        })
    });
    let rows = Memo::new(move |_| bars.with(Vec::len));
    let outcome = Memo::new(move |_| live.with(|l| l.motion.as_ref().and_then(outcome_label)));
    let title = live.with_untracked(|l| l.motion.as_ref().map(|m| m.title.clone()));
    view! {
        <div class="screen-motion">
            <div class="screen-motion-head">
                <h3>{title}</h3>
                {move || outcome.get().map(|m| view! { <p class="screen-outcome">{i18n.text(m)}</p> })}
            </div>
            <div class="screen-gauge">
                <Figure label=Msg::ScreenCastFigure value=cast of=voters />
                <Meter value=cast max=voters label=count />
                <p class="screen-count">{count}</p>
            </div>
            {move || match rows.get() {
                0 => view! { <p class="screen-hint">{i18n.text(Msg::MotionResultLater)}</p> }.into_any(),
                n => view! {
                    <ul class="screen-bars" style=format!("--rows: {n}")>
                        {(0..n).map(|i| {
                            let bar = move || bars.with(|b| b.get(i).cloned().unwrap_or_default());
                            let value = Signal::derive(move || bar().1);
                            let label = Signal::derive(move || {
                                let (label, n, _) = bar();
                                format!("{label} {}", fill(i18n.lang(), Msg::Votes, &[("count", &n.to_string())]))
                            });
                            view! {
                                <li>
                                    <span class="bar-label">{move || bar().0}</span>
                                    <Meter value=value max=Signal::derive(move || bar().2) label=label />
                                    <span class="bar-count"><Rolling value=value /></span>
                                </li>
                            }
                        }).collect::<Vec<_>>()}
                    </ul>
                }.into_any(),
            }}
        </div>
    }
}
