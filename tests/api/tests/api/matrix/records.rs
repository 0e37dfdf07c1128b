//! The records the matrix acts on, made through the API before it runs: by staff, by residents of
//! building 3 (`bld_t03`, where the building head, the grid worker, the grid head and the group leader
//! hold their offices), by the council member and the property company's repairman; each in the step
//! its cases need. A case whose first allowed caller changes the record (closes a vote, declines a
//! matter) has a record of its own, so that no other case depends on the order the callers run in.

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, PNG, fresh_code, fresh_phone, marker, yes_no_settings};
use yishi_core::api::PREFIX;
use yishi_core::api::auth::SessionResponse;
use yishi_core::api::covenants::CovenantResponse;
use yishi_core::api::endpoint::Endpoint;
use yishi_core::api::matters::{MatterResponse, PhotoResponse};
use yishi_core::api::meetings::MeetingResponse;
use yishi_core::api::members::MemberResponse;
use yishi_core::api::notices::NoticeResponse;
use yishi_core::api::projects::RoundResponse;
use yishi_core::api::requests::{CatalogueResponse, Open311KeyListResponse, RequestResponse};
use yishi_core::api::routes::*;
use yishi_core::api::territory::PlaceResponse;
use yishi_core::api::votes::VoteResponse;
use yishi_core::ids::{
    CommentId, CovenantId, HandlingUnitId, MatterId, MeetingId, MemberId, NeedId, NoticeId,
    ObjectionId, PhotoId, RequestCategoryId, RequestId, RoundId, StreetId, SubcategoryId, VoteId,
};
use yishi_core::territory::ScopePath;

/// Ids of everything the cases act on.
pub struct Records {
    // Notices
    pub notice: NoticeId,
    pub draft: NoticeId,
    pub period_notice: NoticeId,
    pub objection: ObjectionId,
    // Territory and members
    pub empty_building: String,
    pub joined: MemberId,
    pub joined_phone: String,
    pub joined_home: ScopePath,
    pub pending: MemberId,
    pub pending_home: ScopePath,
    /// One member without a phone per caller (in `CALLERS` order), to be granted a role and have it
    /// revoked by her alone.
    pub subjects: Vec<MemberId>,
    pub invite_code: String,
    pub invite_household: String,
    // Votes of building 3's residents
    pub vote_open: VoteId,
    pub vote_closed: VoteId,
    pub vote_to_close: VoteId,
    pub vote_scheduled: VoteId,
    // Meetings of building 3's residents
    pub meeting_scheduled: MeetingId,
    pub meeting_open: MeetingId,
    pub checkin_token: String,
    pub speaker: String,
    pub motion: VoteId,
    pub meeting_to_close: MeetingId,
    pub meeting_closed: MeetingId,
    // Matters of building 3, proposed by its resident
    pub matter_proposed: MatterId,
    pub comment: CommentId,
    pub matter_to_decline: MatterId,
    pub matter_duplicate: MatterId,
    pub matter_target: MatterId,
    pub matter_deliberating: MatterId,
    pub matter_for_agenda: MatterId,
    pub matter_deciding: MatterId,
    pub matter_implementing: MatterId,
    pub matter_to_hand_over: MatterId,
    pub matter_accepting: MatterId,
    pub matter_evaluating: MatterId,
    pub micro_wish: MatterId,
    pub photo_attached: PhotoId,
    pub photo_loose: PhotoId,
    // Covenants of building 3
    pub covenant_draft: CovenantId,
    pub covenant_to_ballot: CovenantId,
    pub covenant_voting: CovenantId,
    pub covenant_in_force: CovenantId,
    // Requests about building 3, reported by its resident, and a catalogue of the matrix's own
    pub request_to_split: RequestId,
    pub request_to_see: RequestId,
    pub request_to_join: RequestId,
    pub request_returned: RequestId,
    pub request_resolved: RequestId,
    pub category: RequestCategoryId,
    pub subcategory: SubcategoryId,
    pub handling_unit: HandlingUnitId,
    pub open311_key: String,
    // A budget round of the community collecting needs, with a need of building 3's resident
    pub round: RoundId,
    pub need: NeedId,
}

/// Whom a matter's owner is: the residents' group leader of compound A, who holds no right to run
/// matters herself, so that the owner's own rights are what the cases see.
pub const OWNER_PHONE: &str = GROUP_LEADER;

/// Building 3 as a request names a scope.
pub fn building3() -> Value {
    json!({ "kind": "building", "id": "bld_t03" })
}

