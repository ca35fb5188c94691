//! Key layout and stored records of the control plane, over the `Store` trait.
//!
//! Records are JSON. Wire-shaped parts are stored as the ECS wire types so
//! that Describe calls return exactly what was stored.
//!
//! | key | record |
//! |---|---|
//! | `clusters/{name}` | [`ClusterRecord`] |
//! | `families/{family}` | [`FamilyRecord`] (last revision ever used) |
//! | `taskdefs/{family}/{revision:010}` | [`TaskDefRecord`] |
//! | `instances/{cluster}/{id}` | [`InstanceRecord`] |
//! | `tasks/{cluster}/{id}` | [`TaskRecord`] |
//! | `tokens/{cluster}/{clientToken}` | [`ClientTokenRecord`] |
//! | `services/{cluster}/{name}` | `ecs::services::ServiceRecord` |
//! | `instances/~fargate/{id}` | Fargate pool hosts ([`InstanceRecord`], hidden) |
//! | `ipam/{subnet}/{ip}` | the awsvpc task holding the address |
//!
//! **Invariant:** an instance's `reservations` hold exactly the tasks placed
//! on it that are not yet STOPPED; they are changed in the same transaction
//! as the task records, and every change bumps the instance `generation`.

use crate::mirror::{Entry, Mirror};
use gantry_agent_api::DesiredTask;
use gantry_api_types::ecs;
use gantry_api_types::ApiError;
use gantry_store::{Compare, KeyValue, Op, Store, Txn};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

