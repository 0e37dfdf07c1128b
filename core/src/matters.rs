//! Residents' matters (民事) and the five resident steps (五民工作法): a resident proposes a matter (民提),
//! neighbours support it until it reaches the council's list and discuss it (民议), it is decided by an
//! online ballot or a meeting's motion (民决), carried out by an owner with milestones and accepted by
//! residents' representatives (民办), and rated by the residents it concerns (民评).
//!
//! [`Matter::may`] is the one gate: it checks who may make a [`Move`] ([`who_may`], through
//! [`crate::policy`]) and whether the matter's step allows it; [`Matter::apply`] makes the move and
//! returns the matter at its new step, so no step can be skipped. A micro-wish (微心愿) is a small
//! personal need: it skips the council and the ballot, a volunteer adopts it and its proposer accepts
//! the result. The red and black board, photos and the community's settings have files of their own
//! beside this one.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};
use crate::ids::MemberId;
use crate::members::Actor;
use crate::policy::{self, Action, Target};
use crate::territory::{ScopeKind, ScopePath};
pub use crate::text::{clean_line, clean_text};

mod board;
mod settings;

pub use crate::photos::{PHOTO_MAX_BYTES, PHOTOS_MAX, file_type, photo_ids, photo_type};
pub use board::{
    BOARD_LIST_SIZE, BoardEntry, BoardFigures, BoardList, RatingSummary, combine, rank_board,
};
pub use settings::{EVALUATION_DAYS_MAX, MatterSettings, SUPPORTS_MAX};

pub const TITLE_MAX: usize = 60;
pub const DESCRIPTION_MAX: usize = 2_000;
pub const COMMENT_MAX: usize = 1_000;
pub const SUMMARY_MAX: usize = 2_000;
pub const PROGRESS_MAX: usize = 1_000;
pub const RATING_COMMENT_MAX: usize = 500;
pub const OWNER_NAME_MAX: usize = 60;

/// What a matter is about (the seeds' categories).
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "MatterCategory")
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 环境卫生
    Environment,
    /// 停车管理
    Parking,
    /// 为老服务
    ElderlyCare,
    /// 文化活动
    Culture,
    /// 青少年
    Youth,
    /// 平安建设
    Safety,
    /// 居民自治
    SelfManagement,
    Other,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::Environment,
        Category::Parking,
        Category::ElderlyCare,
        Category::Culture,
        Category::Youth,
        Category::Safety,
        Category::SelfManagement,
        Category::Other,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Environment => "environment",
            Category::Parking => "parking",
            Category::ElderlyCare => "elderly_care",
            Category::Culture => "culture",
            Category::Youth => "youth",
            Category::Safety => "safety",
            Category::SelfManagement => "self_management",
            Category::Other => "other",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Where a matter stands. The five resident steps are [`Stage`]s; a step is the stored state.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Raised, collecting neighbours' support.
    Proposed,
    /// Enough support: on the council's list, discussed.
    Deliberating,
    /// Put to an online ballot or to a meeting.
    Deciding,
    /// Adopted (or a micro-wish adopted by a volunteer): being carried out.
    Implementing,
    /// Done, says its owner: waiting for residents' representatives to accept it (验收).
    Accepting,
    /// Accepted: residents rate it until the window closes.
    Evaluating,
    /// Declined by staff, with a public reason.
    Declined,
    /// A duplicate, merged into another matter with its supporters.
    Merged,
    /// Not adopted by the vote.
    Rejected,
}

impl Step {
    pub const ALL: [Step; 9] = [
        Step::Proposed,
        Step::Deliberating,
        Step::Deciding,
        Step::Implementing,
        Step::Accepting,
        Step::Evaluating,
        Step::Declined,
        Step::Merged,
        Step::Rejected,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Proposed => "proposed",
            Step::Deliberating => "deliberating",
            Step::Deciding => "deciding",
            Step::Implementing => "implementing",
            Step::Accepting => "accepting",
            Step::Evaluating => "evaluating",
            Step::Declined => "declined",
            Step::Merged => "merged",
            Step::Rejected => "rejected",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Which of the five resident steps this belongs to; `None` for a matter that ended early.
    #[must_use]
    pub fn stage(self) -> Option<Stage> {
        match self {
            Step::Proposed => Some(Stage::Propose),
            Step::Deliberating => Some(Stage::Deliberate),
            Step::Deciding => Some(Stage::Decide),
            Step::Implementing | Step::Accepting => Some(Stage::CarryOut),
            Step::Evaluating => Some(Stage::Evaluate),
            Step::Declined | Step::Merged | Step::Rejected => None,
        }
    }

    /// A matter that ended before being carried out.
    #[must_use]
    pub fn is_ended(self) -> bool {
        self.stage().is_none()
    }
}

/// The five resident steps (民提、民议、民决、民办、民评).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Propose,
    Deliberate,
    Decide,
    CarryOut,
    Evaluate,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Propose,
        Stage::Deliberate,
        Stage::Decide,
        Stage::CarryOut,
        Stage::Evaluate,
    ];
}

