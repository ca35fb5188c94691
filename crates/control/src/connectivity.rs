//! The connectivity reconciler: decides, from when each agent was last
//! heard from, whether its container instance is `agentConnected`, and when
//! a silent host is lost.
//!
//! It takes no input. Every pass rereads every container instance from the
//! store and the in-memory "last seen" times ([`crate::hosts::HostNotifier`]),
//! computes what the instance's state should be and writes only the
//! difference, so a pass is idempotent and a missed pass is harmless. It runs
//! on a short period (a fraction of the agent timeout).
//!
//! * **Disconnected.** An agent is heard from on every sync call. The server
//!   caps the long-poll at half the agent timeout (see
//!   [`ConnectivityConfig::max_poll`]), so a live agent is seen at least that
//!   often; an instance not heard from for `agent_timeout` is marked
//!   `agentConnected=false`, and the planner stops placing tasks on it
//!   (failure reason `AGENT`). Its tasks are left alone: the host may still be
//!   running them, so they are neither stopped nor duplicated.
//! * **Connected again.** The next sync of the agent marks the instance
//!   connected (the sync handler does it at once; a pass would too).
//! * **Host lost.** An instance silent for `host_lost_after` has every task
//!   still placed on it marked STOPPED by the control plane (stop code
//!   `InfrastructureHealth`, reason starting `Host lost`) and its
//!   reservations released, so a service scheduler replaces them elsewhere.
//!   When the host comes back, its desired state no longer holds those tasks
//!   and the agent stops their containers.
//! * **Control-plane restart.** "Last seen" lives in memory, so after a start
//!   every instance counts as seen at the moment the reconciler started: no
//!   instance is declared disconnected before one full timeout has passed
//!   without hearing from it.

use crate::ecs::EcsService;
use std::sync::Arc;
use std::time::Duration;

/// Default time without hearing from an agent before its instance is
/// marked `agentConnected=false`.
pub const DEFAULT_AGENT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time without hearing from an agent before the host is declared
/// lost and its tasks are stopped: a little over the agent timeout, so a
/// lost host's service tasks are replaced within ~15 s (benchmark G8), while
/// a live agent (heard from at least every `agent_timeout / 2`) never is.
pub const DEFAULT_HOST_LOST_AFTER: Duration = Duration::from_secs(12);

/// Timeouts of the connectivity reconciler.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConnectivityConfig {
    /// Silence after which an instance is `agentConnected=false`.
    pub agent_timeout: Duration,
    /// Silence after which the host is lost and its tasks are stopped.
    pub host_lost_after: Duration,
}

impl Default for ConnectivityConfig {
    fn default() -> Self {
        ConnectivityConfig {
            agent_timeout: DEFAULT_AGENT_TIMEOUT,
            host_lost_after: DEFAULT_HOST_LOST_AFTER,
        }
    }
}

/// A configuration that cannot work.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConfigError {
    #[error("the agent timeout must be at least 1 second, not {0:?}")]
    TimeoutTooShort(Duration),
    #[error(
        "the host-lost grace ({lost:?}) must not be shorter than the agent timeout ({timeout:?})"
    )]
    LostBeforeTimeout { lost: Duration, timeout: Duration },
}

impl ConnectivityConfig {
    /// Checks the timeouts against each other.
    pub fn new(agent_timeout: Duration, host_lost_after: Duration) -> Result<Self, ConfigError> {
        if agent_timeout < Duration::from_secs(1) {
            return Err(ConfigError::TimeoutTooShort(agent_timeout));
        }
        if host_lost_after < agent_timeout {
            return Err(ConfigError::LostBeforeTimeout {
                lost: host_lost_after,
                timeout: agent_timeout,
            });
        }
        Ok(ConnectivityConfig {
            agent_timeout,
            host_lost_after,
        })
    }

    /// Longest long-poll the sync endpoint holds: half the agent timeout, so
    /// a live agent is always heard from well within the timeout.
    pub fn max_poll(&self) -> Duration {
        self.agent_timeout / 2
    }

