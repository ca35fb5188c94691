//! Renders a [`Plan`] as text, one line per placed task and per failure, so that tests
//! (and humans reading logs) compare plans as strings.

use std::collections::HashMap;
use std::fmt::Write;

use crate::{Instance, Plan};

/// Renders `plan` against the instances it was computed from:
///
/// ```text
/// task 0 -> i-a (us-east-1a)
/// task 1 -> i-b (us-east-1b)
/// failure i-c RESOURCE:MEMORY
/// failure i-d ATTRIBUTE (ecs.os-type)
/// ```
///
/// Instances are named by id (the ARN when unknown); the zone is the
/// `ecs.availability-zone` attribute, or `-`.
pub fn render(plan: &Plan, instances: &[Instance]) -> String {
    let by_arn: HashMap<&str, &Instance> = instances.iter().map(|i| (i.arn.as_str(), i)).collect();
    let name = |arn: &str| by_arn.get(arn).map_or(arn.to_string(), |i| i.id.clone());
    let mut out = String::new();
    for (n, arn) in plan.placements.iter().enumerate() {
        let az = by_arn
            .get(arn.as_str())
            .and_then(|i| i.attributes.get("ecs.availability-zone"))
            .and_then(|v| v.as_deref())
            .unwrap_or("-");
        let _ = writeln!(out, "task {n} -> {} ({az})", name(arn));
    }
    for f in &plan.failures {
        let _ = write!(out, "failure {} {}", name(&f.arn), f.reason);
        if let Some(d) = &f.detail {
            let _ = write!(out, " ({d})");
        }
        out.push('\n');
    }
    out
}
