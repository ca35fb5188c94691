//! ECS ARNs (long format) and identifier inputs.
//!
//! Builders produce `arn:aws:ecs:<region>:<account>:<resource>`; parsers
//! accept what the API accepts for identifier parameters: a bare name or ID,
//! a long-format ARN, and (for tasks, container instances and services) the
//! old short format without the cluster segment.

use thiserror::Error;

/// The account and region this control plane answers for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partition {
    pub account_id: String,
    pub region: String,
}

/// Why an identifier or ARN was rejected.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ArnError {
    #[error("'{input}' is not a valid ECS ARN")]
    NotAnArn { input: String },
    #[error("ARN '{input}' is for resource type '{found}', expected '{expected}'")]
    WrongResource {
        input: String,
        expected: &'static str,
        found: String,
    },
    #[error("'{input}' is not a valid {what}")]
    Invalid { input: String, what: &'static str },
}

/// A parsed long- or short-format ECS ARN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedArn<'a> {
    pub region: &'a str,
    pub account_id: &'a str,
    /// e.g. `task`, `cluster`, `task-definition`.
    pub resource_type: &'a str,
    /// Everything after `<resource_type>/`.
    pub resource: &'a str,
}

impl Partition {
    pub fn new(account_id: impl Into<String>, region: impl Into<String>) -> Self {
        Partition {
            account_id: account_id.into(),
            region: region.into(),
        }
    }

    fn arn(&self, resource: &str) -> String {
        format!("arn:aws:ecs:{}:{}:{resource}", self.region, self.account_id)
    }

    pub fn cluster_arn(&self, cluster: &str) -> String {
        self.arn(&format!("cluster/{cluster}"))
    }
    pub fn task_definition_arn(&self, family: &str, revision: i32) -> String {
        self.arn(&format!("task-definition/{family}:{revision}"))
    }
    pub fn task_arn(&self, cluster: &str, task_id: &str) -> String {
        self.arn(&format!("task/{cluster}/{task_id}"))
    }
    pub fn container_instance_arn(&self, cluster: &str, id: &str) -> String {
        self.arn(&format!("container-instance/{cluster}/{id}"))
    }
    pub fn container_arn(&self, cluster: &str, task_id: &str, container_id: &str) -> String {
        self.arn(&format!("container/{cluster}/{task_id}/{container_id}"))
    }
    pub fn service_arn(&self, cluster: &str, service: &str) -> String {
        self.arn(&format!("service/{cluster}/{service}"))
    }
    pub fn capacity_provider_arn(&self, name: &str) -> String {
        self.arn(&format!("capacity-provider/{name}"))
    }
    pub fn task_set_arn(&self, cluster: &str, service: &str, task_set_id: &str) -> String {
        self.arn(&format!("task-set/{cluster}/{service}/{task_set_id}"))
    }
}

/// Formats 128 random bits as a 32-char lowercase hex ID (task, container
/// instance). The caller supplies the randomness (e.g. `uuid::Uuid::as_u128`).
pub fn new_id(bits: u128) -> String {
    format!("{bits:032x}")
}

/// True for a new-style ID (32 lowercase hex) or an old-style 36-char UUID.
pub fn is_id(s: &str) -> bool {
    let hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
    (s.len() == 32 && s.chars().all(hex))
        || (s.len() == 36
            && s.char_indices().all(|(i, c)| {
                if matches!(i, 8 | 13 | 18 | 23) {
                    c == '-'
                } else {
                    hex(c)
                }
            }))
}

/// Splits an ECS ARN into its parts. Accepts any partition (`aws`, `aws-cn`…).
pub fn parse_arn(input: &str) -> Result<ParsedArn<'_>, ArnError> {
    let not = || ArnError::NotAnArn {
        input: input.to_string(),
    };
    let mut parts = input.splitn(6, ':');
    let (Some("arn"), Some(_partition), Some("ecs"), Some(region), Some(account), Some(res)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Err(not());
    };
    let (resource_type, resource) = res.split_once('/').ok_or_else(not)?;
    if resource_type.is_empty() || resource.is_empty() {
        return Err(not());
    }
    Ok(ParsedArn {
        region,
        account_id: account,
        resource_type,
        resource,
    })
}

