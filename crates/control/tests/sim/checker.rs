//! The invariants, checked after every simulation step against the store
//! (what the control plane believes) and the simulated hosts (what runs).
//!
//! Tolerances, precisely:
//! * `maximumPercent`: the tasks the scheduler counts (desired RUNNING and
//!   not STOPPED) never exceed `floor(D * max / 100)`: strict. Containers
//!   that really run (on reachable hosts) never exceed it either: strict.
//!   Containers on a host that cannot reach the control plane are the
//!   documented window (see `zombies`).
//! * `minimumHealthyPercent` (ECS: a floor on the tasks the *scheduler* may
//!   stop during a deployment): from a deployment's start (issued when the
//!   service was steady) until it leaves IN_PROGRESS, RUNNING tasks plus the
//!   tasks lost involuntarily (essential container exited, host lost) in
//!   the last `REPLACE_WITHIN` seconds are `>= ceil(D * min / 100)`.
//! * Replacement: after a task stops involuntarily at `t`, by
//!   `t + REPLACE_WITHIN` the service has started a task created at or after
//!   `t`, or has had `D` live tasks.
//! * Placement: no task is created on an instance after it was set
//!   DRAINING; on every instance the live tasks fit its CPU and memory.
//! * Zombies: a container running on a host whose task record is STOPPED,
//!   desired STOPPED or placed elsewhere exists only while the host is cut
//!   off, or for at most `ZOMBIE_WINDOW` seconds after its first sync back.
//! * Grace: a task on a cut-off host is stopped as "Host lost" no earlier
//!   than `host_lost_after - max_poll - period` after the cut (the control
//!   plane last heard from the agent when its long-poll began, at most
//!   `max_poll` before the cut, and checks every `period`).
//! * A task is given to one host only (its record names that host).

use crate::harness::*;
use gantry_control::state::TaskRecord;
use std::collections::{BTreeMap, BTreeSet};

/// Seconds within which an involuntarily stopped task is replaced: a few
/// reconcile passes (`reconcile::PERIOD` is 1 s; the scheduler is also
/// poked by the agent's report).
pub const REPLACE_WITHIN: f64 = 5.0;
/// Seconds after a cut-off host's first sync back within which it has
/// stopped the containers the control plane no longer wants.
pub const ZOMBIE_WINDOW: f64 = 2.0;

pub struct ServiceSpec {
    pub name: String,
    pub desired: i64,
    pub min_pct: i64,
    pub max_pct: i64,
    pub cpu: i64,
    pub memory: i64,
}

#[derive(Default)]
pub struct Stats {
    pub steps: u64,
    pub container_failures: u64,
    pub involuntary_stops: u64,
    pub host_lost_stops: u64,
    pub replacements_checked: u64,
    pub cuts: u64,
    pub reboots: u64,
    pub agent_restarts: u64,
    pub deaths: u64,
    pub drains: u64,
    pub deployments_finished: u64,
    /// Shortest time from a cut to a "Host lost" stop of one of its tasks.
    pub min_lost_after_cut: Option<f64>,
    pub max_zombies: usize,
    pub tasks_created: usize,
}

#[derive(Default)]
pub struct Checker {
    pub services: Vec<ServiceSpec>,
    /// Service name -> (deployment start, still watching).
    pub deploying: BTreeMap<String, f64>,
    /// Instance id -> when it was set DRAINING.
    pub drained_at: BTreeMap<String, f64>,
    /// Instance id -> when it was cut off (current cut only).
    pub cut_since: BTreeMap<String, f64>,
    seen_stopped: BTreeSet<String>,
    /// (service, stopped_at, task id) awaiting replacement.
    awaiting: Vec<(String, f64, String)>,
    pub all_tasks: BTreeSet<String>,
    pub stats: Stats,
    pub max: Violations,
    pub min_healthy: Violations,
    pub replaced: Violations,
    pub placement: Violations,
    pub zombies: Violations,
    pub grace: Violations,
    pub foreign: Violations,
}

fn involuntary(t: &TaskRecord) -> bool {
    use gantry_api_types::ecs::TaskStopCode as C;
    matches!(
        t.task.stop_code,
        Some(C::EssentialContainerExited) | Some(C::TaskFailedToStart)
    ) || host_lost(t)
}

