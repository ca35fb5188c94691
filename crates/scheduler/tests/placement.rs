//! Placement scenarios: each builds a cluster snapshot, plans, and compares the plan
//! rendered as text with the expected one.

use std::collections::{BTreeMap, BTreeSet};

use gantry_scheduler::{
    plan, render, Constraint, Instance, PlacementRequest, Plan, PlanError, Strategy, TaskDemand,
};
use proptest::prelude::{prop_assert, prop_assert_eq, proptest};
use proptest::strategy::Strategy as _;

/// An ACTIVE, connected instance `id` in zone `az` with 4096 CPU and 8192 MiB.
fn inst(id: &str, az: &str) -> Instance {
    let mut attributes = BTreeMap::new();
    attributes.insert("ecs.availability-zone".to_string(), Some(az.to_string()));
    attributes.insert("ecs.os-type".to_string(), Some("linux".to_string()));
    Instance {
        id: id.to_string(),
        arn: format!("arn:aws:ecs:us-east-1:000000000000:container-instance/default/{id}"),
        active: true,
        agent_connected: true,
        remaining_cpu: 4096,
        remaining_memory: 8192,
        used_tcp_ports: BTreeSet::new(),
        used_udp_ports: BTreeSet::new(),
        attributes: attributes.into_iter().collect(),
        ec2_instance_id: Some(format!("ec2-{id}")),
        agent_version: Some("1.80.0".to_string()),
        registered_at: 1_700_000_000.0,
        running_tasks_count: 0,
        task_groups: BTreeMap::new(),
    }
}

fn with(mut i: Instance, f: impl FnOnce(&mut Instance)) -> Instance {
    f(&mut i);
    i
}

fn attr(mut i: Instance, name: &str, value: &str) -> Instance {
    i.attributes
        .insert(name.to_string(), Some(value.to_string()));
    i
}

fn running(mut i: Instance, group: &str, n: u32) -> Instance {
    *i.task_groups.entry(group.to_string()).or_default() += n;
    i.running_tasks_count += n;
    i
}

fn demand(cpu: i64, memory: i64) -> TaskDemand {
    TaskDemand {
        cpu,
        memory,
        tcp_ports: vec![],
        udp_ports: vec![],
        required_attributes: vec![],
        group: "service:web".to_string(),
    }
}

fn req(demand: TaskDemand, count: usize) -> PlacementRequest {
    PlacementRequest {
        demand,
        count,
        strategies: vec![],
        constraints: vec![],
        seed: 42,
    }
}

fn strategies(mut r: PlacementRequest, s: Vec<Strategy>) -> PlacementRequest {
    r.strategies = s;
    r
}

fn constraints(mut r: PlacementRequest, exprs: &[&str]) -> PlacementRequest {
    r.constraints = exprs
        .iter()
        .map(|e| {
            if *e == "distinctInstance" {
                Constraint::DistinctInstance
            } else {
                Constraint::member_of(e).unwrap()
            }
        })
        .collect();
    r
}

fn run(instances: &[Instance], r: &PlacementRequest) -> String {
    render(&plan(instances, r).unwrap(), instances)
}

struct Scenario {
    name: &'static str,
    instances: Vec<Instance>,
    request: PlacementRequest,
    expected: &'static str,
}

