//! The IAM operations. Each reads what it needs, validates like IAM (the
//! model's constraints as `ValidationError`, IAM's quotas as
//! `LimitExceeded`, policies through `gantry-iam-policy` as
//! `MalformedPolicyDocument`) and commits one transaction, under the
//! service's write lock.

use gantry_api_types::ApiError;
use gantry_iam_policy::{non_whitespace_len, PolicyDocument, PolicyKind};
use serde_json::{json, Map, Value};

use super::query::{url_encode, validation, Params};
use super::*;
use crate::http::RequestContext;
use crate::state::{TxnBuilder, Versioned};

/// IAM's quotas (AWS defaults).
pub const MAX_ACCESS_KEYS_PER_USER: usize = 2;
pub const MAX_MANAGED_POLICY_CHARS: usize = 6144;
pub const MAX_POLICY_VERSIONS: usize = 5;
pub const MAX_ATTACHED_POLICIES: usize = 10;
pub const MAX_USER_INLINE_CHARS: usize = 2048;
pub const MAX_GROUP_INLINE_CHARS: usize = 5120;
pub const MAX_ROLE_INLINE_CHARS: usize = 10240;
pub const MAX_TRUST_POLICY_CHARS: usize = 2048;
pub const MAX_GROUPS_PER_USER: usize = 10;

const NAME_PATTERN: &str = r"[\w+=,.@-]+";

/// The IAM operations Gantry serves.
pub const IAM_OPERATIONS: &[&str] = &[
    "CreateUser",
    "GetUser",
    "ListUsers",
    "DeleteUser",
    "CreateAccessKey",
    "ListAccessKeys",
    "UpdateAccessKey",
    "DeleteAccessKey",
    "CreateGroup",
    "GetGroup",
    "ListGroups",
    "DeleteGroup",
    "AddUserToGroup",
    "RemoveUserFromGroup",
    "ListGroupsForUser",
    "CreateRole",
    "GetRole",
    "ListRoles",
    "DeleteRole",
    "CreatePolicy",
    "GetPolicy",
    "GetPolicyVersion",
    "CreatePolicyVersion",
    "DeletePolicyVersion",
    "ListPolicyVersions",
    "SetDefaultPolicyVersion",
    "DeletePolicy",
    "ListPolicies",
    "AttachUserPolicy",
    "DetachUserPolicy",
    "AttachGroupPolicy",
    "DetachGroupPolicy",
    "AttachRolePolicy",
    "DetachRolePolicy",
    "PutUserPolicy",
    "GetUserPolicy",
    "DeleteUserPolicy",
    "ListUserPolicies",
    "PutGroupPolicy",
    "GetGroupPolicy",
    "DeleteGroupPolicy",
    "ListGroupPolicies",
    "PutRolePolicy",
    "GetRolePolicy",
    "DeleteRolePolicy",
    "ListRolePolicies",
    "ListAttachedUserPolicies",
    "ListAttachedGroupPolicies",
    "ListAttachedRolePolicies",
    "SimulatePrincipalPolicy",
];

fn no_such(what: &str, name: &str) -> ApiError {
    ApiError::new(
        "NoSuchEntity",
        404,
        format!("The {what} with name {name} cannot be found."),
    )
}
fn exists(msg: String) -> ApiError {
    ApiError::new("EntityAlreadyExists", 409, msg)
}
fn limit(msg: impl Into<String>) -> ApiError {
    ApiError::new("LimitExceeded", 409, msg)
}
fn conflict(msg: &str) -> ApiError {
    ApiError::new("DeleteConflict", 409, msg)
}
fn invalid_input(msg: impl Into<String>) -> ApiError {
    ApiError::new("InvalidInput", 400, msg)
}
fn malformed(msg: impl Into<String>) -> ApiError {
    ApiError::new("MalformedPolicyDocument", 400, msg)
}
fn no_such_policy(arn: &str) -> ApiError {
    ApiError::new(
        "NoSuchEntity",
        404,
        format!("Policy {arn} does not exist or is not attachable."),
    )
}

/// Length bounds of a member, AWS's wording.
pub fn check_len(value: &str, member: &str, min: usize, max: usize) -> Result<(), ApiError> {
    let n = value.chars().count();
    if n < min {
        return Err(validation(&format!(
            "Value '{value}' at '{member}' failed to satisfy constraint: Member must have length greater than or equal to {min}"
        )));
    }
    if n > max {
        return Err(validation(&format!(
            "Value '{value}' at '{member}' failed to satisfy constraint: Member must have length less than or equal to {max}"
        )));
    }
    Ok(())
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || "+=,.@-".contains(c)
}

/// A required entity name (`[\w+=,.@-]+`, 1..=max).
pub fn name(p: &Params, key: &str, max: usize) -> Result<String, ApiError> {
    let v = p.required(key)?;
    let member = query::lower_camel(key);
    check_len(v, &member, 1, max)?;
    if !v.chars().all(is_name_char) {
        return Err(validation(&format!(
            "Value '{v}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {NAME_PATTERN}"
        )));
    }
    Ok(v.to_string())
}

/// An optional path (`/` or `/…/`, printable ASCII), default `/`.
pub fn path(p: &Params, key: &str) -> Result<String, ApiError> {
    let Some(v) = p.get(key) else {
        return Ok("/".into());
    };
    let member = query::lower_camel(key);
    check_len(v, &member, 1, 512)?;
    let ok = v == "/"
        || (v.len() >= 3
            && v.starts_with('/')
            && v.ends_with('/')
            && v.bytes().all(|b| (0x21..=0x7e).contains(&b)));
    if !ok {
        return Err(validation(&format!(
            "Value '{v}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"
        )));
    }
    Ok(v.to_string())
}

fn document<'a>(p: &'a Params, key: &str) -> Result<&'a str, ApiError> {
    let v = p.required(key)?;
    let member = query::lower_camel(key);
    check_len(v, &member, 1, 131_072)?;
    let ok = v
        .chars()
        .all(|c| matches!(c, '\u{9}' | '\u{a}' | '\u{d}' | '\u{20}'..='\u{ff}'));
    if !ok {
        return Err(validation(&format!(
            "Value at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+"
        )));
    }
    Ok(v)
}

fn parse_policy(text: &str, kind: PolicyKind) -> Result<PolicyDocument, ApiError> {
    PolicyDocument::parse(text, kind).map_err(|e| malformed(e.to_string()))
}

fn policy_arn(p: &Params) -> Result<String, ApiError> {
    let v = p.required("PolicyArn")?;
    check_len(v, "policyArn", 20, 2048)?;
    let parts: Vec<&str> = v.splitn(6, ':').collect();
    let ok = parts.len() == 6
        && parts[0] == "arn"
        && !parts[1].is_empty()
        && parts[2] == "iam"
        && parts[3].is_empty()
        && parts[5].starts_with("policy/");
    if !ok {
        return Err(invalid_input(format!("ARN {v} is not valid.")));
    }
    Ok(v.to_string())
}

