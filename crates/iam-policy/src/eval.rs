//! Policy evaluation: statement matching, condition operators, policy
//! variables, and the Deny > Allow > implicit-deny combination.

use crate::policy::{
    BaseOperator, Condition, Effect, Matcher, PolicyDocument, Principal, SetQualifier, Statement,
};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use std::collections::BTreeMap;
use std::net::IpAddr;

/// Request context: condition keys (case-insensitive, stored lowercased),
/// each with one or more values.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    keys: BTreeMap<String, Vec<String>>,
}

impl Context {
    /// An empty context.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets (replaces) a key's values.
    pub fn set(&mut self, key: &str, values: Vec<String>) -> &mut Self {
        self.keys.insert(key.to_ascii_lowercase(), values);
        self
    }

    /// Sets a key to one value.
    pub fn set_one(&mut self, key: &str, value: impl Into<String>) -> &mut Self {
        self.set(key, vec![value.into()])
    }

    /// A key's values; `None` when the key is absent.
    pub fn get(&self, key: &str) -> Option<&[String]> {
        self.keys
            .get(&key.to_ascii_lowercase())
            .map(|v| v.as_slice())
    }

    /// `self` overlaid with `other` (other's keys win).
    pub fn merged(&self, other: &Context) -> Context {
        let mut out = self.clone();
        for (k, v) in &other.keys {
            out.keys.insert(k.clone(), v.clone());
        }
        out
    }

    /// The (lowercased) keys and their values.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.keys.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }
}

/// The outcome of an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// A matching Allow statement and no matching Deny.
    Allow,
    /// A matching Deny statement (wins over everything).
    ExplicitDeny,
    /// No statement allows.
    ImplicitDeny,
}

/// Evaluates the identity-based policies of one principal (single account)
/// for one action on one resource: an explicit Deny in any policy wins, else
/// any Allow allows, else the request is implicitly denied.
pub fn evaluate(
    policies: &[PolicyDocument],
    action: &str,
    resource: &str,
    ctx: &Context,
) -> Decision {
    combine(policies.iter().flat_map(|p| {
        p.statements.iter().map(move |s| {
            let applies = action_matches(&s.action, action)
                && resource_matches(s.resource.as_ref(), resource, p.supports_variables(), ctx)
                && conditions_hold(&s.conditions, p.supports_variables(), ctx);
            (s.effect, applies)
        })
    }))
}

/// Evaluates a role's trust policy: may `principal_arn` (of account
/// `account_id`) perform `action` (e.g. `sts:AssumeRole`)?
///
/// `{"AWS": …}` principals match `*`, the account (`123456789012` or
/// `arn:aws:iam::123456789012:root`), or the exact user/role ARN (an
/// assumed-role session ARN also matches its role's ARN).
/// `{"Service": …}` principals match when `ctx` key `gantry:service` holds
/// that service name. `NotPrincipal` applies to everyone not listed.
pub fn evaluate_trust(
    trust: &PolicyDocument,
    principal_arn: &str,
    account_id: &str,
    action: &str,
    ctx: &Context,
) -> Decision {
    let vars = trust.supports_variables();
    combine(trust.statements.iter().map(|s| {
        let applies = action_matches(&s.action, action)
            && principal_matches(s, principal_arn, account_id, ctx)
            && resource_matches(s.resource.as_ref(), "*", vars, ctx)
            && conditions_hold(&s.conditions, vars, ctx);
        (s.effect, applies)
    }))
}

fn combine(statements: impl Iterator<Item = (Effect, bool)>) -> Decision {
    let mut allowed = false;
    for (effect, applies) in statements {
        if applies {
            match effect {
                Effect::Deny => return Decision::ExplicitDeny,
                Effect::Allow => allowed = true,
            }
        }
    }
    if allowed {
        Decision::Allow
    } else {
        Decision::ImplicitDeny
    }
}

fn action_matches(m: &Matcher<Vec<String>>, action: &str) -> bool {
    let any = |pats: &Vec<String>| {
        pats.iter().any(|p| {
            let pat = Pattern::literal_glob(p);
            pat.matches(action, true)
        })
    };
    match m {
        Matcher::Is(p) => any(p),
        Matcher::Not(p) => !any(p),
    }
}

fn resource_matches(
    m: Option<&Matcher<Vec<String>>>,
    resource: &str,
    vars: bool,
    ctx: &Context,
) -> bool {
    let any = |pats: &Vec<String>| {
        pats.iter().any(|p| match Pattern::parse(p, vars, ctx) {
            Some(pat) => arn_like(&pat, resource),
            None => false,
        })
    };
    match m {
        None => true,
        Some(Matcher::Is(p)) => any(p),
        Some(Matcher::Not(p)) => !any(p),
    }
}

