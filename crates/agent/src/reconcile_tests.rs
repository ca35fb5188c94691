//! Scenario tests of the reconciler against the fake runtime (no Docker).

use crate::reconcile::{Reconciler, ReconcilerConfig, TaskPhase, ESSENTIAL_EXITED, OOM_REASON};
use crate::runtime::{
    ContainerInfo, ContainerRuntime, CreateSpec, FakeRuntime, LogLine, NetworkSpec, RegistryAuth,
    RuntimeError, RuntimeVersion, TaskLimits, VolumeCreate,
};
use crate::state::StateStore;
use gantry_agent_api::{
    labels, ContainerSpec, ContainerStatus, Dependency, DependencyCondition, DesiredState,
    DesiredStatus, DesiredTask, HealthCheck, HealthStatus, NetworkMode, StopCode, TaskStatus,
};
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

const INSTANCE: &str = "arn:aws:ecs:us-east-1:123456789012:container-instance/default/i-1";
const ARN: &str = "arn:aws:ecs:us-east-1:123456789012:task/default/t1";

fn container(name: &str) -> ContainerSpec {
    ContainerSpec {
        name: name.into(),
        image: "busybox:latest".into(),
        essential: true,
        ..Default::default()
    }
}

fn task(containers: Vec<ContainerSpec>) -> DesiredTask {
    DesiredTask {
        task_arn: ARN.into(),
        cluster_arn: "arn:aws:ecs:us-east-1:123456789012:cluster/default".into(),
        cluster: "default".into(),
        task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1".into(),
        family: "web".into(),
        revision: 1,
        desired_status: DesiredStatus::Running,
        network_mode: NetworkMode::Bridge,
        cpu: None,
        memory: None,
        containers,
        volumes: vec![],
        pid_mode: None,
        ipc_mode: None,
        stop_reason: None,
        awsvpc: None,
        task_credentials: None,
        execution_credentials: None,
        launch_type: None,
        capacity_provider_name: None,
        task_role_arn: None,
        execution_role_arn: None,
    }
}

struct Ctx {
    fake: Arc<FakeRuntime>,
    dir: tempfile::TempDir,
    r: Reconciler,
}

fn reconciler(fake: &Arc<FakeRuntime>, dir: &std::path::Path, delay: Duration) -> Reconciler {
    let mut r = Reconciler::new(
        fake.clone(),
        StateStore::new(dir),
        ReconcilerConfig {
            cleanup_delay: delay,
            ..Default::default()
        },
    )
    .unwrap();
    if r.instance_arn().is_none() {
        r.set_instance_arn(INSTANCE.into()).unwrap();
    }
    r
}

fn ctx(t: DesiredTask) -> Ctx {
    let fake = Arc::new(FakeRuntime::new());
    let dir = tempfile::tempdir().unwrap();
    let mut r = reconciler(&fake, dir.path(), Duration::from_secs(600));
    r.set_desired(DesiredState {
        generation: 1,
        tasks: vec![t],
    })
    .unwrap();
    Ctx { fake, dir, r }
}

impl Ctx {
    async fn converge(&mut self, now: f64) {
        self.r.converge(now).await.unwrap();
        self.r.wait_background().await;
        self.r.converge(now).await.unwrap();
        self.r.wait_background().await;
        self.r.converge(now).await.unwrap();
    }
    fn obs(&self) -> gantry_agent_api::TaskObservation {
        self.r.task(ARN).unwrap().observation()
    }
    fn cobs(&self, name: &str) -> gantry_agent_api::ContainerObservation {
        self.obs()
            .containers
            .into_iter()
            .find(|c| c.name == name)
            .unwrap()
    }
    fn started(&self, name: &str) -> bool {
        self.fake.find(name).is_some_and(|c| c.starts > 0)
    }
}