fn tags(p: &Params) -> Result<Vec<(String, String)>, ApiError> {
    let tags = p.tags("Tags");
    if tags.len() > 50 {
        return Err(limit("Cannot exceed quota for TagsPerUser: 50"));
    }
    for (k, v) in &tags {
        check_len(k, "tags.member.key", 1, 128)?;
        check_len(v, "tags.member.value", 0, 256)?;
    }
    Ok(tags)
}

fn tags_json(tags: &[(String, String)]) -> Value {
    Value::Array(
        tags.iter()
            .map(|(k, v)| json!({"Key": k, "Value": v}))
            .collect(),
    )
}

fn user_json(u: &UserRecord, with_tags: bool) -> Value {
    let mut v = json!({
        "Path": u.path, "UserName": u.name, "UserId": u.user_id, "Arn": u.arn,
        "CreateDate": iso(u.create_date),
    });
    if with_tags && !u.tags.is_empty() {
        v["Tags"] = tags_json(&u.tags);
    }
    v
}

fn group_json(g: &GroupRecord) -> Value {
    json!({"Path": g.path, "GroupName": g.name, "GroupId": g.group_id, "Arn": g.arn,
           "CreateDate": iso(g.create_date)})
}

fn role_json(r: &RoleRecord, with_tags: bool) -> Value {
    let mut v = json!({
        "Path": r.path, "RoleName": r.name, "RoleId": r.role_id, "Arn": r.arn,
        "CreateDate": iso(r.create_date),
        "AssumeRolePolicyDocument": url_encode(&r.trust_policy),
        "MaxSessionDuration": r.max_session_duration,
    });
    if let Some(d) = &r.description {
        v["Description"] = json!(d);
    }
    if with_tags && !r.tags.is_empty() {
        v["Tags"] = tags_json(&r.tags);
    }
    v
}

fn policy_json(p: &PolicyRecord, attachments: usize, detail: bool) -> Value {
    let mut v = json!({
        "PolicyName": p.name, "PolicyId": p.policy_id, "Arn": p.arn, "Path": p.path,
        "DefaultVersionId": p.default_version, "AttachmentCount": attachments,
        "PermissionsBoundaryUsageCount": 0, "IsAttachable": true,
        "CreateDate": iso(p.create_date), "UpdateDate": iso(p.update_date),
    });
    if detail {
        if let Some(d) = &p.description {
            v["Description"] = json!(d);
        }
        if !p.tags.is_empty() {
            v["Tags"] = tags_json(&p.tags);
        }
    }
    v
}

fn version_json(v: &PolicyVersionRecord, default: &str, with_doc: bool) -> Value {
    let mut out = json!({
        "VersionId": v.version_id, "IsDefaultVersion": v.version_id == default,
        "CreateDate": iso(v.create_date),
    });
    if with_doc {
        out["Document"] = json!(url_encode(&v.document));
    }
    out
}

/// `Marker`/`MaxItems` over items sorted by key: the page, and the next
/// marker when truncated.
fn paginate<T>(
    mut items: Vec<T>,
    key: impl Fn(&T) -> String,
    p: &Params,
) -> Result<(Vec<T>, Option<String>), ApiError> {
    let max = p.int("MaxItems")?.unwrap_or(100);
    if !(1..=1000).contains(&max) {
        return Err(validation(&format!(
            "Value '{max}' at 'maxItems' failed to satisfy constraint: Member must have value {} 1000",
            if max < 1 { "greater than or equal to 1; less than or equal to" } else { "less than or equal to" }
        )));
    }
    items.sort_by_key(|t| key(t));
    if let Some(marker) = p.get("Marker") {
        items.retain(|t| key(t).as_str() > marker);
    }
    let max = max as usize;
    if items.len() > max {
        items.truncate(max);
        let next = items.last().map(&key);
        Ok((items, next))
    } else {
        Ok((items, None))
    }
}

fn page(mut result: Map<String, Value>, marker: Option<String>) -> Value {
    result.insert("IsTruncated".into(), json!(marker.is_some()));
    if let Some(m) = marker {
        result.insert("Marker".into(), json!(m));
    }
    Value::Object(result)
}

fn total_inline(map: &std::collections::BTreeMap<String, String>) -> usize {
    map.values().map(|d| non_whitespace_len(d)).sum()
}

/// Which entity an inline/attach operation addresses.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    User,
    Group,
    Role,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::User => "user",
            Kind::Group => "group",
            Kind::Role => "role",
        }
    }
    fn name_key(self) -> &'static str {
        match self {
            Kind::User => "UserName",
            Kind::Group => "GroupName",
            Kind::Role => "RoleName",
        }
    }
    fn max_name(self) -> usize {
        match self {
            Kind::Group => 128,
            _ => 64,
        }
    }
    fn key(self, name: &str) -> String {
        match self {
            Kind::User => user_key(name),
            Kind::Group => group_key(name),
            Kind::Role => role_key(name),
        }
    }
    fn max_inline(self) -> usize {
        match self {
            Kind::User => MAX_USER_INLINE_CHARS,
            Kind::Group => MAX_GROUP_INLINE_CHARS,
            Kind::Role => MAX_ROLE_INLINE_CHARS,
        }
    }
}

/// The policy-bearing part of a user, group or role record.
struct Holder {
    key: String,
    rev: u64,
    record: Value,
    name: String,
}

impl Holder {
    fn inline(&self) -> std::collections::BTreeMap<String, String> {
        serde_json::from_value(self.record["inline"].clone()).unwrap_or_default()
    }
    fn attached(&self) -> Vec<String> {
        serde_json::from_value(self.record["attached"].clone()).unwrap_or_default()
    }
}