/// A meeting of building 3's residents, now, without a quorum, with two items on its agenda.
pub fn meeting_settings(title: &str) -> Value {
    json!({
        "title": title,
        "place": "社区党群服务中心二楼会议室",
        "starts_at": chrono::Utc::now().to_rfc3339(),
        "electorate": { "kind": "residents" },
        "procedure": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false },
        "agenda": ["加装电梯", "楼道堆物清理"],
    })
}

/// The people who make the records.
struct Makers {
    staff: Api,
    resident: Api,
    head: Api,
    joined: Api,
    council: Api,
    fixer: Api,
}

impl Makers {
    fn vote(&mut self, settings: Value) -> VoteId {
        let v: VoteResponse = self.staff.ok(
            &CreateVote {},
            &json!({ "scope": building3(), "settings": settings }),
        );
        v.vote.id
    }

    /// The resident votes yes and staff close the vote.
    fn carry(&mut self, vote: &VoteId) {
        self.resident.ok(
            &CastBallot { id: vote.clone() },
            &json!({ "choice": { "kind": "yes" } }),
        );
        self.staff.ok(&CloseVote { id: vote.clone() }, &json!({}));
    }

    fn meeting(&mut self) -> MeetingResponse {
        self.staff.ok(
            &CreateMeeting {},
            &json!({ "scope": building3(), "settings": meeting_settings(&marker("矩阵议事会")) }),
        )
    }

    fn propose(&mut self, micro_wish: bool, photos: &[&PhotoId]) -> MatterResponse {
        self.resident.ok(
            &ProposeMatter {},
            &json!({ "title": marker("矩阵民事"), "description": "楼道灯坏了", "category": "other",
                     "scope": building3(), "micro_wish": micro_wish, "photos": photos }),
        )
    }

    /// A matter on the council's list: the building head and a neighbour support it (three of three).
    fn deliberating(&mut self) -> MatterId {
        let id = self.propose(false, &[]).matter.id;
        self.head.ok(&SupportMatter { id: id.clone() }, &json!({}));
        let m: MatterResponse = self
            .joined
            .ok(&SupportMatter { id: id.clone() }, &json!({}));
        assert_eq!(
            m.matter.step.as_str(),
            "deliberating",
            "building_supports is 3"
        );
        id
    }

    /// A matter whose ballot has closed with a yes, waiting for its decision.
    fn deciding(&mut self) -> MatterId {
        let id = self.deliberating();
        let m: MatterResponse = self.staff.ok(
            &MatterBallot { id: id.clone() },
            &json!({ "settings": yes_no_settings(&marker("矩阵表决")) }),
        );
        let vote = m
            .matter
            .decision
            .and_then(|d| d.vote)
            .unwrap_or_else(|| panic!("a ballot without its vote"));
        self.carry(&vote);
        id
    }

    /// An adopted matter with its owner.
    fn implementing(&mut self) -> MatterId {
        let id = self.deciding();
        self.staff
            .ok(&MatterDecision { id: id.clone() }, &json!({}));
        self.staff.ok(
            &MatterOwner { id: id.clone() },
            &json!({ "kind": "resident_team", "name": "楼道自治小组", "phone": OWNER_PHONE }),
        );
        id
    }

    /// A budget round of the community, collecting needs for a month, and a need in it.
    fn round(&mut self) -> (RoundId, NeedId) {
        let at = |days: i64| {
            (chrono::Utc::now() + chrono::Duration::days(days))
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        };
        let phases: Vec<Value> = ["needs", "plans", "vote", "implementation"]
            .iter()
            .enumerate()
            .map(|(i, p)| json!({ "phase": p, "ends_at": at(30 + 14 * i as i64) }))
            .collect();
        let round: RoundResponse = self.staff.ok(
            &CreateRound {},
            &json!({
                "community": "com_t", "title": marker("矩阵微实事"), "budget_fen": 5_000_000,
                "cap_fen": 1_000_000, "allocation": "approval_budget", "categories": ["环境美化"],
                "starts_at": at(-1), "phases": phases,
            }),
        );
        let id = round.round.id;
        let posted: RoundResponse = self.resident.ok(
            &PostNeed { id: id.clone() },
            &json!({ "title": "楼下装路灯", "description": "晚上太黑。", "category": "环境美化" }),
        );
        let need = posted
            .round
            .needs
            .first()
            .map(|n| n.id.clone())
            .unwrap_or_else(|| panic!("the need she posted is not listed"));
        (id, need)
    }

