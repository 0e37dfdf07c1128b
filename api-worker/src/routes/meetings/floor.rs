//! The floor: the chair opens and closes agenda items, present voters ask to speak, the chair gives
//! the floor and ends turns (`yishi_core::meetings::SpeakerState::apply`).

use worker::{Request, Response};
use yishi_core::DomainError;
use yishi_core::api::meetings::SpeakerUpdate;
use yishi_core::error::{Entity, Field};
use yishi_core::ids::MemberId;
use yishi_core::meetings::{
    ItemState, SpeakerState, check_floor_seconds, close_item, open_item as open_item_rule,
};

use crate::db;
use crate::error::ApiResult;
use crate::http::{Ctx, read_json};
use crate::{crypto, session};

use super::live::changed;
use super::{load, require_chair, respond};

/// `POST /api/v1/meetings/{id}/items/{position}/open` and `/close`.
pub async fn set_item(ctx: &Ctx, id: &str, position: &str, open: bool) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    require_chair(&member.actor, m)?;
    let db = ctx.db()?;
    let items = db::meetings::items(&db, &m.id).await?;
    let states: Vec<ItemState> = items.iter().map(db::meetings::ItemRow::state).collect();
    let index: usize = position.parse().map_err(|_| DomainError::NotFound {
        entity: Entity::AgendaItem,
    })?;
    let changes = if open {
        open_item_rule(m.state, &states, index)?
    } else {
        close_item(m.state, &states, index)?
    };
    if !changes.is_empty() {
        let mut statements = changes
            .iter()
            .map(|(i, s)| db::meetings::set_item(&db, &m.id, *i, *s, ctx.now))
            .collect::<ApiResult<Vec<_>>>()?;
        statements.push(db::meetings::bump(&db, &m.id)?);
        db::batch(&db, statements).await?;
        changed(ctx, &m.id).await?;
    }
    respond(ctx, &member.actor, id, 200).await
}

/// `POST /api/v1/meetings/{id}/speakers`: a present voter asks to speak (申请发言), on the open item.
pub async fn request_to_speak(ctx: &Ctx, id: &str) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    m.state.require_open()?;
    let db = ctx.db()?;
    if !db::meetings::is_present(&db, &m.id, &member.actor.member).await? {
        return Err(DomainError::NotInvited.into());
    }
    let item = db::meetings::items(&db, &m.id)
        .await?
        .into_iter()
        .find(|i| i.state() == ItemState::Open)
        .map(|i| i.position);
    let speaker = yishi_core::auth::hex(&crypto::random_bytes::<8>()?);
    match db::batch(
        &db,
        vec![
            db::meetings::request_to_speak(
                &db,
                &m.id,
                &speaker,
                &member.actor.member,
                item,
                ctx.now,
            )?,
            db::meetings::bump(&db, &m.id)?,
        ],
    )
    .await
    {
        Ok(_) => {
            changed(ctx, &m.id).await?;
        }
        // She is already waiting or speaking: nothing to add.
        Err(e) if db::is_unique_violation(&e, "meeting_speakers") => {}
        Err(e) => return Err(e),
    }
    respond(ctx, &member.actor, id, 200).await
}

/// `POST /api/v1/meetings/{id}/speakers/{speaker}`: the chair gives the floor (one speaker at a time)
/// or ends a turn; a speaker may withdraw her own request.
pub async fn update_speaker(
    ctx: &Ctx,
    req: &mut Request,
    id: &str,
    speaker: &str,
) -> ApiResult<Response> {
    let (member, _) = session::require_member(ctx).await?;
    let body: SpeakerUpdate = read_json(req).await?;
    let loaded = load(ctx, &member.actor, id).await?;
    let m = &loaded.meeting;
    m.state.require_open()?;
    let db = ctx.db()?;
    let row = db::meetings::speakers(&db, &m.id)
        .await?
        .into_iter()
        .find(|s| s.id == speaker)
        .ok_or(DomainError::NotFound {
            entity: Entity::Member,
        })?;
    let next = row.state().apply(
        &member.actor,
        &m.scope,
        &MemberId::from_trusted(&row.member_id),
        body.state,
    )?;
    let seconds = if next == SpeakerState::Speaking {
        check_floor_seconds(body.seconds)?
    } else {
        None
    };
    match db::batch(
        &db,
        vec![
            db::meetings::set_speaker(&db, speaker, row.state(), next, seconds, ctx.now)?,
            db::meetings::bump_if_changed(&db, &m.id)?,
        ],
    )
    .await
    {
        Ok(changes) if changes.first() == Some(&0) => {
            return Err(DomainError::Invalid {
                field: Field::Speaker,
            }
            .into());
        }
        Ok(_) => {}
        // Someone else holds the floor: end that turn first.
        Err(e) if db::is_unique_violation(&e, "meeting_speakers") => {
            return Err(DomainError::Invalid {
                field: Field::Speaker,
            }
            .into());
        }
        Err(e) => return Err(e),
    }
    changed(ctx, &m.id).await?;
    respond(ctx, &member.actor, id, 200).await
}
