//! The identity of `gantry up`'s own agent: IAM user [`USER`] with an inline
//! policy allowing only what an agent does (register, sync, report, ship
//! logs), and one access key kept in `DATA_DIR/agent-credentials` (0600).
//! The local agent always signs with it, so root can be disabled
//! (`--disable-root`) without cutting off the host `gantry up` runs on.
//!
//! The user and key are made through the IAM operations on behalf of the
//! platform (as root, whatever `--disable-root` says: the platform is not a
//! caller), and re-checked at every start: a deleted or deactivated key is
//! replaced, the policy is put again.

use super::query::Params;
use super::IamService;
use crate::auth::Principal;
use crate::http::RequestContext;
use gantry_api_types::ApiError;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The local agent's IAM user.
pub const USER: &str = "gantry-local-agent";
/// Its inline policy's name.
pub const POLICY_NAME: &str = "gantry-local-agent";
/// The key file under the data dir.
pub const FILE: &str = "agent-credentials";

/// What an agent calls: registration, the sync long poll (`ecs:Poll`), state
/// reports, and log delivery for tasks without an execution role.
pub fn policy_document() -> String {
    serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Action": [
                "ecs:RegisterContainerInstance",
                "ecs:DeregisterContainerInstance",
                "ecs:DiscoverPollEndpoint",
                "ecs:Poll",
                "ecs:StartTelemetrySession",
                "ecs:SubmitTaskStateChange",
                "ecs:SubmitContainerStateChange",
                "ecs:SubmitAttachmentStateChanges",
                "logs:*"
            ],
            "Resource": "*"
        }]
    })
    .to_string()
}

#[derive(Debug, thiserror::Error)]
pub enum LocalAgentError {
    #[error("IAM: {0}")]
    Iam(String),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a credentials file: {message}")]
    Format { path: PathBuf, message: String },
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct KeyFile {
    access_key_id: String,
    secret_access_key: String,
}

fn params(pairs: &[(&str, &str)]) -> Params {
    Params(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
    )
}

fn iam_err(e: ApiError) -> LocalAgentError {
    LocalAgentError::Iam(e.to_string())
}

impl IamService {
    /// Makes sure [`USER`] exists with its policy; returns a new access key
    /// `(id, secret)` unless `current` is already an active key of it.
    pub async fn ensure_local_agent(
        &self,
        current: Option<&str>,
    ) -> Result<Option<(String, String)>, ApiError> {
        let ctx = RequestContext {
            request_id: "gantry-local-agent".to_string(),
            principal: Principal::root(self.account(), "gantry"),
            source_ip: None,
        };
        if self.user(USER).await?.is_none() {
            self.handle_iam(&ctx, "CreateUser", &params(&[("UserName", USER)]))
                .await?;
            tracing::info!(user = USER, "created the local agent's IAM user");
        }
        let doc = policy_document();
        self.handle_iam(
            &ctx,
            "PutUserPolicy",
            &params(&[
                ("UserName", USER),
                ("PolicyName", POLICY_NAME),
                ("PolicyDocument", &doc),
            ]),
        )
        .await?;
        if let Some(id) = current {
            if let Some(k) = self.access_key(id).await? {
                if k.user_name.eq_ignore_ascii_case(USER) {
                    if k.status == "Active" {
                        return Ok(None);
                    }
                    // Ours, deactivated: replaced (keeps within the key quota).
                    self.handle_iam(
                        &ctx,
                        "DeleteAccessKey",
                        &params(&[("UserName", USER), ("AccessKeyId", id)]),
                    )
                    .await?;
                }
            }
        }
        let created = self
            .handle_iam(&ctx, "CreateAccessKey", &params(&[("UserName", USER)]))
            .await?;
        let key = &created["AccessKey"];
        match (key["AccessKeyId"].as_str(), key["SecretAccessKey"].as_str()) {
            (Some(id), Some(secret)) => Ok(Some((id.to_string(), secret.to_string()))),
            _ => Err(crate::state::internal("CreateAccessKey answered no key")),
        }
    }

    /// The local agent's `(access key id, secret)`: from
    /// `data_dir/agent-credentials` when still valid, else a new key,
    /// written there (0600) before it is returned.
    pub async fn local_agent_credentials(
        &self,
        data_dir: &Path,
    ) -> Result<(String, String), LocalAgentError> {
        let path = data_dir.join(FILE);
        let existing: Option<KeyFile> = match std::fs::read(&path) {
            Ok(bytes) => {
                Some(
                    serde_json::from_slice(&bytes).map_err(|e| LocalAgentError::Format {
                        path: path.clone(),
                        message: e.to_string(),
                    })?,
                )
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(source) => return Err(LocalAgentError::Io { path, source }),
        };
        let fresh = self
            .ensure_local_agent(existing.as_ref().map(|k| k.access_key_id.as_str()))
            .await
            .map_err(iam_err)?;
        match (fresh, existing) {
            (None, Some(k)) => Ok((k.access_key_id, k.secret_access_key)),
            (Some((id, secret)), _) => {
                let file = KeyFile {
                    access_key_id: id.clone(),
                    secret_access_key: secret.clone(),
                };
                write_private(&path, &serde_json::to_vec_pretty(&file).unwrap_or_default())
                    .map_err(|source| LocalAgentError::Io {
                        path: path.clone(),
                        source,
                    })?;
                tracing::info!(user = USER, key = %id, file = %path.display(), "new access key for the local agent");
                Ok((id, secret))
            }
            (None, None) => Err(LocalAgentError::Iam("no key for the local agent".into())),
        }
    }
}

/// Writes `bytes` to `path` with mode 0600 (temp file, fsync, rename).
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let tmp = path.with_extension("tmp");
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)
}
