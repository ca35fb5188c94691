//! The placement algorithm behind [`plan`]: validate, filter, order by strategy keys, pick,
//! reserve, repeat.
//!
//! The result is exactly that of the straightforward algorithm (kept in `reference.rs` for
//! the tests that compare the two): per task, check every instance and take the least by
//! strategy keys, seeded tie-breaker, id and input position. What differs is the work:
//!
//! - One pass over the instances per call reads only their own fields (status, resources,
//!   ports, group count) plus, with `spread(attribute:…)`, the spread attribute's value;
//!   attribute and constraint checks (`ATTRIBUTE`, `memberOf`, `distinctInstance`) run
//!   only for instances that come up as best, or for all when failures are reported.
//! - Candidates are partitioned by their spread-attribute buckets: members of a partition
//!   share every `spread(attribute:…)` key, so within it the order is that of the other
//!   keys alone. Each partition keeps its *front*: every fitting member whose
//!   per-instance keys (`spread(instanceId)`, `binpack`) are the partition's least, in a
//!   heap by tie-breaker, id and position. A task compares only the front tops.
//! - A placement changes only the chosen instance (and its buckets' counts), so only it
//!   moves: it stays in the front, becomes the whole front, or leaves it. An emptied
//!   front is refilled by one scan of the partition, later from a heap of its members.
//! - Tie-breakers (a hash of the id) are computed only for instances that reach a front.
//! - With a `random` strategy every key changes with every task, so each task scans the
//!   (checked) candidates.
//!
//! With thousands of instances the cost is dominated by that first pass (reading each
//! instance and its spread attribute: cache misses), not by the placements.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

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
    /// Tasks of the group in the instance's bucket of attribute spread `n`.
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

/// Checks one strategy's field.
pub(crate) fn validate_strategy(s: &Strategy) -> Result<(), PlanError> {
    parse_field(s).map(|_| ())
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
    /// ACTIVE and passes [`Checker::precheck`]; not checked further yet.
    Unchecked,
    /// ACTIVE and fails [`Checker::precheck`]: rejected, for a reason worked out only if
    /// failures are reported.
    Unknown,
}

struct Checker<'a> {
    demand: &'a TaskDemand,
    tcp: Vec<u16>,
    udp: Vec<u16>,
    constraints: &'a [Constraint],
}

impl Checker<'_> {
    /// The cheap part of [`Checker::check`] for an ACTIVE instance before the batch: the
    /// instance's own fields, no attribute or constraint. False means `check` rejects it.
    fn precheck(&self, inst: &Instance) -> bool {
        inst.agent_connected
            && inst.remaining_cpu >= self.demand.cpu
            && inst.remaining_memory >= self.demand.memory
            && !self.tcp.iter().any(|p| inst.used_tcp_ports.contains(p))
            && !self.udp.iter().any(|p| inst.used_udp_ports.contains(p))
    }

    /// `groups` is the instance's live task count of the demand's group (before the batch).
    fn check(&self, inst: &Instance, r: &Reserved, groups: u32) -> Verdict {
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
                Constraint::DistinctInstance if groups + r.tasks > 0 => {
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

/// Per-instance keys (everything but attribute spreads and random), in strategy order.
type Reduced = [i64; MAX_STRATEGIES];

/// What changes for an instance during the batch.
#[derive(Clone, Copy, Default)]
struct Live {
    /// Remaining CPU after the batch's reservations.
    cpu: i64,
    /// Remaining memory after the batch's reservations.
    memory: i64,
    /// Tasks of the group, live plus placed by the batch.
    tasks: u32,
    /// Tasks of the group live before the batch.
    groups: u32,
}

/// An entry of a partition's front: ordered by tie-breaker, then id, then input position
/// (the reference keeps the first of fully equal instances).
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct FrontEntry<'a> {
    tie: u64,
    id: &'a str,
    index: u32,
}

/// Candidates sharing every attribute-spread bucket.
struct Partition<'a> {
    /// Members (instance indices). Until the first rebuild that finds nothing at the
    /// least key, fronts are rebuilt by scanning these; then they move to `heap`.
    members: Vec<u32>,
    /// A rebuild has scanned `members`.
    scanned: bool,
    /// Members not in the front, by reduced key (once built).
    heap: Option<BinaryHeap<Reverse<(Reduced, u32)>>>,
    /// Every fitting member whose reduced key is `front_key`, the least of the partition.
    front: BinaryHeap<Reverse<FrontEntry<'a>>>,
    front_key: Reduced,
    /// `front` is current; when false it is rebuilt before use.
    valid: bool,
    /// A member, whose buckets are the partition's.
    sample: u32,
}

