//! What a ballot in a live meeting costs the database: at most three D1 round trips (the vote, her
//! votes in it, and one batch storing the ballot with the meeting's revision), however many have voted
//! before her. Counted by the worker (`x-yishi-d1-round-trips`, a test hook) for requests that do not
//! overlap, so this runs alone, against a worker started with `TEST_HOOKS:1` (see scripts/test.sh).

use serde_json::json;
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, marker};

#[test]
fn a_ballot_costs_at_most_three_d1_round_trips() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut people, _, _) = staff.building_with_residents(&marker("计数楼"), 6, 6);
    let (_, vote) = staff.meeting_voting(&building, &marker("计数议事会"), &mut people);
    for (k, p) in people.iter_mut().enumerate() {
        let r = p.post(
            &format!("/api/v1/votes/{vote}/ballots"),
            &json!({ "choice": { "kind": "yes" } }),
        );
        r.expect(201, None);
        let trips = r.header("x-yishi-d1-round-trips");
        assert!(
            trips
                .and_then(|t| t.parse::<u32>().ok())
                .is_some_and(|t| t <= 3),
            "ballot {}: {trips:?} D1 round trips (the worker needs TEST_HOOKS:1)",
            k + 1
        );
    }
}
