//! One error type for every handler: a domain error (sent to the client, localized) plus, for failures of
//! the platform, an internal cause that is logged and never sent.

use yishi_core::DomainError;

#[derive(Debug)]
pub struct ApiError {
    pub error: DomainError,
    /// Logged, never sent.
    pub cause: Option<String>,
}

impl ApiError {
    pub fn internal(cause: impl Into<String>) -> ApiError {
        ApiError {
            error: DomainError::Internal,
            cause: Some(cause.into()),
        }
    }

    /// The HTTP status of each domain error.
    pub fn status(&self) -> u16 {
        match self.error {
            DomainError::InvalidJson => 400,
            DomainError::Unauthenticated | DomainError::InvalidCredentials => 401,
            DomainError::Forbidden
            | DomainError::CsrfRejected
            | DomainError::AccountSuspended
            | DomainError::NotInElectorate
            | DomainError::NotInvited
            | DomainError::ResultsHidden => 403,
            DomainError::NotFound { .. } => 404,
            DomainError::MethodNotAllowed => 405,
            DomainError::PhoneTaken
            | DomainError::NameTaken
            | DomainError::PlaceNotEmpty { .. }
            | DomainError::PlaceArchived
            | DomainError::NotPending
            | DomainError::ProxyTaken
            | DomainError::AlreadyVoted
            | DomainError::VotingNotOpen
            | DomainError::VotingClosed
            | DomainError::VotingOpen
            | DomainError::VoteNotClosed
            | DomainError::MeetingNotOpen
            | DomainError::MeetingClosed
            | DomainError::ItemDone
            | DomainError::MotionOpen
            | DomainError::CheckInCounted
            | DomainError::QuorumNotMet
            | DomainError::MatterStep
            | DomainError::MatterChanged
            | DomainError::EvaluationClosed
            | DomainError::AlreadyRated
            | DomainError::DecisionPending
            | DomainError::NoPeriod
            | DomainError::CovenantStep
            | DomainError::PublicationPending
            | DomainError::RequestStatus
            | DomainError::RequestChanged
            | DomainError::PhotoTaken
            | DomainError::DecisionObjected
            | DomainError::NotInForce
            | DomainError::PeriodOver
            | DomainError::PhaseClosed
            | DomainError::RoundChanged
            | DomainError::AlreadyAnswered
            | DomainError::PushUnavailable => 409,
            DomainError::PayloadTooLarge { .. } => 413,
            DomainError::UnsupportedMedia => 415,
            DomainError::Required { .. }
            | DomainError::TooLong { .. }
            | DomainError::TooShort { .. }
            | DomainError::Invalid { .. }
            | DomainError::UnfitCharacters { .. }
            | DomainError::OutOfRange { .. }
            | DomainError::NotResident
            | DomainError::MissingColumn { .. }
            | DomainError::DuplicateRow { .. }
            | DomainError::ConflictingCode { .. }
            | DomainError::TooManyRows { .. }
            | DomainError::OverBudget
            | DomainError::OverCap { .. }
            | DomainError::OverFunding { .. }
            | DomainError::FloorAreaMissing { .. }
            | DomainError::ProxyChain
            | DomainError::DelegateNotEligible
            | DomainError::ProxyLimit { .. }
            | DomainError::ImportRejected { .. }
            | DomainError::InviteCodeInvalid
            | DomainError::NoHandlingUnit
            | DomainError::MemberElsewhere
            | DomainError::UnknownRequestNumber => 422,
            DomainError::RateLimited { .. } => 429,
            DomainError::Internal => 500,
            DomainError::Unavailable => 503,
        }
    }
}

impl From<DomainError> for ApiError {
    fn from(error: DomainError) -> ApiError {
        ApiError { error, cause: None }
    }
}

impl From<worker::Error> for ApiError {
    fn from(e: worker::Error) -> ApiError {
        ApiError::internal(e.to_string())
    }
}

impl From<worker::KvError> for ApiError {
    fn from(e: worker::KvError) -> ApiError {
        ApiError::internal(format!("kv: {e}"))
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(e: serde_json::Error) -> ApiError {
        ApiError::internal(format!("json: {e}"))
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
