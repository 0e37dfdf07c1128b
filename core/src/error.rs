//! Rule violations. Each has a stable snake_case `code`, the contract with the app, which shows the
//! localized message (see [`crate::i18n`]); the `Display` text is for logs and developers.

use serde::{Deserialize, Serialize};

/// A field of a request, named in validation errors so the app can point at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Body,
    Phone,
    Password,
    Name,
    InviteCode,
    Scope,
    Cursor,
    Limit,
    Code,
    /// A request's short number typed by staff (诉求 #128).
    RequestNumber,
    Role,
    Reason,
    Member,
    Compound,
    Building,
    Unit,
    Household,
    Units,
    Floors,
    DoorsPerFloor,
    Csv,
    Choice,
    Proxy,
    Options,
    ClosesAt,
    OpensAt,
    /// When a meeting starts.
    StartsAt,
    Secrecy,
    Voter,
    Channel,
    FloorArea,
    BirthYear,
    Rules,
    /// A vote's quorum: a share of its voters, or a count.
    Quorum,
    /// The minimum age of a vote for residents of an age.
    MinAge,
    /// A participatory budget's total.
    Budget,
    /// The costs of a participatory budget's projects.
    Costs,
    Place,
    /// A request's exact place in words (具体位置), beside the place chosen from the territory.
    PlaceText,
    Agenda,
    Speaker,
    Seconds,
    Token,
    Query,
    Category,
    Description,
    Stance,
    Comment,
    Summary,
    Owner,
    Stars,
    DueOn,
    Photos,
    Meeting,
    Matter,
    Threshold,
    Days,
    Photo,
    ExpiresAt,
    Answer,
    Clauses,
    Clause,
    Subcategory,
    LegalBasis,
    Standard,
    Keywords,
    TimeLimit,
    Outcome,
    From,
    To,
    Dates,
    HandlingUnit,
    Kind,
    /// A note on a change (a request sent on, a step of a matter).
    Note,
    /// Text of a field that has no name of its own (a refusal of characters in it, say).
    Text,
    /// The hours without push of her notification choices.
    QuietHours,
    /// A push subscription's endpoint (the push service's URL).
    PushEndpoint,
    /// A push subscription's public key (`keys.p256dh`).
    PushP256dh,
    /// A push subscription's authentication secret (`keys.auth`).
    PushAuth,
    /// An item of a plan's cost lines.
    Item,
    /// How many of an item a cost line counts.
    Quantity,
    /// The unit a cost line's quantity is counted in (个, 米, 平方米).
    Measure,
    /// The price of one unit of a cost line.
    UnitPrice,
    /// What a plan's team or residents pay themselves (自筹).
    SelfFinancing,
    /// A budget round's most for one project.
    Cap,
    /// An amount of money (a spending entry, an addition).
    Amount,
    /// A funded project's milestones.
    Milestones,
    /// A milestone's share of the work.
    Weight,
    /// The format asked of an export (`format=pb` of a vote that is not a budget).
    Format,
    /// A budget round's categories.
    Categories,
}

