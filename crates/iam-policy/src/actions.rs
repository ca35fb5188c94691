//! ECS / CloudWatch Logs operation → the authorization requests it needs.
//!
//! One API call may need several checks: the operation's own action on every
//! resource it names (batch calls list many), `iam:PassRole` on roles it
//! hands to ECS, and `ecs:TagResource` when a create call carries tags.
//! Resource ARNs follow the Service Authorization Reference (SAR); bodies may
//! name resources by short name or ARN, both are normalised to full ARNs.
//! Actions the SAR lists without a resource type use `*` (only a policy
//! `Resource: "*"` grants them). Keys that need stored state
//! (`aws:ResourceTag/…`, task-definition roles) are the caller's to add.

use crate::eval::Context;
use serde_json::Value;

/// Partition, region and account used to build full ARNs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArnScope {
    /// e.g. `aws`.
    pub partition: String,
    /// e.g. `us-east-1`.
    pub region: String,
    /// 12-digit account ID.
    pub account_id: String,
}

/// One authorization check an operation needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionRequest {
    /// e.g. `ecs:RunTask`, `logs:PutLogEvents`, `iam:PassRole`.
    pub action: String,
    /// Resource ARNs (or `*`); every one must be allowed.
    pub resources: Vec<String>,
    /// Condition keys derived from the request body.
    pub context: Context,
}

/// `iam:PassedToService` for task and execution roles.
pub const ECS_TASKS_SERVICE: &str = "ecs-tasks.amazonaws.com";
/// `iam:PassedToService` for ECS service-linked/infrastructure roles.
pub const ECS_SERVICE: &str = "ecs.amazonaws.com";
/// `iam:PassedToService` for roles handed to CloudWatch Logs.
pub const LOGS_SERVICE: &str = "logs.amazonaws.com";

/// Every operation of the ECS model (`aws-models/ecs/service-2.json`).
pub const ECS_OPERATIONS: &[&str] = gantry_api_types::ecs::OPERATIONS;
/// Every operation of the CloudWatch Logs model (`aws-models/logs/service-2.json`).
pub const LOGS_OPERATIONS: &[&str] = gantry_api_types::logs::OPERATIONS;

// ---------------------------------------------------------------------------
// Body access and ARN building

struct Req<'a> {
    body: &'a Value,
    scope: &'a ArnScope,
}

fn str_at<'v>(v: &'v Value, field: &str) -> Option<&'v str> {
    v.get(field)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

fn strs_at<'v>(v: &'v Value, field: &str) -> Vec<&'v str> {
    v.get(field)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn bool_at(v: &Value, field: &str) -> Option<bool> {
    v.get(field).and_then(Value::as_bool)
}

fn num_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

