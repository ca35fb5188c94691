//! The IAM and STS APIs (AWS Query protocol), IAM-backed authentication and
//! the authorization of every call.
//!
//! * [`query`]: form input, XML output, query-protocol errors;
//! * [`ops`]: the IAM operations, over the records below in the `Store`;
//! * [`sts`]: GetCallerIdentity, AssumeRole and [`IamService::mint_role_credentials`];
//! * [`crypto`]: the master key, secrets at rest, session-token signatures;
//! * [`resolver`]: the [`crate::auth::CredentialResolver`] of root, IAM
//!   users' access keys and STS sessions;
//! * [`authz`]: policy gathering and evaluation for ECS, Logs, IAM and the
//!   agent sync endpoint.
//!
//! Key layout (all under `iam/`): `iam/users/{lowercase name}` ([`UserRecord`]),
//! `iam/keys/{access key id}` ([`AccessKeyRecord`]), `iam/groups/{lc name}`,
//! `iam/roles/{lc name}`, `iam/policies/{lc name}` (customer-managed
//! policies with their versions). IAM names are unique case-insensitively,
//! as on AWS. Mutations are serialised by one lock and commit one
//! transaction each.

pub mod authz;
pub mod crypto;
pub mod handler;
pub mod local_agent;
pub mod ops;
pub mod query;
pub mod resolver;
pub mod sts;

use std::collections::BTreeMap;

use gantry_api_types::ApiError;
use gantry_iam_policy::{PolicyDocument, PolicyKind};
use serde::{Deserialize, Serialize};

use crate::auth::Principal;
use crate::clock::SharedClock;
use crate::credentials::ServerIdentity;
use crate::state::Repo;

pub use crypto::Keys;

/// How to create the first administrator (printed at startup while none
/// exists).
pub const BOOTSTRAP_HINT: &str = "with the root credentials: aws iam create-user --user-name admin && aws iam attach-user-policy --user-name admin --policy-arn arn:aws:iam::aws:policy/AdministratorAccess && aws iam create-access-key --user-name admin (add --endpoint-url http://<gantry>:<port>); then --disable-root (GANTRY_DISABLE_ROOT=1) refuses root";

/// Errors of the IAM/STS API are AWS wire errors.
pub type IamError = ApiError;

pub const USERS: &str = "iam/users/";
pub const KEYS: &str = "iam/keys/";
pub const GROUPS: &str = "iam/groups/";
pub const ROLES: &str = "iam/roles/";
pub const POLICIES: &str = "iam/policies/";

/// The AWS-managed policy every installation knows.
pub const ADMINISTRATOR_ACCESS_ARN: &str = "arn:aws:iam::aws:policy/AdministratorAccess";
const ADMINISTRATOR_ACCESS_DOC: &str =
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct UserRecord {
    pub name: String,
    pub path: String,
    pub user_id: String,
    pub arn: String,
    pub create_date: f64,
    #[serde(default)]
    pub tags: Vec<(String, String)>,
    /// Inline policies by name (documents as given).
    #[serde(default)]
    pub inline: BTreeMap<String, String>,
    /// Attached managed policy ARNs.
    #[serde(default)]
    pub attached: Vec<String>,
    /// Group names (as stored in the group record).
    #[serde(default)]
    pub groups: Vec<String>,
}

#[derive(Clone, Serialize, Deserialize, PartialEq)]
pub struct AccessKeyRecord {
    pub access_key_id: String,
    pub user_name: String,
    /// `Active` | `Inactive`.
    pub status: String,
    pub create_date: f64,
    /// AES-256-GCM sealed secret ([`Keys::seal`]).
    pub sealed_secret: String,
}

