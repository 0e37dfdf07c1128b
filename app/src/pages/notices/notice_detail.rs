use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use yishi_core::api::routes::GetNotice;
use yishi_core::ids::NoticeId;
use yishi_core::members::Verification;
use yishi_core::policy::{self, Action};

use super::{NoticeArticle, PeriodBox, ReadStatus};
use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};
use crate::session::{actor_of, member_resource};

/// `/notices/:id`: the whole notice. The body is plain text, shown as text with its line breaks. Below
/// it, a resident marks it read; office holders see who has read it and record it for those who cannot.
#[component]
pub fn NoticePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let me = member_resource();
    let version = RwSignal::new(0_u32);
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    let notice = LocalResource::new(move || {
        version.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        async move {
            let id = api::found(NoticeId::parse(&id))?;
            api::get(i18n.lang_untracked(), &GetNotice { id })
                .await
                .map(|answer| answer.notice)
        }
    });
    let title = Signal::derive(move || {
        notice
            .get()
            .and_then(Result::ok)
            .map(|n| n.title)
            .unwrap_or_else(|| i18n.t(Msg::NoticesHeading).to_owned())
    });

    view! {
        <DocumentTitle text=title />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/notices">{i18n.text(Msg::BackToList)}</a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match notice.await {
                        Ok(notice) => {
                            let (id, read) = (notice.id.clone(), notice.my_read.clone());
                            let (resident, office) = match me.await {
                                Ok(member) => (
                                    member.home.as_ref().is_some_and(|h| h.verification == Verification::Confirmed),
                                    !policy::scopes_for(&actor_of(&member), Action::ViewNoticeReads).is_empty(),
                                ),
                                Err(_) => (false, false),
                            };
                            view! {
                                <NoticeArticle notice=notice.clone() />
                                <PeriodBox notice=notice reload=reload />
                                {resident.then(|| view! { <ReadStatus notice=id.clone() read=read /> })}
                                {office.then(|| crate::office_part!(view! { <super::NoticeReads notice=id /> }))}
                            }
                                .into_any()
                        }
                        Err(error) if error.is_not_found() => view! { <ErrorView error=error /> }.into_any(),
                        Err(error) => {
                            view! { <ErrorView error=error on_retry=move |()| notice.refetch() /> }.into_any()
                        }
                    }
                })}
            </Transition>
        </AppShell>
    }
}
