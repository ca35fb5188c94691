//! IAM/STS store operations, the resolver and authorization, without a
//! server (in-memory store, manual clock).

use std::sync::{Arc, Mutex};

use chrono::DateTime;
use gantry_iam_policy::{ActionRequest, Context};
use gantry_store::memory::MemoryStore;
use serde_json::Value;

use super::authz::IamAuthorizer;
use super::query::Params;
use super::resolver::IamCredentials;
use super::*;
use crate::auth::{authenticate, CredentialResolver, Principal};
use crate::clock::Clock;
use crate::http::RequestContext;

const ACCT: &str = "123456789012";
const ROOT_KEY: &str = "AKIAROOTROOTROOTROOT";
const ROOT_SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

struct ManualClock(Mutex<f64>);
impl Clock for ManualClock {
    fn now(&self) -> f64 {
        *self.0.lock().unwrap()
    }
}

struct Fixture {
    iam: Arc<IamService>,
    clock: Arc<ManualClock>,
    resolver: IamCredentials,
}

fn fixture() -> Fixture {
    let clock = Arc::new(ManualClock(Mutex::new(1_767_268_800.0)));
    let iam = Arc::new(IamService::new(
        Repo::new(Arc::new(MemoryStore::new())),
        ServerIdentity::new(ACCT, "us-east-1").unwrap(),
        clock.clone(),
        Keys::generate(),
    ));
    let resolver = IamCredentials::new(iam.clone(), ROOT_KEY, ROOT_SECRET, false);
    Fixture {
        iam,
        clock,
        resolver,
    }
}

fn ctx(principal: Principal) -> RequestContext {
    RequestContext {
        request_id: "t".into(),
        principal,
        source_ip: None,
    }
}

fn root() -> RequestContext {
    ctx(Principal::root(ACCT, ROOT_KEY))
}

