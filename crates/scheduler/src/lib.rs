//! gantry-scheduler: a pure, deterministic task placement planner for the EC2 launch type.
//!
//! The scheduler plans; something else executes. [`plan`] takes a snapshot of the
//! cluster's container instances and a [`PlacementRequest`] and returns an immutable
//! [`Plan`]: the instance chosen for each task, in order, or the ECS-style failures that
//! stopped the batch. There is no I/O, no clock and no global randomness: the same input
//! and seed always give the same plan, whatever order the instances are listed in.
//!
//! The control plane converts its own records into [`Instance`] and [`TaskDemand`]
//! (this crate depends on no other gantry crate), parses the wire strategies and
//! constraints with [`Strategy::from_wire`] / [`Constraint::from_wire`] (whose errors are
//! `InvalidParameterException` messages), and applies the plan.
//!
//! Algorithm (reference §5.6 and §5.10), per task of the batch:
//! 1. candidates are instances that are ACTIVE; disconnected agents fail with `AGENT`;
//! 2. filters, in this order, each with its ECS failure reason: required attributes
//!    (`ATTRIBUTE`), CPU (`RESOURCE:CPU`), memory (`RESOURCE:MEMORY`), static TCP ports
//!    (`RESOURCE:PORTS`), static UDP ports (`RESOURCE:PORTS_UDP`), `memberOf` constraints
//!    (`MemberOf placement constraint unsatisfied.`), `distinctInstance`
//!    (`DistinctInstance placement constraint unsatisfied.`);
//! 3. strategies as lexicographic sort keys, then a seeded per-plan random order, then
//!    the instance id; the first instance wins and its resources, ports, running-task
//!    count and group count are reserved for the rest of the batch;
//! 4. if no instance passes, one failure per non-INACTIVE instance is reported and no
//!    further task of the batch is placed (the tasks already placed stand).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

mod attributes;
mod planner;
pub mod query;
#[cfg(test)]
mod reference;
mod render;
mod rng;

pub use attributes::Attributes;
pub use planner::plan;
pub use query::{Expr, QueryError};
pub use render::render;

/// At most this many placement strategies per request.
pub const MAX_STRATEGIES: usize = 5;
/// At most this many placement constraints per request (task definition's included).
pub const MAX_CONSTRAINTS: usize = 10;

/// Failure reason for a disconnected agent.
pub const REASON_AGENT: &str = "AGENT";
/// Failure reason for a missing required attribute (detail names it).
pub const REASON_ATTRIBUTE: &str = "ATTRIBUTE";
/// Failure reason for insufficient CPU.
pub const REASON_CPU: &str = "RESOURCE:CPU";
/// Failure reason for insufficient memory.
pub const REASON_MEMORY: &str = "RESOURCE:MEMORY";
/// Failure reason for a static TCP host port already in use.
pub const REASON_PORTS: &str = "RESOURCE:PORTS";
/// Failure reason for a static UDP host port already in use.
pub const REASON_PORTS_UDP: &str = "RESOURCE:PORTS_UDP";
/// Failure reason when a `memberOf` expression is false for the instance.
pub const REASON_MEMBER_OF: &str = "MemberOf placement constraint unsatisfied.";
/// Failure reason when the instance already runs a task of the same group.
pub const REASON_DISTINCT_INSTANCE: &str = "DistinctInstance placement constraint unsatisfied.";