pub fn cluster_key(name: &str) -> String {
    format!("clusters/{name}")
}
pub fn family_key(family: &str) -> String {
    format!("families/{family}")
}
pub fn taskdef_prefix(family: &str) -> String {
    format!("taskdefs/{family}/")
}
pub fn taskdef_key(family: &str, revision: i32) -> String {
    format!("taskdefs/{family}/{revision:010}")
}
pub fn instance_prefix(cluster: &str) -> String {
    format!("instances/{cluster}/")
}
pub fn instance_key(cluster: &str, id: &str) -> String {
    format!("instances/{cluster}/{id}")
}
pub fn task_prefix(cluster: &str) -> String {
    format!("tasks/{cluster}/")
}
pub fn task_key(cluster: &str, id: &str) -> String {
    format!("tasks/{cluster}/{id}")
}
pub fn service_prefix(cluster: &str) -> String {
    format!("services/{cluster}/")
}
pub fn service_key(cluster: &str, name: &str) -> String {
    format!("services/{cluster}/{name}")
}
/// Pseudo-cluster holding Fargate pool hosts (`~` is not valid in cluster
/// names, so no user cluster can collide with it).
pub const FARGATE_POOL: &str = "~fargate";
/// `ipam/{subnet}/{ip}` → [`crate::ecs::ipam::IpLease`].
pub fn ipam_prefix(subnet: &str) -> String {
    format!("ipam/{subnet}/")
}
pub fn ipam_key(subnet: &str, ip: &str) -> String {
    format!("ipam/{subnet}/{ip}")
}
pub fn token_key(cluster: &str, token: &str) -> String {
    format!("tokens/{cluster}/{token}")
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClusterRecord {
    pub cluster: ecs::Cluster,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FamilyRecord {
    pub last_revision: i32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TaskDefRecord {
    pub task_definition: ecs::TaskDefinition,
    #[serde(default)]
    pub tags: Vec<ecs::Tag>,
}

/// Resources a placed task holds on its instance.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Reservation {
    pub cpu: i64,
    pub memory: i64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tcp_ports: Vec<u16>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub udp_ports: Vec<u16>,
    /// The task's group (`family:x` / `service:y`), for placement.
    #[serde(default)]
    pub group: String,
    /// The task's cluster when it differs from the host's (Fargate tasks on
    /// pool hosts serve every cluster).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// A Fargate task: it uses the host's resources but is not one of the
    /// container instance's tasks (not counted in its running/pending counts).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fargate: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InstanceRecord {
    pub instance: ecs::ContainerInstance,
    pub cluster: String,
    pub id: String,
    /// Generation of the host's desired state.
    pub generation: u64,
    /// Non-STOPPED tasks placed here, by task id.
    #[serde(default)]
    pub reservations: BTreeMap<String, Reservation>,
    /// Total resources as registered.
    pub total_cpu: i64,
    pub total_memory: i64,
    #[serde(default)]
    pub reserved_tcp_ports: Vec<u16>,
    #[serde(default)]
    pub reserved_udp_ports: Vec<u16>,
    /// When the instance was deregistered (usage metering).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deregistered_at: Option<f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TaskRecord {
    pub task: ecs::Task,
    pub cluster: String,
    pub id: String,
    /// Container instance id the task is placed on.
    pub instance_id: Option<String>,
    /// What the agent must run (overrides applied).
    pub desired: DesiredTask,
    /// The cluster the host is stored under when it differs from the
    /// task's (Fargate tasks on pool or shared hosts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_cluster: Option<String>,
}

/// The few fields of a stored [`TaskRecord`] that listings, counts and the
/// service reconciler read (ListTasks, cluster task counts, service passes). Decoding a `tasks/` record as this
/// skips the wire task's containers, attachments and the desired task
/// instead of building them, which is most of the cost of a scan.
#[derive(Debug, Clone, Deserialize)]
pub struct TaskSummary {
    pub id: String,
    #[serde(default)]
    pub instance_id: Option<String>,
    pub task: TaskSummaryTask,
    pub desired: TaskSummaryDesired,
}

/// The summarised part of [`TaskRecord::task`] (wire field names).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TaskSummaryTask {
    #[serde(rename = "taskArn", default)]
    pub task_arn: Option<String>,
    #[serde(rename = "desiredStatus", default)]
    pub desired_status: Option<String>,
    #[serde(rename = "lastStatus", default)]
    pub last_status: Option<String>,
    #[serde(rename = "launchType", default)]
    pub launch_type: Option<ecs::LaunchType>,
    #[serde(rename = "startedBy", default)]
    pub started_by: Option<String>,
    #[serde(rename = "group", default)]
    pub group: Option<String>,
    #[serde(rename = "startedAt", default)]
    pub started_at: Option<f64>,
    #[serde(rename = "createdAt", default)]
    pub created_at: Option<f64>,
    #[serde(rename = "healthStatus", default)]
    pub health_status: Option<ecs::HealthStatus>,
    #[serde(rename = "stopCode", default)]
    pub stop_code: Option<ecs::TaskStopCode>,
    #[serde(rename = "containers", default)]
    pub containers: Vec<ContainerSummary>,
}

/// What the service reconciler reads of a task's container: whether it has
/// a health check.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ContainerSummary {
    #[serde(rename = "healthStatus", default)]
    pub health_status: Option<ecs::HealthStatus>,
}

/// The summarised part of [`TaskRecord::desired`].
#[derive(Debug, Clone, Default, Deserialize)]
pub struct TaskSummaryDesired {
    #[serde(default)]
    pub family: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClientTokenRecord {
    /// Canonical JSON of the request (without the token), to detect reuse
    /// with different parameters.
    pub request: String,
    pub task_arns: Vec<String>,
    #[serde(default)]
    pub failures: Vec<ecs::Failure>,
}

/// A record read together with its revision, for compare-and-put.
#[derive(Debug, Clone)]
pub struct Versioned<T> {
    pub value: T,
    pub mod_revision: u64,
}

/// Typed access to the store.
///
/// With a [`Mirror`] (see [`Repo::mirrored`]) reads are served from memory
/// once the mirror holds every write committed before the read; the
/// `_shared` reads also reuse the record decoded at the last write of its
/// key instead of decoding it again.
#[derive(Clone)]
pub struct Repo {
    pub store: Arc<dyn Store>,
    mirror: Option<Arc<Mirror>>,
}

pub fn internal(e: impl std::fmt::Display) -> ApiError {
    tracing::error!(error = %e, "internal error");
    ApiError::server("An internal error occurred.")
}

pub fn encode<T: Serialize>(v: &T) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(v).map_err(internal)
}