fn scenarios() -> Vec<Scenario> {
    let three_az = || {
        vec![
            inst("i-a1", "us-east-1a"),
            inst("i-a2", "us-east-1a"),
            inst("i-b1", "us-east-1b"),
            inst("i-b2", "us-east-1b"),
            inst("i-c1", "us-east-1c"),
            inst("i-c2", "us-east-1c"),
        ]
    };
    vec![
        Scenario {
            name: "memory exhausted",
            instances: vec![
                with(inst("i-a", "us-east-1a"), |i| i.remaining_memory = 512),
                with(inst("i-b", "us-east-1b"), |i| i.remaining_memory = 700),
            ],
            request: req(demand(128, 512), 3),
            expected: "\
task 0 -> i-a (us-east-1a)
task 1 -> i-b (us-east-1b)
failure i-a RESOURCE:MEMORY
failure i-b RESOURCE:MEMORY
",
        },
        Scenario {
            name: "cpu exhausted before memory is checked",
            instances: vec![
                with(inst("i-a", "us-east-1a"), |i| {
                    i.remaining_cpu = 256;
                    i.remaining_memory = 0;
                }),
                with(inst("i-b", "us-east-1b"), |i| i.remaining_cpu = 1000),
            ],
            request: req(demand(512, 512), 2),
            expected: "\
task 0 -> i-b (us-east-1b)
failure i-a RESOURCE:CPU
failure i-b RESOURCE:CPU
",
        },
        Scenario {
            name: "static tcp port conflict",
            instances: vec![
                with(inst("i-a", "us-east-1a"), |i| {
                    i.used_tcp_ports.insert(80);
                }),
                inst("i-b", "us-east-1b"),
            ],
            request: req(
                TaskDemand {
                    tcp_ports: vec![80],
                    ..demand(128, 128)
                },
                2,
            ),
            expected: "\
task 0 -> i-b (us-east-1b)
failure i-a RESOURCE:PORTS
failure i-b RESOURCE:PORTS
",
        },
        Scenario {
            name: "static udp port conflict",
            instances: vec![with(inst("i-a", "us-east-1a"), |i| {
                i.used_udp_ports.insert(53);
                i.used_tcp_ports.insert(53);
            })],
            request: req(
                TaskDemand {
                    udp_ports: vec![53],
                    ..demand(128, 128)
                },
                1,
            ),
            expected: "\
failure i-a RESOURCE:PORTS_UDP
",
        },
        Scenario {
            name: "batch of 10 spreads over 3 zones, then over instances",
            instances: three_az(),
            request: req(demand(128, 128), 10),
            expected: "\
task 0 -> i-a2 (us-east-1a)
task 1 -> i-b1 (us-east-1b)
task 2 -> i-c1 (us-east-1c)
task 3 -> i-a1 (us-east-1a)
task 4 -> i-b2 (us-east-1b)
task 5 -> i-c2 (us-east-1c)
task 6 -> i-a2 (us-east-1a)
task 7 -> i-b1 (us-east-1b)
task 8 -> i-c1 (us-east-1c)
task 9 -> i-a1 (us-east-1a)
",
        },
        Scenario {
            name: "spread counts live tasks of the same group only",
            instances: vec![
                running(inst("i-a", "us-east-1a"), "service:web", 2),
                running(inst("i-b", "us-east-1b"), "service:other", 5),
                running(inst("i-c", "us-east-1c"), "service:web", 1),
            ],
            request: req(demand(128, 128), 3),
            expected: "\
task 0 -> i-b (us-east-1b)
task 1 -> i-b (us-east-1b)
task 2 -> i-c (us-east-1c)
",
        },
        Scenario {
            name: "instances lacking the spread attribute form their own bucket",
            instances: vec![
                attr(inst("i-a", "us-east-1a"), "rack", "r1"),
                attr(inst("i-b", "us-east-1a"), "rack", "r1"),
                inst("i-c", "us-east-1a"),
                inst("i-d", "us-east-1a"),
            ],
            request: strategies(
                req(demand(128, 128), 4),
                vec![Strategy::spread("attribute:rack"), Strategy::spread("host")],
            ),
            expected: "\
task 0 -> i-a (us-east-1a)
task 1 -> i-d (us-east-1a)
task 2 -> i-b (us-east-1a)
task 3 -> i-c (us-east-1a)
",
        },
        Scenario {
            name: "binpack memory fills the tightest instance first",
            instances: vec![
                with(inst("i-big", "us-east-1a"), |i| i.remaining_memory = 4096),
                with(inst("i-small", "us-east-1b"), |i| i.remaining_memory = 1024),
                with(inst("i-mid", "us-east-1c"), |i| i.remaining_memory = 2048),
            ],
            request: strategies(req(demand(128, 512), 6), vec![Strategy::binpack("memory")]),
            expected: "\
task 0 -> i-small (us-east-1b)
task 1 -> i-small (us-east-1b)
task 2 -> i-mid (us-east-1c)
task 3 -> i-mid (us-east-1c)
task 4 -> i-mid (us-east-1c)
task 5 -> i-mid (us-east-1c)
",
        },
        Scenario {
            name: "binpack cpu then spread breaks the tie",
            instances: vec![
                running(inst("i-a", "us-east-1a"), "service:web", 1),
                inst("i-b", "us-east-1b"),
                with(inst("i-c", "us-east-1c"), |i| i.remaining_cpu = 8192),
            ],
            request: strategies(
                req(demand(1024, 128), 3),
                vec![Strategy::binpack("cpu"), Strategy::spread("instanceId")],
            ),
            expected: "\
task 0 -> i-b (us-east-1b)
task 1 -> i-b (us-east-1b)
task 2 -> i-b (us-east-1b)
",
        },
        Scenario {
            name: "distinctInstance counts live tasks and earlier tasks of the batch",
            instances: vec![
                running(inst("i-a", "us-east-1a"), "service:web", 1),
                inst("i-b", "us-east-1b"),
                inst("i-c", "us-east-1c"),
            ],
            request: constraints(req(demand(128, 128), 3), &["distinctInstance"]),
            expected: "\
task 0 -> i-b (us-east-1b)
task 1 -> i-c (us-east-1c)
failure i-a DistinctInstance placement constraint unsatisfied.
failure i-b DistinctInstance placement constraint unsatisfied.
failure i-c DistinctInstance placement constraint unsatisfied.
",
        },
        Scenario {
            name: "memberOf attribute equality",
            instances: vec![
                attr(inst("i-a", "us-east-1a"), "ecs.instance-type", "t2.small"),
                attr(inst("i-b", "us-east-1b"), "ecs.instance-type", "t2.micro"),
            ],
            request: constraints(
                req(demand(128, 128), 2),
                &["attribute:ecs.instance-type == t2.small"],
            ),
            expected: "\
task 0 -> i-a (us-east-1a)
task 1 -> i-a (us-east-1a)
",
        },
        Scenario {
            name: "memberOf in, with a failure per rejected instance",
            instances: vec![
                inst("i-a", "us-east-1a"),
                inst("i-b", "us-east-1b"),
                inst("i-d", "us-east-1d"),
                with(inst("i-e", "us-east-1e"), |i| i.remaining_memory = 0),
            ],
            request: constraints(
                req(demand(128, 4096), 5),
                &["attribute:ecs.availability-zone in [us-east-1a, 'us-east-1b']"],
            ),
            expected: "\
task 0 -> i-a (us-east-1a)
task 1 -> i-b (us-east-1b)
task 2 -> i-a (us-east-1a)
task 3 -> i-b (us-east-1b)
failure i-a RESOURCE:MEMORY
failure i-b RESOURCE:MEMORY
failure i-d MemberOf placement constraint unsatisfied.
failure i-e RESOURCE:MEMORY
",
        },
        Scenario {
            name: "memberOf exists",
            instances: vec![
                inst("i-a", "us-east-1a"),
                with(inst("i-gpu", "us-east-1b"), |i| {
                    i.attributes.insert("ecs.capability.gpu", None);
                }),
            ],
            request: constraints(req(demand(128, 128), 2), &["attribute:ecs.capability.gpu exists"]),
            expected: "\
task 0 -> i-gpu (us-east-1b)
task 1 -> i-gpu (us-east-1b)
",
        },
        Scenario {
            name: "memberOf regex with and/or/not",
            instances: vec![
                attr(inst("i-a", "us-east-1a"), "ecs.instance-type", "g2.large"),
                attr(inst("i-b", "us-east-1b"), "ecs.instance-type", "t2.micro"),
                attr(inst("i-c", "us-east-1c"), "ecs.instance-type", "g2.xlarge"),
                attr(inst("i-d", "us-east-1d"), "ecs.instance-type", "t3.micro"),
            ],
            request: constraints(
                req(demand(128, 128), 4),
                &["(attribute:ecs.instance-type =~ g2.* and not attribute:ecs.availability-zone == us-east-1c) || attribute:ecs.instance-type =~ t3\\..*"],
            ),
            expected: "\
task 0 -> i-a (us-east-1a)
task 1 -> i-d (us-east-1d)
task 2 -> i-a (us-east-1a)
task 3 -> i-d (us-east-1d)
",
        },
        Scenario {
            name: "memberOf runningTasksCount sees tasks placed earlier in the batch",
            instances: vec![
                inst("i-a", "us-east-1a"),
                running(inst("i-b", "us-east-1b"), "family:other", 1),
                inst("i-c", "us-east-1c"),
            ],
            request: constraints(req(demand(128, 128), 3), &["runningTasksCount < 1"]),
            expected: "\
task 0 -> i-a (us-east-1a)
task 1 -> i-c (us-east-1c)
failure i-a MemberOf placement constraint unsatisfied.
failure i-b MemberOf placement constraint unsatisfied.
failure i-c MemberOf placement constraint unsatisfied.
",
        },
        Scenario {
            name: "memberOf task:group affinity",
            instances: vec![
                inst("i-a", "us-east-1a"),
                running(inst("i-b", "us-east-1b"), "service:db", 1),
            ],
            request: constraints(req(demand(128, 128), 2), &["task:group == service:db"]),
            expected: "\
task 0 -> i-b (us-east-1b)
task 1 -> i-b (us-east-1b)
",
        },
        Scenario {
            name: "inactive instances are skipped silently, disconnected agents fail with AGENT",
            instances: vec![
                with(inst("i-drain", "us-east-1a"), |i| i.active = false),
                with(inst("i-gone", "us-east-1b"), |i| i.agent_connected = false),
                with(inst("i-ok", "us-east-1c"), |i| i.remaining_memory = 128),
            ],
            request: req(demand(128, 128), 2),
            expected: "\
task 0 -> i-ok (us-east-1c)
failure i-gone AGENT
failure i-ok RESOURCE:MEMORY
",
        },
        Scenario {
            name: "required attributes",
            instances: vec![
                attr(inst("i-win", "us-east-1a"), "ecs.os-type", "windows"),
                with(inst("i-nocap", "us-east-1b"), |i| {
                    i.attributes.remove("ecs.os-type");
                }),
                with(inst("i-ok", "us-east-1c"), |i| {
                    i.attributes
                        .insert("com.amazonaws.ecs.capability.docker-remote-api.1.19", None);
                }),
            ],
            request: req(
                TaskDemand {
                    required_attributes: vec![
                        ("ecs.os-type".into(), Some("linux".into())),
                        ("com.amazonaws.ecs.capability.docker-remote-api.1.19".into(), None),
                    ],
                    ..demand(128, 8192)
                },
                2,
            ),
            expected: "\
task 0 -> i-ok (us-east-1c)
failure i-win ATTRIBUTE (ecs.os-type)
failure i-nocap ATTRIBUTE (ecs.os-type)
failure i-ok RESOURCE:MEMORY
",
        },
        Scenario {
            name: "random strategy is a seeded shuffle",
            instances: three_az(),
            request: strategies(req(demand(128, 128), 6), vec![Strategy::random()]),
            expected: "\
task 0 -> i-b2 (us-east-1b)
task 1 -> i-a2 (us-east-1a)
task 2 -> i-a2 (us-east-1a)
task 3 -> i-c2 (us-east-1c)
task 4 -> i-b2 (us-east-1b)
task 5 -> i-b2 (us-east-1b)
",
        },
        Scenario {
            name: "zero tasks",
            instances: vec![inst("i-a", "us-east-1a")],
            request: req(demand(128, 128), 0),
            expected: "",
        },
    ]
}