    /// How often the reconciler runs: a quarter of the timeout, at most 1 s.
    pub fn period(&self) -> Duration {
        (self.agent_timeout / 4).min(Duration::from_secs(1))
    }
}

/// What an instance's connectivity should be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    /// Seconds since the agent was last heard from (or since the reconciler
    /// started, whichever is later).
    pub silent_for: f64,
    pub connected: bool,
    /// The host is lost: its tasks are to be stopped.
    pub lost: bool,
}

/// Decide an instance's connectivity. `last_seen` is when its agent was last
/// heard from by this control plane (None: not since `started_at`); all
/// times are epoch seconds.
pub fn assess(
    last_seen: Option<f64>,
    started_at: f64,
    now: f64,
    config: &ConnectivityConfig,
) -> Assessment {
    let seen = last_seen.map_or(started_at, |s| s.max(started_at));
    let silent_for = (now - seen).max(0.0);
    Assessment {
        silent_for,
        connected: silent_for < config.agent_timeout.as_secs_f64(),
        lost: silent_for >= config.host_lost_after.as_secs_f64(),
    }
}

/// The `stoppedReason` of a task whose host was lost.
pub fn host_lost_reason(ec2_instance_id: &str, silent_for: f64) -> String {
    format!(
        "Host lost: the agent of container instance {ec2_instance_id} has not connected for {} seconds.",
        silent_for.floor() as u64
    )
}

/// What one pass changed.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PassReport {
    /// Instances newly marked disconnected.
    pub disconnected: Vec<String>,
    /// Instances newly marked connected.
    pub connected: Vec<String>,
    /// Tasks stopped because their host was lost.
    pub tasks_stopped: Vec<String>,
}

/// The running reconciler; dropping it does not stop it, [`Self::stop`] does.
pub struct Connectivity {
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    handle: tokio::task::JoinHandle<()>,
}

impl Connectivity {
    /// Start the reconciler over `ecs`; instances count as seen now.
    pub fn spawn(ecs: Arc<EcsService>, config: ConnectivityConfig) -> Connectivity {
        let (tx, mut rx) = tokio::sync::oneshot::channel::<()>();
        let started_at = ecs.now();
        let handle = tokio::spawn(async move {
            let mut tick = tokio::time::interval(config.period());
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            // Instances whose tasks may show DISCONNECTED; unknown (every
            // instance) after a start.
            let mut suspects: Option<std::collections::BTreeSet<String>> = None;
            loop {
                tokio::select! {
                    _ = &mut rx => return,
                    _ = tick.tick() => {}
                }
                let span = tracing::debug_span!("connectivity_pass");
                let _e = span.enter();
                match ecs.reconcile_connectivity(&config, started_at).await {
                    Ok(report) => {
                        if let Some(s) = suspects.as_mut() {
                            s.extend(report.disconnected);
                        }
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "connectivity pass failed; retrying next period");
                    }
                }
                if suspects.as_ref().is_none_or(|s| !s.is_empty()) {
                    match ecs.restore_task_connectivity(suspects.as_ref()).await {
                        Ok(still) => suspects = Some(still),
                        Err(e) => {
                            tracing::warn!(error = %e, "task connectivity pass failed; retrying next period");
                        }
                    }
                }
            }
        });
        Connectivity {
            stop: Some(tx),
            handle,
        }
    }

    /// Stop the reconciler and wait for its current pass.
    pub async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        let _ = (&mut self.handle).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(timeout: u64, lost: u64) -> ConnectivityConfig {
        ConnectivityConfig::new(Duration::from_secs(timeout), Duration::from_secs(lost)).unwrap()
    }

    #[test]
    fn recently_seen_is_connected() {
        let a = assess(Some(100.0), 50.0, 105.0, &cfg(10, 60));
        assert_eq!(
            a,
            Assessment {
                silent_for: 5.0,
                connected: true,
                lost: false
            }
        );
    }

    #[test]
    fn silent_for_the_timeout_is_disconnected_not_lost() {
        let a = assess(Some(100.0), 50.0, 110.0, &cfg(10, 60));
        assert!(!a.connected);
        assert!(!a.lost);
        let a = assess(Some(100.0), 50.0, 109.9, &cfg(10, 60));
        assert!(a.connected);
    }

    #[test]
    fn silent_for_the_grace_is_lost() {
        let c = cfg(10, 60);
        assert!(!assess(Some(100.0), 50.0, 159.0, &c).lost);
        let a = assess(Some(100.0), 50.0, 160.0, &c);
        assert!(a.lost && !a.connected);
    }

    #[test]
    fn after_a_restart_everyone_counts_as_seen_at_start() {
        let c = cfg(10, 60);
        // Never seen by this process: silent since the start.
        assert!(assess(None, 1000.0, 1009.0, &c).connected);
        assert!(!assess(None, 1000.0, 1010.0, &c).connected);
        assert!(!assess(None, 1000.0, 1059.0, &c).lost);
        assert!(assess(None, 1000.0, 1060.0, &c).lost);
        // A stale time from before the start does not count against it.
        assert!(assess(Some(1.0), 1000.0, 1005.0, &c).connected);
    }

    #[test]
    fn clock_going_backwards_is_not_silence() {
        let a = assess(Some(100.0), 50.0, 90.0, &cfg(10, 60));
        assert_eq!(a.silent_for, 0.0);
        assert!(a.connected);
    }

    #[test]
    fn config_is_checked() {
        assert_eq!(
            ConnectivityConfig::new(Duration::from_millis(500), Duration::from_secs(60)),
            Err(ConfigError::TimeoutTooShort(Duration::from_millis(500)))
        );
        assert!(matches!(
            ConnectivityConfig::new(Duration::from_secs(10), Duration::from_secs(5)),
            Err(ConfigError::LostBeforeTimeout { .. })
        ));
        let c = cfg(10, 60);
        assert_eq!(c.max_poll(), Duration::from_secs(5));
        assert_eq!(c.period(), Duration::from_secs(1));
        assert_eq!(cfg(2, 4).period(), Duration::from_millis(500));
    }

    #[test]
    fn reason_names_the_host() {
        assert_eq!(
            host_lost_reason("i-0abc", 61.7),
            "Host lost: the agent of container instance i-0abc has not connected for 61 seconds."
        );
    }
}