impl Field {
    /// Every field.
    pub const ALL: &[Field] = &[
        Field::Title,
        Field::Body,
        Field::Phone,
        Field::Password,
        Field::Name,
        Field::InviteCode,
        Field::Scope,
        Field::Cursor,
        Field::Limit,
        Field::Code,
        Field::RequestNumber,
        Field::Role,
        Field::Reason,
        Field::Member,
        Field::Compound,
        Field::Building,
        Field::Unit,
        Field::Household,
        Field::Units,
        Field::Floors,
        Field::DoorsPerFloor,
        Field::Csv,
        Field::Choice,
        Field::Proxy,
        Field::Options,
        Field::ClosesAt,
        Field::OpensAt,
        Field::StartsAt,
        Field::Secrecy,
        Field::Voter,
        Field::Channel,
        Field::FloorArea,
        Field::BirthYear,
        Field::Rules,
        Field::Place,
        Field::PlaceText,
        Field::Agenda,
        Field::Speaker,
        Field::Seconds,
        Field::Token,
        Field::Query,
        Field::Category,
        Field::Description,
        Field::Stance,
        Field::Comment,
        Field::Summary,
        Field::Owner,
        Field::Stars,
        Field::DueOn,
        Field::Photos,
        Field::Meeting,
        Field::Matter,
        Field::Threshold,
        Field::Days,
        Field::Photo,
        Field::ExpiresAt,
        Field::Answer,
        Field::Clauses,
        Field::Clause,
        Field::Subcategory,
        Field::LegalBasis,
        Field::Standard,
        Field::Keywords,
        Field::TimeLimit,
        Field::Outcome,
        Field::From,
        Field::To,
        Field::Dates,
        Field::HandlingUnit,
        Field::Kind,
        Field::Budget,
        Field::Costs,
        Field::Quorum,
        Field::MinAge,
        Field::Note,
        Field::Text,
        Field::QuietHours,
        Field::PushEndpoint,
        Field::PushP256dh,
        Field::PushAuth,
        Field::Item,
        Field::Quantity,
        Field::Measure,
        Field::UnitPrice,
        Field::SelfFinancing,
        Field::Cap,
        Field::Amount,
        Field::Milestones,
        Field::Weight,
        Field::Format,
        Field::Categories,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Body => "body",
            Field::Phone => "phone",
            Field::Password => "password",
            Field::Name => "name",
            Field::InviteCode => "invite_code",
            Field::Scope => "scope",
            Field::Cursor => "cursor",
            Field::Limit => "limit",
            Field::Code => "code",
            Field::RequestNumber => "request_number",
            Field::Role => "role",
            Field::Reason => "reason",
            Field::Member => "member",
            Field::Compound => "compound",
            Field::Building => "building",
            Field::Unit => "unit",
            Field::Household => "household",
            Field::Units => "units",
            Field::Floors => "floors",
            Field::DoorsPerFloor => "doors_per_floor",
            Field::Csv => "csv",
            Field::Choice => "choice",
            Field::Proxy => "proxy",
            Field::Options => "options",
            Field::ClosesAt => "closes_at",
            Field::OpensAt => "opens_at",
            Field::StartsAt => "starts_at",
            Field::Secrecy => "secrecy",
            Field::Voter => "voter",
            Field::Channel => "channel",
            Field::FloorArea => "floor_area",
            Field::BirthYear => "birth_year",
            Field::Rules => "rules",
            Field::Quorum => "quorum",
            Field::MinAge => "min_age",
            Field::Budget => "budget",
            Field::Costs => "costs",
            Field::Place => "place",
            Field::PlaceText => "place_text",
            Field::Agenda => "agenda",
            Field::Speaker => "speaker",
            Field::Seconds => "seconds",
            Field::Token => "token",
            Field::Query => "q",
            Field::Category => "category",
            Field::Description => "description",
            Field::Stance => "stance",
            Field::Comment => "comment",
            Field::Summary => "summary",
            Field::Owner => "owner",
            Field::Stars => "stars",
            Field::DueOn => "due_on",
            Field::Photos => "photos",
            Field::Meeting => "meeting",
            Field::Matter => "matter",
            Field::Threshold => "threshold",
            Field::Days => "days",
            Field::Photo => "photo",
            Field::ExpiresAt => "expires_at",
            Field::Answer => "answer",
            Field::Clauses => "clauses",
            Field::Clause => "clause",
            Field::Subcategory => "subcategory",
            Field::LegalBasis => "legal_basis",
            Field::Standard => "standard",
            Field::Keywords => "keywords",
            Field::TimeLimit => "time_limit",
            Field::Outcome => "outcome",
            Field::From => "from",
            Field::To => "to",
            Field::Dates => "dates",
            Field::HandlingUnit => "handling_unit",
            Field::Kind => "kind",
            Field::Note => "note",
            Field::Text => "text",
            Field::QuietHours => "quiet_hours",
            Field::PushEndpoint => "endpoint",
            Field::PushP256dh => "p256dh",
            Field::PushAuth => "auth",
            Field::Item => "item",
            Field::Quantity => "quantity",
            Field::Measure => "measure",
            Field::UnitPrice => "unit_price",
            Field::SelfFinancing => "self_financing",
            Field::Cap => "cap",
            Field::Amount => "amount",
            Field::Milestones => "milestones",
            Field::Weight => "weight",
            Field::Format => "format",
            Field::Categories => "categories",
        }
    }

    /// The field a JSON body's key is about: its own name, a name the contract gives it elsewhere
    /// (`passcode` is the password, `text` a body), or the name without `_id`/`_ids` or a plural `s`
    /// (`member_id` is the member). `None` for the keys of ids picked from a list, which nobody types.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Field> {
        let find = |k: &str| Field::ALL.iter().copied().find(|f| f.as_str() == k);
        let alias = match key {
            "passcode" | "current" | "new" => Some(Field::Password),
            "to_phone" => Some(Field::Phone),
            "text" => Some(Field::Body),
            "override_reason" => Some(Field::Reason),
            _ => None,
        };
        alias
            .or_else(|| find(key))
            .or_else(|| {
                key.strip_suffix("_ids")
                    .and_then(|k| find(&format!("{k}s")).or_else(|| find(k)))
            })
            .or_else(|| key.strip_suffix("_id").and_then(find))
            .or_else(|| key.strip_suffix('s').and_then(find))
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind of record, named in "not found" errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Notice,
    Member,
    Scope,
    Route,
    Place,
    Invite,
    Session,
    Role,
    Vote,
    Meeting,
    AgendaItem,
    Matter,
    Comment,
    Photo,
    Milestone,
    Objection,
    Covenant,
    Request,
    Subcategory,
    RequestCategory,
    HandlingUnit,
    Notification,
    Round,
    Need,
}

