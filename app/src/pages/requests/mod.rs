//! Residents' requests (民生诉求): reporting a trouble, following it to the unit that answers for it,
//! confirming and rating the work; the unit's and staff's lists; the catalogue and the figures.

#[cfg(feature = "office")]
mod catalogue;
mod deadline_line;
#[cfg(feature = "office")]
mod figures;
mod new_request;
mod request_item;
mod request_page;
mod requests_page;

use leptos::prelude::*;
use yishi_core::Lang;
use yishi_core::api::requests::{CatalogueResponse, SubcategoryView};
use yishi_core::api::routes::RequestCatalogue;
#[cfg(feature = "office")]
use yishi_core::requests::UnitKind;
use yishi_core::requests::{Escalation, Outcome, Status, TimeLimit};

#[cfg(feature = "office")]
pub use catalogue::CataloguePage;
pub use deadline_line::DeadlineLine;
#[cfg(feature = "office")]
pub use figures::FiguresPage;
pub use new_request::NewRequestPage;
pub use request_item::RequestItem;
pub use request_page::RequestPage;
pub use requests_page::RequestsPage;

use crate::api;
use crate::i18n::{Msg, fill, use_i18n};

#[must_use]
pub fn status_label(s: Status) -> Msg {
    match s {
        Status::Received => Msg::ReqReceived,
        Status::Accepted => Msg::ReqAccepted,
        Status::InProgress => Msg::ReqInProgress,
        Status::Resolved => Msg::ReqResolved,
        Status::Closed => Msg::ReqClosed,
        Status::Returned => Msg::ReqReturned,
        Status::Merged => Msg::ReqMerged,
    }
}

#[must_use]
pub fn escalation_label(e: Escalation) -> Option<Msg> {
    match e {
        Escalation::None => None,
        Escalation::Community => Some(Msg::EscalatedCommunity),
        Escalation::Street => Some(Msg::EscalatedStreet),
        Escalation::District => Some(Msg::EscalatedDistrict),
    }
}

#[must_use]
pub fn outcome_label(o: Outcome) -> Msg {
    match o {
        Outcome::Fixed => Msg::OutcomeFixed,
        Outcome::Partly => Msg::OutcomePartly,
        Outcome::NotFixed => Msg::OutcomeNotFixed,
    }
}

#[must_use]
#[cfg(feature = "office")]
pub fn unit_kind_label(k: UnitKind) -> Msg {
    match k {
        UnitKind::CommunityOffice => Msg::UnitCommunityOffice,
        UnitKind::PropertyCompany => Msg::UnitPropertyCompany,
        UnitKind::StreetDepartment => Msg::UnitStreetDepartment,
        UnitKind::Utility => Msg::UnitUtility,
    }
}

/// What an entry of a request's record says happened.
#[must_use]
pub fn event_label(kind: &str) -> Msg {
    match kind {
        "received" => Msg::ReqEvReceived,
        "accepted" => Msg::ReqEvAccepted,
        "started" => Msg::ReqEvStarted,
        "resolved" => Msg::ReqEvResolved,
        "returned" => Msg::ReqEvReturned,
        "rerouted" => Msg::ReqEvRerouted,
        "merged" => Msg::ReqEvMerged,
        "merged_in" => Msg::ReqEvMergedIn,
        "split" => Msg::ReqEvSplit,
        "split_from" => Msg::ReqEvSplitFrom,
        "joined" => Msg::ReqEvJoined,
        "reopened" => Msg::ReqEvReopened,
        "confirmed_fixed" => Msg::ReqEvConfirmedFixed,
        "confirmed_partly" => Msg::ReqEvConfirmedPartly,
        "closed_unanswered" => Msg::ReqEvClosedUnanswered,
        "escalated_community" => Msg::EscalatedCommunity,
        "escalated_street" => Msg::EscalatedStreet,
        "escalated_district" => Msg::EscalatedDistrict,
        _ => Msg::ReqEvOther,
    }
}

/// 「由安居物业公司办理，时限 3 个工作日」.
pub fn routing_text(lang: Lang, s: &SubcategoryView) -> String {
    let limit = match s.limit {
        TimeLimit::WorkingDays(n) => fill(lang, Msg::LimitWorkingDays, &[("n", &n.to_string())]),
        TimeLimit::Hours(n) => fill(lang, Msg::LimitHours, &[("n", &n.to_string())]),
    };
    fill(
        lang,
        Msg::RoutedTo,
        &[("unit", &s.unit.name), ("limit", &limit)],
    )
}

/// The catalogue as the reader sees it (kinds, units, what she may do), loaded once per page.
pub type Catalogue = LocalResource<Result<CatalogueResponse, api::ApiError>>;

#[must_use]
pub fn catalogue_resource() -> Catalogue {
    let i18n = use_i18n();
    LocalResource::new(move || api::get(i18n.lang_untracked(), &RequestCatalogue {}))
}