/// The reconciler against a real `EcsService` over a memory store, with a
/// hand-driven clock.
#[cfg(test)]
mod pass_tests {
    use super::*;
    use crate::auth::Principal;
    use crate::clock::Clock;
    use crate::hosts::HostNotifier;
    use crate::http::{RequestContext, ServiceHandler};
    use crate::state::Repo;
    use gantry_model::arn::Partition;
    use serde_json::{json, Value};
    use std::collections::BTreeSet;
    use std::sync::Mutex;

    struct ManualClock(Mutex<f64>);
    impl Clock for ManualClock {
        fn now(&self) -> f64 {
            *self.0.lock().unwrap()
        }
    }

    struct World {
        ecs: Arc<EcsService>,
        clock: Arc<ManualClock>,
        repo: Repo,
    }

    fn ctx() -> RequestContext {
        RequestContext {
            request_id: "test".into(),
            principal: Principal::root("123456789012", "AKIDTEST"),
            source_ip: None,
        }
    }

    fn service(repo: Repo, clock: Arc<ManualClock>) -> Arc<EcsService> {
        Arc::new(EcsService::new(
            repo,
            Partition {
                account_id: "123456789012".into(),
                region: "us-east-1".into(),
            },
            clock,
            Arc::new(HostNotifier::new()),
        ))
    }

