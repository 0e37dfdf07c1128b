//! The table of every endpoint of the API, under [`super::PREFIX`]: one line each, in the order they are
//! matched. The worker dispatches on [`Route`], the app sends through the endpoint types, and the docs
//! (`docs/API.md`, `docs/openapi.json`) and the authorization matrix are generated from [`table`].

use super::audit::AuditListResponse;
use super::auth::{
    ChangePasscodeRequest, JoinRequest, ProfileUpdate, SessionListResponse, SessionResponse,
    SignInRequest,
};
use super::covenants::{
    ClauseCommentRequest, ClausesRequest, CovenantBallotRequest, CovenantListResponse,
    CovenantResponse, CreateCovenantRequest, SignRequest,
};
use super::endpoint::{
    Access, AtomFeed, CalendarFile, CsvFile, ImageFile, Payload, Token, Upgrade, endpoints,
};
use super::health::HealthResponse;
use super::invites::{
    InvitePlaceResponse, InviteResponse, InviteSheetResponse, IssueInvitesRequest,
};
use super::matters::{
    AcceptanceRequest, AgendaRequest, BallotRequest, BoardResponse, CommentRequest,
    DecisionRequest, MatterListResponse, MatterResponse, MatterSettingsResponse, MergeRequest,
    MilestoneRequest, OwnerRequest, PhotoResponse, ProgressRequest, ProposeRequest, RatingRequest,
    ReasonRequest, SummaryRequest,
};
use super::meetings::{
    AttendanceListResponse, CheckInRequest, CreateMeetingRequest, LeaveRequest,
    MeetingListResponse, MeetingLive, MeetingResponse, MinutesRequest, MotionRequest,
    SpeakerUpdate,
};
use super::members::{
    AddHouseholdMemberRequest, BirthYearRequest, MemberListResponse, MemberResponse,
    PasscodeResetResponse, RepresentativeRequest, RoleRequest, VerifyRequest,
};
use super::notices::{
    AnswerRequest, CreateNoticeRequest, MarkReadRequest, NoticeListResponse, NoticeReadResponse,
    NoticeReadsResponse, NoticeResponse, ObjectionRequest,
};
use super::notifications::{
    NotificationListResponse, PushStatusResponse, PushSubscriptionRequest, UnreadResponse,
};
use super::projects::{
    CreateRoundRequest, MovePhaseRequest, NeedRequest, RoundListResponse, RoundResponse,
};
use super::requests::{
    CalendarRequest, CatalogueImportResponse, CatalogueResponse, CategoryRequest, ChangeRequest,
    ConfirmRequest, FiguresResponse, NewRequest, Open311KeyListResponse, Open311KeyRequest,
    Open311KeyResponse, RequestListResponse, RequestResponse, SimilarResponse, SplitRequest,
    SubcategoryRequest, UnitMemberRequest, UnitRequest,
};
use super::territory::{
    CreatePlaceRequest, HouseholdsResponse, ImportResponse, PlaceResponse, PostableScopesResponse,
    TerritoryResponse, UpdatePlaceRequest,
};
use super::votes::{
    BallotListResponse, CastRequest, CastResponse, CreateVoteRequest, MyBallotsResponse,
    PaperBallotRequest, ProxyRequest, ProxyResponse, VoteListResponse, VoteResponse,
    VoteResultResponse, VoterListResponse,
};
use crate::ids::BuildingId;
use crate::ids::{
    CommentId, CommunityId, CovenantId, HandlingUnitId, HouseholdId, MatterId, MeetingId, MemberId,
    NeedId, NoticeId, NotificationId, ObjectionId, PhotoId, RequestCategoryId, RequestId, RoundId,
    SubcategoryId, UnitId, VoteId,
};
use crate::policy::Action;
use crate::territory::PlaceKind;

/// Every JSON request and answer type travels as JSON.
macro_rules! json_payloads {
    ($($t:ty),* $(,)?) => {
        $(impl Payload for $t {
            const MEDIA: super::endpoint::Media = super::endpoint::Media::Json;

            #[cfg(feature = "schema")]
            fn schema(generator: &mut schemars::SchemaGenerator) -> Option<schemars::Schema> {
                Some(generator.subschema_for::<$t>())
            }
        })*
    };
}