pub fn decode<T: DeserializeOwned>(kv: &KeyValue) -> Result<T, ApiError> {
    decode_value(&kv.key, &kv.value)
}

fn decode_value<T: DeserializeOwned>(key: &str, value: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(value).map_err(|e| internal(format!("corrupt record {key}: {e}")))
}

fn decode_entry<T: DeserializeOwned + Send + Sync + 'static>(
    key: &str,
    e: &Entry,
) -> Result<Versioned<Arc<T>>, ApiError> {
    Ok(Versioned {
        value: e
            .decoded::<T>()
            .map_err(|err| internal(format!("corrupt record {key}: {err}")))?,
        mod_revision: e.mod_revision,
    })
}

impl Repo {
    pub fn new(store: Arc<dyn Store>) -> Self {
        Repo {
            store,
            mirror: None,
        }
    }

    /// A repo that reads through an in-memory [`Mirror`] of `store` (a
    /// background thread follows the store's watch; see `crate::mirror`).
    pub fn mirrored(store: Arc<dyn Store>) -> Self {
        let mirror = Mirror::spawn(store.clone());
        Repo {
            store,
            mirror: Some(mirror),
        }
    }

    #[cfg(test)]
    pub(crate) fn mirror_for_tests(&self) -> &Arc<Mirror> {
        self.mirror.as_ref().expect("a mirrored repo")
    }

    /// The mirror, once it holds every write committed so far.
    async fn mirror(&self) -> Option<&Mirror> {
        match &self.mirror {
            Some(m) if m.catch_up().await => Some(m),
            _ => None,
        }
    }

    pub async fn get<T: DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Option<Versioned<T>>, ApiError> {
        if let Some(m) = self.mirror().await {
            return m
                .get(key)
                .map(|e| {
                    Ok(Versioned {
                        value: decode_value(key, &e.value)?,
                        mod_revision: e.mod_revision,
                    })
                })
                .transpose();
        }
        match self.store.get(key).await.map_err(internal)? {
            None => Ok(None),
            Some(kv) => Ok(Some(Versioned {
                value: decode(&kv)?,
                mod_revision: kv.mod_revision,
            })),
        }
    }

