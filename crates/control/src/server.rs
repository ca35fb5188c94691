//! Assembles the control plane: store, identity, credentials, handlers and
//! the HTTP server, and makes sure the `default` cluster exists.

use crate::auth::StaticCredentials;
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
    connectivity: Option<Connectivity>,
    services: Option<crate::ecs::services::reconcile::ReconcilerHandle>,
    logs_retention: Option<(
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
}

/// Tunables of a control plane (defaults: ECS-like).
#[derive(Debug, Clone, Default)]
pub struct ServerOptions {
    /// Agent timeout and host-lost grace of the connectivity reconciler.
    pub connectivity: ConnectivityConfig,
    /// Where the Logs API keeps its segments (`DATA_DIR/logs`); `None`
    /// leaves the Logs API unmounted.
    pub logs_dir: Option<std::path::PathBuf>,
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
            Some(dir) => Some(start_logs(dir.clone(), partition.clone()).await?),
            None => None,
        };
        let ecs = Arc::new(EcsService::new(
            Repo::new(store),
            partition,
            clock.clone(),
            Arc::new(HostNotifier::with_max_poll(options.connectivity.max_poll())),
        ));
        ensure_default_cluster(&ecs, &identity, &root.credentials.access_key_id).await?;
        let resolver = Arc::new(StaticCredentials::root(
            &identity.account_id,
            &root.credentials.access_key_id,
            &root.credentials.secret_access_key,
        ));
        let mut state = HttpState::new(identity, resolver, ecs.clone(), ecs.clone());
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
        let handle = tokio::spawn(crate::http::serve(listener, state, async move {
            let _ = rx.await;
        }));
        let connectivity = Connectivity::spawn(ecs.clone(), options.connectivity);
        let services = crate::ecs::services::reconcile::spawn(ecs.clone());
        tracing::info!(addr = %local_addr, "control plane listening");
        Ok(Server {
            local_addr,
            ecs,
            connectivity: Some(connectivity),
            services: Some(services),
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
) -> Result<Arc<crate::logs::LogsService>, ServerError> {
    let store = tokio::task::spawn_blocking(move || crate::logs::store::LogStore::open(dir))
        .await
        .map_err(ServerError::Join)?
        .map_err(ServerError::Logs)?;
    Ok(Arc::new(crate::logs::LogsService::new(
        Arc::new(store),
        partition,
    )))
}