impl Partition<'_> {
    fn new(sample: u32) -> Self {
        Partition {
            members: Vec::new(),
            scanned: false,
            heap: None,
            front: BinaryHeap::new(),
            front_key: [0; MAX_STRATEGIES],
            valid: false,
            sample,
        }
    }
}

/// Interns attribute values as bucket numbers.
#[derive(Default)]
struct BucketIndex<'a> {
    /// Linear while small (a handful of zones is the common case).
    few: Vec<(Option<&'a str>, u32)>,
    many: HashMap<Option<&'a str>, u32>,
    /// Tasks of the group per bucket.
    count: Vec<u64>,
}

impl<'a> BucketIndex<'a> {
    const FEW: usize = 16;

    fn bucket(&mut self, value: Option<&'a str>) -> u32 {
        if self.many.is_empty() {
            if let Some((_, b)) = self.few.iter().find(|(v, _)| *v == value) {
                return *b;
            }
            let b = self.count.len() as u32;
            self.count.push(0);
            if self.few.len() < Self::FEW {
                self.few.push((value, b));
            } else {
                self.many.extend(self.few.drain(..));
                self.many.insert(value, b);
            }
            return b;
        }
        let next = self.count.len() as u32;
        let b = *self.many.entry(value).or_insert(next);
        if b == next {
            self.count.push(0);
        }
        b
    }
}

struct Planner<'a, I> {
    instances: &'a [I],
    req: &'a PlacementRequest,
    keys: Vec<Key>,
    checker: Checker<'a>,
    verdicts: Vec<Verdict>,
    live: Vec<Live>,
    reserved: BTreeMap<u32, Reserved>,
    /// Attribute spreads: bucket tables, and each candidate's buckets (`buckets.len()` per
    /// instance, flat).
    buckets: Vec<BucketIndex<'a>>,
    bucket_of: Vec<u32>,
    /// Seeded tie-breakers, computed on first use.
    ties: Vec<Option<u64>>,
}

impl<'a, I: Borrow<Instance>> Planner<'a, I> {
    fn tie(&mut self, i: u32) -> u64 {
        let slot = &mut self.ties[i as usize];
        *slot.get_or_insert_with(|| {
            mix(self.req.seed ^ mix(hash_str(&self.instances[i as usize].borrow().id)))
        })
    }

    fn reduced(&self, i: u32) -> Reduced {
        let l = &self.live[i as usize];
        let mut k = [0; MAX_STRATEGIES];
        for (slot, key) in k.iter_mut().zip(&self.keys) {
            *slot = match key {
                Key::SpreadInstance => i64::from(l.tasks),
                Key::BinpackCpu => l.cpu,
                Key::BinpackMemory => l.memory,
                Key::SpreadAttribute(_) | Key::Random => 0,
            };
        }
        k
    }

    fn attr_count(&self, i: u32, a: usize) -> i64 {
        let b = self.bucket_of[i as usize * self.buckets.len() + a];
        self.buckets[a].count[b as usize] as i64
    }

    /// Completes the check of instance `i` if only prechecked; true when it fits.
    fn fits(&mut self, i: u32) -> bool {
        let v = &mut self.verdicts[i as usize];
        if matches!(v, Verdict::Unchecked) {
            let inst = &self.instances[i as usize].borrow();
            *v = self
                .checker
                .check(inst, &Reserved::default(), self.live[i as usize].groups);
        }
        matches!(v, Verdict::Fits)
    }

    /// May still fit: checked and fitting, or not fully checked yet.
    fn open(&self, i: u32) -> bool {
        matches!(
            self.verdicts[i as usize],
            Verdict::Fits | Verdict::Unchecked
        )
    }

