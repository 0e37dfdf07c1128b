//! `/notifications`: her inbox (消息), newest first. Opening one marks it read and opens what it is
//! about; "全部标为已读" clears the bell.

use leptos::prelude::*;
use yishi_core::api::notifications::NotificationView;
use yishi_core::api::routes::{ListNotifications, ReadAllNotifications, ReadNotification};
use yishi_core::notifications::{Kind, StaffDigest, Subject};

use crate::api::{self, ApiError, Query};
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// The words above a notification's title: what happened.
#[must_use]
pub fn kind_label(kind: Kind) -> Msg {
    match kind {
        Kind::NoticePublished => Msg::NotifNotice,
        Kind::VoteOpened => Msg::NotifVote,
        Kind::MeetingCalled => Msg::NotifMeeting,
        Kind::MatterUpdated => Msg::NotifMatter,
        Kind::RequestUpdated => Msg::NotifRequest,
        Kind::VoteClosing => Msg::NotifVoteClosing,
        Kind::MeetingSoon => Msg::NotifMeetingSoon,
        Kind::PeriodEnding => Msg::NotifPeriodEnding,
        Kind::RequestDue => Msg::NotifRequestDue,
        Kind::MotionPut => Msg::NotifMotionPut,
        Kind::ObjectionAnswered => Msg::NotifObjectionAnswered,
        Kind::StaffDigest => Msg::NotifStaffDigest,
    }
}

/// The staff digest's counts in her language.
#[must_use]
pub fn digest_summary(lang: yishi_core::i18n::Lang, d: &StaffDigest) -> String {
    fill(
        lang,
        Msg::DigestSummary,
        &[
            ("verify", &d.residents_to_verify.to_string()),
            ("objections", &d.objections_to_answer.to_string()),
            ("overdue", &d.overdue_requests.to_string()),
        ],
    )
}

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let items = RwSignal::new(Vec::<NotificationView>::new());
    let cursor = RwSignal::new(None::<String>);
    let unread = RwSignal::new(0_u32);
    let first = LocalResource::new(move || async move {
        let page = api::get(i18n.lang_untracked(), &ListNotifications {}).await?;
        items.set(page.notifications);
        cursor.set(page.next_cursor);
        unread.set(page.unread);
        Ok::<_, ApiError>(())
    });
    let more = Action::new_local(move |(): &()| async move {
        let query = Query::new().maybe("cursor", cursor.get_untracked());
        if let Ok(page) =
            api::send_query(i18n.lang_untracked(), &ListNotifications {}, &query, &()).await
        {
            items.update(|i| i.extend(page.notifications));
            cursor.set(page.next_cursor);
        }
    });
    let all_read = Action::new_local(move |(): &()| async move {
        if let Ok(r) = api::send(i18n.lang_untracked(), &ReadAllNotifications {}, &()).await {
            unread.set(r.unread);
            items.update(|i| i.iter_mut().for_each(|n| n.read = true));
        }
    });
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::InboxHeading).to_owned()) />
        <AppShell signed_in=true>
            <h1>{i18n.text(Msg::InboxHeading)}</h1>
            <p class="hint">{i18n.text(Msg::InboxIntro)}</p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match first.await {
                        Ok(()) => view! {
                            {move || (unread.get() > 0).then(|| view! {
                                <p>
                                    <button type="button" class="button secondary" on:click=move |_| {
                                        all_read.dispatch(());
                                    }>{i18n.text(Msg::InboxAllRead)}</button>
                                </p>
                            })}
                            <ul class="member-list inbox" role="list">
                                <For each=move || items.get() key=|n| (n.id.clone(), n.read) let:n>
                                    <Item n=n unread=unread items=items />
                                </For>
                            </ul>
                            {move || items.with(Vec::is_empty).then(|| view! { <p class="empty">{i18n.text(Msg::InboxEmpty)}</p> })}
                            {move || cursor.get().is_some().then(|| view! {
                                <button type="button" class="button secondary" on:click=move |_| {
                                    more.dispatch(());
                                }>{i18n.text(Msg::InboxMore)}</button>
                            })}
                        }
                        .into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| first.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}

/// One notification: what happened, the title, when; a tap marks it read and opens it.
#[component]
fn Item(
    n: NotificationView,
    unread: RwSignal<u32>,
    items: RwSignal<Vec<NotificationView>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = n.id.clone();
    let was_read = n.read;
    let href = n.subject.path();
    // The digest opens the office's hub: from the resident app, in the office app.
    let to_office = (n.subject == Subject::Office && !crate::apps::OFFICE).then(|| href.clone());
    let title = match &n.digest {
        Some(d) => digest_summary(i18n.lang_untracked(), d),
        None => n.title.clone(),
    };
    let on_open = move |ev: leptos::ev::MouseEvent| {
        if to_office.is_some() {
            ev.prevent_default();
        }
        let to_office = to_office.clone();
        if was_read {
            if let Some(href) = &to_office {
                crate::apps::open_office(href);
            }
            return;
        }
        let id = id.clone();
        items.update(|all| {
            if let Some(item) = all.iter_mut().find(|x| x.id == id) {
                item.read = true;
            }
        });
        // Marked read on the way: the page it opens loads meanwhile (the other app once it is read).
        leptos::task::spawn_local(async move {
            if let Ok(r) = api::send(i18n.lang_untracked(), &ReadNotification { id }, &()).await {
                unread.set(r.unread);
            }
            if let Some(href) = &to_office {
                crate::apps::open_office(href);
            }
        });
    };
    view! {
        <li class=if n.read { "member-card inbox-item" } else { "member-card inbox-item unread" }>
            <a class="inbox-link" href=href on:click=on_open>
                <span class="inbox-kind">
                    {i18n.text(kind_label(n.kind))}
                    {(!n.read).then(|| view! { <span class="badge">{i18n.text(Msg::InboxUnreadBadge)}</span> })}
                </span>
                <span class="inbox-title">{title}</span>
                <time class="hint" datetime=n.at.to_rfc3339()>{local_datetime(&n.at)}</time>
            </a>
        </li>
    }
}