#[test]
fn scenarios_render_as_expected() {
    let mut mismatches = String::new();
    for s in scenarios() {
        let got = run(&s.instances, &s.request);
        if got != s.expected {
            mismatches.push_str(&format!(
                "--- {}\nexpected:\n{}got:\n{}\n",
                s.name, s.expected, got
            ));
        }
    }
    assert!(mismatches.is_empty(), "{mismatches}");
}

#[test]
fn ten_tasks_over_three_zones_are_balanced() {
    let instances: Vec<Instance> = ["a", "b", "c"]
        .iter()
        .flat_map(|z| (1..=3).map(move |n| inst(&format!("i-{z}{n}"), &format!("us-east-1{z}"))))
        .collect();
    for seed in 0..50 {
        let mut r = req(demand(128, 128), 10);
        r.seed = seed;
        let p = plan(&instances, &r).unwrap();
        let mut per_zone = BTreeMap::new();
        let mut per_instance = BTreeMap::new();
        for arn in &p.placements {
            let i = instances.iter().find(|i| &i.arn == arn).unwrap();
            *per_zone
                .entry(
                    i.attributes
                        .get("ecs.availability-zone")
                        .cloned()
                        .flatten()
                        .unwrap()
                        .to_string(),
                )
                .or_insert(0) += 1;
            *per_instance.entry(i.id.clone()).or_insert(0) += 1;
        }
        let mut zones: Vec<i32> = per_zone.values().copied().collect();
        zones.sort();
        assert_eq!(zones, vec![3, 3, 4], "seed {seed}");
        assert!(per_instance.values().all(|&n| n <= 2), "seed {seed}");
        assert_eq!(per_instance.len(), 9, "seed {seed}");
    }
}