fn principal_matches(s: &Statement, principal_arn: &str, account_id: &str, ctx: &Context) -> bool {
    let listed = |p: &Principal| match p {
        Principal::Any => true,
        Principal::Typed(types) => types.iter().any(|(kind, values)| match kind.as_str() {
            "AWS" => values
                .iter()
                .any(|v| aws_principal_matches(v, principal_arn, account_id)),
            "Service" => ctx.get("gantry:service").is_some_and(|svcs| {
                svcs.iter()
                    .any(|svc| values.iter().any(|v| v.eq_ignore_ascii_case(svc)))
            }),
            _ => false,
        }),
    };
    match &s.principal {
        None => false,
        Some(Matcher::Is(p)) => listed(p),
        Some(Matcher::Not(p)) => !listed(p),
    }
}

fn aws_principal_matches(value: &str, principal_arn: &str, account_id: &str) -> bool {
    if principal_arn.is_empty() {
        return false;
    }
    if value == "*" {
        return true;
    }
    if value == account_id {
        return true;
    }
    if let Some(acct) = value
        .strip_prefix("arn:")
        .and_then(|r| r.split_once(":iam::"))
        .and_then(|(_, r)| r.strip_suffix(":root"))
    {
        return acct == account_id;
    }
    if value == principal_arn {
        return true;
    }
    // An assumed-role session (`arn:aws:sts::A:assumed-role/R/S`) is the
    // role `arn:aws:iam::A:role[/path]/R`.
    let session = principal_arn.split(':').collect::<Vec<_>>();
    let role = value.split(':').collect::<Vec<_>>();
    if let ([_, p1, "sts", "", a1, res1], [_, p2, "iam", "", a2, res2]) =
        (session.as_slice(), role.as_slice())
    {
        if let (Some(sess), Some(role_path)) = (
            res1.strip_prefix("assumed-role/"),
            res2.strip_prefix("role/"),
        ) {
            let session_role = sess.split('/').next().unwrap_or_default();
            let role_name = role_path.rsplit('/').next().unwrap_or_default();
            return p1 == p2 && a1 == a2 && session_role == role_name;
        }
    }
    false
}

// ---------------------------------------------------------------------------
// Patterns and policy variables

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Lit(char),
    Any,
    One,
}

/// A wildcard pattern after policy-variable substitution. Substituted text
/// is literal (a `*` inside a variable's value is not a wildcard).
#[derive(Debug, Clone, PartialEq)]
struct Pattern(Vec<Tok>);

impl Pattern {
    /// `*`/`?` wildcards, no variables (actions, Version 2008-10-17 text).
    fn literal_glob(p: &str) -> Pattern {
        Pattern(
            p.chars()
                .map(|c| match c {
                    '*' => Tok::Any,
                    '?' => Tok::One,
                    c => Tok::Lit(c),
                })
                .collect(),
        )
    }

    /// Parses wildcards and (when `vars`) substitutes `${…}` variables from
    /// the context; `None` when a variable has no value and no default.
    fn parse(p: &str, vars: bool, ctx: &Context) -> Option<Pattern> {
        if !vars {
            return Some(Self::literal_glob(p));
        }
        let mut out = Vec::new();
        let mut rest = p;
        while let Some(start) = rest.find("${") {
            out.extend(Self::literal_glob(&rest[..start]).0);
            let after = &rest[start + 2..];
            let Some(end) = after.find('}') else {
                out.extend(Self::literal_glob(&rest[start..]).0);
                rest = "";
                break;
            };
            let value = substitute(&after[..end], ctx)?;
            out.extend(value.chars().map(Tok::Lit));
            rest = &after[end + 1..];
        }
        out.extend(Self::literal_glob(rest).0);
        Some(Pattern(out))
    }

    /// Substituted text with no wildcard interpretation (for equality
    /// operators).
    fn as_literal(&self) -> String {
        self.0
            .iter()
            .map(|t| match t {
                Tok::Lit(c) => *c,
                Tok::Any => '*',
                Tok::One => '?',
            })
            .collect()
    }

    fn matches(&self, s: &str, ignore_case: bool) -> bool {
        let chars: Vec<char> = s.chars().collect();
        glob(&self.0, &chars, ignore_case)
    }

    /// Splits the pattern into ARN segments at literal `:` (at most 6).
    fn segments(&self) -> Vec<Pattern> {
        let mut segs = vec![Vec::new()];
        for t in &self.0 {
            if *t == Tok::Lit(':') && segs.len() < 6 {
                segs.push(Vec::new());
            } else {
                segs.last_mut().expect("non-empty").push(t.clone());
            }
        }
        segs.into_iter().map(Pattern).collect()
    }
}

fn eq_char(a: char, b: char, ignore_case: bool) -> bool {
    if ignore_case {
        a.to_lowercase().eq(b.to_lowercase())
    } else {
        a == b
    }
}