#[tokio::test]
async fn runs_a_task_with_labels_and_bindings() {
    let mut app = container("app");
    app.port_mappings = vec![gantry_agent_api::PortMapping {
        container_port: 80,
        host_port: None,
        protocol: Default::default(),
    }];
    let mut c = ctx(task(vec![app]));
    c.converge(100.0).await;
    let o = c.obs();
    assert_eq!(o.last_status, TaskStatus::Running);
    assert_eq!(o.started_at, Some(100.0));
    let app = c.fake.find("app").unwrap();
    assert_eq!(app.info.labels[labels::TASK_ARN], ARN);
    assert_eq!(app.info.labels[labels::CONTAINER_INSTANCE_ARN], INSTANCE);
    assert_eq!(app.info.labels[labels::CLUSTER], "default");
    assert!(app.info.name.starts_with("ecs-web-1-app-"));
    let b = &c.cobs("app").network_bindings;
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].container_port, 80);
    assert!(b[0].host_port >= 49153);
    assert_eq!(c.fake.pulls(), vec!["busybox:latest".to_string()]);
    assert!(c.dir.path().join("state.json").exists());
}

#[tokio::test]
async fn start_order_honours_depends_on() {
    let mut db = container("db");
    db.health_check = Some(HealthCheck {
        command: vec!["CMD".into(), "true".into()],
        interval: 5,
        timeout: 2,
        retries: 3,
        start_period: 0,
    });
    let mut init = container("init");
    init.essential = false;
    let mut app = container("app");
    app.depends_on = vec![
        Dependency {
            container_name: "db".into(),
            condition: DependencyCondition::Healthy,
        },
        Dependency {
            container_name: "init".into(),
            condition: DependencyCondition::Success,
        },
    ];
    let mut sidecar = container("sidecar");
    sidecar.depends_on = vec![Dependency {
        container_name: "app".into(),
        condition: DependencyCondition::Start,
    }];
    let mut c = ctx(task(vec![db, init, app, sidecar]));

    c.converge(1.0).await;
    assert!(c.started("db") && c.started("init"));
    assert!(!c.started("app") && !c.started("sidecar"));
    assert_eq!(c.obs().last_status, TaskStatus::Pending);
    assert_eq!(c.cobs("db").health_status, Some(HealthStatus::Unknown));

    c.fake.exit("init", 0);
    c.converge(2.0).await;
    assert!(!c.started("app"), "db is not healthy yet");

    c.fake.set_health("db", HealthStatus::Healthy);
    c.converge(3.0).await;
    assert!(c.started("app") && c.started("sidecar"));
    let o = c.obs();
    assert_eq!(o.last_status, TaskStatus::Running);
    assert_eq!(c.cobs("init").last_status, ContainerStatus::Stopped);
    assert_eq!(c.cobs("init").exit_code, Some(0));
    assert_eq!(c.cobs("db").health_status, Some(HealthStatus::Healthy));
}

#[tokio::test]
async fn failed_success_dependency_fails_the_task() {
    let mut init = container("init");
    init.essential = false;
    let mut app = container("app");
    app.depends_on = vec![Dependency {
        container_name: "init".into(),
        condition: DependencyCondition::Success,
    }];
    let mut c = ctx(task(vec![init, app]));
    c.fake.exit_on_start("init", 2);
    c.converge(1.0).await;
    let o = c.obs();
    assert_eq!(o.last_status, TaskStatus::Stopped);
    assert_eq!(o.stop_code, Some(StopCode::TaskFailedToStart));
    assert!(!c.started("app"));
    assert!(o.stopped_reason.unwrap().contains("init"));
}

#[tokio::test]
async fn start_timeout_stops_the_task() {
    let mut db = container("db");
    db.health_check = Some(HealthCheck {
        command: vec!["CMD".into(), "true".into()],
        interval: 5,
        timeout: 2,
        retries: 3,
        start_period: 0,
    });
    let mut app = container("app");
    app.start_timeout = Some(10);
    app.depends_on = vec![Dependency {
        container_name: "db".into(),
        condition: DependencyCondition::Healthy,
    }];
    let mut c = ctx(task(vec![db, app]));
    c.converge(100.0).await;
    assert_eq!(c.obs().last_status, TaskStatus::Pending);
    c.converge(105.0).await;
    assert_eq!(c.obs().last_status, TaskStatus::Pending);
    c.converge(111.0).await;
    let o = c.obs();
    assert_eq!(o.last_status, TaskStatus::Stopped);
    assert_eq!(o.stop_code, Some(StopCode::TaskFailedToStart));
    assert!(!c.started("app"));
    assert_eq!(c.cobs("db").exit_code, Some(143));
}