    /// Reserves one task on instance `i` and re-checks it.
    fn reserve(&mut self, i: u32) {
        let d = &self.req.demand;
        let r = self.reserved.entry(i).or_default();
        r.cpu += d.cpu;
        r.memory += d.memory;
        r.tasks += 1;
        r.tcp.extend_from_slice(&self.checker.tcp);
        r.udp.extend_from_slice(&self.checker.udp);
        let l = &mut self.live[i as usize];
        l.cpu -= d.cpu;
        l.memory -= d.memory;
        l.tasks += 1;
        let attrs = self.buckets.len();
        for (a, b) in self.buckets.iter_mut().enumerate() {
            b.count[self.bucket_of[i as usize * attrs + a] as usize] += 1;
        }
        let inst = &self.instances[i as usize].borrow();
        self.verdicts[i as usize] = self.checker.check(inst, r, l.groups);
    }

    fn front_entry(&mut self, i: u32) -> Reverse<FrontEntry<'a>> {
        Reverse(FrontEntry {
            tie: self.tie(i),
            id: &self.instances[i as usize].borrow().id,
            index: i,
        })
    }

    /// Fills `front` with the fitting members at the least reduced key of `members`, if
    /// any fits there, and returns that key.
    fn scan(
        &mut self,
        members: &[u32],
        front: &mut BinaryHeap<Reverse<FrontEntry<'a>>>,
    ) -> Option<Reduced> {
        let mut least: Option<Reduced> = None;
        let mut at_least: Vec<u32> = Vec::new();
        for &i in members {
            let k = self.reduced(i);
            match least.as_ref().map(|l| k.cmp(l)) {
                Some(Ordering::Greater) => {}
                Some(Ordering::Equal) => at_least.push(i),
                Some(Ordering::Less) | None => {
                    least = Some(k);
                    at_least.clear();
                    at_least.push(i);
                }
            }
        }
        for i in at_least {
            if self.fits(i) {
                let e = self.front_entry(i);
                front.push(e);
            }
        }
        least.filter(|_| !front.is_empty())
    }

    /// Recomputes an empty front: the fitting members with the least reduced key.
    fn rebuild(&mut self, p: &mut Partition<'a>) {
        p.valid = true;
        p.front.clear();
        if p.heap.is_none() {
            let mut members = std::mem::take(&mut p.members);
            members.retain(|&i| self.open(i));
            if !std::mem::replace(&mut p.scanned, true) {
                // First, one scan for the least key: usually enough for the whole batch.
                if let Some(key) = self.scan(&members, &mut p.front) {
                    p.front_key = key;
                    p.members = members;
                    return;
                }
            }
            // Nothing fits at the least key, or the front emptied again: order the
            // members once and take levels off the heap from now on.
            let heap: BinaryHeap<Reverse<(Reduced, u32)>> = members
                .into_iter()
                .filter(|&i| self.open(i))
                .map(|i| Reverse((self.reduced(i), i)))
                .collect();
            p.heap = Some(heap);
        }
        let mut heap = p.heap.take().unwrap_or_default();
        while let Some(&Reverse((k, _))) = heap.peek() {
            while let Some(&Reverse((kk, i))) = heap.peek() {
                if kk != k {
                    break;
                }
                heap.pop();
                if self.fits(i) {
                    let e = self.front_entry(i);
                    p.front.push(e);
                }
            }
            if !p.front.is_empty() {
                p.front_key = k;
                break;
            }
        }
        p.heap = Some(heap);
    }

    /// The full strategy key of the top of partition `p`'s front.
    fn full_key(&self, p: &Partition<'_>) -> Reduced {
        let mut k = p.front_key;
        for (slot, key) in k.iter_mut().zip(&self.keys) {
            if let Key::SpreadAttribute(a) = key {
                *slot = self.attr_count(p.sample, *a);
            }
        }
        k
    }

    /// Places up to `count` tasks over indexed partitions (no random strategy); false when
    /// a task found no instance.
    fn place_indexed(&mut self, candidates: Vec<u32>, out: &mut Plan) -> bool {
        let attrs = self.buckets.len();
        let mut parts: Vec<Partition<'a>> = Vec::new();
        {
            let mut by_buckets: HashMap<&[u32], usize> = HashMap::new();
            let mut by_bucket: Vec<Option<usize>> = match attrs {
                1 => vec![None; self.buckets[0].count.len()],
                _ => Vec::new(),
            };
            for i in candidates {
                let p = match attrs {
                    0 => {
                        if parts.is_empty() {
                            parts.push(Partition::new(i));
                        }
                        0
                    }
                    1 => *by_bucket[self.bucket_of[i as usize] as usize].get_or_insert_with(|| {
                        parts.push(Partition::new(i));
                        parts.len() - 1
                    }),
                    _ => {
                        let key = &self.bucket_of[i as usize * attrs..(i as usize + 1) * attrs];
                        *by_buckets.entry(key).or_insert_with(|| {
                            parts.push(Partition::new(i));
                            parts.len() - 1
                        })
                    }
                };
                parts[p].members.push(i);
            }
        }
        for _ in 0..self.req.count {
            let mut best: Option<(usize, Reduced)> = None;
            for p in 0..parts.len() {
                if !parts[p].valid {
                    let mut part = std::mem::replace(&mut parts[p], Partition::new(0));
                    self.rebuild(&mut part);
                    parts[p] = part;
                }
                let part = &parts[p];
                let Some(Reverse(top)) = part.front.peek() else {
                    continue;
                };
                let key = self.full_key(part);
                let better = match &best {
                    None => true,
                    Some((b, bkey)) => {
                        let Reverse(btop) = parts[*b].front.peek().expect("a best front");
                        key.cmp(bkey).then_with(|| top.cmp(btop)) == Ordering::Less
                    }
                };
                if better {
                    best = Some((p, key));
                }
            }
            let Some((p, _)) = best else {
                return false;
            };
            let part = &mut parts[p];
            let Reverse(top) = part.front.pop().expect("a best front");
            let i = top.index;
            self.reserve(i);
            out.placements
                .push(self.instances[i as usize].borrow().arn.clone());
            if matches!(self.verdicts[i as usize], Verdict::Fits) {
                let k = self.reduced(i);
                match k.cmp(&part.front_key) {
                    Ordering::Equal => part.front.push(Reverse(top)),
                    Ordering::Less => {
                        // The chosen instance alone is now least; the rest of the front
                        // goes back among the members.
                        if let Some(heap) = part.heap.as_mut() {
                            let key = part.front_key;
                            heap.extend(
                                part.front.drain().map(|Reverse(e)| Reverse((key, e.index))),
                            );
                        }
                        part.front.clear();
                        part.front.push(Reverse(top));
                        part.front_key = k;
                    }
                    Ordering::Greater => {
                        if let Some(heap) = part.heap.as_mut() {
                            heap.push(Reverse((k, i)));
                        }
                    }
                }
            }
            if part.front.is_empty() {
                part.valid = false;
            }
        }
        true
    }

    /// Places up to `count` tasks scanning every candidate per task (random strategies);
    /// false when a task found no instance.
    fn place_scanning(&mut self, mut candidates: Vec<u32>, out: &mut Plan) -> bool {
        candidates.retain(|&i| self.fits(i));
        let id_hash: Vec<u64> = candidates
            .iter()
            .map(|&i| hash_str(&self.instances[i as usize].borrow().id))
            .collect();
        let seed = self.req.seed;
        let tie: Vec<u64> = id_hash.iter().map(|h| mix(seed ^ mix(*h))).collect();
        let mut cur: Reduced = [0; MAX_STRATEGIES];
        for task in 0..self.req.count {
            let task_salt = mix(seed.wrapping_add(mix(task as u64 + 1)));
            let mut best: Option<(usize, Reduced)> = None;
            for (c, &i) in candidates.iter().enumerate() {
                if !matches!(self.verdicts[i as usize], Verdict::Fits) {
                    continue;
                }
                let l = &self.live[i as usize];
                for (slot, key) in cur.iter_mut().zip(&self.keys) {
                    *slot = match key {
                        Key::SpreadInstance => i64::from(l.tasks),
                        Key::SpreadAttribute(a) => self.attr_count(i, *a),
                        Key::BinpackCpu => l.cpu,
                        Key::BinpackMemory => l.memory,
                        Key::Random => (mix(task_salt ^ id_hash[c]) >> 1) as i64,
                    };
                }
                let better = match &best {
                    None => true,
                    Some((b, bkey)) => {
                        let bi = candidates[*b] as usize;
                        cur.cmp(bkey)
                            .then_with(|| tie[c].cmp(&tie[*b]))
                            .then_with(|| {
                                self.instances[i as usize]
                                    .borrow()
                                    .id
                                    .cmp(&self.instances[bi].borrow().id)
                            })
                            == Ordering::Less
                    }
                };
                if better {
                    best = Some((c, cur));
                }
            }
            let Some((c, _)) = best else {
                return false;
            };
            let i = candidates[c];
            self.reserve(i);
            out.placements
                .push(self.instances[i as usize].borrow().arn.clone());
        }
        true
    }
}