#[test]
fn same_seed_same_plan_regardless_of_input_order() {
    let instances: Vec<Instance> = (0..20)
        .map(|n| {
            inst(
                &format!("i-{n:02}"),
                &format!("us-east-1{}", ["a", "b", "c"][n % 3]),
            )
        })
        .collect();
    let mut reversed = instances.clone();
    reversed.reverse();
    for strategies in [
        vec![],
        vec![Strategy::random()],
        vec![Strategy::binpack("cpu")],
    ] {
        let mut r = req(demand(256, 256), 10);
        r.strategies = strategies;
        let a = plan(&instances, &r).unwrap();
        assert_eq!(a, plan(&instances, &r).unwrap());
        assert_eq!(a, plan(&reversed, &r).unwrap());
    }
    let mut r = req(demand(256, 256), 10);
    r.strategies = vec![Strategy::random()];
    let a = plan(&instances, &r).unwrap();
    r.seed = 43;
    assert_ne!(
        a,
        plan(&instances, &r).unwrap(),
        "another seed shuffles differently"
    );
}

#[test]
fn no_instances_is_a_distinct_error() {
    let err = plan::<Instance>(&[], &req(demand(1, 1), 1)).unwrap_err();
    assert_eq!(err, PlanError::NoInstances);
    assert_eq!(
        err.to_string(),
        "No Container Instances were found in your cluster."
    );
}

