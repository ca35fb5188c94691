//! What the in-crate ECS handler tests share: a service over a memory
//! store (read directly or through the mirror) with the `default` cluster,
//! instances registered with the Docker capabilities, and calls by root.

use super::EcsService;
use crate::auth::Principal;
use crate::clock::Clock;
use crate::hosts::HostNotifier;
use crate::http::{AgentHandler, RequestContext, ServiceHandler};
use crate::state::Repo;
use gantry_agent_api::{SyncRequest, SyncResponse};
use gantry_model::arn::Partition;
use serde_json::{json, Value};
use std::sync::Arc;

pub(super) struct FixedClock;

impl Clock for FixedClock {
    fn now(&self) -> f64 {
        1000.0
    }
}

pub(crate) fn ctx() -> RequestContext {
    RequestContext {
        request_id: "test".into(),
        principal: Principal::root("123456789012", "AKIDTEST"),
        source_ip: None,
    }
}

pub(super) async fn call(ecs: &EcsService, op: &str, body: Value) -> Result<Value, String> {
    ecs.handle(&ctx(), op, bytes::Bytes::from(body.to_string()))
        .await
        .map_err(|e| format!("{}: {}", e.code, e.message))
}

pub(super) async fn ok(ecs: &EcsService, op: &str, body: Value) -> Value {
    call(ecs, op, body)
        .await
        .unwrap_or_else(|e| panic!("{op}: {e}"))
}

/// A service with the `default` cluster, its store read through the
/// mirror or directly.
pub(super) async fn service(mirrored: bool) -> EcsService {
    service_with(mirrored, Arc::new(FixedClock), |e| e).await
}

/// [`service`] on `clock`, set up by `setup` before the cluster is made.
pub(super) async fn service_with(
    mirrored: bool,
    clock: crate::clock::SharedClock,
    setup: impl FnOnce(EcsService) -> EcsService,
) -> EcsService {
    let store: Arc<dyn gantry_store::Store> = Arc::new(gantry_store::memory::MemoryStore::new());
    service_over(store, mirrored, clock, setup).await
}

/// [`service_with`] over `store`.
pub(super) async fn service_over(
    store: Arc<dyn gantry_store::Store>,
    mirrored: bool,
    clock: crate::clock::SharedClock,
    setup: impl FnOnce(EcsService) -> EcsService,
) -> EcsService {
    let repo = if mirrored {
        Repo::mirrored(store)
    } else {
        Repo::new(store)
    };
    let ecs = EcsService::new(
        repo,
        Partition {
            account_id: "123456789012".into(),
            region: "us-east-1".into(),
        },
        clock,
        Arc::new(HostNotifier::new()),
    );
    let ecs = setup(ecs);
    ok(&ecs, "CreateCluster", json!({"clusterName": "default"})).await;
    ecs
}

/// Registers an instance with `cpu` units and `memory` MiB (and the Docker
/// API and task role capabilities task definitions require); its ARN.
pub(super) async fn register(ecs: &EcsService, cpu: i64, memory: i64) -> String {
    let mut attributes: Vec<Value> = (17..=41)
        .map(|m| json!({"name": format!("com.amazonaws.ecs.capability.docker-remote-api.1.{m}")}))
        .collect();
    attributes.push(json!({"name": "com.amazonaws.ecs.capability.task-iam-role"}));
    let r = ok(
        ecs,
        "RegisterContainerInstance",
        json!({"totalResources": [
            {"name": "CPU", "type": "INTEGER", "integerValue": cpu},
            {"name": "MEMORY", "type": "INTEGER", "integerValue": memory}
        ], "attributes": attributes}),
    )
    .await;
    r["containerInstance"]["containerInstanceArn"]
        .as_str()
        .expect("an instance ARN")
        .to_string()
}

/// One agent sync of `arn` in the `default` cluster, without a report and
/// without waiting, as an agent holding generation `known`.
pub(crate) async fn sync(
    ecs: &EcsService,
    arn: &str,
    known: u64,
    accepts_changes: bool,
) -> SyncResponse {
    AgentHandler::sync(
        ecs,
        &ctx(),
        SyncRequest {
            cluster: "default".into(),
            container_instance_arn: arn.into(),
            known_generation: known,
            wait_seconds: 0,
            observed: None,
            accepts_changes,
        },
    )
    .await
    .expect("sync")
}