impl IamService {
    /// Runs one IAM action (authorization already done). Returns the
    /// `…Result` content, `Null` for actions without output.
    pub async fn handle_iam(
        &self,
        ctx: &RequestContext,
        action: &str,
        p: &Params,
    ) -> Result<Value, ApiError> {
        let now = self.clock.now();
        match action {
            "CreateUser" => self.create_user(p, now).await,
            "GetUser" => self.get_user(ctx, p).await,
            "ListUsers" => self.list_users(p).await,
            "DeleteUser" => self.delete_user(p).await,
            "CreateAccessKey" => self.create_access_key(ctx, p, now).await,
            "ListAccessKeys" => self.list_access_keys(ctx, p).await,
            "UpdateAccessKey" => self.update_access_key(ctx, p).await,
            "DeleteAccessKey" => self.delete_access_key(ctx, p).await,
            "CreateGroup" => self.create_group(p, now).await,
            "GetGroup" => self.get_group(p).await,
            "ListGroups" => self.list_groups(p).await,
            "DeleteGroup" => self.delete_group(p).await,
            "AddUserToGroup" => self.user_group(p, true).await,
            "RemoveUserFromGroup" => self.user_group(p, false).await,
            "ListGroupsForUser" => self.list_groups_for_user(p).await,
            "CreateRole" => self.create_role(p, now).await,
            "GetRole" => self.get_role(p).await,
            "ListRoles" => self.list_roles(p).await,
            "DeleteRole" => self.delete_role(p).await,
            "CreatePolicy" => self.create_policy(p, now).await,
            "GetPolicy" => self.get_policy(p).await,
            "GetPolicyVersion" => self.get_policy_version(p).await,
            "CreatePolicyVersion" => self.create_policy_version(p, now).await,
            "DeletePolicyVersion" => self.delete_policy_version(p).await,
            "ListPolicyVersions" => self.list_policy_versions(p).await,
            "SetDefaultPolicyVersion" => self.set_default_policy_version(p, now).await,
            "DeletePolicy" => self.delete_policy(p).await,
            "ListPolicies" => self.list_policies(p).await,
            "AttachUserPolicy" => self.attach(Kind::User, p, true).await,
            "DetachUserPolicy" => self.attach(Kind::User, p, false).await,
            "AttachGroupPolicy" => self.attach(Kind::Group, p, true).await,
            "DetachGroupPolicy" => self.attach(Kind::Group, p, false).await,
            "AttachRolePolicy" => self.attach(Kind::Role, p, true).await,
            "DetachRolePolicy" => self.attach(Kind::Role, p, false).await,
            "PutUserPolicy" => self.put_inline(Kind::User, p).await,
            "PutGroupPolicy" => self.put_inline(Kind::Group, p).await,
            "PutRolePolicy" => self.put_inline(Kind::Role, p).await,
            "GetUserPolicy" => self.get_inline(Kind::User, p).await,
            "GetGroupPolicy" => self.get_inline(Kind::Group, p).await,
            "GetRolePolicy" => self.get_inline(Kind::Role, p).await,
            "DeleteUserPolicy" => self.delete_inline(Kind::User, p).await,
            "DeleteGroupPolicy" => self.delete_inline(Kind::Group, p).await,
            "DeleteRolePolicy" => self.delete_inline(Kind::Role, p).await,
            "ListUserPolicies" => self.list_inline(Kind::User, p).await,
            "ListGroupPolicies" => self.list_inline(Kind::Group, p).await,
            "ListRolePolicies" => self.list_inline(Kind::Role, p).await,
            "ListAttachedUserPolicies" => self.list_attached(Kind::User, p).await,
            "ListAttachedGroupPolicies" => self.list_attached(Kind::Group, p).await,
            "ListAttachedRolePolicies" => self.list_attached(Kind::Role, p).await,
            "SimulatePrincipalPolicy" => self.simulate_principal_policy(p).await,
            other => Err(ApiError::new(
                "InvalidAction",
                400,
                format!("Could not find operation {other} for version 2010-05-08"),
            )),
        }
    }

    async fn commit(&self, txn: TxnBuilder) -> Result<(), ApiError> {
        if self.repo.commit(txn).await? {
            Ok(())
        } else {
            Err(ApiError::new(
                "ConcurrentModification",
                409,
                "The request was rejected because multiple requests to change this object were submitted simultaneously. Wait a few minutes and submit your request again.",
            ))
        }
    }

    async fn versioned_user(&self, name: &str) -> Result<Versioned<UserRecord>, ApiError> {
        self.repo
            .get(&user_key(name))
            .await?
            .ok_or_else(|| no_such("user", name))
    }
    async fn versioned_group(&self, name: &str) -> Result<Versioned<GroupRecord>, ApiError> {
        self.repo
            .get(&group_key(name))
            .await?
            .ok_or_else(|| no_such("group", name))
    }
    async fn versioned_role(&self, name: &str) -> Result<Versioned<RoleRecord>, ApiError> {
        self.repo
            .get(&role_key(name))
            .await?
            .ok_or_else(|| no_such("role", name))
    }

    /// The user an access-key call is about: `UserName`, else the caller.
    fn subject_user(ctx: &RequestContext, p: &Params) -> Result<Option<String>, ApiError> {
        if p.get("UserName").is_some() {
            return Ok(Some(name(p, "UserName", 128)?));
        }
        Ok(ctx.principal.user_name.clone())
    }

    async fn create_user(&self, p: &Params, now: f64) -> Result<Value, ApiError> {
        let name = name(p, "UserName", 64)?;
        let path = path(p, "Path")?;
        let tags = tags(p)?;
        let _w = self.write.lock().await;
        let key = user_key(&name);
        if self.repo.get::<UserRecord>(&key).await?.is_some() {
            return Err(exists(format!("User with name {name} already exists.")));
        }
        let user = UserRecord {
            arn: format!("arn:aws:iam::{}:user{path}{name}", self.account()),
            name,
            path,
            user_id: unique_id("AIDA"),
            create_date: now,
            tags,
            inline: Default::default(),
            attached: vec![],
            groups: vec![],
        };
        let mut txn = TxnBuilder::new();
        txn.expect(&key, 0).put(&key, &user)?;
        self.commit(txn).await?;
        Ok(json!({"User": user_json(&user, true)}))
    }

    async fn get_user(&self, ctx: &RequestContext, p: &Params) -> Result<Value, ApiError> {
        let name = match p.get("UserName") {
            Some(_) => name(p, "UserName", 128)?,
            None => match &ctx.principal.user_name {
                Some(n) => n.clone(),
                None if ctx.principal.is_root => {
                    return Ok(json!({"User": {
                        "Path": "/", "UserName": "root",
                        "UserId": self.account(), "Arn": ctx.principal.arn,
                        "CreateDate": iso(0.0),
                    }}));
                }
                None => {
                    return Err(validation(
                        "Value null at 'userName' failed to satisfy constraint: Member must not be null",
                    ))
                }
            },
        };
        let user = self.versioned_user(&name).await?.value;
        Ok(json!({"User": user_json(&user, true)}))
    }

    async fn list_users(&self, p: &Params) -> Result<Value, ApiError> {
        let prefix = path(p, "PathPrefix")?;
        let mut users: Vec<UserRecord> = self
            .repo
            .list::<UserRecord>(USERS)
            .await?
            .into_iter()
            .map(|v| v.value)
            .collect();
        users.retain(|u| u.path.starts_with(&prefix));
        let (users, marker) = paginate(users, |u| u.name.to_ascii_lowercase(), p)?;
        let mut m = Map::new();
        m.insert(
            "Users".into(),
            Value::Array(users.iter().map(|u| user_json(u, false)).collect()),
        );
        Ok(page(m, marker))
    }

