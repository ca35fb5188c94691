//! A simulated host agent: registers a container instance and runs the real
//! sync protocol of `gantry-agent-api`, but instead of driving Docker it
//! reports every desired task RUNNING (and every task desired STOPPED as
//! STOPPED) at once.
//!
//! It implements the same contract as the real agent (it takes the host's
//! desired state whole or as changes, and reports the tasks whose status
//! moved since its last answered report), so the control plane cannot tell
//! the difference except for the speed. Many simulated agents can run in one
//! process against one control plane.

use gantry_agent_api::client::{system_time, AgentClient, ClientConfig, ClientError};
use gantry_agent_api::{
    ContainerObservation, ContainerStatus, DesiredState, DesiredStatus, DesiredTask, ObservedState,
    StopCode, SyncRequest, TaskObservation, TaskStatus, MAX_WAIT_SECONDS,
};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// How a simulated agent reaches the control plane and what it offers.
#[derive(Debug, Clone)]
pub struct SimAgentConfig {
    /// Control-plane base URL (`http://127.0.0.1:8080`).
    pub endpoint: String,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: String,
    pub cluster: String,
    /// CPU units offered.
    pub cpu: i64,
    /// Memory offered, MiB.
    pub memory: i64,
    /// Custom attributes (`name`, optional value).
    pub attributes: Vec<(String, Option<String>)>,
    /// Long-poll duration of idle syncs (at most [`MAX_WAIT_SECONDS`]).
    pub wait_seconds: u32,
}

