//! Residents' matters (民事): raising one, the list with "my matters", one matter through the five
//! steps, and the red/black board.

mod board;
mod matter_page;
mod matters_page;
mod new_matter;

use yishi_core::api::matters::EventKind;
use yishi_core::matters::{Category, OwnerKind, Stage, Stance, Step};
use yishi_core::notices::PeriodState;

pub use board::BoardPage;
pub use matter_page::MatterPage;
pub use matters_page::MattersPage;
pub use new_matter::NewMatterPage;

use crate::i18n::Msg;

#[must_use]
pub fn category_label(c: Category) -> Msg {
    match c {
        Category::Environment => Msg::CatEnvironment,
        Category::Parking => Msg::CatParking,
        Category::ElderlyCare => Msg::CatElderlyCare,
        Category::Culture => Msg::CatCulture,
        Category::Youth => Msg::CatYouth,
        Category::Safety => Msg::CatSafety,
        Category::SelfManagement => Msg::CatSelfManagement,
        Category::Other => Msg::CatOther,
    }
}

#[must_use]
pub fn step_label(s: Step) -> Msg {
    match s {
        Step::Proposed => Msg::StepProposed,
        Step::Deliberating => Msg::StepDeliberating,
        Step::Deciding => Msg::StepDeciding,
        Step::Implementing => Msg::StepImplementing,
        Step::Accepting => Msg::StepAccepting,
        Step::Evaluating => Msg::StepEvaluating,
        Step::Declined => Msg::StepDeclined,
        Step::Merged => Msg::StepMerged,
        Step::Rejected => Msg::StepRejected,
    }
}

#[must_use]
pub fn stage_label(s: Stage) -> Msg {
    match s {
        Stage::Propose => Msg::StagePropose,
        Stage::Deliberate => Msg::StageDeliberate,
        Stage::Decide => Msg::StageDecide,
        Stage::CarryOut => Msg::StageCarryOut,
        Stage::Evaluate => Msg::StageEvaluate,
    }
}

#[must_use]
pub fn stance_label(s: Stance) -> Msg {
    match s {
        Stance::For => Msg::StanceFor,
        Stance::Against => Msg::StanceAgainst,
        Stance::Question => Msg::StanceQuestion,
        Stance::Suggestion => Msg::StanceSuggestion,
    }
}

#[must_use]
pub fn owner_label(k: OwnerKind) -> Msg {
    match k {
        OwnerKind::ResidentTeam => Msg::OwnerResidentTeam,
        OwnerKind::PropertyCompany => Msg::OwnerProperty,
        OwnerKind::CommunityUnit => Msg::OwnerCommunityUnit,
        OwnerKind::Contractor => Msg::OwnerContractor,
        OwnerKind::Volunteer => Msg::OwnerVolunteer,
    }
}

#[must_use]
pub fn event_label(k: EventKind) -> Msg {
    match k {
        EventKind::Proposed => Msg::EvProposed,
        EventKind::ReachedList => Msg::EvReachedList,
        EventKind::Summarized => Msg::EvSummarized,
        EventKind::Declined => Msg::EvDeclined,
        EventKind::MergedInto => Msg::EvMergedInto,
        EventKind::MergedFrom => Msg::EvMergedFrom,
        EventKind::PutToBallot => Msg::EvPutToBallot,
        EventKind::PutToMeeting => Msg::EvPutToMeeting,
        EventKind::Decided => Msg::EvDecided,
        EventKind::OwnerNamed => Msg::EvOwnerNamed,
        EventKind::Adopted => Msg::EvAdopted,
        EventKind::MilestoneAdded => Msg::EvMilestoneAdded,
        EventKind::MilestoneDone => Msg::EvMilestoneDone,
        EventKind::Progress => Msg::EvProgress,
        EventKind::AcceptanceRequested => Msg::EvAcceptanceRequested,
        EventKind::Accepted => Msg::EvAccepted,
        EventKind::AcceptanceRejected => Msg::EvAcceptanceRejected,
        EventKind::Reconsidered => Msg::EvReconsidered,
    }
}

/// The state of a decision's publication period, without dates.
#[must_use]
pub fn period_label_short(s: PeriodState) -> Msg {
    match s {
        PeriodState::Running => Msg::DecisionInPeriod,
        PeriodState::AwaitingAnswers => Msg::PeriodAwaiting,
        PeriodState::CompleteNoObjection => Msg::PeriodComplete,
        PeriodState::ObjectionUpheld => Msg::PeriodUpheld,
    }
}

/// An average in hundredths of a star as people read it: `4.67`.
#[must_use]
pub fn stars_text(hundredths: u32) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}
