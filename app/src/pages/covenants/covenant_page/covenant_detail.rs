use leptos::prelude::*;
use yishi_core::api::covenants::{CovenantView, SignRequest};
use yishi_core::api::routes::SignCovenant;
use yishi_core::covenants::VersionState;
use yishi_core::i18n::Term;

use super::super::version_label;
use super::clauses::Clauses;
use super::comment_form::CommentForm;
#[cfg(feature = "office")]
use super::manage_covenant::ManageCovenant;
#[cfg(feature = "office")]
use super::paper_signature_form::PaperSignatureForm;
use crate::changes::Change;
use crate::components::TermHelp;
use crate::format::local_datetime;
use crate::i18n::{Msg, fill, use_i18n};

#[component]
pub(super) fn CovenantDetail(covenant: CovenantView, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let c = covenant;
    let change = Change::new(reload);
    let sign = SignCovenant { id: c.id.clone() };
    let latest = c.versions.first().cloned();
    let shown = c
        .versions
        .iter()
        .find(|v| v.state == VersionState::Adopted)
        .or(latest.as_ref())
        .cloned();
    let force = c.in_force.map(|n| n.to_string());
    let number = c.number.to_string();
    let signature = c.my_signature.clone().map(|s| {
        let (name, time) = (s.by_name, local_datetime(&s.at));
        let key = if s.on_paper { Msg::SignedOnPaper } else { Msg::SignedBy };
        view! { <p class="notice-box done" role="status">{move || fill(i18n.lang(), key, &[("name", &name), ("time", &time)])}</p> }
    });
    let coverage = c
        .coverage
        .iter()
        .map(|b| {
            let (signed, households) = (b.signed.to_string(), b.households.to_string());
            let percent = format!("{}.{}%", b.permille / 10, b.permille % 10);
            view! {
                <tr>
                    <th scope="row">{b.name.clone()}</th>
                    <td>{move || fill(i18n.lang(), Msg::CoverageRow, &[("signed", &signed), ("households", &households), ("percent", &percent)])}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let has_coverage = !coverage.is_empty();
    let drafting = latest
        .as_ref()
        .filter(|v| v.state == VersionState::Drafting)
        .cloned();
    #[cfg_attr(
        not(feature = "office"),
        expect(unused_variables, reason = "the office app's")
    )]
    let voting = latest
        .as_ref()
        .filter(|v| v.state == VersionState::Voting)
        .cloned();
    let may_manage = c.may_manage;
    let may_comment = c.may_comment;
    view! {
        <article class="covenant">
            <h1>{c.title.clone()}</h1>
            <p class="record-number">{move || fill(i18n.lang(), Msg::CovenantNumbered, &[("n", &number)])}</p>
            <p class="hint">
                {c.scope_name.clone()}" · "
                {move || match &force {
                    Some(n) => fill(i18n.lang(), Msg::InForceVersion, &[("n", n)]),
                    None => i18n.t(Msg::NoneInForce).to_owned(),
                }}
            </p>
            <p class="terms"><TermHelp term=Term::OneMatterOneCovenant /></p>
            {shown.map(|v| view! { <Clauses version=v /> })}
            {signature}
            {c.may_sign.then(|| view! {
                <button type="button" class="button primary" on:click=move |_| change.send(&sign, &SignRequest::default())>
                    {i18n.text(Msg::SignButton)}
                </button>
            })}
            {has_coverage.then(|| view! {
                <table class="board">
                    <caption>{i18n.text(Msg::CoverageHeading)}</caption>
                    <tbody>{coverage}</tbody>
                </table>
            })}
            {drafting.clone().filter(|_| may_comment).map(|v| view! { <CommentForm id=c.id.clone() version=v change=change /> })}
            {change.view()}
            {may_manage.then(|| crate::office_part!(view! {
                <ManageCovenant id=c.id.clone() drafting=drafting.clone() voting=voting.clone() title=c.title.clone() change=change />
                {has_coverage.then(|| view! { <PaperSignatureForm id=c.id.clone() scope=c.scope.clone() change=change /> })}
            }))}
            <section aria-labelledby="versions-heading">
                <h2 id="versions-heading">{i18n.text(Msg::VersionsHeading)}</h2>
                <ol class="timeline">
                    {c.versions
                        .iter()
                        .map(|v| {
                            let (n, signed) = (v.number.to_string(), v.signatures.to_string());
                            let vote = v.vote.clone();
                            let notice = v.notice.clone();
                            view! {
                                <li>
                                    <p>
                                        <strong>{move || fill(i18n.lang(), Msg::VersionN, &[("n", &n)])}</strong>
                                        " · "{i18n.text(version_label(v.state))}" · "
                                        {move || fill(i18n.lang(), Msg::SignaturesCount, &[("n", &signed)])}
                                    </p>
                                    <p class="hint">
                                        {local_datetime(&v.created_at)}
                                        {vote.map(|id| view! { " · " <a href=format!("/votes/{id}")>{i18n.text(Msg::GoVote)}</a> })}
                                        {notice.map(|id| view! { " · " <a href=format!("/notices/{id}")>{i18n.text(Msg::DecisionNoticeLink)}</a> })}
                                    </p>
                                </li>
                            }
                        })
                        .collect::<Vec<_>>()}
                </ol>
            </section>
        </article>
    }
}