impl Req<'_> {
    fn s(&self, field: &str) -> Option<&str> {
        str_at(self.body, field)
    }
    fn list(&self, field: &str) -> Vec<&str> {
        strs_at(self.body, field)
    }
    fn arn(&self, service: &str, resource: &str) -> String {
        let ArnScope {
            partition,
            region,
            account_id,
        } = self.scope;
        format!("arn:{partition}:{service}:{region}:{account_id}:{resource}")
    }
    fn ecs(&self, resource: &str) -> String {
        self.arn("ecs", resource)
    }

    /// Cluster name from a name or ARN; `default` when absent.
    fn cluster_name_of(&self, v: Option<&str>) -> String {
        match v {
            None => "default".to_string(),
            Some(s) if s.starts_with("arn:") => match s.split_once(":cluster/") {
                Some((_, name)) => name.to_string(),
                None => s.rsplit('/').next().unwrap_or(s).to_string(),
            },
            Some(s) => s.to_string(),
        }
    }
    fn cluster_field(&self, field: &str) -> String {
        self.cluster_name_of(self.s(field))
    }
    fn cluster_arn_of(&self, v: Option<&str>) -> String {
        match v {
            Some(s) if s.starts_with("arn:") => s.to_string(),
            other => self.ecs(&format!("cluster/{}", self.cluster_name_of(other))),
        }
    }
    /// The `cluster` member as a cluster ARN.
    fn cluster_arn(&self) -> String {
        self.cluster_arn_of(self.s("cluster"))
    }

    /// A cluster-scoped resource (`task`, `service`, `container-instance`)
    /// named by ID/name, `kind/id`, short ARN or long ARN → long ARN.
    fn scoped(&self, kind: &str, cluster: &str, v: &str) -> String {
        if v.starts_with("arn:") {
            // Long format is kept as given; the old short format
            // (`…:task/<id>`) gets the request's cluster inserted.
            let marker = format!(":{kind}/");
            return match v.split_once(&marker) {
                Some((prefix, rest)) if !rest.contains('/') => {
                    format!("{prefix}:{kind}/{cluster}/{rest}")
                }
                _ => v.to_string(),
            };
        }
        let rest = v
            .strip_prefix(kind)
            .and_then(|r| r.strip_prefix('/'))
            .unwrap_or(v);
        if rest.contains('/') {
            self.ecs(&format!("{kind}/{rest}"))
        } else {
            self.ecs(&format!("{kind}/{cluster}/{rest}"))
        }
    }

    /// `family`, `family:rev` or an ARN → task-definition ARN (`family:*`
    /// for a family-only reference). `kind` is `task-definition` or
    /// `daemon-task-definition`.
    fn taskdef(&self, kind: &str, v: &str) -> String {
        if v.starts_with("arn:") {
            return v.to_string();
        }
        if v.contains(':') {
            self.ecs(&format!("{kind}/{v}"))
        } else {
            self.ecs(&format!("{kind}/{v}:*"))
        }
    }

    /// A plain `kind/name` ECS resource (capacity provider, gateway).
    fn named(&self, kind: &str, v: &str) -> String {
        if v.starts_with("arn:") {
            v.to_string()
        } else {
            self.ecs(&format!("{kind}/{v}"))
        }
    }

    /// Role name or ARN → `arn:<partition>:iam::<account>:role/<name>`.
    fn role(&self, v: &str) -> String {
        if v.starts_with("arn:") {
            v.to_string()
        } else {
            let name = v.strip_prefix("role/").unwrap_or(v);
            format!(
                "arn:{}:iam::{}:role/{name}",
                self.scope.partition, self.scope.account_id
            )
        }
    }

    // Logs -----------------------------------------------------------------

    /// Log group name or ARN → the ARN IAM checks for group-level actions
    /// (`…:log-group:<name>:*`, like `LogGroup.arn`).
    fn log_group(&self, v: &str) -> String {
        format!("{}:*", self.log_group_bare(v))
    }
    fn log_group_bare(&self, v: &str) -> String {
        if v.starts_with("arn:") {
            v.strip_suffix(":*").unwrap_or(v).to_string()
        } else {
            self.arn("logs", &format!("log-group:{v}"))
        }
    }
    fn log_stream(&self, group: &str, stream: &str) -> String {
        format!("{}:log-stream:{stream}", self.log_group_bare(group))
    }
    fn logs_named(&self, kind: &str, v: &str) -> String {
        if v.starts_with("arn:") {
            v.to_string()
        } else {
            self.arn("logs", &format!("{kind}:{v}"))
        }
    }
    /// `logGroupName` or `logGroupIdentifier`.
    fn group_field(&self) -> Option<&str> {
        self.s("logGroupName")
            .or_else(|| self.s("logGroupIdentifier"))
    }
}

fn req(action: String, resources: Vec<String>, context: Context) -> ActionRequest {
    let resources = if resources.is_empty() {
        vec!["*".to_string()]
    } else {
        resources
    };
    ActionRequest {
        action,
        resources,
        context,
    }
}

/// `[{key, value}]` (ECS) or `{k: v}` (Logs) request tags → context keys
/// `aws:RequestTag/<k>` and `aws:TagKeys`.
fn tag_context(ctx: &mut Context, tags: Option<&Value>) -> bool {
    let mut pairs: Vec<(String, String)> = Vec::new();
    match tags {
        Some(Value::Array(a)) => {
            for t in a {
                if let Some(k) = str_at(t, "key") {
                    let v = t.get("value").and_then(Value::as_str).unwrap_or_default();
                    pairs.push((k.to_string(), v.to_string()));
                }
            }
        }
        Some(Value::Object(m)) => {
            for (k, v) in m {
                pairs.push((k.clone(), v.as_str().unwrap_or_default().to_string()));
            }
        }
        _ => {}
    }
    if pairs.is_empty() {
        return false;
    }
    for (k, v) in &pairs {
        ctx.set_one(&format!("aws:RequestTag/{k}"), v.clone());
    }
    ctx.set("aws:TagKeys", pairs.into_iter().map(|(k, _)| k).collect());
    true
}

fn pass_role(role_arn: String, service: &str) -> ActionRequest {
    let mut ctx = Context::new();
    ctx.set_one("iam:PassedToService", service);
    req("iam:PassRole".to_string(), vec![role_arn], ctx)
}

fn set_bool(ctx: &mut Context, key: &str, v: Option<bool>) {
    if let Some(b) = v {
        ctx.set_one(key, b.to_string());
    }
}

// ---------------------------------------------------------------------------
// ECS

