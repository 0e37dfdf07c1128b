mod member_detail;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use yishi_core::api::routes::GetMember;
use yishi_core::ids::MemberId;

use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

use member_detail::MemberDetail;

/// `/admin/members/:id`: a member's roles (grant, revoke), her year of birth and a passcode reset.
#[component]
pub fn MemberPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let version = RwSignal::new(0_u32);
    let member = LocalResource::new(move || {
        version.track();
        let id = id();
        async move {
            let id = api::found(MemberId::parse(&id))?;
            api::get(i18n.lang_untracked(), &GetMember { id }).await
        }
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::MemberDetails).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/admin/members">{i18n.text(Msg::MembersHeading)}</a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match member.await {
                        Ok(answer) => view! { <MemberDetail member=answer.member reload=reload /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| member.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
