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
//! | `instances/{cluster}/{id}` | [`InstanceRecord`] without its reservations |
//! | `reservations/{cluster}/{id}/{task}` | [`Reservation`] of a task on instance `id` |
//! | `tasks/{cluster}/{id}` | [`TaskRecord`] |
//! | `tokens/{cluster}/{clientToken}` | [`ClientTokenRecord`] |
//! | `services/{cluster}/{name}` | `ecs::services::ServiceRecord` |
//! | `instances/~fargate/{id}` | Fargate pool hosts ([`InstanceRecord`], hidden) |
//! | `ipam/{subnet}/{ip}` | the awsvpc task holding the address |
//!
//! **Invariant:** an instance's `reservations` hold exactly the tasks placed
//! on it that are not yet STOPPED; they are changed in the same transaction
//! as the task records, and every change bumps the instance `generation`.
//!
//! **Reservations are keys of their own** so that placing a task writes its
//! reservation and the instance's small record instead of rewriting every
//! reservation of the host (75 KB at 500 tasks). [`InstanceRecord`] is the
//! joined record and has no serde form of its own: it is read with
//! [`Repo::get_instance`] / [`Repo::list_instances`] and written with
//! [`TxnBuilder::put_instance`] (and `put_instance_adding`), the only
//! writers of `reservations/` keys (instance records are never deleted:
//! a deregistered one stays INACTIVE, without reservations). Every write of a reservation therefore
//! rewrites its instance key in the same transaction, so an instance key's
//! revision names exactly one set of reservations: the mirror keeps the
//! joined record with the instance key's entry ([`Entry::keep`]), and a
//! join read from the store checks that the instance key did not move
//! while its reservations were read. Stores written before this layout
//! held the reservations inside the instance record; [`Repo::migrate_reservations`]
//! moves them out when the server starts.

use crate::mirror::{Entry, Mirror, View};
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
/// `reservations/{cluster}/{instance}/{task}` (written only through
/// [`TxnBuilder::put_instance`] and [`TxnBuilder::put_instance_adding`]).
fn reservation_key(cluster: &str, instance: &str, task: &str) -> String {
    format!("reservations/{cluster}/{instance}/{task}")
}
/// The reservation keys of the instances under an instance key or prefix:
/// `instances/c/i` → `reservations/c/i/`, `instances/c/` →
/// `reservations/c/`, `instances/` → `reservations/`.
pub(crate) fn reservations_under(instances: &str) -> String {
    let rest = instances.strip_prefix("instances/").unwrap_or(instances);
    if rest.is_empty() || rest.ends_with('/') {
        format!("reservations/{rest}")
    } else {
        format!("reservations/{rest}/")
    }
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

/// A container instance with its reservations (joined from their keys; see
/// the module doc). Deliberately not `Serialize`/`Deserialize`: it is
/// stored split, through [`Repo::get_instance`] and [`TxnBuilder::put_instance`].
#[derive(Debug, Clone)]
pub struct InstanceRecord {
    pub instance: ecs::ContainerInstance,
    pub cluster: String,
    pub id: String,
    /// Generation of the host's desired state.
    pub generation: u64,
    /// Non-STOPPED tasks placed here, by task id. A persistent map: a copy
    /// of the record shares it, and adding a task to the copy copies only
    /// the path to it (a placement copies the record of its host).
    pub reservations: imbl::OrdMap<String, Reservation>,
    /// Total resources as registered.
    pub total_cpu: i64,
    pub total_memory: i64,
    pub reserved_tcp_ports: Vec<u16>,
    pub reserved_udp_ports: Vec<u16>,
    /// When the instance was deregistered (usage metering).
    pub deregistered_at: Option<f64>,
}

/// The stored form of an [`InstanceRecord`] as written: everything but its
/// reservations (same field names as the record had when it was stored
/// whole).
#[derive(Serialize)]
struct StoredInstanceOut<'a> {
    instance: &'a ecs::ContainerInstance,
    cluster: &'a str,
    id: &'a str,
    generation: u64,
    total_cpu: i64,
    total_memory: i64,
    reserved_tcp_ports: &'a [u16],
    reserved_udp_ports: &'a [u16],
    #[serde(skip_serializing_if = "Option::is_none")]
    deregistered_at: Option<f64>,
}

