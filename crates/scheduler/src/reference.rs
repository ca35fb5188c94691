//! The planner as it was before candidates were indexed: one pass over every instance per
//! task. Kept, unchanged, as the reference the indexed planner is checked against (same
//! plan for the same input and seed).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::query::EvalCtx;
use crate::rng::{hash_str, mix};
use crate::{
    Constraint, Instance, PlacementFailure, PlacementRequest, Plan, PlanError, Strategy,
    StrategyType, TaskDemand, MAX_CONSTRAINTS, MAX_STRATEGIES, REASON_AGENT, REASON_ATTRIBUTE,
    REASON_CPU, REASON_DISTINCT_INSTANCE, REASON_MEMBER_OF, REASON_MEMORY, REASON_PORTS,
    REASON_PORTS_UDP,
};

/// A validated strategy, as a sort key.
#[derive(Debug, Clone)]
enum Key {
    /// Tasks of the group on the instance.
    SpreadInstance,
    /// Tasks of the group in the instance's bucket of `buckets[n]`.
    SpreadAttribute(usize),
    BinpackCpu,
    BinpackMemory,
    Random,
}

enum Field {
    Instance,
    Attribute(String),
    Cpu,
    Memory,
    None,
}

fn parse_field(s: &Strategy) -> Result<Field, PlanError> {
    match s.kind {
        StrategyType::Random => Ok(Field::None),
        StrategyType::Spread => {
            let f = s
                .field
                .as_deref()
                .filter(|f| !f.is_empty())
                .ok_or(PlanError::MissingStrategyField { kind: "spread" })?;
            if f.eq_ignore_ascii_case("instanceId") || f.eq_ignore_ascii_case("host") {
                return Ok(Field::Instance);
            }
            match f.strip_prefix("attribute:") {
                Some(name) if !name.is_empty() => Ok(Field::Attribute(name.to_string())),
                _ => Err(PlanError::InvalidStrategyField {
                    kind: "spread",
                    field: f.to_string(),
                    valid: "instanceId, host and attribute:<name>",
                }),
            }
        }
        StrategyType::Binpack => {
            let f = s
                .field
                .as_deref()
                .filter(|f| !f.is_empty())
                .ok_or(PlanError::MissingStrategyField { kind: "binpack" })?;
            if f.eq_ignore_ascii_case("cpu") {
                Ok(Field::Cpu)
            } else if f.eq_ignore_ascii_case("memory") {
                Ok(Field::Memory)
            } else {
                Err(PlanError::InvalidStrategyField {
                    kind: "binpack",
                    field: f.to_string(),
                    valid: "cpu and memory",
                })
            }
        }
    }
}

/// Bucket table for one spread-over-attribute strategy.
struct Buckets {
    /// Bucket index of each instance.
    of: Vec<usize>,
    /// Live tasks of the group per bucket.
    count: Vec<u64>,
}

impl Buckets {
    fn new(name: &str, instances: &[Instance], group: &str) -> Self {
        let mut index: BTreeMap<Option<&str>, usize> = BTreeMap::new();
        let mut count = Vec::new();
        let of = instances
            .iter()
            .map(|inst| {
                let value = inst
                    .attributes
                    .get(name)
                    .map(|v| v.as_deref().unwrap_or(""));
                let next = index.len();
                let b = *index.entry(value).or_insert(next);
                if b == count.len() {
                    count.push(0);
                }
                if inst.active {
                    count[b] += u64::from(group_count(inst, group));
                }
                b
            })
            .collect();
        Buckets { of, count }
    }
}

fn group_count(inst: &Instance, group: &str) -> u32 {
    inst.task_groups.get(group).copied().unwrap_or(0)
}

/// What the batch has reserved on one instance so far.
#[derive(Default, Clone)]
struct Reserved {
    cpu: i64,
    memory: i64,
    tasks: u32,
    tcp: Vec<u16>,
    udp: Vec<u16>,
}

/// Why an instance cannot take the next task.
#[derive(Clone)]
enum Verdict {
    Fits,
    /// Not ACTIVE: never a candidate, never reported.
    Inactive,
    Rejected(&'static str, Option<String>),
}

struct Checker<'a> {
    demand: &'a TaskDemand,
    tcp: Vec<u16>,
    udp: Vec<u16>,
    constraints: &'a [Constraint],
}

impl Checker<'_> {
    fn check(&self, inst: &Instance, r: &Reserved) -> Verdict {
        use Verdict::Rejected;
        if !inst.active {
            return Verdict::Inactive;
        }
        if !inst.agent_connected {
            return Rejected(REASON_AGENT, None);
        }
        for (name, want) in &self.demand.required_attributes {
            let ok = match (inst.attributes.get(name), want) {
                (None, _) => false,
                (Some(_), None) => true,
                (Some(have), Some(want)) => have.as_deref() == Some(want.as_str()),
            };
            if !ok {
                return Rejected(REASON_ATTRIBUTE, Some(name.clone()));
            }
        }
        if inst.remaining_cpu - r.cpu < self.demand.cpu {
            return Rejected(REASON_CPU, None);
        }
        if inst.remaining_memory - r.memory < self.demand.memory {
            return Rejected(REASON_MEMORY, None);
        }
        if self
            .tcp
            .iter()
            .any(|p| inst.used_tcp_ports.contains(p) || r.tcp.contains(p))
        {
            return Rejected(REASON_PORTS, None);
        }
        if self
            .udp
            .iter()
            .any(|p| inst.used_udp_ports.contains(p) || r.udp.contains(p))
        {
            return Rejected(REASON_PORTS_UDP, None);
        }
        let ctx = EvalCtx {
            inst,
            extra_tasks: r.tasks,
            group: &self.demand.group,
        };
        for c in self.constraints {
            match c {
                Constraint::MemberOf(e) if !e.eval(&ctx) => {
                    return Rejected(REASON_MEMBER_OF, None);
                }
                Constraint::DistinctInstance
                    if group_count(inst, &self.demand.group) + r.tasks > 0 =>
                {
                    return Rejected(REASON_DISTINCT_INSTANCE, None);
                }
                _ => {}
            }
        }
        Verdict::Fits
    }
}

