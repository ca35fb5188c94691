//! Policy parsing and validation (the IAM JSON policy grammar).
//!
//! [`PolicyDocument::parse`] turns a JSON document into typed statements or
//! rejects it with a [`PolicyError::Malformed`] whose text follows IAM's
//! `MalformedPolicyDocument` messages. Size quotas are the API layer's job
//! ([`non_whitespace_len`] counts what they count).

use serde_json::{Map, Value};
use std::collections::HashSet;
use thiserror::Error;

/// Which kind of policy document is being parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyKind {
    /// Identity-based policy (user/group/role inline or managed):
    /// `Principal`/`NotPrincipal` are forbidden, `Resource`/`NotResource` required.
    Identity,
    /// Role trust policy: every statement names a `Principal` or
    /// `NotPrincipal`; `Resource` is prohibited.
    Trust,
}

/// Why a policy document was rejected (IAM `MalformedPolicyDocument`).
#[derive(Debug, Error, Clone, PartialEq)]
pub enum PolicyError {
    /// The message to return with `MalformedPolicyDocument`.
    #[error("{0}")]
    Malformed(String),
}

fn malformed(msg: impl Into<String>) -> PolicyError {
    PolicyError::Malformed(msg.into())
}

fn syntax() -> PolicyError {
    malformed("Syntax errors in policy.")
}

/// A parsed, validated policy document.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyDocument {
    /// `Version`; `None` when absent (treated as `2008-10-17`).
    pub version: Option<String>,
    /// `Id`.
    pub id: Option<String>,
    /// The statements, in document order.
    pub statements: Vec<Statement>,
}

/// `Effect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// `"Allow"`.
    Allow,
    /// `"Deny"`.
    Deny,
}

/// An element that has a positive and a negated form (`Action`/`NotAction`,
/// `Resource`/`NotResource`, `Principal`/`NotPrincipal`).
#[derive(Debug, Clone, PartialEq)]
pub enum Matcher<T> {
    /// The positive form: the statement applies when one entry matches.
    Is(T),
    /// The negated form: the statement applies when no entry matches.
    Not(T),
}

/// `Principal` / `NotPrincipal` contents.
#[derive(Debug, Clone, PartialEq)]
pub enum Principal {
    /// `"*"`: everyone.
    Any,
    /// `{"AWS": […], "Service": […], "Federated": […], "CanonicalUser": […]}`
    /// as (type, values) pairs.
    Typed(Vec<(String, Vec<String>)>),
}

/// One statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// `Sid`.
    pub sid: Option<String>,
    /// `Effect`.
    pub effect: Effect,
    /// `Action` / `NotAction` patterns (`service:Action` with wildcards, or `*`).
    pub action: Matcher<Vec<String>>,
    /// `Resource` / `NotResource` patterns; `None` in trust policies.
    pub resource: Option<Matcher<Vec<String>>>,
    /// `Principal` / `NotPrincipal`; `None` in identity policies.
    pub principal: Option<Matcher<Principal>>,
    /// `Condition`, one entry per (operator, key).
    pub conditions: Vec<Condition>,
}

/// Set qualifier of a condition operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetQualifier {
    /// `ForAnyValue:`: at least one request value satisfies the operator.
    ForAnyValue,
    /// `ForAllValues:`: every request value satisfies the operator.
    ForAllValues,
}

/// The base condition operator (without qualifier and `IfExists`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum BaseOperator {
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
}

