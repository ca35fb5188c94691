//! Wakes agents that long-poll for their host's desired state, tracks when
//! each agent was last heard from (in memory: a restarted control plane
//! starts with no record, see [`crate::connectivity`]), and caps how long a
//! long-poll may be held so that a live agent is heard from often enough.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Notify;

pub struct HostNotifier {
    notifies: Mutex<HashMap<String, Arc<Notify>>>,
    last_seen: Mutex<HashMap<String, f64>>,
    max_poll: Duration,
}

impl Default for HostNotifier {
    fn default() -> Self {
        HostNotifier::with_max_poll(Duration::from_secs(u64::from(
            gantry_agent_api::MAX_WAIT_SECONDS,
        )))
    }
}

impl HostNotifier {
    pub fn new() -> Self {
        Self::default()
    }

    /// A notifier whose long-polls are held at most `max_poll`.
    pub fn with_max_poll(max_poll: Duration) -> Self {
        HostNotifier {
            notifies: Mutex::new(HashMap::new()),
            last_seen: Mutex::new(HashMap::new()),
            max_poll,
        }
    }

    /// Longest time a sync long-poll may be held.
    pub fn max_poll(&self) -> Duration {
        self.max_poll
    }

    /// The notifier of one container instance (by id).
    pub fn get(&self, instance_id: &str) -> Arc<Notify> {
        let mut m = self.notifies.lock().unwrap_or_else(|p| p.into_inner());
        m.entry(instance_id.to_string()).or_default().clone()
    }

    /// Wake every long-poll of this instance (its desired state changed).
    pub fn wake(&self, instance_id: &str) {
        self.get(instance_id).notify_waiters();
    }

    /// Record that the agent of this instance was heard from at `now`.
    pub fn seen(&self, instance_id: &str, now: f64) {
        let mut m = self.last_seen.lock().unwrap_or_else(|p| p.into_inner());
        m.insert(instance_id.to_string(), now);
    }

    /// When the agent of this instance was last heard from by this process.
    pub fn last_seen(&self, instance_id: &str) -> Option<f64> {
        let m = self.last_seen.lock().unwrap_or_else(|p| p.into_inner());
        m.get(instance_id).copied()
    }
}