fn dedup(ports: &[u16]) -> Vec<u16> {
    let mut v = ports.to_vec();
    v.sort_unstable();
    v.dedup();
    v
}

/// Plans `req.count` tasks onto `instances`.
///
/// Returns `Err` for invalid strategies or constraints, and [`PlanError::NoInstances`] when
/// `instances` is empty. Otherwise the plan holds one instance ARN per placed task; when a
/// task cannot be placed it holds one failure per instance that is not INACTIVE (in input
/// order) and no later task is placed. Placements depend only on the instances (not their
/// order), the request and the seed.
pub(crate) fn plan(instances: &[Instance], req: &PlacementRequest) -> Result<Plan, PlanError> {
    if req.strategies.len() > MAX_STRATEGIES {
        return Err(PlanError::TooManyStrategies {
            count: req.strategies.len(),
        });
    }
    if req.constraints.len() > MAX_CONSTRAINTS {
        return Err(PlanError::TooManyConstraints {
            count: req.constraints.len(),
        });
    }
    let defaults;
    let strategies = if req.strategies.is_empty() {
        defaults = Strategy::defaults();
        &defaults
    } else {
        &req.strategies
    };
    let group = req.demand.group.as_str();
    let mut buckets: Vec<Buckets> = Vec::new();
    let mut keys = Vec::with_capacity(strategies.len());
    for s in strategies {
        keys.push(match parse_field(s)? {
            Field::Instance => Key::SpreadInstance,
            Field::Attribute(name) => {
                buckets.push(Buckets::new(&name, instances, group));
                Key::SpreadAttribute(buckets.len() - 1)
            }
            Field::Cpu => Key::BinpackCpu,
            Field::Memory => Key::BinpackMemory,
            Field::None => Key::Random,
        });
    }
    if instances.is_empty() {
        return Err(PlanError::NoInstances);
    }
    let mut out = Plan::default();
    if req.count == 0 {
        return Ok(out);
    }

    let checker = Checker {
        demand: &req.demand,
        tcp: dedup(&req.demand.tcp_ports),
        udp: dedup(&req.demand.udp_ports),
        constraints: &req.constraints,
    };
    let id_hash: Vec<u64> = instances.iter().map(|i| hash_str(&i.id)).collect();
    let tie: Vec<u64> = id_hash.iter().map(|h| mix(req.seed ^ mix(*h))).collect();
    let mut reserved = vec![Reserved::default(); instances.len()];
    let mut verdicts: Vec<Verdict> = instances
        .iter()
        .map(|i| checker.check(i, &Reserved::default()))
        .collect();

    let mut best_key: Vec<i64> = Vec::with_capacity(keys.len());
    let mut cur_key: Vec<i64> = Vec::with_capacity(keys.len());
    for task in 0..req.count {
        let task_salt = mix(req.seed.wrapping_add(mix(task as u64 + 1)));
        let mut best: Option<usize> = None;
        for (i, inst) in instances.iter().enumerate() {
            if !matches!(verdicts[i], Verdict::Fits) {
                continue;
            }
            let r = &reserved[i];
            cur_key.clear();
            cur_key.extend(keys.iter().map(|k| match k {
                Key::SpreadInstance => i64::from(group_count(inst, group) + r.tasks),
                Key::SpreadAttribute(b) => {
                    let b = &buckets[*b];
                    b.count[b.of[i]] as i64
                }
                Key::BinpackCpu => inst.remaining_cpu - r.cpu,
                Key::BinpackMemory => inst.remaining_memory - r.memory,
                Key::Random => (mix(task_salt ^ id_hash[i]) >> 1) as i64,
            }));
            let better = match best {
                None => true,
                Some(b) => {
                    cur_key
                        .cmp(&best_key)
                        .then_with(|| tie[i].cmp(&tie[b]))
                        .then_with(|| inst.id.cmp(&instances[b].id))
                        == Ordering::Less
                }
            };
            if better {
                best = Some(i);
                std::mem::swap(&mut best_key, &mut cur_key);
            }
        }
        let Some(i) = best else {
            out.failures = instances
                .iter()
                .zip(&verdicts)
                .filter_map(|(inst, v)| match v {
                    Verdict::Rejected(reason, detail) => Some(PlacementFailure {
                        arn: inst.arn.clone(),
                        reason: (*reason).to_string(),
                        detail: detail.clone(),
                    }),
                    Verdict::Fits | Verdict::Inactive => None,
                })
                .collect();
            break;
        };
        let r = &mut reserved[i];
        r.cpu += req.demand.cpu;
        r.memory += req.demand.memory;
        r.tasks += 1;
        r.tcp.extend_from_slice(&checker.tcp);
        r.udp.extend_from_slice(&checker.udp);
        for b in &mut buckets {
            b.count[b.of[i]] += 1;
        }
        verdicts[i] = checker.check(&instances[i], r);
        out.placements.push(instances[i].arn.clone());
    }
    Ok(out)
}
