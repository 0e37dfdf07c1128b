use leptos::prelude::*;
use yishi_core::api::routes::{ListNotices, PostableScopes};
use yishi_core::api::territory::PostableScopesResponse;

use super::NoticeList;
use crate::api::{self, ApiError};
use crate::components::{
    AppShell, DocumentTitle, ErrorView, Greeting, Loading, MattersTeaser, OfficeLink,
    RequestsTeaser, UpcomingMeetings, WaitingVotes,
};
use crate::i18n::{Msg, use_i18n};
use crate::offline;
use crate::session::member_resource;

/// `/`: a greeting, then the notices of the member's community, newest first. Sends a visitor who is not
/// signed in to `/login`.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();

    // Started together: on a slow network one round trip is all the member waits for.
    let me = member_resource();
    let notices = LocalResource::new(move || api::get(i18n.lang_untracked(), &ListNotices {}));
    let postable = LocalResource::new(move || api::get(i18n.lang_untracked(), &PostableScopes {}));

    // Members with at least one place to post to see "发布公告"; a failure here just hides the link.
    let may_post = |answer: Result<PostableScopesResponse, ApiError>| {
        answer.is_ok_and(|scopes| !scopes.communities.is_empty())
    };

    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::NoticesHeading).to_owned()) />
        <AppShell signed_in=true>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match me.await {
                        Ok(member) => {
                            view! {
                                <Greeting member=member />
                                <WaitingVotes />
                                <UpcomingMeetings />
                                <RequestsTeaser />
                                <MattersTeaser />
                                <section class="notices" aria-labelledby="notices-heading">
                                    <div class="section-head">
                                        <h1 id="notices-heading">{i18n.text(Msg::NoticesHeading)}</h1>
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
                                    <p><a href="/notices/archive">{i18n.text(Msg::ArchiveLink)}</a></p>
                                    <Transition fallback=|| view! { <Loading /> }>
                                        {move || Suspend::new(async move {
                                            match notices.await {
                                                Ok(page) => {
                                                    offline::remember_notices(&page);
                                                    view! { <NoticeList page=page /> }.into_any()
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
                                </section>
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
