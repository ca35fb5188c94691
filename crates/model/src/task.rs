//! The task lifecycle as pure functions.
//!
//! `lastStatus` only moves forward along
//! `PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING → STOPPING →
//! DEPROVISIONING → STOPPED`; any state may jump ahead (in particular to
//! `STOPPED`), an equal observation is a no-op and a backwards observation is
//! a typed error. `desiredStatus` is `RUNNING` or `STOPPED`, and once
//! `STOPPED` it stays so.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A task's `lastStatus`, ordered by lifecycle position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TaskStatus {
    Provisioning,
    Pending,
    Activating,
    Running,
    Deactivating,
    Stopping,
    Deprovisioning,
    Stopped,
}

impl TaskStatus {
    pub const ALL: [TaskStatus; 8] = [
        TaskStatus::Provisioning,
        TaskStatus::Pending,
        TaskStatus::Activating,
        TaskStatus::Running,
        TaskStatus::Deactivating,
        TaskStatus::Stopping,
        TaskStatus::Deprovisioning,
        TaskStatus::Stopped,
    ];

    /// The wire value, e.g. `"RUNNING"`.
    pub fn as_str(&self) -> &'static str {
        match self {
            TaskStatus::Provisioning => "PROVISIONING",
            TaskStatus::Pending => "PENDING",
            TaskStatus::Activating => "ACTIVATING",
            TaskStatus::Running => "RUNNING",
            TaskStatus::Deactivating => "DEACTIVATING",
            TaskStatus::Stopping => "STOPPING",
            TaskStatus::Deprovisioning => "DEPROVISIONING",
            TaskStatus::Stopped => "STOPPED",
        }
    }

    pub fn from_wire(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    pub fn is_terminal(&self) -> bool {
        *self == TaskStatus::Stopped
    }

    /// On the stop path (DEACTIVATING or later).
    pub fn is_stopping(&self) -> bool {
        *self >= TaskStatus::Deactivating
    }
}

impl std::fmt::Display for TaskStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A task's `desiredStatus`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DesiredStatus {
    Running,
    Stopped,
}

impl DesiredStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            DesiredStatus::Running => "RUNNING",
            DesiredStatus::Stopped => "STOPPED",
        }
    }
}

/// An invalid lifecycle transition.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TransitionError {
    #[error("task status cannot move backwards from {from} to {to}")]
    Backwards { from: TaskStatus, to: TaskStatus },
    #[error("desired status cannot change from STOPPED back to RUNNING")]
    DesiredRestart,
}

/// Applies an observed status: monotonic, equal is a no-op, backwards is an
/// error.
pub fn advance(current: TaskStatus, observed: TaskStatus) -> Result<TaskStatus, TransitionError> {
    if observed < current {
        Err(TransitionError::Backwards {
            from: current,
            to: observed,
        })
    } else {
        Ok(observed)
    }
}

/// Applies a desired-status change: RUNNING → STOPPED is allowed, STOPPED is
/// sticky (setting STOPPED again is a no-op).
pub fn set_desired(
    current: DesiredStatus,
    requested: DesiredStatus,
) -> Result<DesiredStatus, TransitionError> {
    match (current, requested) {
        (DesiredStatus::Stopped, DesiredStatus::Running) => Err(TransitionError::DesiredRestart),
        (_, r) => Ok(r),
    }
}

/// The `desiredStatus` ECS reports for a task in `last`: a task already on
/// the stop path wants STOPPED whatever was requested.
pub fn effective_desired(desired: DesiredStatus, last: TaskStatus) -> DesiredStatus {
    if last.is_stopping() {
        DesiredStatus::Stopped
    } else {
        desired
    }
}

/// True when a task that never reached RUNNING stops: its stopCode is
/// `TaskFailedToStart`.
pub fn failed_to_start(reached_running: bool, now: TaskStatus) -> bool {
    now == TaskStatus::Stopped && !reached_running
}

#[cfg(test)]
mod tests {
    use super::*;
    use TaskStatus::*;

    #[test]
    fn ordering_follows_lifecycle() {
        for w in TaskStatus::ALL.windows(2) {
            assert!(w[0] < w[1]);
        }
    }

    #[test]
    fn advance_is_monotonic() {
        assert_eq!(advance(Pending, Running), Ok(Running));
        assert_eq!(advance(Running, Running), Ok(Running));
        assert_eq!(advance(Provisioning, Stopped), Ok(Stopped));
        assert_eq!(
            advance(Running, Pending),
            Err(TransitionError::Backwards {
                from: Running,
                to: Pending
            })
        );
        assert!(advance(Stopped, Running).is_err());
        for a in TaskStatus::ALL {
            assert_eq!(advance(a, Stopped), Ok(Stopped));
        }
    }

    #[test]
    fn desired_rules() {
        use DesiredStatus as D;
        assert_eq!(set_desired(D::Running, D::Stopped), Ok(D::Stopped));
        assert_eq!(set_desired(D::Stopped, D::Stopped), Ok(D::Stopped));
        assert_eq!(
            set_desired(D::Stopped, D::Running),
            Err(TransitionError::DesiredRestart)
        );
        assert_eq!(effective_desired(D::Running, Stopping), D::Stopped);
        assert_eq!(effective_desired(D::Running, Running), D::Running);
        assert!(failed_to_start(false, Stopped));
        assert!(!failed_to_start(true, Stopped));
    }

    #[test]
    fn wire_names() {
        assert_eq!(
            serde_json::to_string(&Deprovisioning).unwrap(),
            "\"DEPROVISIONING\""
        );
        assert_eq!(TaskStatus::from_wire("RUNNING"), Some(Running));
        assert_eq!(TaskStatus::from_wire("nope"), None);
    }
}
