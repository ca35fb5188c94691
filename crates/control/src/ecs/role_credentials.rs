//! Task role credentials: a task whose definition (or overrides) names a
//! `taskRoleArn` gets temporary credentials for that role in its desired
//! state; the agent serves them to the task's containers at
//! `169.254.170.2/v2/credentials/<id>`.
//!
//! Credentials are minted by an [`RoleCredentialIssuer`] (IAM's STS, which
//! checks that the role exists and trusts `ecs-tasks.amazonaws.com`) when a
//! host's desired state is built, cached per task (never stored: the session
//! token is self-verifying), and refreshed before they expire: a periodic
//! pass ([`EcsService::refresh_role_credentials`]) drops credentials that are
//! past half their life and bumps their host's generation, so the agent's
//! long poll returns with a desired state carrying fresh ones.

use super::EcsService;
use crate::state::{instance_key, InstanceRecord, TxnBuilder};
use async_trait::async_trait;
use gantry_agent_api as agent;
use gantry_api_types::ApiError;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// How long task credentials live (the ECS agent's are ~6 h; an hour keeps
/// refreshes visible in tests of a long-running task).
pub const DURATION_SECS: u64 = 3600;

/// Mints credentials for a role on behalf of the platform.
#[async_trait]
pub trait RoleCredentialIssuer: Send + Sync {
    /// `(access key id, secret, session token, expiration epoch seconds)`.
    async fn issue(
        &self,
        role_arn: &str,
        session_name: &str,
        duration_secs: u64,
        now: f64,
    ) -> Result<(String, String, String, f64), ApiError>;
}

#[derive(Debug, Clone)]
struct Cached {
    role_arn: String,
    creds: agent::TaskCredentials,
    /// Refresh once this passes (half the lifetime).
    refresh_at: f64,
    /// The host whose desired state carries them: (cluster, instance id).
    host: (String, String),
    /// Already reported due by [`RoleCredentials::take_due`].
    due: bool,
}

/// The issuer and the per-task cache.
#[derive(Default)]
pub struct RoleCredentials {
    issuer: Option<Arc<dyn RoleCredentialIssuer>>,
    cache: Mutex<HashMap<String, Cached>>,
}

impl std::fmt::Debug for RoleCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RoleCredentials")
            .field("issuer", &self.issuer.is_some())
            .finish_non_exhaustive()
    }
}