#[test]
fn invalid_requests_are_rejected_with_client_messages() {
    let i = [inst("i-a", "us-east-1a")];
    let check = |r: PlacementRequest, want: &str| {
        assert_eq!(plan(&i, &r).unwrap_err().to_string(), want);
    };
    check(
        strategies(req(demand(1, 1), 1), vec![Strategy::binpack("disk")]),
        "Invalid field 'disk' for the binpack placement strategy. Valid fields are cpu and memory.",
    );
    check(
        strategies(
            req(demand(1, 1), 1),
            vec![Strategy {
                kind: gantry_scheduler::StrategyType::Spread,
                field: None,
            }],
        ),
        "The spread placement strategy requires a field.",
    );
    check(
        strategies(req(demand(1, 1), 1), vec![Strategy::spread("az")]),
        "Invalid field 'az' for the spread placement strategy. Valid fields are instanceId, host and attribute:<name>.",
    );
    check(
        strategies(req(demand(1, 1), 1), vec![Strategy::random(); 6]),
        "Too many placement strategies: 6 were specified; the limit is 5.",
    );
    check(
        constraints(req(demand(1, 1), 1), &["distinctInstance"; 11]),
        "Too many placement constraints: 11 were specified; the limit is 10.",
    );
    // Validation comes before the empty-cluster check.
    assert!(matches!(
        plan::<Instance>(
            &[],
            &strategies(req(demand(1, 1), 1), vec![Strategy::binpack("disk")])
        ),
        Err(PlanError::InvalidStrategyField { .. })
    ));

    assert_eq!(
        Strategy::from_wire("binpack", Some("memory")).unwrap(),
        Strategy::binpack("memory")
    );
    assert_eq!(
        Strategy::from_wire("pack", None).unwrap_err().to_string(),
        "Invalid placement strategy type 'pack'. Valid types are random, spread and binpack."
    );
    assert!(matches!(
        Constraint::from_wire("distinctInstance", Some("")),
        Ok(Constraint::DistinctInstance)
    ));
    assert_eq!(
        Constraint::from_wire("memberOf", None)
            .unwrap_err()
            .to_string(),
        "The memberOf placement constraint requires an expression."
    );
    assert_eq!(
        Constraint::from_wire("memberOf", Some("attribute:x =~ ("))
            .unwrap_err()
            .to_string(),
        "Invalid cluster query expression: invalid regular expression '(': unclosed group (at character 15 of \"attribute:x =~ (\")"
    );
}

fn arb_instance(n: usize) -> impl proptest::strategy::Strategy<Value = Instance> {
    (
        0i64..3000,
        0i64..3000,
        proptest::collection::btree_set(8000u16..8006, 0..3),
        proptest::collection::btree_set(8000u16..8006, 0..2),
        0usize..3,
        proptest::bool::weighted(0.9),
        proptest::bool::weighted(0.9),
        0u32..3,
    )
        .prop_map(move |(cpu, mem, tcp, udp, az, active, conn, live)| {
            let mut i = inst(
                &format!("i-{n}"),
                ["us-east-1a", "us-east-1b", "us-east-1c"][az],
            );
            i.remaining_cpu = cpu;
            i.remaining_memory = mem;
            i.used_tcp_ports = tcp;
            i.used_udp_ports = udp;
            i.active = active;
            i.agent_connected = conn;
            running(i, "service:web", live)
        })
}