#[tokio::test]
async fn essential_exit_stops_the_task_in_reverse_order() {
    let app = container("app");
    let mut sidecar = container("sidecar");
    sidecar.essential = false;
    sidecar.depends_on = vec![Dependency {
        container_name: "app".into(),
        condition: DependencyCondition::Start,
    }];
    let mut c = ctx(task(vec![app, sidecar]));
    c.converge(1.0).await;
    assert_eq!(c.obs().last_status, TaskStatus::Running);

    c.fake.exit("app", 3);
    c.converge(5.0).await;
    let o = c.obs();
    assert_eq!(o.last_status, TaskStatus::Stopped);
    assert_eq!(o.stop_code, Some(StopCode::EssentialContainerExited));
    assert_eq!(o.stopped_reason.as_deref(), Some(ESSENTIAL_EXITED));
    assert_eq!(o.execution_stopped_at, Some(5.0));
    assert_eq!(c.cobs("app").exit_code, Some(3));
    assert_eq!(c.cobs("sidecar").exit_code, Some(143));
    assert_eq!(c.fake.find("sidecar").unwrap().stops, vec![30]);
}

#[tokio::test]
async fn pull_failure_fails_the_task_to_start() {
    let mut c = ctx(task(vec![container("app")]));
    c.fake
        .fail_pull("busybox:latest", "manifest for busybox:latest not found");
    c.converge(1.0).await;
    let o = c.obs();
    assert_eq!(o.last_status, TaskStatus::Stopped);
    assert_eq!(o.stop_code, Some(StopCode::TaskFailedToStart));
    assert_eq!(
        o.stopped_reason.as_deref(),
        Some("CannotPullContainerError: manifest for busybox:latest not found")
    );
    assert_eq!(
        c.cobs("app").reason.as_deref(),
        Some("CannotPullContainerError: manifest for busybox:latest not found")
    );
    assert!(o.pull_started_at.is_some() && o.pull_stopped_at.is_some());
    assert_eq!(c.fake.create_count(), 0);
}

#[tokio::test]
async fn unresolvable_repository_credentials_fail_the_pull() {
    let mut app = container("app");
    app.repository_credentials = Some("arn:aws:secretsmanager:us-east-1:1:secret:nope".into());
    let mut c = ctx(task(vec![app]));
    c.converge(1.0).await;
    let o = c.obs();
    assert_eq!(o.last_status, TaskStatus::Stopped);
    assert_eq!(o.stop_code, Some(StopCode::TaskFailedToStart));
    let reason = o.stopped_reason.unwrap_or_default();
    assert!(
        reason.starts_with("CannotPullContainerError: unable to retrieve registry credentials"),
        "{reason}"
    );
    assert!(c.fake.pulls().is_empty(), "no anonymous pull was attempted");
}

#[tokio::test]
async fn desired_stopped_stops_with_sigterm_then_sigkill() {
    let mut stubborn = container("stubborn");
    stubborn.stop_timeout = Some(7);
    let mut c = ctx(task(vec![container("app"), stubborn]));
    c.fake.ignore_sigterm("stubborn");
    c.converge(1.0).await;
    assert_eq!(c.obs().last_status, TaskStatus::Running);

    let mut t = c.r.task(ARN).unwrap().task.clone();
    t.desired_status = DesiredStatus::Stopped;
    t.stop_reason = Some("Task stopped by user".into());
    c.r.set_desired(DesiredState {
        generation: 2,
        tasks: vec![t],
    })
    .unwrap();
    c.converge(9.0).await;
    let o = c.obs();
    assert_eq!(o.last_status, TaskStatus::Stopped);
    assert_eq!(o.stop_code, None);
    assert_eq!(o.stopped_reason, None);
    assert_eq!(o.stopped_at, Some(9.0));
    assert_eq!(c.cobs("app").exit_code, Some(143));
    assert_eq!(c.cobs("stubborn").exit_code, Some(137));
    assert_eq!(c.fake.find("stubborn").unwrap().stops, vec![7]);
}