impl BaseOperator {
    /// Every base operator with its policy spelling.
    pub const ALL: &'static [(&'static str, BaseOperator)] = &[
        ("StringEquals", BaseOperator::StringEquals),
        ("StringNotEquals", BaseOperator::StringNotEquals),
        (
            "StringEqualsIgnoreCase",
            BaseOperator::StringEqualsIgnoreCase,
        ),
        (
            "StringNotEqualsIgnoreCase",
            BaseOperator::StringNotEqualsIgnoreCase,
        ),
        ("StringLike", BaseOperator::StringLike),
        ("StringNotLike", BaseOperator::StringNotLike),
        ("NumericEquals", BaseOperator::NumericEquals),
        ("NumericNotEquals", BaseOperator::NumericNotEquals),
        ("NumericLessThan", BaseOperator::NumericLessThan),
        ("NumericLessThanEquals", BaseOperator::NumericLessThanEquals),
        ("NumericGreaterThan", BaseOperator::NumericGreaterThan),
        (
            "NumericGreaterThanEquals",
            BaseOperator::NumericGreaterThanEquals,
        ),
        ("DateEquals", BaseOperator::DateEquals),
        ("DateNotEquals", BaseOperator::DateNotEquals),
        ("DateLessThan", BaseOperator::DateLessThan),
        ("DateLessThanEquals", BaseOperator::DateLessThanEquals),
        ("DateGreaterThan", BaseOperator::DateGreaterThan),
        ("DateGreaterThanEquals", BaseOperator::DateGreaterThanEquals),
        ("Bool", BaseOperator::Bool),
        ("BinaryEquals", BaseOperator::BinaryEquals),
        ("IpAddress", BaseOperator::IpAddress),
        ("NotIpAddress", BaseOperator::NotIpAddress),
        ("ArnEquals", BaseOperator::ArnEquals),
        ("ArnLike", BaseOperator::ArnLike),
        ("ArnNotEquals", BaseOperator::ArnNotEquals),
        ("ArnNotLike", BaseOperator::ArnNotLike),
        ("Null", BaseOperator::Null),
    ];

    /// True for the negated operators (`StringNotEquals`, `NotIpAddress`, …):
    /// they hold when no request value matches, including when the key is
    /// missing.
    pub fn is_negated(self) -> bool {
        use BaseOperator::*;
        matches!(
            self,
            StringNotEquals
                | StringNotEqualsIgnoreCase
                | StringNotLike
                | NumericNotEquals
                | DateNotEquals
                | NotIpAddress
                | ArnNotEquals
                | ArnNotLike
        )
    }
}

/// A parsed condition operator such as `ForAnyValue:StringLikeIfExists`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Operator {
    /// `ForAnyValue:` / `ForAllValues:` prefix.
    pub qualifier: Option<SetQualifier>,
    /// The base operator.
    pub base: BaseOperator,
    /// `…IfExists` suffix: the condition holds when the key is missing.
    pub if_exists: bool,
}

impl Operator {
    /// Parses an operator name; `None` when unknown.
    pub fn parse(name: &str) -> Option<Operator> {
        let (qualifier, rest) = if let Some(r) = name.strip_prefix("ForAnyValue:") {
            (Some(SetQualifier::ForAnyValue), r)
        } else if let Some(r) = name.strip_prefix("ForAllValues:") {
            (Some(SetQualifier::ForAllValues), r)
        } else {
            (None, name)
        };
        let (if_exists, base_name) = match rest.strip_suffix("IfExists") {
            Some(b) => (true, b),
            None => (false, rest),
        };
        let base = BaseOperator::ALL
            .iter()
            .find(|(n, _)| *n == base_name)
            .map(|(_, b)| *b)?;
        if if_exists && base == BaseOperator::Null {
            return None;
        }
        Some(Operator {
            qualifier,
            base,
            if_exists,
        })
    }
}

/// One (operator, key, values) entry of a `Condition` block.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// The operator.
    pub operator: Operator,
    /// The condition key as written (matched case-insensitively).
    pub key: String,
    /// The policy values (ORed); JSON numbers and booleans are kept as text.
    pub values: Vec<String>,
}

const TOP_FIELDS: &[&str] = &["Version", "Id", "Statement"];
const STATEMENT_FIELDS: &[&str] = &[
    "Sid",
    "Effect",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Principal",
    "NotPrincipal",
    "Condition",
];

impl PolicyDocument {
    /// Parses and validates a policy document of the given kind.
    pub fn parse(text: &str, kind: PolicyKind) -> Result<PolicyDocument, PolicyError> {
        let json: Value = serde_json::from_str(text).map_err(|_| syntax())?;
        let Value::Object(top) = json else {
            return Err(syntax());
        };
        for k in top.keys() {
            if !TOP_FIELDS.contains(&k.as_str()) {
                return Err(malformed(format!("Unknown field {k}")));
            }
        }
        let version = match top.get("Version") {
            None => None,
            Some(Value::String(v)) if v == "2012-10-17" || v == "2008-10-17" => Some(v.clone()),
            Some(_) => return Err(syntax()),
        };
        let id = match top.get("Id") {
            None => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => return Err(syntax()),
        };
        let raw: Vec<&Map<String, Value>> = match top.get("Statement") {
            Some(Value::Object(s)) => vec![s],
            Some(Value::Array(a)) if !a.is_empty() => a
                .iter()
                .map(|s| s.as_object().ok_or_else(syntax))
                .collect::<Result<_, _>>()?,
            _ => return Err(syntax()),
        };
        let mut statements = Vec::with_capacity(raw.len());
        let mut sids = HashSet::new();
        for s in raw {
            let st = parse_statement(s, kind)?;
            if let Some(sid) = st.sid.as_deref().filter(|s| !s.is_empty()) {
                if !sids.insert(sid.to_string()) {
                    return Err(malformed(
                        "Statement IDs (SID) in a single policy must be unique.",
                    ));
                }
            }
            statements.push(st);
        }
        Ok(PolicyDocument {
            version,
            id,
            statements,
        })
    }