fn host_lost(t: &TaskRecord) -> bool {
    t.task
        .stopped_reason
        .as_deref()
        .is_some_and(|r| r.starts_with("Host lost"))
}

impl Checker {
    pub fn violations(&self) -> usize {
        self.max.count
            + self.min_healthy.count
            + self.replaced.count
            + self.placement.count
            + self.zombies.count
            + self.grace.count
            + self.foreign.count
    }

    pub fn assert_clean(&self) {
        self.max.assert_none("maximumPercent");
        self.min_healthy.assert_none("minimumHealthyPercent");
        self.replaced.assert_none("replacement");
        self.placement.assert_none("placement");
        self.zombies.assert_none("zombie window");
        self.grace.assert_none("host-lost grace");
        self.foreign.assert_none("task on two hosts");
    }

    /// Check every invariant once, at `now`.
    pub async fn check(&mut self, cp: &ControlPlane, hosts: &[Host]) {
        let now = cp.now();
        self.stats.steps += 1;
        let tasks = cp.tasks().await;
        let instances = cp.instances().await;
        let by_id: BTreeMap<&str, &TaskRecord> = tasks.iter().map(|t| (t.id.as_str(), t)).collect();
        for t in &tasks {
            self.all_tasks.insert(t.id.clone());
        }
        self.stats.tasks_created = self.all_tasks.len();

        // Newly stopped tasks: involuntary ones must be replaced.
        for t in &tasks {
            if !is_stopped(t) || !self.seen_stopped.insert(t.id.clone()) {
                continue;
            }
            let Some(svc) = service_of(t) else { continue };
            if involuntary(t) {
                self.stats.involuntary_stops += 1;
                if host_lost(t) {
                    self.stats.host_lost_stops += 1;
                }
                let at = t.task.stopped_at.unwrap_or(now);
                self.awaiting.push((svc.to_string(), at, t.id.clone()));
            }
            // Grace: a host-lost stop of a task on a cut-off host.
            if host_lost(t) {
                if let Some(cut) = t.instance_id.as_ref().and_then(|i| self.cut_since.get(i)) {
                    let c = cp.config;
                    let earliest = cut + c.host_lost_after.as_secs_f64()
                        - c.max_poll().as_secs_f64()
                        - c.period().as_secs_f64();
                    let at = t.task.stopped_at.unwrap_or(now);
                    let after = at - cut;
                    self.stats.min_lost_after_cut = Some(
                        self.stats
                            .min_lost_after_cut
                            .map_or(after, |m: f64| m.min(after)),
                    );
                    if at + 0.001 < earliest {
                        self.grace.add(format!(
                            "task {} stopped as host lost at {at}, cut at {cut}, earliest {earliest}",
                            t.id
                        ));
                    }
                }
            }
        }

        // Per service: bounds and replacement.
        for s in &self.services {
            let (min_healthy, max_tasks) = bounds(s.desired, s.min_pct, s.max_pct);
            let mine: Vec<&TaskRecord> = tasks
                .iter()
                .filter(|t| service_of(t) == Some(s.name.as_str()))
                .collect();
            let live = mine
                .iter()
                .filter(|t| desired_running(t) && !is_stopped(t))
                .count() as i64;
            let running = mine
                .iter()
                .filter(|t| desired_running(t) && t.task.last_status.as_deref() == Some("RUNNING"))
                .count() as i64;
            if live > max_tasks {
                self.max.add(format!(
                    "{now}: service {} has {live} live tasks > max {max_tasks}",
                    s.name
                ));
            }
            // Containers really running on reachable hosts.
            let mut physical = 0i64;
            for h in hosts {
                let st = h.lock();
                if st.mode != Mode::Up {
                    continue;
                }
                for (arn, p) in &st.physical {
                    if p.exited.is_none()
                        && by_id
                            .get(task_id(arn))
                            .is_some_and(|t| service_of(t) == Some(s.name.as_str()))
                    {
                        physical += 1;
                    }
                }
            }
            if physical > max_tasks {
                self.max.add(format!(
                    "{now}: service {} has {physical} containers running on reachable hosts > max {max_tasks}",
                    s.name
                ));
            }
            if self.deploying.contains_key(&s.name) {
                let recent_losses = mine
                    .iter()
                    .filter(|t| {
                        is_stopped(t)
                            && involuntary(t)
                            && t.task.stopped_at.unwrap_or(0.0) >= now - REPLACE_WITHIN
                    })
                    .count() as i64;
                if running + recent_losses < min_healthy {
                    self.min_healthy.add(format!(
                        "{now}: service {} has {running} RUNNING (+{recent_losses} recent losses) < minHealthy {min_healthy}",
                        s.name
                    ));
                }
            }
            // Replacement deadlines.
            let newest = mine
                .iter()
                .filter_map(|t| t.task.created_at)
                .fold(f64::MIN, f64::max);
            let name = s.name.clone();
            let mut still = vec![];
            for (svc, at, id) in std::mem::take(&mut self.awaiting) {
                if svc != name {
                    still.push((svc, at, id));
                    continue;
                }
                if newest >= at || live >= s.desired {
                    self.stats.replacements_checked += 1;
                } else if now > at + REPLACE_WITHIN {
                    self.replaced.add(format!(
                        "{now}: task {id} of {svc} stopped at {at} not replaced within {REPLACE_WITHIN}s (live {live})"
                    ));
                } else {
                    still.push((svc, at, id));
                }
            }
            self.awaiting = still;
        }

        // Placement: draining instances and resources.
        let demand: BTreeMap<String, (i64, i64)> = self
            .services
            .iter()
            .map(|s| (s.name.clone(), (s.cpu, s.memory)))
            .collect();
        let mut used: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
        for t in &tasks {
            let Some(inst) = t.instance_id.as_deref() else {
                continue;
            };
            if let Some(d) = self.drained_at.get(inst) {
                if t.task.created_at.unwrap_or(0.0) > *d {
                    self.placement.add(format!(
                        "task {} created at {:?} on instance {inst} drained at {d}",
                        t.id, t.task.created_at
                    ));
                    // Report each task once.
                    self.drained_at.insert(inst.to_string(), f64::MAX);
                }
            }
            if !is_stopped(t) {
                if let Some((c, m)) = service_of(t).and_then(|s| demand.get(s)) {
                    let u = used.entry(inst).or_default();
                    u.0 += c;
                    u.1 += m;
                }
            }
        }
        for i in &instances {
            if let Some((c, m)) = used.get(i.id.as_str()) {
                if *c > i.total_cpu || *m > i.total_memory {
                    self.placement.add(format!(
                        "{now}: instance {} holds cpu {c}/{} memory {m}/{}",
                        i.id, i.total_cpu, i.total_memory
                    ));
                }
            }
        }

        // Zombies and foreign tasks.
        let mut zombies = 0;
        for h in hosts {
            let st = h.lock();
            for arn in &st.foreign {
                self.foreign.add(format!(
                    "host {} was given task {arn} placed elsewhere",
                    h.id
                ));
            }
            for (arn, p) in &st.physical {
                if p.exited.is_some() {
                    continue;
                }
                let ok = by_id.get(task_id(arn)).is_some_and(|t| {
                    !is_stopped(t)
                        && desired_running(t)
                        && t.instance_id.as_deref() == Some(h.id.as_str())
                });
                if ok {
                    continue;
                }
                zombies += 1;
                let excused = st.mode == Mode::Cut
                    || st.reconnected_at.is_some_and(|r| now - r <= ZOMBIE_WINDOW);
                if !excused {
                    self.zombies.add(format!(
                        "{now}: host {} ({:?}, back at {:?}) still runs {arn}",
                        h.id, st.mode, st.reconnected_at
                    ));
                }
            }
        }
        for h in hosts {
            h.lock().foreign.clear();
        }
        self.stats.max_zombies = self.stats.max_zombies.max(zombies);

        // Deployments that finished stop being watched for minHealthy.
        if !self.deploying.is_empty() {
            let names: Vec<String> = self.deploying.keys().cloned().collect();
            for s in cp.services(&names).await {
                let primary = s["deployments"]
                    .as_array()
                    .and_then(|d| d.iter().find(|d| d["status"] == "PRIMARY"));
                let state = primary.and_then(|p| p["rolloutState"].as_str());
                let only_primary = s["deployments"].as_array().is_some_and(|d| d.len() == 1);
                if state != Some("IN_PROGRESS") && only_primary {
                    if let Some(n) = s["serviceName"].as_str() {
                        self.deploying.remove(n);
                        self.stats.deployments_finished += 1;
                    }
                }
            }
        }
    }