/// Iterative wildcard matcher (backtracking on the last `*`).
fn glob(p: &[Tok], s: &[char], ignore_case: bool) -> bool {
    let (mut pi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        match p.get(pi) {
            Some(Tok::Any) => {
                star = Some((pi, si));
                pi += 1;
            }
            Some(Tok::One) => {
                pi += 1;
                si += 1;
            }
            Some(Tok::Lit(c)) if eq_char(*c, s[si], ignore_case) => {
                pi += 1;
                si += 1;
            }
            _ => match star {
                Some((sp, ss)) => {
                    pi = sp + 1;
                    si = ss + 1;
                    star = Some((sp, ss + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|t| *t == Tok::Any)
}

/// ARN-aware match: a pattern with six `:`-separated segments is matched
/// segment by segment (wildcards do not cross the first five colons; the
/// resource segment may contain colons). Other patterns match as a whole.
fn arn_like(pat: &Pattern, value: &str) -> bool {
    let segs = pat.segments();
    if segs.len() < 6 {
        return pat.matches(value, false);
    }
    let vals: Vec<&str> = value.splitn(6, ':').collect();
    vals.len() == 6 && segs.iter().zip(&vals).all(|(p, v)| p.matches(v, false))
}

/// Resolves a policy variable body such as `aws:username`,
/// `aws:PrincipalTag/team, 'default'`, `*`, `?`, `$`.
fn substitute(body: &str, ctx: &Context) -> Option<String> {
    match body {
        "*" | "?" | "$" => return Some(body.to_string()),
        _ => {}
    }
    let (key, default) = match body.split_once(',') {
        Some((k, d)) => {
            let d = d.trim();
            let d = d
                .strip_prefix('\'')
                .and_then(|d| d.strip_suffix('\''))
                .unwrap_or(d);
            (k.trim(), Some(d.to_string()))
        }
        None => (body.trim(), None),
    };
    match ctx.get(key) {
        Some([one]) => Some(one.clone()),
        _ => default,
    }
}

// ---------------------------------------------------------------------------
// Conditions

fn conditions_hold(conds: &[Condition], vars: bool, ctx: &Context) -> bool {
    conds.iter().all(|c| condition_holds(c, vars, ctx))
}

fn condition_holds(c: &Condition, vars: bool, ctx: &Context) -> bool {
    let op = c.operator;
    let present = ctx.get(&c.key).filter(|v| !v.is_empty());
    if op.base == BaseOperator::Null {
        let is_null = present.is_none();
        return c
            .values
            .iter()
            .any(|v| v.eq_ignore_ascii_case("true") == is_null);
    }
    // Policy values after variable substitution. A condition that refers to
    // a variable the request cannot resolve (no value, no default) does not
    // match, whatever the operator.
    let Some(policy) = c
        .values
        .iter()
        .map(|v| Pattern::parse(v, vars && substitutes(op.base), ctx))
        .collect::<Option<Vec<Pattern>>>()
    else {
        return false;
    };
    let negated = op.base.is_negated();
    let Some(values) = present else {
        return match op.qualifier {
            _ if op.if_exists => true,
            Some(SetQualifier::ForAllValues) => true,
            Some(SetQualifier::ForAnyValue) => false,
            None => negated,
        };
    };
    // `positive(v)`: does request value `v` match any policy value under the
    // non-negated form of the operator?
    let positive = |v: &str| policy.iter().any(|p| value_matches(op.base, p, v));
    let holds_for = |v: &str| positive(v) != negated;
    match op.qualifier {
        Some(SetQualifier::ForAnyValue) => values.iter().any(|v| holds_for(v)),
        Some(SetQualifier::ForAllValues) => values.iter().all(|v| holds_for(v)),
        None => {
            if negated {
                !values.iter().any(|v| positive(v))
            } else {
                values.iter().any(|v| positive(v))
            }
        }
    }
}

/// Operators whose values may contain policy variables.
fn substitutes(op: BaseOperator) -> bool {
    use BaseOperator::*;
    matches!(
        op,
        StringEquals
            | StringNotEquals
            | StringEqualsIgnoreCase
            | StringNotEqualsIgnoreCase
            | StringLike
            | StringNotLike
            | ArnEquals
            | ArnNotEquals
            | ArnLike
            | ArnNotLike
    )
}

/// The positive (non-negated) comparison of one policy value with one
/// request value.
fn value_matches(op: BaseOperator, policy: &Pattern, value: &str) -> bool {
    use BaseOperator::*;
    match op {
        StringEquals | StringNotEquals => policy.as_literal() == value,
        StringEqualsIgnoreCase | StringNotEqualsIgnoreCase => {
            policy.as_literal().to_lowercase() == value.to_lowercase()
        }
        StringLike | StringNotLike => policy.matches(value, false),
        ArnEquals | ArnNotEquals | ArnLike | ArnNotLike => {
            value.starts_with("arn:") && arn_like(policy, value)
        }
        Bool => policy.as_literal().eq_ignore_ascii_case(value),
        BinaryEquals => policy.as_literal() == value,
        NumericEquals | NumericNotEquals => num_cmp(policy, value, |o| o.is_eq()),
        NumericLessThan => num_cmp(policy, value, |o| o.is_lt()),
        NumericLessThanEquals => num_cmp(policy, value, |o| o.is_le()),
        NumericGreaterThan => num_cmp(policy, value, |o| o.is_gt()),
        NumericGreaterThanEquals => num_cmp(policy, value, |o| o.is_ge()),
        DateEquals | DateNotEquals => date_cmp(policy, value, |o| o.is_eq()),
        DateLessThan => date_cmp(policy, value, |o| o.is_lt()),
        DateLessThanEquals => date_cmp(policy, value, |o| o.is_le()),
        DateGreaterThan => date_cmp(policy, value, |o| o.is_gt()),
        DateGreaterThanEquals => date_cmp(policy, value, |o| o.is_ge()),
        IpAddress | NotIpAddress => ip_in(&policy.as_literal(), value),
        Null => false,
    }
}

/// Compares request value to policy value: `f(value.cmp(policy))`.
fn num_cmp(policy: &Pattern, value: &str, f: impl Fn(std::cmp::Ordering) -> bool) -> bool {
    let (Ok(p), Ok(v)) = (
        policy.as_literal().trim().parse::<f64>(),
        value.trim().parse::<f64>(),
    ) else {
        return false;
    };
    v.partial_cmp(&p).is_some_and(f)
}

fn date_cmp(policy: &Pattern, value: &str, f: impl Fn(std::cmp::Ordering) -> bool) -> bool {
    match (parse_date(&policy.as_literal()), parse_date(value)) {
        (Some(p), Some(v)) => f(v.cmp(&p)),
        _ => false,
    }
}

/// ISO 8601 (`2026-01-02T03:04:05Z`, with offset or fraction, date-time
/// without zone = UTC, or a bare date) or epoch seconds.
pub(crate) fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return DateTime::from_timestamp(s.parse().ok()?, 0);
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S%.fZ",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(d.and_utc());
        }
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S%.f%z"] {
        if let Ok(d) = DateTime::parse_from_str(s, fmt) {
            return Some(d.with_timezone(&Utc));
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
}

/// Is `value` (an IP address) inside `cidr` (a CIDR block or single address)?
fn ip_in(cidr: &str, value: &str) -> bool {
    let Ok(ip) = value.trim().parse::<IpAddr>() else {
        return false;
    };
    let cidr = cidr.trim();
    if let Ok(net) = cidr.parse::<ipnet::IpNet>() {
        return net.contains(&ip);
    }
    cidr.parse::<IpAddr>().is_ok_and(|a| a == ip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_basics() {
        let m = |p: &str, s: &str| Pattern::literal_glob(p).matches(s, false);
        assert!(m("*", ""));
        assert!(m("a*c", "abbbc"));
        assert!(m("a?c", "abc"));
        assert!(!m("a?c", "ac"));
        assert!(m("*b*", "abc"));
        assert!(!m("abc", "abcd"));
        assert!(m("a*b*c", "axxbyyc"));
        assert!(!m("a*b*c", "axxbyy"));
    }

    #[test]
    fn variables() {
        let mut ctx = Context::new();
        ctx.set_one("aws:username", "bob*");
        let p = Pattern::parse("home/${aws:username}/x", true, &ctx).unwrap();
        assert!(p.matches("home/bob*/x", false));
        assert!(!p.matches("home/bobby/x", false));
        assert_eq!(Pattern::parse("${aws:nope}", true, &ctx), None);
        let d = Pattern::parse("${aws:nope, 'dflt'}", true, &ctx).unwrap();
        assert!(d.matches("dflt", false));
        let lit = Pattern::parse("a${*}", true, &ctx).unwrap();
        assert!(lit.matches("a*", false) && !lit.matches("ab", false));
        let old = Pattern::parse("${aws:username}", false, &ctx).unwrap();
        assert!(old.matches("${aws:username}", false));
    }

    #[test]
    fn dates() {
        let a = parse_date("2026-01-01T00:00:00Z").unwrap();
        assert_eq!(parse_date("1767225600"), Some(a));
        assert_eq!(parse_date("2026-01-01"), Some(a));
        assert_eq!(parse_date("2026-01-01T01:00:00+01:00"), Some(a));
        assert_eq!(parse_date("2026-01-01T00:00:00"), Some(a));
        assert_eq!(parse_date("nope"), None);
    }
}