    async fn user_keys(&self, user: &str) -> Result<Vec<AccessKeyRecord>, ApiError> {
        Ok(self
            .repo
            .list::<AccessKeyRecord>(KEYS)
            .await?
            .into_iter()
            .map(|v| v.value)
            .filter(|k| k.user_name.eq_ignore_ascii_case(user))
            .collect())
    }

    async fn delete_user(&self, p: &Params) -> Result<Value, ApiError> {
        let name = name(p, "UserName", 128)?;
        let _w = self.write.lock().await;
        let user = self.versioned_user(&name).await?;
        if !self.user_keys(&name).await?.is_empty() {
            return Err(conflict(
                "Cannot delete entity, must delete access keys first.",
            ));
        }
        if !user.value.inline.is_empty() || !user.value.attached.is_empty() {
            return Err(conflict(
                "Cannot delete entity, must delete policies first.",
            ));
        }
        if !user.value.groups.is_empty() {
            return Err(conflict(
                "Cannot delete entity, must remove users from group first.",
            ));
        }
        let key = user_key(&name);
        let mut txn = TxnBuilder::new();
        txn.expect(&key, user.mod_revision).delete(&key);
        self.commit(txn).await?;
        Ok(Value::Null)
    }

    async fn create_access_key(
        &self,
        ctx: &RequestContext,
        p: &Params,
        now: f64,
    ) -> Result<Value, ApiError> {
        let Some(name) = Self::subject_user(ctx, p)? else {
            return Err(validation(
                "Value null at 'userName' failed to satisfy constraint: Member must not be null",
            ));
        };
        let _w = self.write.lock().await;
        let user = self.versioned_user(&name).await?;
        if self.user_keys(&name).await?.len() >= MAX_ACCESS_KEYS_PER_USER {
            return Err(limit(format!(
                "Cannot exceed quota for AccessKeysPerUser: {MAX_ACCESS_KEYS_PER_USER}"
            )));
        }
        let fresh = crate::credentials::generate();
        let record = AccessKeyRecord {
            access_key_id: fresh.access_key_id.clone(),
            user_name: user.value.name.clone(),
            status: "Active".into(),
            create_date: now,
            sealed_secret: self.keys.seal(&fresh.secret_access_key),
        };
        let key = access_key_key(&record.access_key_id);
        let ukey = user_key(&name);
        let mut txn = TxnBuilder::new();
        txn.expect(&ukey, user.mod_revision)
            .expect(&key, 0)
            .put(&key, &record)?;
        self.commit(txn).await?;
        tracing::info!(user = %record.user_name, access_key_id = %record.access_key_id, "access key created");
        Ok(json!({"AccessKey": {
            "UserName": record.user_name, "AccessKeyId": record.access_key_id,
            "Status": record.status, "SecretAccessKey": fresh.secret_access_key,
            "CreateDate": iso(now),
        }}))
    }

    async fn list_access_keys(&self, ctx: &RequestContext, p: &Params) -> Result<Value, ApiError> {
        let Some(name) = Self::subject_user(ctx, p)? else {
            return Ok(page(
                Map::from_iter([("AccessKeyMetadata".to_string(), json!([]))]),
                None,
            ));
        };
        self.versioned_user(&name).await?;
        let keys = self.user_keys(&name).await?;
        let (keys, marker) = paginate(keys, |k| k.access_key_id.clone(), p)?;
        let mut m = Map::new();
        m.insert(
            "AccessKeyMetadata".into(),
            Value::Array(
                keys.iter()
                    .map(|k| {
                        json!({"UserName": k.user_name, "AccessKeyId": k.access_key_id,
                                    "Status": k.status, "CreateDate": iso(k.create_date)})
                    })
                    .collect(),
            ),
        );
        Ok(page(m, marker))
    }

    async fn owned_key(
        &self,
        ctx: &RequestContext,
        p: &Params,
    ) -> Result<Versioned<AccessKeyRecord>, ApiError> {
        let id = p.required("AccessKeyId")?;
        check_len(id, "accessKeyId", 16, 128)?;
        let user = Self::subject_user(ctx, p)?;
        let rec: Option<Versioned<AccessKeyRecord>> = self.repo.get(&access_key_key(id)).await?;
        match rec {
            Some(r)
                if user
                    .as_deref()
                    .is_none_or(|u| r.value.user_name.eq_ignore_ascii_case(u)) =>
            {
                Ok(r)
            }
            _ => Err(ApiError::new(
                "NoSuchEntity",
                404,
                format!("The Access Key with id {id} cannot be found."),
            )),
        }
    }

    async fn update_access_key(&self, ctx: &RequestContext, p: &Params) -> Result<Value, ApiError> {
        let status = p.required("Status")?;
        if status != "Active" && status != "Inactive" {
            return Err(validation(&format!(
                "Value '{status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive, Expired]"
            )));
        }
        let _w = self.write.lock().await;
        let mut rec = self.owned_key(ctx, p).await?;
        rec.value.status = status.to_string();
        let key = access_key_key(&rec.value.access_key_id);
        let mut txn = TxnBuilder::new();
        txn.expect(&key, rec.mod_revision).put(&key, &rec.value)?;
        self.commit(txn).await?;
        Ok(Value::Null)
    }

    async fn delete_access_key(&self, ctx: &RequestContext, p: &Params) -> Result<Value, ApiError> {
        let _w = self.write.lock().await;
        let rec = self.owned_key(ctx, p).await?;
        let key = access_key_key(&rec.value.access_key_id);
        let mut txn = TxnBuilder::new();
        txn.expect(&key, rec.mod_revision).delete(&key);
        self.commit(txn).await?;
        Ok(Value::Null)
    }

    async fn create_group(&self, p: &Params, now: f64) -> Result<Value, ApiError> {
        let name = name(p, "GroupName", 128)?;
        let path = path(p, "Path")?;
        let _w = self.write.lock().await;
        let key = group_key(&name);
        if self.repo.get::<GroupRecord>(&key).await?.is_some() {
            return Err(exists(format!("Group with name {name} already exists.")));
        }
        let group = GroupRecord {
            arn: format!("arn:aws:iam::{}:group{path}{name}", self.account()),
            name,
            path,
            group_id: unique_id("AGPA"),
            create_date: now,
            inline: Default::default(),
            attached: vec![],
        };
        let mut txn = TxnBuilder::new();
        txn.expect(&key, 0).put(&key, &group)?;
        self.commit(txn).await?;
        Ok(json!({"Group": group_json(&group)}))
    }

    async fn group_members(&self, group: &str) -> Result<Vec<UserRecord>, ApiError> {
        Ok(self
            .repo
            .list::<UserRecord>(USERS)
            .await?
            .into_iter()
            .map(|v| v.value)
            .filter(|u| u.groups.iter().any(|g| g.eq_ignore_ascii_case(group)))
            .collect())
    }