    /// Whether every service runs exactly its desired count, on reachable
    /// hosts, with no stray container anywhere and no deployment in flight.
    pub async fn converged(&self, cp: &ControlPlane, hosts: &[Host]) -> Result<(), String> {
        let tasks = cp.tasks().await;
        let by_id: BTreeMap<&str, &TaskRecord> = tasks.iter().map(|t| (t.id.as_str(), t)).collect();
        let mut physical: BTreeMap<String, i64> = BTreeMap::new();
        for h in hosts {
            let st = h.lock();
            for (arn, p) in &st.physical {
                if p.exited.is_some() {
                    continue;
                }
                let t = by_id
                    .get(task_id(arn))
                    .ok_or_else(|| format!("host {} runs unknown task {arn}", h.id))?;
                if is_stopped(t) || !desired_running(t) {
                    return Err(format!("host {} still runs stopped task {arn}", h.id));
                }
                *physical
                    .entry(service_of(t).unwrap_or_default().to_string())
                    .or_default() += 1;
            }
        }
        for s in &self.services {
            let running = tasks
                .iter()
                .filter(|t| {
                    service_of(t) == Some(s.name.as_str())
                        && desired_running(t)
                        && t.task.last_status.as_deref() == Some("RUNNING")
                })
                .count() as i64;
            let live = tasks
                .iter()
                .filter(|t| {
                    service_of(t) == Some(s.name.as_str()) && desired_running(t) && !is_stopped(t)
                })
                .count() as i64;
            let phys = physical.get(&s.name).copied().unwrap_or(0);
            if running != s.desired || live != s.desired || phys != s.desired {
                return Err(format!(
                    "service {}: desired {}, live {live}, RUNNING {running}, containers {phys}",
                    s.name, s.desired
                ));
            }
        }
        let names: Vec<String> = self.services.iter().map(|s| s.name.clone()).collect();
        for s in cp.services(&names).await {
            let deps = s["deployments"].as_array().cloned().unwrap_or_default();
            if deps.len() != 1 || deps[0]["rolloutState"] == "IN_PROGRESS" {
                return Err(format!(
                    "service {} deployments not settled: {}",
                    s["serviceName"], s["deployments"]
                ));
            }
            if s["runningCount"].as_i64() != s["desiredCount"].as_i64() {
                return Err(format!(
                    "service {} runningCount {} != desiredCount {}",
                    s["serviceName"], s["runningCount"], s["desiredCount"]
                ));
            }
        }
        Ok(())
    }

    /// Every task ever seen is still describable (task records are never
    /// deleted, so "legitimately cleaned up" does not apply).
    pub async fn lost_records(&self, cp: &ControlPlane, hosts: &[Host]) -> Vec<String> {
        let mut ids: BTreeSet<String> = self.all_tasks.clone();
        for h in hosts {
            for arn in &h.lock().given {
                ids.insert(task_id(arn).to_string());
            }
        }
        let ids: Vec<String> = ids.into_iter().collect();
        let mut lost = vec![];
        for chunk in ids.chunks(100) {
            let r = cp
                .call(
                    "DescribeTasks",
                    serde_json::json!({ "cluster": CLUSTER, "tasks": chunk }),
                )
                .await;
            let found: BTreeSet<&str> = r["tasks"]
                .as_array()
                .map(|ts| {
                    ts.iter()
                        .filter_map(|t| t["taskArn"].as_str().map(task_id))
                        .collect()
                })
                .unwrap_or_default();
            for id in chunk {
                if !found.contains(id.as_str()) {
                    lost.push(id.clone());
                }
            }
        }
        lost
    }
}
