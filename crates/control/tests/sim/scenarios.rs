//! Scenario A (issue 3): REPLICA services under container failures,
//! instance losses, a drain and a rolling deployment.
//! Scenario B (issue 4): many instances under disconnects, partitions,
//! agent restarts and host reboots.

use crate::checker::{Checker, ServiceSpec};
use crate::harness::*;
use gantry_control::connectivity::ConnectivityConfig;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::json;
use std::time::Duration;

const STEP: Duration = Duration::from_secs(1);
/// Seconds allowed for the cluster to converge once the chaos stops.
const CONVERGE_WITHIN: u64 = 180;

/// Simulated chaos seconds of the full-size runs (`GANTRY_SIM_SECS`
/// overrides the default of 3 hours).
fn full_secs() -> u64 {
    std::env::var("GANTRY_SIM_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3 * 3600)
}

fn seed(default: u64) -> u64 {
    std::env::var("GANTRY_SIM_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

async fn create_service(cp: &ControlPlane, s: &ServiceSpec, td: &str, breaker: Option<bool>) {
    let mut dc = json!({
        "maximumPercent": s.max_pct,
        "minimumHealthyPercent": s.min_pct,
    });
    if let Some(rollback) = breaker {
        dc["deploymentCircuitBreaker"] = json!({"enable": true, "rollback": rollback});
    }
    cp.call(
        "CreateService",
        json!({
            "cluster": CLUSTER,
            "serviceName": s.name,
            "taskDefinition": td,
            "desiredCount": s.desired,
            "launchType": "EC2",
            "deploymentConfiguration": dc,
        }),
    )
    .await;
}

/// Step until `Checker::converged` holds (checking invariants each step).
async fn converge(cp: &ControlPlane, hosts: &[Host], ck: &mut Checker) -> u64 {
    let mut last = String::new();
    for waited in 0..CONVERGE_WITHIN {
        tokio::time::sleep(STEP).await;
        ck.check(cp, hosts).await;
        match ck.converged(cp, hosts).await {
            Ok(()) => return waited + 1,
            Err(e) => last = e,
        }
    }
    panic!("not converged {CONVERGE_WITHIN}s after the chaos stopped: {last}");
}

pub struct SizeA {
    pub hosts: usize,
    pub chaos_secs: u64,
}

pub async fn scenario_a(size: SizeA, seed: u64) {
    let mut rng = StdRng::seed_from_u64(seed);
    let cp = ControlPlane::start(ConnectivityConfig::default()).await;
    let mut hosts = vec![];
    for _ in 0..size.hosts {
        hosts.push(Host::start(&cp, 2048, 4096, 20).await);
    }
    // (name, desired, min%, max%, circuit breaker rollback?)
    let specs: [(&str, i64, i64, i64, Option<bool>); 4] = [
        ("web", 5, 100, 200, Some(true)),
        ("api", 10, 50, 150, None),
        ("worker", 15, 100, 200, Some(false)),
        ("batch", 20, 50, 100, Some(true)),
    ];
    let mut ck = Checker::default();
    for (name, desired, min_pct, max_pct, breaker) in specs {
        let td = register_taskdef(&cp, name, 256, 256).await;
        let spec = ServiceSpec {
            name: name.to_string(),
            desired,
            min_pct,
            max_pct,
            cpu: 256,
            memory: 256,
        };
        create_service(&cp, &spec, &td, breaker).await;
        ck.services.push(spec);
    }
    let warmup = converge(&cp, &hosts, &mut ck).await;

    let deploy_at = size.chaos_secs / 3;
    let drain_at = size.chaos_secs / 2;
    let deaths = [size.chaos_secs / 4, (size.chaos_secs * 2) / 3];
    for step in 0..size.chaos_secs {
        let now = cp.now();
        if step == deploy_at {
            for s in &ck.services {
                let td = register_taskdef(&cp, &s.name, 256, 256).await;
                cp.call(
                    "UpdateService",
                    json!({"cluster": CLUSTER, "service": s.name, "taskDefinition": td}),
                )
                .await;
            }
            let names: Vec<String> = ck.services.iter().map(|s| s.name.clone()).collect();
            for n in names {
                ck.deploying.insert(n, now);
            }
        }
        if step == drain_at {
            let live: Vec<&Host> = hosts
                .iter()
                .filter(|h| h.lock().mode == Mode::Up && !ck.drained_at.contains_key(&h.id))
                .collect();
            let h = live[rng.random_range(0..live.len())];
            cp.call(
                "UpdateContainerInstancesState",
                json!({"cluster": CLUSTER, "containerInstances": [h.arn], "status": "DRAINING"}),
            )
            .await;
            ck.drained_at.insert(h.id.clone(), cp.now());
            ck.stats.drains += 1;
        }
        if deaths.contains(&step) {
            let live: Vec<usize> = (0..hosts.len())
                .filter(|i| hosts[*i].lock().mode == Mode::Up)
                .collect();
            let i = live[rng.random_range(0..live.len())];
            hosts[i].set_mode(Mode::Dead, now);
            ck.cut_since.insert(hosts[i].id.clone(), now);
            ck.stats.deaths += 1;
            // Capacity comes back as a new instance.
            hosts.push(Host::start(&cp, 2048, 4096, 20).await);
        }
        // Random essential-container failures (about one every 10 s).
        if rng.random_bool(0.1) {
            let i = rng.random_range(0..hosts.len());
            let pick = rng.random_range(0..1000);
            if hosts[i].lock().mode == Mode::Up && hosts[i].fail_one(pick, now).is_some() {
                ck.stats.container_failures += 1;
            }
        }
        tokio::time::sleep(STEP).await;
        ck.check(&cp, &hosts).await;
    }
    let settle = converge(&cp, &hosts, &mut ck).await;
    let lost = ck.lost_records(&cp, &hosts).await;
    let s = &ck.stats;
    println!(
        "scenario A seed={seed} hosts={} chaos={}s warmup={warmup}s settle={settle}s: steps={} container_failures={} involuntary_stops={} host_lost_stops={} replacements={} deaths={} drains={} deployments_finished={} tasks={} lost_records={} violations={}",
        hosts.len(), size.chaos_secs, s.steps, s.container_failures, s.involuntary_stops,
        s.host_lost_stops, s.replacements_checked, s.deaths, s.drains, s.deployments_finished, s.tasks_created,
        lost.len(), ck.violations()
    );
    for h in &hosts {
        h.abort();
    }
    cp.stop().await;
    assert!(lost.is_empty(), "lost task records: {lost:?}");
    assert!(s.container_failures > 0 && s.involuntary_stops > 0);
    assert!(s.host_lost_stops > 0, "no instance loss was exercised");
    assert_eq!(s.deployments_finished, 4, "every deployment finishes");
    ck.assert_clean();
}

pub struct SizeB {
    pub hosts: usize,
    pub services: usize,
    pub desired: i64,
    pub chaos_secs: u64,
    /// Chaos events per simulated second (mean).
    pub rate: f64,
}

pub async fn scenario_b(size: SizeB, seed: u64) {
    let mut rng = StdRng::seed_from_u64(seed);
    let cp = ControlPlane::start(ConnectivityConfig::default()).await;
    let mut hosts = vec![];
    for _ in 0..size.hosts {
        hosts.push(Host::start(&cp, 4096, 8192, 20).await);
    }
    let mut ck = Checker::default();
    for i in 0..size.services {
        let name = format!("svc{i:03}");
        let td = register_taskdef(&cp, &name, 256, 512).await;
        let (min_pct, max_pct) = [(100, 200), (50, 100), (0, 100), (50, 150)][i % 4];
        let spec = ServiceSpec {
            name,
            desired: size.desired,
            min_pct,
            max_pct,
            cpu: 256,
            memory: 512,
        };
        create_service(&cp, &spec, &td, (i % 3 == 0).then_some(true)).await;
        ck.services.push(spec);
    }
    let warmup = converge(&cp, &hosts, &mut ck).await;

    // Host index -> simulated time at which its cut ends.
    let mut cut_until: std::collections::BTreeMap<usize, f64> = Default::default();
    let wall = std::time::Instant::now();
    for step in 0..size.chaos_secs {
        let now = cp.now();
        if step > 0 && step % 600 == 0 {
            // Progress of the long runs (visible with --nocapture).
            eprintln!(
                "scenario B: {step}/{} simulated s after {:.0} s wall, violations so far {}",
                size.chaos_secs,
                wall.elapsed().as_secs_f64(),
                ck.violations()
            );
        }
        if step == size.chaos_secs / 2 {
            // A rolling deployment of every other service amid the chaos.
            for s in ck.services.iter().step_by(2) {
                cp.call(
                    "UpdateService",
                    json!({"cluster": CLUSTER, "service": s.name, "forceNewDeployment": true}),
                )
                .await;
            }
            let names: Vec<String> = ck
                .services
                .iter()
                .step_by(2)
                .map(|s| s.name.clone())
                .collect();
            for n in names {
                ck.deploying.insert(n, now);
            }
        }
        // Heal cuts that are over.
        let over: Vec<usize> = cut_until
            .iter()
            .filter(|(_, until)| **until <= now)
            .map(|(i, _)| *i)
            .collect();
        // A host healed in this step has not synced yet: no new chaos on it
        // until it has (a re-cut would hide its earlier silence).
        let healed: std::collections::BTreeSet<usize> = over.iter().copied().collect();
        for i in over {
            cut_until.remove(&i);
            hosts[i].set_mode(Mode::Up, now);
            ck.cut_since.remove(&hosts[i].id);
        }
        let mut events = 0;
        let mut budget = size.rate;
        while budget > 0.0 {
            if rng.random_bool(budget.min(1.0)) {
                events += 1;
            }
            budget -= 1.0;
        }
        for _ in 0..events {
            let i = rng.random_range(0..hosts.len());
            if hosts[i].lock().mode != Mode::Up || healed.contains(&i) {
                continue;
            }
            match rng.random_range(0..100) {
                // Disconnect or partition: short (under the host-lost
                // grace) or long (the host is declared lost).
                0..=39 => {
                    let secs = if rng.random_bool(0.5) {
                        rng.random_range(2.0..10.0)
                    } else {
                        rng.random_range(20.0..300.0)
                    };
                    hosts[i].set_mode(Mode::Cut, now);
                    ck.cut_since.insert(hosts[i].id.clone(), now);
                    cut_until.insert(i, now + secs);
                    ck.stats.cuts += 1;
                }
                40..=59 => {
                    hosts[i].restart_agent();
                    ck.stats.agent_restarts += 1;
                }
                60..=69 => {
                    hosts[i].reboot(now);
                    ck.stats.reboots += 1;
                }
                _ => {
                    let pick = rng.random_range(0..1000);
                    if hosts[i].fail_one(pick, now).is_some() {
                        ck.stats.container_failures += 1;
                    }
                }
            }
        }
        tokio::time::sleep(STEP).await;
        ck.check(&cp, &hosts).await;
    }
    // The chaos stops: every cut heals.
    let now = cp.now();
    for (i, _) in std::mem::take(&mut cut_until) {
        hosts[i].set_mode(Mode::Up, now);
        ck.cut_since.remove(&hosts[i].id);
    }
    let settle = converge(&cp, &hosts, &mut ck).await;
    let lost = ck.lost_records(&cp, &hosts).await;
    let s = &ck.stats;
    println!(
        "scenario B seed={seed} hosts={} services={}x{} chaos={}s warmup={warmup}s settle={settle}s: steps={} cuts={} agent_restarts={} reboots={} container_failures={} involuntary_stops={} host_lost_stops={} replacements={} max_zombies={} min_lost_after_cut={:?} deployments_finished={} tasks={} lost_records={} violations={}",
        hosts.len(), size.services, size.desired, size.chaos_secs, s.steps, s.cuts,
        s.agent_restarts, s.reboots, s.container_failures, s.involuntary_stops,
        s.host_lost_stops, s.replacements_checked, s.max_zombies, s.min_lost_after_cut, s.deployments_finished, s.tasks_created,
        lost.len(), ck.violations()
    );
    for h in &hosts {
        h.abort();
    }
    cp.stop().await;
    assert!(lost.is_empty(), "lost task records: {lost:?}");
    assert!(s.cuts > 0 && s.agent_restarts > 0 && s.reboots > 0);
    assert!(s.host_lost_stops > 0, "no host was declared lost");
    assert_eq!(
        s.deployments_finished as usize,
        size.services.div_ceil(2),
        "every deployment finishes"
    );
    ck.assert_clean();
}

#[tokio::test(start_paused = true)]
async fn services_survive_failures_losses_drain_and_deployment() {
    scenario_a(
        SizeA {
            hosts: 20,
            chaos_secs: if cfg!(debug_assertions) { 600 } else { 3600 },
        },
        seed(3),
    )
    .await;
}

#[tokio::test(start_paused = true)]
async fn many_hosts_converge_after_disconnects_partitions_and_restarts() {
    let size = if cfg!(debug_assertions) {
        SizeB {
            hosts: 60,
            services: 6,
            desired: 20,
            chaos_secs: 300,
            rate: 0.5,
        }
    } else {
        SizeB {
            hosts: 300,
            services: 20,
            desired: 30,
            chaos_secs: 3600,
            rate: 1.0,
        }
    };
    scenario_b(size, seed(4)).await;
}

/// Full size of issue 3's simulation: 3 simulated hours.
#[tokio::test(start_paused = true)]
#[ignore = "full size: cargo test --release -p gantry-control --test sim -- --ignored full_size"]
async fn full_size_services() {
    scenario_a(
        SizeA {
            hosts: 20,
            chaos_secs: full_secs(),
        },
        seed(3),
    )
    .await;
}

/// Full size of issue 4's simulation: 1,000 instances, 3 simulated hours.
#[tokio::test(start_paused = true)]
#[ignore = "full size: cargo test --release -p gantry-control --test sim -- --ignored full_size"]
async fn full_size_many_hosts() {
    scenario_b(
        SizeB {
            hosts: 1000,
            services: 50,
            desired: 40,
            chaos_secs: full_secs(),
            rate: 2.0,
        },
        seed(4),
    )
    .await;
}

/// The invariant checks are not vacuous: an extra task of a service, a
/// container its host should have stopped, and a deleted task record are
/// all reported.
#[tokio::test(start_paused = true)]
async fn checker_reports_violations() {
    let cp = ControlPlane::start(ConnectivityConfig::default()).await;
    let hosts = vec![
        Host::start(&cp, 2048, 4096, 20).await,
        Host::start(&cp, 2048, 4096, 20).await,
    ];
    let mut ck = Checker::default();
    let td = register_taskdef(&cp, "web", 256, 256).await;
    let spec = ServiceSpec {
        name: "web".into(),
        desired: 2,
        min_pct: 50,
        max_pct: 100,
        cpu: 256,
        memory: 256,
    };
    create_service(&cp, &spec, &td, None).await;
    ck.services.push(spec);
    converge(&cp, &hosts, &mut ck).await;
    assert_eq!(ck.violations(), 0);

    // A third live task in the service's group: over maximumPercent.
    cp.call(
        "RunTask",
        json!({"cluster": CLUSTER, "taskDefinition": td, "group": "service:web"}),
    )
    .await;
    ck.check(&cp, &hosts).await;
    assert!(ck.max.count > 0, "over-provisioning not reported");

    // A container on a reachable host that its record places elsewhere.
    let other = hosts[1].lock().physical.keys().next().cloned();
    let other = other.expect("host 1 runs a task");
    hosts[0].abort();
    hosts[0].lock().physical.insert(
        other,
        Phys {
            started_at: cp.now(),
            exited: None,
        },
    );
    ck.check(&cp, &hosts).await;
    assert!(ck.zombies.count > 0, "stray container not reported");

    // A task record that disappears.
    let victim = ck.all_tasks.iter().next().cloned().expect("a task");
    let mut t = gantry_control::state::TxnBuilder::new();
    t.delete(&gantry_control::state::task_key(CLUSTER, &victim));
    assert!(cp.ecs.repo.commit(t).await.expect("commit"));
    let lost = ck.lost_records(&cp, &hosts).await;
    assert_eq!(lost, vec![victim]);
    for h in &hosts {
        h.abort();
    }
    cp.stop().await;
}

/// A host cut off late in its agent's long-poll keeps its tasks for the
/// whole host-lost grace, measured from when it went silent.
///
/// (The control plane records an agent as heard from when a sync call
/// begins and again when its long poll ends; before the second, a host
/// partitioned during a long-poll was declared lost `host_lost_after -
/// max_poll` after it went silent.)
#[tokio::test(start_paused = true)]
async fn host_lost_grace_counts_from_real_silence() {
    let cp = ControlPlane::start(ConnectivityConfig::default()).await;
    let hosts = vec![Host::start(&cp, 2048, 4096, 20).await];
    let mut ck = Checker::default();
    let td = register_taskdef(&cp, "web", 256, 256).await;
    let spec = ServiceSpec {
        name: "web".into(),
        desired: 1,
        min_pct: 100,
        max_pct: 200,
        cpu: 256,
        memory: 256,
    };
    create_service(&cp, &spec, &td, None).await;
    ck.services.push(spec);
    converge(&cp, &hosts, &mut ck).await;
    // Wait for the agent to begin a long-poll (within the last 0.1 s).
    let id = hosts[0].id.clone();
    let mut polls = 0;
    while cp
        .ecs
        .hosts
        .last_seen(&id)
        .is_none_or(|s| cp.now() - s > 0.1)
    {
        tokio::time::sleep(Duration::from_millis(100)).await;
        polls += 1;
        assert!(polls < 200, "the agent never polled");
    }
    // Late in that long-poll (the agent is alive and connected), cut it.
    let began = cp.ecs.hosts.last_seen(&id).expect("seen");
    tokio::time::sleep(cp.config.max_poll() - Duration::from_millis(200)).await;
    assert_eq!(
        cp.ecs.hosts.last_seen(&id),
        Some(began),
        "still the same long-poll"
    );
    let cut = cp.now();
    hosts[0].set_mode(Mode::Cut, cut);
    let grace = cp.config.host_lost_after.as_secs_f64();
    let stopped_at = loop {
        tokio::time::sleep(STEP).await;
        let lost = cp
            .tasks()
            .await
            .into_iter()
            .find(|t| is_stopped(t) && t.instance_id.as_deref() == Some(id.as_str()));
        if let Some(t) = lost {
            break t.task.stopped_at.expect("stoppedAt");
        }
        assert!(
            cp.now() < cut + 3.0 * grace,
            "the host was never declared lost"
        );
    };
    hosts[0].abort();
    cp.stop().await;
    assert!(
        stopped_at - cut >= grace,
        "tasks stopped {}s after the host went silent; the grace is {grace}s",
        stopped_at - cut
    );
}