    async fn get_group(&self, p: &Params) -> Result<Value, ApiError> {
        let name = name(p, "GroupName", 128)?;
        let group = self.versioned_group(&name).await?.value;
        let users = self.group_members(&name).await?;
        let (users, marker) = paginate(users, |u| u.name.to_ascii_lowercase(), p)?;
        let mut m = Map::new();
        m.insert("Group".into(), group_json(&group));
        m.insert(
            "Users".into(),
            Value::Array(users.iter().map(|u| user_json(u, false)).collect()),
        );
        Ok(page(m, marker))
    }

    async fn list_groups(&self, p: &Params) -> Result<Value, ApiError> {
        let prefix = path(p, "PathPrefix")?;
        let mut groups: Vec<GroupRecord> = self
            .repo
            .list::<GroupRecord>(GROUPS)
            .await?
            .into_iter()
            .map(|v| v.value)
            .collect();
        groups.retain(|g| g.path.starts_with(&prefix));
        let (groups, marker) = paginate(groups, |g| g.name.to_ascii_lowercase(), p)?;
        let mut m = Map::new();
        m.insert(
            "Groups".into(),
            Value::Array(groups.iter().map(group_json).collect()),
        );
        Ok(page(m, marker))
    }

    async fn list_groups_for_user(&self, p: &Params) -> Result<Value, ApiError> {
        let name = name(p, "UserName", 128)?;
        let user = self.versioned_user(&name).await?.value;
        let mut groups = Vec::new();
        for g in &user.groups {
            if let Some(g) = self.group(g).await? {
                groups.push(g);
            }
        }
        let (groups, marker) = paginate(groups, |g| g.name.to_ascii_lowercase(), p)?;
        let mut m = Map::new();
        m.insert(
            "Groups".into(),
            Value::Array(groups.iter().map(group_json).collect()),
        );
        Ok(page(m, marker))
    }

    async fn delete_group(&self, p: &Params) -> Result<Value, ApiError> {
        let name = name(p, "GroupName", 128)?;
        let _w = self.write.lock().await;
        let group = self.versioned_group(&name).await?;
        if !self.group_members(&name).await?.is_empty() {
            return Err(conflict(
                "Cannot delete entity, must remove users from group first.",
            ));
        }
        if !group.value.inline.is_empty() || !group.value.attached.is_empty() {
            return Err(conflict(
                "Cannot delete entity, must delete policies first.",
            ));
        }
        let key = group_key(&name);
        let mut txn = TxnBuilder::new();
        txn.expect(&key, group.mod_revision).delete(&key);
        self.commit(txn).await?;
        Ok(Value::Null)
    }

    async fn user_group(&self, p: &Params, add: bool) -> Result<Value, ApiError> {
        let gname = name(p, "GroupName", 128)?;
        let uname = name(p, "UserName", 128)?;
        let _w = self.write.lock().await;
        let group = self.versioned_group(&gname).await?;
        let mut user = self.versioned_user(&uname).await?;
        let had = user
            .value
            .groups
            .iter()
            .any(|g| g.eq_ignore_ascii_case(&group.value.name));
        if add {
            if had {
                return Ok(Value::Null);
            }
            if user.value.groups.len() >= MAX_GROUPS_PER_USER {
                return Err(limit(format!(
                    "Cannot exceed quota for GroupsPerUser: {MAX_GROUPS_PER_USER}"
                )));
            }
            user.value.groups.push(group.value.name.clone());
        } else {
            if !had {
                return Err(no_such("user", &uname));
            }
            user.value
                .groups
                .retain(|g| !g.eq_ignore_ascii_case(&group.value.name));
        }
        let (uk, gk) = (user_key(&uname), group_key(&gname));
        let mut txn = TxnBuilder::new();
        txn.expect(&gk, group.mod_revision)
            .expect(&uk, user.mod_revision)
            .put(&uk, &user.value)?;
        self.commit(txn).await?;
        Ok(Value::Null)
    }

    async fn create_role(&self, p: &Params, now: f64) -> Result<Value, ApiError> {
        let name = name(p, "RoleName", 64)?;
        let path = path(p, "Path")?;
        let trust = document(p, "AssumeRolePolicyDocument")?;
        let description = p.get("Description").map(str::to_string);
        if let Some(d) = &description {
            check_len(d, "description", 0, 1000)?;
        }
        let max = p.int("MaxSessionDuration")?.unwrap_or(3600);
        if !(3600..=43200).contains(&max) {
            return Err(validation(&format!(
                "Value '{max}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value {} 43200",
                if max < 3600 { "greater than or equal to 3600; less than or equal to" } else { "less than or equal to" }
            )));
        }
        let tags = tags(p)?;
        if non_whitespace_len(trust) > MAX_TRUST_POLICY_CHARS {
            return Err(limit(format!(
                "Cannot exceed quota for ACLSizePerRole: {MAX_TRUST_POLICY_CHARS}"
            )));
        }
        parse_policy(trust, PolicyKind::Trust)?;
        let _w = self.write.lock().await;
        let key = role_key(&name);
        if self.repo.get::<RoleRecord>(&key).await?.is_some() {
            return Err(exists(format!("Role with name {name} already exists.")));
        }
        let role = RoleRecord {
            arn: format!("arn:aws:iam::{}:role{path}{name}", self.account()),
            name,
            path,
            role_id: unique_id("AROA"),
            create_date: now,
            trust_policy: trust.to_string(),
            description,
            max_session_duration: max as u64,
            tags,
            inline: Default::default(),
            attached: vec![],
        };
        let mut txn = TxnBuilder::new();
        txn.expect(&key, 0).put(&key, &role)?;
        self.commit(txn).await?;
        Ok(json!({"Role": role_json(&role, true)}))
    }

    async fn get_role(&self, p: &Params) -> Result<Value, ApiError> {
        let name = name(p, "RoleName", 64)?;
        let role = self.versioned_role(&name).await?.value;
        Ok(json!({"Role": role_json(&role, true)}))
    }

    async fn list_roles(&self, p: &Params) -> Result<Value, ApiError> {
        let prefix = path(p, "PathPrefix")?;
        let mut roles: Vec<RoleRecord> = self
            .repo
            .list::<RoleRecord>(ROLES)
            .await?
            .into_iter()
            .map(|v| v.value)
            .collect();
        roles.retain(|r| r.path.starts_with(&prefix));
        let (roles, marker) = paginate(roles, |r| r.name.to_ascii_lowercase(), p)?;
        let mut m = Map::new();
        m.insert(
            "Roles".into(),
            Value::Array(roles.iter().map(|r| role_json(r, false)).collect()),
        );
        Ok(page(m, marker))
    }