fn expect<'a>(input: &'a str, kind: &'static str) -> Result<&'a str, ArnError> {
    let p = parse_arn(input)?;
    if p.resource_type != kind {
        return Err(ArnError::WrongResource {
            input: input.to_string(),
            expected: kind,
            found: p.resource_type.to_string(),
        });
    }
    Ok(p.resource)
}

/// Cluster name or ARN → cluster name. `None`/empty means `default`.
pub fn cluster_name(input: Option<&str>) -> Result<String, ArnError> {
    match input {
        None | Some("") => Ok("default".to_string()),
        Some(s) if s.starts_with("arn:") => Ok(expect(s, "cluster")?.to_string()),
        Some(s) => {
            if crate::names::is_valid_name(s) {
                Ok(s.to_string())
            } else {
                Err(ArnError::Invalid {
                    input: s.to_string(),
                    what: "cluster name",
                })
            }
        }
    }
}

/// A resource reference found inside a cluster: the optional cluster segment
/// (absent in short-format ARNs and bare IDs) and the ID or name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterScoped {
    pub cluster: Option<String>,
    pub id: String,
}

fn cluster_scoped(input: &str, kind: &'static str) -> Result<ClusterScoped, ArnError> {
    let rest = if input.starts_with("arn:") {
        expect(input, kind)?
    } else if let Some(rest) = input.strip_prefix(kind).and_then(|r| r.strip_prefix('/')) {
        rest
    } else {
        input
    };
    let invalid = || ArnError::Invalid {
        input: input.to_string(),
        what: kind,
    };
    let (cluster, id) = match rest.split_once('/') {
        Some((c, id)) => (Some(c.to_string()), id),
        None => (None, rest),
    };
    if id.is_empty() || id.contains('/') || cluster.as_deref() == Some("") {
        return Err(invalid());
    }
    Ok(ClusterScoped {
        cluster,
        id: id.to_string(),
    })
}

/// Task ID, `task/<id>`, `task/<cluster>/<id>` or task ARN (long or short).
pub fn task_ref(input: &str) -> Result<ClusterScoped, ArnError> {
    cluster_scoped(input, "task")
}

/// Container instance ID or ARN (long or short).
pub fn container_instance_ref(input: &str) -> Result<ClusterScoped, ArnError> {
    cluster_scoped(input, "container-instance")
}

/// Service name or ARN (long or short).
pub fn service_ref(input: &str) -> Result<ClusterScoped, ArnError> {
    cluster_scoped(input, "service")
}

/// Task ID or ARN → ID.
pub fn task_id(input: &str) -> Result<String, ArnError> {
    Ok(task_ref(input)?.id)
}

/// Container instance ID or ARN → ID.
pub fn container_instance_id(input: &str) -> Result<String, ArnError> {
    Ok(container_instance_ref(input)?.id)
}

/// What a `taskDefinition` parameter names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskDefinitionRef {
    /// `family`: the latest ACTIVE revision.
    Family(String),
    /// `family:revision` or a full ARN.
    Revision { family: String, revision: i32 },
}

impl TaskDefinitionRef {
    pub fn family(&self) -> &str {
        match self {
            TaskDefinitionRef::Family(f) => f,
            TaskDefinitionRef::Revision { family, .. } => family,
        }
    }
}