#[tokio::test]
async fn restart_adopts_containers_instead_of_recreating_them() {
    let mut c = ctx(task(vec![container("app"), container("web")]));
    c.converge(1.0).await;
    assert_eq!(c.obs().last_status, TaskStatus::Running);
    assert_eq!(c.fake.create_count(), 2);

    // A new agent over the same data directory and the same runtime.
    let mut r2 = reconciler(&c.fake, c.dir.path(), Duration::from_secs(600));
    assert_eq!(r2.known_generation(), 1);
    r2.converge(2.0).await.unwrap();
    assert_eq!(c.fake.create_count(), 2);
    assert!(c.fake.containers().iter().all(|x| x.starts == 1));
    assert_eq!(
        r2.task(ARN).unwrap().observation().last_status,
        TaskStatus::Running
    );

    // Even with the state file lost, labels find the containers again.
    std::fs::remove_file(c.dir.path().join("state.json")).unwrap();
    let mut r3 = reconciler(&c.fake, c.dir.path(), Duration::from_secs(600));
    r3.set_desired(DesiredState {
        generation: 1,
        tasks: vec![task(vec![container("app"), container("web")])],
    })
    .unwrap();
    r3.converge(3.0).await.unwrap();
    r3.wait_background().await;
    assert_eq!(c.fake.create_count(), 2);
    assert_eq!(c.fake.containers().len(), 2, "nothing removed as orphan");
    assert!(c.fake.containers().iter().all(|x| x.starts == 1));
    assert_eq!(
        r3.task(ARN).unwrap().observation().last_status,
        TaskStatus::Running
    );
}

#[tokio::test]
async fn orphans_are_removed_and_foreign_containers_left_alone() {
    let mut c = ctx(task(vec![container("app")]));
    let mine = |task: &str| {
        BTreeMap::from([
            (labels::MANAGED.to_string(), "true".to_string()),
            (
                labels::CONTAINER_INSTANCE_ARN.to_string(),
                INSTANCE.to_string(),
            ),
            (labels::TASK_ARN.to_string(), task.to_string()),
            (labels::CONTAINER_NAME.to_string(), "x".to_string()),
        ])
    };
    c.fake.insert_running(
        "orphan",
        mine("arn:aws:ecs:us-east-1:123456789012:task/default/gone"),
    );
    c.fake.insert_running(
        "foreign",
        BTreeMap::from([("owner".to_string(), "someone".to_string())]),
    );
    let mut other = mine("arn:aws:ecs:us-east-1:123456789012:task/default/other");
    other.insert(
        labels::CONTAINER_INSTANCE_ARN.into(),
        "another-instance".into(),
    );
    c.fake.insert_running("other-agent", other);
    c.converge(1.0).await;
    let names: Vec<String> = c
        .fake
        .containers()
        .into_iter()
        .map(|x| x.info.name)
        .collect();
    assert!(!names.contains(&"orphan".to_string()));
    assert!(names.contains(&"foreign".to_string()));
    assert!(names.contains(&"other-agent".to_string()));
    assert_eq!(c.obs().last_status, TaskStatus::Running);
}

#[tokio::test]
async fn tasks_dropped_from_desired_state_are_stopped_cleaned_and_forgotten() {
    let fake = Arc::new(FakeRuntime::new());
    let dir = tempfile::tempdir().unwrap();
    let mut r = reconciler(&fake, dir.path(), Duration::ZERO);
    let mut t = task(vec![container("app")]);
    t.volumes = vec![gantry_agent_api::VolumeSpec {
        name: "scratch".into(),
        host_source_path: None,
        docker: None,
    }];
    t.containers[0].mount_points = vec![gantry_agent_api::MountPoint {
        source_volume: "scratch".into(),
        container_path: "/scratch".into(),
        read_only: false,
    }];
    r.set_desired(DesiredState {
        generation: 1,
        tasks: vec![t],
    })
    .unwrap();
    r.converge(1.0).await.unwrap();
    assert_eq!(fake.volumes(), vec!["ecs-t1-scratch".to_string()]);
    assert_eq!(fake.containers().len(), 1);
    r.set_desired(DesiredState {
        generation: 2,
        tasks: vec![],
    })
    .unwrap();
    r.converge(2.0).await.unwrap();
    r.wait_background().await;
    r.converge(2.0).await.unwrap();
    assert!(fake.containers().is_empty());
    assert!(fake.volumes().is_empty());
    assert!(r.task(ARN).is_none());
    assert!(r.all_stopped());
}