    impl World {
        async fn new(at: f64) -> World {
            let clock = Arc::new(ManualClock(Mutex::new(at)));
            let repo = Repo::new(Arc::new(gantry_store::memory::MemoryStore::new()));
            let w = World {
                ecs: service(repo.clone(), clock.clone()),
                clock,
                repo,
            };
            w.call("CreateCluster", json!({"clusterName": "default"}))
                .await;
            w.call(
                "RegisterTaskDefinition",
                json!({"family": "web", "containerDefinitions": [
                    {"name": "app", "image": "busybox", "memory": 64, "essential": true}
                ]}),
            )
            .await;
            w
        }
        fn set(&self, t: f64) {
            *self.clock.0.lock().unwrap() = t;
        }
        async fn call(&self, op: &str, body: Value) -> Value {
            self.ecs
                .handle(&ctx(), op, bytes::Bytes::from(body.to_string()))
                .await
                .unwrap_or_else(|e| panic!("{op}: {e}"))
        }
        async fn register(&self) -> String {
            let attributes: Vec<Value> = (17..=41)
                .map(|m| json!({"name": format!("com.amazonaws.ecs.capability.docker-remote-api.1.{m}")}))
                .collect();
            let r = self
                .call(
                    "RegisterContainerInstance",
                    json!({"totalResources": [
                        {"name": "CPU", "type": "INTEGER", "integerValue": 1024},
                        {"name": "MEMORY", "type": "INTEGER", "integerValue": 1024}
                    ], "attributes": attributes}),
                )
                .await;
            r["containerInstance"]["containerInstanceArn"]
                .as_str()
                .unwrap()
                .to_string()
        }
        async fn sync(&self, arn: &str, known: u64) -> gantry_agent_api::SyncResponse {
            crate::ecs::test_world::sync(&self.ecs, arn, known, false).await
        }
        async fn instance(&self, arn: &str) -> Value {
            let r = self
                .call(
                    "DescribeContainerInstances",
                    json!({"containerInstances": [arn]}),
                )
                .await;
            r["containerInstances"][0].clone()
        }
        async fn task(&self, arn: &str) -> Value {
            let r = self.call("DescribeTasks", json!({"tasks": [arn]})).await;
            r["tasks"][0].clone()
        }
        async fn start_on(&self, arn: &str) -> Value {
            self.call(
                "StartTask",
                json!({"taskDefinition": "web", "containerInstances": [arn]}),
            )
            .await
        }
    }

    fn id_of(arn: &str) -> String {
        arn.rsplit('/').next().unwrap().to_string()
    }

    #[tokio::test]
    async fn silent_host_is_disconnected_then_lost_then_comes_back() {
        let cfg =
            ConnectivityConfig::new(Duration::from_secs(10), Duration::from_secs(60)).unwrap();
        let w = World::new(1000.0).await;
        let started = 1000.0;
        let a = w.register().await;
        let b = w.register().await;
        let on_a = w.start_on(&a).await;
        let task_a = on_a["tasks"][0]["taskArn"].as_str().unwrap().to_string();

        // Both heard from recently: nothing changes.
        w.set(1005.0);
        w.sync(&b, 0).await;
        let r = w.ecs.reconcile_connectivity(&cfg, started).await.unwrap();
        assert_eq!(r, PassReport::default());
        assert_eq!(w.instance(&a).await["agentConnected"], true);

        // A silent for the timeout: disconnected; its task is untouched.
        w.set(1010.5);
        w.sync(&b, 0).await;
        let r = w.ecs.reconcile_connectivity(&cfg, started).await.unwrap();
        assert_eq!(r.disconnected, vec![id_of(&a)]);
        assert!(r.tasks_stopped.is_empty());
        assert_eq!(w.instance(&a).await["agentConnected"], false);
        assert_eq!(w.instance(&b).await["agentConnected"], true);
        let t = w.task(&task_a).await;
        assert_eq!(t["desiredStatus"], "RUNNING");
        assert_ne!(t["lastStatus"], "STOPPED");
        // Idempotent: a second pass changes nothing.
        let r = w.ecs.reconcile_connectivity(&cfg, started).await.unwrap();
        assert_eq!(r, PassReport::default());

        // No new placement on A (reason AGENT); RunTask goes to B.
        let again = w.start_on(&a).await;
        assert_eq!(again["tasks"], json!([]));
        assert_eq!(again["failures"][0]["reason"], "AGENT");
        let run = w.call("RunTask", json!({"taskDefinition": "web"})).await;
        assert_eq!(run["tasks"][0]["containerInstanceArn"], b.as_str());

        // Silent for the grace: host lost, its task STOPPED, reservations free.
        w.set(1061.0);
        w.sync(&b, 0).await;
        let r = w.ecs.reconcile_connectivity(&cfg, started).await.unwrap();
        assert_eq!(r.tasks_stopped, vec![task_a.clone()]);
        assert!(r.disconnected.is_empty());
        let t = w.task(&task_a).await;
        assert_eq!(t["lastStatus"], "STOPPED");
        assert_eq!(t["desiredStatus"], "STOPPED");
        assert_eq!(t["stopCode"], "InfrastructureHealth");
        assert!(t["stoppedReason"]
            .as_str()
            .unwrap()
            .starts_with("Host lost: the agent of container instance i-"));
        let ia = w.instance(&a).await;
        assert_eq!(ia["runningTasksCount"], 0);
        assert_eq!(ia["pendingTasksCount"], 0);
        assert_eq!(w.instance(&b).await["pendingTasksCount"], 1);
        let r = w.ecs.reconcile_connectivity(&cfg, started).await.unwrap();
        assert_eq!(r, PassReport::default());

        // A comes back: connected again, its desired state no longer holds
        // the task (so its agent stops it).
        w.set(1070.0);
        let resp = w.sync(&a, 1).await;
        let desired = resp.desired.expect("a new generation");
        assert!(desired.tasks.is_empty(), "{desired:?}");
        assert_eq!(w.instance(&a).await["agentConnected"], true);
        let r = w.ecs.reconcile_connectivity(&cfg, started).await.unwrap();
        assert_eq!(r, PassReport::default());
    }