json_payloads!(
    AuditListResponse,
    ChangePasscodeRequest,
    JoinRequest,
    ProfileUpdate,
    SessionListResponse,
    SessionResponse,
    SignInRequest,
    ClauseCommentRequest,
    ClausesRequest,
    CovenantBallotRequest,
    CovenantListResponse,
    CovenantResponse,
    CreateCovenantRequest,
    SignRequest,
    HealthResponse,
    InvitePlaceResponse,
    InviteResponse,
    InviteSheetResponse,
    IssueInvitesRequest,
    AcceptanceRequest,
    AgendaRequest,
    BallotRequest,
    BoardResponse,
    CommentRequest,
    DecisionRequest,
    MatterListResponse,
    MatterResponse,
    MatterSettingsResponse,
    MergeRequest,
    MilestoneRequest,
    OwnerRequest,
    PhotoResponse,
    ProgressRequest,
    ProposeRequest,
    RatingRequest,
    ReasonRequest,
    SummaryRequest,
    AttendanceListResponse,
    CheckInRequest,
    CreateMeetingRequest,
    LeaveRequest,
    MeetingListResponse,
    MeetingLive,
    MeetingResponse,
    MinutesRequest,
    MotionRequest,
    SpeakerUpdate,
    AddHouseholdMemberRequest,
    BirthYearRequest,
    MemberListResponse,
    MemberResponse,
    PasscodeResetResponse,
    RepresentativeRequest,
    RoleRequest,
    VerifyRequest,
    AnswerRequest,
    CreateNoticeRequest,
    MarkReadRequest,
    NoticeListResponse,
    NoticeReadResponse,
    NoticeReadsResponse,
    NoticeResponse,
    ObjectionRequest,
    NotificationListResponse,
    UnreadResponse,
    PushStatusResponse,
    PushSubscriptionRequest,
    CalendarRequest,
    CatalogueImportResponse,
    CatalogueResponse,
    CategoryRequest,
    ChangeRequest,
    ConfirmRequest,
    FiguresResponse,
    NewRequest,
    Open311KeyListResponse,
    Open311KeyRequest,
    Open311KeyResponse,
    RequestListResponse,
    RequestResponse,
    SimilarResponse,
    SplitRequest,
    SubcategoryRequest,
    UnitMemberRequest,
    UnitRequest,
    CreatePlaceRequest,
    HouseholdsResponse,
    ImportResponse,
    PlaceResponse,
    PostableScopesResponse,
    TerritoryResponse,
    UpdatePlaceRequest,
    BallotListResponse,
    CastRequest,
    CastResponse,
    CreateVoteRequest,
    MyBallotsResponse,
    PaperBallotRequest,
    ProxyRequest,
    ProxyResponse,
    VoteListResponse,
    VoteResponse,
    VoteResultResponse,
    VoterListResponse,
    CreateRoundRequest,
    MovePhaseRequest,
    NeedRequest,
    RoundListResponse,
    RoundResponse,
);

use Access::{Either, GrantsRole, May, Member, Own, OwnerOr, Public};