impl SimAgentConfig {
    /// A simulated host with 64 vCPUs and 256 GiB, long-polling for 20 s.
    pub fn new(
        endpoint: impl Into<String>,
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
        cluster: impl Into<String>,
    ) -> Self {
        SimAgentConfig {
            endpoint: endpoint.into(),
            region: "us-east-1".into(),
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            cluster: cluster.into(),
            cpu: 64 * 1024,
            memory: 256 * 1024,
            attributes: Vec::new(),
            wait_seconds: MAX_WAIT_SECONDS,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SimAgentError {
    #[error("cannot build the agent client")]
    Client(#[source] ClientError),
    #[error("RegisterContainerInstance failed")]
    Register(#[source] ClientError),
    #[error("RegisterContainerInstance answered without containerInstance.containerInstanceArn")]
    NoArn,
    #[error("sync failed")]
    Sync(#[source] ClientError),
    #[error("the simulated agent task failed")]
    Join(#[source] tokio::task::JoinError),
}

/// Counters a running simulated agent keeps.
#[derive(Debug, Default)]
pub struct SimAgentStats {
    /// Sync calls answered.
    pub syncs: AtomicU64,
    /// Tasks in the last desired state that were reported RUNNING.
    pub running: AtomicUsize,
    /// Generation of the last desired state received.
    pub generation: AtomicU64,
}

/// A running simulated agent. Stop it with [`SimAgent::stop`] (dropping it
/// aborts the sync loop).
pub struct SimAgent {
    /// The registered container instance.
    pub instance_arn: String,
    pub stats: Arc<SimAgentStats>,
    stop: watch::Sender<bool>,
    handle: Option<JoinHandle<Result<(), SimAgentError>>>,
}

impl std::fmt::Debug for SimAgent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimAgent")
            .field("instance_arn", &self.instance_arn)
            .finish_non_exhaustive()
    }
}

fn now_epoch() -> f64 {
    system_time()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64()
}

/// The `RegisterContainerInstance` body of a simulated host.
pub fn registration_body(config: &SimAgentConfig) -> serde_json::Value {
    // The same capabilities as the real agent (docker-remote-api 1.17–1.41, …),
    // so task definitions place on a simulated host exactly as on a real one.
    let attrs = gantry_agent_api::registration_attributes(41, "x86_64", &config.attributes);
    json!({
        "cluster": config.cluster,
        "totalResources": [
            {"name": "CPU", "type": "INTEGER", "integerValue": config.cpu},
            {"name": "MEMORY", "type": "INTEGER", "integerValue": config.memory},
            {"name": "PORTS", "type": "STRINGSET", "stringSetValue": []},
            {"name": "PORTS_UDP", "type": "STRINGSET", "stringSetValue": []},
        ],
        "versionInfo": {
            "agentVersion": "1.0.0",
            "agentHash": "simulated",
            "dockerVersion": "DockerVersion: simulated",
        },
        "attributes": attrs,
    })
}

/// What a simulated host observes for a desired state: desired RUNNING
/// tasks run, desired STOPPED tasks have stopped.
pub fn observe(desired: &DesiredState, started_at: f64) -> ObservedState {
    ObservedState {
        tasks: desired
            .tasks
            .iter()
            .map(|t| observe_task(t, started_at))
            .collect(),
    }
}

/// The status a simulated host reports for a desired task.
fn observed_status(t: &DesiredTask) -> TaskStatus {
    match t.desired_status {
        DesiredStatus::Running => TaskStatus::Running,
        DesiredStatus::Stopped => TaskStatus::Stopped,
    }
}

/// What a simulated host observes for one desired task (see [`observe`]).
pub fn observe_task(t: &DesiredTask, started_at: f64) -> TaskObservation {
    let running = t.desired_status == DesiredStatus::Running;
    TaskObservation {
        task_arn: t.task_arn.clone(),
        last_status: observed_status(t),
        containers: t
            .containers
            .iter()
            .map(|c| ContainerObservation {
                name: c.name.clone(),
                runtime_id: Some(format!("sim-{}", c.name)),
                last_status: if running {
                    ContainerStatus::Running
                } else {
                    ContainerStatus::Stopped
                },
                exit_code: (!running).then_some(0),
                reason: None,
                network_bindings: Vec::new(),
                health_status: None,
                image_digest: None,
            })
            .collect(),
        pull_started_at: None,
        pull_stopped_at: None,
        started_at: Some(started_at),
        execution_stopped_at: (!running).then_some(started_at),
        stopped_at: (!running).then_some(started_at),
        stopped_reason: None,
        stop_code: (!running).then_some(StopCode::UserInitiated),
        network: None,
    }
}

impl SimAgent {
    /// Registers the simulated host and starts its sync loop.
    pub async fn start(config: SimAgentConfig) -> Result<SimAgent, SimAgentError> {
        let mut cc = ClientConfig::new(
            vec![config.endpoint.clone()],
            config.region.clone(),
            config.access_key_id.clone(),
            config.secret_access_key.clone(),
            None,
        );
        cc.request_timeout = Duration::from_secs(30);
        let client = AgentClient::new(cc).map_err(SimAgentError::Client)?;
        let answer = client
            .ecs_call("RegisterContainerInstance", &registration_body(&config))
            .await
            .map_err(SimAgentError::Register)?;
        let instance_arn = answer["containerInstance"]["containerInstanceArn"]
            .as_str()
            .ok_or(SimAgentError::NoArn)?
            .to_string();
        let stats = Arc::new(SimAgentStats::default());
        let (stop, stop_rx) = watch::channel(false);
        let handle = tokio::spawn(sync_loop(
            client,
            config,
            instance_arn.clone(),
            stats.clone(),
            stop_rx,
        ));
        Ok(SimAgent {
            instance_arn,
            stats,
            stop,
            handle: Some(handle),
        })
    }

    /// Stops the sync loop (the instance stays registered) and returns the
    /// loop's error, if it failed.
    pub async fn stop(mut self) -> Result<(), SimAgentError> {
        let _ = self.stop.send(true);
        match self.handle.take() {
            Some(h) => h.await.map_err(SimAgentError::Join)?,
            None => Ok(()),
        }
    }
}

impl Drop for SimAgent {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.abort();
        }
    }
}

async fn sync_loop(
    client: AgentClient,
    config: SimAgentConfig,
    arn: String,
    stats: Arc<SimAgentStats>,
    mut stop: watch::Receiver<bool>,
) -> Result<(), SimAgentError> {
    let mut known = 0u64;
    // The desired state held (changes apply to it, in place).
    let mut held: Option<DesiredState> = None;
    // The status each task was last reported in, by an answered report.
    let mut acked: HashMap<String, TaskStatus> = HashMap::new();
    let mut pending: Option<ObservedState> = None;
    let mut failures = 0u32;
    loop {
        let mut req = SyncRequest {
            cluster: config.cluster.clone(),
            container_instance_arn: arn.clone(),
            known_generation: known,
            wait_seconds: if pending.is_some() {
                0
            } else {
                config.wait_seconds.min(MAX_WAIT_SECONDS)
            },
            observed: pending.take(),
            accepts_changes: true,
        };
        let answer = tokio::select! {
            _ = stop.wait_for(|s| *s) => return Ok(()),
            r = client.sync(&req) => r,
        };
        let mut resp = match answer {
            Ok(r) => {
                failures = 0;
                r
            }
            Err(e) if e.is_transient() && failures < 5 => {
                failures += 1;
                pending = req.observed.take();
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
            Err(e) => return Err(SimAgentError::Sync(e)),
        };
        stats.syncs.fetch_add(1, Ordering::Relaxed);
        if let Some(sent) = req.observed.take() {
            // Acknowledged: the tasks it carried stand as reported.
            for t in sent.tasks {
                acked.insert(t.task_arn, t.last_status);
            }
        }
        if !resp.registered {
            return Ok(());
        }
        // Like the real agent (`ReportedTasks`), only the tasks whose
        // status changed since the last answered report are sent; only
        // those are observed (built) at all. A change set names the only
        // tasks that can have moved (observed as they are upserted); a
        // whole state may move any.
        let started_at = now_epoch();
        let moved = |t: &DesiredTask| acked.get(t.task_arn.as_str()) != Some(&observed_status(t));
        let from_changes: Option<Vec<TaskObservation>> = resp.changes.as_ref().map(|c| {
            c.upsert
                .iter()
                .filter(|t| moved(t))
                .map(|t| observe_task(t, started_at))
                .collect()
        });
        match resp.take_desired_into(&mut held) {
            Ok(true) => {}
            Ok(false) => continue,
            Err(()) => {
                // Changes from a state not held: ask for the whole state.
                known = 0;
                continue;
            }
        }
        let Some(desired) = held.as_ref() else {
            continue;
        };
        known = resp.generation;
        stats.generation.store(known, Ordering::Relaxed);
        stats.running.store(
            desired
                .tasks
                .iter()
                .filter(|t| t.desired_status == DesiredStatus::Running)
                .count(),
            Ordering::Relaxed,
        );
        let changed: Vec<TaskObservation> = match from_changes {
            Some(c) => c,
            None => desired
                .tasks
                .iter()
                .filter(|t| moved(t))
                .map(|t| observe_task(t, started_at))
                .collect(),
        };
        if !changed.is_empty() {
            pending = Some(ObservedState { tasks: changed });
        }
        // Forget the tasks gone from the desired state (now and then: the
        // check walks every held task).
        if acked.len() > 2 * desired.tasks.len() + 64 {
            let held_arns: HashSet<&str> =
                desired.tasks.iter().map(|t| t.task_arn.as_str()).collect();
            acked.retain(|arn, _| held_arns.contains(arn.as_str()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gantry_agent_api::NetworkMode;

    fn task(arn: &str, status: DesiredStatus) -> DesiredTask {
        serde_json::from_value(json!({
            "taskArn": arn,
            "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default",
            "cluster": "default",
            "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/f:1",
            "family": "f",
            "revision": 1,
            "desiredStatus": match status { DesiredStatus::Running => "RUNNING", DesiredStatus::Stopped => "STOPPED" },
            "networkMode": "bridge",
            "containers": [{"name": "app", "image": "busybox", "essential": true}],
        }))
        .expect("desired task")
    }

    #[test]
    fn observes_running_and_stopped_tasks() {
        let desired = DesiredState {
            generation: 3,
            tasks: vec![
                task("arn:t1", DesiredStatus::Running),
                task("arn:t2", DesiredStatus::Stopped),
            ],
        };
        assert_eq!(desired.tasks[0].network_mode, NetworkMode::Bridge);
        let obs = observe(&desired, 100.0);
        assert_eq!(obs.tasks.len(), 2);
        assert_eq!(obs.tasks[0].last_status, TaskStatus::Running);
        assert_eq!(
            obs.tasks[0].containers[0].last_status,
            ContainerStatus::Running
        );
        assert_eq!(obs.tasks[0].stopped_at, None);
        assert_eq!(obs.tasks[1].last_status, TaskStatus::Stopped);
        assert_eq!(obs.tasks[1].containers[0].exit_code, Some(0));
        assert_eq!(obs.tasks[1].stop_code, Some(StopCode::UserInitiated));
    }

    #[test]
    fn registration_offers_resources_and_attributes() {
        let mut c = SimAgentConfig::new("http://127.0.0.1:1", "AK", "SK", "bench");
        c.attributes = vec![("rack".into(), Some("r1".into())), ("gpu".into(), None)];
        let body = registration_body(&c);
        assert_eq!(body["cluster"], "bench");
        assert_eq!(body["totalResources"][0]["integerValue"], 64 * 1024);
        let attrs = body["attributes"].as_array().expect("attributes");
        assert!(attrs
            .iter()
            .any(|a| a["name"] == "rack" && a["value"] == "r1"));
        assert!(attrs
            .iter()
            .any(|a| a["name"] == "gpu" && a.get("value").is_none()));
    }
}
