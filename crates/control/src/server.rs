//! Assembles the control plane: store, identity, credentials, handlers and
//! the HTTP server, and makes sure the `default` cluster exists.

use crate::auth::StaticCredentials;
use crate::clock::{Clock, SystemClock};
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
}

impl Server {
    /// Bind `listen` and serve the ECS API over `store`.
    pub async fn start(
        listen: SocketAddr,
        store: Arc<dyn Store>,
        identity: ServerIdentity,
        root: &LoadedCredentials,
    ) -> Result<Server, ServerError> {
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        let partition = Partition {
            account_id: identity.account_id.clone(),
            region: identity.region.clone(),
        };
        let ecs = Arc::new(EcsService::new(
            Repo::new(store),
            partition,
            clock,
            Arc::new(HostNotifier::new()),
        ));
        ensure_default_cluster(&ecs, &identity, &root.credentials.access_key_id).await?;
        let resolver = Arc::new(StaticCredentials::root(
            &identity.account_id,
            &root.credentials.access_key_id,
            &root.credentials.secret_access_key,
        ));
        let state = HttpState::new(identity, resolver, ecs.clone(), ecs.clone());
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
        tracing::info!(addr = %local_addr, "control plane listening");
        Ok(Server {
            local_addr,
            ecs,
            shutdown: Some(tx),
            handle,
        })
    }

    /// Stop accepting requests and wait for in-flight ones.
    pub async fn stop(mut self) -> Result<(), ServerError> {
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