    async fn delete_role(&self, p: &Params) -> Result<Value, ApiError> {
        let name = name(p, "RoleName", 64)?;
        let _w = self.write.lock().await;
        let role = self.versioned_role(&name).await?;
        if !role.value.attached.is_empty() {
            return Err(conflict(
                "Cannot delete entity, must detach all policies first.",
            ));
        }
        if !role.value.inline.is_empty() {
            return Err(conflict(
                "Cannot delete entity, must delete policies first.",
            ));
        }
        let key = role_key(&name);
        let mut txn = TxnBuilder::new();
        txn.expect(&key, role.mod_revision).delete(&key);
        self.commit(txn).await?;
        Ok(Value::Null)
    }

    fn check_managed_document(doc: &str) -> Result<(), ApiError> {
        if non_whitespace_len(doc) > MAX_MANAGED_POLICY_CHARS {
            return Err(limit(format!(
                "Cannot exceed quota for PolicySize: {MAX_MANAGED_POLICY_CHARS}"
            )));
        }
        parse_policy(doc, PolicyKind::Identity)?;
        Ok(())
    }

    async fn create_policy(&self, p: &Params, now: f64) -> Result<Value, ApiError> {
        let name = name(p, "PolicyName", 128)?;
        let path = path(p, "Path")?;
        let doc = document(p, "PolicyDocument")?;
        let description = p.get("Description").map(str::to_string);
        if let Some(d) = &description {
            check_len(d, "description", 0, 1000)?;
        }
        let tags = tags(p)?;
        Self::check_managed_document(doc)?;
        let _w = self.write.lock().await;
        let key = policy_key(&name);
        if self.repo.get::<PolicyRecord>(&key).await?.is_some() {
            return Err(exists(format!(
                "A policy called {name} already exists. Duplicate names are not allowed."
            )));
        }
        let policy = PolicyRecord {
            arn: format!("arn:aws:iam::{}:policy{path}{name}", self.account()),
            name,
            path,
            policy_id: unique_id("ANPA"),
            create_date: now,
            update_date: now,
            description,
            default_version: "v1".into(),
            versions: vec![PolicyVersionRecord {
                version_id: "v1".into(),
                document: doc.to_string(),
                create_date: now,
            }],
            next_version: 2,
            tags,
        };
        let mut txn = TxnBuilder::new();
        txn.expect(&key, 0).put(&key, &policy)?;
        self.commit(txn).await?;
        Ok(json!({"Policy": policy_json(&policy, 0, false)}))
    }

    /// How many users, groups and roles have `arn` attached.
    async fn attachment_count(&self, arn: &str) -> Result<usize, ApiError> {
        let mut n = 0;
        for v in self.repo.list::<UserRecord>(USERS).await? {
            n += v.value.attached.iter().filter(|a| *a == arn).count();
        }
        for v in self.repo.list::<GroupRecord>(GROUPS).await? {
            n += v.value.attached.iter().filter(|a| *a == arn).count();
        }
        for v in self.repo.list::<RoleRecord>(ROLES).await? {
            n += v.value.attached.iter().filter(|a| *a == arn).count();
        }
        Ok(n)
    }

    async fn versioned_policy(&self, arn: &str) -> Result<Versioned<PolicyRecord>, ApiError> {
        let prefix = format!("arn:aws:iam::{}:policy/", self.account());
        let name = arn
            .strip_prefix(&prefix)
            .map(|rest| rest.rsplit('/').next().unwrap_or(rest));
        let rec: Option<Versioned<PolicyRecord>> = match name {
            Some(n) => self.repo.get(&policy_key(n)).await?,
            None => None,
        };
        match rec {
            Some(r) if r.value.arn == arn => Ok(r),
            _ if aws_managed_policy(arn).is_some() => Err(ApiError::new(
                "UnmodifiableEntity",
                400,
                format!("Cannot modify AWS-managed policy {arn}."),
            )),
            _ => Err(ApiError::new(
                "NoSuchEntity",
                404,
                format!("Policy {arn} was not found."),
            )),
        }
    }

    async fn get_policy(&self, p: &Params) -> Result<Value, ApiError> {
        let arn = policy_arn(p)?;
        let policy = self.policy_by_arn(&arn).await?.ok_or_else(|| {
            ApiError::new("NoSuchEntity", 404, format!("Policy {arn} was not found."))
        })?;
        let n = self.attachment_count(&arn).await?;
        Ok(json!({"Policy": policy_json(&policy, n, true)}))
    }

    fn version_id(p: &Params) -> Result<String, ApiError> {
        let v = p.required("VersionId")?;
        let ok = v.len() > 1
            && v.starts_with('v')
            && v[1..].bytes().all(|b| b.is_ascii_digit())
            && !v[1..].starts_with('0');
        if !ok {
            return Err(validation(&format!(
                "Value '{v}' at 'versionId' failed to satisfy constraint: Member must satisfy regular expression pattern: v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?"
            )));
        }
        Ok(v.to_string())
    }

    async fn get_policy_version(&self, p: &Params) -> Result<Value, ApiError> {
        let arn = policy_arn(p)?;
        let version = Self::version_id(p)?;
        let policy = self.policy_by_arn(&arn).await?.ok_or_else(|| {
            ApiError::new("NoSuchEntity", 404, format!("Policy {arn} was not found."))
        })?;
        let v = policy
            .versions
            .iter()
            .find(|v| v.version_id == version)
            .ok_or_else(|| {
                ApiError::new(
                    "NoSuchEntity",
                    404,
                    format!("Policy {arn} version {version} does not exist or is not attachable."),
                )
            })?;
        Ok(json!({"PolicyVersion": version_json(v, &policy.default_version, true)}))
    }

    async fn list_policy_versions(&self, p: &Params) -> Result<Value, ApiError> {
        let arn = policy_arn(p)?;
        let policy = self.policy_by_arn(&arn).await?.ok_or_else(|| {
            ApiError::new("NoSuchEntity", 404, format!("Policy {arn} was not found."))
        })?;
        let mut versions = policy.versions.clone();
        versions.reverse();
        let mut m = Map::new();
        m.insert(
            "Versions".into(),
            Value::Array(
                versions
                    .iter()
                    .map(|v| version_json(v, &policy.default_version, false))
                    .collect(),
            ),
        );
        Ok(page(m, None))
    }