    /// [`Repo::get`] of a shared, decoded-once record.
    pub async fn get_shared<T: DeserializeOwned + Send + Sync + 'static>(
        &self,
        key: &str,
    ) -> Result<Option<Versioned<Arc<T>>>, ApiError> {
        if let Some(m) = self.mirror().await {
            return m.get(key).map(|e| decode_entry(key, &e)).transpose();
        }
        Ok(self.get::<T>(key).await?.map(|v| Versioned {
            value: Arc::new(v.value),
            mod_revision: v.mod_revision,
        }))
    }

    /// [`Repo::get_shared`] of many keys, in order. With the mirror it
    /// catches up once for all of them (every write acknowledged before the
    /// call is seen) instead of once per key, which under a steady stream
    /// of commits would wait for the mirror again at almost every key.
    pub async fn get_shared_many<T: DeserializeOwned + Send + Sync + 'static>(
        &self,
        keys: &[String],
    ) -> Result<Vec<Option<Versioned<Arc<T>>>>, ApiError> {
        if let Some(m) = self.mirror().await {
            return keys
                .iter()
                .zip(m.get_many(keys))
                .map(|(k, e)| e.map(|e| decode_entry(k, &e)).transpose())
                .collect();
        }
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            out.push(self.get_shared(k).await?);
        }
        Ok(out)
    }

    /// The distinct keys under `prefix` written after revision `after`
    /// ([`Mirror::written_since`]); `None` without a mirror that remembers
    /// that far back.
    pub async fn written_since(&self, after: u64, prefix: &str) -> Option<Vec<String>> {
        self.mirror().await?.written_since(after, prefix)
    }

    /// The `mod_revision`s of `keys`, all read at one point (one mirror
    /// catch-up for all of them, as in [`Repo::get_shared_many`]).
    pub async fn mod_revisions_many(&self, keys: &[&str]) -> Result<Vec<Option<u64>>, ApiError> {
        if let Some(m) = self.mirror().await {
            return Ok(m.mod_revisions(keys));
        }
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            out.push(
                self.store
                    .get(k)
                    .await
                    .map_err(internal)?
                    .map(|kv| kv.mod_revision),
            );
        }
        Ok(out)
    }

    pub async fn list<T: DeserializeOwned>(
        &self,
        prefix: &str,
    ) -> Result<Vec<Versioned<T>>, ApiError> {
        if let Some(m) = self.mirror().await {
            return m
                .range(prefix, None)
                .iter()
                .map(|(k, e)| {
                    Ok(Versioned {
                        value: decode_value(k, &e.value)?,
                        mod_revision: e.mod_revision,
                    })
                })
                .collect();
        }
        let kvs = self
            .store
            .range(prefix, None, None)
            .await
            .map_err(internal)?;
        kvs.iter()
            .map(|kv| {
                Ok(Versioned {
                    value: decode(kv)?,
                    mod_revision: kv.mod_revision,
                })
            })
            .collect()
    }

    /// [`Repo::list`] of shared, decoded-once records.
    pub async fn list_shared<T: DeserializeOwned + Send + Sync + 'static>(
        &self,
        prefix: &str,
    ) -> Result<Vec<Versioned<Arc<T>>>, ApiError> {
        if let Some(m) = self.mirror().await {
            return m
                .range(prefix, None)
                .iter()
                .map(|(k, e)| decode_entry(k, e))
                .collect();
        }
        Ok(self
            .list::<T>(prefix)
            .await?
            .into_iter()
            .map(|v| Versioned {
                value: Arc::new(v.value),
                mod_revision: v.mod_revision,
            })
            .collect())
    }

    /// Calls `f` on the records under `prefix` with keys strictly after
    /// `start_after`, in key order, until it answers `false` (a listing that
    /// stops at the end of its page without decoding the rest). `f` must be
    /// quick: with a mirror it runs under the mirror's read lock.
    pub async fn visit<T: DeserializeOwned + Send + Sync + 'static>(
        &self,
        prefix: &str,
        start_after: Option<&str>,
        mut f: impl FnMut(&str, &T) -> bool,
    ) -> Result<(), ApiError> {
        if let Some(m) = self.mirror().await {
            return m.visit(prefix, start_after, |k, e| {
                let v = decode_entry::<T>(k, e)?;
                Ok(f(k, &v.value))
            });
        }
        let kvs = self
            .store
            .range(prefix, start_after, None)
            .await
            .map_err(internal)?;
        for kv in &kvs {
            let v: T = decode(kv)?;
            if !f(&kv.key, &v) {
                break;
            }
        }
        Ok(())
    }

    /// Apply a transaction; `Ok(false)` when a compare failed.
    pub async fn commit(&self, txn: TxnBuilder) -> Result<bool, ApiError> {
        Ok(self.commit_at(txn).await?.is_some())
    }

    /// [`Repo::commit`] that tells the revision of the committed
    /// transaction (the `mod_revision` of every key it put); `None` when a
    /// compare failed.
    pub async fn commit_at(&self, txn: TxnBuilder) -> Result<Option<u64>, ApiError> {
        let started = std::time::Instant::now();
        let TxnBuilder { txn, seeds } = txn;
        let mirror = self.mirror.as_ref().filter(|_| !seeds.is_empty());
        let mut seeded = Vec::new();
        if let Some(m) = mirror {
            // Offered before the commit: the mirror may apply it before
            // `txn` returns.
            for (key, bytes, type_id, record) in seeds {
                seeded.push(key.clone());
                m.seed(key, bytes, type_id, record);
            }
        }
        let r = self.store.txn(txn).await;
        let committed = matches!(r, Ok(ref t) if t.succeeded);
        if let Some(m) = mirror.filter(|_| !committed) {
            for key in &seeded {
                m.unseed(key);
            }
        }
        let r = r.map(|t| t.succeeded.then_some(t.revision));
        crate::metrics::global().store_commit(&r.as_ref().map(Option::is_some), started.elapsed());
        r.map_err(internal)
    }
}