/// A container instance as the planner sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Instance {
    /// Container instance id (the last ARN segment); the final tie-breaker.
    pub id: String,
    /// Container instance ARN; what plans and failures name.
    pub arn: String,
    /// Status is ACTIVE (not DRAINING, INACTIVE, …). Others are never candidates and are
    /// left out of failures.
    pub active: bool,
    /// The agent holds its control connection.
    pub agent_connected: bool,
    /// Unreserved CPU units.
    pub remaining_cpu: i64,
    /// Unreserved memory, MiB.
    pub remaining_memory: i64,
    /// Static TCP host ports in use.
    pub used_tcp_ports: BTreeSet<u16>,
    /// Static UDP host ports in use.
    pub used_udp_ports: BTreeSet<u16>,
    /// Attributes, built-in (`ecs.availability-zone`, `ecs.instance-type`, `ecs.os-type`, …)
    /// and custom; capability attributes have no value.
    pub attributes: Attributes,
    /// EC2 instance id, if any.
    pub ec2_instance_id: Option<String>,
    /// Agent version, dotted (`1.14.5`).
    pub agent_version: Option<String>,
    /// Registration time, epoch seconds.
    pub registered_at: f64,
    /// Live (desired RUNNING) tasks on the instance.
    pub running_tasks_count: u32,
    /// Live tasks per group on this instance (`service:web`, `family:nginx`, …).
    pub task_groups: BTreeMap<String, u32>,
}

/// What one task needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskDemand {
    /// CPU units.
    pub cpu: i64,
    /// Memory reservation, MiB.
    pub memory: i64,
    /// Static TCP host ports.
    pub tcp_ports: Vec<u16>,
    /// Static UDP host ports.
    pub udp_ports: Vec<u16>,
    /// Attributes the instance must carry: `(name, None)` means present with any value,
    /// `(name, Some(v))` means present with value `v`.
    pub required_attributes: Vec<(String, Option<String>)>,
    /// The task group (`service:<name>` or `family:<name>` or a user group); spread and
    /// distinctInstance balance tasks of this group.
    pub group: String,
}

/// Placement strategy type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum StrategyType {
    /// Seeded shuffle; the field is ignored.
    Random,
    /// Balance tasks of the group over the buckets of a field.
    Spread,
    /// Tightest fit on `cpu` or `memory`.
    Binpack,
}

/// One placement strategy as given (validated by [`plan`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Strategy {
    /// Type.
    pub kind: StrategyType,
    /// `instanceId`/`host`/`attribute:<name>` for spread, `cpu`/`memory` for binpack.
    pub field: Option<String>,
}

impl Strategy {
    /// Spread over `field`.
    pub fn spread(field: &str) -> Self {
        Strategy {
            kind: StrategyType::Spread,
            field: Some(field.to_string()),
        }
    }
    /// Binpack on `field` (`cpu` or `memory`).
    pub fn binpack(field: &str) -> Self {
        Strategy {
            kind: StrategyType::Binpack,
            field: Some(field.to_string()),
        }
    }
    /// Random.
    pub fn random() -> Self {
        Strategy {
            kind: StrategyType::Random,
            field: None,
        }
    }
    /// Converts the wire form (`type` of `random|spread|binpack`, optional `field`).
    pub fn from_wire(kind: &str, field: Option<&str>) -> Result<Self, PlanError> {
        let kind = match kind {
            "random" => StrategyType::Random,
            "spread" => StrategyType::Spread,
            "binpack" => StrategyType::Binpack,
            other => return Err(PlanError::InvalidStrategyType(other.to_string())),
        };
        let s = Strategy {
            kind,
            field: field.filter(|f| !f.is_empty()).map(str::to_string),
        };
        planner::validate_strategy(&s)?;
        Ok(s)
    }
    /// The default order: spread over availability zones, then over instances.
    pub fn defaults() -> Vec<Strategy> {
        vec![
            Strategy::spread("attribute:ecs.availability-zone"),
            Strategy::spread("instanceId"),
        ]
    }
}

/// A placement constraint.
#[derive(Debug, Clone)]
pub enum Constraint {
    /// Each task of the group on a different instance.
    DistinctInstance,
    /// The instance must satisfy the expression.
    MemberOf(Expr),
}

