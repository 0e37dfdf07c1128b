//! The territory as seen by pickers.

use worker::Response;
use yishi_core::api::territory::{
    BuildingNode, CommunityNode, CompoundNode, PostableScopesResponse,
};
use yishi_core::ids::{BuildingId, CommunityId, CompoundId, StreetId};
use yishi_core::policy;

use crate::db;
use crate::error::ApiResult;
use crate::http::{Ctx, json};
use crate::session;

/// `GET /api/v1/territory/postable`: the places the member may publish notices to, as a tree. A
/// community or compound appears when it or something below it is postable.
pub async fn postable(ctx: &Ctx) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let actor = &member.actor;
    let mut streets: Vec<StreetId> = actor
        .grants
        .iter()
        .map(|g| g.scope.street_id().clone())
        .collect();
    streets.sort();
    streets.dedup();
    let db = ctx.db()?;
    let mut communities = Vec::new();
    for street in &streets {
        let tree = db::territory::tree_of_street(&db, street).await?;
        for (c, c_path) in &tree.communities {
            let compounds: Vec<CompoundNode> = tree
                .compounds
                .iter()
                .filter(|(cp, _)| cp.community_id == c.id)
                .filter_map(|(cp, cp_path)| {
                    let buildings: Vec<BuildingNode> = tree
                        .buildings
                        .iter()
                        .filter(|(b, b_path)| {
                            b.compound_id == cp.id && policy::can_post_notice(actor, b_path).is_ok()
                        })
                        .map(|(b, _)| BuildingNode {
                            id: BuildingId::from_trusted(&b.id),
                            name: b.name.clone(),
                        })
                        .collect();
                    let postable = policy::can_post_notice(actor, cp_path).is_ok();
                    (postable || !buildings.is_empty()).then(|| CompoundNode {
                        id: CompoundId::from_trusted(&cp.id),
                        name: cp.name.clone(),
                        postable,
                        buildings,
                    })
                })
                .collect();
            let postable = policy::can_post_notice(actor, c_path).is_ok();
            if postable || !compounds.is_empty() {
                communities.push(CommunityNode {
                    id: CommunityId::from_trusted(&c.id),
                    name: c.name.clone(),
                    postable,
                    compounds,
                });
            }
        }
    }
    json(200, &PostableScopesResponse { communities })
}
