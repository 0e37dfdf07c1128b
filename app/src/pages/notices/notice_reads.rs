use leptos::prelude::*;
use yishi_core::api::members::OnBehalfRequest;
use yishi_core::api::notices::MarkReadRequest;
use yishi_core::api::routes::{MarkNoticeRead, NoticeReads as Reads};
use yishi_core::ids::{MemberId, NoticeId};
use yishi_core::members::normalize_reason;

use crate::api::{self, ApiError};
use crate::components::{ErrorView, Loading};
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

/// Who has read a notice, for office holders; and recording it for a resident who cannot (代办).
#[component]
pub fn NoticeReads(notice: NoticeId) -> impl IntoView {
    let i18n = use_i18n();
    let version = RwSignal::new(0_u32);
    let id = notice.clone();
    let reads = LocalResource::new(move || {
        version.track();
        let reads = Reads { id: id.clone() };
        async move { api::get(i18n.lang_untracked(), &reads).await }
    });
    let subject = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let record = Action::new_local(move |req: &MarkReadRequest| {
        let (mark, req) = (MarkNoticeRead { id: notice.clone() }, req.clone());
        async move {
            match api::send(i18n.lang_untracked(), &mark, &req).await {
                Ok(_) => {
                    reason.set(String::new());
                    version.update(|v| *v += 1);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    view! {
        <section class="reads" aria-labelledby="reads-heading">
            <h2 id="reads-heading">{i18n.text(Msg::ReadsHeading)}</h2>
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match reads.await {
                        Ok(answer) => {
                            let count = answer.reads.len().to_string();
                            let addressed = answer.addressed.to_string();
                            if let Some(first) = answer
                                .unread
                                .first()
                                .filter(|_| subject.get_untracked().is_empty())
                            {
                                subject.set(first.member.to_string());
                            }
                            let unread = answer.unread.clone();
                            let by_building = answer
                                .by_building
                                .iter()
                                .map(|b| {
                                    let (read, of) = (b.read.to_string(), b.addressed.to_string());
                                    view! {
                                        <tr>
                                            <th scope="row">{b.name.clone()}</th>
                                            <td>{move || fill(i18n.lang(), Msg::ReadsOf, &[("read", &read), ("addressed", &of)])}</td>
                                        </tr>
                                    }
                                })
                                .collect::<Vec<_>>();
                            view! {
                                <p>{move || fill(i18n.lang(), Msg::ReadCount, &[("read", &count), ("addressed", &addressed)])}</p>
                                <table class="board">
                                    <caption>{i18n.text(Msg::ReadsByBuilding)}</caption>
                                    <tbody>{by_building}</tbody>
                                </table>
                                <ul class="member-list">
                                    {answer
                                        .reads
                                        .into_iter()
                                        .map(|r| {
                                            let at = local_datetime(&r.read_at);
                                            view! {
                                                <li class="member-card">
                                                    <p class="member-name">{r.member_name.clone()}</p>
                                                    <p class="hint">{at}</p>
                                                    {r.on_behalf.map(|ob| view! { <p>{move || fill(i18n.lang(), Msg::ReadOnBehalf, &[("name", &ob.recorded_by_name), ("reason", &ob.reason)])}</p> })}
                                                </li>
                                            }
                                        })
                                        .collect::<Vec<_>>()}
                                </ul>
                                {(!unread.is_empty())
                                    .then(|| {
                                        view! {
                                            <h3>{i18n.text(Msg::UnreadHeading)}</h3>
                                            <ul class="member-list">
                                                {unread
                                                    .iter()
                                                    .map(|u| view! { <li class="member-card">{format!("{} · {} · {}", u.name, u.home, u.phone)}</li> })
                                                    .collect::<Vec<_>>()}
                                            </ul>
                                            <form class="form compact" aria-labelledby="on-behalf-heading" on:submit=move |ev| {
                                                ev.prevent_default();
                                                error.set(None);
                                                match normalize_reason(&reason.get_untracked()) {
                                                    Ok(reason) => {
                                                        record.dispatch(MarkReadRequest {
                                                            on_behalf: Some(OnBehalfRequest {
                                                                member_id: MemberId::from_trusted(subject.get_untracked()),
                                                                reason,
                                                            }),
                                                        });
                                                    }
                                                    Err(e) => error.set(Some(ApiError::Invalid(e))),
                                                }
                                            }>
                                                <h3 id="on-behalf-heading">{i18n.text(Msg::RecordOnBehalf)}</h3>
                                                <div class="field">
                                                    <label for="on-behalf-member">{i18n.text(Msg::ChooseResident)}</label>
                                                    <select id="on-behalf-member" bind:value=subject>
                                                        {unread
                                                            .iter()
                                                            .map(|u| view! { <option value=u.member.to_string()>{format!("{}（{}）", u.name, u.home)}</option> })
                                                            .collect::<Vec<_>>()}
                                                    </select>
                                                </div>
                                                <div class="field">
                                                    <label for="on-behalf-reason">{i18n.text(Msg::ReasonLabel)}</label>
                                                    <input id="on-behalf-reason" type="text" bind:value=reason />
                                                </div>
                                                {move || error.get().map(|e| view! { <p class="form-error" role="alert">{e.message(i18n.lang())}</p> })}
                                                <button type="submit" class="button primary">{i18n.text(Msg::RecordButton)}</button>
                                            </form>
                                        }
                                    })}
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorView error=e on_retry=move |()| reads.refetch() /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