fn arb_cluster() -> impl proptest::strategy::Strategy<Value = Vec<Instance>> {
    (1usize..8).prop_flat_map(|n| (0..n).map(arb_instance).collect::<Vec<_>>())
}

proptest! {
    #[test]
    fn placements_never_overcommit(
        instances in arb_cluster(),
        cpu in 0i64..1200,
        memory in 0i64..1200,
        tcp in proptest::collection::vec(8000u16..8006, 0..2),
        udp in proptest::collection::vec(8000u16..8006, 0..2),
        count in 0usize..20,
        strategy in 0usize..5,
        distinct in proptest::bool::ANY,
        seed in proptest::num::u64::ANY,
    ) {
        let mut r = req(TaskDemand { tcp_ports: tcp.clone(), udp_ports: udp.clone(), ..demand(cpu, memory) }, count);
        r.seed = seed;
        r.strategies = match strategy {
            0 => vec![],
            1 => vec![Strategy::random()],
            2 => vec![Strategy::binpack("memory")],
            3 => vec![Strategy::binpack("cpu"), Strategy::spread("host")],
            _ => vec![Strategy::spread("attribute:ecs.availability-zone")],
        };
        if distinct {
            r.constraints = vec![Constraint::DistinctInstance];
        }
        let p: Plan = plan(&instances, &r).unwrap();
        prop_assert!(p.placements.len() <= count);
        for i in &instances {
            let n = p.placements.iter().filter(|a| **a == i.arn).count() as i64;
            if n == 0 {
                continue;
            }
            prop_assert!(i.active && i.agent_connected);
            prop_assert!(n * cpu <= i.remaining_cpu, "cpu overcommitted on {}", i.id);
            prop_assert!(n * memory <= i.remaining_memory, "memory overcommitted on {}", i.id);
            if !tcp.is_empty() {
                prop_assert!(n == 1 && tcp.iter().all(|p| !i.used_tcp_ports.contains(p)));
            }
            if !udp.is_empty() {
                prop_assert!(n == 1 && udp.iter().all(|p| !i.used_udp_ports.contains(p)));
            }
            if distinct {
                prop_assert!(n == 1 && i.task_groups.get("service:web").copied().unwrap_or(0) == 0);
            }
        }
        if p.placements.len() < count {
            let reportable = instances.iter().filter(|i| i.active).count();
            prop_assert_eq!(p.failures.len(), reportable);
        } else {
            prop_assert!(p.failures.is_empty());
        }
    }
}

#[test]
#[ignore = "micro benchmark; run with --release -- --ignored --nocapture"]
fn micro_bench_10k_tasks_on_1k_instances() {
    let instances: Vec<Instance> = (0..1000)
        .map(|n| {
            let mut i = attr(
                inst(
                    &format!("i-{n:04}"),
                    &format!("us-east-1{}", ["a", "b", "c"][n % 3]),
                ),
                "ecs.instance-type",
                ["t3.large", "m5.xlarge"][n % 2],
            );
            i.remaining_cpu = 1 << 20;
            i.remaining_memory = 1 << 20;
            i
        })
        .collect();
    let cases: Vec<(&str, PlacementRequest)> = vec![
        ("default spread", req(demand(10, 10), 10_000)),
        (
            "binpack memory + memberOf",
            constraints(
                strategies(
                    req(demand(10, 10), 10_000),
                    vec![Strategy::binpack("memory")],
                ),
                &["attribute:ecs.instance-type =~ m5.* and runningTasksCount < 1000"],
            ),
        ),
        (
            "random",
            strategies(req(demand(10, 10), 10_000), vec![Strategy::random()]),
        ),
    ];
    for (name, r) in cases {
        let start = std::time::Instant::now();
        let p = plan(&instances, &r).unwrap();
        let secs = start.elapsed().as_secs_f64();
        assert_eq!(p.placements.len(), 10_000);
        println!(
            "{name}: 10000 tasks on 1000 instances in {secs:.3}s = {:.0} placements/s",
            10_000.0 / secs
        );
    }
}
