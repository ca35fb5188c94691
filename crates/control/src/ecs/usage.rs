//! Usage metering: what Fargate tasks and EC2 container instances used over
//! a period, priced.
//!
//! * A Fargate task is metered from `pullStartedAt` (else `startedAt`) to
//!   `stoppedAt` (still running: the end of the period), in vCPU-seconds
//!   (task cpu / 1024 × seconds) and GB-seconds (task memory MiB / 1024 ×
//!   seconds), FARGATE_SPOT separately. A task that never started pulling
//!   is not metered.
//! * A container instance is metered from `registeredAt` to its
//!   deregistration (still registered: the end of the period). Fargate pool
//!   hosts are Gantry's own capacity and are not metered.
//! * Rounding: per second, fractional seconds kept, only the overlap with
//!   the period counts. AWS bills Fargate with a one-minute minimum per task;
//!   that is `Prices::minimum_task_seconds` (default 0 = off, so a 10 s task
//!   at 0.25 vCPU / 0.5 GB reports 2.5 vCPU-s and 5 GB-s). Costs are
//!   rounded to 1e-6 USD in the report.
//!
//! [`compute`] is pure; the store side collects [`UsageRecord`]s.

use super::EcsService;
use crate::state::{InstanceRecord, TaskRecord, Versioned, FARGATE_POOL};
use gantry_api_types::ApiError;
use serde::{Deserialize, Serialize};

/// Prices in USD. Defaults: AWS Fargate Linux/x86 list prices (us-east-1)
/// and an m5.large-like instance hour.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Prices {
    pub vcpu_hour: f64,
    pub gb_hour: f64,
    pub spot_vcpu_hour: f64,
    pub spot_gb_hour: f64,
    pub instance_hour: f64,
    /// Minimum billed seconds per Fargate task (AWS: 60); 0 = none.
    pub minimum_task_seconds: f64,
}