/// Who carries an adopted matter out.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnerKind {
    /// 居民自治小组
    ResidentTeam,
    /// 物业公司
    PropertyCompany,
    /// 社区的一个部门或站点
    CommunityUnit,
    /// 外部施工方
    Contractor,
    /// A volunteer who adopted a micro-wish (认领微心愿).
    Volunteer,
}

impl OwnerKind {
    pub const ALL: [OwnerKind; 5] = [
        OwnerKind::ResidentTeam,
        OwnerKind::PropertyCompany,
        OwnerKind::CommunityUnit,
        OwnerKind::Contractor,
        OwnerKind::Volunteer,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            OwnerKind::ResidentTeam => "resident_team",
            OwnerKind::PropertyCompany => "property_company",
            OwnerKind::CommunityUnit => "community_unit",
            OwnerKind::Contractor => "contractor",
            OwnerKind::Volunteer => "volunteer",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<OwnerKind> {
        OwnerKind::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// How a comment in the discussion stands to the matter.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    For,
    Against,
    Question,
    Suggestion,
}

impl Stance {
    pub const ALL: [Stance; 4] = [
        Stance::For,
        Stance::Against,
        Stance::Question,
        Stance::Suggestion,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::For => "for",
            Stance::Against => "against",
            Stance::Question => "question",
            Stance::Suggestion => "suggestion",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// What the vote decided.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Adopted,
    Rejected,
}

/// What the rules need to know of a stored matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matter {
    pub scope: ScopePath,
    pub step: Step,
    pub micro_wish: bool,
    pub proposer: MemberId,
    pub supports: u32,
    pub threshold: u32,
    /// The member who carries it out, when the owner is (or is led by) a member.
    pub owner_member: Option<MemberId>,
    /// Whether an owner was named.
    pub has_owner: bool,
    pub evaluation_ends_at: Option<DateTime<Utc>>,
    /// The publication period of its decision notice, if the decision was published with one: the
    /// work waits for it to complete without an upheld objection.
    pub publication: Option<crate::notices::PeriodState>,
}

/// Everything one can do to a matter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Move {
    Support,
    Comment,
    /// The facilitator's summary of the discussion.
    Summarize,
    /// Hide a comment, with a public reason.
    Moderate,
    Decline,
    /// Merge this matter (a duplicate) into another.
    Merge,
    /// Receive a duplicate's supporters (the other side of [`Move::Merge`]).
    Absorb,
    PutToBallot,
    PutToMeeting,
    Decide(Decision),
    AssignOwner,
    /// A volunteer adopts a micro-wish.
    Adopt,
    EditMilestones,
    PostProgress,
    RequestAcceptance,
    Accept,
    RejectAcceptance,
    Rate,
    /// Back to the council's list after an objection to the published decision was upheld.
    Reconsider,
}

impl Move {
    pub const ALL: [Move; 20] = [
        Move::Support,
        Move::Comment,
        Move::Summarize,
        Move::Moderate,
        Move::Decline,
        Move::Merge,
        Move::Absorb,
        Move::PutToBallot,
        Move::PutToMeeting,
        Move::Decide(Decision::Adopted),
        Move::Decide(Decision::Rejected),
        Move::AssignOwner,
        Move::Adopt,
        Move::EditMilestones,
        Move::PostProgress,
        Move::RequestAcceptance,
        Move::Accept,
        Move::RejectAcceptance,
        Move::Rate,
        Move::Reconsider,
    ];
}

impl Matter {
    /// May `actor` make `mv` now: she is among those who may ([`who_may`]) and the matter's step allows
    /// it. Routes ask it before touching the database, and the app shows a button only when it allows.
    pub fn may(&self, actor: &Actor, mv: Move, now: DateTime<Utc>) -> DomainResult<()> {
        self.next(actor, mv, now).map(|_| ())
    }

    /// Makes `mv`, if [`Matter::may`] allows it: the matter at the step the move takes it to. What else
    /// the move changes (a support, an owner, the evaluation window) the caller stores with it.
    pub fn apply(self, actor: &Actor, mv: Move, now: DateTime<Utc>) -> DomainResult<Matter> {
        let step = self.next(actor, mv, now)?;
        Ok(Matter { step, ..self })
    }