fn params(pairs: &[(&str, &str)]) -> Params {
    Params(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}

async fn iam(
    f: &Fixture,
    c: &RequestContext,
    action: &str,
    p: &[(&str, &str)],
) -> Result<Value, ApiError> {
    f.iam.handle_iam(c, action, &params(p)).await
}

const ALLOW_ECS_DEV: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecs:Describe*","ecs:List*","ecs:RunTask"],"Resource":"*","Condition":{"ArnEquals":{"ecs:cluster":"arn:aws:ecs:us-east-1:123456789012:cluster/dev"}}},{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#;

#[tokio::test]
async fn users_keys_and_the_resolver() {
    let f = fixture();
    let r = root();
    let u = iam(&f, &r, "CreateUser", &[("UserName", "dev")])
        .await
        .unwrap();
    assert_eq!(u["User"]["Arn"], "arn:aws:iam::123456789012:user/dev");
    assert!(u["User"]["UserId"].as_str().unwrap().starts_with("AIDA"));
    let dup = iam(&f, &r, "CreateUser", &[("UserName", "DEV")])
        .await
        .unwrap_err();
    assert_eq!((dup.code, dup.status), ("EntityAlreadyExists", 409));

    let k1 = iam(&f, &r, "CreateAccessKey", &[("UserName", "dev")])
        .await
        .unwrap();
    let id = k1["AccessKey"]["AccessKeyId"].as_str().unwrap().to_string();
    let secret = k1["AccessKey"]["SecretAccessKey"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(id.starts_with("AKIA") && id.len() == 20 && secret.len() == 40);
    iam(&f, &r, "CreateAccessKey", &[("UserName", "dev")])
        .await
        .unwrap();
    let third = iam(&f, &r, "CreateAccessKey", &[("UserName", "dev")])
        .await
        .unwrap_err();
    assert_eq!(
        (third.code, third.message.as_str()),
        (
            "LimitExceeded",
            "Cannot exceed quota for AccessKeysPerUser: 2"
        )
    );

    // The secret is stored sealed, never in clear.
    let stored = f
        .iam
        .repo
        .store
        .get(&access_key_key(&id))
        .await
        .unwrap()
        .unwrap();
    assert!(!String::from_utf8_lossy(&stored.value).contains(&secret));

    let key = f.resolver.resolve(&id).await.unwrap();
    assert_eq!(key.secret_access_key, secret);
    assert_eq!(key.principal.user_name.as_deref(), Some("dev"));
    assert!(!key.principal.is_root);
    assert!(
        f.resolver
            .resolve(ROOT_KEY)
            .await
            .unwrap()
            .principal
            .is_root
    );
    assert!(f.resolver.resolve("AKIAUNKNOWNUNKNOWN00").await.is_none());

    iam(
        &f,
        &r,
        "UpdateAccessKey",
        &[
            ("UserName", "dev"),
            ("AccessKeyId", &id),
            ("Status", "Inactive"),
        ],
    )
    .await
    .unwrap();
    assert!(f.resolver.resolve(&id).await.is_none());
    let listed = iam(&f, &r, "ListAccessKeys", &[("UserName", "dev")])
        .await
        .unwrap();
    assert_eq!(listed["AccessKeyMetadata"].as_array().unwrap().len(), 2);

    let busy = iam(&f, &r, "DeleteUser", &[("UserName", "dev")])
        .await
        .unwrap_err();
    assert_eq!((busy.code, busy.status), ("DeleteConflict", 409));
    for k in listed["AccessKeyMetadata"].as_array().unwrap() {
        let kid = k["AccessKeyId"].as_str().unwrap();
        iam(
            &f,
            &r,
            "DeleteAccessKey",
            &[("UserName", "dev"), ("AccessKeyId", kid)],
        )
        .await
        .unwrap();
    }
    iam(&f, &r, "DeleteUser", &[("UserName", "dev")])
        .await
        .unwrap();
    let gone = iam(&f, &r, "GetUser", &[("UserName", "dev")])
        .await
        .unwrap_err();
    assert_eq!(
        (gone.code, gone.status, gone.message.as_str()),
        (
            "NoSuchEntity",
            404,
            "The user with name dev cannot be found."
        )
    );
    assert!(f.resolver.resolve(&id).await.is_none());

    let disabled = IamCredentials::new(f.iam.clone(), ROOT_KEY, ROOT_SECRET, true);
    assert!(disabled.resolve(ROOT_KEY).await.is_none());
}

#[tokio::test]
async fn bad_input_gets_iam_errors() {
    let f = fixture();
    let r = root();
    let e = iam(&f, &r, "CreateUser", &[("UserName", "bad name")])
        .await
        .unwrap_err();
    assert_eq!(e.code, "ValidationError");
    assert_eq!(
        e.message,
        r"1 validation error detected: Value 'bad name' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w+=,.@-]+"
    );
    let long = "a".repeat(65);
    let e = iam(&f, &r, "CreateUser", &[("UserName", &long)])
        .await
        .unwrap_err();
    assert!(e
        .message
        .ends_with("Member must have length less than or equal to 64"));
    let e = iam(&f, &r, "CreateUser", &[("UserName", "x"), ("Path", "nope")])
        .await
        .unwrap_err();
    assert_eq!(e.code, "ValidationError");

    let e = iam(
        &f,
        &r,
        "CreatePolicy",
        &[("PolicyName", "p"), ("PolicyDocument", "{not json")],
    )
    .await
    .unwrap_err();
    assert_eq!((e.code, e.status), ("MalformedPolicyDocument", 400));
    let big = format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Action":"ecs:ListClusters","Resource":["{}"]}}]}}"#,
        vec!["arn:aws:ecs:us-east-1:123456789012:cluster/x"; 200].join("\",\"")
    );
    let e = iam(
        &f,
        &r,
        "CreatePolicy",
        &[("PolicyName", "p"), ("PolicyDocument", &big)],
    )
    .await
    .unwrap_err();
    assert_eq!(
        (e.code, e.status, e.message.as_str()),
        (
            "LimitExceeded",
            409,
            "Cannot exceed quota for PolicySize: 6144"
        )
    );
    // Nothing was created by the failed calls.
    let listed = iam(&f, &r, "ListPolicies", &[("Scope", "Local")])
        .await
        .unwrap();
    assert_eq!(listed["Policies"].as_array().unwrap().len(), 0);

    iam(&f, &r, "CreateUser", &[("UserName", "dev")])
        .await
        .unwrap();
    let e = iam(
        &f,
        &r,
        "AttachUserPolicy",
        &[
            ("UserName", "dev"),
            ("PolicyArn", "this-is-not-an-arn-at-all"),
        ],
    )
    .await
    .unwrap_err();
    assert_eq!(
        (e.code, e.message.as_str()),
        (
            "InvalidInput",
            "ARN this-is-not-an-arn-at-all is not valid."
        )
    );
    let e = iam(
        &f,
        &r,
        "AttachUserPolicy",
        &[
            ("UserName", "dev"),
            ("PolicyArn", "arn:aws:iam::123456789012:policy/missing"),
        ],
    )
    .await
    .unwrap_err();
    assert_eq!((e.code, e.status), ("NoSuchEntity", 404));
    let e = iam(&f, &r, "PutUserPolicy", &[("UserName", "dev"), ("PolicyName", "p"), ("PolicyDocument", r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualz":{"a":"b"}}}]}"#)]).await.unwrap_err();
    assert_eq!(e.code, "MalformedPolicyDocument");
    let e = iam(&f, &r, "AssumeRoleNope", &[]).await.unwrap_err();
    assert_eq!(e.code, "InvalidAction");
}

#[tokio::test]
async fn policy_versions_attachments_and_inline() {
    let f = fixture();
    let r = root();
    let p = iam(
        &f,
        &r,
        "CreatePolicy",
        &[("PolicyName", "ecs-dev"), ("PolicyDocument", ALLOW_ECS_DEV)],
    )
    .await
    .unwrap();
    let arn = p["Policy"]["Arn"].as_str().unwrap().to_string();
    assert_eq!(arn, "arn:aws:iam::123456789012:policy/ecs-dev");
    assert_eq!(p["Policy"]["DefaultVersionId"], "v1");
    for n in 2..=5 {
        let v = iam(
            &f,
            &r,
            "CreatePolicyVersion",
            &[
                ("PolicyArn", &arn),
                ("PolicyDocument", ALLOW_ECS_DEV),
                ("SetAsDefault", "true"),
            ],
        )
        .await
        .unwrap();
        assert_eq!(v["PolicyVersion"]["VersionId"], format!("v{n}"));
    }
    let e = iam(
        &f,
        &r,
        "CreatePolicyVersion",
        &[("PolicyArn", &arn), ("PolicyDocument", ALLOW_ECS_DEV)],
    )
    .await
    .unwrap_err();
    assert_eq!(e.code, "LimitExceeded");
    let got = iam(
        &f,
        &r,
        "GetPolicyVersion",
        &[("PolicyArn", &arn), ("VersionId", "v5")],
    )
    .await
    .unwrap();
    assert_eq!(got["PolicyVersion"]["IsDefaultVersion"], true);
    let doc = got["PolicyVersion"]["Document"].as_str().unwrap();
    assert_eq!(
        percent_encoding::percent_decode_str(doc)
            .decode_utf8()
            .unwrap(),
        ALLOW_ECS_DEV
    );

    iam(&f, &r, "CreateUser", &[("UserName", "dev")])
        .await
        .unwrap();
    iam(&f, &r, "CreateGroup", &[("GroupName", "devs")])
        .await
        .unwrap();
    iam(
        &f,
        &r,
        "AddUserToGroup",
        &[("GroupName", "devs"), ("UserName", "dev")],
    )
    .await
    .unwrap();
    iam(
        &f,
        &r,
        "AttachGroupPolicy",
        &[("GroupName", "devs"), ("PolicyArn", &arn)],
    )
    .await
    .unwrap();
    let pol = iam(&f, &r, "GetPolicy", &[("PolicyArn", &arn)])
        .await
        .unwrap();
    assert_eq!(pol["Policy"]["AttachmentCount"], 1);
    let e = iam(&f, &r, "DeletePolicy", &[("PolicyArn", &arn)])
        .await
        .unwrap_err();
    assert_eq!(e.code, "DeleteConflict");
    let group = iam(&f, &r, "GetGroup", &[("GroupName", "devs")])
        .await
        .unwrap();
    assert_eq!(group["Users"][0]["UserName"], "dev");

    iam(
        &f,
        &r,
        "PutUserPolicy",
        &[
            ("UserName", "dev"),
            ("PolicyName", "inline"),
            ("PolicyDocument", ALLOW_ECS_DEV),
        ],
    )
    .await
    .unwrap();
    let names = iam(&f, &r, "ListUserPolicies", &[("UserName", "dev")])
        .await
        .unwrap();
    assert_eq!(names["PolicyNames"], serde_json::json!(["inline"]));
    let user = f.iam.user("dev").await.unwrap().unwrap();
    assert_eq!(f.iam.user_documents(&user).await.unwrap().len(), 2);
    let sim = iam(
        &f,
        &r,
        "SimulatePrincipalPolicy",
        &[
            ("PolicySourceArn", "arn:aws:iam::123456789012:user/dev"),
            ("ActionNames.member.1", "ecs:CreateService"),
        ],
    )
    .await
    .unwrap();
    assert_eq!(sim["EvaluationResults"][0]["EvalDecision"], "implicitDeny");

    // Pagination: MaxItems/Marker.
    for n in ["a", "b", "c"] {
        iam(&f, &r, "CreateUser", &[("UserName", n)]).await.unwrap();
    }
    let page1 = iam(&f, &r, "ListUsers", &[("MaxItems", "2")])
        .await
        .unwrap();
    assert_eq!(page1["IsTruncated"], true);
    let marker = page1["Marker"].as_str().unwrap().to_string();
    let page2 = iam(
        &f,
        &r,
        "ListUsers",
        &[("MaxItems", "2"), ("Marker", &marker)],
    )
    .await
    .unwrap();
    let names: Vec<&str> = page1["Users"]
        .as_array()
        .unwrap()
        .iter()
        .chain(page2["Users"].as_array().unwrap())
        .map(|u| u["UserName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["a", "b", "c", "dev"]);
    assert_eq!(page2["IsTruncated"], false);
}

async fn user_with_policy(f: &Fixture, name: &str, doc: &str) -> Principal {
    let r = root();
    iam(f, &r, "CreateUser", &[("UserName", name)])
        .await
        .unwrap();
    iam(
        f,
        &r,
        "PutUserPolicy",
        &[
            ("UserName", name),
            ("PolicyName", "p"),
            ("PolicyDocument", doc),
        ],
    )
    .await
    .unwrap();
    let k = iam(f, &r, "CreateAccessKey", &[("UserName", name)])
        .await
        .unwrap();
    f.resolver
        .resolve(k["AccessKey"]["AccessKeyId"].as_str().unwrap())
        .await
        .unwrap()
        .principal
}

#[tokio::test]
async fn authorization_denies_with_the_aws_message() {
    let f = fixture();
    let dev = user_with_policy(&f, "dev", ALLOW_ECS_DEV).await;
    let authz = IamAuthorizer {
        iam: f.iam.clone(),
        tags: None,
    };
    let run = |cluster: &str| {
        let mut c = Context::new();
        c.set_one(
            "ecs:cluster",
            format!("arn:aws:ecs:us-east-1:123456789012:cluster/{cluster}"),
        );
        ActionRequest {
            action: "ecs:RunTask".into(),
            resources: vec!["arn:aws:ecs:us-east-1:123456789012:task-definition/web:1".into()],
            context: c,
        }
    };
    authz.check(&ctx(dev.clone()), &[run("dev")]).await.unwrap();
    let e = authz
        .check(&ctx(dev.clone()), &[run("prod")])
        .await
        .unwrap_err();
    assert_eq!((e.code, e.status), ("AccessDeniedException", 400));
    assert_eq!(e.message, "User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecs:RunTask on resource: arn:aws:ecs:us-east-1:123456789012:task-definition/web:1 because no identity-based policy allows the ecs:RunTask action");
    authz.check(&root(), &[run("prod")]).await.unwrap();

    let deny = user_with_policy(&f, "ops", r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"ecs:DeleteCluster","Resource":"*"}]}"#).await;
    let del = ActionRequest {
        action: "ecs:DeleteCluster".into(),
        resources: vec!["arn:aws:ecs:us-east-1:123456789012:cluster/dev".into()],
        context: Context::new(),
    };
    let e = authz.check(&ctx(deny.clone()), &[del]).await.unwrap_err();
    assert!(
        e.message
            .ends_with("with an explicit deny in an identity-based policy"),
        "{}",
        e.message
    );

    // IAM actions are authorized on the entity.
    let e = authz
        .authorize_iam(
            &ctx(dev.clone()),
            "CreateUser",
            &params(&[("UserName", "x")]),
        )
        .await
        .unwrap_err();
    assert!(
        e.message
            .contains("iam:CreateUser on resource: arn:aws:iam::123456789012:user/x"),
        "{}",
        e.message
    );
    authz
        .authorize_iam(&ctx(deny), "CreateUser", &params(&[("UserName", "x")]))
        .await
        .unwrap();

    assert!(f.iam.admin_exists().await.unwrap());
}

/// Signs an STS `GetCallerIdentity` POST at `at` with the given credentials.
fn signed(
    at: DateTime<chrono::Utc>,
    id: &str,
    secret: &str,
    token: Option<&str>,
) -> (http::request::Parts, bytes::Bytes) {
    crate::test_signing::Signing {
        key: id,
        secret,
        token,
        region: "us-east-1",
        service: "sts",
        at,
        headers: &[("content-type", "application/x-www-form-urlencoded")],
    }
    .sign(
        "http://localhost:8080/",
        b"Action=GetCallerIdentity&Version=2011-06-15",
    )
}

#[tokio::test]
async fn assume_role_trust_sessions_and_expiry() {
    let f = fixture();
    let r = root();
    let dev = user_with_policy(&f, "dev", ALLOW_ECS_DEV).await;
    let other = user_with_policy(&f, "other", r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#).await;
    let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/dev"},"Action":"sts:AssumeRole"}]}"#;
    let role = iam(
        &f,
        &r,
        "CreateRole",
        &[
            ("RoleName", "deployer"),
            ("AssumeRolePolicyDocument", trust),
        ],
    )
    .await
    .unwrap();
    let role_arn = role["Role"]["Arn"].as_str().unwrap().to_string();
    assert!(role["Role"]["RoleId"].as_str().unwrap().starts_with("AROA"));

    let assume = |p: Principal, secs: &'static str| {
        let role_arn = role_arn.clone();
        let iam = f.iam.clone();
        async move {
            iam.handle_sts(
                &ctx(p),
                "AssumeRole",
                &params(&[
                    ("RoleArn", &role_arn),
                    ("RoleSessionName", "s1"),
                    ("DurationSeconds", secs),
                ]),
            )
            .await
        }
    };
    let e = assume(other, "900").await.unwrap_err();
    assert_eq!(e.code, "AccessDenied");
    assert!(e
        .message
        .contains("sts:AssumeRole on resource: arn:aws:iam::123456789012:role/deployer"));
    let e = assume(dev.clone(), "7200").await.unwrap_err();
    assert_eq!(e.code, "ValidationError", "longer than MaxSessionDuration");
    let out = assume(dev.clone(), "900").await.unwrap();
    let c = &out["Credentials"];
    let (id, secret, token) = (
        c["AccessKeyId"].as_str().unwrap(),
        c["SecretAccessKey"].as_str().unwrap(),
        c["SessionToken"].as_str().unwrap(),
    );
    assert!(id.starts_with("ASIA") && id.len() == 20 && secret.len() == 40);
    assert_eq!(
        out["AssumedRoleUser"]["Arn"],
        "arn:aws:sts::123456789012:assumed-role/deployer/s1"
    );

    let key = f.resolver.resolve_session(id, Some(token)).await.unwrap();
    assert_eq!(key.secret_access_key, secret);
    assert_eq!(
        key.principal.arn,
        "arn:aws:sts::123456789012:assumed-role/deployer/s1"
    );
    assert_eq!(key.principal.role_name.as_deref(), Some("deployer"));
    assert!(f.resolver.resolve_session(id, None).await.is_none());
    let mut forged = token.to_string();
    forged.pop();
    forged.push(if token.ends_with('A') { 'B' } else { 'A' });
    assert!(f
        .resolver
        .resolve_session(id, Some(&forged))
        .await
        .is_none());

    // Through the real verifier: valid now, ExpiredToken after 900 s.
    let now = f.clock.now();
    let at = DateTime::from_timestamp(now as i64, 0).unwrap();
    let (parts, body) = signed(at, id, secret, Some(token));
    let p = authenticate(&parts, &body, "sts", "us-east-1", at, &f.resolver)
        .await
        .unwrap();
    assert_eq!(p.role_arn.as_deref(), Some(role_arn.as_str()));
    let later = DateTime::from_timestamp(now as i64 + 901, 0).unwrap();
    *f.clock.0.lock().unwrap() = now + 901.0;
    let (parts, body) = signed(later, id, secret, Some(token));
    let e = authenticate(&parts, &body, "sts", "us-east-1", later, &f.resolver)
        .await
        .unwrap_err();
    assert_eq!(
        (e.code, e.message.as_str()),
        ("ExpiredTokenException", crate::auth::MSG_EXPIRED_TOKEN)
    );

    // The session has the role's policies (none) and not the user's.
    let authz = IamAuthorizer {
        iam: f.iam.clone(),
        tags: None,
    };
    let list = ActionRequest {
        action: "ecs:ListClusters".into(),
        resources: vec!["*".into()],
        context: Context::new(),
    };
    assert!(authz
        .check(&ctx(key.principal.clone()), std::slice::from_ref(&list))
        .await
        .is_err());
    iam(&f, &r, "PutRolePolicy", &[("RoleName", "deployer"), ("PolicyName", "list"), ("PolicyDocument", r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:ListClusters","Resource":"*"}]}"#)]).await.unwrap();
    authz
        .check(&ctx(key.principal.clone()), &[list])
        .await
        .unwrap();

    // Deleting the role invalidates its sessions.
    iam(
        &f,
        &r,
        "DeleteRolePolicy",
        &[("RoleName", "deployer"), ("PolicyName", "list")],
    )
    .await
    .unwrap();
    iam(&f, &r, "DeleteRole", &[("RoleName", "deployer")])
        .await
        .unwrap();
    assert!(f.resolver.resolve_session(id, Some(token)).await.is_none());
}

#[tokio::test]
async fn platform_minted_task_role_credentials() {
    let f = fixture();
    let r = root();
    let tasks_trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    let user_trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}"#;
    iam(
        &f,
        &r,
        "CreateRole",
        &[
            ("RoleName", "task"),
            ("AssumeRolePolicyDocument", tasks_trust),
        ],
    )
    .await
    .unwrap();
    iam(
        &f,
        &r,
        "CreateRole",
        &[
            ("RoleName", "human"),
            ("AssumeRolePolicyDocument", user_trust),
        ],
    )
    .await
    .unwrap();
    let now = f.clock.now();
    let c = f
        .iam
        .mint_role_credentials(
            "arn:aws:iam::123456789012:role/task",
            "0123abcd",
            100_000,
            now,
        )
        .await
        .unwrap();
    assert_eq!(
        c.expiration,
        now.floor() + 3600.0,
        "clamped to MaxSessionDuration"
    );
    assert_eq!(
        c.assumed_role_arn,
        "arn:aws:sts::123456789012:assumed-role/task/0123abcd"
    );
    let key = f
        .resolver
        .resolve_session(&c.access_key_id, Some(&c.session_token))
        .await
        .unwrap();
    assert_eq!(key.secret_access_key, c.secret_access_key);
    let e = f
        .iam
        .mint_role_credentials("arn:aws:iam::123456789012:role/human", "x1", 900, now)
        .await
        .unwrap_err();
    assert_eq!(e.code, "AccessDenied");
    let e = f
        .iam
        .mint_role_credentials("arn:aws:iam::123456789012:role/none", "x1", 900, now)
        .await
        .unwrap_err();
    assert_eq!(e.code, "NoSuchEntity");
}

#[tokio::test]
async fn disable_root_needs_an_admin_and_then_refuses_root() {
    use crate::credentials::{CredentialSource, LoadedCredentials, RootCredentials};
    use crate::server::{Server, ServerError, ServerOptions};
    let store: Arc<dyn gantry_store::Store> = Arc::new(MemoryStore::new());
    let identity = ServerIdentity::new(ACCT, "us-east-1").unwrap();
    let root_creds = LoadedCredentials {
        credentials: RootCredentials {
            access_key_id: ROOT_KEY.into(),
            secret_access_key: ROOT_SECRET.into(),
        },
        source: CredentialSource::Environment,
    };
    let options = || ServerOptions {
        disable_root: true,
        ..ServerOptions::default()
    };
    let addr = "127.0.0.1:0".parse().unwrap();
    let refused = Server::start_with(
        addr,
        store.clone(),
        identity.clone(),
        &root_creds,
        options(),
    )
    .await;
    assert!(matches!(refused, Err(ServerError::NoAdmin)));

    // Create an administrator through the IAM service on the same store.
    let clock = Arc::new(ManualClock(Mutex::new(0.0)));
    let svc = IamService::new(
        Repo::new(store.clone()),
        identity.clone(),
        clock,
        Keys::generate(),
    );
    let r = root();
    svc.handle_iam(&r, "CreateUser", &params(&[("UserName", "admin")]))
        .await
        .unwrap();
    svc.handle_iam(
        &r,
        "AttachUserPolicy",
        &params(&[
            ("UserName", "admin"),
            ("PolicyArn", ADMINISTRATOR_ACCESS_ARN),
        ]),
    )
    .await
    .unwrap();
    let server = Server::start_with(addr, store, identity, &root_creds, options())
        .await
        .unwrap();
    server.stop().await.unwrap();
}

#[tokio::test]
async fn gantry_endpoints_are_authorized_as_gantry_actions() {
    use crate::http::Authorizer;
    let f = fixture();
    let authz = IamAuthorizer {
        iam: f.iam.clone(),
        tags: None,
    };
    let usage_only = user_with_policy(
        &f,
        "usage",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"gantry:GetUsage","Resource":"*"}]}"#,
    )
    .await;
    let null = serde_json::Value::Null;
    authz
        .authorize(&ctx(usage_only.clone()), "gantry", "GetUsage", &null)
        .await
        .unwrap();
    let e = authz
        .authorize(&ctx(usage_only), "gantry", "ReclaimSpotCapacity", &null)
        .await
        .unwrap_err();
    assert_eq!(e.code, "AccessDeniedException");
    assert_eq!(e.message, "User: arn:aws:iam::123456789012:user/usage is not authorized to perform: gantry:ReclaimSpotCapacity on resource: * because no identity-based policy allows the gantry:ReclaimSpotCapacity action");
    authz
        .authorize(&root(), "gantry", "GetEvents", &null)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_local_agent_gets_its_own_identity_and_key_file() {
    use crate::iam::local_agent;
    let f = fixture();
    let dir = tempfile::tempdir().unwrap();
    let (id, secret) = f.iam.local_agent_credentials(dir.path()).await.unwrap();
    let path = dir.path().join(local_agent::FILE);
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // The key resolves to the agent user, which is no administrator.
    let key = f.iam.access_key(&id).await.unwrap().unwrap();
    assert_eq!(key.user_name, local_agent::USER);
    assert!(!f.iam.admin_exists().await.unwrap());
    // Kept across starts; replaced once deactivated.
    let again = f.iam.local_agent_credentials(dir.path()).await.unwrap();
    assert_eq!(again, (id.clone(), secret.clone()));
    iam(
        &f,
        &root(),
        "UpdateAccessKey",
        &[
            ("UserName", local_agent::USER),
            ("AccessKeyId", &id),
            ("Status", "Inactive"),
        ],
    )
    .await
    .unwrap();
    let (id2, _) = f.iam.local_agent_credentials(dir.path()).await.unwrap();
    assert_ne!(id2, id);
    // Its policy allows the agent's calls and nothing else.
    let user = f.iam.user(local_agent::USER).await.unwrap().unwrap();
    let docs = crate::iam::parse_all(&f.iam.user_documents(&user).await.unwrap());
    let allowed = |action: &str| {
        gantry_iam_policy::evaluate(&docs, action, "*", &Context::new())
            == gantry_iam_policy::Decision::Allow
    };
    assert!(
        allowed("ecs:RegisterContainerInstance")
            && allowed("ecs:Poll")
            && allowed("logs:PutLogEvents")
    );
    assert!(!allowed("ecs:CreateCluster") && !allowed("iam:CreateUser") && !allowed("ecs:RunTask"));
}
