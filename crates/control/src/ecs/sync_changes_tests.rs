//! An agent that accepts changes gets its new desired state as the changes
//! from the one it holds (`agent_sync::SentStates`); applied to what it
//! holds they must give exactly the whole state.

use super::run_batch_tests::world;
use super::test_world::{ok, sync};
use gantry_agent_api::DesiredState;
use serde_json::json;

fn sorted(mut d: DesiredState) -> DesiredState {
    d.tasks.sort_by(|a, b| a.task_arn.cmp(&b.task_arn));
    d
}

async fn changes_rebuild_the_whole_state(mirrored: bool) {
    let (ecs, instances) = world(mirrored).await;
    let host = &instances[0];
    // Every task goes to `host`.
    ok(
        &ecs,
        "UpdateContainerInstancesState",
        json!({"containerInstances": [instances[1]], "status": "DRAINING"}),
    )
    .await;
    let run = || async {
        let r = ok(&ecs, "RunTask", json!({"taskDefinition": "web"})).await;
        assert_eq!(r["tasks"][0]["containerInstanceArn"], json!(host), "{r:#}");
    };
    // The first answer is whole, even to an agent that accepts changes.
    let first = sync(&ecs, host, 0, true).await;
    let mut held = first.desired.clone().expect("whole state first");
    assert!(first.changes.is_none());
    for step in 0..4 {
        if step == 2 {
            // A task stops: its desired status changes.
            let t = held.tasks.first().expect("a task").task_arn.clone();
            ok(&ecs, "StopTask", json!({"task": t})).await;
        } else {
            run().await;
        }
        let mut changed = sync(&ecs, host, held.generation, true).await;
        assert_ne!(changed.generation, held.generation, "step {step}");
        let c = changed
            .changes
            .clone()
            .expect("changes, not the whole state");
        assert!(changed.desired.is_none());
        assert_eq!(c.base_generation, held.generation);
        assert_eq!(c.upsert.len(), 1, "step {step}: only what changed: {c:#?}");
        let next = changed
            .take_desired(Some(&held))
            .expect("changes from the held state")
            .expect("a new state");
        // The same generation asked without accepting changes: whole.
        let whole = sync(&ecs, host, held.generation, false).await;
        let whole = whole.desired.expect("whole state");
        assert_eq!(sorted(next.clone()), sorted(whole), "step {step}");
        // What changed is what differs.
        for t in &c.upsert {
            assert!(
                !held.tasks.contains(t),
                "step {step}: an unchanged task was sent again: {}",
                t.task_arn
            );
        }
        held = next;
    }
    assert_eq!(held.tasks.len(), 3, "{held:#?}");
    // Changes from a generation the control plane did not send: whole.
    let stale = sync(&ecs, host, held.generation.saturating_sub(1).max(1), true).await;
    assert!(stale.desired.is_some() && stale.changes.is_none());
    // And changes can only apply to the state they were made from.
    let mut other = sync(&ecs, host, 0, true).await;
    let wrong = DesiredState {
        generation: held.generation + 100,
        tasks: vec![],
    };
    other.desired = None;
    other.changes = Some(gantry_agent_api::DesiredChanges {
        base_generation: held.generation,
        generation: held.generation + 1,
        upsert: vec![],
        remove: vec![],
    });
    assert!(other.take_desired(Some(&wrong)).is_err());
}

#[tokio::test]
async fn changes_rebuild_the_whole_state_store() {
    changes_rebuild_the_whole_state(false).await;
}

#[tokio::test]
async fn changes_rebuild_the_whole_state_mirrored() {
    changes_rebuild_the_whole_state(true).await;
}