/// The authorization requests of an ECS operation (`operation` as named in
/// the model, e.g. `RunTask`) with its JSON request body. The first request
/// is always the operation's own `ecs:<Op>` action. `Err` when the model has
/// no such operation.
pub fn ecs_requests(
    operation: &str,
    body: &Value,
    scope: &ArnScope,
) -> Result<Vec<ActionRequest>, String> {
    if !ECS_OPERATIONS.contains(&operation) {
        return Err(format!("Unknown ECS operation: {operation}"));
    }
    let r = Req { body, scope };
    let mut ctx = Context::new();
    let mut extra: Vec<ActionRequest> = Vec::new();
    // Resource of a created resource for the tag-on-create check.
    let mut created: Option<String> = None;
    let cluster = r.cluster_field("cluster");
    let cluster_arn = r.cluster_arn();
    let with_cluster = |ctx: &mut Context| {
        ctx.set_one("ecs:cluster", cluster_arn.clone());
    };
    let tasks = |field: &str| -> Vec<String> {
        r.list(field)
            .into_iter()
            .map(|t| r.scoped("task", &cluster, t))
            .collect()
    };
    let instances = |field: &str| -> Vec<String> {
        r.list(field)
            .into_iter()
            .map(|t| r.scoped("container-instance", &cluster, t))
            .collect()
    };
    let one = |v: Option<String>| v.into_iter().collect::<Vec<_>>();
    let capacity_providers = |strategy: Option<&Value>| -> Vec<String> {
        strategy
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|i| str_at(i, "capacityProvider"))
                    .map(|c| r.named("capacity-provider", c))
                    .collect()
            })
            .unwrap_or_default()
    };
    let ebs_roles = |extra: &mut Vec<ActionRequest>| {
        for v in body
            .get("volumeConfigurations")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some(role) = v.get("managedEBSVolume").and_then(|m| str_at(m, "roleArn")) {
                extra.push(pass_role(r.role(role), ECS_SERVICE));
            }
        }
    };
    let has_ebs = || {
        body.get("volumeConfigurations")
            .and_then(Value::as_array)
            .is_some_and(|a| a.iter().any(|v| v.get("managedEBSVolume").is_some()))
    };

    let resources: Vec<String> = match operation {
        // -- clusters
        "CreateCluster" => {
            let arn = r.cluster_arn_of(r.s("clusterName"));
            let cps: Vec<String> = r
                .list("capacityProviders")
                .into_iter()
                .map(|c| r.named("capacity-provider", c))
                .collect();
            if !cps.is_empty() {
                ctx.set("ecs:capacity-provider", cps);
            }
            created = Some(arn.clone());
            vec![arn]
        }
        "DescribeClusters" => {
            let list = r.list("clusters");
            if list.is_empty() {
                vec![r.cluster_arn_of(None)]
            } else {
                list.into_iter()
                    .map(|c| r.cluster_arn_of(Some(c)))
                    .collect()
            }
        }
        "PutClusterCapacityProviders" => {
            let mut cps: Vec<String> = r
                .list("capacityProviders")
                .into_iter()
                .map(|c| r.named("capacity-provider", c))
                .collect();
            for c in capacity_providers(body.get("defaultCapacityProviderStrategy")) {
                if !cps.contains(&c) {
                    cps.push(c);
                }
            }
            if !cps.is_empty() {
                ctx.set("ecs:capacity-provider", cps);
            }
            vec![cluster_arn.clone()]
        }
        "DeleteCluster"
        | "UpdateCluster"
        | "UpdateClusterSettings"
        | "ListContainerInstances"
        | "ListAttributes"
        | "DeregisterContainerInstance"
        | "SubmitTaskStateChange"
        | "SubmitContainerStateChange"
        | "SubmitAttachmentStateChanges" => vec![cluster_arn.clone()],
        "RegisterContainerInstance" => {
            created = Some(r.ecs(&format!("container-instance/{cluster}/*")));
            vec![cluster_arn.clone()]
        }
        "AssociateGatewayWithCluster" | "DisassociateGatewayFromCluster" => {
            let mut v = vec![cluster_arn.clone()];
            v.extend(r.s("gateway").map(|g| r.named("gateway", g)));
            v
        }

        // -- account-wide, no resource-level permissions
        "ListClusters"
        | "ListTaskDefinitions"
        | "ListTaskDefinitionFamilies"
        | "DescribeTaskDefinition"
        | "DeregisterTaskDefinition"
        | "DiscoverPollEndpoint"
        | "ListAccountSettings"
        | "ListServicesByNamespace"
        | "ListDaemonTaskDefinitions"
        | "ListGateways"
        | "ListGatewayClusterAssociations"
        | "ListGatewayRoutes" => vec![],
        "PutAccountSetting" | "PutAccountSettingDefault" | "DeleteAccountSetting" => {
            if let Some(n) = r.s("name") {
                ctx.set_one("ecs:account-setting", n);
            }
            vec![]
        }
        "ListServices" => {
            with_cluster(&mut ctx);
            vec![]
        }
        "ListTasks" => {
            with_cluster(&mut ctx);
            if let Some(ci) = r.s("containerInstance") {
                ctx.set(
                    "ecs:container-instances",
                    vec![r.scoped("container-instance", &cluster, ci)],
                );
            }
            vec![]
        }
        "ListDaemons" => {
            if let Some(c) = r.s("clusterArn") {
                ctx.set_one("ecs:cluster", r.cluster_arn_of(Some(c)));
            }
            vec![]
        }

        // -- task definitions
        "RegisterTaskDefinition" | "RegisterDaemonTaskDefinition" => {
            let kind = if operation == "RegisterTaskDefinition" {
                "task-definition"
            } else {
                "daemon-task-definition"
            };
            let family = r.s("family").unwrap_or("*");
            let arn = r.ecs(&format!("{kind}/{family}:*"));
            for role in ["taskRoleArn", "executionRoleArn"] {
                if let Some(v) = r.s(role) {
                    extra.push(pass_role(r.role(v), ECS_TASKS_SERVICE));
                }
            }
            if let Some(cpu) = body.get("cpu").and_then(num_text) {
                ctx.set_one("ecs:task-cpu", cpu);
            }
            if let Some(mem) = body.get("memory").and_then(num_text) {
                ctx.set_one("ecs:task-memory", mem);
            }
            let compat = r.list("requiresCompatibilities");
            if !compat.is_empty() {
                ctx.set(
                    "ecs:compute-compatibility",
                    compat.into_iter().map(str::to_string).collect(),
                );
            }
            let privileged = body
                .get("containerDefinitions")
                .and_then(Value::as_array)
                .is_some_and(|a| a.iter().any(|c| bool_at(c, "privileged") == Some(true)));
            ctx.set_one("ecs:privileged", privileged.to_string());
            created = Some(arn.clone());
            vec![arn]
        }
        "DeleteTaskDefinitions" => r
            .list("taskDefinitions")
            .into_iter()
            .map(|t| r.taskdef("task-definition", t))
            .collect(),
        "DescribeDaemonTaskDefinition" | "DeleteDaemonTaskDefinition" => one(r
            .s("daemonTaskDefinition")
            .map(|t| r.taskdef("daemon-task-definition", t))),

        // -- tasks
        "RunTask" | "StartTask" => {
            with_cluster(&mut ctx);
            let cps = capacity_providers(body.get("capacityProviderStrategy"));
            if !cps.is_empty() {
                ctx.set("ecs:capacity-provider", cps);
            }
            if operation == "StartTask" {
                let cis = instances("containerInstances");
                if !cis.is_empty() {
                    ctx.set("ecs:container-instances", cis);
                }
            }
            set_bool(
                &mut ctx,
                "ecs:enable-execute-command",
                bool_at(body, "enableExecuteCommand"),
            );
            set_bool(
                &mut ctx,
                "ecs:enable-ecs-managed-tags",
                bool_at(body, "enableECSManagedTags"),
            );
            if let Some(p) = r.s("propagateTags") {
                ctx.set_one("ecs:propagate-tags", p);
            }
            if has_ebs() {
                ctx.set_one("ecs:enable-ebs-volumes", "true");
            }
            if let Some(o) = body.get("overrides") {
                for role in ["taskRoleArn", "executionRoleArn"] {
                    if let Some(v) = str_at(o, role) {
                        extra.push(pass_role(r.role(v), ECS_TASKS_SERVICE));
                    }
                }
                if let Some(cpu) = o.get("cpu").and_then(num_text) {
                    ctx.set_one("ecs:task-cpu", cpu);
                }
                if let Some(mem) = o.get("memory").and_then(num_text) {
                    ctx.set_one("ecs:task-memory", mem);
                }
            }
            ebs_roles(&mut extra);
            created = Some(r.ecs(&format!("task/{cluster}/*")));
            one(r
                .s("taskDefinition")
                .map(|t| r.taskdef("task-definition", t)))
        }
        "StopTask" => {
            with_cluster(&mut ctx);
            one(r.s("task").map(|t| r.scoped("task", &cluster, t)))
        }
        "DescribeTasks" | "UpdateTaskProtection" => {
            with_cluster(&mut ctx);
            tasks("tasks")
        }
        "GetTaskProtection" => {
            with_cluster(&mut ctx);
            let t = tasks("tasks");
            if t.is_empty() {
                vec![r.ecs(&format!("task/{cluster}/*"))]
            } else {
                t
            }
        }
        "ExecuteCommand" => {
            with_cluster(&mut ctx);
            let task = r.s("task").map(|t| r.scoped("task", &cluster, t));
            if let Some(t) = &task {
                ctx.set_one("ecs:task", t.clone());
            }
            if let Some(c) = r.s("container") {
                ctx.set_one("ecs:container-name", c);
            }
            let mut v = vec![cluster_arn.clone()];
            v.extend(task);
            v
        }

        // -- services
        "CreateService" | "UpdateService" => {
            with_cluster(&mut ctx);
            let name_field = if operation == "CreateService" {
                "serviceName"
            } else {
                "service"
            };
            let svc = r.s(name_field).map(|s| r.scoped("service", &cluster, s));
            if let Some(td) = r.s("taskDefinition") {
                ctx.set_one("ecs:task-definition", r.taskdef("task-definition", td));
            }
            let cps = capacity_providers(body.get("capacityProviderStrategy"));
            if !cps.is_empty() {
                ctx.set("ecs:capacity-provider", cps);
            }
            if let Some(vpc) = body
                .get("networkConfiguration")
                .and_then(|n| n.get("awsvpcConfiguration"))
            {
                let subnets = strs_at(vpc, "subnets");
                if !subnets.is_empty() {
                    ctx.set(
                        "ecs:subnet",
                        subnets.into_iter().map(str::to_string).collect(),
                    );
                }
                if let Some(p) = str_at(vpc, "assignPublicIp") {
                    ctx.set_one("ecs:auto-assign-public-ip", (p == "ENABLED").to_string());
                }
            }
            set_bool(
                &mut ctx,
                "ecs:enable-execute-command",
                bool_at(body, "enableExecuteCommand"),
            );
            set_bool(
                &mut ctx,
                "ecs:enable-ecs-managed-tags",
                bool_at(body, "enableECSManagedTags"),
            );
            if let Some(p) = r.s("propagateTags") {
                ctx.set_one("ecs:propagate-tags", p);
            }
            if let Some(sc) = body.get("serviceConnectConfiguration") {
                set_bool(
                    &mut ctx,
                    "ecs:enable-service-connect",
                    bool_at(sc, "enabled"),
                );
                if let Some(ns) = str_at(sc, "namespace") {
                    ctx.set_one("ecs:namespace", ns);
                }
            }
            if has_ebs() {
                ctx.set_one("ecs:enable-ebs-volumes", "true");
            }
            if let Some(role) = r.s("role") {
                extra.push(pass_role(r.role(role), ECS_SERVICE));
            }
            ebs_roles(&mut extra);
            if operation == "CreateService" {
                created = svc.clone();
            }
            one(svc)
        }
        "DeleteService" | "ListServiceDeployments" => {
            with_cluster(&mut ctx);
            one(r.s("service").map(|s| r.scoped("service", &cluster, s)))
        }
        "DescribeServices" => {
            with_cluster(&mut ctx);
            r.list("services")
                .into_iter()
                .map(|s| r.scoped("service", &cluster, s))
                .collect()
        }
        "DescribeServiceDeployments" => r
            .list("serviceDeploymentArns")
            .into_iter()
            .map(str::to_string)
            .collect(),
        "DescribeServiceRevisions" => r
            .list("serviceRevisionArns")
            .into_iter()
            .map(str::to_string)
            .collect(),
        "StopServiceDeployment" | "ContinueServiceDeployment" => {
            one(r.s("serviceDeploymentArn").map(str::to_string))
        }

        // -- task sets (cluster and service are required members)
        "CreateTaskSet" | "DescribeTaskSets" | "UpdateServicePrimaryTaskSet" => {
            with_cluster(&mut ctx);
            let svc_name = r
                .s("service")
                .map(|s| {
                    r.scoped("service", &cluster, s)
                        .rsplit('/')
                        .next()
                        .unwrap_or_default()
                        .to_string()
                })
                .unwrap_or_else(|| "*".to_string());
            if operation == "CreateTaskSet" {
                if let Some(td) = r.s("taskDefinition") {
                    ctx.set_one("ecs:task-definition", r.taskdef("task-definition", td));
                }
                let arn = r.ecs(&format!("task-set/{cluster}/{svc_name}/*"));
                created = Some(arn.clone());
                vec![arn]
            } else {
                vec![r.ecs(&format!("service/{cluster}/{svc_name}"))]
            }
        }
        "DeleteTaskSet" | "UpdateTaskSet" => {
            with_cluster(&mut ctx);
            let svc_name = r
                .s("service")
                .map(|s| {
                    r.scoped("service", &cluster, s)
                        .rsplit('/')
                        .next()
                        .unwrap_or_default()
                        .to_string()
                })
                .unwrap_or_else(|| "*".to_string());
            one(r.s("taskSet").map(|ts| {
                if ts.starts_with("arn:") {
                    ts.to_string()
                } else {
                    r.ecs(&format!("task-set/{cluster}/{svc_name}/{ts}"))
                }
            }))
        }

        // -- container instances
        "DescribeContainerInstances" | "UpdateContainerInstancesState" => {
            with_cluster(&mut ctx);
            instances("containerInstances")
        }
        "UpdateContainerAgent" => {
            with_cluster(&mut ctx);
            one(r
                .s("containerInstance")
                .map(|c| r.scoped("container-instance", &cluster, c)))
        }
        "PutAttributes" | "DeleteAttributes" => {
            with_cluster(&mut ctx);
            let mut v: Vec<String> = Vec::new();
            for a in body
                .get("attributes")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let target = match str_at(a, "targetId") {
                    Some(t) => r.scoped("container-instance", &cluster, t),
                    None => cluster_arn.clone(),
                };
                if !v.contains(&target) {
                    v.push(target);
                }
            }
            if v.is_empty() {
                v.push(cluster_arn.clone());
            }
            v
        }

        // -- capacity providers
        "CreateCapacityProvider" | "UpdateCapacityProvider" => {
            let arn = r.s("name").map(|n| r.named("capacity-provider", n));
            if let Some(role) = body
                .get("managedInstancesProvider")
                .and_then(|m| str_at(m, "infrastructureRoleArn"))
            {
                extra.push(pass_role(r.role(role), ECS_SERVICE));
            }
            if operation == "CreateCapacityProvider" {
                created = arn.clone();
            }
            one(arn)
        }
        "DeleteCapacityProvider" => one(r
            .s("capacityProvider")
            .map(|n| r.named("capacity-provider", n))),
        "DescribeCapacityProviders" => r
            .list("capacityProviders")
            .into_iter()
            .map(|n| r.named("capacity-provider", n))
            .collect(),

        // -- tags
        "TagResource" | "UntagResource" | "ListTagsForResource" => {
            if operation == "UntagResource" {
                let keys = r.list("tagKeys");
                if !keys.is_empty() {
                    ctx.set(
                        "aws:TagKeys",
                        keys.into_iter().map(str::to_string).collect(),
                    );
                }
            }
            one(r.s("resourceArn").map(str::to_string))
        }

        // -- daemons
        "CreateDaemon" => {
            let c = r.cluster_field("clusterArn");
            let c_arn = r.cluster_arn_of(r.s("clusterArn"));
            ctx.set_one("ecs:cluster", c_arn);
            if let Some(td) = r.s("daemonTaskDefinitionArn") {
                ctx.set_one(
                    "ecs:daemon-task-definition",
                    r.taskdef("daemon-task-definition", td),
                );
            }
            let cps: Vec<String> = r
                .list("capacityProviderArns")
                .into_iter()
                .map(|n| r.named("capacity-provider", n))
                .collect();
            if !cps.is_empty() {
                ctx.set("ecs:capacity-provider", cps);
            }
            let arn = r.s("daemonName").map(|n| r.ecs(&format!("daemon/{c}/{n}")));
            created = arn.clone();
            one(arn)
        }
        "UpdateDaemon" | "DeleteDaemon" | "DescribeDaemon" | "ListDaemonDeployments" => {
            if let Some(td) = r.s("daemonTaskDefinitionArn") {
                ctx.set_one(
                    "ecs:daemon-task-definition",
                    r.taskdef("daemon-task-definition", td),
                );
            }
            one(r.s("daemonArn").map(str::to_string))
        }
        "DescribeDaemonDeployments" => r
            .list("daemonDeploymentArns")
            .into_iter()
            .map(str::to_string)
            .collect(),
        "DescribeDaemonRevisions" => r
            .list("daemonRevisionArns")
            .into_iter()
            .map(str::to_string)
            .collect(),

        // -- Express gateway services and gateways
        "CreateExpressGatewayService" => {
            with_cluster(&mut ctx);
            for role in ["taskRoleArn", "executionRoleArn"] {
                if let Some(v) = r.s(role) {
                    extra.push(pass_role(r.role(v), ECS_TASKS_SERVICE));
                }
            }
            if let Some(v) = r.s("infrastructureRoleArn") {
                extra.push(pass_role(r.role(v), ECS_SERVICE));
            }
            let arn = r.ecs(&format!(
                "service/{cluster}/{}",
                r.s("serviceName").unwrap_or("*")
            ));
            created = Some(arn.clone());
            vec![arn]
        }
        "UpdateExpressGatewayService" => {
            for role in ["taskRoleArn", "executionRoleArn"] {
                if let Some(v) = r.s(role) {
                    extra.push(pass_role(r.role(v), ECS_TASKS_SERVICE));
                }
            }
            one(r.s("serviceArn").map(str::to_string))
        }
        "DescribeExpressGatewayService" | "DeleteExpressGatewayService" => {
            one(r.s("serviceArn").map(str::to_string))
        }
        "CreateGateway" | "UpdateGateway" => {
            let field = if operation == "CreateGateway" {
                "name"
            } else {
                "gateway"
            };
            if let Some(v) = r.s("infrastructureRoleArn") {
                extra.push(pass_role(r.role(v), ECS_SERVICE));
            }
            let arn = r.s(field).map(|g| r.named("gateway", g));
            if operation == "CreateGateway" {
                created = arn.clone();
            }
            one(arn)
        }
        "DeleteGateway" | "DescribeGateway" | "DescribeGatewayResources" => {
            one(r.s("gateway").map(|g| r.named("gateway", g)))
        }
        "DescribeGatewayRoute" => one(r.s("gatewayRouteArn").map(str::to_string)),

        other => return Err(format!("Unmapped ECS operation: {other}")),
    };

    // Request tags: on TagResource itself, and on creates (plus the
    // tag-on-create `ecs:TagResource` check with `ecs:CreateAction`).
    let mut tag_ctx = Context::new();
    let tagged = tag_context(&mut tag_ctx, body.get("tags"));
    if tagged {
        ctx = ctx.merged(&tag_ctx);
    }
    let mut out = vec![req(format!("ecs:{operation}"), resources, ctx)];
    if tagged && operation != "TagResource" {
        if let Some(arn) = created {
            let mut c = tag_ctx;
            c.set_one("ecs:CreateAction", operation);
            out.push(req("ecs:TagResource".to_string(), vec![arn], c));
        }
    }
    out.extend(extra);
    Ok(out)
}

