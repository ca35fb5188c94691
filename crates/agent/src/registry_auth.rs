//! Registry credentials for image pulls, the way the ECS agent finds them.
//!
//! * `repositoryCredentials.credentialsParameter` names a secret (in ECS a
//!   Secrets Manager ARN). Gantry has no secrets service yet, so the agent
//!   resolves the name in a JSON file on the host: `GANTRY_SECRETS_FILE`, or
//!   `<agent data dir>/secrets.json`, shaped
//!   `{"<credentialsParameter>": {"username": "…", "password": "…"}}` (the
//!   same `{"username","password"}` value ECS stores in Secrets Manager). The
//!   file is read at every pull, so operators can rotate secrets without
//!   restarting the agent.
//! * Otherwise the ECS agent's engine auth applies: `ECS_ENGINE_AUTH_TYPE`
//!   `docker` (`{"registry": {"username","password"}}`) or `dockercfg`
//!   (`{"registry": {"auth": base64("user:pass")}}`) in `ECS_ENGINE_AUTH_DATA`.
//! * Otherwise the pull is anonymous.

use crate::runtime::RegistryAuth;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where credentials come from; built once at agent start.
#[derive(Debug, Clone, Default)]
pub struct AuthSource {
    /// The secrets file (read at each pull).
    pub secrets_file: Option<PathBuf>,
    /// Engine auth by registry host.
    pub engine: BTreeMap<String, RegistryAuth>,
}

#[derive(Debug, Deserialize)]
struct UserPass {
    username: String,
    password: String,
}

#[derive(Debug, Deserialize)]
struct DockerCfgEntry {
    auth: String,
}

/// The registry host of an image reference (`docker.io` when none).
pub fn registry_of(image: &str) -> String {
    match image.split_once('/') {
        Some((first, _)) if first.contains('.') || first.contains(':') || first == "localhost" => {
            first.to_string()
        }
        _ => "docker.io".to_string(),
    }
}

