use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use yishi_core::api::meetings::CheckInRequest;
use yishi_core::api::routes::CheckIn;
use yishi_core::ids::MeetingId;

use crate::api::{self, ApiError};
use crate::components::{AppShell, DocumentTitle, ErrorView};
use crate::i18n::{Msg, use_i18n};

/// `/meetings/:id/checkin?token=`: where the room's QR code leads; checks her in and shows the meeting.
#[component]
pub fn CheckInPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<ApiError>);
    let id = params.with_untracked(|p| p.get("id")).unwrap_or_default();
    let token = query.with_untracked(|q| q.get("token")).unwrap_or_default();
    let check_in = Action::new_local(move |(): &()| {
        let (id, token, navigate) = (id.clone(), token.clone(), navigate.clone());
        async move {
            let req = CheckInRequest {
                token: Some(token),
                on_behalf: None,
            };
            let sent = match api::found(MeetingId::parse(&id)) {
                Ok(id) => api::send(i18n.lang_untracked(), &CheckIn { id }, &req).await,
                Err(e) => Err(e),
            };
            match sent {
                Ok(_) => navigate(&format!("/meetings/{id}"), Default::default()),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    check_in.dispatch(());
    view! {
        <DocumentTitle text=Signal::derive(move || i18n.t(Msg::CheckInButton).to_owned()) />
        <AppShell signed_in=true>
            {move || match error.get() {
                Some(e) => view! { <ErrorView error=e /> }.into_any(),
                None => view! { <p role="status">{i18n.text(Msg::CheckingIn)}</p> }.into_any(),
            }}
        </AppShell>
    }
}