// ---------------------------------------------------------------------------
// CloudWatch Logs

/// The authorization requests of a CloudWatch Logs operation (`operation` as
/// named in the model, e.g. `PutLogEvents`) with its JSON request body.
/// Group-level actions are checked on `…:log-group:<name>:*`, stream-level
/// ones on `…:log-group:<name>:log-stream:<stream>`. `Err` when the model
/// has no such operation.
pub fn logs_requests(
    operation: &str,
    body: &Value,
    scope: &ArnScope,
) -> Result<Vec<ActionRequest>, String> {
    if !LOGS_OPERATIONS.contains(&operation) {
        return Err(format!("Unknown CloudWatch Logs operation: {operation}"));
    }
    let r = Req { body, scope };
    let mut ctx = Context::new();
    let mut extra: Vec<ActionRequest> = Vec::new();
    let one = |v: Option<String>| v.into_iter().collect::<Vec<_>>();
    let group = |v: Option<&str>| one(v.map(|g| r.log_group(g)));
    let groups = |field: &str| -> Vec<String> {
        r.list(field).into_iter().map(|g| r.log_group(g)).collect()
    };
    let role = |field: &str, extra: &mut Vec<ActionRequest>| {
        if let Some(v) = r.s(field) {
            extra.push(pass_role(r.role(v), LOGS_SERVICE));
        }
    };

    let resources: Vec<String> = match operation {
        // -- log groups
        "CreateLogGroup"
        | "DeleteLogGroup"
        | "PutRetentionPolicy"
        | "DeleteRetentionPolicy"
        | "DeleteMetricFilter"
        | "PutMetricFilter"
        | "DescribeSubscriptionFilters"
        | "DeleteSubscriptionFilter"
        | "ListTagsLogGroup"
        | "CreateExportTask" => group(r.s("logGroupName")),
        "TagLogGroup" => {
            tag_context(&mut ctx, body.get("tags"));
            group(r.s("logGroupName"))
        }
        "UntagLogGroup" => {
            let keys = r.list("tags");
            if !keys.is_empty() {
                ctx.set(
                    "aws:TagKeys",
                    keys.into_iter().map(str::to_string).collect(),
                );
            }
            group(r.s("logGroupName"))
        }
        "PutSubscriptionFilter" => {
            role("roleArn", &mut extra);
            group(r.s("logGroupName"))
        }
        "AssociateKmsKey" | "DisassociateKmsKey" => {
            let g = group(r.s("logGroupName"));
            if g.is_empty() {
                one(r.s("resourceIdentifier").map(str::to_string))
            } else {
                g
            }
        }
        "DescribeLogStreams" | "FilterLogEvents" | "GetLogGroupFields" => group(r.group_field()),
        "DescribeMetricFilters" | "DescribeQueries" => group(r.s("logGroupName")),
        "DeleteDataProtectionPolicy"
        | "GetDataProtectionPolicy"
        | "PutDataProtectionPolicy"
        | "DeleteIndexPolicy"
        | "PutIndexPolicy"
        | "DeleteTransformer"
        | "GetTransformer"
        | "PutTransformer"
        | "PutBearerTokenAuthentication"
        | "PutLogGroupDeletionProtection"
        | "DeleteSyslogConfiguration"
        | "PutSyslogConfiguration"
        | "ListSyslogConfigurations" => group(r.s("logGroupIdentifier")),
        "DescribeFieldIndexes" | "DescribeIndexPolicies" | "StartLiveTail" => {
            groups("logGroupIdentifiers")
        }
        "StartQuery" => {
            let mut v = group(r.s("logGroupName"));
            v.extend(groups("logGroupNames"));
            v.extend(groups("logGroupIdentifiers"));
            v
        }
        "CreateLogAnomalyDetector" => groups("logGroupArnList"),
        "ListLogAnomalyDetectors" => group(r.s("filterLogGroupArn")),

        // -- log streams
        "CreateLogStream" | "DeleteLogStream" | "PutLogEvents" | "GetLogEvents" => {
            match (r.group_field(), r.s("logStreamName")) {
                (Some(g), Some(s)) => vec![r.log_stream(g, s)],
                (Some(g), None) => vec![r.log_group(g)],
                _ => vec![],
            }
        }

        // -- generic tagging
        "TagResource" | "ListTagsForResource" => {
            if operation == "TagResource" {
                tag_context(&mut ctx, body.get("tags"));
            }
            one(r.s("resourceArn").map(|a| {
                if a.contains(":log-group:") {
                    r.log_group(a)
                } else {
                    a.to_string()
                }
            }))
        }
        "UntagResource" => {
            let keys = r.list("tagKeys");
            if !keys.is_empty() {
                ctx.set(
                    "aws:TagKeys",
                    keys.into_iter().map(str::to_string).collect(),
                );
            }
            one(r.s("resourceArn").map(|a| {
                if a.contains(":log-group:") {
                    r.log_group(a)
                } else {
                    a.to_string()
                }
            }))
        }

        // -- named Logs resources
        "PutDestination" => {
            role("roleArn", &mut extra);
            tag_context(&mut ctx, body.get("tags"));
            one(r
                .s("destinationName")
                .map(|n| r.logs_named("destination", n)))
        }
        "PutDestinationPolicy" | "DeleteDestination" => one(r
            .s("destinationName")
            .map(|n| r.logs_named("destination", n))),
        "PutDeliverySource" => {
            tag_context(&mut ctx, body.get("tags"));
            one(r.s("name").map(|n| r.logs_named("delivery-source", n)))
        }
        "GetDeliverySource" | "DeleteDeliverySource" => {
            one(r.s("name").map(|n| r.logs_named("delivery-source", n)))
        }
        "PutDeliveryDestination" => {
            role("roleArn", &mut extra);
            tag_context(&mut ctx, body.get("tags"));
            one(r.s("name").map(|n| r.logs_named("delivery-destination", n)))
        }
        "GetDeliveryDestination" | "DeleteDeliveryDestination" => {
            one(r.s("name").map(|n| r.logs_named("delivery-destination", n)))
        }
        "PutDeliveryDestinationPolicy"
        | "GetDeliveryDestinationPolicy"
        | "DeleteDeliveryDestinationPolicy" => one(r
            .s("deliveryDestinationName")
            .map(|n| r.logs_named("delivery-destination", n))),
        "CreateDelivery" => {
            tag_context(&mut ctx, body.get("tags"));
            let mut v = one(r
                .s("deliverySourceName")
                .map(|n| r.logs_named("delivery-source", n)));
            v.extend(r.s("deliveryDestinationArn").map(str::to_string));
            v
        }
        "GetDelivery" | "DeleteDelivery" | "UpdateDeliveryConfiguration" => {
            one(r.s("id").map(|n| r.logs_named("delivery", n)))
        }
        "GetLogAnomalyDetector"
        | "DeleteLogAnomalyDetector"
        | "UpdateLogAnomalyDetector"
        | "UpdateAnomaly"
        | "ListAnomalies" => one(r.s("anomalyDetectorArn").map(str::to_string)),
        "CreateLookupTable" => {
            tag_context(&mut ctx, body.get("tags"));
            one(r
                .s("lookupTableName")
                .map(|n| r.logs_named("lookup-table", n)))
        }
        "GetLookupTable" | "DeleteLookupTable" | "UpdateLookupTable" => {
            one(r.s("lookupTableArn").map(str::to_string))
        }
        "CreateScheduledQuery" => {
            role("executionRoleArn", &mut extra);
            tag_context(&mut ctx, body.get("tags"));
            one(r.s("name").map(|n| r.logs_named("scheduled-query", n)))
        }
        "UpdateScheduledQuery" => {
            role("executionRoleArn", &mut extra);
            one(r
                .s("identifier")
                .map(|n| r.logs_named("scheduled-query", n)))
        }
        "GetScheduledQuery" | "DeleteScheduledQuery" | "GetScheduledQueryHistory" => one(r
            .s("identifier")
            .map(|n| r.logs_named("scheduled-query", n))),
        "PutIntegration" | "GetIntegration" | "DeleteIntegration" => one(r
            .s("integrationName")
            .map(|n| r.logs_named("integration", n))),
        "AssociateSourceToS3TableIntegration" | "ListSourcesForS3TableIntegration" => {
            one(r.s("integrationArn").map(str::to_string))
        }
        "CreateImportTask" => {
            role("importRoleArn", &mut extra);
            vec![]
        }

        // -- no resource-level permissions
        "CancelExportTask"
        | "CancelImportTask"
        | "DeleteAccountPolicy"
        | "DeleteQueryDefinition"
        | "DeleteResourcePolicy"
        | "DescribeAccountPolicies"
        | "DescribeConfigurationTemplates"
        | "DescribeDeliveries"
        | "DescribeDeliveryDestinations"
        | "DescribeDeliverySources"
        | "DescribeDestinations"
        | "DescribeExportTasks"
        | "DescribeImportTaskBatches"
        | "DescribeImportTasks"
        | "DescribeLogGroups"
        | "DescribeLookupTables"
        | "DescribeQueryDefinitions"
        | "DescribeResourcePolicies"
        | "DisassociateSourceFromS3TableIntegration"
        | "GetLogFields"
        | "GetLogObject"
        | "GetLogRecord"
        | "GetQueryResults"
        | "GetStorageTierPolicy"
        | "ListAggregateLogGroupSummaries"
        | "ListIntegrations"
        | "ListLogGroups"
        | "ListLogGroupsForQuery"
        | "ListScheduledQueries"
        | "PutAccountPolicy"
        | "PutQueryDefinition"
        | "PutResourcePolicy"
        | "PutStorageTierPolicy"
        | "StopQuery"
        | "TestMetricFilter"
        | "TestTransformer" => vec![],

        other => return Err(format!("Unmapped CloudWatch Logs operation: {other}")),
    };

    if operation == "CreateLogGroup" {
        tag_context(&mut ctx, body.get("tags"));
    }
    let mut out = vec![req(format!("logs:{operation}"), resources, ctx)];
    out.extend(extra);
    Ok(out)
}