/// Builds a store transaction from typed records.
#[derive(Default)]
pub struct TxnBuilder {
    pub txn: Txn,
    /// Records put with [`TxnBuilder::put_shared`]: key, encoding, type, record.
    seeds: Vec<(String, Vec<u8>, std::any::TypeId, crate::mirror::Decoded)>,
}

impl Reservation {
    /// The cluster of the reserved task (the host's unless it says otherwise).
    pub fn task_cluster<'a>(&'a self, host_cluster: &'a str) -> &'a str {
        self.cluster.as_deref().unwrap_or(host_cluster)
    }
}

impl TxnBuilder {
    pub fn new() -> Self {
        Self::default()
    }
    /// Require `key` to still be at `rev` (0 = absent).
    pub fn expect(&mut self, key: &str, rev: u64) -> &mut Self {
        self.txn
            .compares
            .push(Compare::ModRevision(key.to_string(), rev));
        self
    }
    pub fn put<T: Serialize>(&mut self, key: &str, v: &T) -> Result<&mut Self, ApiError> {
        self.txn.ops.push(Op::Put(key.to_string(), encode(v)?));
        Ok(self)
    }
    /// [`TxnBuilder::put`] of a shared record: once committed, the mirror
    /// serves `v` itself to readers of `T` instead of decoding the value
    /// again (a record is its own decoding: encoding and decoding a stored
    /// record gives an equal one).
    pub fn put_shared<T: Serialize + Send + Sync + 'static>(
        &mut self,
        key: &str,
        v: &Arc<T>,
    ) -> Result<&mut Self, ApiError> {
        let bytes = encode(&**v)?;
        self.seeds.push((
            key.to_string(),
            bytes.clone(),
            std::any::TypeId::of::<T>(),
            v.clone(),
        ));
        self.txn.ops.push(Op::Put(key.to_string(), bytes));
        Ok(self)
    }
    pub fn delete(&mut self, key: &str) -> &mut Self {
        self.txn.ops.push(Op::Delete(key.to_string()));
        self
    }
    pub fn is_empty(&self) -> bool {
        self.txn.ops.is_empty()
    }
}

#[cfg(test)]
mod summary_tests {
    use super::*;

    #[test]
    fn a_task_summary_reads_the_same_fields_as_the_record() {
        let record: TaskRecord = serde_json::from_value(serde_json::json!({
            "task": {
                "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/default/abc",
                "desiredStatus": "RUNNING",
                "lastStatus": "PENDING",
                "launchType": "FARGATE",
                "startedBy": "me",
                "group": "service:web",
                "containers": [{"name": "app", "lastStatus": "PENDING"}],
            },
            "cluster": "default",
            "id": "abc",
            "instance_id": "i-1",
            "desired": {
                "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/default/abc",
                "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/default",
                "cluster": "default",
                "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1",
                "family": "web",
                "revision": 1,
                "desiredStatus": "RUNNING",
                "containers": [],
            },
        }))
        .expect("a valid task record");
        let stored = serde_json::to_vec(&record).unwrap();
        let s: TaskSummary = serde_json::from_slice(&stored).unwrap();
        assert_eq!(s.id, record.id);
        assert_eq!(s.instance_id, record.instance_id);
        assert_eq!(s.desired.family, record.desired.family);
        assert_eq!(s.task.task_arn, record.task.task_arn);
        assert_eq!(s.task.desired_status, record.task.desired_status);
        assert_eq!(s.task.last_status, record.task.last_status);
        assert_eq!(s.task.launch_type, record.task.launch_type);
        assert_eq!(s.task.started_by, record.task.started_by);
        assert_eq!(s.task.group, record.task.group);
    }
}