    fn covenant(&mut self) -> CovenantId {
        let c: CovenantResponse = self.staff.ok(
            &CreateCovenant {},
            &json!({ "title": marker("矩阵公约"), "scope": building3(), "clauses": ["不在楼道堆放杂物", "晚十点后不装修"] }),
        );
        c.covenant.id
    }

    /// A covenant whose vote has closed with a yes.
    fn covenant_voted(&mut self) -> CovenantId {
        let id = self.covenant();
        let c: CovenantResponse = self.staff.ok(
            &CovenantBallot { id: id.clone() },
            &json!({ "settings": yes_no_settings(&marker("公约表决")) }),
        );
        let vote = c
            .covenant
            .versions
            .first()
            .and_then(|v| v.vote.clone())
            .unwrap_or_else(|| panic!("a covenant ballot without its vote"));
        self.carry(&vote);
        id
    }

    fn report(&mut self) -> RequestId {
        let r: RequestResponse = self.resident.ok(
            &CreateRequest {},
            &json!({ "subcategory": "sub_t_light", "description": marker("矩阵诉求"), "place": building3() }),
        );
        r.request.id
    }

    fn change(&mut self, id: &RequestId, change: Value) {
        self.fixer
            .ok(&ChangeRequestStatus { id: id.clone() }, &change);
    }

    fn upload(&mut self) -> PhotoId {
        let r = self.resident.send_bytes(
            "POST",
            &format!("{PREFIX}{}", UploadPhoto {}.path()),
            "image/png",
            PNG,
        );
        r.expect(201, None);
        serde_json::from_value::<PhotoResponse>(r.body)
            .unwrap_or_else(|e| panic!("photo: {e}"))
            .photo
            .id
    }
}