#[tokio::test]
async fn oom_kill_and_missing_containers_are_reported() {
    let mut c = ctx(task(vec![container("app")]));
    c.converge(1.0).await;
    c.fake.oom_kill("app");
    c.converge(2.0).await;
    let o = c.obs();
    assert_eq!(o.last_status, TaskStatus::Stopped);
    assert_eq!(c.cobs("app").exit_code, Some(137));
    assert_eq!(c.cobs("app").reason.as_deref(), Some(OOM_REASON));

    let mut c = ctx(task(vec![container("app")]));
    c.converge(1.0).await;
    c.fake.remove_behind_back("app");
    c.converge(2.0).await;
    let o = c.obs();
    assert_eq!(o.last_status, TaskStatus::Stopped);
    assert!(c
        .cobs("app")
        .reason
        .unwrap()
        .starts_with("ContainerMissing"));
    assert_eq!(c.fake.create_count(), 1, "never recreated");
}

#[tokio::test]
async fn deregistration_stops_everything() {
    let mut c = ctx(task(vec![container("app")]));
    c.converge(1.0).await;
    c.r.set_deregistered();
    c.converge(2.0).await;
    assert!(c.r.all_stopped());
    assert_eq!(c.r.task(ARN).unwrap().phase, TaskPhase::Stopped);
}

#[tokio::test]
async fn a_task_desired_stopped_before_it_ran_reports_stopped() {
    let mut t = task(vec![container("app")]);
    t.desired_status = DesiredStatus::Stopped;
    let mut c = ctx(t);
    c.converge(1.0).await;
    let o = c.obs();
    assert_eq!(o.last_status, TaskStatus::Stopped);
    assert_eq!(o.containers[0].last_status, ContainerStatus::Stopped);
    assert_eq!(c.fake.create_count(), 0);
    assert!(c.fake.pulls().is_empty());
}

#[tokio::test]
async fn independent_tasks_start_together_and_one_failure_holds_none_back() {
    let fake = Arc::new(FakeRuntime::new());
    fake.fail_pull("broken:latest", "manifest for broken:latest not found");
    let dir = tempfile::tempdir().unwrap();
    let mut r = reconciler(&fake, dir.path(), Duration::from_secs(600));
    // More tasks than run at once, each with an ordered pair of containers.
    let mut tasks = Vec::new();
    for i in 0..(crate::reconcile::MAX_CONCURRENT_TASKS + 3) {
        let mut t = task(vec![container("db"), {
            let mut web = container("web");
            web.depends_on = vec![Dependency {
                container_name: "db".into(),
                condition: DependencyCondition::Start,
            }];
            web
        }]);
        t.task_arn = format!("arn:aws:ecs:us-east-1:123456789012:task/default/t{i}");
        if i == 4 {
            t.containers[1].image = "broken:latest".into();
        }
        tasks.push(t);
    }
    r.set_desired(DesiredState {
        generation: 1,
        tasks: tasks.clone(),
    })
    .unwrap();
    // One pass takes every healthy task from nothing to RUNNING: the chain
    // re-plans without waiting for the next pass, creates, then starts in
    // dependency order (a started container opens its START dependents).
    assert!(r.pass(1.0).await.unwrap());
    assert_eq!(fake.create_count() as usize, 2 * (tasks.len() - 1));
    for (i, t) in tasks.iter().enumerate() {
        let o = r.task(&t.task_arn).unwrap().observation();
        assert_eq!(o.last_status == TaskStatus::Running, i != 4, "task {i}");
    }
    // The next passes stop the failed one.
    r.converge(1.0).await.unwrap();
    for (i, t) in tasks.iter().enumerate() {
        let o = r.task(&t.task_arn).unwrap().observation();
        if i == 4 {
            assert_eq!(o.last_status, TaskStatus::Stopped, "task {i}");
            assert_eq!(o.stop_code, Some(StopCode::TaskFailedToStart));
            assert_eq!(
                o.stopped_reason.as_deref(),
                Some("CannotPullContainerError: manifest for broken:latest not found")
            );
        } else {
            assert_eq!(o.last_status, TaskStatus::Running, "task {i}");
            assert_eq!(o.started_at, Some(1.0));
        }
    }
    // Both containers of every healthy task, none of the failed one.
    let started: Vec<_> = fake
        .containers()
        .into_iter()
        .filter(|c| c.starts > 0)
        .collect();
    assert_eq!(started.len(), 2 * (tasks.len() - 1));
    // The state was persisted with every task's progress.
    let reloaded = StateStore::new(dir.path()).load().unwrap();
    assert_eq!(reloaded.tasks.len(), tasks.len());
    assert!(
        reloaded
            .tasks
            .values()
            .filter(|t| t.phase == TaskPhase::Running)
            .count()
            == tasks.len() - 1
    );
}