endpoints! {
    #[area = "Health"]
    /// Whether the worker, its database and its key-value store answer.
    Health {}: Get ["health"] => () => HealthResponse, Public;

    #[area = "Accounts"]
    /// Signs in with phone and passcode; sets the session cookie.
    SignIn {}: Post ["sessions"] => SignInRequest => SessionResponse, Public;
    /// The member's signed-in devices.
    ListSessions {}: Get ["sessions"] => () => SessionListResponse, Own;
    /// Signs out on this device; clears the session cookie.
    SignOut {}: Delete ["sessions", "current"] => () => (), Public;
    /// Signs out one of her devices.
    RevokeSession { id: Token }: Delete ["sessions", {id}] => () => (), Own;
    /// The signed-in member: her home, her roles, her profile.
    Me {}: Get ["me"] => () => SessionResponse, Member;
    /// Changes her passcode (the current one is asked again).
    ChangePasscode {}: Put ["me", "passcode"] => ChangePasscodeRequest => (), Own;
    /// Changes her display name, language and notification choices.
    UpdateProfile {}: Patch ["me", "profile"] => ProfileUpdate => SessionResponse, Own;
    /// A resident joins her household with its invite code; signs her in.
    Join {}: Post ["residents"] => JoinRequest => SessionResponse, Public;
    /// Where the household of a live invite code is (`阳光小区 3号楼 2单元 301`), for the join form.
    InvitePlace { code: Token }: Get ["invites", {code}] => () => InvitePlaceResponse, Public;

    #[area = "Notices (公示栏)"]
    /// The notices she may read, newest first: in force (pinned apart), the archive, a search by number or words, or drafts.
    ListNotices {}: Get ["notices"] ? [cursor, limit, archive, q, category, drafts]
        => () => NoticeListResponse, Member;
    /// Writes a notice, published now, later, or kept as a draft.
    CreateNotice {}: Post ["notices"] => CreateNoticeRequest => NoticeResponse, May(Action::PostNotice);
    /// One notice, with her reading and its objections.
    GetNotice { id: NoticeId }: Get ["notices", {id}] => () => NoticeResponse, May(Action::ReadNotice);
    /// Marks a notice read, for herself or on behalf of a resident without a phone.
    MarkNoticeRead { id: NoticeId }: Post ["notices", {id}, "reads"]
        => MarkReadRequest => NoticeReadResponse, Either(Action::MarkNoticeRead, Action::ActOnBehalf);
    /// Who has read a notice, building by building.
    NoticeReads { id: NoticeId }: Get ["notices", {id}, "reads"]
        => () => NoticeReadsResponse, May(Action::ViewNoticeReads);
    /// Publishes a draft now.
    PublishNotice { id: NoticeId }: Post ["notices", {id}, "publish"]
        => () => NoticeResponse, May(Action::PostNotice);
    /// Raises an objection during a notice's publication period.
    ObjectToNotice { id: NoticeId }: Post ["notices", {id}, "objections"]
        => ObjectionRequest => NoticeResponse, May(Action::MarkNoticeRead);
    /// Answers an objection, publicly.
    AnswerObjection { id: NoticeId, objection: ObjectionId }:
        Post ["notices", {id}, "objections", {objection}, "answer"]
        => AnswerRequest => NoticeResponse, May(Action::PostNotice);
    /// A community's public notices as an Atom feed.
    NoticeFeed { id: CommunityId }: Get ["communities", {id}, "notices.atom"] => () => AtomFeed, Public;

    #[area = "Notifications"]
    /// Her inbox, newest first, with the unread count: notices, votes, meetings, matters and requests that concern her.
    ListNotifications {}: Get ["notifications"] ? [cursor, limit]
        => () => NotificationListResponse, Own;
    /// How many notifications she has not read (the bell).
    UnreadNotifications {}: Get ["notifications", "unread"] => () => UnreadResponse, Own;
    /// Marks one notification read.
    ReadNotification { id: NotificationId }: Post ["notifications", {id}, "read"]
        => () => UnreadResponse, Own;
    /// Marks every notification read.
    ReadAllNotifications {}: Post ["notifications", "read"] => () => UnreadResponse, Own;
    /// Whether this phone receives Web Push, and the key to subscribe with.
    PushStatus {}: Get ["push", "subscription"] => () => PushStatusResponse, Own;
    /// Subscribes this phone (this session) to Web Push, or replaces its subscription.
    SubscribePush {}: Put ["push", "subscription"] => PushSubscriptionRequest => PushStatusResponse, Own;
    /// Stops Web Push to this phone (the inbox goes on).
    UnsubscribePush {}: Delete ["push", "subscription"] => () => PushStatusResponse, Own;

    #[area = "Territory"]
    /// The whole tree of places she may see, with figures.
    Territory {}: Get ["territory"] ? [community] => () => TerritoryResponse, May(Action::ViewTerritory);
    /// The places she may post notices to.
    PostableScopes {}: Get ["territory", "postable"]
        => () => PostableScopesResponse, Member;
    /// Imports compounds, buildings, units and households from a CSV file.
    ImportTerritory { id: CommunityId }: Post ["communities", {id}, "imports"]
        => CsvFile => ImportResponse, May(Action::ManageTerritory);
    /// A unit's households and their members.
    UnitHouseholds { id: UnitId }: Get ["units", {id}, "households"]
        => () => HouseholdsResponse, May(Action::ViewTerritory);
    /// Adds a member without a phone (an elder, a child) to a household.
    AddHouseholdMember { id: HouseholdId }: Post ["households", {id}, "members"]
        => AddHouseholdMemberRequest => MemberResponse, May(Action::ManageHouseholds);
    /// Chooses the household's representative (who votes for it).
    SetRepresentative { id: HouseholdId }: Put ["households", {id}, "representative"]
        => RepresentativeRequest => MemberResponse, May(Action::ManageHouseholds);
    /// Issues a household's invite code (revoking its previous one).
    IssueHouseholdInvite { id: HouseholdId }: Post ["households", {id}, "invites"]
        => IssueInvitesRequest => InviteResponse, May(Action::ManageInvites);
    /// Issues invite codes for every household of a building that has none.
    IssueBuildingInvites { id: BuildingId }: Post ["buildings", {id}, "invites"]
        => IssueInvitesRequest => InviteSheetResponse, May(Action::ManageInvites);
    /// A building's live invite codes, for printing.
    BuildingInvites { id: BuildingId }: Get ["buildings", {id}, "invites"]
        => () => InviteSheetResponse, May(Action::ManageInvites);
    /// Revokes an invite code.
    RevokeInvite { code: Token }: Post ["invites", {code}, "revoke"] => () => (), May(Action::ManageInvites);
    /// Creates a compound, building, unit or household.
    CreatePlace { kind: PlaceKind }: Post [{kind}]
        => CreatePlaceRequest => PlaceResponse, May(Action::ManageTerritory);
    /// Renames a place, sets its code, or records a household's floor area.
    UpdatePlace { kind: PlaceKind, id: Token }: Patch [{kind}, {id}]
        => UpdatePlaceRequest => PlaceResponse, May(Action::ManageTerritory);
    /// Archives an empty place.
    ArchivePlace { kind: PlaceKind, id: Token }: Post [{kind}, {id}, "archive"]
        => () => PlaceResponse, May(Action::ManageTerritory);
    /// Restores an archived place.
    RestorePlace { kind: PlaceKind, id: Token }: Post [{kind}, {id}, "restore"]
        => () => PlaceResponse, May(Action::ManageTerritory);

    #[area = "Members"]
    /// Members within her reach, found by words of their name or phone (`q`), pending ones first when asked.
    ListMembers {}: Get ["members"] ? [cursor, limit, q, verification]
        => () => MemberListResponse, May(Action::ViewMembers);
    /// One member, her household and roles.
    GetMember { id: MemberId }: Get ["members", {id}] => () => MemberResponse, May(Action::ViewMembers);
    /// Confirms or rejects a pending resident.
    VerifyMember { id: MemberId }: Post ["members", {id}, "verification"]
        => VerifyRequest => MemberResponse, May(Action::VerifyResident);
    /// Grants a role for a place.
    GrantRole { id: MemberId }: Post ["members", {id}, "roles"] => RoleRequest => MemberResponse, GrantsRole;
    /// Revokes a role.
    RevokeRole { id: MemberId }: Post ["members", {id}, "roles", "revoke"]
        => RoleRequest => MemberResponse, GrantsRole;
    /// Sets a temporary passcode, shown once, for a member who forgot hers.
    ResetPasscode { id: MemberId }: Post ["members", {id}, "passcode-reset"]
        => () => PasscodeResetResponse, May(Action::ResetPasscode);
    /// Records a member's year of birth (for the elderly's large type and counts).
    SetBirthYear { id: MemberId }: Put ["members", {id}, "birth-year"]
        => BirthYearRequest => MemberResponse, May(Action::VerifyResident);
    /// The audit log of staff actions, newest first.
    Audit {}: Get ["audit"] ? [cursor, limit] => () => AuditListResponse, May(Action::ReadAudit);

    #[area = "Votes (民决)"]
    /// Creates a vote for a place.
    CreateVote {}: Post ["votes"] => CreateVoteRequest => VoteResponse, May(Action::ManageVotes);
    /// The votes she may see, or those found by number or title (`q`).
    ListVotes {}: Get ["votes"] ? [q] => () => VoteListResponse, Member;
    /// The votes she took part in, with her ballots: her choice and receipt where the vote is named.
    MyBallots {}: Get ["me", "ballots"] => () => MyBallotsResponse, Own;
    /// One vote, with her part in it.
    GetVote { id: VoteId }: Get ["votes", {id}] => () => VoteResponse, May(Action::ReadVote);
    /// Casts (or, where the vote allows it, changes) her ballot, or her household's.
    CastBallot { id: VoteId }: Post ["votes", {id}, "ballots"]
        => CastRequest => CastResponse, May(Action::ReadVote);
    /// A vote's published ballots (`format=csv`: a spreadsheet; `format=pb`: a budget's, for Pabulib).
    VoteBallots { id: VoteId }: Get ["votes", {id}, "ballots"] ? [format]
        => () => BallotListResponse, May(Action::ReadVote);
    /// A vote's result, when shown (`format=csv` for a spreadsheet).
    VoteResult { id: VoteId }: Get ["votes", {id}, "result"] ? [format]
        => () => VoteResultResponse, May(Action::ReadVote);
    /// Who may vote and who has, for those who run the vote.
    VoteVoters { id: VoteId }: Get ["votes", {id}, "voters"]
        => () => VoterListResponse, May(Action::ManageVotes);
    /// Closes a vote early.
    CloseVote { id: VoteId }: Post ["votes", {id}, "close"] => () => VoteResponse, May(Action::ManageVotes);
    /// Gives her vote to a proxy, in writing.
    AddProxy { id: VoteId }: Post ["votes", {id}, "proxies"]
        => ProxyRequest => ProxyResponse, May(Action::ReadVote);
    /// Records a paper ballot for a voter.
    PaperBallot { id: VoteId }: Post ["votes", {id}, "paper"]
        => PaperBallotRequest => CastResponse, May(Action::ManageVotes);
    /// Publishes a closed vote's result on the notice board.
    PublishVoteResult { id: VoteId }: Post ["votes", {id}, "notice"]
        => () => NoticeResponse, May(Action::ManageVotes);

    #[area = "Meetings (民议)"]
    /// Calls a meeting, with its agenda.
    CreateMeeting {}: Post ["meetings"] => CreateMeetingRequest => MeetingResponse, May(Action::ManageVotes);
    /// The meetings she may see, or those found by number or words (`q`).
    ListMeetings {}: Get ["meetings"] ? [q] => () => MeetingListResponse, Member;
    /// One meeting.
    GetMeeting { id: MeetingId }: Get ["meetings", {id}] => () => MeetingResponse, May(Action::ReadVote);
    /// The meeting as an iCalendar file, to add to a phone's calendar.
    MeetingCalendar { id: MeetingId }: Get ["meetings", {id}, "calendar.ics"]
        => () => CalendarFile, May(Action::ReadVote);
    /// A community's meetings (those called for the whole community) as an iCalendar feed a phone's calendar subscribes to.
    MeetingsCalendar { id: CommunityId }: Get ["communities", {id}, "meetings.ics"] => () => CalendarFile, Public;
    /// The live state of a meeting (when the socket is down).
    GetMeetingLive { id: MeetingId }: Get ["meetings", {id}, "live"] => () => MeetingLive, May(Action::ReadVote);
    /// The live meeting's WebSocket.
    MeetingSocket { id: MeetingId }: Get ["meetings", {id}, "socket"] => () => Upgrade, May(Action::ReadVote);
    /// Opens the meeting (check-in starts).
    OpenMeeting { id: MeetingId }: Post ["meetings", {id}, "open"]
        => () => MeetingResponse, May(Action::ManageVotes);
    /// Closes the meeting.
    CloseMeeting { id: MeetingId }: Post ["meetings", {id}, "close"]
        => () => MeetingResponse, May(Action::ManageVotes);
    /// Checks in, by the room's code, or the chair checks someone in.
    CheckIn { id: MeetingId }: Post ["meetings", {id}, "attendance"]
        => CheckInRequest => MeetingResponse, Either(Action::ReadVote, Action::ActOnBehalf);
    /// Who is present.
    Attendance { id: MeetingId }: Get ["meetings", {id}, "attendance"]
        => () => AttendanceListResponse, May(Action::ManageVotes);
    /// She leaves, or the chair records that someone left.
    Leave { id: MeetingId }: Post ["meetings", {id}, "attendance", "leave"]
        => LeaveRequest => MeetingResponse, May(Action::ReadVote);
    /// The chair takes back a check-in made by mistake, while no motion has counted it.
    UndoCheckIn { id: MeetingId, member: MemberId }: Delete ["meetings", {id}, "attendance", {member}]
        => () => MeetingResponse, May(Action::ManageVotes);
    /// Opens an agenda item.
    OpenItem { id: MeetingId, position: u32 }: Post ["meetings", {id}, "items", {position}, "open"]
        => () => MeetingResponse, May(Action::ManageVotes);
    /// Closes an agenda item.
    CloseItem { id: MeetingId, position: u32 }: Post ["meetings", {id}, "items", {position}, "close"]
        => () => MeetingResponse, May(Action::ManageVotes);
    /// Asks for the floor.
    RequestToSpeak { id: MeetingId }: Post ["meetings", {id}, "speakers"]
        => () => MeetingResponse, May(Action::ReadVote);
    /// Gives the floor, ends a turn, or withdraws.
    UpdateSpeaker { id: MeetingId, speaker: Token }: Post ["meetings", {id}, "speakers", {speaker}]
        => SpeakerUpdate => MeetingResponse, OwnerOr(Action::ManageVotes);
    /// Puts a motion to the present voters.
    PutMotion { id: MeetingId }: Post ["meetings", {id}, "motions"]
        => MotionRequest => MeetingResponse, May(Action::ManageVotes);
    /// Closes a motion's vote.
    CloseMotion { id: MeetingId, vote: VoteId }: Post ["meetings", {id}, "motions", {vote}, "close"]
        => () => MeetingResponse, May(Action::ManageVotes);
    /// Saves the secretary's edited minutes.
    PutMinutes { id: MeetingId }: Put ["meetings", {id}, "minutes"]
        => MinutesRequest => MeetingResponse, May(Action::ManageVotes);
    /// Publishes the minutes on the notice board.
    PublishMinutes { id: MeetingId }: Post ["meetings", {id}, "minutes", "publish"]
        => () => NoticeResponse, May(Action::ManageVotes);

    #[area = "Matters (民提, 民办, 民评)"]
    /// The matters she may read, by place, step, category, or her own, or found by number or words (`q`).
    ListMatters {}: Get ["matters"] ? [cursor, limit, scope_kind, scope_id, step, category, mine, q]
        => () => MatterListResponse, Member;
    /// Proposes a matter for her building, compound or community.
    ProposeMatter {}: Post ["matters"] => ProposeRequest => MatterResponse, May(Action::TakePartInMatter);
    /// A community's board: matters by step, per compound or building.
    MatterBoard {}: Get ["matters", "board"] ? [community, level, days]
        => () => BoardResponse, Member;
    /// One matter, with its story.
    GetMatter { id: MatterId }: Get ["matters", {id}] => () => MatterResponse, Member;
    /// Supports a matter collecting supports.
    SupportMatter { id: MatterId }: Post ["matters", {id}, "supports"]
        => () => MatterResponse, May(Action::TakePartInMatter);
    /// Comments in a matter's discussion.
    CommentMatter { id: MatterId }: Post ["matters", {id}, "comments"]
        => CommentRequest => MatterResponse, May(Action::TakePartInMatter);
    /// Hides a comment, with a public reason.
    HideComment { id: MatterId, comment: CommentId }: Post ["matters", {id}, "comments", {comment}, "hide"]
        => ReasonRequest => MatterResponse, May(Action::FacilitateMatters);
    /// Writes the summary of the discussion.
    SummarizeMatter { id: MatterId }: Put ["matters", {id}, "summary"]
        => SummaryRequest => MatterResponse, May(Action::FacilitateMatters);
    /// Declines a matter, with a reason.
    DeclineMatter { id: MatterId }: Post ["matters", {id}, "decline"]
        => ReasonRequest => MatterResponse, May(Action::ManageMatters);
    /// Merges a matter into another.
    MergeMatter { id: MatterId }: Post ["matters", {id}, "merge"]
        => MergeRequest => MatterResponse, May(Action::ManageMatters);
    /// Puts a matter to a vote of the residents.
    MatterBallot { id: MatterId }: Post ["matters", {id}, "ballot"]
        => BallotRequest => MatterResponse, May(Action::ManageMatters);
    /// Puts a matter on a meeting's agenda.
    MatterAgenda { id: MatterId }: Post ["matters", {id}, "agenda"]
        => AgendaRequest => MatterResponse, May(Action::ManageMatters);
    /// Records the decision taken.
    MatterDecision { id: MatterId }: Post ["matters", {id}, "decision"]
        => DecisionRequest => MatterResponse, May(Action::ManageMatters);
    /// Takes a rejected or declined matter up again.
    ReconsiderMatter { id: MatterId }: Post ["matters", {id}, "reconsider"]
        => () => MatterResponse, May(Action::ManageMatters);
    /// Names the matter's owner.
    MatterOwner { id: MatterId }: Put ["matters", {id}, "owner"]
        => OwnerRequest => MatterResponse, May(Action::ManageMatters);
    /// A resident takes on a micro-wish herself.
    AdoptMatter { id: MatterId }: Post ["matters", {id}, "adopt"]
        => () => MatterResponse, May(Action::TakePartInMatter);
    /// Adds a milestone.
    AddMilestone { id: MatterId }: Post ["matters", {id}, "milestones"]
        => MilestoneRequest => MatterResponse, May(Action::ManageMatters);
    /// Marks a milestone done.
    MilestoneDone { id: MatterId, position: u32 }: Post ["matters", {id}, "milestones", {position}, "done"]
        => () => MatterResponse, OwnerOr(Action::ManageMatters);
    /// Reports progress, with photos.
    MatterProgress { id: MatterId }: Post ["matters", {id}, "progress"]
        => ProgressRequest => MatterResponse, OwnerOr(Action::ManageMatters);
    /// Asks the residents' representatives to accept the work.
    MatterReady { id: MatterId }: Post ["matters", {id}, "ready"]
        => () => MatterResponse, OwnerOr(Action::ManageMatters);
    /// Accepts the work, or sends it back with a reason.
    MatterAcceptance { id: MatterId }: Post ["matters", {id}, "acceptance"]
        => AcceptanceRequest => MatterResponse, May(Action::AcceptMatters);
    /// Rates the result (民评).
    RateMatter { id: MatterId }: Post ["matters", {id}, "ratings"]
        => RatingRequest => MatterResponse, May(Action::TakePartInMatter);
    /// A community's thresholds for matters.
    MatterSettings { id: CommunityId }: Get ["communities", {id}, "matter-settings"]
        => () => MatterSettingsResponse, Member;
    /// Changes a community's thresholds for matters.
    PutMatterSettings { id: CommunityId }: Put ["communities", {id}, "matter-settings"]
        => MatterSettingsResponse => MatterSettingsResponse, May(Action::ManageMatters);

    #[area = "Photos"]
    /// Uploads a photo (the body is the image) for a matter, a request or a notice.
    UploadPhoto {}: Post ["photos"] => ImageFile => PhotoResponse, Member;
    /// A photo, to those who may read what it belongs to.
    GetPhoto { id: PhotoId }: Get ["photos", {id}] => () => ImageFile, Member;

    #[area = "Covenants (一事一约)"]
    /// The covenants she may read, or those found by number or words (`q`).
    ListCovenants {}: Get ["covenants"] ? [q] => () => CovenantListResponse, Member;
    /// Drafts a covenant.
    CreateCovenant {}: Post ["covenants"]
        => CreateCovenantRequest => CovenantResponse, May(Action::ManageMatters);
    /// One covenant, its versions, and her household's signature.
    GetCovenant { id: CovenantId }: Get ["covenants", {id}] => () => CovenantResponse, Member;
    /// Edits a draft's clauses.
    EditCovenantDraft { id: CovenantId }: Put ["covenants", {id}, "draft"]
        => ClausesRequest => CovenantResponse, May(Action::ManageMatters);
    /// Comments on a draft's clause.
    CommentCovenant { id: CovenantId }: Post ["covenants", {id}, "comments"]
        => ClauseCommentRequest => CovenantResponse, May(Action::TakePartInMatter);
    /// Puts a draft to a vote.
    CovenantBallot { id: CovenantId }: Post ["covenants", {id}, "ballot"]
        => CovenantBallotRequest => CovenantResponse, May(Action::ManageMatters);
    /// Records the vote's outcome: adopted or not.
    CovenantAdoption { id: CovenantId }: Post ["covenants", {id}, "adoption"]
        => () => CovenantResponse, May(Action::ManageMatters);
    /// Drafts an amendment to a covenant in force.
    AmendCovenant { id: CovenantId }: Post ["covenants", {id}, "versions"]
        => ClausesRequest => CovenantResponse, May(Action::ManageMatters);
    /// Signs for her household, or records a paper signature.
    SignCovenant { id: CovenantId }: Post ["covenants", {id}, "signatures"]
        => SignRequest => CovenantResponse, Either(Action::TakePartInMatter, Action::ActOnBehalf);

    #[area = "Budget rounds (居民自治项目化)"]
    /// The budget rounds of the communities she may read, newest first.
    ListRounds {}: Get ["rounds"] => () => RoundListResponse, Member;
    /// Opens a budget round for a community: its budget, cap per project, categories and phases.
    CreateRound {}: Post ["rounds"] => CreateRoundRequest => RoundResponse, May(Action::ManageMatters);
    /// One round, its phases and its needs, with what she may do in it.
    GetRound { id: RoundId }: Get ["rounds", {id}] => () => RoundResponse, Member;
    /// A round's public account, for anyone: its budget, phases and needs, no names.
    PublicRound { id: RoundId }: Get ["rounds", {id}, "public"] => () => RoundResponse, Public;
    /// Moves a phase's end, and with it the next phase's start.
    MoveRoundPhase { id: RoundId }: Put ["rounds", {id}, "schedule"]
        => MovePhaseRequest => RoundResponse, May(Action::ManageMatters);
    /// Posts a need, while the round collects them.
    PostNeed { id: RoundId }: Post ["rounds", {id}, "needs"]
        => NeedRequest => RoundResponse, May(Action::TakePartInMatter);
    /// Supports a neighbour's need (again, harmlessly).
    SupportNeed { id: RoundId, need: NeedId }: Post ["rounds", {id}, "needs", {need}, "supports"]
        => () => RoundResponse, May(Action::TakePartInMatter);

    #[area = "Requests (民生诉求)"]
    /// The catalogue: categories, subcategories with their time limits, units.
    RequestCatalogue {}: Get ["requests", "catalogue"] => () => CatalogueResponse, Member;
    /// Adds a category.
    CreateRequestCategory {}: Post ["requests", "categories"]
        => CategoryRequest => CatalogueResponse, May(Action::ManageCatalogue);
    /// Renames a category.
    UpdateRequestCategory { id: RequestCategoryId }: Put ["requests", "categories", {id}]
        => CategoryRequest => CatalogueResponse, May(Action::ManageCatalogue);
    /// Adds a subcategory.
    CreateSubcategory {}: Post ["requests", "subcategories"]
        => SubcategoryRequest => CatalogueResponse, May(Action::ManageCatalogue);
    /// Changes a subcategory.
    UpdateSubcategory { id: SubcategoryId }: Put ["requests", "subcategories", {id}]
        => SubcategoryRequest => CatalogueResponse, May(Action::ManageCatalogue);
    /// Adds a handling unit of the community named, else the caller's (or the district's).
    CreateHandlingUnit {}: Post ["requests", "units"]
        => UnitRequest => CatalogueResponse, May(Action::ManageUnits);
    /// Changes a handling unit (a community's by its staff, the district's by the street admin).
    UpdateHandlingUnit { id: HandlingUnitId }: Put ["requests", "units", {id}]
        => UnitRequest => CatalogueResponse, May(Action::ManageUnits);
    /// Adds a member to a handling unit (to a community's, only its own people or outsiders).
    AddUnitMember { id: HandlingUnitId }: Post ["requests", "units", {id}, "members"]
        => UnitMemberRequest => CatalogueResponse, May(Action::ManageUnits);
    /// Removes a member from a handling unit.
    RemoveUnitMember { id: HandlingUnitId, member: MemberId }:
        Delete ["requests", "units", {id}, "members", {member}]
        => () => CatalogueResponse, May(Action::ManageUnits);
    /// Sets the holidays and make-up workdays, and how long a resolved request waits.
    PutRequestCalendar {}: Put ["requests", "calendar"]
        => CalendarRequest => CatalogueResponse, May(Action::ManageCatalogue);
    /// The catalogue as a CSV file (for staff: those who keep units or the catalogue).
    ExportCatalogue {}: Get ["requests", "catalogue.csv"] => () => CsvFile, May(Action::ManageUnits);
    /// Imports a catalogue CSV file.
    ImportCatalogue {}: Post ["requests", "catalogue.csv"]
        => CsvFile => CatalogueImportResponse, May(Action::ManageCatalogue);
    /// Open requests like the one being written, to join instead.
    SimilarRequests {}: Get ["requests", "similar"] ? [subcategory, place_kind, place_id]
        => () => SimilarResponse, Either(Action::ReportRequest, Action::RegisterRequest);
    /// Reports a request, or registers one for a resident.
    CreateRequest {}: Post ["requests"] => NewRequest => RequestResponse, Either(Action::ReportRequest, Action::RegisterRequest);
    /// Her requests, her unit's, or all within her reach (`view=mine|handling|all`), by status or found by number or words (`q`), open ones most urgent first, with what waits in each list.
    ListRequests {}: Get ["requests"] ? [cursor, limit, view, status, q]
        => () => RequestListResponse, Member;
    /// Figures per unit and per category (`format=csv` for a spreadsheet).
    RequestFigures {}: Get ["requests", "figures"] ? [from, to, format]
        => () => FiguresResponse, May(Action::DispatchRequests);
    /// Creates a key for an Open311 client.
    CreateOpen311Key {}: Post ["requests", "open311-keys"]
        => Open311KeyRequest => Open311KeyResponse, May(Action::DispatchRequests);
    /// The Open311 keys.
    ListOpen311Keys {}: Get ["requests", "open311-keys"]
        => () => Open311KeyListResponse, May(Action::DispatchRequests);
    /// Revokes an Open311 key.
    RevokeOpen311Key { id: Token }: Post ["requests", "open311-keys", {id}, "revoke"]
        => () => Open311KeyListResponse, May(Action::DispatchRequests);
    /// One request, with its story.
    GetRequest { id: RequestId }: Get ["requests", {id}] => () => RequestResponse, Member;
    /// Joins an open request ("me too").
    JoinOpenRequest { id: RequestId }: Post ["requests", {id}, "join"]
        => () => RequestResponse, May(Action::ReportRequest);
    /// Moves a request on: accept, start, resolve, return, send on, merge.
    ChangeRequestStatus { id: RequestId }: Post ["requests", {id}, "changes"]
        => ChangeRequest => RequestResponse, Member;
    /// The resident confirms the request resolved, or reopens it.
    ConfirmRequestOutcome { id: RequestId }: Post ["requests", {id}, "confirmation"]
        => ConfirmRequest => RequestResponse, Member;
    /// Splits a request into another.
    SplitRequestOff { id: RequestId }: Post ["requests", {id}, "split"]
        => SplitRequest => RequestResponse, May(Action::DispatchRequests);
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::api::endpoint::{Endpoint, Method, RouteInfo, segments};

    fn sample(info: &RouteInfo, name: &str) -> String {
        let shape = info
            .params
            .iter()
            .find(|(p, _)| *p == name)
            .map(|(_, s)| *s)
            .unwrap_or_else(|| panic!("{}: {{{name}}} is not a parameter", info.name));
        match shape {
            "integer" => "2".to_owned(),
            "token" => "tok_1".to_owned(),
            s if s.starts_with("compounds") => "buildings".to_owned(),
            s => {
                let prefix = s
                    .trim_start_matches("id (")
                    .trim_end_matches("_…)")
                    .to_owned();
                format!("{prefix}_1")
            }
        }
    }

    #[test]
    fn every_endpoint_parses_its_own_path_and_no_other_shadows_it() {
        for info in table() {
            let path = info.path_with(|p| sample(&info, p));
            let route = Route::parse(info.method, &segments(&path))
                .unwrap_or_else(|| panic!("{} {path} does not parse", info.name));
            assert_eq!(route.name(), info.name, "{} {path}", info.method.as_str());
            assert_eq!(route.access(), info.access);
        }
    }

    #[test]
    fn every_parameter_of_a_path_is_a_field_and_every_field_is_in_the_path() {
        for info in table() {
            let in_path: Vec<&str> = info
                .path
                .split('/')
                .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
                .collect();
            let fields: Vec<&str> = info.params.iter().map(|(p, _)| *p).collect();
            assert_eq!(in_path, fields, "{}", info.name);
        }
    }

    #[test]
    fn each_method_and_path_is_registered_once_and_names_are_unique() {
        let table = table();
        let mut seen = HashSet::new();
        let mut names = HashSet::new();
        for info in &table {
            assert!(
                seen.insert((info.method, info.path)),
                "{} {} twice",
                info.method.as_str(),
                info.path
            );
            assert!(names.insert(info.name), "{} twice", info.name);
        }
        assert_eq!(table.len(), 147);
    }

    #[test]
    fn only_signing_in_joining_and_signing_out_change_anything_without_a_session() {
        let open: Vec<&str> = table()
            .iter()
            .filter(|i| i.method.changes() && !i.access.needs_session())
            .map(|i| i.name)
            .collect();
        assert_eq!(open, ["SignIn", "SignOut", "Join"]);
    }

    #[test]
    fn paths_are_written_from_typed_parameters() {
        let e = AnswerObjection {
            id: NoticeId::from_trusted("ntc_1"),
            objection: ObjectionId::from_trusted("obj_2"),
        };
        assert_eq!(e.path(), "/notices/ntc_1/objections/obj_2/answer");
        assert_eq!(
            AnswerObjection::PATH,
            "/notices/{id}/objections/{objection}/answer"
        );
        let e = OpenItem {
            id: MeetingId::from_trusted("mtg_1"),
            position: 3,
        };
        assert_eq!(e.path(), "/meetings/mtg_1/items/3/open");
        let e = CreatePlace {
            kind: PlaceKind::Unit,
        };
        assert_eq!(e.path(), "/units");
        assert_eq!(Health {}.path(), "/health");
    }

    #[test]
    fn malformed_parameters_do_not_parse() {
        for path in [
            "notices/bad id/reads",
            "meetings/mtg_1/items/-1/open",
            "meetings/mtg_1/items/1e3/open",
            "members/mbr_1/roles/extra/segment",
            "planets/pl_1/archive",
        ] {
            assert_eq!(Route::parse(Method::Post, &segments(path)), None, "{path}");
        }
        // Literal segments win over parameters: `/requests/figures` is not a request named "figures".
        assert_eq!(
            Route::parse(Method::Get, &segments("requests/figures")).map(|r| r.name()),
            Some("RequestFigures")
        );
    }

    #[test]
    fn ids_in_bodies_are_checked_for_their_shape() {
        assert!(serde_json::from_str::<MemberId>(r#""mbr_1""#).is_ok());
        assert!(serde_json::from_str::<MemberId>(r#""mbr 1""#).is_err());
        assert!(serde_json::from_str::<MemberId>(r#""""#).is_err());
    }
}