impl Default for Prices {
    fn default() -> Self {
        Prices {
            vcpu_hour: 0.04048,
            gb_hour: 0.004445,
            spot_vcpu_hour: 0.01334053,
            spot_gb_hour: 0.00146489,
            instance_hour: 0.096,
            minimum_task_seconds: 0.0,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum UsageKind {
    Fargate { cpu: u32, memory: u32 },
    FargateSpot { cpu: u32, memory: u32 },
    Instance,
}

/// One metered thing: a Fargate task or a container instance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UsageRecord {
    pub arn: String,
    pub cluster: String,
    pub kind: UsageKind,
    /// Epoch seconds.
    pub start: f64,
    /// `None`: still running.
    pub end: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    pub start: f64,
    pub end: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FargateTotals {
    pub tasks: u32,
    pub vcpu_seconds: f64,
    pub gb_seconds: f64,
    pub cost: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InstanceTotals {
    pub instances: u32,
    pub seconds: f64,
    pub cost: f64,
}

/// One line per metered resource.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UsageItem {
    pub arn: String,
    pub cluster: String,
    /// `FARGATE`, `FARGATE_SPOT` or `EC2_INSTANCE`.
    pub kind: String,
    pub seconds: f64,
    pub vcpu_seconds: f64,
    pub gb_seconds: f64,
    pub cost: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UsageReport {
    pub period: Period,
    pub fargate: FargateTotals,
    pub fargate_spot: FargateTotals,
    pub instances: InstanceTotals,
    pub total_cost: f64,
    pub prices: Prices,
    pub items: Vec<UsageItem>,
}

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// Price `records` over `period`.
pub fn compute(records: &[UsageRecord], period: Period, prices: &Prices) -> UsageReport {
    let mut r = UsageReport {
        period,
        fargate: FargateTotals::default(),
        fargate_spot: FargateTotals::default(),
        instances: InstanceTotals::default(),
        total_cost: 0.0,
        prices: *prices,
        items: vec![],
    };
    for rec in records {
        if rec.start > period.end || rec.end.is_some_and(|e| e < period.start) {
            continue;
        }
        let end = rec.end.unwrap_or(period.end).min(period.end);
        let start = rec.start.max(period.start);
        let mut seconds = (end - start).max(0.0);
        match rec.kind {
            UsageKind::Fargate { cpu, memory } | UsageKind::FargateSpot { cpu, memory } => {
                let spot = matches!(rec.kind, UsageKind::FargateSpot { .. });
                // The minimum applies once, to the task's first period.
                if rec.start >= period.start {
                    seconds = seconds.max(prices.minimum_task_seconds);
                }
                let vcpu_s = f64::from(cpu) / 1024.0 * seconds;
                let gb_s = f64::from(memory) / 1024.0 * seconds;
                let (pv, pg) = if spot {
                    (prices.spot_vcpu_hour, prices.spot_gb_hour)
                } else {
                    (prices.vcpu_hour, prices.gb_hour)
                };
                let cost = vcpu_s / 3600.0 * pv + gb_s / 3600.0 * pg;
                let t = if spot {
                    &mut r.fargate_spot
                } else {
                    &mut r.fargate
                };
                t.tasks += 1;
                t.vcpu_seconds += vcpu_s;
                t.gb_seconds += gb_s;
                t.cost += cost;
                r.items.push(UsageItem {
                    arn: rec.arn.clone(),
                    cluster: rec.cluster.clone(),
                    kind: if spot { "FARGATE_SPOT" } else { "FARGATE" }.to_string(),
                    seconds,
                    vcpu_seconds: vcpu_s,
                    gb_seconds: gb_s,
                    cost: round6(cost),
                });
            }
            UsageKind::Instance => {
                let cost = seconds / 3600.0 * prices.instance_hour;
                r.instances.instances += 1;
                r.instances.seconds += seconds;
                r.instances.cost += cost;
                r.items.push(UsageItem {
                    arn: rec.arn.clone(),
                    cluster: rec.cluster.clone(),
                    kind: "EC2_INSTANCE".to_string(),
                    seconds,
                    vcpu_seconds: 0.0,
                    gb_seconds: 0.0,
                    cost: round6(cost),
                });
            }
        }
    }
    r.total_cost = round6(r.fargate.cost + r.fargate_spot.cost + r.instances.cost);
    for t in [&mut r.fargate, &mut r.fargate_spot] {
        t.cost = round6(t.cost);
    }
    r.instances.cost = round6(r.instances.cost);
    r
}

/// The usage record of a task, if it is a Fargate task that started.
pub fn task_record(t: &TaskRecord) -> Option<UsageRecord> {
    let task = &t.task;
    if task.launch_type.as_ref().map(|l| l.as_str()) != Some("FARGATE") {
        return None;
    }
    let start = task.pull_started_at.or(task.started_at)?;
    let cpu = task
        .cpu
        .as_deref()
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let memory = task
        .memory
        .as_deref()
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let spot = task.capacity_provider_name.as_deref() == Some(super::fargate::FARGATE_SPOT);
    Some(UsageRecord {
        arn: task.task_arn.clone().unwrap_or_default(),
        cluster: t.cluster.clone(),
        kind: if spot {
            UsageKind::FargateSpot { cpu, memory }
        } else {
            UsageKind::Fargate { cpu, memory }
        },
        start,
        end: task
            .stopped_at
            .or(task.execution_stopped_at)
            .filter(|_| task.last_status.as_deref() == Some("STOPPED")),
    })
}

/// The usage record of a container instance of a user cluster.
pub fn instance_record(i: &InstanceRecord) -> Option<UsageRecord> {
    if i.cluster == FARGATE_POOL {
        return None;
    }
    let start = i.instance.registered_at?;
    let end = if i.instance.status.as_deref() == Some("INACTIVE") {
        Some(i.deregistered_at.unwrap_or(start))
    } else {
        None
    };
    Some(UsageRecord {
        arn: i
            .instance
            .container_instance_arn
            .clone()
            .unwrap_or_default(),
        cluster: i.cluster.clone(),
        kind: UsageKind::Instance,
        start,
        end,
    })
}

impl EcsService {
    /// The usage report of `cluster` (all clusters when `None`) over
    /// `[start, end]` (defaults: the last hour up to now).
    pub async fn usage(
        &self,
        cluster: Option<&str>,
        start: Option<f64>,
        end: Option<f64>,
    ) -> Result<UsageReport, ApiError> {
        let now = self.now();
        let end = end.unwrap_or(now);
        let start = start.unwrap_or(end - 3600.0);
        if !(start.is_finite() && end.is_finite()) || start > end {
            return Err(ApiError::invalid_parameter("start must not be after end."));
        }
        let (tprefix, iprefix) = match cluster {
            Some(c) => {
                let c = self.cluster_name(Some(c))?;
                (
                    crate::state::task_prefix(&c),
                    crate::state::instance_prefix(&c),
                )
            }
            None => ("tasks/".to_string(), "instances/".to_string()),
        };
        let tasks: Vec<Versioned<TaskRecord>> = self.repo.list(&tprefix).await?;
        let instances: Vec<Versioned<std::sync::Arc<InstanceRecord>>> =
            self.repo.list_instances(&iprefix).await?;
        let mut records: Vec<UsageRecord> =
            tasks.iter().filter_map(|t| task_record(&t.value)).collect();
        records.extend(instances.iter().filter_map(|i| instance_record(&i.value)));
        Ok(compute(
            &records,
            Period {
                start,
                end: end.min(now),
            },
            &self.fargate.prices,
        ))
    }

    /// Prometheus text: usage counters since the start of time.
    pub async fn metrics_text(&self) -> Result<String, ApiError> {
        let r = self.usage(None, Some(0.0), None).await?;
        let mut out = String::new();
        let mut metric = |name: &str, help: &str, lines: Vec<(String, f64)>| {
            out.push_str(&format!("# HELP {name} {help}\n# TYPE {name} counter\n"));
            for (labels, v) in lines {
                out.push_str(&format!("{name}{labels} {v}\n"));
            }
        };
        metric(
            "gantry_fargate_vcpu_seconds_total",
            "vCPU-seconds used by Fargate tasks.",
            vec![
                (
                    "{capacity_provider=\"FARGATE\"}".into(),
                    r.fargate.vcpu_seconds,
                ),
                (
                    "{capacity_provider=\"FARGATE_SPOT\"}".into(),
                    r.fargate_spot.vcpu_seconds,
                ),
            ],
        );
        metric(
            "gantry_fargate_gb_seconds_total",
            "GB-seconds of memory used by Fargate tasks.",
            vec![
                (
                    "{capacity_provider=\"FARGATE\"}".into(),
                    r.fargate.gb_seconds,
                ),
                (
                    "{capacity_provider=\"FARGATE_SPOT\"}".into(),
                    r.fargate_spot.gb_seconds,
                ),
            ],
        );
        metric(
            "gantry_container_instance_seconds_total",
            "Seconds container instances were registered.",
            vec![(String::new(), r.instances.seconds)],
        );
        metric(
            "gantry_usage_cost_dollars_total",
            "Priced usage in USD.",
            vec![(String::new(), r.total_cost)],
        );
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fargate(start: f64, end: Option<f64>) -> UsageRecord {
        UsageRecord {
            arn: "t".into(),
            cluster: "default".into(),
            kind: UsageKind::Fargate {
                cpu: 256,
                memory: 512,
            },
            start,
            end,
        }
    }

    #[test]
    fn ten_second_quarter_vcpu_task() {
        let r = compute(
            &[fargate(100.0, Some(110.0))],
            Period {
                start: 0.0,
                end: 1000.0,
            },
            &Prices::default(),
        );
        assert!((r.fargate.vcpu_seconds - 2.5).abs() < 1e-9);
        assert!((r.fargate.gb_seconds - 5.0).abs() < 1e-9);
        assert_eq!(r.fargate.tasks, 1);
        assert_eq!(r.fargate_spot.tasks, 0);
        let expect = 2.5 / 3600.0 * 0.04048 + 5.0 / 3600.0 * 0.004445;
        assert!((r.total_cost - expect).abs() < 1e-6);
    }

    #[test]
    fn only_the_overlap_counts_and_running_tasks_end_at_the_period() {
        let p = Period {
            start: 105.0,
            end: 200.0,
        };
        let r = compute(
            &[fargate(100.0, Some(110.0)), fargate(150.0, None)],
            p,
            &Prices::default(),
        );
        // 5 s of the first, 50 s of the second.
        assert!((r.fargate.vcpu_seconds - 0.25 * 55.0).abs() < 1e-9);
        let r = compute(&[fargate(300.0, None)], p, &Prices::default());
        assert_eq!(r.fargate.tasks, 0);
    }

    #[test]
    fn spot_and_instances_are_separate_and_minimum_is_configurable() {
        let mut spot = fargate(0.0, Some(10.0));
        spot.kind = UsageKind::FargateSpot {
            cpu: 1024,
            memory: 2048,
        };
        let inst = UsageRecord {
            arn: "i".into(),
            cluster: "default".into(),
            kind: UsageKind::Instance,
            start: 0.0,
            end: None,
        };
        let prices = Prices {
            minimum_task_seconds: 60.0,
            ..Prices::default()
        };
        let r = compute(
            &[spot, inst],
            Period {
                start: 0.0,
                end: 3600.0,
            },
            &prices,
        );
        assert_eq!(r.fargate.tasks, 0);
        assert!((r.fargate_spot.vcpu_seconds - 60.0).abs() < 1e-9);
        assert!((r.fargate_spot.gb_seconds - 120.0).abs() < 1e-9);
        assert!((r.instances.seconds - 3600.0).abs() < 1e-9);
        assert!((r.instances.cost - 0.096).abs() < 1e-9);
        assert_eq!(r.items.len(), 2);
    }
}