/// The stored form of an [`InstanceRecord`] as read. `reservations` is
/// empty except in a store written before reservations had keys of their
/// own (see [`Repo::migrate_reservations`]).
#[derive(Deserialize)]
struct StoredInstance {
    instance: ecs::ContainerInstance,
    cluster: String,
    id: String,
    generation: u64,
    #[serde(default)]
    reservations: BTreeMap<String, Reservation>,
    total_cpu: i64,
    total_memory: i64,
    #[serde(default)]
    reserved_tcp_ports: Vec<u16>,
    #[serde(default)]
    reserved_udp_ports: Vec<u16>,
    #[serde(default)]
    deregistered_at: Option<f64>,
}

impl StoredInstance {
    /// The record, with `reservations` (read from their keys) added to any
    /// held inside the stored record.
    fn join(self, reservations: impl IntoIterator<Item = (String, Reservation)>) -> InstanceRecord {
        let mut all: imbl::OrdMap<String, Reservation> = self.reservations.into_iter().collect();
        all.extend(reservations);
        InstanceRecord {
            instance: self.instance,
            cluster: self.cluster,
            id: self.id,
            generation: self.generation,
            reservations: all,
            total_cpu: self.total_cpu,
            total_memory: self.total_memory,
            reserved_tcp_ports: self.reserved_tcp_ports,
            reserved_udp_ports: self.reserved_udp_ports,
            deregistered_at: self.deregistered_at,
        }
    }
}

impl InstanceRecord {
    /// The record's key, `instances/{cluster}/{id}`.
    pub fn key(&self) -> String {
        instance_key(&self.cluster, &self.id)
    }

    /// The record as stored at its key (without its reservations).
    pub(crate) fn stored(&self) -> impl Serialize + '_ {
        StoredInstanceOut {
            instance: &self.instance,
            cluster: &self.cluster,
            id: &self.id,
            generation: self.generation,
            total_cpu: self.total_cpu,
            total_memory: self.total_memory,
            reserved_tcp_ports: &self.reserved_tcp_ports,
            reserved_udp_ports: &self.reserved_udp_ports,
            deregistered_at: self.deregistered_at,
        }
    }
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

