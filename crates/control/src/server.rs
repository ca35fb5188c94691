//! Assembles the control plane: store, identity, credentials, handlers and
//! the HTTP server, and makes sure the `default` cluster exists.

use crate::clock::{Clock, SystemClock};
use crate::connectivity::{Connectivity, ConnectivityConfig};
use crate::credentials::{LoadedCredentials, ServerIdentity};
use crate::ecs::EcsService;
use crate::hosts::HostNotifier;
use crate::http::{HttpState, RequestContext, ServiceHandler};
use crate::state::Repo;
use gantry_model::arn::Partition;
use gantry_store::Store;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A running control plane.
pub struct Server {
    pub local_addr: SocketAddr,
    pub ecs: Arc<EcsService>,
    /// IAM and STS (entities, keys, `mint_role_credentials`).
    pub iam: Arc<crate::iam::IamService>,
    connectivity: Option<Connectivity>,
    services: Option<crate::ecs::services::reconcile::ReconcilerHandle>,
    logs_retention: Option<(
        tokio::sync::watch::Sender<bool>,
        tokio::task::JoinHandle<()>,
    )>,
    /// The event hub (`GET /gantry/v1/events`) and its store watcher.
    pub events: Arc<crate::events::EventHub>,
    events_task: Option<(
        tokio::sync::watch::Sender<bool>,
        tokio::task::JoinHandle<()>,
    )>,
    /// Refreshes task role credentials before they expire.
    role_refresher: Option<(
        tokio::sync::watch::Sender<bool>,
        tokio::task::JoinHandle<()>,
    )>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    handle: tokio::task::JoinHandle<std::io::Result<()>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("cannot listen on {addr}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot create the default cluster: {message}")]
    DefaultCluster { message: String },
    #[error("server task failed")]
    Join(#[source] tokio::task::JoinError),
    #[error("server I/O")]
    Io(#[source] std::io::Error),
    #[error("cannot open the log store")]
    Logs(#[source] crate::logs::store::LogStoreError),
    #[error("cannot load the IAM key")]
    IamKey(#[source] crate::iam::crypto::KeyError),
    #[error("cannot read IAM state: {message}")]
    Iam { message: String },
    #[error("--disable-root needs an IAM user with an administrator policy (Allow * on *), and there is none yet; create one with root credentials first (see the startup hint)")]
    NoAdmin,
    #[error("cannot open the audit trail")]
    Audit(#[source] crate::audit::AuditError),
    #[error("cannot move reservations to their own keys: {message}")]
    Migrate { message: String },
}

/// Tunables of a control plane (defaults: ECS-like).
#[derive(Debug, Clone, Default)]
pub struct ServerOptions {
    /// Agent timeout and host-lost grace of the connectivity reconciler.
    pub connectivity: ConnectivityConfig,
    /// Where the Logs API keeps its segments (`DATA_DIR/logs`); `None`
    /// leaves the Logs API unmounted.
    pub logs_dir: Option<std::path::PathBuf>,
    /// Total size cap of the log store; `None`: [`crate::logs::DEFAULT_MAX_BYTES`].
    pub logs_max_bytes: Option<u64>,
    /// Where the IAM master key file (`iam.key`, 0600) lives (the data
    /// directory); `None` uses a per-process key, so IAM users' secrets and
    /// sessions do not survive a restart (tests only).
    pub iam_key_dir: Option<std::path::PathBuf>,
    /// Refuse the root credentials (`--disable-root`); start fails unless
    /// an administrator user exists.
    pub disable_root: bool,
    /// Subnets, Spot warning and prices of the Fargate launch type.
    pub fargate: crate::ecs::fargate::FargateConfig,
    /// Where the audit trail is kept (`DATA_DIR/audit`); `None` records
    /// nothing and leaves CloudTrail's `LookupEvents` unmounted.
    pub audit_dir: Option<std::path::PathBuf>,
    /// Serve the API over TLS with this certificate; `None`: plain HTTP.
    pub tls: Option<crate::tls::Tls>,
    /// Days the audit trail keeps records; `None`:
    /// [`crate::audit::DEFAULT_RETENTION_DAYS`].
    pub audit_retention_days: Option<i32>,
}

impl Server {
    /// Bind `listen` and serve the ECS API over `store`.
    pub async fn start(
        listen: SocketAddr,
        store: Arc<dyn Store>,
        identity: ServerIdentity,
        root: &LoadedCredentials,
    ) -> Result<Server, ServerError> {
        Self::start_with(listen, store, identity, root, ServerOptions::default()).await
    }

    /// [`Server::start`] with explicit options.
    pub async fn start_with(
        listen: SocketAddr,
        store: Arc<dyn Store>,
        identity: ServerIdentity,
        root: &LoadedCredentials,
        options: ServerOptions,
    ) -> Result<Server, ServerError> {
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        let partition = Partition {
            account_id: identity.account_id.clone(),
            region: identity.region.clone(),
        };
        let logs = match &options.logs_dir {
            Some(dir) => {
                Some(start_logs(dir.clone(), partition.clone(), options.logs_max_bytes).await?)
            }
            None => None,
        };
        let iam_keys = match &options.iam_key_dir {
            Some(dir) => crate::iam::Keys::load_or_create(dir).map_err(ServerError::IamKey)?,
            None => crate::iam::Keys::generate(),
        };
        // One in-memory mirror of the store serves the reads of both.
        let repo = Repo::mirrored(store.clone());
        // A store written before reservations had keys of their own.
        let moved = repo
            .migrate_reservations()
            .await
            .map_err(|e| ServerError::Migrate {
                message: e.to_string(),
            })?;
        if moved > 0 {
            tracing::info!(instances = moved, "reservations moved to their own keys");
        }
        let iam = Arc::new(crate::iam::IamService::new(
            repo.clone(),
            identity.clone(),
            clock.clone(),
            iam_keys,
        ));
        let admin_exists = iam.admin_exists().await.map_err(|e| ServerError::Iam {
            message: e.to_string(),
        })?;
        if options.disable_root && !admin_exists {
            return Err(ServerError::NoAdmin);
        }
        if !admin_exists {
            tracing::info!(
                hint = crate::iam::BOOTSTRAP_HINT,
                "no IAM administrator yet: root credentials are the only way in"
            );
        }
        let (ecs_store, events_partition) = (store.clone(), partition.clone());
        let ecs = Arc::new(
            EcsService::new(
                repo,
                partition,
                clock.clone(),
                Arc::new(HostNotifier::with_max_poll(options.connectivity.max_poll())),
            )
            .with_fargate(options.fargate.clone())
            .with_role_credentials(Arc::new(IamRoleIssuer(iam.clone()))),
        );
        ensure_default_cluster(&ecs, &identity, &root.credentials.access_key_id).await?;
        let resolver = Arc::new(crate::iam::resolver::IamCredentials::new(
            iam.clone(),
            &root.credentials.access_key_id,
            &root.credentials.secret_access_key,
            options.disable_root,
        ));
        let authz = Arc::new(crate::iam::authz::IamAuthorizer {
            iam: iam.clone(),
            tags: Some(ecs.clone()),
        });
        let mut state = HttpState::new(identity, resolver, ecs.clone(), ecs.clone())
            .with_authorizer(authz.clone())
            .with_query(Arc::new(crate::iam::handler::IamQuery {
                iam: iam.clone(),
                authz,
            }));
        if let Some(dir) = &options.audit_dir {
            let days = options
                .audit_retention_days
                .unwrap_or(crate::audit::DEFAULT_RETENTION_DAYS);
            let audit = crate::audit::AuditLog::open(dir.clone(), days, clock.clone())
                .map_err(ServerError::Audit)?;
            state = state.with_audit(audit);
        }
        let (logs_stop, logs_stop_rx) = tokio::sync::watch::channel(false);
        let mut logs_task = None;
        if let Some(logs) = &logs {
            state = state.with_logs(Arc::new(crate::logs::LogsHandler {
                service: logs.clone(),
                clock: clock.clone(),
            }));
            let (logs, clock) = (logs.clone(), clock.clone());
            logs_task = Some(tokio::spawn(async move {
                logs.run_retention(clock, logs_stop_rx).await
            }));
        }
        let ready: Arc<AtomicBool> = state.ready.clone();
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .map_err(|source| ServerError::Bind {
                addr: listen,
                source,
            })?;
        let local_addr = listener.local_addr().map_err(ServerError::Io)?;
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        ready.store(true, Ordering::SeqCst);
        let gantry_api = crate::ecs::gantry_api::GantryApi {
            ecs: ecs.clone(),
            resolver: state.resolver.clone(),
            region: state.identity.region.clone(),
            clock: clock.clone(),
            authorizer: state.authorizer.clone(),
        };
        let shutdown = async move {
            let _ = rx.await;
        };
        let handle = match options.tls.clone() {
            None => tokio::spawn(crate::ecs::gantry_api::serve(
                listener, state, gantry_api, shutdown,
            )),
            Some(tls) => {
                let app =
                    crate::http::router(state).merge(crate::ecs::gantry_api::routes(gantry_api));
                tokio::spawn(crate::tls::serve(listener, app, tls, shutdown))
            }
        };
        // The ECS event stream (`GET /gantry/v1/events`), derived from the store.
        let (events_stop, events_stop_rx) = tokio::sync::watch::channel(false);
        let events = crate::events::spawn(
            &ecs,
            ecs_store.clone(),
            events_partition,
            clock.clone(),
            events_stop_rx,
        );
        let connectivity = Connectivity::spawn(ecs.clone(), options.connectivity);
        let services = crate::ecs::services::reconcile::spawn(ecs.clone());
        let (refresh_stop, refresh_stop_rx) = tokio::sync::watch::channel(false);
        let refresher = tokio::spawn(crate::ecs::role_credentials::run_refresher(
            ecs.clone(),
            std::time::Duration::from_secs(30),
            refresh_stop_rx,
        ));
        tracing::info!(addr = %local_addr, "control plane listening");
        Ok(Server {
            local_addr,
            ecs,
            iam,
            connectivity: Some(connectivity),
            services: Some(services),
            events: events.0,
            events_task: Some((events_stop, events.1)),
            role_refresher: Some((refresh_stop, refresher)),
            logs_retention: logs_task.map(|t| (logs_stop, t)),
            shutdown: Some(tx),
            handle,
        })
    }

    /// Stop accepting requests and wait for in-flight ones.
    pub async fn stop(mut self) -> Result<(), ServerError> {
        if let Some((stop, task)) = self.logs_retention.take() {
            let _ = stop.send(true);
            let _ = task.await;
        }
        if let Some((stop, task)) = self.events_task.take() {
            let _ = stop.send(true);
            let _ = task.await;
        }
        if let Some((stop, task)) = self.role_refresher.take() {
            let _ = stop.send(true);
            let _ = task.await;
        }
        if let Some(c) = self.connectivity.take() {
            c.stop().await;
        }
        if let Some(s) = self.services.take() {
            s.stop().await;
        }
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        self.handle
            .await
            .map_err(ServerError::Join)?
            .map_err(ServerError::Io)
    }

    /// Wait until the server stops by itself (an I/O error).
    pub async fn wait(&mut self) -> Result<(), ServerError> {
        (&mut self.handle)
            .await
            .map_err(ServerError::Join)?
            .map_err(ServerError::Io)
    }
}

async fn ensure_default_cluster(
    ecs: &EcsService,
    identity: &ServerIdentity,
    key: &str,
) -> Result<(), ServerError> {
    let ctx = RequestContext {
        request_id: "startup".to_string(),
        principal: crate::auth::Principal::root(&identity.account_id, key),
        source_ip: None,
    };
    let exists = ecs
        .handle(
            &ctx,
            "DescribeClusters",
            bytes::Bytes::from_static(br#"{"clusters":["default"]}"#),
        )
        .await
        .map_err(|e| ServerError::DefaultCluster {
            message: e.to_string(),
        })?;
    let active = exists["clusters"]
        .as_array()
        .is_some_and(|c| c.iter().any(|c| c["status"] == "ACTIVE"));
    if !active {
        ecs.handle(
            &ctx,
            "CreateCluster",
            bytes::Bytes::from_static(br#"{"clusterName":"default"}"#),
        )
        .await
        .map_err(|e| ServerError::DefaultCluster {
            message: e.to_string(),
        })?;
    }
    Ok(())
}

/// Opens the log store under `dir` (blocking I/O off the runtime).
async fn start_logs(
    dir: std::path::PathBuf,
    partition: Partition,
    max_bytes: Option<u64>,
) -> Result<Arc<crate::logs::LogsService>, ServerError> {
    let store = tokio::task::spawn_blocking(move || crate::logs::store::LogStore::open(dir))
        .await
        .map_err(ServerError::Join)?
        .map_err(ServerError::Logs)?;
    Ok(Arc::new(
        crate::logs::LogsService::new(Arc::new(store), partition)
            .with_max_bytes(max_bytes.unwrap_or(crate::logs::DEFAULT_MAX_BYTES)),
    ))
}

/// Task role credentials from IAM's STS (`mint_role_credentials`).
struct IamRoleIssuer(Arc<crate::iam::IamService>);

#[async_trait::async_trait]
impl crate::ecs::role_credentials::RoleCredentialIssuer for IamRoleIssuer {
    async fn issue(
        &self,
        role_arn: &str,
        session_name: &str,
        duration_secs: u64,
        now: f64,
    ) -> Result<(String, String, String, f64), gantry_api_types::ApiError> {
        let c = self
            .0
            .mint_role_credentials(role_arn, session_name, duration_secs, now)
            .await?;
        Ok((
            c.access_key_id,
            c.secret_access_key,
            c.session_token,
            c.expiration,
        ))
    }
}
