//! Per-task cgroups for task-level `cpu`/`memory` (cgroup v1, the Engine's
//! `cgroupfs` driver): `<root>/memory/gantry/<task id>` with
//! `memory.limit_in_bytes`, `<root>/cpu/gantry/<task id>` with a CFS quota of
//! `cpu / 1024` cores per period, and every container of the task created
//! with `CgroupParent=/gantry/<task id>` (the Engine makes the container's
//! cgroup below it in every hierarchy). On cgroup v2 hosts the limits are
//! skipped with a warning.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use tracing::warn;

use super::TaskLimits;

/// Parent of every task cgroup, relative to each hierarchy's root.
pub const PARENT: &str = "gantry";

/// The host's cgroup layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    V1,
    /// Unified (v2): not supported yet.
    V2,
    Unknown,
}

/// Task cgroups under a cgroup mount root (`/sys/fs/cgroup` on the host).
#[derive(Debug, Clone)]
pub struct CgroupFs {
    root: PathBuf,
}

impl Default for CgroupFs {
    fn default() -> Self {
        CgroupFs::new("/sys/fs/cgroup")
    }
}

impl CgroupFs {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        CgroupFs { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn layout(&self) -> Layout {
        if self.root.join("memory").is_dir() && self.root.join("cpu").is_dir() {
            Layout::V1
        } else if self.root.join("cgroup.controllers").is_file() {
            Layout::V2
        } else {
            Layout::Unknown
        }
    }

    /// `CgroupParent` of a task's containers.
    pub fn parent_of(task_id: &str) -> String {
        format!("/{PARENT}/{task_id}")
    }

    /// The CFS quota (µs) for `cpu` units over `period_us`, at least 1 ms
    /// (the kernel's minimum).
    pub fn cfs_quota(cpu: u32, period_us: u64) -> u64 {
        (u64::from(cpu) * period_us / 1024).max(1000)
    }

    /// Creates the task's cgroups and writes its limits. `Ok(None)` when the
    /// layout is not supported.
    pub fn create(&self, task_id: &str, limits: TaskLimits) -> std::io::Result<Option<String>> {
        if self.layout() != Layout::V1 {
            warn!(task_id, root = %self.root.display(), layout = ?self.layout(), "task-level cpu/memory limits need cgroup v1 (cgroupfs); skipped");
            return Ok(None);
        }
        let mem = self.root.join("memory").join(PARENT).join(task_id);
        std::fs::create_dir_all(&mem)?;
        if let Some(mib) = limits.memory_mib {
            let bytes = u64::from(mib) * 1024 * 1024;
            std::fs::write(mem.join("memory.limit_in_bytes"), bytes.to_string())?;
        }
        let cpu = self.root.join("cpu").join(PARENT).join(task_id);
        std::fs::create_dir_all(&cpu)?;
        if let Some(units) = limits.cpu {
            let period = std::fs::read_to_string(cpu.join("cpu.cfs_period_us"))
                .ok()
                .and_then(|s| s.trim().parse::<u64>().ok())
                .unwrap_or(100_000);
            std::fs::write(
                cpu.join("cpu.cfs_quota_us"),
                Self::cfs_quota(units, period).to_string(),
            )?;
        }
        Ok(Some(Self::parent_of(task_id)))
    }

    /// Task cgroup directories present, in every hierarchy.
    pub fn task_dirs(&self, task_id: &str) -> Vec<PathBuf> {
        self.hierarchies()
            .into_iter()
            .map(|h| h.join(PARENT).join(task_id))
            .filter(|p| p.is_dir())
            .collect()
    }

    /// Every task cgroup directory present (all tasks, all hierarchies).
    pub fn all_task_dirs(&self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for h in self.hierarchies() {
            if let Ok(rd) = std::fs::read_dir(h.join(PARENT)) {
                out.extend(rd.flatten().map(|e| e.path()).filter(|p| p.is_dir()));
            }
        }
        out.sort();
        out
    }

    /// Ids of the task cgroups (in any hierarchy) not modified for at
    /// least `min_age`: candidates for removal when no task claims them.
    pub fn idle_tasks(&self, min_age: std::time::Duration) -> Vec<String> {
        let mut ids: Vec<String> = self
            .all_task_dirs()
            .into_iter()
            .filter(|p| {
                std::fs::metadata(p)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age >= min_age)
            })
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    fn hierarchies(&self) -> Vec<PathBuf> {
        let Ok(rd) = std::fs::read_dir(&self.root) else {
            return Vec::new();
        };
        rd.flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .map(|e| e.path())
            .collect()
    }