impl std::fmt::Debug for AccessKeyRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccessKeyRecord")
            .field("access_key_id", &self.access_key_id)
            .field("user_name", &self.user_name)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct GroupRecord {
    pub name: String,
    pub path: String,
    pub group_id: String,
    pub arn: String,
    pub create_date: f64,
    #[serde(default)]
    pub inline: BTreeMap<String, String>,
    #[serde(default)]
    pub attached: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RoleRecord {
    pub name: String,
    pub path: String,
    pub role_id: String,
    pub arn: String,
    pub create_date: f64,
    pub trust_policy: String,
    #[serde(default)]
    pub description: Option<String>,
    pub max_session_duration: u64,
    #[serde(default)]
    pub tags: Vec<(String, String)>,
    #[serde(default)]
    pub inline: BTreeMap<String, String>,
    #[serde(default)]
    pub attached: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PolicyVersionRecord {
    pub version_id: String,
    pub document: String,
    pub create_date: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PolicyRecord {
    pub name: String,
    pub path: String,
    pub policy_id: String,
    pub arn: String,
    pub create_date: f64,
    pub update_date: f64,
    #[serde(default)]
    pub description: Option<String>,
    pub default_version: String,
    pub versions: Vec<PolicyVersionRecord>,
    /// Next `vN` number to hand out.
    pub next_version: u32,
    #[serde(default)]
    pub tags: Vec<(String, String)>,
}

impl PolicyRecord {
    pub fn default_document(&self) -> Option<&str> {
        self.versions
            .iter()
            .find(|v| v.version_id == self.default_version)
            .map(|v| v.document.as_str())
    }
}

/// The built-in AWS-managed policies (not stored; attachable by ARN).
pub fn aws_managed_policy(arn: &str) -> Option<PolicyRecord> {
    (arn == ADMINISTRATOR_ACCESS_ARN).then(|| PolicyRecord {
        name: "AdministratorAccess".into(),
        path: "/".into(),
        policy_id: "ANPAIWMBCKSKIEE64ZLYK".into(),
        arn: ADMINISTRATOR_ACCESS_ARN.into(),
        create_date: 1_423_159_602.0,
        update_date: 1_423_159_602.0,
        description: Some("Provides full access to AWS services and resources.".into()),
        default_version: "v1".into(),
        versions: vec![PolicyVersionRecord {
            version_id: "v1".into(),
            document: ADMINISTRATOR_ACCESS_DOC.into(),
            create_date: 1_423_159_602.0,
        }],
        next_version: 2,
        tags: vec![],
    })
}

pub fn user_key(name: &str) -> String {
    format!("{USERS}{}", name.to_ascii_lowercase())
}
pub fn access_key_key(id: &str) -> String {
    format!("{KEYS}{id}")
}
pub fn group_key(name: &str) -> String {
    format!("{GROUPS}{}", name.to_ascii_lowercase())
}
pub fn role_key(name: &str) -> String {
    format!("{ROLES}{}", name.to_ascii_lowercase())
}
pub fn policy_key(name: &str) -> String {
    format!("{POLICIES}{}", name.to_ascii_lowercase())
}

/// Temporary credentials from AssumeRole / [`IamService::mint_role_credentials`].
#[derive(Clone, PartialEq)]
pub struct TemporaryCredentials {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: String,
    /// Epoch seconds.
    pub expiration: f64,
    /// `arn:aws:sts::<acct>:assumed-role/<role>/<session>`.
    pub assumed_role_arn: String,
    /// `<role id>:<session>`.
    pub assumed_role_id: String,
}

impl std::fmt::Debug for TemporaryCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TemporaryCredentials")
            .field("access_key_id", &self.access_key_id)
            .field("expiration", &self.expiration)
            .field("assumed_role_arn", &self.assumed_role_arn)
            .finish_non_exhaustive()
    }
}

/// The IAM/STS service: entities in the store, keys, the clock.
pub struct IamService {
    pub repo: Repo,
    pub identity: ServerIdentity,
    pub clock: SharedClock,
    pub keys: Keys,
    write: tokio::sync::Mutex<()>,
}

/// A 21-character IAM unique id with `prefix` (`AIDA`, `AROA`, …).
pub fn unique_id(prefix: &str) -> String {
    use rand::Rng;
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut rng = rand::rng();
    let tail: String = (0..17)
        .map(|_| CHARS[rng.random_range(0..CHARS.len())] as char)
        .collect();
    format!("{prefix}{tail}")
}

/// ISO 8601 as IAM writes timestamps.
pub fn iso(epoch: f64) -> String {
    chrono::DateTime::from_timestamp_millis((epoch * 1000.0).round() as i64)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

impl IamService {
    pub fn new(repo: Repo, identity: ServerIdentity, clock: SharedClock, keys: Keys) -> Self {
        IamService {
            repo,
            identity,
            clock,
            keys,
            write: tokio::sync::Mutex::new(()),
        }
    }

    pub fn account(&self) -> &str {
        &self.identity.account_id
    }

    pub async fn user(&self, name: &str) -> Result<Option<UserRecord>, ApiError> {
        Ok(self.repo.get(&user_key(name)).await?.map(|v| v.value))
    }
    pub async fn role(&self, name: &str) -> Result<Option<RoleRecord>, ApiError> {
        Ok(self.repo.get(&role_key(name)).await?.map(|v| v.value))
    }
    pub async fn group(&self, name: &str) -> Result<Option<GroupRecord>, ApiError> {
        Ok(self.repo.get(&group_key(name)).await?.map(|v| v.value))
    }
    pub async fn access_key(&self, id: &str) -> Result<Option<AccessKeyRecord>, ApiError> {
        Ok(self.repo.get(&access_key_key(id)).await?.map(|v| v.value))
    }

    /// A managed policy by ARN (customer-managed from the store, or built-in).
    pub async fn policy_by_arn(&self, arn: &str) -> Result<Option<PolicyRecord>, ApiError> {
        if let Some(p) = aws_managed_policy(arn) {
            return Ok(Some(p));
        }
        let prefix = format!("arn:aws:iam::{}:policy/", self.account());
        let Some(rest) = arn.strip_prefix(&prefix) else {
            return Ok(None);
        };
        let name = rest.rsplit('/').next().unwrap_or(rest);
        let rec: Option<PolicyRecord> = self.repo.get(&policy_key(name)).await?.map(|v| v.value);
        Ok(rec.filter(|p| p.arn == arn))
    }

    async fn managed_documents(&self, arns: &[String]) -> Result<Vec<String>, ApiError> {
        let mut out = Vec::new();
        for arn in arns {
            if let Some(p) = self.policy_by_arn(arn).await? {
                if let Some(doc) = p.default_document() {
                    out.push(doc.to_string());
                }
            }
        }
        Ok(out)
    }

    /// Every identity-policy document of a user: inline, attached, and its
    /// groups' inline and attached.
    pub async fn user_documents(&self, user: &UserRecord) -> Result<Vec<String>, ApiError> {
        let mut docs: Vec<String> = user.inline.values().cloned().collect();
        docs.extend(self.managed_documents(&user.attached).await?);
        for g in &user.groups {
            if let Some(group) = self.group(g).await? {
                docs.extend(group.inline.values().cloned());
                docs.extend(self.managed_documents(&group.attached).await?);
            }
        }
        Ok(docs)
    }

    pub async fn role_documents(&self, role: &RoleRecord) -> Result<Vec<String>, ApiError> {
        let mut docs: Vec<String> = role.inline.values().cloned().collect();
        docs.extend(self.managed_documents(&role.attached).await?);
        Ok(docs)
    }

    pub async fn group_documents(&self, group: &GroupRecord) -> Result<Vec<String>, ApiError> {
        let mut docs: Vec<String> = group.inline.values().cloned().collect();
        docs.extend(self.managed_documents(&group.attached).await?);
        Ok(docs)
    }

    /// The parsed identity policies of an authenticated non-root principal.
    /// A principal whose entity is gone has none.
    pub async fn principal_policies(
        &self,
        principal: &Principal,
    ) -> Result<Vec<PolicyDocument>, ApiError> {
        let docs = if let Some(role) = &principal.role_name {
            match self.role(role).await? {
                Some(r) => self.role_documents(&r).await?,
                None => vec![],
            }
        } else if let Some(user) = &principal.user_name {
            match self.user(user).await? {
                Some(u) => self.user_documents(&u).await?,
                None => vec![],
            }
        } else {
            vec![]
        };
        Ok(parse_all(&docs))
    }

    /// True when some user can do everything (`*` on `*`) through its
    /// policies: the condition for refusing root credentials.
    pub async fn admin_exists(&self) -> Result<bool, ApiError> {
        let users: Vec<crate::state::Versioned<UserRecord>> = self.repo.list(USERS).await?;
        for u in users {
            let docs = parse_all(&self.user_documents(&u.value).await?);
            let d =
                gantry_iam_policy::evaluate(&docs, "*", "*", &gantry_iam_policy::Context::new());
            if d == gantry_iam_policy::Decision::Allow {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// Parses stored documents (validated when written); unparsable ones are
/// skipped with an error log rather than failing every request.
pub fn parse_all(docs: &[String]) -> Vec<PolicyDocument> {
    docs.iter()
        .filter_map(|d| match PolicyDocument::parse(d, PolicyKind::Identity) {
            Ok(p) => Some(p),
            Err(e) => {
                tracing::error!(error = %e, "stored policy no longer parses; ignored");
                None
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