impl Records {
    /// Makes every record through the API.
    pub fn create() -> Records {
        // A resident of building 3 who joined in person (so confirmed at once): the third supporter of
        // matters, a member of the matrix's handling unit, and whose passcode staff reset.
        let code = fresh_code("bld_t03");
        let joined_phone = fresh_phone();
        let mut joined = Api::new();
        let me: SessionResponse = joined.ok(
            &Join {},
            &json!({ "invite_code": code.code, "name": "矩阵居民", "phone": joined_phone, "passcode": "246810" }),
        );
        let joined_home = me
            .member
            .home
            .map(|h| h.unit_path)
            .unwrap_or_else(|| panic!("she joined without a home"));
        let mut m = Makers {
            staff: Api::signed_in(STAFF, STAFF_PASSWORD),
            resident: Api::signed_in(RESIDENT3, RESIDENT_PASSCODE),
            head: Api::signed_in(HEAD3, RESIDENT_PASSCODE),
            joined,
            council: Api::signed_in(COUNCIL, RESIDENT_PASSCODE),
            fixer: Api::signed_in(FIXER, STAFF_PASSWORD),
        };
        // A resident of building 6, whose codes are not handed over in person: pending, to confirm.
        let mut pending = Api::new();
        let waiting: SessionResponse = pending.ok(
            &Join {},
            &json!({ "invite_code": fresh_code("bld_t06").code, "name": "矩阵待认证", "phone": fresh_phone(), "passcode": "246810" }),
        );
        let pending_home = waiting
            .member
            .home
            .map(|h| h.unit_path)
            .unwrap_or_else(|| panic!("she joined without a home"));
        let invite = fresh_code("bld_t03");
        let subjects = (0..super::CALLERS.len())
            .map(|i| {
                let added: MemberResponse = m.staff.ok(
                    &AddHouseholdMember {
                        id: yishi_core::ids::HouseholdId::from_trusted("hh_t03_1_030"),
                    },
                    &json!({ "name": format!("矩阵受任者{i}") }),
                );
                added.member.id
            })
            .collect();

        // Notices: one for the community, a draft for building 3, and one of building 3 in its
        // publication period with the resident's objection.
        let notice: NoticeResponse = m.staff.ok(
            &CreateNotice {},
            &json!({ "title": marker("matrix"), "body": "正文", "scope": { "kind": "community", "id": "com_t" } }),
        );
        let draft: NoticeResponse = m.staff.ok(
            &CreateNotice {},
            &json!({ "title": marker("草稿"), "body": "正文", "scope": building3(), "draft": true }),
        );
        let period: NoticeResponse = m.staff.ok(
            &CreateNotice {},
            &json!({ "title": marker("公示"), "body": "正文", "scope": building3(), "period_days": 7 }),
        );
        let period_notice = period.notice.id;
        let objected: NoticeResponse = m.resident.ok(
            &ObjectToNotice {
                id: period_notice.clone(),
            },
            &json!({ "reason": "费用偏高" }),
        );
        let objection = objected
            .notice
            .objections
            .first()
            .map(|o| ObjectionId::from_trusted(&o.id))
            .unwrap_or_else(|| panic!("no objection on the notice"));

        let building: PlaceResponse = m.staff.ok(
            &CreatePlace {
                kind: yishi_core::territory::PlaceKind::Building,
            },
            &json!({ "parent_id": "cpd_a", "name": marker("matrix-bld") }),
        );

        // Votes.
        let vote_open = m.vote(yes_no_settings(&marker("矩阵投票")));
        let vote_closed = m.vote(yes_no_settings(&marker("已结束投票")));
        m.carry(&vote_closed);
        let vote_to_close = m.vote(yes_no_settings(&marker("待结束投票")));
        let mut later = yes_no_settings(&marker("委托投票"));
        let at = |minutes: i64| {
            (chrono::Utc::now() + chrono::Duration::minutes(minutes))
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        };
        later["opens_at"] = json!(at(60));
        later["closes_at"] = json!(at(120));
        later["max_proxies"] = json!(5);
        let vote_scheduled = m.vote(later);

        // Meetings: one to open; one open, with the resident checked in and asking to speak, the elder
        // checked in by staff, and a motion put; one to close; one closed, with its minutes.
        let meeting_scheduled = m.meeting().meeting.id;
        let open = m.meeting().meeting;
        let meeting_open = open.id.clone();
        let checkin_token = open
            .checkin_token
            .unwrap_or_else(|| panic!("the chair sees no check-in code"));
        m.staff.ok(
            &OpenMeeting {
                id: meeting_open.clone(),
            },
            &json!({}),
        );
        m.resident.ok(
            &CheckIn {
                id: meeting_open.clone(),
            },
            &json!({ "token": checkin_token }),
        );
        m.staff.ok(
            &CheckIn { id: meeting_open.clone() },
            &json!({ "on_behalf": { "member_id": "mbr_elder", "reason": "老人没有手机，由工作人员代签到" } }),
        );
        let asked: MeetingResponse = m.resident.ok(
            &RequestToSpeak {
                id: meeting_open.clone(),
            },
            &json!({}),
        );
        let speaker = asked
            .meeting
            .me
            .speaker
            .unwrap_or_else(|| panic!("no speaker after asking to speak"));
        let put: MeetingResponse = m.staff.ok(
            &PutMotion { id: meeting_open.clone() },
            &json!({ "title": marker("矩阵动议"), "options": [], "method": { "kind": "yes_no" }, "secrecy": "named", "results": "live" }),
        );
        let motion = put
            .meeting
            .live
            .motion
            .map(|mo| mo.vote)
            .unwrap_or_else(|| panic!("no motion after putting one"));
        let meeting_to_close = m.meeting().meeting.id;
        m.staff.ok(
            &OpenMeeting {
                id: meeting_to_close.clone(),
            },
            &json!({}),
        );
        let meeting_closed = m.meeting().meeting.id;
        m.staff.ok(
            &OpenMeeting {
                id: meeting_closed.clone(),
            },
            &json!({}),
        );
        m.staff.ok(
            &CloseMeeting {
                id: meeting_closed.clone(),
            },
            &json!({}),
        );

        // Matters, each in the step its cases need, with the thresholds every matter test uses (a
        // building's matter needs three supports); photos, one attached to a matter, one not yet.
        m.staff.ok(
            &PutMatterSettings {
                id: yishi_core::ids::CommunityId::from_trusted("com_t"),
            },
            &json!({ "settings": { "building_supports": 3, "compound_supports": 10, "community_supports": 20, "evaluation_days": 14 } }),
        );
        let photo_attached = m.upload();
        let photo_loose = m.upload();
        let matter_proposed = m.propose(false, &[&photo_attached]).matter.id;
        let commented: MatterResponse = m.resident.ok(
            &CommentMatter {
                id: matter_proposed.clone(),
            },
            &json!({ "stance": "for", "body": "同意" }),
        );
        let comment = commented
            .matter
            .comments
            .first()
            .map(|c| c.id.clone())
            .unwrap_or_else(|| panic!("no comment on the matter"));
        let matter_to_decline = m.propose(false, &[]).matter.id;
        let matter_duplicate = m.propose(false, &[]).matter.id;
        let matter_target = m.propose(false, &[]).matter.id;
        let matter_deliberating = m.deliberating();
        let matter_for_agenda = m.deliberating();
        let matter_deciding = m.deciding();
        let matter_implementing = m.implementing();
        m.staff.ok(
            &AddMilestone {
                id: matter_implementing.clone(),
            },
            &json!({ "title": "采购灯具", "due_on": (chrono::Utc::now() + chrono::Duration::days(30)).date_naive() }),
        );
        let matter_to_hand_over = m.implementing();
        let matter_accepting = m.implementing();
        m.staff.ok(
            &MatterReady {
                id: matter_accepting.clone(),
            },
            &json!({}),
        );
        let matter_evaluating = m.implementing();
        m.staff.ok(
            &MatterReady {
                id: matter_evaluating.clone(),
            },
            &json!({}),
        );
        m.council.ok(
            &MatterAcceptance {
                id: matter_evaluating.clone(),
            },
            &json!({ "accept": true }),
        );
        let micro_wish = m.propose(true, &[]).matter.id;

        // Covenants: two drafts, one whose vote has closed, one in force.
        let covenant_draft = m.covenant();
        let covenant_to_ballot = m.covenant();
        let covenant_voting = m.covenant_voted();
        let covenant_in_force = m.covenant_voted();
        m.staff.ok(
            &CovenantAdoption {
                id: covenant_in_force.clone(),
            },
            &json!({}),
        );

        let (round, need) = m.round();

        // Requests: the repairman returns one and resolves another.
        let request_to_split = m.report();
        let request_to_see = m.report();
        let request_to_join = m.report();
        let request_returned = m.report();
        m.change(
            &request_returned,
            json!({ "action": "return", "note": "属于社区公共设施", "unit": "hdu_t_office" }),
        );
        let request_resolved = m.report();
        for change in [
            json!({ "action": "accept" }),
            json!({ "action": "start" }),
            json!({ "action": "resolve", "note": "更换了灯泡" }),
        ] {
            m.change(&request_resolved, change);
        }
        // The district's catalogue is the street admin's; the unit is com_t's, added by its staff.
        let mut admin = Api::signed_in(ADMIN, STAFF_PASSWORD);
        let category_name = marker("矩阵大类");
        let catalogue: CatalogueResponse =
            admin.ok(&CreateRequestCategory {}, &json!({ "name": category_name }));
        let category = catalogue
            .categories
            .iter()
            .find(|c| c.name == category_name)
            .map(|c| c.id.clone())
            .unwrap_or_else(|| panic!("the new category is not listed"));
        let unit_name = marker("矩阵单位");
        let catalogue: CatalogueResponse = m.staff.ok(
            &CreateHandlingUnit {},
            &json!({ "name": unit_name, "kind": "street_department" }),
        );
        let handling_unit = catalogue
            .units
            .iter()
            .find(|u| u.name == unit_name)
            .map(|u| u.id.clone())
            .unwrap_or_else(|| panic!("the new unit is not listed"));
        let sub_name = marker("矩阵小类");
        let catalogue: CatalogueResponse = admin.ok(
            &CreateSubcategory {},
            &json!({ "category": category, "name": sub_name, "unit": handling_unit, "limit": { "unit": "hours", "value": 4 } }),
        );
        let subcategory = catalogue
            .categories
            .iter()
            .flat_map(|c| &c.subcategories)
            .find(|s| s.name == sub_name)
            .map(|s| s.id.clone())
            .unwrap_or_else(|| panic!("the new subcategory is not listed"));
        let key_name = marker("矩阵客户端");
        m.staff.ok(
            &CreateOpen311Key {},
            &json!({ "name": key_name, "community": "com_t" }),
        );
        let keys: Open311KeyListResponse = m.staff.ok(&ListOpen311Keys {}, &json!({}));
        let open311_key = keys
            .keys
            .into_iter()
            .find(|k| k.name == key_name)
            .map(|k| k.id)
            .unwrap_or_else(|| panic!("the new key is not listed"));

        Records {
            notice: notice.notice.id,
            draft: draft.notice.id,
            period_notice,
            objection,
            empty_building: building.place.id.to_string(),
            joined: me.member.id,
            joined_phone,
            joined_home,
            pending: waiting.member.id,
            pending_home,
            subjects,
            invite_code: invite.code,
            invite_household: invite.household,
            vote_open,
            vote_closed,
            vote_to_close,
            vote_scheduled,
            meeting_scheduled,
            meeting_open,
            checkin_token,
            speaker,
            motion,
            meeting_to_close,
            meeting_closed,
            matter_proposed,
            comment,
            matter_to_decline,
            matter_duplicate,
            matter_target,
            matter_deliberating,
            matter_for_agenda,
            matter_deciding,
            matter_implementing,
            matter_to_hand_over,
            matter_accepting,
            matter_evaluating,
            micro_wish,
            photo_attached,
            photo_loose,
            covenant_draft,
            covenant_to_ballot,
            covenant_voting,
            covenant_in_force,
            request_to_split,
            request_to_see,
            request_to_join,
            request_returned,
            request_resolved,
            category,
            subcategory,
            handling_unit,
            open311_key,
            round,
            need,
        }
    }