fn rfc3339(epoch: f64) -> String {
    chrono::DateTime::<chrono::Utc>::from_timestamp(epoch.floor() as i64, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

impl RoleCredentials {
    pub fn new(issuer: Arc<dyn RoleCredentialIssuer>) -> Self {
        RoleCredentials {
            issuer: Some(issuer),
            cache: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Cached>> {
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Can the platform obtain credentials for `role_arn`? (RunTask's check.)
    pub async fn check(&self, role_arn: &str, now: f64) -> Result<(), ApiError> {
        match &self.issuer {
            None => Ok(()),
            Some(i) => i
                .issue(role_arn, "gantry-check", 900, now)
                .await
                .map(|_| ()),
        }
    }

    /// The credentials of `task_arn` for `role_arn`, from the cache or newly
    /// minted; `None` without an issuer or when the role cannot be assumed.
    async fn get(
        &self,
        task_arn: &str,
        role_arn: &str,
        host: (&str, &str),
        now: f64,
    ) -> Option<agent::TaskCredentials> {
        let issuer = self.issuer.as_ref()?;
        // The id stays the task's for its life (its containers' environment
        // names it); a refresh replaces only the credentials behind it.
        let mut credentials_id = None;
        if let Some(c) = self.lock().get(task_arn) {
            if c.role_arn == role_arn {
                if now < c.refresh_at {
                    return Some(c.creds.clone());
                }
                credentials_id = Some(c.creds.credentials_id.clone());
            }
        }
        let session = task_arn.rsplit('/').next().unwrap_or("task");
        match issuer.issue(role_arn, session, DURATION_SECS, now).await {
            Ok((access_key_id, secret_access_key, session_token, expiration)) => {
                let creds = agent::TaskCredentials {
                    credentials_id: credentials_id
                        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
                    role_arn: role_arn.to_string(),
                    access_key_id,
                    secret_access_key,
                    session_token,
                    expiration: rfc3339(expiration),
                };
                self.lock().insert(
                    task_arn.to_string(),
                    Cached {
                        role_arn: role_arn.to_string(),
                        creds: creds.clone(),
                        refresh_at: now + (expiration - now) / 2.0,
                        host: (host.0.to_string(), host.1.to_string()),
                        due: false,
                    },
                );
                Some(creds)
            }
            Err(e) => {
                tracing::warn!(task = task_arn, role = role_arn, code = e.code, error = %e.message,
                    "cannot obtain task role credentials; the task runs without them");
                None
            }
        }
    }

    /// Marks credentials past their refresh time as due (the next desired
    /// state mints fresh ones under the same id) and returns the hosts whose
    /// desired state must be rebuilt, each due entry reported once.
    fn take_due(&self, now: f64) -> Vec<(String, String)> {
        let mut hosts: Vec<(String, String)> = Vec::new();
        for c in self.lock().values_mut() {
            if now >= c.refresh_at && !c.due {
                c.due = true;
                if !hosts.contains(&c.host) {
                    hosts.push(c.host.clone());
                }
            }
        }
        hosts
    }

    /// Whether credentials of tasks on the host are cached.
    pub(crate) fn holds_any(&self, cluster: &str, id: &str) -> bool {
        self.lock()
            .values()
            .any(|c| c.host.0 == cluster && c.host.1 == id)
    }

    /// Drops the cached credentials of `host`'s tasks for which `keep`
    /// (called with a task ARN, or a task ARN and `#execution`) is false.
    fn forget_except(&self, host: (&str, &str), keep: impl Fn(&str) -> bool) {
        let mut cache = self.lock();
        if cache.is_empty() {
            return;
        }
        cache.retain(|task, c| !(c.host.0 == host.0 && c.host.1 == host.1) || keep(task));
    }
}

/// ECS's answer when a launch names a task role it cannot assume.
pub fn unable_to_assume(role_arn: &str) -> ApiError {
    ApiError::client(
        "ClientException",
        format!(
            "ECS was unable to assume the role '{role_arn}' that was provided for this task. \
             Please verify that the role being passed has the proper trust relationship and \
             permissions and that your IAM user has permissions to pass this role."
        ),
    )
}

impl EcsService {
    /// RunTask/StartTask/CreateService's role check: the task role (from the
    /// overrides, else the definition) must be assumable by
    /// `ecs-tasks.amazonaws.com`, or the launch fails with ECS's
    /// `ClientException` before anything is stored.
    pub(crate) async fn check_task_role(
        &self,
        td: &gantry_api_types::ecs::TaskDefinition,
        overrides: Option<&gantry_api_types::ecs::TaskOverride>,
    ) -> Result<(), ApiError> {
        let role = overrides
            .and_then(|o| o.task_role_arn.as_deref())
            .or(td.task_role_arn.as_deref());
        match role {
            Some(role) if !role.is_empty() => self
                .role_credentials
                .check(role, self.now())
                .await
                .map_err(|e| {
                    tracing::debug!(role, code = e.code, error = %e.message, "task role refused");
                    unable_to_assume(role)
                }),
            _ => Ok(()),
        }
    }

    /// Adds role credentials to the running tasks among `tasks` (some or all
    /// of a host's desired state).
    pub(crate) async fn attach_role_credentials(
        &self,
        inst: &InstanceRecord,
        tasks: &mut [agent::DesiredTask],
    ) {
        let now = self.now();
        let host = (inst.cluster.as_str(), inst.id.as_str());
        for d in tasks.iter_mut() {
            if d.desired_status != agent::DesiredStatus::Running {
                continue;
            }
            if let Some(role) = d.task_role_arn.clone() {
                d.task_credentials = self
                    .role_credentials
                    .get(&d.task_arn, &role, host, now)
                    .await;
            }
            if let Some(role) = d.execution_role_arn.clone() {
                let key = format!("{}#execution", d.task_arn);
                d.execution_credentials = self.role_credentials.get(&key, &role, host, now).await;
            }
        }
    }

    /// Forgets the cached credentials of the host's tasks that are no longer
    /// in its desired state (`on_host` tells, by task ARN).
    pub(crate) fn forget_role_credentials(
        &self,
        inst: &InstanceRecord,
        on_host: impl Fn(&str) -> bool,
    ) {
        self.role_credentials
            .forget_except((&inst.cluster, &inst.id), |key| {
                on_host(key.strip_suffix("#execution").unwrap_or(key))
            });
    }

    /// One refresh pass: hosts carrying credentials past half their life get
    /// a new generation (their agents then fetch fresh credentials).
    pub async fn refresh_role_credentials(&self) -> Result<usize, ApiError> {
        let due = self.role_credentials.take_due(self.now());
        let mut bumped = 0;
        for (cluster, id) in due {
            let _g = self.write.lock().await;
            let key = instance_key(&cluster, &id);
            let Some(rec) = self.repo.get_instance(&key).await? else {
                continue;
            };
            let mut value = (*rec.value).clone();
            value.generation += 1;
            let mut t = TxnBuilder::new();
            t.expect(&key, rec.mod_revision)
                .put_instance(&Arc::new(value), Some(&rec.value))?;
            if self.repo.commit(t).await? {
                self.hosts.wake(&id);
                bumped += 1;
            }
        }
        Ok(bumped)
    }
}

/// Runs [`EcsService::refresh_role_credentials`] every `period` until
/// `shutdown` fires.
pub async fn run_refresher(
    ecs: Arc<EcsService>,
    period: std::time::Duration,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(period) => {}
            _ = shutdown.changed() => return,
        }
        match ecs.refresh_role_credentials().await {
            Ok(0) => {}
            Ok(n) => tracing::debug!(hosts = n, "task role credentials refreshed"),
            Err(e) => tracing::warn!(error = %e.message, "task role credential refresh failed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    struct Counting(AtomicUsize);

    #[async_trait]
    impl RoleCredentialIssuer for Counting {
        async fn issue(
            &self,
            role_arn: &str,
            _session: &str,
            duration: u64,
            now: f64,
        ) -> Result<(String, String, String, f64), ApiError> {
            if role_arn.ends_with("/untrusted") {
                return Err(ApiError::new("AccessDenied", 403, "no trust"));
            }
            let n = self.0.fetch_add(1, Ordering::SeqCst);
            Ok((
                format!("ASIA{n}"),
                "s".into(),
                "t".into(),
                now + duration as f64,
            ))
        }
    }

    #[tokio::test]
    async fn cached_until_half_life_then_due_for_refresh() {
        let rc = RoleCredentials::new(Arc::new(Counting(AtomicUsize::new(0))));
        let role = "arn:aws:iam::1:role/app";
        let a = rc.get("task/1", role, ("c", "i"), 1000.0).await.unwrap();
        let b = rc.get("task/1", role, ("c", "i"), 2000.0).await.unwrap();
        assert_eq!(a, b, "cached before half life");
        assert_eq!(a.expiration, "1970-01-01T01:16:40Z");
        assert!(rc.take_due(2000.0).is_empty());
        assert_eq!(
            rc.take_due(1000.0 + 1800.0),
            vec![("c".to_string(), "i".to_string())]
        );
        assert!(rc.take_due(2801.0).is_empty(), "reported once");
        let c = rc.get("task/1", role, ("c", "i"), 2800.0).await.unwrap();
        assert_ne!(c.access_key_id, a.access_key_id, "fresh after refresh");
        assert_eq!(c.credentials_id, a.credentials_id, "the id is the task's");
        assert!(rc.take_due(2800.0).is_empty(), "fresh ones are not due");
        assert!(rc
            .get("task/2", "arn:aws:iam::1:role/untrusted", ("c", "i"), 1.0)
            .await
            .is_none());
        rc.forget_except(("c", "i"), |_| false);
        assert!(rc.take_due(f64::MAX).is_empty(), "stopped tasks forgotten");
        let e = unable_to_assume("arn:aws:iam::1:role/x");
        assert_eq!((e.code, e.status), ("ClientException", 400));
        assert_eq!(e.message, "ECS was unable to assume the role 'arn:aws:iam::1:role/x' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.");
        let none = RoleCredentials::default();
        assert!(none.get("task/1", role, ("c", "i"), 1.0).await.is_none());
    }
}