    /// Removes the task's cgroups in every hierarchy, children first
    /// (cgroup directories are removed with `rmdir`, their control files
    /// go with them). Missing ones are not an error.
    pub fn remove(&self, task_id: &str) -> std::io::Result<()> {
        let mut first_err = None;
        for dir in self.task_dirs(task_id) {
            if let Err(e) = rmdir_tree(&dir) {
                if e.kind() != ErrorKind::NotFound {
                    first_err.get_or_insert(e);
                }
            }
        }
        match first_err {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

fn rmdir_tree(dir: &Path) -> std::io::Result<()> {
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            if e.file_type().is_ok_and(|t| t.is_dir()) {
                rmdir_tree(&e.path())?;
            }
        }
    }
    std::fs::remove_dir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_is_cpu_share_of_the_period() {
        assert_eq!(CgroupFs::cfs_quota(1024, 100_000), 100_000);
        assert_eq!(CgroupFs::cfs_quota(256, 100_000), 25_000);
        assert_eq!(CgroupFs::cfs_quota(4096, 100_000), 400_000);
        assert_eq!(CgroupFs::cfs_quota(1, 100_000), 1000);
    }

    #[test]
    fn v1_limits_are_written_and_removed() {
        let root = tempfile::tempdir().unwrap();
        for h in ["memory", "cpu", "pids"] {
            std::fs::create_dir(root.path().join(h)).unwrap();
        }
        let fs = CgroupFs::new(root.path());
        assert_eq!(fs.layout(), Layout::V1);
        let parent = fs
            .create(
                "t1",
                TaskLimits {
                    cpu: Some(512),
                    memory_mib: Some(64),
                },
            )
            .unwrap();
        assert_eq!(parent.as_deref(), Some("/gantry/t1"));
        let mem = root.path().join("memory/gantry/t1/memory.limit_in_bytes");
        assert_eq!(
            std::fs::read_to_string(mem).unwrap(),
            (64u64 << 20).to_string()
        );
        let quota = root.path().join("cpu/gantry/t1/cpu.cfs_quota_us");
        assert_eq!(std::fs::read_to_string(&quota).unwrap(), "50000");
        assert_eq!(fs.task_dirs("t1").len(), 2);
        // A plain directory is not a cgroup: its files must go before rmdir.
        for f in [
            "memory/gantry/t1/memory.limit_in_bytes",
            "cpu/gantry/t1/cpu.cfs_quota_us",
        ] {
            std::fs::remove_file(root.path().join(f)).unwrap();
        }
        std::fs::create_dir(root.path().join("memory/gantry/t1/child")).unwrap();
        fs.remove("t1").unwrap();
        assert!(fs.task_dirs("t1").is_empty());
        assert!(fs.all_task_dirs().is_empty());
        fs.remove("t1").unwrap();
    }

    #[test]
    fn idle_tasks_are_found_by_age() {
        let root = tempfile::tempdir().unwrap();
        for d in ["memory/gantry/a", "cpu/gantry/a", "cpu/gantry/b"] {
            std::fs::create_dir_all(root.path().join(d)).unwrap();
        }
        let fs = CgroupFs::new(root.path());
        assert_eq!(
            fs.idle_tasks(std::time::Duration::ZERO),
            vec!["a".to_string(), "b".to_string()]
        );
        assert!(fs
            .idle_tasks(std::time::Duration::from_secs(3600))
            .is_empty());
    }

    #[test]
    fn v2_and_unknown_layouts_skip_limits() {
        let root = tempfile::tempdir().unwrap();
        let fs = CgroupFs::new(root.path());
        assert_eq!(fs.layout(), Layout::Unknown);
        std::fs::write(root.path().join("cgroup.controllers"), "cpu memory").unwrap();
        assert_eq!(fs.layout(), Layout::V2);
        let limits = TaskLimits {
            cpu: Some(256),
            memory_mib: Some(512),
        };
        assert_eq!(fs.create("t", limits).unwrap(), None);
    }
}