    #[tokio::test]
    async fn a_disconnected_hosts_tasks_show_disconnected_until_it_is_back() {
        let cfg =
            ConnectivityConfig::new(Duration::from_secs(10), Duration::from_secs(60)).unwrap();
        let w = World::new(1000.0).await;
        let started = 1000.0;
        let a = w.register().await;
        let b = w.register().await;
        let task_a = w.start_on(&a).await["tasks"][0]["taskArn"]
            .as_str()
            .unwrap()
            .to_string();
        let task_b = w.start_on(&b).await["tasks"][0]["taskArn"]
            .as_str()
            .unwrap()
            .to_string();
        // Nothing to restore on a fresh start.
        let pending = w.ecs.restore_task_connectivity(None).await.unwrap();
        assert!(pending.is_empty(), "{pending:?}");

        w.set(1010.5);
        w.sync(&b, 0).await;
        let r = w.ecs.reconcile_connectivity(&cfg, started).await.unwrap();
        assert_eq!(r.disconnected, vec![id_of(&a)]);
        let t = w.task(&task_a).await;
        assert_eq!(t["connectivity"], "DISCONNECTED");
        assert_eq!(t["connectivityAt"], 1010.5);
        assert_eq!(t["desiredStatus"], "RUNNING");
        assert_ne!(t["connectivity"], w.task(&task_b).await["connectivity"]);
        // Still disconnected: stays a suspect, the task is unchanged.
        let only: BTreeSet<String> = [id_of(&a)].into();
        let pending = w.ecs.restore_task_connectivity(Some(&only)).await.unwrap();
        assert_eq!(pending, only);
        assert_eq!(w.task(&task_a).await["connectivity"], "DISCONNECTED");

        // A is heard from again: the sync marks the instance, the restore
        // pass its tasks.
        w.set(1020.0);
        w.sync(&a, 0).await;
        assert_eq!(w.instance(&a).await["agentConnected"], true);
        let pending = w.ecs.restore_task_connectivity(Some(&only)).await.unwrap();
        assert!(pending.is_empty(), "{pending:?}");
        let t = w.task(&task_a).await;
        assert_eq!(t["connectivity"], "CONNECTED");
        assert_eq!(t["connectivityAt"], 1020.0);
        // Idempotent.
        w.ecs.restore_task_connectivity(None).await.unwrap();
        assert_eq!(w.task(&task_a).await["connectivityAt"], 1020.0);
    }

