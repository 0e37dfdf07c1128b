//! Places, their households and invite codes.

use super::*;

pub(super) fn cases(r: &Records) -> Vec<Case> {
    let csv = "小区,楼栋,单元,门牌\n甲小区,3号楼,1单元,001\n";
    let building = token(&r.empty_building);
    vec![
        case(
            "tree",
            Territory {},
            Body::Empty,
            has_any(Action::ViewTerritory),
        ),
        case("postable places", PostableScopes {}, Body::Empty, everyone).refused_to_none(
            "answers every member, with the places she may post to (none for most)",
        ),
        case(
            "create unit",
            CreatePlace {
                kind: PlaceKind::Unit,
            },
            Body::Json(json!({ "parent_id": "bld_t03", "name": marker("u") })),
            may(Action::ManageTerritory, building3()),
        ),
        case(
            "rename unit",
            UpdatePlace {
                kind: PlaceKind::Unit,
                id: token("unt_t03_2"),
            },
            Body::Json(json!({ "name": "2单元" })),
            may(Action::ManageTerritory, unit3(2)),
        ),
        case(
            "archive building",
            ArchivePlace {
                kind: PlaceKind::Building,
                id: building.clone(),
            },
            Body::Empty,
            may(Action::ManageTerritory, community()),
        ),
        case(
            "restore building",
            RestorePlace {
                kind: PlaceKind::Building,
                id: building,
            },
            Body::Empty,
            may(Action::ManageTerritory, community()),
        ),
        case(
            "import",
            ImportTerritory {
                id: CommunityId::from_trusted("com_t"),
            },
            Body::Csv(csv.to_owned()),
            may(Action::ManageTerritory, community()),
        ),
        case(
            "households of a unit",
            UnitHouseholds {
                id: UnitId::from_trusted("unt_t03_1"),
            },
            Body::Empty,
            may(Action::ViewTerritory, unit3(1)),
        ),
        case(
            "add a member without phone",
            AddHouseholdMember {
                id: HouseholdId::from_trusted("hh_t03_1_030"),
            },
            Body::Json(json!({ "name": "矩阵老人" })),
            may(Action::ManageHouseholds, unit3(1)),
        ),
        case(
            "representative",
            SetRepresentative {
                id: HouseholdId::from_trusted("hh_t03_1_002"),
            },
            Body::Json(json!({ "member_id": "mbr_r3" })),
            may(Action::ManageHouseholds, unit3(1)),
        ),
        case(
            "invite for a household",
            IssueHouseholdInvite {
                id: HouseholdId::from_trusted("hh_t03_1_031"),
            },
            Body::Json(json!({})),
            may(Action::ManageInvites, unit3(1)),
        ),
        case(
            "invites for a building",
            IssueBuildingInvites {
                id: BuildingId::from_trusted("bld_t03"),
            },
            Body::Json(json!({})),
            may(Action::ManageInvites, building3()),
        ),
        case(
            "invite sheet",
            BuildingInvites {
                id: BuildingId::from_trusted("bld_t03"),
            },
            Body::Empty,
            may(Action::ManageInvites, building3()),
        ),
        case(
            "revoke an invite",
            RevokeInvite {
                code: token(&r.invite_code),
            },
            Body::Empty,
            may(Action::ManageInvites, unit_of(&r.invite_household)),
        ),
    ]
}
