use leptos::prelude::*;
use yishi_core::api::notices::{MarkReadRequest, NoticeReadView};
use yishi_core::api::routes::MarkNoticeRead;
use yishi_core::ids::NoticeId;

use crate::api::{self, ApiError};
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// A resident's own read record of a notice: "标记为已读", or when and how it was recorded.
#[component]
pub fn ReadStatus(notice: NoticeId, read: Option<NoticeReadView>) -> impl IntoView {
    let i18n = use_i18n();
    let read = RwSignal::new(read);
    let error = RwSignal::new(None::<ApiError>);
    let mark = Action::new_local(move |(): &()| {
        let mark = MarkNoticeRead { id: notice.clone() };
        async move {
            match api::send(i18n.lang_untracked(), &mark, &MarkReadRequest::default()).await {
                Ok(answer) => read.set(Some(answer.read)),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    view! {
        <div class="read-status">
            {move || match read.get() {
                Some(r) => {
                    let at = local_datetime(&r.read_at);
                    view! {
                        <p role="status">{fill(i18n.lang(), Msg::ReadAt, &[("time", &at)])}</p>
                        {r.on_behalf.map(|ob| view! { <p>{fill(i18n.lang(), Msg::ReadOnBehalf, &[("name", &ob.recorded_by_name), ("reason", &ob.reason)])}</p> })}
                    }
                        .into_any()
                }
                None => {
                    view! {
                        <button type="button" class="button primary" on:click=move |_| {
                            error.set(None);
                            mark.dispatch(());
                        }>{i18n.text(Msg::MarkRead)}</button>
                    }
                        .into_any()
                }
            }}
            {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
        </div>
    }
}