    #[tokio::test]
    async fn a_restarted_control_plane_waits_one_timeout() {
        let cfg =
            ConnectivityConfig::new(Duration::from_secs(10), Duration::from_secs(60)).unwrap();
        let w = World::new(1000.0).await;
        let a = w.register().await;
        w.start_on(&a).await;
        // The control plane restarts at 2000: nothing was heard since.
        w.set(2000.0);
        let fresh = service(w.repo.clone(), w.clock.clone());
        let r = fresh.reconcile_connectivity(&cfg, 2000.0).await.unwrap();
        assert_eq!(r, PassReport::default());
        w.set(2009.0);
        let r = fresh.reconcile_connectivity(&cfg, 2000.0).await.unwrap();
        assert_eq!(r, PassReport::default());
        w.set(2010.0);
        let r = fresh.reconcile_connectivity(&cfg, 2000.0).await.unwrap();
        assert_eq!(r.disconnected, vec![id_of(&a)]);
        assert!(r.tasks_stopped.is_empty());
        w.set(2060.0);
        let r = fresh.reconcile_connectivity(&cfg, 2000.0).await.unwrap();
        assert_eq!(r.tasks_stopped.len(), 1);
    }

    #[tokio::test]
    async fn forced_deregistration_orphans_the_tasks_and_the_arn_never_returns() {
        let w = World::new(1000.0).await;
        let a = w.register().await;
        let t = w.start_on(&a).await["tasks"][0]["taskArn"]
            .as_str()
            .unwrap()
            .to_string();
        let err = w
            .ecs
            .handle(
                &ctx(),
                "DeregisterContainerInstance",
                bytes::Bytes::from(json!({"containerInstance": a}).to_string()),
            )
            .await
            .unwrap_err();
        assert_eq!(err.code, "InvalidParameterException");
        assert_eq!(w.instance(&a).await["status"], "ACTIVE");
        let out = w
            .call(
                "DeregisterContainerInstance",
                json!({"containerInstance": a, "force": true}),
            )
            .await;
        assert_eq!(out["containerInstance"]["status"], "INACTIVE");
        let task = w.task(&t).await;
        assert_eq!(task["lastStatus"], "STOPPED");
        assert_eq!(task["stopCode"], "UserInitiated");
        assert_eq!(task["stoppedReason"], "Container instance deregistered");
        // The agent hears it on its next sync.
        assert!(!w.sync(&a, 0).await.registered);
        // Registering again with the old ARN makes a new instance.
        let r = w
            .call(
                "RegisterContainerInstance",
                json!({"containerInstanceArn": a, "totalResources": [
                    {"name": "CPU", "type": "INTEGER", "integerValue": 1024},
                    {"name": "MEMORY", "type": "INTEGER", "integerValue": 1024}
                ]}),
            )
            .await;
        let new = r["containerInstance"]["containerInstanceArn"]
            .as_str()
            .unwrap();
        assert_ne!(new, a);
        assert_eq!(w.instance(&a).await["status"], "INACTIVE");
    }

    #[tokio::test]
    async fn drain_and_activate() {
        let w = World::new(1000.0).await;
        let a = w.register().await;
        let t = w.start_on(&a).await["tasks"][0]["taskArn"]
            .as_str()
            .unwrap()
            .to_string();
        let out = w
            .call(
                "UpdateContainerInstancesState",
                json!({"containerInstances": [a], "status": "DRAINING"}),
            )
            .await;
        assert_eq!(out["containerInstances"][0]["status"], "DRAINING");
        // No new placements; the standalone task keeps running.
        let again = w.start_on(&a).await;
        assert_eq!(again["tasks"], json!([]));
        assert_eq!(w.task(&t).await["desiredStatus"], "RUNNING");
        let v = w.instance(&a).await["version"].clone();
        // Setting the same status again is a no-op.
        w.call(
            "UpdateContainerInstancesState",
            json!({"containerInstances": [a], "status": "DRAINING"}),
        )
        .await;
        assert_eq!(w.instance(&a).await["version"], v);
        let out = w
            .call(
                "UpdateContainerInstancesState",
                json!({"containerInstances": [a], "status": "ACTIVE"}),
            )
            .await;
        assert_eq!(out["containerInstances"][0]["status"], "ACTIVE");
        assert_eq!(w.start_on(&a).await["tasks"].as_array().unwrap().len(), 1);
    }
}
