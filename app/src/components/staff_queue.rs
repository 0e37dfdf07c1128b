use leptos::prelude::*;
use yishi_core::api::requests::RequestCounts;
use yishi_core::api::routes::ListRequests;

use crate::api::{self, Query};
use crate::i18n::{Msg, fill, use_i18n};

/// What the queue card counts: her units' open requests if she handles any, else those of the places
/// she dispatches (the list `/requests` opens on). `None` when nothing waits.
fn waiting(n: &RequestCounts) -> Option<(u32, u32)> {
    if n.handling > 0 {
        Some((n.handling, n.handling_overdue))
    } else if n.all > 0 {
        Some((n.all, n.all_overdue))
    } else {
        None
    }
}

/// In the office, on the home screen and the office hub: "待我处理的诉求" with how many are open and
/// how many overdue, one tap to the queue (nothing when nothing waits).
#[component]
pub fn StaffQueue() -> impl IntoView {
    let i18n = use_i18n();
    let counts = LocalResource::new(move || {
        // One row is enough: every answer carries the counts of each of her lists.
        let query = Query::new().set("limit", "1");
        async move { api::send_query(i18n.lang_untracked(), &ListRequests {}, &query, &()).await }
    });
    view! {
        <Transition>
            {move || Suspend::new(async move {
                counts.await.ok().and_then(|list| waiting(&list.counts)).map(|(open, overdue)| {
                    view! {
                        <section class="now" aria-labelledby="staff-queue-heading">
                            <h2 id="staff-queue-heading">{i18n.text(Msg::QueueHeading)}</h2>
                            <ul class="card-links" role="list">
                                <li>
                                    <a href="/requests">
                                        <span class="card-title">
                                            {fill(i18n.lang(), Msg::OpenCount, &[("n", &open.to_string())])}
                                        </span>
                                        {(overdue > 0).then(|| view! {
                                            <span class="card-meta overdue">
                                                {fill(i18n.lang(), Msg::OverdueCount, &[("n", &overdue.to_string())])}
                                            </span>
                                        })}
                                    </a>
                                </li>
                            </ul>
                        </section>
                    }
                })
            })}
        </Transition>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(handling: u32, handling_overdue: u32, all: u32, all_overdue: u32) -> RequestCounts {
        RequestCounts {
            mine: 0,
            handling,
            handling_overdue,
            all,
            all_overdue,
        }
    }

    #[test]
    fn her_units_first_then_the_places_she_dispatches_and_nothing_when_nothing_waits() {
        assert_eq!(waiting(&counts(3, 1, 9, 4)), Some((3, 1)));
        assert_eq!(waiting(&counts(0, 0, 9, 4)), Some((9, 4)));
        assert_eq!(waiting(&counts(0, 0, 0, 0)), None);
    }
}
