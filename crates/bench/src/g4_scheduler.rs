//! G4: placements per second of the pure planner (`gantry_scheduler::plan`).
//!
//! A simulated cluster of N instances in three availability zones and two
//! instance types receives RunTask-sized batches (10 tasks, the RunTask
//! maximum) with `spread(attribute:ecs.availability-zone)` then
//! `binpack(memory)` and a `memberOf(attribute:ecs.instance-type =~ m5.*)`
//! constraint, which excludes half the cluster. Each instance carries the
//! attributes Gantry's agent registers (36: capabilities, OS, architecture,
//! zone, instance type). After each batch the
//! placements are applied to the snapshot (resources, task counts, groups)
//! the way the control plane reserves them; only `plan` is timed. Single
//! thread. The peers are published figures (Nomad's C1M run, the
//! kube-scheduler throughput floor).

use crate::report::{Row, Target};
use anyhow::{bail, Result};
use gantry_scheduler::{
    plan, Attributes, Constraint, Instance, PlacementRequest, Strategy, TaskDemand,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{Duration, Instant};

/// Nomad's "C1M" run: 1,000,000 containers in under 5 minutes (≈ 3,750/s).
const NOMAD_C1M: f64 = 3750.0;
/// kube-scheduler's throughput SLO floor (≥ 270 pods/s at 5k nodes).
const KUBE_SCHEDULER: f64 = 270.0;
/// The target.
const TARGET: f64 = 20_000.0;
const BATCH: usize = 10;

pub struct Scenario {
    pub instances: usize,
    pub tasks: usize,
}

pub fn scenarios(quick: bool) -> Vec<Scenario> {
    if quick {
        vec![Scenario {
            instances: 100,
            tasks: 500,
        }]
    } else {
        vec![
            Scenario {
                instances: 1_000,
                tasks: 10_000,
            },
            Scenario {
                instances: 1_000,
                tasks: 100_000,
            },
            Scenario {
                instances: 10_000,
                tasks: 10_000,
            },
            Scenario {
                instances: 10_000,
                tasks: 100_000,
            },
        ]
    }
}

fn cluster(n: usize) -> Vec<Instance> {
    let zones = ["us-east-1a", "us-east-1b", "us-east-1c"];
    (0..n)
        .map(|i| {
            let id = format!("{:032x}", i as u128 * 0x9E37_79B9_7F4A_7C15);
            // What Gantry's agent registers (capabilities, OS, architecture)
            // plus the zone and instance type.
            let kind = if i % 2 == 0 {
                "m5.4xlarge"
            } else {
                "c5.4xlarge"
            };
            let extra = [
                (
                    "ecs.availability-zone".to_string(),
                    Some(zones[i % 3].to_string()),
                ),
                ("ecs.instance-type".to_string(), Some(kind.to_string())),
            ];
            let attributes: Attributes =
                gantry_agent_api::registration_attributes(41, "x86_64", &extra)
                    .into_iter()
                    .map(|a| {
                        let name = a["name"].as_str().unwrap_or_default().to_string();
                        (name, a["value"].as_str().map(str::to_string))
                    })
                    .collect();
            Instance {
                arn: format!("arn:aws:ecs:us-east-1:123456789012:container-instance/bench/{id}"),
                id,
                active: true,
                agent_connected: true,
                remaining_cpu: 16 * 1024,
                remaining_memory: 64 * 1024,
                used_tcp_ports: BTreeSet::new(),
                used_udp_ports: BTreeSet::new(),
                attributes,
                ec2_instance_id: None,
                agent_version: Some("1.0.0".into()),
                registered_at: 1.7e9,
                running_tasks_count: 0,
                task_groups: BTreeMap::new(),
            }
        })
        .collect()
}

/// Result of one scenario.
pub struct Outcome {
    pub placed: usize,
    pub plan_time: Duration,
    pub batches: usize,
    pub stopped_early: Option<&'static str>,
    /// Attributes per instance.
    pub attributes: usize,
}

pub fn run_scenario(s: &Scenario, budget: Duration) -> Result<Outcome> {
    let mut instances = cluster(s.instances);
    let attributes = instances.first().map_or(0, |i| i.attributes.len());
    let index: HashMap<String, usize> = instances
        .iter()
        .enumerate()
        .map(|(i, x)| (x.arn.clone(), i))
        .collect();
    let demand = TaskDemand {
        cpu: 64,
        memory: 128,
        tcp_ports: vec![],
        udp_ports: vec![],
        required_attributes: vec![("ecs.os-type".into(), Some("linux".into()))],
        group: "family:bench".into(),
    };
    let constraints = vec![Constraint::member_of(
        "attribute:ecs.instance-type =~ m5.*",
    )?];
    let strategies = vec![
        Strategy::spread("attribute:ecs.availability-zone"),
        Strategy::binpack("memory"),
    ];
    let mut placed = 0usize;
    let mut plan_time = Duration::ZERO;
    let mut batches = 0usize;
    let wall = Instant::now();
    let mut stopped_early = None;
    while placed < s.tasks {
        if wall.elapsed() > budget {
            stopped_early = Some("time budget");
            break;
        }
        let count = BATCH.min(s.tasks - placed);
        let req = PlacementRequest {
            demand: demand.clone(),
            count,
            strategies: strategies.clone(),
            constraints: constraints.clone(),
            seed: batches as u64,
        };
        let t = Instant::now();
        let p = plan(&instances, &req)?;
        plan_time += t.elapsed();
        batches += 1;
        for arn in &p.placements {
            let Some(&i) = index.get(arn) else {
                bail!("plan placed a task on an unknown instance {arn}");
            };
            let inst = &mut instances[i];
            inst.remaining_cpu -= demand.cpu;
            inst.remaining_memory -= demand.memory;
            inst.running_tasks_count += 1;
            *inst.task_groups.entry(demand.group.clone()).or_default() += 1;
        }
        placed += p.placements.len();
        if !p.is_complete(count) {
            stopped_early = Some("cluster full");
            break;
        }
    }
    Ok(Outcome {
        placed,
        plan_time,
        batches,
        stopped_early,
        attributes,
    })
}

pub fn run(
    quick: bool,
    details: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<Vec<Row>> {
    let budget = if quick {
        Duration::from_secs(2)
    } else {
        Duration::from_secs(30)
    };
    let mut rows = Vec::new();
    let mut detail = Vec::new();
    for s in scenarios(quick) {
        let o = run_scenario(&s, budget)?;
        if o.placed == 0 {
            bail!("no task was placed with {} instances", s.instances);
        }
        let rate = o.placed as f64 / o.plan_time.as_secs_f64();
        let mut note = format!(
            "{} instances, {} of {} tasks placed in {} RunTask-sized batches of {BATCH}, spread(az)+binpack(memory)+memberOf, {} attributes per instance, 1 thread",
            s.instances, o.placed, s.tasks, o.batches, o.attributes
        );
        if let Some(why) = o.stopped_early {
            note.push_str(&format!(" (stopped early: {why})"));
        }
        println!(
            "  G4 {:>6} instances {:>7} tasks: {:>10.0} placements/s ({} placed, plan time {:.2?})",
            s.instances, s.tasks, rate, o.placed, o.plan_time
        );
        detail.push(serde_json::json!({
            "instances": s.instances, "tasks": s.tasks, "placed": o.placed,
            "batches": o.batches, "plan_seconds": o.plan_time.as_secs_f64(),
            "placements_per_second": rate, "stopped_early": o.stopped_early,
        }));
        rows.push(Row::new(
            "G4",
            format!("placements/s, {} instances, {} tasks", s.instances, s.tasks),
            "placements/s",
            rate,
            "Nomad C1M",
            Some(NOMAD_C1M),
            false,
            Target::AtLeast(TARGET),
            format!(
                "{note}; kube-scheduler floor {KUBE_SCHEDULER}/s → {:.0}×",
                rate / KUBE_SCHEDULER
            ),
        ));
    }
    details.insert("g4".into(), serde_json::Value::Array(detail));
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenario_places_every_task_on_m5_instances() {
        let s = Scenario {
            instances: 30,
            tasks: 40,
        };
        let o = run_scenario(&s, Duration::from_secs(60)).expect("scenario");
        assert_eq!(o.placed, 40);
        assert_eq!(o.batches, 4);
        assert!(o.stopped_early.is_none());
    }

    #[test]
    fn scenario_stops_when_the_cluster_is_full() {
        // 2 instances, one m5: 16384/64 = 256 tasks fit by CPU.
        let s = Scenario {
            instances: 2,
            tasks: 300,
        };
        let o = run_scenario(&s, Duration::from_secs(60)).expect("scenario");
        assert_eq!(o.placed, 256);
        assert_eq!(o.stopped_early, Some("cluster full"));
    }
}
