//! The agent's persisted state: the desired state it last received, its
//! container instance ARN and every task's lifecycle, as versioned JSON in
//! `<data_dir>/state.json`, written atomically (temp file, fsync, rename).

use crate::reconcile::TaskState;
use crate::runtime::ContainerInfo;
use gantry_agent_api::labels;
use gantry_agent_api::DesiredState;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Format version of `state.json`.
pub const STATE_VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgentState {
    pub version: u32,
    #[serde(default)]
    pub container_instance_arn: Option<String>,
    /// The last desired state received (`None` before the first one).
    #[serde(default)]
    pub desired: Option<DesiredState>,
    #[serde(default)]
    pub tasks: BTreeMap<String, TaskState>,
}

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("cannot read or write {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not a valid state file")]
    Corrupt {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("{path} has version {found}, this agent understands {STATE_VERSION}")]
    Version { path: PathBuf, found: u32 },
}

/// Reads and writes `state.json` in a data directory.
#[derive(Debug, Clone)]
pub struct StateStore {
    path: PathBuf,
}

impl StateStore {
    pub fn new(data_dir: &Path) -> Self {
        StateStore {
            path: data_dir.join("state.json"),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Changes with every [`StateStore::save`] of this state file in this
    /// process, so a reader of the file (the awslogs supervisor) learns of
    /// a newly started container at once instead of on its next period.
    pub fn subscribe(&self) -> tokio::sync::watch::Receiver<u64> {
        saves(&self.path).subscribe()
    }

    /// The stored state, or a fresh one when there is no file yet.
    pub fn load(&self) -> Result<AgentState, StateError> {
        match self.read()? {
            Some(bytes) => self.decode(&bytes),
            None => Ok(Self::fresh()),
        }
    }

    /// [`Self::load`], but `None` without decoding anything when the file's
    /// text does not contain `needle` (a reader that only cares about, say,
    /// awslogs containers skips the states that have none).
    pub fn load_if_contains(&self, needle: &[u8]) -> Result<Option<AgentState>, StateError> {
        match self.read()? {
            Some(bytes)
                if !needle.is_empty() && !bytes.windows(needle.len()).any(|w| w == needle) =>
            {
                Ok(None)
            }
            Some(bytes) => self.decode(&bytes).map(Some),
            None => Ok(Some(Self::fresh())),
        }
    }

    fn fresh() -> AgentState {
        AgentState {
            version: STATE_VERSION,
            ..Default::default()
        }
    }

    /// The file's bytes; `None` when there is no file yet.
    fn read(&self) -> Result<Option<Vec<u8>>, StateError> {
        match std::fs::read(&self.path) {
            Ok(b) => Ok(Some(b)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(StateError::Io {
                path: self.path.clone(),
                source,
            }),
        }
    }

    fn decode(&self, bytes: &[u8]) -> Result<AgentState, StateError> {
        let state: AgentState =
            serde_json::from_slice(bytes).map_err(|source| StateError::Corrupt {
                path: self.path.clone(),
                source,
            })?;
        if state.version != STATE_VERSION {
            return Err(StateError::Version {
                path: self.path.clone(),
                found: state.version,
            });
        }
        Ok(state)
    }

    pub fn save(&self, state: &AgentState) -> Result<(), StateError> {
        let io = |source| StateError::Io {
            path: self.path.clone(),
            source,
        };
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(io)?;
        let tmp = self.path.with_extension("json.tmp");
        let bytes = serde_json::to_vec_pretty(state).expect("state serialises");
        {
            let mut f = std::fs::File::create(&tmp).map_err(io)?;
            f.write_all(&bytes).map_err(io)?;
            f.sync_all().map_err(io)?;
        }
        std::fs::rename(&tmp, &self.path).map_err(io)?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        saves(&self.path).send_modify(|n| *n = n.wrapping_add(1));
        Ok(())
    }
}

/// The save counter of a state file (one per path, for the process's life:
/// a process holds a few agents' data directories at most).
fn saves(path: &Path) -> tokio::sync::watch::Sender<u64> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static SAVES: OnceLock<Mutex<HashMap<PathBuf, tokio::sync::watch::Sender<u64>>>> =
        OnceLock::new();
    let mut map = SAVES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    map.entry(path.to_path_buf())
        .or_insert_with(|| tokio::sync::watch::channel(0).0)
        .clone()
}

/// Name of the file (next to `state.json`) listing the container instance
/// ARNs this data directory held before the current one.
pub const PREVIOUS_IDENTITIES_FILE: &str = "previous-identities.json";

impl StateStore {
    fn identities_path(&self) -> PathBuf {
        self.path.with_file_name(PREVIOUS_IDENTITIES_FILE)
    }

    /// The container instance ARNs this data directory held before (empty
    /// when none or when the file is unreadable: it only widens the sweep).
    pub fn previous_identities(&self) -> BTreeSet<String> {
        std::fs::read(self.identities_path())
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Records that this data directory held `arn` (before a new one).
    pub fn add_previous_identity(&self, arn: &str) -> Result<(), StateError> {
        let mut all = self.previous_identities();
        if !all.insert(arn.to_string()) {
            return Ok(());
        }
        let path = self.identities_path();
        let io = |source| StateError::Io {
            path: path.clone(),
            source,
        };
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(io)?;
        let tmp = path.with_extension("json.tmp");
        let bytes = serde_json::to_vec_pretty(&all).expect("identities serialise");
        {
            let mut f = std::fs::File::create(&tmp).map_err(io)?;
            f.write_all(&bytes).map_err(io)?;
            f.sync_all().map_err(io)?;
        }
        std::fs::rename(&tmp, &path).map_err(io)?;
        Ok(())
    }
}

/// Containers an earlier identity of this host left behind: created by
/// Gantry (`io.gantry.managed=true`), labelled with a container instance ARN
/// this data directory held before (`previous`, never the current one), and
/// of a task the agent does not hold (`held_tasks`: the tasks it holds, old ones included,
/// are stopped and cleaned up by the reconciler). Containers of other agents
/// sharing the Engine carry ARNs that are not in `previous`, so they are
/// never chosen; neither is anything Gantry did not create.
pub fn leftovers_of_previous_identities(
    listed: &[ContainerInfo],
    previous: &BTreeSet<String>,
    current_arn: &str,
    held_tasks: &BTreeSet<String>,
) -> Vec<String> {
    listed
        .iter()
        .filter(|c| c.labels.get(labels::MANAGED).map(String::as_str) == Some("true"))
        .filter(|c| {
            c.labels
                .get(labels::CONTAINER_INSTANCE_ARN)
                .is_some_and(|a| a != current_arn && previous.contains(a))
        })
        .filter(|c| {
            !c.labels
                .get(labels::TASK_ARN)
                .is_some_and(|t| held_tasks.contains(t))
        })
        .map(|c| c.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::RuntimeState;

    fn container(id: &str, labels: &[(&str, &str)]) -> ContainerInfo {
        ContainerInfo {
            state: RuntimeState::Running,
            ..ContainerInfo::never_started(
                id.into(),
                id.into(),
                "busybox".into(),
                labels
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
                None,
            )
        }
    }

    /// A reader of one state file hears of each of its saves, and only of
    /// its own file's.
    #[test]
    fn saves_are_announced_per_file() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let mut rx = StateStore::new(a.path()).subscribe();
        let mut other = StateStore::new(b.path()).subscribe();
        assert!(!rx.has_changed().unwrap());
        let writer = StateStore::new(a.path());
        writer.save(&AgentState::default()).unwrap();
        assert!(rx.has_changed().unwrap());
        rx.mark_unchanged();
        writer.save(&AgentState::default()).unwrap();
        assert!(rx.has_changed().unwrap());
        assert!(!other.has_changed().unwrap());
        other.mark_unchanged();
    }

    #[test]
    fn load_if_contains_skips_states_without_the_needle() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        // No file yet: a fresh state, as load() gives.
        assert_eq!(
            store.load_if_contains(b"awslogs").unwrap(),
            Some(store.load().unwrap())
        );
        let state = AgentState {
            version: STATE_VERSION,
            container_instance_arn: Some("arn:with-awslogs-in-it".into()),
            ..Default::default()
        };
        store.save(&state).unwrap();
        assert_eq!(
            store.load_if_contains(b"awslogs").unwrap(),
            Some(state.clone())
        );
        assert_eq!(store.load_if_contains(b"fluentd").unwrap(), None);
        assert_eq!(store.load().unwrap(), state);
    }

    #[test]
    fn previous_identities_survive_a_reload() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        assert!(store.previous_identities().is_empty());
        store.add_previous_identity("arn:old1").unwrap();
        store.add_previous_identity("arn:old2").unwrap();
        store.add_previous_identity("arn:old1").unwrap();
        let again = StateStore::new(dir.path());
        assert_eq!(
            again.previous_identities(),
            BTreeSet::from(["arn:old1".to_string(), "arn:old2".to_string()])
        );
        // state.json is untouched by it.
        assert!(!dir.path().join("state.json").exists());
    }

    #[test]
    fn only_containers_of_previous_identities_and_unknown_tasks_are_leftovers() {
        let old = "arn:aws:ecs:us-east-1:1:container-instance/old-cluster/old";
        let cur = "arn:aws:ecs:us-east-1:1:container-instance/default/new";
        let other = "arn:aws:ecs:us-east-1:1:container-instance/default/neighbour";
        let held = "arn:aws:ecs:us-east-1:1:task/old-cluster/held";
        let held_tasks = BTreeSet::from([held.to_string()]);
        let m = (labels::MANAGED, "true");
        let listed = vec![
            // Old identity, a task nobody holds (crash mid-create): swept.
            container(
                "a",
                &[
                    m,
                    (labels::CONTAINER_INSTANCE_ARN, old),
                    (
                        labels::TASK_ARN,
                        "arn:aws:ecs:us-east-1:1:task/old-cluster/gone",
                    ),
                ],
            ),
            // Old identity without a task label at all: swept.
            container("b", &[m, (labels::CONTAINER_INSTANCE_ARN, old)]),
            // Old identity, a task the agent holds: the reconciler's.
            container(
                "c",
                &[
                    m,
                    (labels::CONTAINER_INSTANCE_ARN, old),
                    (labels::TASK_ARN, held),
                ],
            ),
            // Current identity: the reconciler's own sweep.
            container(
                "d",
                &[
                    m,
                    (labels::CONTAINER_INSTANCE_ARN, cur),
                    (labels::TASK_ARN, "arn:aws:ecs:us-east-1:1:task/default/x"),
                ],
            ),
            // Another agent on the same Engine: never.
            container(
                "e",
                &[
                    m,
                    (labels::CONTAINER_INSTANCE_ARN, other),
                    (labels::TASK_ARN, "arn:aws:ecs:us-east-1:1:task/default/y"),
                ],
            ),
            // Labelled like ours but not managed by Gantry: never.
            container("f", &[(labels::CONTAINER_INSTANCE_ARN, old)]),
            container(
                "g",
                &[
                    (labels::MANAGED, "false"),
                    (labels::CONTAINER_INSTANCE_ARN, old),
                ],
            ),
        ];
        let previous = BTreeSet::from([old.to_string(), cur.to_string()]);
        assert_eq!(
            leftovers_of_previous_identities(&listed, &previous, cur, &held_tasks),
            vec!["a".to_string(), "b".to_string()]
        );
        assert!(
            leftovers_of_previous_identities(&listed, &BTreeSet::new(), cur, &held_tasks)
                .is_empty()
        );
    }
}
