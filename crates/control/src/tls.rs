//! TLS on the API port (rustls with the `ring` provider): a configured
//! certificate and key (PEM), or a self-signed pair that Gantry generates
//! once (rcgen) and keeps in the data directory so clients can pin it
//! (`aws --ca-bundle DATA_DIR/tls/cert.pem`, `gantry agent --ca-file …`).
//!
//! [`serve`] is [`crate::http::serve`] over TLS: the same router, the peer
//! address handed to handlers the same way, graceful shutdown that lets
//! in-flight requests finish.

use axum::extract::ConnectInfo;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// How long a client may take to finish the TLS handshake.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} holds no PEM certificate")]
    NoCertificate { path: PathBuf },
    #[error("{path} holds no PEM private key")]
    NoKey { path: PathBuf },
    #[error("invalid certificate or key")]
    Rustls(#[from] rustls::Error),
    #[error("cannot generate a self-signed certificate")]
    Generate(#[from] rcgen::Error),
}

/// Where the certificate comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsSource {
    /// PEM files given by the operator.
    Files { cert: PathBuf, key: PathBuf },
    /// Generated once into `dir` (`cert.pem`, `key.pem`) for `names`
    /// (DNS names or IP addresses), then reused.
    SelfSigned { dir: PathBuf, names: Vec<String> },
}

/// A ready server configuration plus the certificate's path (for clients).
#[derive(Clone)]
pub struct Tls {
    pub config: Arc<rustls::ServerConfig>,
    pub cert_path: PathBuf,
}

impl std::fmt::Debug for Tls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tls")
            .field("cert_path", &self.cert_path)
            .finish_non_exhaustive()
    }
}

fn read(path: &Path) -> Result<Vec<u8>, TlsError> {
    std::fs::read(path).map_err(|source| TlsError::Read {
        path: path.to_path_buf(),
        source,
    })
}

fn write_private(path: &Path, data: &[u8]) -> Result<(), TlsError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let err = |source| TlsError::Write {
        path: path.to_path_buf(),
        source,
    };
    let tmp = path.with_extension("tmp");
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(err)?;
    f.write_all(data).map_err(err)?;
    f.sync_all().map_err(err)?;
    std::fs::rename(&tmp, path).map_err(err)
}

impl Tls {
    /// Loads (or first generates) the certificate and builds the config.
    pub fn load(source: &TlsSource) -> Result<Tls, TlsError> {
        let (cert_path, key_path) = match source {
            TlsSource::Files { cert, key } => (cert.clone(), key.clone()),
            TlsSource::SelfSigned { dir, names } => {
                let cert = dir.join("cert.pem");
                let key = dir.join("key.pem");
                if !(cert.exists() && key.exists()) {
                    std::fs::create_dir_all(dir).map_err(|source| TlsError::Write {
                        path: dir.clone(),
                        source,
                    })?;
                    let generated = rcgen::generate_simple_self_signed(names.clone())?;
                    write_private(&key, generated.key_pair.serialize_pem().as_bytes())?;
                    write_private(&cert, generated.cert.pem().as_bytes())?;
                    tracing::info!(cert = %cert.display(), "generated a self-signed TLS certificate");
                }
                (cert, key)
            }
        };
        let cert_pem = read(&cert_path)?;
        let key_pem = read(&key_path)?;
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&cert_pem)
            .filter_map(Result::ok)
            .collect();
        if certs.is_empty() {
            return Err(TlsError::NoCertificate { path: cert_path });
        }
        let key = PrivateKeyDer::from_pem_slice(&key_pem)
            .map_err(|_| TlsError::NoKey { path: key_path })?;
        let mut config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(certs, key)?;
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Ok(Tls {
            config: Arc::new(config),
            cert_path,
        })
    }
}

/// Serves `app` (the API router, with its state) over TLS until `shutdown`
/// resolves, then waits for the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    tls: Tls,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let acceptor = tokio_rustls::TlsAcceptor::from(tls.config);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (tcp, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of descriptors and the like: keep serving.
                    tracing::warn!(error = %e, "accept failed");
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let acceptor = acceptor.clone();
        let service = hyper_util::service::TowerToHyperService::new(
            app.clone().layer(axum::Extension(ConnectInfo(peer))),
        );
        let watcher = graceful.watcher();
        tokio::spawn(async move {
            let stream = match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(tcp)).await {
                Ok(Ok(s)) => s,
                Ok(Err(e)) => {
                    tracing::debug!(peer = %peer, error = %e, "TLS handshake failed");
                    return;
                }
                Err(_) => {
                    tracing::debug!(peer = %peer, "TLS handshake timed out");
                    return;
                }
            };
            let builder =
                hyper_util::server::conn::auto::Builder::new(hyper_util::rt::TokioExecutor::new());
            let conn = builder
                .serve_connection_with_upgrades(hyper_util::rt::TokioIo::new(stream), service);
            if let Err(e) = watcher.watch(conn).await {
                tracing::debug!(peer = %peer, error = %e, "connection ended with an error");
            }
        });
    }
    graceful.shutdown().await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_signed_is_generated_once_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let src = TlsSource::SelfSigned {
            dir: dir.path().join("tls"),
            names: vec!["localhost".into(), "127.0.0.1".into()],
        };
        let a = Tls::load(&src).unwrap();
        let first = std::fs::read(&a.cert_path).unwrap();
        let b = Tls::load(&src).unwrap();
        assert_eq!(
            first,
            std::fs::read(&b.cert_path).unwrap(),
            "reused, not regenerated"
        );
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("tls/key.pem"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o777,
            0o600,
            "private key readable by the owner only"
        );
    }

    #[test]
    fn bad_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let cert = dir.path().join("c.pem");
        let key = dir.path().join("k.pem");
        std::fs::write(&cert, "not a certificate").unwrap();
        std::fs::write(&key, "nor a key").unwrap();
        let err = Tls::load(&TlsSource::Files {
            cert: cert.clone(),
            key: key.clone(),
        })
        .unwrap_err();
        assert!(
            matches!(err, TlsError::NoCertificate { ref path } if *path == cert),
            "{err}"
        );
        let missing = Tls::load(&TlsSource::Files {
            cert: dir.path().join("nope.pem"),
            key,
        })
        .unwrap_err();
        assert!(matches!(missing, TlsError::Read { .. }));
    }
}