/// A fake Engine that stops (as in `systemctl stop docker`) at a chosen
/// step, after the pass has listed the containers: the step fails with the
/// Engine-down error.
struct DiesAt {
    fake: Arc<FakeRuntime>,
    step: std::sync::Mutex<Option<&'static str>>,
}

impl DiesAt {
    fn at(&self, step: &'static str) {
        let mut armed = self.step.lock().unwrap();
        if *armed == Some(step) {
            *armed = None;
            self.fake.engine_stop();
        }
    }
}

#[async_trait::async_trait]
impl ContainerRuntime for DiesAt {
    async fn version(&self) -> Result<RuntimeVersion, RuntimeError> {
        self.fake.version().await
    }
    async fn image_present(&self, image: &str) -> Result<bool, RuntimeError> {
        self.fake.image_present(image).await
    }
    async fn pull_image(
        &self,
        image: &str,
        auth: Option<RegistryAuth>,
    ) -> Result<(), RuntimeError> {
        self.at("pull");
        self.fake.pull_image(image, auth).await
    }
    async fn create_container(&self, spec: &CreateSpec) -> Result<String, RuntimeError> {
        self.at("create");
        self.fake.create_container(spec).await
    }
    async fn start(&self, id: &str) -> Result<(), RuntimeError> {
        self.at("start");
        self.fake.start(id).await
    }
    async fn stop(&self, id: &str, timeout_secs: u32) -> Result<(), RuntimeError> {
        self.fake.stop(id, timeout_secs).await
    }
    async fn remove(&self, id: &str) -> Result<(), RuntimeError> {
        self.fake.remove(id).await
    }
    async fn inspect(&self, id: &str) -> Result<Option<ContainerInfo>, RuntimeError> {
        self.fake.inspect(id).await
    }
    async fn list(&self, labels: &[(&str, &str)]) -> Result<Vec<ContainerInfo>, RuntimeError> {
        self.fake.list(labels).await
    }
    async fn create_volume(&self, volume: &VolumeCreate) -> Result<(), RuntimeError> {
        self.fake.create_volume(volume).await
    }
    async fn remove_volume(&self, name: &str) -> Result<(), RuntimeError> {
        self.fake.remove_volume(name).await
    }
    fn events(&self) -> futures::stream::BoxStream<'static, String> {
        self.fake.events()
    }
    fn logs(
        &self,
        id: &str,
        since_secs: i64,
    ) -> futures::stream::BoxStream<'static, Result<LogLine, RuntimeError>> {
        self.fake.logs(id, since_secs)
    }
    async fn ensure_network(&self, network: &NetworkSpec) -> Result<(), RuntimeError> {
        self.fake.ensure_network(network).await
    }
    async fn remove_network(&self, name: &str) -> Result<(), RuntimeError> {
        self.fake.remove_network(name).await
    }
    async fn list_networks(&self, labels: &[(&str, &str)]) -> Result<Vec<String>, RuntimeError> {
        self.fake.list_networks(labels).await
    }
    async fn ensure_pause_image(&self) -> Result<String, RuntimeError> {
        self.fake.ensure_pause_image().await
    }
    async fn create_task_cgroup(
        &self,
        task_id: &str,
        limits: TaskLimits,
    ) -> Result<Option<String>, RuntimeError> {
        self.fake.create_task_cgroup(task_id, limits).await
    }
    async fn remove_task_cgroup(&self, task_id: &str) -> Result<(), RuntimeError> {
        self.fake.remove_task_cgroup(task_id).await
    }
    async fn list_task_cgroups(&self, min_age: Duration) -> Result<Vec<String>, RuntimeError> {
        self.fake.list_task_cgroups(min_age).await
    }
    async fn stats(&self, id: &str) -> Result<Option<serde_json::Value>, RuntimeError> {
        self.fake.stats(id).await
    }
    async fn bridge_gateway(&self) -> Result<Option<std::net::IpAddr>, RuntimeError> {
        self.fake.bridge_gateway().await
    }
}

