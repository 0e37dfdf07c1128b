//! Residents' requests (民生诉求): the catalogue that routes each request to the unit that answers for
//! it (`requests/catalogue.rs`), deadlines in working days on China's calendar and escalation
//! (`calendar.rs`), the status of a request from receipt to closing with who makes each change
//! (`status.rs`), and the figures of a period (`figures.rs`). Each part has a file of its own; everything
//! is re-exported here.

use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Entity, Field};
use crate::text::clean_line;

mod calendar;
mod catalogue;
mod figures;
pub mod open311;
mod status;

pub use crate::time::{china, china_date, china_day_start};
pub use calendar::*;
pub use catalogue::*;
pub use figures::*;
pub use status::*;

/// Stars of a rating: 1 to 5, as for matters.
pub use crate::matters::check_stars;

/// How a request reached the community.
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "RequestChannel")
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// The resident, on her phone.
    App,
    /// Registered by staff from a phone call.
    Phone,
    /// Registered by staff from a visit.
    InPerson,
    /// Submitted by an Open311 client.
    Open311,
}

impl Channel {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::App => "app",
            Channel::Phone => "phone",
            Channel::InPerson => "in_person",
            Channel::Open311 => "open311",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Channel> {
        [
            Channel::App,
            Channel::Phone,
            Channel::InPerson,
            Channel::Open311,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }
}

pub const NAME_MAX: usize = 40;
pub const DESCRIPTION_MAX: usize = 1000;
pub const NOTE_MAX: usize = 500;
pub const PLACE_MAX: usize = 60;
pub const LEGAL_BASIS_MAX: usize = 2000;
pub const STANDARD_MAX: usize = 2000;
pub const KEYWORDS_MAX: usize = 20;
pub const KEYWORD_MAX: usize = 20;

/// A request's location: a building or a unit of the territory, or a free place description (a
/// street corner, the car park), or both.
pub fn check_location(has_place_ref: bool, place: Option<&str>) -> DomainResult<Option<String>> {
    let place = match place.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => Some(clean_line(p, Field::PlaceText, PLACE_MAX)?),
        None => None,
    };
    if !has_place_ref && place.is_none() {
        return Err(DomainError::Required {
            field: Field::PlaceText,
        });
    }
    Ok(place)
}

/// The request was not found, for routes that name it.
#[must_use]
pub fn not_found() -> DomainError {
    DomainError::NotFound {
        entity: Entity::Request,
    }
}