    /// True when policy variables (`${…}`) are substituted: Version 2012-10-17.
    pub fn supports_variables(&self) -> bool {
        self.version.as_deref() == Some("2012-10-17")
    }
}

fn string_list(v: &Value) -> Result<Vec<String>, PolicyError> {
    match v {
        Value::String(s) => Ok(vec![s.clone()]),
        Value::Array(a) => a
            .iter()
            .map(|x| x.as_str().map(str::to_string).ok_or_else(syntax))
            .collect(),
        _ => Err(syntax()),
    }
}

/// Picks the positive or negated form of an element; both present is a
/// syntax error.
fn either<'a>(
    s: &'a Map<String, Value>,
    pos: &str,
    neg: &str,
) -> Result<Option<Matcher<&'a Value>>, PolicyError> {
    match (s.get(pos), s.get(neg)) {
        (Some(_), Some(_)) => Err(syntax()),
        (Some(v), None) => Ok(Some(Matcher::Is(v))),
        (None, Some(v)) => Ok(Some(Matcher::Not(v))),
        (None, None) => Ok(None),
    }
}

fn parse_statement(s: &Map<String, Value>, kind: PolicyKind) -> Result<Statement, PolicyError> {
    for k in s.keys() {
        if !STATEMENT_FIELDS.contains(&k.as_str()) {
            return Err(malformed(format!("Unknown field {k}")));
        }
    }
    let sid = match s.get("Sid") {
        None => None,
        Some(Value::String(v)) => Some(v.clone()),
        Some(_) => return Err(syntax()),
    };
    let effect = match s.get("Effect") {
        Some(Value::String(e)) if e == "Allow" => Effect::Allow,
        Some(Value::String(e)) if e == "Deny" => Effect::Deny,
        Some(Value::String(e))
            if e.eq_ignore_ascii_case("allow") || e.eq_ignore_ascii_case("deny") =>
        {
            return Err(malformed("The policy failed legacy parsing"))
        }
        _ => return Err(syntax()),
    };
    let action_raw = either(s, "Action", "NotAction")?;
    let resource_raw = either(s, "Resource", "NotResource")?;
    let principal_raw = either(s, "Principal", "NotPrincipal")?;
    let conditions = match s.get("Condition") {
        None => vec![],
        Some(c) => parse_conditions(c)?,
    };

    let action = match action_raw {
        None => return Err(malformed("Policy statement must contain actions.")),
        Some(m) => map_matcher(m, |v| {
            let list = string_list(v)?;
            if list.is_empty() {
                return Err(malformed("Policy statement must contain actions."));
            }
            for a in &list {
                validate_action(a)?;
            }
            Ok(list)
        })?,
    };

    let principal = match (kind, principal_raw) {
        (PolicyKind::Identity, Some(_)) => {
            return Err(malformed("Policy document should not specify a principal."))
        }
        (PolicyKind::Identity, None) => None,
        (PolicyKind::Trust, None) => return Err(malformed("Missing required field Principal")),
        (PolicyKind::Trust, Some(m)) => Some(map_matcher(m, parse_principal)?),
    };

    let resource = match (kind, resource_raw) {
        (PolicyKind::Identity, None) => {
            return Err(malformed("Policy statement must contain resources."))
        }
        (PolicyKind::Identity, Some(m)) => Some(map_matcher(m, |v| {
            let list = string_list(v)?;
            if list.is_empty() {
                return Err(malformed("Policy statement must contain resources."));
            }
            for r in &list {
                validate_resource(r)?;
            }
            Ok(list)
        })?),
        (PolicyKind::Trust, None) => None,
        (PolicyKind::Trust, Some(Matcher::Is(_))) => {
            return Err(malformed("Has prohibited field Resource"))
        }
        (PolicyKind::Trust, Some(Matcher::Not(_))) => {
            return Err(malformed("Has prohibited field NotResource"))
        }
    };

    Ok(Statement {
        sid,
        effect,
        action,
        resource,
        principal,
        conditions,
    })
}

fn map_matcher<T>(
    m: Matcher<&Value>,
    f: impl FnOnce(&Value) -> Result<T, PolicyError>,
) -> Result<Matcher<T>, PolicyError> {
    Ok(match m {
        Matcher::Is(v) => Matcher::Is(f(v)?),
        Matcher::Not(v) => Matcher::Not(f(v)?),
    })
}

