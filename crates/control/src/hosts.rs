//! Wakes agents that long-poll for their host's desired state, and tracks
//! when each agent was last heard from.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::Notify;

#[derive(Default)]
pub struct HostNotifier {
    notifies: Mutex<HashMap<String, Arc<Notify>>>,
    last_seen: Mutex<HashMap<String, f64>>,
}

impl HostNotifier {
    pub fn new() -> Self {
        Self::default()
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

    pub fn seen(&self, instance_id: &str, now: f64) {
        let mut m = self.last_seen.lock().unwrap_or_else(|p| p.into_inner());
        m.insert(instance_id.to_string(), now);
    }

    pub fn last_seen(&self, instance_id: &str) -> Option<f64> {
        let m = self.last_seen.lock().unwrap_or_else(|p| p.into_inner());
        m.get(instance_id).copied()
    }
}