impl std::fmt::Display for Entity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Entity::Notice => "notice",
            Entity::Member => "member",
            Entity::Scope => "scope",
            Entity::Route => "route",
            Entity::Place => "place",
            Entity::Invite => "invite",
            Entity::Session => "session",
            Entity::Role => "role",
            Entity::Vote => "vote",
            Entity::Meeting => "meeting",
            Entity::AgendaItem => "agenda_item",
            Entity::Matter => "matter",
            Entity::Comment => "comment",
            Entity::Photo => "photo",
            Entity::Milestone => "milestone",
            Entity::Objection => "objection",
            Entity::Covenant => "covenant",
            Entity::Request => "request",
            Entity::Subcategory => "subcategory",
            Entity::RequestCategory => "request_category",
            Entity::HandlingUnit => "handling_unit",
            Entity::Notification => "notification",
            Entity::Round => "round",
            Entity::Need => "need",
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("not signed in")]
    Unauthenticated,
    #[error("the actor may not do this")]
    Forbidden,
    #[error("state-changing request without the same-origin proof")]
    CsrfRejected,
    #[error("unknown phone number or wrong password")]
    InvalidCredentials,
    #[error("the account is suspended")]
    AccountSuspended,
    #[error("rate limited; retry after {retry_after_secs} s")]
    RateLimited { retry_after_secs: u32 },
    #[error("invite code unknown, used or revoked")]
    InviteCodeInvalid,
    #[error("no other request of the community has this number")]
    UnknownRequestNumber,
    #[error("this server sends no push notifications (no VAPID key)")]
    PushUnavailable,
    #[error("phone number already registered")]
    PhoneTaken,
    #[error("{field} is required")]
    Required { field: Field },
    #[error("{field} longer than {max} characters")]
    TooLong { field: Field, max: usize },
    #[error("{field} shorter than {min} characters")]
    TooShort { field: Field, min: usize },
    #[error("{field} is malformed")]
    Invalid { field: Field },
    #[error("{field} holds a control, direction or other unfit character")]
    UnfitCharacters { field: Field },
    #[error("{field} must be between {min} and {max}")]
    OutOfRange { field: Field, min: u32, max: u32 },
    #[error("a place with this name exists already here")]
    NameTaken,
    #[error("the place still holds {households} households with residents")]
    PlaceNotEmpty { households: u32 },
    #[error("the place is archived")]
    PlaceArchived,
    #[error("the member is not waiting for verification")]
    NotPending,
    #[error("the member does not live in a household")]
    NotResident,
    #[error("the file lacks the column {field}")]
    MissingColumn { field: Field },
    #[error("the same household as on line {first_line}")]
    DuplicateRow { first_line: usize },
    #[error("a different code than on line {first_line}")]
    ConflictingCode { first_line: usize },
    #[error("the chosen options cost more than the budget")]
    OverBudget,
    #[error("the member is not in this vote's electorate")]
    NotInElectorate,
    #[error("results are not shown yet")]
    ResultsHidden,
    #[error("the vote has not closed")]
    VoteNotClosed,
    #[error("this vote was cast already")]
    AlreadyVoted,
    #[error("voting has not opened yet")]
    VotingNotOpen,
    #[error("voting has closed")]
    VotingClosed,
    #[error("voting has opened; proxies are fixed")]
    VotingOpen,
    #[error("this vote is already delegated")]
    ProxyTaken,
    #[error("a delegated vote cannot be passed on")]
    ProxyChain,
    #[error("a delegate may hold at most {max} votes")]
    ProxyLimit { max: u8 },
    #[error("{households} households in the scope have no floor area recorded")]
    FloorAreaMissing { households: u32 },
    #[error("the delegate is not a voter of this vote")]
    DelegateNotEligible,
    #[error("the meeting has not opened")]
    MeetingNotOpen,
    #[error("the meeting has closed")]
    MeetingClosed,
    #[error("the agenda item is done")]
    ItemDone,
    #[error("a motion is still open")]
    MotionOpen,
    #[error("too few present for a motion")]
    QuorumNotMet,
    #[error("the member is not invited to this meeting")]
    NotInvited,
    #[error("a motion was put since the check-in, which counted it")]
    CheckInCounted,
    #[error("the matter is not at a step that allows this")]
    MatterStep,
    #[error("the matter changed meanwhile")]
    MatterChanged,
    #[error("the rating window has closed")]
    EvaluationClosed,
    #[error("already rated")]
    AlreadyRated,
    #[error("the decision's vote has not closed")]
    DecisionPending,
    #[error("the request is not at a status that allows this")]
    RequestStatus,
    #[error("the request changed meanwhile")]
    RequestChanged,
    #[error("no unit of the request's community handles its subcategory")]
    NoHandlingUnit,
    #[error("the member belongs to another community than the unit's")]
    MemberElsewhere,
    #[error("the photo was attached to another record meanwhile")]
    PhotoTaken,
    #[error("the decision's publication period has not completed")]
    PublicationPending,
    #[error("an objection to the published decision was upheld")]
    DecisionObjected,
    #[error("the covenant's latest version is not at a step that allows this")]
    CovenantStep,
    #[error("no version of the covenant is in force")]
    NotInForce,
    #[error("the notice has no publication period")]
    NoPeriod,
    #[error("the publication period is over")]
    PeriodOver,
    #[error("the budget round's current phase does not allow this")]
    PhaseClosed,
    #[error("the budget round changed meanwhile")]
    RoundChanged,
    #[error("the plan asks for more than the cap of {cap_fen} fen per project")]
    OverCap { cap_fen: u64 },
    #[error("the entry would spend more than is left ({left_fen} fen)")]
    OverFunding { left_fen: u64 },
    #[error("the objection has been answered")]
    AlreadyAnswered,
    #[error("files must be JPEG, PNG or WebP photos, or PDF for notices")]
    UnsupportedMedia,
    #[error("more than {max} rows")]
    TooManyRows { max: usize },
    #[error("the file has {} bad rows", rows.len())]
    ImportRejected {
        rows: Vec<crate::territory::import::RowError>,
    },
    #[error("{entity} not found")]
    NotFound { entity: Entity },
    #[error("request body is not the expected JSON")]
    InvalidJson,
    #[error("request body over {max_bytes} bytes")]
    PayloadTooLarge { max_bytes: usize },
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("a backing service did not answer")]
    Unavailable,
    #[error("internal error")]
    Internal,
}