/// The Engine stopping in the middle of a pull, a create or a start does
/// not fail the task (no CannotPull/Create/StartContainerError): the step
/// is retried by a pass once the Engine is back, and the container is
/// created and started once.
#[tokio::test]
async fn engine_down_mid_step_retries_the_step_once_it_is_back() {
    for step in ["pull", "create", "start"] {
        let fake = Arc::new(FakeRuntime::new());
        let rt = Arc::new(DiesAt {
            fake: fake.clone(),
            step: std::sync::Mutex::new(Some(step)),
        });
        let dir = tempfile::tempdir().unwrap();
        let mut r = Reconciler::new(
            rt.clone(),
            StateStore::new(dir.path()),
            ReconcilerConfig::default(),
        )
        .unwrap();
        r.set_instance_arn(INSTANCE.into()).unwrap();
        r.set_desired(DesiredState {
            generation: 1,
            tasks: vec![task(vec![container("app")])],
        })
        .unwrap();
        r.converge(1.0).await.unwrap();
        assert!(fake.engine_is_down(), "{step}");
        let o = r.task(ARN).unwrap().observation();
        assert_eq!(o.last_status, TaskStatus::Pending, "{step}");
        assert_eq!(o.stopped_reason, None, "{step}");
        assert_eq!(o.containers[0].reason, None, "{step}");
        // Passes while the Engine is down change nothing.
        r.converge(2.0).await.unwrap();
        assert_eq!(
            r.task(ARN).unwrap().observation().last_status,
            TaskStatus::Pending,
            "{step}"
        );

        fake.engine_restarted(None);
        r.converge(3.0).await.unwrap();
        let o = r.task(ARN).unwrap().observation();
        assert_eq!(o.last_status, TaskStatus::Running, "{step}");
        assert_eq!(o.stopped_reason, None, "{step}");
        assert_eq!(fake.create_count(), 1, "{step}");
        assert_eq!(fake.find("app").unwrap().starts, 1, "{step}");
    }
}

/// Detached passes leave task jobs running in the background; a finished
/// job's task is taken in and persisted before `next_background_done`
/// returns, so it can be reported at once.
#[tokio::test]
async fn a_detached_pass_reports_each_task_when_its_job_ends() {
    let mut c = ctx(task(vec![container("app")]));
    c.r.converge_detached(1.0).await.unwrap();
    assert_eq!(c.obs().last_status, TaskStatus::Pending);
    let done = c.r.next_background_done().await.unwrap();
    assert_eq!(done, crate::reconcile::BackgroundDone::TaskJob);
    assert_eq!(c.obs().last_status, TaskStatus::Running);
    assert_eq!(c.obs().started_at, Some(1.0));
    let reloaded = StateStore::new(c.dir.path()).load().unwrap();
    assert_eq!(reloaded.tasks[ARN].phase, TaskPhase::Running);
    // The container was created and started once; a later pass keeps it.
    c.r.converge_detached(2.0).await.unwrap();
    assert_eq!(c.obs().last_status, TaskStatus::Running);
    assert_eq!(c.fake.create_count(), 1);
    assert_eq!(c.fake.find("app").unwrap().starts, 1);
}