    async fn create_policy_version(&self, p: &Params, now: f64) -> Result<Value, ApiError> {
        let arn = policy_arn(p)?;
        let doc = document(p, "PolicyDocument")?;
        let set_default = p.bool("SetAsDefault")?.unwrap_or(false);
        Self::check_managed_document(doc)?;
        let _w = self.write.lock().await;
        let mut policy = self.versioned_policy(&arn).await?;
        if policy.value.versions.len() >= MAX_POLICY_VERSIONS {
            return Err(limit(format!(
                "A managed policy can have up to {MAX_POLICY_VERSIONS} versions. Before you create a new version, you must delete an existing version."
            )));
        }
        let version = PolicyVersionRecord {
            version_id: format!("v{}", policy.value.next_version),
            document: doc.to_string(),
            create_date: now,
        };
        policy.value.next_version += 1;
        policy.value.versions.push(version.clone());
        if set_default {
            policy.value.default_version = version.version_id.clone();
        }
        policy.value.update_date = now;
        let key = policy_key(&policy.value.name);
        let mut txn = TxnBuilder::new();
        txn.expect(&key, policy.mod_revision)
            .put(&key, &policy.value)?;
        self.commit(txn).await?;
        Ok(json!({"PolicyVersion": version_json(&version, &policy.value.default_version, false)}))
    }

    async fn set_default_policy_version(&self, p: &Params, now: f64) -> Result<Value, ApiError> {
        let arn = policy_arn(p)?;
        let version = Self::version_id(p)?;
        let _w = self.write.lock().await;
        let mut policy = self.versioned_policy(&arn).await?;
        if !policy
            .value
            .versions
            .iter()
            .any(|v| v.version_id == version)
        {
            return Err(ApiError::new(
                "NoSuchEntity",
                404,
                format!("Policy {arn} version {version} does not exist or is not attachable."),
            ));
        }
        policy.value.default_version = version;
        policy.value.update_date = now;
        let key = policy_key(&policy.value.name);
        let mut txn = TxnBuilder::new();
        txn.expect(&key, policy.mod_revision)
            .put(&key, &policy.value)?;
        self.commit(txn).await?;
        Ok(Value::Null)
    }

    async fn delete_policy_version(&self, p: &Params) -> Result<Value, ApiError> {
        let arn = policy_arn(p)?;
        let version = Self::version_id(p)?;
        let _w = self.write.lock().await;
        let mut policy = self.versioned_policy(&arn).await?;
        if policy.value.default_version == version {
            return Err(conflict("Cannot delete the default version of a policy."));
        }
        let before = policy.value.versions.len();
        policy.value.versions.retain(|v| v.version_id != version);
        if policy.value.versions.len() == before {
            return Err(ApiError::new(
                "NoSuchEntity",
                404,
                format!("Policy {arn} version {version} does not exist or is not attachable."),
            ));
        }
        let key = policy_key(&policy.value.name);
        let mut txn = TxnBuilder::new();
        txn.expect(&key, policy.mod_revision)
            .put(&key, &policy.value)?;
        self.commit(txn).await?;
        Ok(Value::Null)
    }

    async fn delete_policy(&self, p: &Params) -> Result<Value, ApiError> {
        let arn = policy_arn(p)?;
        let _w = self.write.lock().await;
        let policy = self.versioned_policy(&arn).await?;
        if self.attachment_count(&arn).await? > 0 {
            return Err(conflict("Cannot delete a policy attached to entities."));
        }
        if policy.value.versions.len() > 1 {
            return Err(conflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy."));
        }
        let key = policy_key(&policy.value.name);
        let mut txn = TxnBuilder::new();
        txn.expect(&key, policy.mod_revision).delete(&key);
        self.commit(txn).await?;
        Ok(Value::Null)
    }

    async fn list_policies(&self, p: &Params) -> Result<Value, ApiError> {
        let scope = p.get("Scope").unwrap_or("All");
        if !["All", "AWS", "Local"].contains(&scope) {
            return Err(validation(&format!(
                "Value '{scope}' at 'scope' failed to satisfy constraint: Member must satisfy enum value set: [All, AWS, Local]"
            )));
        }
        let only_attached = p.bool("OnlyAttached")?.unwrap_or(false);
        let prefix = path(p, "PathPrefix")?;
        let mut policies: Vec<PolicyRecord> = Vec::new();
        if scope != "AWS" {
            policies.extend(
                self.repo
                    .list::<PolicyRecord>(POLICIES)
                    .await?
                    .into_iter()
                    .map(|v| v.value),
            );
        }
        if scope != "Local" {
            policies.extend(aws_managed_policy(ADMINISTRATOR_ACCESS_ARN));
        }
        policies.retain(|p| p.path.starts_with(&prefix));
        let mut counted = Vec::new();
        for pol in policies {
            let n = self.attachment_count(&pol.arn).await?;
            if !only_attached || n > 0 {
                counted.push((pol, n));
            }
        }
        let (items, marker) = paginate(counted, |(p, _)| p.arn.clone(), p)?;
        let mut m = Map::new();
        m.insert(
            "Policies".into(),
            Value::Array(
                items
                    .iter()
                    .map(|(p, n)| policy_json(p, *n, false))
                    .collect(),
            ),
        );
        Ok(page(m, marker))
    }

    async fn holder(&self, kind: Kind, p: &Params) -> Result<Holder, ApiError> {
        let name = name(p, kind.name_key(), kind.max_name())?;
        let key = kind.key(&name);
        let rec: Option<Versioned<Value>> = self.repo.get(&key).await?;
        let rec = rec.ok_or_else(|| no_such(kind.label(), &name))?;
        Ok(Holder {
            key,
            rev: rec.mod_revision,
            record: rec.value,
            name,
        })
    }

    async fn save_holder(&self, h: Holder) -> Result<(), ApiError> {
        let mut txn = TxnBuilder::new();
        txn.expect(&h.key, h.rev).put(&h.key, &h.record)?;
        self.commit(txn).await
    }

    async fn attach(&self, kind: Kind, p: &Params, attach: bool) -> Result<Value, ApiError> {
        let arn = policy_arn(p)?;
        let _w = self.write.lock().await;
        let mut h = self.holder(kind, p).await?;
        let mut attached = h.attached();
        if attach {
            if self.policy_by_arn(&arn).await?.is_none() {
                return Err(no_such_policy(&arn));
            }
            if attached.contains(&arn) {
                return Ok(Value::Null);
            }
            if attached.len() >= MAX_ATTACHED_POLICIES {
                let quota = match kind {
                    Kind::User => "PoliciesPerUser",
                    Kind::Group => "PoliciesPerGroup",
                    Kind::Role => "PoliciesPerRole",
                };
                return Err(limit(format!(
                    "Cannot exceed quota for {quota}: {MAX_ATTACHED_POLICIES}"
                )));
            }
            attached.push(arn);
        } else {
            if !attached.contains(&arn) {
                return Err(ApiError::new(
                    "NoSuchEntity",
                    404,
                    format!("Policy {arn} was not found."),
                ));
            }
            attached.retain(|a| *a != arn);
        }
        h.record["attached"] = json!(attached);
        self.save_holder(h).await?;
        Ok(Value::Null)
    }

    async fn put_inline(&self, kind: Kind, p: &Params) -> Result<Value, ApiError> {
        let policy_name = name(p, "PolicyName", 128)?;
        let doc = document(p, "PolicyDocument")?;
        parse_policy(doc, PolicyKind::Identity)?;
        let _w = self.write.lock().await;
        let mut h = self.holder(kind, p).await?;
        let mut inline = h.inline();
        inline.insert(policy_name, doc.to_string());
        if total_inline(&inline) > kind.max_inline() {
            return Err(limit(format!(
                "Maximum policy size of {} bytes exceeded for {} {}",
                kind.max_inline(),
                kind.label(),
                h.name
            )));
        }
        h.record["inline"] = json!(inline);
        self.save_holder(h).await?;
        Ok(Value::Null)
    }

    async fn get_inline(&self, kind: Kind, p: &Params) -> Result<Value, ApiError> {
        let policy_name = name(p, "PolicyName", 128)?;
        let h = self.holder(kind, p).await?;
        let inline = h.inline();
        let (stored_name, doc) = inline
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(&policy_name))
            .ok_or_else(|| {
                ApiError::new(
                    "NoSuchEntity",
                    404,
                    format!(
                        "The {} policy with name {policy_name} cannot be found.",
                        kind.label()
                    ),
                )
            })?;
        let entity = h.record["name"].as_str().unwrap_or(&h.name).to_string();
        Ok(json!({
            kind.name_key(): entity,
            "PolicyName": stored_name,
            "PolicyDocument": url_encode(doc),
        }))
    }

