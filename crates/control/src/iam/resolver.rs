//! The credential resolver of a Gantry with IAM: the account root (unless
//! disabled), IAM users' access keys (only `Active` ones of users that
//! still exist) and STS sessions (signed token, key id, expiry, role still
//! there). Anything else resolves to nothing, which the verifier answers
//! with "The security token included in the request is invalid.".

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::IamService;
use crate::auth::{CredentialResolver, Principal, ResolvedKey};

pub struct IamCredentials {
    pub iam: Arc<IamService>,
    root: ResolvedKey,
    /// Refuse the root key (`--disable-root`).
    pub root_disabled: bool,
}

impl IamCredentials {
    pub fn new(
        iam: Arc<IamService>,
        root_access_key_id: &str,
        root_secret: &str,
        root_disabled: bool,
    ) -> Self {
        let account = iam.identity.account_id.clone();
        IamCredentials {
            iam,
            root: ResolvedKey {
                secret_access_key: root_secret.to_string(),
                session_token: None,
                principal: Principal::root(&account, root_access_key_id),
                expires_at: None,
            },
            root_disabled,
        }
    }

    async fn user_key(&self, access_key_id: &str) -> Option<ResolvedKey> {
        let key = match self.iam.access_key(access_key_id).await {
            Ok(Some(k)) => k,
            Ok(None) => return None,
            Err(e) => {
                tracing::warn!(error = %e, "access key lookup failed");
                return None;
            }
        };
        if key.status != "Active" {
            tracing::info!(access_key_id, "inactive access key refused");
            return None;
        }
        let user = self.iam.user(&key.user_name).await.ok()??;
        let Some(secret) = self.iam.keys.open(&key.sealed_secret) else {
            tracing::error!(
                access_key_id,
                "stored secret does not decrypt with this server's IAM key"
            );
            return None;
        };
        Some(ResolvedKey {
            secret_access_key: secret,
            session_token: None,
            principal: Principal {
                arn: user.arn,
                account_id: self.iam.identity.account_id.clone(),
                access_key_id: access_key_id.to_string(),
                user_name: Some(user.name),
                is_root: false,
                user_id: Some(user.user_id),
                role_name: None,
                role_arn: None,
                session_name: None,
            },
            expires_at: None,
        })
    }

    async fn session(&self, access_key_id: &str, token: &str) -> Option<ResolvedKey> {
        let payload = self.iam.verify_session(access_key_id, token)?;
        let role = self.iam.role(&payload.r).await.ok()??;
        if role.role_id != payload.i {
            return None;
        }
        let account = self.iam.identity.account_id.clone();
        Some(ResolvedKey {
            secret_access_key: self.iam.keys.session_secret(access_key_id),
            session_token: Some(token.to_string()),
            principal: Principal {
                arn: format!(
                    "arn:aws:sts::{account}:assumed-role/{}/{}",
                    role.name, payload.s
                ),
                account_id: account,
                access_key_id: access_key_id.to_string(),
                user_name: None,
                is_root: false,
                user_id: Some(format!("{}:{}", role.role_id, payload.s)),
                role_name: Some(role.name),
                role_arn: Some(role.arn),
                session_name: Some(payload.s),
            },
            expires_at: DateTime::<Utc>::from_timestamp(payload.e, 0),
        })
    }
}

#[async_trait]
impl CredentialResolver for IamCredentials {
    async fn resolve(&self, access_key_id: &str) -> Option<ResolvedKey> {
        self.resolve_session(access_key_id, None).await
    }

    async fn resolve_session(
        &self,
        access_key_id: &str,
        session_token: Option<&str>,
    ) -> Option<ResolvedKey> {
        if access_key_id == self.root.principal.access_key_id {
            if self.root_disabled {
                tracing::info!("root credentials refused (--disable-root)");
                return None;
            }
            return Some(self.root.clone());
        }
        match session_token {
            Some(token) if access_key_id.starts_with("ASIA") => {
                self.session(access_key_id, token).await
            }
            _ if access_key_id.starts_with("AKIA") => self.user_key(access_key_id).await,
            _ => None,
        }
    }
}
