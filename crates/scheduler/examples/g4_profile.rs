//! The G4 benchmark's scenario (crates/bench/src/g4_scheduler.rs) without the harness, for
//! profiling the planner alone: `cargo run --release -p gantry-scheduler --example
//! g4_profile -- <instances> <tasks>`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{Duration, Instant};

use gantry_scheduler::{plan, Constraint, Instance, PlacementRequest, Strategy, TaskDemand};

fn cluster(n: usize) -> Vec<Instance> {
    let zones = ["us-east-1a", "us-east-1b", "us-east-1c"];
    (0..n)
        .map(|i| {
            let id = format!("{:032x}", i as u128 * 0x9E37_79B9_7F4A_7C15);
            let mut attributes: BTreeMap<String, Option<String>> = BTreeMap::new();
            attributes.insert(
                "ecs.availability-zone".into(),
                Some(zones[i % 3].to_string()),
            );
            let kind = if i % 2 == 0 {
                "m5.4xlarge"
            } else {
                "c5.4xlarge"
            };
            attributes.insert("ecs.instance-type".into(), Some(kind.to_string()));
            attributes.insert("ecs.os-type".into(), Some("linux".into()));
            attributes.insert("ecs.capability.task-cpu-mem-limit".into(), None);
            Instance {
                arn: format!("arn:aws:ecs:us-east-1:123456789012:container-instance/bench/{id}"),
                id,
                active: true,
                agent_connected: true,
                remaining_cpu: 16 * 1024,
                remaining_memory: 64 * 1024,
                used_tcp_ports: BTreeSet::new(),
                used_udp_ports: BTreeSet::new(),
                attributes: attributes.into_iter().collect(),
                ec2_instance_id: None,
                agent_version: Some("1.0.0".into()),
                registered_at: 1.7e9,
                running_tasks_count: 0,
                task_groups: BTreeMap::new(),
            }
        })
        .collect()
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .map(|a| a.parse().expect("a number"))
        .collect();
    let n = args.first().copied().unwrap_or(10_000);
    let tasks = args.get(1).copied().unwrap_or(10_000);
    let mut instances = cluster(n);
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
    let constraints = vec![Constraint::member_of("attribute:ecs.instance-type =~ m5.*").unwrap()];
    let strategies = vec![
        Strategy::spread("attribute:ecs.availability-zone"),
        Strategy::binpack("memory"),
    ];
    let (mut placed, mut batches, mut time) = (0usize, 0u64, Duration::ZERO);
    let mut digest = 0u64;
    while placed < tasks {
        let count = 10.min(tasks - placed);
        let req = PlacementRequest {
            demand: demand.clone(),
            count,
            strategies: strategies.clone(),
            constraints: constraints.clone(),
            seed: batches,
        };
        let t = Instant::now();
        let p = plan(&instances, &req).unwrap();
        time += t.elapsed();
        batches += 1;
        for arn in &p.placements {
            let i = index[arn];
            digest = digest.wrapping_mul(31).wrapping_add(i as u64);
            let inst = &mut instances[i];
            inst.remaining_cpu -= demand.cpu;
            inst.remaining_memory -= demand.memory;
            inst.running_tasks_count += 1;
            *inst.task_groups.entry(demand.group.clone()).or_default() += 1;
        }
        placed += p.placements.len();
        if p.placements.len() < count {
            break;
        }
    }
    println!(
        "{n} instances: {placed} placed in {time:.2?} = {:.0} placements/s (digest {digest:016x})",
        placed as f64 / time.as_secs_f64()
    );
}