    fn next(&self, actor: &Actor, mv: Move, now: DateTime<Utc>) -> DomainResult<Step> {
        who_may(actor, self, mv)?;
        next_step(self, mv, now)
    }
}

/// Where `mv` takes the matter, or why it cannot be made now. Supports are counted with the new one.
fn next_step(m: &Matter, mv: Move, now: DateTime<Utc>) -> DomainResult<Step> {
    use crate::notices::PeriodState;
    use Step::{
        Accepting, Deciding, Declined, Deliberating, Evaluating, Implementing, Merged, Proposed,
        Rejected,
    };
    let not_now = Err(DomainError::MatterStep);
    let wish = m.micro_wish;
    // A decision published with a period is carried out only once the period completed without an
    // upheld objection (公示期满无异议).
    if m.step == Implementing
        && matches!(
            mv,
            Move::AssignOwner | Move::EditMilestones | Move::PostProgress | Move::RequestAcceptance
        )
    {
        match m.publication {
            Some(PeriodState::Running | PeriodState::AwaitingAnswers) => {
                return Err(DomainError::PublicationPending);
            }
            Some(PeriodState::ObjectionUpheld) => return Err(DomainError::DecisionObjected),
            Some(PeriodState::CompleteNoObjection) | None => {}
        }
    }
    match (mv, m.step) {
        (Move::Support, Proposed) if !wish && m.supports + 1 >= m.threshold => Ok(Deliberating),
        (Move::Support, Proposed) => Ok(Proposed),
        (Move::Support, Deliberating) => Ok(Deliberating),
        (Move::Comment, step) if !step.is_ended() && !evaluation_over(m, now) => Ok(step),
        (Move::Summarize, step @ (Deliberating | Deciding | Implementing)) => Ok(step),
        (Move::Moderate, step) => Ok(step),
        (Move::Decline, Proposed | Deliberating) => Ok(Declined),
        (Move::Merge, Proposed | Deliberating) => Ok(Merged),
        // The supporters it receives may carry it onto the council's list.
        (Move::Absorb, Proposed) if !wish && m.supports >= m.threshold => Ok(Deliberating),
        (Move::Absorb, step @ (Proposed | Deliberating)) => Ok(step),
        (Move::PutToBallot | Move::PutToMeeting, Deliberating) if !wish => Ok(Deciding),
        (Move::Decide(Decision::Adopted), Deciding) => Ok(Implementing),
        (Move::Decide(Decision::Rejected), Deciding) => Ok(Rejected),
        (Move::AssignOwner, Implementing) if !wish => Ok(Implementing),
        (Move::Adopt, Proposed) if wish => Ok(Implementing),
        (Move::EditMilestones | Move::PostProgress, step @ (Implementing | Accepting)) => Ok(step),
        (Move::RequestAcceptance, Implementing) if m.has_owner => Ok(Accepting),
        (Move::Accept, Accepting) => Ok(Evaluating),
        (Move::RejectAcceptance, Accepting) => Ok(Implementing),
        (Move::Rate, Evaluating) if evaluation_over(m, now) => Err(DomainError::EvaluationClosed),
        (Move::Rate, Evaluating) => Ok(Evaluating),
        (Move::Reconsider, Implementing)
            if m.publication == Some(PeriodState::ObjectionUpheld) && !m.has_owner =>
        {
            Ok(Deliberating)
        }
        _ => not_now,
    }
}

fn evaluation_over(m: &Matter, now: DateTime<Utc>) -> bool {
    m.step == Step::Evaluating && m.evaluation_ends_at.is_some_and(|end| now >= end)
}

/// Who may make `mv` on the matter, whatever its step: residents take part where they live; staff (and
/// building heads for their building) run the matter; facilitators summarise and moderate; residents'
/// representatives accept the work, never its own owner; a micro-wish's proposer accepts what her
/// volunteer did.
pub fn who_may(actor: &Actor, m: &Matter, mv: Move) -> DomainResult<()> {
    let on = |action| policy::authorize(actor, action, Target::Scope(&m.scope));
    let is_owner = m.owner_member.as_ref() == Some(&actor.member);
    match mv {
        Move::Support | Move::Comment | Move::Rate => on(Action::TakePartInMatter),
        Move::Adopt if actor.member == m.proposer => Err(DomainError::Forbidden),
        Move::Adopt => on(Action::TakePartInMatter),
        Move::Summarize | Move::Moderate => on(Action::FacilitateMatters),
        Move::Decline
        | Move::Merge
        | Move::Absorb
        | Move::PutToBallot
        | Move::PutToMeeting
        | Move::Decide(_)
        | Move::AssignOwner
        | Move::EditMilestones
        | Move::Reconsider => on(Action::ManageMatters),
        Move::PostProgress | Move::RequestAcceptance if is_owner => Ok(()),
        Move::PostProgress | Move::RequestAcceptance => on(Action::ManageMatters),
        Move::Accept | Move::RejectAcceptance if is_owner => Err(DomainError::Forbidden),
        Move::Accept | Move::RejectAcceptance if m.micro_wish => {
            if actor.member == m.proposer && actor.is_active() {
                Ok(())
            } else {
                Err(DomainError::Forbidden)
            }
        }
        Move::Accept | Move::RejectAcceptance => on(Action::AcceptMatters),
    }
}

/// Who reads matters: the audience of notices (residents where they live, offices in and above their
/// area), and those who facilitate or accept matters (council members, group leaders) within theirs.
#[must_use]
pub fn audience(actor: &Actor) -> policy::NoticeAudience {
    let mut audience = policy::notice_audience(actor);
    if actor.is_active() {
        for g in actor.grants_of(policy::roles_for(Action::FacilitateMatters)) {
            audience.covering.push(g.scope.clone());
            audience.within.push(g.scope.clone());
        }
    }
    audience
}

/// May `actor` read matters of `scope`? See [`audience`].
#[must_use]
pub fn can_read(actor: &Actor, scope: &ScopePath) -> bool {
    audience(actor).admits(scope)
}

/// A resident proposes a matter for a place that contains her home: her building, her compound or her
/// community (a unit is too small for the council, a street too large).
pub fn may_propose(actor: &Actor, scope: &ScopePath) -> DomainResult<()> {
    if !matches!(
        scope.kind(),
        ScopeKind::Building | ScopeKind::Compound | ScopeKind::Community
    ) {
        return Err(DomainError::Invalid {
            field: Field::Scope,
        });
    }
    policy::authorize(actor, Action::TakePartInMatter, Target::Scope(scope))
}

/// A star rating: 1 to 5.
pub fn check_stars(stars: u8) -> DomainResult<u8> {
    if (1..=5).contains(&stars) {
        Ok(stars)
    } else {
        Err(DomainError::OutOfRange {
            field: Field::Stars,
            min: 1,
            max: 5,
        })
    }
}

/// A reason that must be given (declining a matter, rejecting the work at acceptance, hiding a comment).
pub fn reason_required(reason: Option<&str>) -> DomainResult<String> {
    crate::members::normalize_reason(reason.unwrap_or_default())
}

/// A milestone's target date must be a real calendar date not before the matter was adopted; dates far
/// out are allowed (works can take years), but not more than ten years.
pub fn check_due(due: NaiveDate, today: NaiveDate) -> DomainResult<NaiveDate> {
    let latest = today
        .checked_add_months(chrono::Months::new(120))
        .unwrap_or(today);
    if due > latest || due < today - chrono::Duration::days(366) {
        Err(DomainError::Invalid {
            field: Field::DueOn,
        })
    } else {
        Ok(due)
    }
}

/// The notice that publishes a matter's decision (公示), in the reader's language: what was decided and
/// the vote's own result text.
#[must_use]
pub fn decision_notice(
    matter_title: &str,
    decision: Decision,
    vote_body: &str,
    lang: crate::Lang,
) -> (String, String) {
    use crate::Lang;
    let title = match lang {
        Lang::ZhCn => format!("议事结果公示：{matter_title}"),
        Lang::En => format!("Decision: {matter_title}"),
    };
    let title: String = title.chars().take(crate::notices::TITLE_MAX).collect();
    let head = match (decision, lang) {
        (Decision::Adopted, Lang::ZhCn) => {
            format!("居民提出的「{matter_title}」经表决获得通过，下一步将确定实施方并开始实施。")
        }
        (Decision::Rejected, Lang::ZhCn) => {
            format!("居民提出的「{matter_title}」经表决未获通过。")
        }
        (Decision::Adopted, Lang::En) => format!(
            "The residents' matter \"{matter_title}\" was adopted by vote; an owner will be named to carry it out."
        ),
        (Decision::Rejected, Lang::En) => {
            format!("The residents' matter \"{matter_title}\" was not adopted by vote.")
        }
    };
    let body: String = format!("{head}\n\n{vote_body}")
        .chars()
        .take(crate::notices::BODY_MAX)
        .collect();
    (title, body)
}

#[cfg(test)]
mod tests;