    /// Placeholders of the right shapes, to list the cases without a worker.
    pub fn sample() -> Records {
        Records {
            notice: NoticeId::from_trusted("ntc_1"),
            draft: NoticeId::from_trusted("ntc_2"),
            period_notice: NoticeId::from_trusted("ntc_3"),
            objection: ObjectionId::from_trusted("obj_1"),
            empty_building: "bld_1".to_owned(),
            joined: MemberId::from_trusted("mbr_1"),
            joined_phone: "15500000000".to_owned(),
            joined_home: ScopePath::street(StreetId::from_trusted("str_t")),
            pending: MemberId::from_trusted("mbr_2"),
            pending_home: ScopePath::street(StreetId::from_trusted("str_t")),
            subjects: (0..super::CALLERS.len())
                .map(|i| MemberId::from_trusted(format!("mbr_s{i}")))
                .collect(),
            invite_code: "ABCDEFGH".to_owned(),
            invite_household: "hh_t03_1_004".to_owned(),
            vote_open: VoteId::from_trusted("vot_1"),
            vote_closed: VoteId::from_trusted("vot_2"),
            vote_to_close: VoteId::from_trusted("vot_3"),
            vote_scheduled: VoteId::from_trusted("vot_4"),
            meeting_scheduled: MeetingId::from_trusted("mtg_1"),
            meeting_open: MeetingId::from_trusted("mtg_2"),
            checkin_token: "token".to_owned(),
            speaker: "spk1".to_owned(),
            motion: VoteId::from_trusted("vot_5"),
            meeting_to_close: MeetingId::from_trusted("mtg_3"),
            meeting_closed: MeetingId::from_trusted("mtg_4"),
            matter_proposed: MatterId::from_trusted("mat_1"),
            comment: CommentId::from_trusted("cmt_1"),
            matter_to_decline: MatterId::from_trusted("mat_2"),
            matter_duplicate: MatterId::from_trusted("mat_3"),
            matter_target: MatterId::from_trusted("mat_4"),
            matter_deliberating: MatterId::from_trusted("mat_5"),
            matter_for_agenda: MatterId::from_trusted("mat_6"),
            matter_deciding: MatterId::from_trusted("mat_7"),
            matter_implementing: MatterId::from_trusted("mat_8"),
            matter_to_hand_over: MatterId::from_trusted("mat_9"),
            matter_accepting: MatterId::from_trusted("mat_10"),
            matter_evaluating: MatterId::from_trusted("mat_11"),
            micro_wish: MatterId::from_trusted("mat_12"),
            photo_attached: PhotoId::from_trusted("pho_1"),
            photo_loose: PhotoId::from_trusted("pho_2"),
            covenant_draft: CovenantId::from_trusted("cov_1"),
            covenant_to_ballot: CovenantId::from_trusted("cov_2"),
            covenant_voting: CovenantId::from_trusted("cov_3"),
            covenant_in_force: CovenantId::from_trusted("cov_4"),
            request_to_split: RequestId::from_trusted("req_1"),
            request_to_see: RequestId::from_trusted("req_2"),
            request_to_join: RequestId::from_trusted("req_3"),
            request_returned: RequestId::from_trusted("req_4"),
            request_resolved: RequestId::from_trusted("req_5"),
            category: RequestCategoryId::from_trusted("rqc_1"),
            subcategory: SubcategoryId::from_trusted("sub_1"),
            handling_unit: HandlingUnitId::from_trusted("hdu_1"),
            open311_key: "key1".to_owned(),
            round: RoundId::from_trusted("rnd_1"),
            need: NeedId::from_trusted("ned_1"),
        }
    }
}