fn validate_action(a: &str) -> Result<(), PolicyError> {
    if a == "*" {
        return Ok(());
    }
    let parts: Vec<&str> = a.split(':').collect();
    match parts.as_slice() {
        [_] => Err(malformed(
            "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.",
        )),
        [vendor, name] => {
            if vendor.is_empty()
                || !vendor
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
            {
                return Err(malformed(format!("Vendor {vendor} is not valid")));
            }
            if name.is_empty()
                || !name.chars().all(|c| {
                    c.is_ascii_alphanumeric() || c == '*' || c == '?' || c == '-' || c == '_'
                })
            {
                return Err(malformed(format!("Action {a} is not valid")));
            }
            Ok(())
        }
        _ => Err(malformed("Actions/Condition can contain only one colon.")),
    }
}

fn validate_resource(r: &str) -> Result<(), PolicyError> {
    if r == "*" {
        return Ok(());
    }
    let mut parts = r.splitn(4, ':');
    let (Some("arn"), Some(partition), Some(service)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(malformed(format!(
            "Resource {r} must be in ARN format or \"*\"."
        )));
    };
    if partition.is_empty() {
        return Err(malformed(format!(
            "Resource {r} must be in ARN format or \"*\"."
        )));
    }
    if service.is_empty()
        || service.contains('*')
        || service.contains('?')
        || parts.next().is_none()
    {
        return Err(malformed(
            "Resource vendor must be fully qualified and cannot contain regexes.",
        ));
    }
    Ok(())
}

fn invalid_principal(kind: &str, value: &str) -> PolicyError {
    malformed(format!(
        "Invalid principal in policy: \"{kind}\":\"{value}\""
    ))
}

fn is_account_id(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

fn valid_aws_principal(v: &str) -> bool {
    if v == "*" || is_account_id(v) {
        return true;
    }
    let parts: Vec<&str> = v.splitn(6, ':').collect();
    let [arn, partition, service, region, account, resource] = parts.as_slice() else {
        return false;
    };
    if *arn != "arn" || partition.is_empty() || !region.is_empty() || !is_account_id(account) {
        return false;
    }
    match *service {
        "iam" => {
            *resource == "root"
                || ["user/", "role/", "federated-user/"]
                    .iter()
                    .any(|p| resource.starts_with(p) && resource.len() > p.len())
        }
        "sts" => resource.starts_with("assumed-role/") || resource.starts_with("federated-user/"),
        _ => false,
    }
}

fn parse_principal(v: &Value) -> Result<Principal, PolicyError> {
    match v {
        Value::String(s) if s == "*" => Ok(Principal::Any),
        Value::Object(m) if !m.is_empty() => {
            let mut out = Vec::new();
            for (k, vals) in m {
                let list = string_list(vals)?;
                if list.is_empty() {
                    return Err(syntax());
                }
                match k.as_str() {
                    "AWS" => {
                        if let Some(bad) = list.iter().find(|p| !valid_aws_principal(p)) {
                            return Err(invalid_principal(k, bad));
                        }
                    }
                    "Service" | "Federated" | "CanonicalUser" => {
                        if let Some(bad) = list.iter().find(|p| p.is_empty()) {
                            return Err(invalid_principal(k, bad));
                        }
                    }
                    _ => return Err(invalid_principal(k, &list[0])),
                }
                out.push((k.clone(), list));
            }
            Ok(Principal::Typed(out))
        }
        _ => Err(syntax()),
    }
}

fn condition_value(v: &Value) -> Result<String, PolicyError> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        _ => Err(syntax()),
    }
}

fn parse_conditions(c: &Value) -> Result<Vec<Condition>, PolicyError> {
    let Value::Object(ops) = c else {
        return Err(syntax());
    };
    let mut out = Vec::new();
    for (op_name, block) in ops {
        let Value::Object(keys) = block else {
            return Err(syntax());
        };
        let operator = Operator::parse(op_name)
            .ok_or_else(|| malformed(format!("Invalid Condition type : {op_name}")))?;
        for (key, vals) in keys {
            if key.is_empty() {
                return Err(syntax());
            }
            let values = match vals {
                Value::Array(a) => a
                    .iter()
                    .map(condition_value)
                    .collect::<Result<Vec<_>, _>>()?,
                other => vec![condition_value(other)?],
            };
            if operator.base == BaseOperator::Null {
                if let Some(bad) = values
                    .iter()
                    .find(|v| !v.eq_ignore_ascii_case("true") && !v.eq_ignore_ascii_case("false"))
                {
                    return Err(malformed(format!(
                        "Invalid value for Null condition : {bad}"
                    )));
                }
            }
            out.push(Condition {
                operator,
                key: key.clone(),
                values,
            });
        }
    }
    Ok(out)
}

/// Number of non-whitespace characters: what IAM's policy size quotas count.
pub fn non_whitespace_len(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}