impl Constraint {
    /// Parses a `memberOf` expression.
    pub fn member_of(expression: &str) -> Result<Self, PlanError> {
        Ok(Constraint::MemberOf(Expr::parse(expression)?))
    }
    /// Converts the wire form (`type` of `distinctInstance|memberOf`, optional `expression`).
    pub fn from_wire(kind: &str, expression: Option<&str>) -> Result<Self, PlanError> {
        let expression = expression.filter(|e| !e.trim().is_empty());
        match (kind, expression) {
            ("distinctInstance", None) => Ok(Constraint::DistinctInstance),
            ("distinctInstance", Some(_)) => Err(PlanError::UnexpectedExpression),
            ("memberOf", Some(e)) => Constraint::member_of(e),
            ("memberOf", None) => Err(PlanError::MissingExpression),
            (other, _) => Err(PlanError::InvalidConstraintType(other.to_string())),
        }
    }
}

/// What to place.
#[derive(Debug, Clone)]
pub struct PlacementRequest {
    /// Per-task demand (every task of the batch is identical).
    pub demand: TaskDemand,
    /// How many tasks.
    pub count: usize,
    /// Strategies in priority order; empty means [`Strategy::defaults`].
    pub strategies: Vec<Strategy>,
    /// Constraints (request's and task definition's together).
    pub constraints: Vec<Constraint>,
    /// Seed for random strategies and tie-breaking.
    pub seed: u64,
}

/// The planner's answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// Instance ARN for each placed task, in order (may be fewer than requested).
    pub placements: Vec<String>,
    /// Why the next task could not be placed: one entry per rejected instance. Empty when
    /// every task was placed.
    pub failures: Vec<PlacementFailure>,
}

impl Plan {
    /// Every requested task was placed.
    pub fn is_complete(&self, requested: usize) -> bool {
        self.placements.len() == requested
    }
}

/// Why one instance could not take a task (the RunTask `failures[]` shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementFailure {
    /// Instance ARN, or empty.
    pub arn: String,
    /// `RESOURCE:CPU`, `RESOURCE:MEMORY`, `RESOURCE:PORTS`, `RESOURCE:PORTS_UDP`,
    /// `ATTRIBUTE`, `AGENT`, or a constraint message (see the `REASON_*` constants).
    pub reason: String,
    /// More detail (the missing attribute for `ATTRIBUTE`).
    pub detail: Option<String>,
}

/// Invalid input; every message is suitable for an `InvalidParameterException`, except
/// [`PlanError::NoInstances`], which the caller reports with the same exception type and
/// the ECS text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// The cluster has no container instances at all.
    #[error("No Container Instances were found in your cluster.")]
    NoInstances,
    /// More than [`MAX_STRATEGIES`].
    #[error(
        "Too many placement strategies: {count} were specified; the limit is {MAX_STRATEGIES}."
    )]
    TooManyStrategies {
        /// How many were given.
        count: usize,
    },
    /// More than [`MAX_CONSTRAINTS`].
    #[error(
        "Too many placement constraints: {count} were specified; the limit is {MAX_CONSTRAINTS}."
    )]
    TooManyConstraints {
        /// How many were given.
        count: usize,
    },
    /// Unknown strategy type.
    #[error("Invalid placement strategy type '{0}'. Valid types are random, spread and binpack.")]
    InvalidStrategyType(String),
    /// Spread or binpack without a field.
    #[error("The {kind} placement strategy requires a field.")]
    MissingStrategyField {
        /// `spread` or `binpack`.
        kind: &'static str,
    },
    /// A field the strategy does not support.
    #[error(
        "Invalid field '{field}' for the {kind} placement strategy. Valid fields are {valid}."
    )]
    InvalidStrategyField {
        /// `spread` or `binpack`.
        kind: &'static str,
        /// What was given.
        field: String,
        /// What is allowed.
        valid: &'static str,
    },
    /// Unknown constraint type.
    #[error(
        "Invalid placement constraint type '{0}'. Valid types are distinctInstance and memberOf."
    )]
    InvalidConstraintType(String),
    /// distinctInstance with an expression.
    #[error("The distinctInstance placement constraint does not accept an expression.")]
    UnexpectedExpression,
    /// memberOf without an expression.
    #[error("The memberOf placement constraint requires an expression.")]
    MissingExpression,
    /// A memberOf expression failed to parse.
    #[error(transparent)]
    Expression(#[from] QueryError),
}
