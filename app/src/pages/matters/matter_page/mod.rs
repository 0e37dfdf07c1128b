mod acceptance_form;
mod carry_out;
mod comment_item;
#[cfg(feature = "office")]
mod decide_forms;
mod discussion;
mod evaluation;
#[cfg(feature = "office")]
mod manage_box;
mod matter_detail;
mod milestone_form;
#[cfg(feature = "office")]
mod owner_form;
mod plain_words;
mod progress_form;
mod stages;
mod status;
mod summary_box;
mod support_box;
mod timeline;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use yishi_core::api::routes::GetMatter;
use yishi_core::ids::MatterId;

use crate::api;
use crate::components::{AppShell, DocumentTitle, ErrorView, Loading};
use crate::i18n::{Msg, use_i18n};

use matter_detail::MatterDetail;

/// `/matters/:id`: one matter through the five steps, with what the reader may do at each.
#[component]
pub fn MatterPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let version = RwSignal::new(0_u32);
    let matter = LocalResource::new(move || {
        version.track();
        let id = params.with(|p| p.get("id")).unwrap_or_default();
        async move {
            let id = api::found(MatterId::parse(&id))?;
            api::get(i18n.lang_untracked(), &GetMatter { id }).await
        }
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::MattersHeading).to_owned()) />
        <AppShell signed_in=true>
            <p class="back">
                <a href="/matters">{i18n.text(Msg::MattersHeading)}</a>
            </p>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match matter.await {
                        Ok(answer) => view! { <MatterDetail matter=answer.matter reload=reload /> }.into_any(),
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| matter.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </AppShell>
    }
}