impl DomainError {
    /// The stable code sent to clients.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::Unauthenticated => "unauthenticated",
            DomainError::Forbidden => "forbidden",
            DomainError::CsrfRejected => "csrf_rejected",
            DomainError::InvalidCredentials => "invalid_credentials",
            DomainError::AccountSuspended => "account_suspended",
            DomainError::RateLimited { .. } => "rate_limited",
            DomainError::InviteCodeInvalid => "invite_code_invalid",
            DomainError::UnknownRequestNumber => "unknown_request_number",
            DomainError::PushUnavailable => "push_unavailable",
            DomainError::PhoneTaken => "phone_taken",
            DomainError::Required { .. } => "required",
            DomainError::TooLong { .. } => "too_long",
            DomainError::TooShort { .. } => "too_short",
            DomainError::Invalid { .. } => "invalid",
            DomainError::UnfitCharacters { .. } => "unfit_characters",
            DomainError::OutOfRange { .. } => "out_of_range",
            DomainError::NameTaken => "name_taken",
            DomainError::PlaceNotEmpty { .. } => "place_not_empty",
            DomainError::PlaceArchived => "place_archived",
            DomainError::NotPending => "not_pending",
            DomainError::NotResident => "not_resident",
            DomainError::MissingColumn { .. } => "missing_column",
            DomainError::DuplicateRow { .. } => "duplicate_row",
            DomainError::ConflictingCode { .. } => "conflicting_code",
            DomainError::TooManyRows { .. } => "too_many_rows",
            DomainError::OverBudget => "over_budget",
            DomainError::FloorAreaMissing { .. } => "floor_area_missing",
            DomainError::AlreadyVoted => "already_voted",
            DomainError::NotInElectorate => "not_in_electorate",
            DomainError::ResultsHidden => "results_hidden",
            DomainError::VoteNotClosed => "vote_not_closed",
            DomainError::VotingNotOpen => "voting_not_open",
            DomainError::VotingClosed => "voting_closed",
            DomainError::VotingOpen => "voting_open",
            DomainError::ProxyTaken => "proxy_taken",
            DomainError::MeetingNotOpen => "meeting_not_open",
            DomainError::MeetingClosed => "meeting_closed",
            DomainError::ItemDone => "item_done",
            DomainError::MotionOpen => "motion_open",
            DomainError::QuorumNotMet => "quorum_not_met",
            DomainError::NotInvited => "not_invited",
            DomainError::CheckInCounted => "check_in_counted",
            DomainError::MatterStep => "matter_step",
            DomainError::MatterChanged => "matter_changed",
            DomainError::EvaluationClosed => "evaluation_closed",
            DomainError::AlreadyRated => "already_rated",
            DomainError::DecisionPending => "decision_pending",
            DomainError::UnsupportedMedia => "unsupported_media",
            DomainError::NoPeriod => "no_period",
            DomainError::CovenantStep => "covenant_step",
            DomainError::PublicationPending => "publication_pending",
            DomainError::RequestStatus => "request_status",
            DomainError::RequestChanged => "request_changed",
            DomainError::NoHandlingUnit => "no_handling_unit",
            DomainError::MemberElsewhere => "member_elsewhere",
            DomainError::PhotoTaken => "photo_taken",
            DomainError::DecisionObjected => "decision_objected",
            DomainError::NotInForce => "not_in_force",
            DomainError::PeriodOver => "period_over",
            DomainError::PhaseClosed => "phase_closed",
            DomainError::RoundChanged => "round_changed",
            DomainError::OverCap { .. } => "over_cap",
            DomainError::OverFunding { .. } => "over_funding",
            DomainError::AlreadyAnswered => "already_answered",
            DomainError::DelegateNotEligible => "delegate_not_eligible",
            DomainError::ProxyChain => "proxy_chain",
            DomainError::ProxyLimit { .. } => "proxy_limit",
            DomainError::ImportRejected { .. } => "import_rejected",
            DomainError::NotFound { .. } => "not_found",
            DomainError::InvalidJson => "invalid_json",
            DomainError::PayloadTooLarge { .. } => "payload_too_large",
            DomainError::MethodNotAllowed => "method_not_allowed",
            DomainError::Unavailable => "unavailable",
            DomainError::Internal => "internal",
        }
    }

    /// The request field the error is about, if any.
    #[must_use]
    pub fn field(&self) -> Option<Field> {
        match self {
            DomainError::Required { field }
            | DomainError::TooLong { field, .. }
            | DomainError::TooShort { field, .. }
            | DomainError::Invalid { field }
            | DomainError::UnfitCharacters { field }
            | DomainError::OutOfRange { field, .. }
            | DomainError::MissingColumn { field } => Some(*field),
            DomainError::UnknownRequestNumber => Some(Field::RequestNumber),
            DomainError::NoHandlingUnit => Some(Field::Subcategory),
            DomainError::MemberElsewhere => Some(Field::Phone),
            DomainError::PhotoTaken => Some(Field::Photos),
            _ => None,
        }
    }
}

pub type DomainResult<T> = Result<T, DomainError>;