/// Plans `req.count` tasks onto `instances`.
///
/// Returns `Err` for invalid strategies or constraints, and [`PlanError::NoInstances`] when
/// `instances` is empty. Otherwise the plan holds one instance ARN per placed task; when a
/// task cannot be placed it holds one failure per instance that is not INACTIVE (in input
/// order) and no later task is placed. Placements depend only on the instances (not their
/// order), the request and the seed.
pub fn plan<I: Borrow<Instance>>(
    instances: &[I],
    req: &PlacementRequest,
) -> Result<Plan, PlanError> {
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
    let mut attr_names: Vec<String> = Vec::new();
    let mut keys = Vec::with_capacity(strategies.len());
    for s in strategies {
        keys.push(match parse_field(s)? {
            Field::Instance => Key::SpreadInstance,
            Field::Attribute(name) => {
                attr_names.push(name);
                Key::SpreadAttribute(attr_names.len() - 1)
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
    assert!(
        u32::try_from(instances.len()).is_ok(),
        "at most u32::MAX instances"
    );

    let checker = Checker {
        demand: &req.demand,
        tcp: dedup(&req.demand.tcp_ports),
        udp: dedup(&req.demand.udp_ports),
        constraints: &req.constraints,
    };
    let group = req.demand.group.as_str();
    let attrs = attr_names.len();
    let n = instances.len();
    let mut buckets: Vec<BucketIndex<'_>> =
        attr_names.iter().map(|_| BucketIndex::default()).collect();
    let mut bucket_of = vec![0u32; n * attrs];
    let mut verdicts = Vec::with_capacity(n);
    let mut live = Vec::with_capacity(n);
    let mut candidates: Vec<u32> = Vec::new();
    // One pass over the instances: their own fields and, where needed, the spread
    // attributes (short built-in names are stored in the instance itself: `Attributes`),
    // so the slice is read once, in order.
    for (i, inst) in instances.iter().map(Borrow::borrow).enumerate() {
        if !inst.active {
            verdicts.push(Verdict::Inactive);
            live.push(Live::default());
            continue;
        }
        let groups = group_count(inst, group);
        let open = checker.precheck(inst);
        // Every ACTIVE instance's tasks count in its buckets; a candidate also needs to
        // know its buckets.
        if attrs > 0 && (open || groups > 0) {
            for (a, (b, name)) in buckets.iter_mut().zip(&attr_names).enumerate() {
                let value = inst
                    .attributes
                    .get(name.as_str())
                    .map(|v| v.as_deref().unwrap_or(""));
                let k = b.bucket(value);
                b.count[k as usize] += u64::from(groups);
                bucket_of[i * attrs + a] = k;
            }
        }
        if open {
            candidates.push(i as u32);
            verdicts.push(Verdict::Unchecked);
        } else {
            verdicts.push(Verdict::Unknown);
        }
        live.push(Live {
            cpu: inst.remaining_cpu,
            memory: inst.remaining_memory,
            tasks: groups,
            groups,
        });
    }
    let random = keys.iter().any(|k| matches!(k, Key::Random));
    let mut planner = Planner {
        instances,
        req,
        keys,
        checker,
        verdicts,
        live,
        reserved: BTreeMap::new(),
        buckets,
        bucket_of,
        ties: if random { Vec::new() } else { vec![None; n] },
    };
    let complete = if random {
        planner.place_scanning(candidates, &mut out)
    } else {
        planner.place_indexed(candidates, &mut out)
    };
    if !complete {
        let Planner {
            checker,
            mut verdicts,
            live,
            ..
        } = planner;
        out.failures = instances
            .iter()
            .map(Borrow::borrow)
            .zip(verdicts.iter_mut())
            .zip(&live)
            .filter_map(|((inst, v), l)| {
                if matches!(v, Verdict::Unchecked | Verdict::Unknown) {
                    // Never reserved: checked against the snapshot alone.
                    *v = checker.check(inst, &Reserved::default(), l.groups);
                }
                match v {
                    Verdict::Rejected(reason, detail) => Some(PlacementFailure {
                        arn: inst.arn.clone(),
                        reason: (*reason).to_string(),
                        detail: detail.clone(),
                    }),
                    _ => None,
                }
            })
            .collect();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    //! The indexed planner against the straightforward one (`reference.rs`) on seeded
    //! random clusters and requests.

    use std::collections::{BTreeMap, BTreeSet};

    use super::plan;
    use crate::rng::mix;
    use crate::{reference, Constraint, Instance, PlacementRequest, Strategy, TaskDemand};

    /// A tiny seeded generator (SplitMix64).
    struct Gen(u64);

    impl Gen {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(1);
            mix(self.0)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
        fn chance(&mut self, percent: u64) -> bool {
            self.below(100) < percent
        }
        fn pick<T: Copy>(&mut self, items: &[T]) -> T {
            items[self.below(items.len() as u64) as usize]
        }
    }

    const GROUPS: [&str; 3] = ["service:web", "service:db", "family:batch"];

    fn instance(g: &mut Gen, n: usize, ids: u64) -> Instance {
        // Few distinct ids now and then, so that ties reach the id and the input order.
        let id = format!("i-{:x}", g.below(ids));
        let mut attributes = BTreeMap::new();
        if !g.chance(5) {
            let zone = g.pick(&["us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d"]);
            attributes.insert("ecs.availability-zone".to_string(), Some(zone.to_string()));
        }
        if g.chance(90) {
            let kind = g.pick(&["m5.large", "m5.xlarge", "c5.large", "t3.micro"]);
            attributes.insert("ecs.instance-type".to_string(), Some(kind.to_string()));
        }
        if g.chance(80) {
            attributes.insert("ecs.os-type".to_string(), Some("linux".to_string()));
        }
        if g.chance(20) {
            attributes.insert("rack".to_string(), None);
        } else if g.chance(50) {
            attributes.insert("rack".to_string(), Some(format!("r{}", g.below(3))));
        }
        if g.chance(10) {
            attributes.insert("unique".to_string(), Some(format!("u{n}")));
        }
        let mut task_groups = BTreeMap::new();
        let mut running = 0;
        for group in GROUPS {
            if g.chance(30) {
                let k = g.below(4) as u32;
                task_groups.insert(group.to_string(), k);
                running += k;
            }
        }
        let ports = |g: &mut Gen| -> BTreeSet<u16> {
            (0..g.below(3)).map(|_| 8000 + g.below(4) as u16).collect()
        };
        // Coarse resources so that binpack keys tie often.
        let step = g.pick(&[1i64, 128, 512]);
        Instance {
            arn: format!("arn:aws:ecs:us-east-1:000000000000:container-instance/c/{id}/{n}"),
            id,
            active: g.chance(90),
            agent_connected: g.chance(92),
            remaining_cpu: (g.below(4096) as i64 / step) * step
                - if g.chance(3) { 5000 } else { 0 },
            remaining_memory: (g.below(8192) as i64 / step) * step,
            used_tcp_ports: ports(g),
            used_udp_ports: ports(g),
            attributes: attributes.into_iter().collect(),
            ec2_instance_id: g.chance(70).then(|| format!("ec2-{n}")),
            agent_version: g
                .chance(80)
                .then(|| format!("1.{}.{}", g.below(90), g.below(3))),
            registered_at: 1_700_000_000.0 + g.below(1000) as f64,
            running_tasks_count: running + g.below(2) as u32,
            task_groups,
        }
    }

    fn strategy(g: &mut Gen) -> Strategy {
        match g.below(9) {
            0 => Strategy::random(),
            1 => Strategy::spread("instanceId"),
            2 => Strategy::spread("host"),
            3 | 4 => Strategy::spread("attribute:ecs.availability-zone"),
            5 => Strategy::spread(g.pick(&SPREADS)),
            6 => Strategy::binpack("cpu"),
            _ => Strategy::binpack("memory"),
        }
    }

    const SPREADS: [&str; 4] = [
        "attribute:ecs.instance-type",
        "attribute:rack",
        "attribute:unique",
        "attribute:missing",
    ];

    const EXPRESSIONS: [&str; 8] = [
        "attribute:ecs.instance-type =~ m5.*",
        "attribute:ecs.instance-type != t3.micro",
        "attribute:rack exists",
        "not task:group == service:web",
        "runningTasksCount < 4",
        "agentVersion >= 1.40.0 or attribute:ecs.availability-zone in [us-east-1a, us-east-1b]",
        "task:group =~ service:.* or ec2InstanceId =~ ec2-1.*",
        "attribute:ecs.availability-zone != us-east-1d and registeredAt < 2023-11-14T22:20:00Z",
    ];

    fn request(g: &mut Gen) -> PlacementRequest {
        let ports = |g: &mut Gen| -> Vec<u16> {
            (0..g.below(3).saturating_sub(1))
                .map(|_| 8000 + g.below(4) as u16)
                .collect()
        };
        let mut required_attributes = Vec::new();
        if g.chance(20) {
            required_attributes.push(("ecs.os-type".to_string(), Some("linux".to_string())));
        }
        if g.chance(10) {
            required_attributes.push(("rack".to_string(), None));
        }
        let demand = TaskDemand {
            cpu: g.pick(&[0, 1, 128, 256, 1000]),
            memory: g.pick(&[0, 128, 512, 2048]),
            tcp_ports: ports(g),
            udp_ports: ports(g),
            required_attributes,
            group: g.pick(&GROUPS).to_string(),
        };
        let strategies = (0..g.below(4)).map(|_| strategy(g)).collect();
        let mut constraints = Vec::new();
        if g.chance(25) {
            constraints.push(Constraint::DistinctInstance);
        }
        for _ in 0..g.below(3).saturating_sub(1) {
            constraints.push(Constraint::member_of(g.pick(&EXPRESSIONS)).unwrap());
        }
        PlacementRequest {
            demand,
            count: g.pick(&[1, 3, 10, 10, 25, 60]),
            strategies,
            constraints,
            seed: g.next(),
        }
    }

    #[test]
    fn indexed_planner_matches_the_reference() {
        let mut g = Gen(0x5EED);
        let mut placed = 0;
        let mut failed = 0;
        for case in 0..4000 {
            let n = 1 + g.below(if case % 10 == 0 { 200 } else { 30 }) as usize;
            let ids = if g.chance(20) {
                n as u64 / 2 + 1
            } else {
                u64::MAX
            };
            let instances: Vec<Instance> = (0..n).map(|k| instance(&mut g, k, ids)).collect();
            let req = request(&mut g);
            let want = reference::plan(&instances, &req).unwrap();
            let got = plan(&instances, &req).unwrap();
            assert_eq!(
                got, want,
                "case {case}: strategies {:?}, constraints {:?}, demand {:?}",
                req.strategies, req.constraints, req.demand
            );
            placed += want.placements.len();
            failed += usize::from(!want.failures.is_empty());
        }
        // The cases exercise both placing and running out.
        assert!(placed > 10_000, "{placed}");
        assert!(failed > 500 && failed < 3500, "{failed}");
    }

    #[test]
    fn indexed_planner_matches_the_reference_on_filling_clusters() {
        // Repeated batches on a cluster that fills up, as the control plane sees it.
        let mut g = Gen(0xF111);
        for round in 0..40 {
            let n = 1 + g.below(60) as usize;
            let mut instances: Vec<Instance> =
                (0..n).map(|k| instance(&mut g, k, u64::MAX)).collect();
            let req = request(&mut g);
            for batch in 0..30 {
                let req = PlacementRequest {
                    seed: batch,
                    ..req.clone()
                };
                let want = reference::plan(&instances, &req).unwrap();
                let got = plan(&instances, &req).unwrap();
                assert_eq!(got, want, "round {round} batch {batch}");
                for arn in &want.placements {
                    let inst = instances.iter_mut().find(|i| &i.arn == arn).unwrap();
                    inst.remaining_cpu -= req.demand.cpu;
                    inst.remaining_memory -= req.demand.memory;
                    inst.running_tasks_count += 1;
                    inst.used_tcp_ports.extend(&req.demand.tcp_ports);
                    inst.used_udp_ports.extend(&req.demand.udp_ports);
                    *inst
                        .task_groups
                        .entry(req.demand.group.clone())
                        .or_default() += 1;
                }
                if !want.failures.is_empty() {
                    break;
                }
            }
        }
    }
}