    async fn delete_inline(&self, kind: Kind, p: &Params) -> Result<Value, ApiError> {
        let policy_name = name(p, "PolicyName", 128)?;
        let _w = self.write.lock().await;
        let mut h = self.holder(kind, p).await?;
        let mut inline = h.inline();
        let Some(stored) = inline
            .keys()
            .find(|k| k.eq_ignore_ascii_case(&policy_name))
            .cloned()
        else {
            return Err(ApiError::new(
                "NoSuchEntity",
                404,
                format!(
                    "The {} policy with name {policy_name} cannot be found.",
                    kind.label()
                ),
            ));
        };
        inline.remove(&stored);
        h.record["inline"] = json!(inline);
        self.save_holder(h).await?;
        Ok(Value::Null)
    }

    async fn list_inline(&self, kind: Kind, p: &Params) -> Result<Value, ApiError> {
        let h = self.holder(kind, p).await?;
        let names: Vec<String> = h.inline().into_keys().collect();
        let (names, marker) = paginate(names, |n| n.clone(), p)?;
        let mut m = Map::new();
        m.insert("PolicyNames".into(), json!(names));
        Ok(page(m, marker))
    }

    async fn list_attached(&self, kind: Kind, p: &Params) -> Result<Value, ApiError> {
        let prefix = path(p, "PathPrefix")?;
        let h = self.holder(kind, p).await?;
        let mut items = Vec::new();
        for arn in h.attached() {
            if let Some(pol) = self.policy_by_arn(&arn).await? {
                if pol.path.starts_with(&prefix) {
                    items.push((pol.name, arn));
                }
            }
        }
        let (items, marker) = paginate(items, |(_, arn)| arn.clone(), p)?;
        let mut m = Map::new();
        m.insert(
            "AttachedPolicies".into(),
            Value::Array(
                items
                    .iter()
                    .map(|(n, a)| json!({"PolicyName": n, "PolicyArn": a}))
                    .collect(),
            ),
        );
        Ok(page(m, marker))
    }

    /// The identity documents of a user, group or role named by ARN.
    async fn documents_of(&self, arn: &str) -> Result<Vec<String>, ApiError> {
        let prefix = format!("arn:aws:iam::{}:", self.account());
        let not_found = || {
            ApiError::new(
                "NoSuchEntity",
                404,
                format!("The entity {arn} cannot be found."),
            )
        };
        let rest = arn
            .strip_prefix(&prefix)
            .ok_or_else(|| invalid_input(format!("ARN {arn} is not valid.")))?;
        let name = rest.rsplit('/').next().unwrap_or(rest);
        if rest.starts_with("user/") {
            let u = self
                .user(name)
                .await?
                .filter(|u| u.arn == arn)
                .ok_or_else(not_found)?;
            self.user_documents(&u).await
        } else if rest.starts_with("group/") {
            let g = self
                .group(name)
                .await?
                .filter(|g| g.arn == arn)
                .ok_or_else(not_found)?;
            self.group_documents(&g).await
        } else if rest.starts_with("role/") {
            let r = self
                .role(name)
                .await?
                .filter(|r| r.arn == arn)
                .ok_or_else(not_found)?;
            self.role_documents(&r).await
        } else {
            Err(invalid_input(format!("ARN {arn} is not valid.")))
        }
    }

    async fn simulate_principal_policy(&self, p: &Params) -> Result<Value, ApiError> {
        let source = p.required("PolicySourceArn")?;
        check_len(source, "policySourceArn", 20, 2048)?;
        let actions = p.list("ActionNames");
        if actions.is_empty() {
            return Err(validation(
                "Value null at 'actionNames' failed to satisfy constraint: Member must not be null",
            ));
        }
        let mut resources = p.list("ResourceArns");
        if resources.is_empty() {
            resources.push("*".into());
        }
        let mut extra = Vec::new();
        for doc in p.list("PolicyInputList") {
            extra.push(doc);
        }
        let mut ctx = gantry_iam_policy::Context::new();
        let mut n = 1;
        while let Some(key) = p.get(&format!("ContextEntries.member.{n}.ContextKeyName")) {
            ctx.set(
                key,
                p.list(&format!("ContextEntries.member.{n}.ContextKeyValues")),
            );
            n += 1;
        }
        let mut docs = self.documents_of(source).await?;
        docs.extend(extra);
        let mut parsed = Vec::new();
        for d in &docs {
            parsed.push(parse_policy(d, PolicyKind::Identity)?);
        }
        let mut results = Vec::new();
        for action in &actions {
            for resource in &resources {
                let d = gantry_iam_policy::evaluate(&parsed, action, resource, &ctx);
                let decision = match d {
                    gantry_iam_policy::Decision::Allow => "allowed",
                    gantry_iam_policy::Decision::ExplicitDeny => "explicitDeny",
                    gantry_iam_policy::Decision::ImplicitDeny => "implicitDeny",
                };
                results.push(json!({
                    "EvalActionName": action, "EvalResourceName": resource,
                    "EvalDecision": decision, "MatchedStatements": [], "MissingContextValues": [],
                }));
            }
        }
        let mut m = Map::new();
        m.insert("EvaluationResults".into(), Value::Array(results));
        Ok(page(m, None))
    }
}