fn decode_base64(s: &str) -> Option<Vec<u8>> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let mut buf = 0u32;
    let mut bits = 0;
    for b in s.bytes().filter(|b| !b.is_ascii_whitespace() && *b != b'=') {
        let v = ALPHABET.iter().position(|a| *a == b)? as u32;
        buf = (buf << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
            buf &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Parse `ECS_ENGINE_AUTH_TYPE` / `ECS_ENGINE_AUTH_DATA`.
pub fn parse_engine_auth(kind: &str, data: &str) -> Result<BTreeMap<String, RegistryAuth>, String> {
    let mut out = BTreeMap::new();
    match kind {
        "docker" => {
            let m: BTreeMap<String, UserPass> = serde_json::from_str(data)
                .map_err(|e| format!("ECS_ENGINE_AUTH_DATA is not valid docker auth JSON: {e}"))?;
            for (registry, up) in m {
                out.insert(
                    registry.clone(),
                    RegistryAuth {
                        username: up.username,
                        password: up.password,
                        server_address: Some(registry),
                    },
                );
            }
        }
        "dockercfg" => {
            let m: BTreeMap<String, DockerCfgEntry> = serde_json::from_str(data)
                .map_err(|e| format!("ECS_ENGINE_AUTH_DATA is not valid dockercfg JSON: {e}"))?;
            for (registry, e) in m {
                let raw = decode_base64(&e.auth)
                    .ok_or_else(|| format!("auth of {registry} is not base64"))?;
                let text = String::from_utf8(raw)
                    .map_err(|_| format!("auth of {registry} is not UTF-8"))?;
                let (u, p) = text
                    .split_once(':')
                    .ok_or_else(|| format!("auth of {registry} is not user:password"))?;
                let host = registry
                    .trim_start_matches("https://")
                    .trim_start_matches("http://");
                let host = host.split('/').next().unwrap_or(host).to_string();
                out.insert(
                    host,
                    RegistryAuth {
                        username: u.to_string(),
                        password: p.to_string(),
                        server_address: Some(registry),
                    },
                );
            }
        }
        other => {
            return Err(format!(
                "unknown ECS_ENGINE_AUTH_TYPE {other:?} (expected docker or dockercfg)"
            ))
        }
    }
    Ok(out)
}

impl AuthSource {
    /// From the environment, with the secrets file defaulting into `data_dir`.
    pub fn from_env(data_dir: &Path) -> Self {
        let secrets_file = std::env::var("GANTRY_SECRETS_FILE")
            .map(PathBuf::from)
            .ok()
            .or_else(|| Some(data_dir.join("secrets.json")));
        let engine = match (
            std::env::var("ECS_ENGINE_AUTH_TYPE"),
            std::env::var("ECS_ENGINE_AUTH_DATA"),
        ) {
            (Ok(kind), Ok(data)) => match parse_engine_auth(&kind, &data) {
                Ok(m) => m,
                Err(e) => {
                    tracing::warn!(error = %e, "ignoring engine registry auth");
                    BTreeMap::new()
                }
            },
            _ => BTreeMap::new(),
        };
        AuthSource {
            secrets_file,
            engine,
        }
    }

    /// Credentials for pulling `image`. `Err` carries the reason a task must
    /// fail (a named secret that cannot be resolved).
    pub fn for_image(
        &self,
        image: &str,
        credentials_parameter: Option<&str>,
    ) -> Result<Option<RegistryAuth>, String> {
        let registry = registry_of(image);
        if let Some(param) = credentials_parameter {
            let path = self.secrets_file.as_ref().ok_or_else(|| {
                format!("unable to retrieve registry credentials {param}: no secrets file is configured")
            })?;
            let text = std::fs::read_to_string(path).map_err(|e| {
                format!(
                    "unable to retrieve registry credentials {param}: cannot read {}: {e}",
                    path.display()
                )
            })?;
            let secrets: BTreeMap<String, UserPass> = serde_json::from_str(&text).map_err(|e| {
                format!(
                    "unable to retrieve registry credentials {param}: {} is not valid JSON: {e}",
                    path.display()
                )
            })?;
            let up = secrets.get(param).ok_or_else(|| {
                format!("unable to retrieve registry credentials {param}: no such secret")
            })?;
            return Ok(Some(RegistryAuth {
                username: up.username.clone(),
                password: up.password.clone(),
                server_address: Some(registry),
            }));
        }
        Ok(self.engine.get(&registry).cloned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_host_is_found_like_docker_does() {
        assert_eq!(registry_of("busybox"), "docker.io");
        assert_eq!(registry_of("library/busybox:1"), "docker.io");
        assert_eq!(registry_of("127.0.0.1:5000/a/b:1"), "127.0.0.1:5000");
        assert_eq!(registry_of("localhost/x"), "localhost");
        assert_eq!(
            registry_of("123.dkr.ecr.us-east-1.amazonaws.com/app"),
            "123.dkr.ecr.us-east-1.amazonaws.com"
        );
    }

    #[test]
    fn engine_auth_formats_parse() {
        let d = parse_engine_auth(
            "docker",
            r#"{"r.example:5000":{"username":"u","password":"p","email":"e"}}"#,
        )
        .unwrap();
        assert_eq!(d["r.example:5000"].username, "u");
        // "dXNlcjpwYXNz" = base64("user:pass")
        let c = parse_engine_auth(
            "dockercfg",
            r#"{"https://r.example":{"auth":"dXNlcjpwYXNz","email":"e"}}"#,
        )
        .unwrap();
        assert_eq!(c["r.example"].username, "user");
        assert_eq!(c["r.example"].password, "pass");
        assert!(parse_engine_auth("other", "{}").is_err());
        assert!(parse_engine_auth("docker", "nope").is_err());
    }

    #[test]
    fn named_secrets_resolve_from_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("secrets.json");
        std::fs::write(
            &f,
            r#"{"arn:aws:secretsmanager:us-east-1:1:secret:reg":{"username":"u","password":"p"}}"#,
        )
        .unwrap();
        let src = AuthSource {
            secrets_file: Some(f),
            engine: BTreeMap::new(),
        };
        let a = src
            .for_image(
                "127.0.0.1:5000/x",
                Some("arn:aws:secretsmanager:us-east-1:1:secret:reg"),
            )
            .unwrap()
            .unwrap();
        assert_eq!((a.username.as_str(), a.password.as_str()), ("u", "p"));
        assert_eq!(a.server_address.as_deref(), Some("127.0.0.1:5000"));
        let missing = src.for_image("x", Some("nope")).unwrap_err();
        assert!(missing.contains("no such secret"), "{missing}");
        assert_eq!(src.for_image("x", None).unwrap(), None);
    }
}