/// The instance record of mirrored entry `e` (at `key`) joined with its
/// reservations as `view` holds them; kept with the entry, so a record is
/// joined at most once per revision of its instance key.
fn join_entry(
    view: &View<'_>,
    key: &str,
    e: &Entry,
) -> Result<Versioned<Arc<InstanceRecord>>, ApiError> {
    let value = match e.cached::<InstanceRecord>() {
        Some(v) => v,
        None => {
            let stored: StoredInstance = decode_value(key, &e.value)?;
            let prefix = reservations_under(key);
            let reservations = view
                .range(&prefix)
                .map(|(k, r)| Ok((k[prefix.len()..].to_string(), decode_value(k, &r.value)?)))
                .collect::<Result<Vec<_>, ApiError>>()?;
            e.keep(Arc::new(stored.join(reservations)))
        }
    };
    Ok(Versioned {
        value,
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

    /// `derive` of the `T` stored at each of `keys`, in order, all read at
    /// one point as in [`Repo::get_shared_many`]. `derive` must depend on
    /// the record alone: with the mirror, what it makes is kept with the
    /// stored value (one `D` per value), and later calls for the same value
    /// get that one without decoding or deriving again.
    pub async fn get_derived_many<T, D>(
        &self,
        keys: &[String],
        derive: impl Fn(&T) -> Result<D, ApiError>,
    ) -> Result<Vec<Option<Arc<D>>>, ApiError>
    where
        T: DeserializeOwned + Send + Sync + 'static,
        D: Send + Sync + 'static,
    {
        if let Some(m) = self.mirror().await {
            return keys
                .iter()
                .zip(m.get_many(keys))
                .map(|(k, e)| {
                    let Some(e) = e else { return Ok(None) };
                    if let Some(d) = e.cached::<D>() {
                        return Ok(Some(d));
                    }
                    let record = decode_entry::<T>(k, &e)?;
                    Ok(Some(e.keep(Arc::new(derive(&record.value)?))))
                })
                .collect();
        }
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            out.push(match self.get::<T>(k).await? {
                Some(v) => Some(Arc::new(derive(&v.value)?)),
                None => None,
            });
        }
        Ok(out)
    }

    /// The distinct keys under each of `prefixes` written after revision
    /// `after` that `keep` admits, read at one point
    /// ([`Mirror::written_since_each`]); `None` without a mirror that
    /// remembers that far back.
    pub async fn written_since_each(
        &self,
        after: u64,
        prefixes: &[&str],
        keep: impl FnMut(usize, &str) -> bool,
    ) -> Option<Vec<Vec<String>>> {
        self.mirror()
            .await?
            .written_since_each(after, prefixes, keep)
    }

    /// [`Mirror::any_written_since`], once the mirror holds every write
    /// committed so far; `None` also when there is no mirror.
    pub async fn any_written_since(
        &self,
        after: u64,
        prefix: &str,
        matters: impl FnMut(&str) -> bool,
    ) -> Option<(bool, u64)> {
        self.mirror()
            .await?
            .any_written_since(after, prefix, matters)
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
        f: impl FnMut(&str, &T) -> bool,
    ) -> Result<(), ApiError> {
        self.visit_at(prefix, start_after, f).await.map(|_| ())
    }

    /// [`Repo::visit`], answering, when the mirror served it, the revision
    /// it saw (see [`Mirror::visit`]; [`Repo::any_written_since`] from it
    /// names every key written since).
    pub async fn visit_at<T: DeserializeOwned + Send + Sync + 'static>(
        &self,
        prefix: &str,
        start_after: Option<&str>,
        mut f: impl FnMut(&str, &T) -> bool,
    ) -> Result<Option<u64>, ApiError> {
        if let Some(m) = self.mirror().await {
            return m
                .visit(prefix, start_after, |k, e| {
                    let v = decode_entry::<T>(k, e)?;
                    Ok(f(k, &v.value))
                })
                .map(Some);
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
        Ok(None)
    }

    /// The instance record at `key` (`instances/{cluster}/{id}`) joined
    /// with its reservations.
    pub async fn get_instance(
        &self,
        key: &str,
    ) -> Result<Option<Versioned<Arc<InstanceRecord>>>, ApiError> {
        if let Some(m) = self.mirror().await {
            let view = m.view();
            return view.get(key).map(|e| join_entry(&view, key, e)).transpose();
        }
        Ok(self.join_from_store(key, true).await?.pop())
    }

    /// The instance records under `prefix` (`instances/`, or
    /// `instances/{cluster}/`) joined with their reservations, in key order.
    pub async fn list_instances(
        &self,
        prefix: &str,
    ) -> Result<Vec<Versioned<Arc<InstanceRecord>>>, ApiError> {
        if let Some(m) = self.mirror().await {
            let view = m.view();
            return view
                .range(prefix)
                .map(|(k, e)| join_entry(&view, k, e))
                .collect();
        }
        self.join_from_store(prefix, false).await
    }

    /// Instance records read from the store (the key itself when `exact`,
    /// else every key under the prefix), joined with their reservations.
    /// The records and the reservations are two reads; the records are read
    /// again after the reservations, and the join is made only when none
    /// moved between (every reservation write rewrites its instance key).
    async fn join_from_store(
        &self,
        at: &str,
        exact: bool,
    ) -> Result<Vec<Versioned<Arc<InstanceRecord>>>, ApiError> {
        const ATTEMPTS: usize = 100;
        let read = |at: String| async move {
            if exact {
                Ok::<_, ApiError>(
                    self.store
                        .get(&at)
                        .await
                        .map_err(internal)?
                        .into_iter()
                        .collect::<Vec<_>>(),
                )
            } else {
                self.store.range(&at, None, None).await.map_err(internal)
            }
        };
        let rprefix = reservations_under(at);
        for _ in 0..ATTEMPTS {
            let records = read(at.to_string()).await?;
            let reservations = self
                .store
                .range(&rprefix, None, None)
                .await
                .map_err(internal)?;
            let again = read(at.to_string()).await?;
            let unmoved = records.len() == again.len()
                && records
                    .iter()
                    .zip(&again)
                    .all(|(a, b)| a.key == b.key && a.mod_revision == b.mod_revision);
            if !unmoved {
                continue;
            }
            let mut by_instance: BTreeMap<String, Vec<(String, Reservation)>> = BTreeMap::new();
            for kv in &reservations {
                let Some((instance, task)) = kv
                    .key
                    .strip_prefix("reservations/")
                    .and_then(|r| r.rsplit_once('/'))
                else {
                    continue;
                };
                by_instance
                    .entry(format!("instances/{instance}"))
                    .or_default()
                    .push((task.to_string(), decode(kv)?));
            }
            return records
                .iter()
                .map(|kv| {
                    let stored: StoredInstance = decode(kv)?;
                    let mine = by_instance.remove(&kv.key).unwrap_or_default();
                    Ok(Versioned {
                        value: Arc::new(stored.join(mine)),
                        mod_revision: kv.mod_revision,
                    })
                })
                .collect();
        }
        Err(internal(format!(
            "instance records under {at} kept changing while their reservations were read"
        )))
    }

    /// Moves reservations held inside stored instance records (the layout
    /// before reservations had keys of their own) to their keys, one
    /// compare-and-put per instance; answers how many instances it moved.
    /// Idempotent, and safe beside other writers (a moved instance is
    /// re-read and tried again).
    pub async fn migrate_reservations(&self) -> Result<usize, ApiError> {
        let mut moved = 0;
        for kv in self
            .store
            .range("instances/", None, None)
            .await
            .map_err(internal)?
        {
            loop {
                let Some(now) = self.store.get(&kv.key).await.map_err(internal)? else {
                    break;
                };
                let stored: StoredInstance = decode(&now)?;
                if stored.reservations.is_empty() {
                    break;
                }
                let prefix = reservations_under(&now.key);
                let mut keyed = Vec::new();
                for r in self
                    .store
                    .range(&prefix, None, None)
                    .await
                    .map_err(internal)?
                {
                    keyed.push((r.key[prefix.len()..].to_string(), decode(&r)?));
                }
                let record = Arc::new(stored.join(keyed));
                let mut txn = TxnBuilder::new();
                txn.expect(&now.key, now.mod_revision);
                txn.put_instance(&record, None)?;
                if self.commit(txn).await? {
                    tracing::info!(
                        instance = %now.key,
                        reservations = record.reservations.len(),
                        "moved reservations to their own keys"
                    );
                    moved += 1;
                    break;
                }
            }
        }
        Ok(moved)
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
    /// Puts instance record `new` (its key is [`InstanceRecord::key`]):
    /// the record without its reservations, and the reservations that
    /// differ from `old`'s; deletes those of `old` that `new` no longer
    /// holds. `old` is the record as read at the revision this transaction
    /// expects of the key ([`TxnBuilder::expect`]), or `None` when the
    /// instance is new (every reservation of `new` is put). Like
    /// [`TxnBuilder::put_shared`], the mirror then serves `new` itself.
    pub fn put_instance(
        &mut self,
        new: &Arc<InstanceRecord>,
        old: Option<&InstanceRecord>,
    ) -> Result<&mut Self, ApiError> {
        debug_assert!(old.is_none_or(|o| o.cluster == new.cluster && o.id == new.id));
        self.put_instance_record(new)?;
        let empty = imbl::OrdMap::new();
        let before = old.map_or(&empty, |o| &o.reservations);
        // Both maps are in task order: one walk over the two.
        let mut b = before.iter().peekable();
        for (task, r) in &new.reservations {
            while let Some((gone, _)) = b.next_if(|(t, _)| *t < task) {
                self.delete(&reservation_key(&new.cluster, &new.id, gone));
            }
            match b.next_if(|(t, _)| *t == task) {
                Some((_, was)) if was == r => {}
                _ => {
                    self.txn.ops.push(Op::Put(
                        reservation_key(&new.cluster, &new.id, task),
                        encode(r)?,
                    ));
                }
            }
        }
        for (gone, _) in b {
            self.delete(&reservation_key(&new.cluster, &new.id, gone));
        }
        Ok(self)
    }

    /// [`TxnBuilder::put_instance`] of a record that differs from the one
    /// this transaction expects only by the reservations of tasks `added`
    /// (tasks just placed on it): puts those reservations and no others,
    /// without comparing the rest.
    pub fn put_instance_adding<'a>(
        &mut self,
        new: &Arc<InstanceRecord>,
        added: impl IntoIterator<Item = &'a str>,
    ) -> Result<&mut Self, ApiError> {
        self.put_instance_record(new)?;
        for task in added {
            let r = new.reservations.get(task).ok_or_else(|| {
                internal(format!(
                    "task {task} added to {} without a reservation",
                    new.id
                ))
            })?;
            self.txn.ops.push(Op::Put(
                reservation_key(&new.cluster, &new.id, task),
                encode(r)?,
            ));
        }
        Ok(self)
    }

    /// Puts `new` without its reservations, offered to the mirror as the
    /// joined record of that put.
    fn put_instance_record(&mut self, new: &Arc<InstanceRecord>) -> Result<(), ApiError> {
        let key = new.key();
        let bytes = encode(&new.stored())?;
        self.seeds.push((
            key.clone(),
            bytes.clone(),
            std::any::TypeId::of::<InstanceRecord>(),
            new.clone(),
        ));
        self.txn.ops.push(Op::Put(key, bytes));
        Ok(())
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

#[cfg(test)]
#[path = "state_instance_tests.rs"]
mod instance_tests;
