use leptos::prelude::*;
use yishi_core::api::routes::{ListMeetings, ListNotices, PostableScopes};
use yishi_core::api::territory::PostableScopesResponse;

use super::NoticeCards;
use crate::api::{self, ApiError, Query};
use crate::components::{
    AppShell, ConfirmRequests, DocumentTitle, ErrorView, Greeting, LiveMeetings, Loading,
    MattersTeaser, OfficeLink, UpcomingMeetings, WaitingVotes,
};
use crate::i18n::{Msg, use_i18n};
use crate::offline;
use crate::session::member_resource;

/// How many of the newest notices the home screen shows (the pinned ones come on top); the rest are
/// under 公告.
const NEWEST: u32 = 4;

/// `/` (首页): the greeting with "我要反映"; what concerns her now (a vote waiting for her, a meeting in
/// session, a request waiting for her confirmation); the newest notices; then the rest (meetings to
/// come, matters). Compact, and no section when it has nothing. Sends a visitor who is not signed in to
/// `/login`.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();

    // Started together: on a slow network one round trip is all the member waits for.
    let me = member_resource();
    let notices = LocalResource::new(move || {
        let query = Query::new().set("limit", NEWEST.to_string());
        async move { api::send_query(i18n.lang_untracked(), &ListNotices {}, &query, &()).await }
    });
    let meetings = LocalResource::new(move || api::get(i18n.lang_untracked(), &ListMeetings {}));
    let postable = LocalResource::new(move || api::get(i18n.lang_untracked(), &PostableScopes {}));

    // Members with at least one place to post to see "发布公告"; a failure here just hides the link.
    let may_post = |answer: Result<PostableScopesResponse, ApiError>| {
        answer.is_ok_and(|scopes| !scopes.communities.is_empty())
    };

    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::TabHome).to_owned()) />
        <AppShell signed_in=true>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(member) => {
                            // In the office, what waits for staff comes first: one tap to the queue.
                            #[cfg(feature = "office")]
                            let queue = view! { <crate::components::StaffQueue /> };
                            #[cfg(not(feature = "office"))]
                            let queue = ();
                            view! {
                                <Greeting member=member />
                                {queue}
                                <WaitingVotes at_most=1 />
                                <LiveMeetings meetings=meetings />
                                <ConfirmRequests />
                                <section class="notices home-notices" aria-labelledby="notices-heading">
                                    <div class="section-head">
                                        <h2 id="notices-heading">{i18n.text(Msg::NoticesHeading)}</h2>
                                        // Its own boundary, so that the list does not wait for it.
                                        <Transition>
                                            {move || Suspend::new(async move {
                                                may_post(postable.await)
                                                    .then(|| {
                                                        view! {
                                                            <OfficeLink class="button secondary" href="/meetings/new">
                                                                {i18n.text(Msg::NewMeetingLink)}
                                                            </OfficeLink>
                                                            <OfficeLink class="button secondary" href="/votes/new">
                                                                {i18n.text(Msg::NewVoteLink)}
                                                            </OfficeLink>
                                                            <OfficeLink class="button primary" href="/notices/new">
                                                                {i18n.text(Msg::NewNoticeLink)}
                                                            </OfficeLink>
                                                        }
                                                    })
                                            })}
                                        </Transition>
                                    </div>
                                    <Transition fallback=|| view! { <Loading /> }>
                                        {move || Suspend::new(async move {
                                            match notices.await {
                                                Ok(page) => {
                                                    offline::remember_notices(&page);
                                                    view! { <NoticeCards page=page /> }.into_any()
                                                }
                                                Err(error) => {
                                                    view! {
                                                        <ErrorView error=error on_retry=move |()| notices.refetch() />
                                                    }
                                                        .into_any()
                                                }
                                            }
                                        })}
                                    </Transition>
                                    <p><a class="block-link" href="/notices">{i18n.text(Msg::AllNotices)}</a></p>
                                </section>
                                <UpcomingMeetings meetings=meetings />
                                <MattersTeaser />
                            }
                                .into_any()
                        }
                        Err(error) => {
                            view! { <ErrorView error=error on_retry=move |()| me.refetch() /> }.into_any()
                        }
                    }
                })}
            </Transition>
        </AppShell>
    }
}