/// Parses `family`, `family:revision` or a task-definition ARN.
pub fn task_definition_ref(input: &str) -> Result<TaskDefinitionRef, ArnError> {
    let invalid = || ArnError::Invalid {
        input: input.to_string(),
        what: "task definition",
    };
    let body = if input.starts_with("arn:") {
        let r = expect(input, "task-definition")?;
        if !r.contains(':') {
            return Err(invalid());
        }
        r
    } else {
        input
    };
    let (family, revision) = match body.split_once(':') {
        None => (body, None),
        Some((f, r)) => (f, Some(r)),
    };
    if !crate::names::is_valid_name(family) {
        return Err(invalid());
    }
    match revision {
        None => Ok(TaskDefinitionRef::Family(family.to_string())),
        Some(r) => match r.parse::<i32>() {
            Ok(rev) if rev >= 1 && r.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(TaskDefinitionRef::Revision {
                    family: family.to_string(),
                    revision: rev,
                })
            }
            _ => Err(invalid()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> Partition {
        Partition::new("123456789012", "us-east-1")
    }

    #[test]
    fn builds_long_arns() {
        let p = p();
        assert_eq!(
            p.cluster_arn("default"),
            "arn:aws:ecs:us-east-1:123456789012:cluster/default"
        );
        assert_eq!(
            p.task_definition_arn("web", 3),
            "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"
        );
        assert_eq!(
            p.task_arn("c", "abc"),
            "arn:aws:ecs:us-east-1:123456789012:task/c/abc"
        );
        assert_eq!(
            p.container_instance_arn("c", "i1"),
            "arn:aws:ecs:us-east-1:123456789012:container-instance/c/i1"
        );
        assert_eq!(
            p.container_arn("c", "t", "u"),
            "arn:aws:ecs:us-east-1:123456789012:container/c/t/u"
        );
        assert_eq!(
            p.service_arn("c", "s"),
            "arn:aws:ecs:us-east-1:123456789012:service/c/s"
        );
        assert_eq!(
            p.capacity_provider_arn("FARGATE"),
            "arn:aws:ecs:us-east-1:123456789012:capacity-provider/FARGATE"
        );
    }

    #[test]
    fn ids() {
        let id = new_id(0xdead_beef);
        assert_eq!(id.len(), 32);
        assert!(is_id(&id));
        assert!(is_id("12345678-1234-1234-1234-123456789abc"));
        assert!(!is_id("XYZ"));
        assert!(!is_id(&"A".repeat(32)));
    }

    #[test]
    fn cluster_inputs() {
        assert_eq!(cluster_name(None).unwrap(), "default");
        assert_eq!(cluster_name(Some("prod")).unwrap(), "prod");
        assert_eq!(
            cluster_name(Some("arn:aws:ecs:us-east-1:1:cluster/prod")).unwrap(),
            "prod"
        );
        assert!(matches!(
            cluster_name(Some("arn:aws:ecs:us-east-1:1:task/prod/x")),
            Err(ArnError::WrongResource { .. })
        ));
        assert!(cluster_name(Some("bad name")).is_err());
    }

    #[test]
    fn task_inputs() {
        let id = "0123456789abcdef0123456789abcdef";
        assert_eq!(task_id(id).unwrap(), id);
        assert_eq!(task_id(&format!("task/{id}")).unwrap(), id);
        let r = task_ref(&format!("arn:aws:ecs:r:1:task/prod/{id}")).unwrap();
        assert_eq!(r.cluster.as_deref(), Some("prod"));
        assert_eq!(r.id, id);
        let short = task_ref(&format!("arn:aws:ecs:r:1:task/{id}")).unwrap();
        assert_eq!(short.cluster, None);
        assert!(task_id("arn:aws:ecs:r:1:task/a/b/c").is_err());
        assert!(task_id("arn:aws:ecs:r:1:cluster/x").is_err());
        assert_eq!(
            container_instance_id("arn:aws:ecs:r:1:container-instance/c/abc").unwrap(),
            "abc"
        );
        assert_eq!(service_ref("web").unwrap().id, "web");
    }

    #[test]
    fn task_definition_inputs() {
        assert_eq!(
            task_definition_ref("web").unwrap(),
            TaskDefinitionRef::Family("web".into())
        );
        assert_eq!(
            task_definition_ref("web:7").unwrap(),
            TaskDefinitionRef::Revision {
                family: "web".into(),
                revision: 7
            }
        );
        assert_eq!(
            task_definition_ref("arn:aws:ecs:us-east-1:1:task-definition/web:2").unwrap(),
            TaskDefinitionRef::Revision {
                family: "web".into(),
                revision: 2
            }
        );
        assert!(task_definition_ref("web:0").is_err());
        assert!(task_definition_ref("web:x").is_err());
        assert!(task_definition_ref("arn:aws:ecs:us-east-1:1:task-definition/web").is_err());
        assert!(task_definition_ref("we b").is_err());
    }
}
