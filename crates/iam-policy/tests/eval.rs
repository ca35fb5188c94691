//! Table-driven evaluation tests. Cases come from AWS's "Policy evaluation
//! logic", "Condition operators", "Multivalued context keys" and "Policy
//! variables" documentation, and from ecs-api.md §8.5.

use gantry_iam_policy::{evaluate, evaluate_trust, Context, Decision, PolicyDocument, PolicyKind};
use Decision::{Allow, ExplicitDeny, ImplicitDeny};

struct Case {
    name: &'static str,
    policies: &'static [&'static str],
    action: &'static str,
    resource: &'static str,
    ctx: &'static [(&'static str, &'static [&'static str])],
    expect: Decision,
}

fn context(pairs: &[(&str, &[&str])]) -> Context {
    let mut c = Context::new();
    for (k, v) in pairs {
        c.set(k, v.iter().map(|s| s.to_string()).collect());
    }
    c
}

/// A one-statement Version 2012-10-17 policy allowing `*` on `*` under a
/// condition block (`cond` is the JSON of the Condition element).
macro_rules! allow_if {
    ($cond:literal) => {
        concat!(
            r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":"#,
            $cond,
            "}}"
        )
    };
}

/// The same as a Deny statement, paired with an allow-everything statement.
macro_rules! deny_if {
    ($cond:literal) => {
        concat!(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"*","Resource":"*","Condition":"#,
            $cond,
            "}]}"
        )
    };
}

const ALLOW_ALL: &str =
    r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#;
const A: &str = "ecs:RunTask";
const R: &str = "*";

const READ_ONLY: &str = r#"{"Version":"2012-10-17","Statement":[
 {"Effect":"Allow","Action":["ecs:Describe*","ecs:List*","logs:FilterLogEvents","logs:GetLogEvents","logs:Describe*"],"Resource":"*"}]}"#;

const RUN_BATCH: &str = r#"{"Version":"2012-10-17","Statement":[
 {"Effect":"Allow","Action":"ecs:RunTask","Resource":"arn:aws:ecs:us-east-1:123456789012:task-definition/batch:*",
  "Condition":{"ArnEquals":{"ecs:cluster":"arn:aws:ecs:us-east-1:123456789012:cluster/jobs"}}},
 {"Effect":"Allow","Action":["ecs:DescribeTasks","ecs:StopTask"],"Resource":"arn:aws:ecs:us-east-1:123456789012:task/jobs/*"},
 {"Effect":"Allow","Action":"iam:PassRole","Resource":["arn:aws:iam::123456789012:role/batch-task","arn:aws:iam::123456789012:role/ecsTaskExecutionRole"],
  "Condition":{"StringEquals":{"iam:PassedToService":"ecs-tasks.amazonaws.com"}}},
 {"Effect":"Deny","Action":"ecs:*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"us-east-1"}}}]}"#;

const JOBS: &str = "arn:aws:ecs:us-east-1:123456789012:cluster/jobs";
const USE1: (&str, &[&str]) = ("aws:RequestedRegion", &["us-east-1"]);

#[rustfmt::skip]
const CASES: &[Case] = &[
    // ---- Policy evaluation logic: Deny > Allow > implicit deny
    Case { name: "no policies: implicit deny", policies: &[], action: A, resource: R, ctx: &[], expect: ImplicitDeny },
    Case { name: "matching allow", policies: &[ALLOW_ALL], action: A, resource: R, ctx: &[], expect: Allow },
    Case { name: "explicit deny in another policy wins",
        policies: &[ALLOW_ALL, r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"ecs:RunTask","Resource":"*"}}"#],
        action: A, resource: R, ctx: &[], expect: ExplicitDeny },
    Case { name: "deny for another action does not apply",
        policies: &[ALLOW_ALL, r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"ecs:StopTask","Resource":"*"}}"#],
        action: A, resource: R, ctx: &[], expect: Allow },
    Case { name: "deny alone is explicit even without allow",
        policies: &[r#"{"Statement":{"Effect":"Deny","Action":"*","Resource":"*"}}"#], action: A, resource: R, ctx: &[], expect: ExplicitDeny },
    Case { name: "allow for other resource: implicit deny",
        policies: &[r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ecs:DescribeClusters","Resource":"arn:aws:ecs:us-east-1:123456789012:cluster/a"}}"#],
        action: "ecs:DescribeClusters", resource: "arn:aws:ecs:us-east-1:123456789012:cluster/b", ctx: &[], expect: ImplicitDeny },
    Case { name: "statements in one policy combine",
        policies: &[r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecs:*","Resource":"*"},{"Effect":"Deny","Action":"ecs:Delete*","Resource":"*"}]}"#],
        action: "ecs:DeleteCluster", resource: R, ctx: &[], expect: ExplicitDeny },

    // ---- Action matching
    Case { name: "action names are case-insensitive", policies: &[r#"{"Statement":{"Effect":"Allow","Action":"ECS:runtask","Resource":"*"}}"#],
        action: "ecs:RunTask", resource: R, ctx: &[], expect: Allow },
    Case { name: "action wildcard *", policies: &[r#"{"Statement":{"Effect":"Allow","Action":"ecs:Describe*","Resource":"*"}}"#],
        action: "ecs:DescribeTasks", resource: R, ctx: &[], expect: Allow },
    Case { name: "action wildcard ? matches one char", policies: &[r#"{"Statement":{"Effect":"Allow","Action":"ecs:?topTask","Resource":"*"}}"#],
        action: "ecs:StopTask", resource: R, ctx: &[], expect: Allow },
    Case { name: "action prefix does not match other service", policies: &[r#"{"Statement":{"Effect":"Allow","Action":"ecs:*","Resource":"*"}}"#],
        action: "logs:PutLogEvents", resource: R, ctx: &[], expect: ImplicitDeny },
    Case { name: "NotAction allow: everything except iam", policies: &[r#"{"Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}"#],
        action: "ecs:RunTask", resource: R, ctx: &[], expect: Allow },
    Case { name: "NotAction allow: excluded action not allowed", policies: &[r#"{"Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}"#],
        action: "iam:PassRole", resource: R, ctx: &[], expect: ImplicitDeny },
    Case { name: "NotAction deny: deny all but listed",
        policies: &[ALLOW_ALL, r#"{"Statement":{"Effect":"Deny","NotAction":["ecs:List*","ecs:Describe*"],"Resource":"*"}}"#],
        action: "ecs:ListTasks", resource: R, ctx: &[], expect: Allow },
    Case { name: "NotAction deny applies to unlisted",
        policies: &[ALLOW_ALL, r#"{"Statement":{"Effect":"Deny","NotAction":["ecs:List*","ecs:Describe*"],"Resource":"*"}}"#],
        action: "ecs:RunTask", resource: R, ctx: &[], expect: ExplicitDeny },

    // ---- Resource matching
    Case { name: "resource wildcard across slash", policies: &[r#"{"Statement":{"Effect":"Allow","Action":"ecs:StopTask","Resource":"arn:aws:ecs:us-east-1:123456789012:task/jobs/*"}}"#],
        action: "ecs:StopTask", resource: "arn:aws:ecs:us-east-1:123456789012:task/jobs/0123456789abcdef0123456789abcdef", ctx: &[], expect: Allow },
    Case { name: "resource in other cluster", policies: &[r#"{"Statement":{"Effect":"Allow","Action":"ecs:StopTask","Resource":"arn:aws:ecs:us-east-1:123456789012:task/jobs/*"}}"#],
        action: "ecs:StopTask", resource: "arn:aws:ecs:us-east-1:123456789012:task/web/0123", ctx: &[], expect: ImplicitDeny },
    Case { name: "resources are case-sensitive", policies: &[r#"{"Statement":{"Effect":"Allow","Action":"ecs:StopTask","Resource":"arn:aws:ecs:us-east-1:123456789012:task/JOBS/*"}}"#],
        action: "ecs:StopTask", resource: "arn:aws:ecs:us-east-1:123456789012:task/jobs/1", ctx: &[], expect: ImplicitDeny },
    Case { name: "wildcard region and account segments", policies: &[r#"{"Statement":{"Effect":"Allow","Action":"ecs:*","Resource":"arn:aws:ecs:*:*:cluster/*"}}"#],
        action: "ecs:DescribeClusters", resource: "arn:aws:ecs:eu-west-1:123456789012:cluster/x", ctx: &[], expect: Allow },
    Case { name: "segment wildcard does not cross a colon", policies: &[r#"{"Statement":{"Effect":"Allow","Action":"ecs:*","Resource":"arn:aws:ecs:us-*:123456789012:cluster/x"}}"#],
        action: "ecs:DescribeClusters", resource: "arn:aws:ecs:us-east-1:999999999999:cluster/x", ctx: &[], expect: ImplicitDeny },
    Case { name: "resource segment may contain colons (task-definition family:*)", policies: &[RUN_BATCH],
        action: "ecs:RunTask", resource: "arn:aws:ecs:us-east-1:123456789012:task-definition/batch:7", ctx: &[("ecs:cluster", &[JOBS]), USE1], expect: Allow },
    Case { name: "NotResource allow", policies: &[r#"{"Statement":{"Effect":"Allow","Action":"ecs:*","NotResource":"arn:aws:ecs:us-east-1:123456789012:cluster/prod"}}"#],
        action: "ecs:DeleteCluster", resource: "arn:aws:ecs:us-east-1:123456789012:cluster/dev", ctx: &[], expect: Allow },
    Case { name: "NotResource allow excludes listed", policies: &[r#"{"Statement":{"Effect":"Allow","Action":"ecs:*","NotResource":"arn:aws:ecs:us-east-1:123456789012:cluster/prod"}}"#],
        action: "ecs:DeleteCluster", resource: "arn:aws:ecs:us-east-1:123456789012:cluster/prod", ctx: &[], expect: ImplicitDeny },
    Case { name: "request resource * only matched by policy *", policies: &[r#"{"Statement":{"Effect":"Allow","Action":"ecs:ListClusters","Resource":"arn:aws:ecs:*:*:*"}}"#],
        action: "ecs:ListClusters", resource: "*", ctx: &[], expect: ImplicitDeny },

    // ---- String operators
    Case { name: "StringEquals match", policies: &[allow_if!(r#"{"StringEquals":{"aws:PrincipalTag/team":"blue"}}"#)], action: A, resource: R,
        ctx: &[("aws:PrincipalTag/team", &["blue"])], expect: Allow },
    Case { name: "StringEquals is case-sensitive", policies: &[allow_if!(r#"{"StringEquals":{"aws:PrincipalTag/team":"blue"}}"#)], action: A, resource: R,
        ctx: &[("aws:PrincipalTag/team", &["Blue"])], expect: ImplicitDeny },
    Case { name: "condition keys are case-insensitive", policies: &[allow_if!(r#"{"StringEquals":{"AWS:PRINCIPALTAG/TEAM":"blue"}}"#)], action: A, resource: R,
        ctx: &[("aws:principaltag/team", &["blue"])], expect: Allow },
    Case { name: "StringEquals treats * literally", policies: &[allow_if!(r#"{"StringEquals":{"aws:username":"bo*"}}"#)], action: A, resource: R,
        ctx: &[("aws:username", &["bob"])], expect: ImplicitDeny },
    Case { name: "StringEquals missing key is false", policies: &[allow_if!(r#"{"StringEquals":{"aws:username":"bob"}}"#)], action: A, resource: R,
        ctx: &[], expect: ImplicitDeny },
    Case { name: "multiple values for one key are ORed", policies: &[allow_if!(r#"{"StringEquals":{"aws:username":["alice","bob"]}}"#)], action: A, resource: R,
        ctx: &[("aws:username", &["bob"])], expect: Allow },
    Case { name: "multiple keys in one operator are ANDed", policies: &[allow_if!(r#"{"StringEquals":{"aws:username":"bob","aws:PrincipalTag/team":"blue"}}"#)], action: A, resource: R,
        ctx: &[("aws:username", &["bob"]), ("aws:PrincipalTag/team", &["red"])], expect: ImplicitDeny },
    Case { name: "multiple operators are ANDed", policies: &[allow_if!(r#"{"StringEquals":{"aws:username":"bob"},"Bool":{"aws:SecureTransport":"true"}}"#)], action: A, resource: R,
        ctx: &[("aws:username", &["bob"]), ("aws:SecureTransport", &["true"])], expect: Allow },
    Case { name: "StringNotEquals with other value", policies: &[allow_if!(r#"{"StringNotEquals":{"aws:username":"bob"}}"#)], action: A, resource: R,
        ctx: &[("aws:username", &["alice"])], expect: Allow },
    Case { name: "StringNotEquals with listed value", policies: &[allow_if!(r#"{"StringNotEquals":{"aws:username":["alice","bob"]}}"#)], action: A, resource: R,
        ctx: &[("aws:username", &["alice"])], expect: ImplicitDeny },
    Case { name: "negated operator with missing key is true", policies: &[allow_if!(r#"{"StringNotEquals":{"aws:username":"bob"}}"#)], action: A, resource: R,
        ctx: &[], expect: Allow },
    Case { name: "region guard deny (ecs-api §8.5) applies outside us-east-1", policies: &[RUN_BATCH],
        action: "ecs:RunTask", resource: "arn:aws:ecs:us-east-1:123456789012:task-definition/batch:7",
        ctx: &[("ecs:cluster", &[JOBS]), ("aws:RequestedRegion", &["eu-west-1"])], expect: ExplicitDeny },
    Case { name: "region guard deny applies when key missing", policies: &[RUN_BATCH],
        action: "ecs:RunTask", resource: "arn:aws:ecs:us-east-1:123456789012:task-definition/batch:7",
        ctx: &[("ecs:cluster", &[JOBS])], expect: ExplicitDeny },
    Case { name: "StringEqualsIgnoreCase", policies: &[allow_if!(r#"{"StringEqualsIgnoreCase":{"aws:PrincipalTag/team":"BLUE"}}"#)], action: A, resource: R,
        ctx: &[("aws:PrincipalTag/team", &["blue"])], expect: Allow },
    Case { name: "StringNotEqualsIgnoreCase", policies: &[allow_if!(r#"{"StringNotEqualsIgnoreCase":{"aws:PrincipalTag/team":"BLUE"}}"#)], action: A, resource: R,
        ctx: &[("aws:PrincipalTag/team", &["blue"])], expect: ImplicitDeny },
    Case { name: "StringLike wildcard", policies: &[allow_if!(r#"{"StringLike":{"s3:prefix":["","home/","home/${aws:username}/*"]}}"#)], action: A, resource: R,
        ctx: &[("s3:prefix", &["home/bob/docs"]), ("aws:username", &["bob"])], expect: Allow },
    Case { name: "StringLike with variable for another user", policies: &[allow_if!(r#"{"StringLike":{"s3:prefix":["home/${aws:username}/*"]}}"#)], action: A, resource: R,
        ctx: &[("s3:prefix", &["home/alice/docs"]), ("aws:username", &["bob"])], expect: ImplicitDeny },
    Case { name: "StringLike ? wildcard", policies: &[allow_if!(r#"{"StringLike":{"aws:PrincipalTag/cc":"cc-??"}}"#)], action: A, resource: R,
        ctx: &[("aws:PrincipalTag/cc", &["cc-12"])], expect: Allow },
    Case { name: "StringNotLike", policies: &[deny_if!(r#"{"StringNotLike":{"aws:username":"svc-*"}}"#)], action: A, resource: R,
        ctx: &[("aws:username", &["bob"])], expect: ExplicitDeny },
    Case { name: "StringEqualsIfExists with missing key is true", policies: &[allow_if!(r#"{"StringEqualsIfExists":{"ec2:InstanceType":["t1.*","t2.*"]}}"#)], action: A, resource: R,
        ctx: &[], expect: Allow },
    Case { name: "StringLikeIfExists with present key evaluates", policies: &[allow_if!(r#"{"StringLikeIfExists":{"ec2:InstanceType":["t1.*","t2.*"]}}"#)], action: A, resource: R,
        ctx: &[("ec2:InstanceType", &["m5.large"])], expect: ImplicitDeny },
    Case { name: "StringLikeIfExists with matching key", policies: &[allow_if!(r#"{"StringLikeIfExists":{"ec2:InstanceType":["t1.*","t2.*"]}}"#)], action: A, resource: R,
        ctx: &[("ec2:InstanceType", &["t2.micro"])], expect: Allow },

    // ---- Numeric
    Case { name: "NumericLessThanEquals", policies: &[allow_if!(r#"{"NumericLessThanEquals":{"s3:max-keys":"10"}}"#)], action: A, resource: R,
        ctx: &[("s3:max-keys", &["10"])], expect: Allow },
    Case { name: "NumericLessThanEquals exceeded", policies: &[allow_if!(r#"{"NumericLessThanEquals":{"s3:max-keys":"10"}}"#)], action: A, resource: R,
        ctx: &[("s3:max-keys", &["11"])], expect: ImplicitDeny },
    Case { name: "NumericLessThan float", policies: &[allow_if!(r#"{"NumericLessThan":{"ecs:task-cpu":1024.5}}"#)], action: A, resource: R,
        ctx: &[("ecs:task-cpu", &["1024"])], expect: Allow },
    Case { name: "NumericGreaterThan", policies: &[deny_if!(r#"{"NumericGreaterThan":{"aws:MultiFactorAuthAge":"3600"}}"#)], action: A, resource: R,
        ctx: &[("aws:MultiFactorAuthAge", &["7200"])], expect: ExplicitDeny },
    Case { name: "NumericGreaterThanEquals boundary", policies: &[allow_if!(r#"{"NumericGreaterThanEquals":{"ecs:task-memory":"512"}}"#)], action: A, resource: R,
        ctx: &[("ecs:task-memory", &["512"])], expect: Allow },
    Case { name: "NumericEquals", policies: &[allow_if!(r#"{"NumericEquals":{"ecs:task-cpu":"256"}}"#)], action: A, resource: R,
        ctx: &[("ecs:task-cpu", &["256.0"])], expect: Allow },
    Case { name: "NumericNotEquals", policies: &[allow_if!(r#"{"NumericNotEquals":{"ecs:task-cpu":["256","512"]}}"#)], action: A, resource: R,
        ctx: &[("ecs:task-cpu", &["512"])], expect: ImplicitDeny },
    Case { name: "Numeric with non-numeric request value never matches", policies: &[allow_if!(r#"{"NumericLessThan":{"ecs:task-cpu":"1024"}}"#)], action: A, resource: R,
        ctx: &[("ecs:task-cpu", &["abc"])], expect: ImplicitDeny },
    Case { name: "NumericLessThanIfExists missing", policies: &[allow_if!(r#"{"NumericLessThanIfExists":{"ecs:task-cpu":"1024"}}"#)], action: A, resource: R,
        ctx: &[], expect: Allow },

    // ---- Date
    Case { name: "DateGreaterThan ISO", policies: &[allow_if!(r#"{"DateGreaterThan":{"aws:CurrentTime":"2020-04-01T00:00:01Z"}}"#)], action: A, resource: R,
        ctx: &[("aws:CurrentTime", &["2026-11-26T04:00:00Z"])], expect: Allow },
    Case { name: "DateLessThan ISO (expired window)", policies: &[allow_if!(r#"{"DateLessThan":{"aws:CurrentTime":"2020-06-30T23:59:59Z"}}"#)], action: A, resource: R,
        ctx: &[("aws:CurrentTime", &["2026-11-26T04:00:00Z"])], expect: ImplicitDeny },
    Case { name: "Date window: both bounds", policies: &[allow_if!(r#"{"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"},"DateLessThan":{"aws:CurrentTime":"2027-01-01T00:00:00Z"}}"#)], action: A, resource: R,
        ctx: &[("aws:CurrentTime", &["2026-11-26T04:00:00Z"])], expect: Allow },
    Case { name: "Date epoch seconds policy value", policies: &[allow_if!(r#"{"DateLessThanEquals":{"aws:EpochTime":"1767225600"}}"#)], action: A, resource: R,
        ctx: &[("aws:EpochTime", &["1767225600"])], expect: Allow },
    Case { name: "Date epoch request vs ISO policy", policies: &[allow_if!(r#"{"DateGreaterThanEquals":{"aws:EpochTime":"2026-01-01T00:00:00Z"}}"#)], action: A, resource: R,
        ctx: &[("aws:EpochTime", &["1767225599"])], expect: ImplicitDeny },
    Case { name: "DateEquals with offset", policies: &[allow_if!(r#"{"DateEquals":{"aws:TokenIssueTime":"2026-01-01T01:00:00+01:00"}}"#)], action: A, resource: R,
        ctx: &[("aws:TokenIssueTime", &["2026-01-01T00:00:00Z"])], expect: Allow },
    Case { name: "DateNotEquals", policies: &[allow_if!(r#"{"DateNotEquals":{"aws:TokenIssueTime":"2026-01-01"}}"#)], action: A, resource: R,
        ctx: &[("aws:TokenIssueTime", &["2026-01-01T00:00:00Z"])], expect: ImplicitDeny },
    Case { name: "Date missing key is false", policies: &[allow_if!(r#"{"DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}"#)], action: A, resource: R,
        ctx: &[], expect: ImplicitDeny },

    // ---- Bool
    Case { name: "Bool deny insecure transport", policies: &[deny_if!(r#"{"Bool":{"aws:SecureTransport":"false"}}"#)], action: A, resource: R,
        ctx: &[("aws:SecureTransport", &["false"])], expect: ExplicitDeny },
    Case { name: "Bool secure transport passes", policies: &[deny_if!(r#"{"Bool":{"aws:SecureTransport":"false"}}"#)], action: A, resource: R,
        ctx: &[("aws:SecureTransport", &["true"])], expect: Allow },
    Case { name: "Bool JSON boolean and case", policies: &[allow_if!(r#"{"Bool":{"aws:MultiFactorAuthPresent":true}}"#)], action: A, resource: R,
        ctx: &[("aws:MultiFactorAuthPresent", &["TRUE"])], expect: Allow },
    Case { name: "Bool missing key is false (MFA example)", policies: &[allow_if!(r#"{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"#)], action: A, resource: R,
        ctx: &[], expect: ImplicitDeny },
    Case { name: "BoolIfExists false with missing key denies (MFA deny example)",
        policies: &[deny_if!(r#"{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}"#)], action: A, resource: R,
        ctx: &[], expect: ExplicitDeny },

    // ---- IP address
    Case { name: "IpAddress in CIDR", policies: &[allow_if!(r#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#)], action: A, resource: R,
        ctx: &[("aws:SourceIp", &["203.0.113.77"])], expect: Allow },
    Case { name: "IpAddress outside CIDR", policies: &[allow_if!(r#"{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}"#)], action: A, resource: R,
        ctx: &[("aws:SourceIp", &["203.0.114.1"])], expect: ImplicitDeny },
    Case { name: "IpAddress single address", policies: &[allow_if!(r#"{"IpAddress":{"aws:SourceIp":"192.0.2.10"}}"#)], action: A, resource: R,
        ctx: &[("aws:SourceIp", &["192.0.2.10"])], expect: Allow },
    Case { name: "IpAddress IPv6 CIDR", policies: &[allow_if!(r#"{"IpAddress":{"aws:SourceIp":["203.0.113.0/24","2001:DB8:1234:5678::/64"]}}"#)], action: A, resource: R,
        ctx: &[("aws:SourceIp", &["2001:db8:1234:5678::1"])], expect: Allow },
    Case { name: "NotIpAddress deny outside ranges", policies: &[deny_if!(r#"{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]}}"#)], action: A, resource: R,
        ctx: &[("aws:SourceIp", &["198.51.100.1"])], expect: ExplicitDeny },
    Case { name: "NotIpAddress inside range", policies: &[deny_if!(r#"{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]}}"#)], action: A, resource: R,
        ctx: &[("aws:SourceIp", &["192.0.2.1"])], expect: Allow },
    Case { name: "IpAddress v4 address vs v6 range", policies: &[allow_if!(r#"{"IpAddress":{"aws:SourceIp":"::/0"}}"#)], action: A, resource: R,
        ctx: &[("aws:SourceIp", &["10.0.0.1"])], expect: ImplicitDeny },

    // ---- ARN operators
    Case { name: "ArnEquals ecs:cluster (ecs-api §8.5)", policies: &[RUN_BATCH],
        action: "ecs:RunTask", resource: "arn:aws:ecs:us-east-1:123456789012:task-definition/batch:1",
        ctx: &[("ecs:cluster", &["arn:aws:ecs:us-east-1:123456789012:cluster/other"]), USE1], expect: ImplicitDeny },
    Case { name: "ArnLike wildcard in resource segment", policies: &[allow_if!(r#"{"ArnLike":{"aws:SourceArn":"arn:aws:ecs:us-east-1:123456789012:cluster/j*"}}"#)], action: A, resource: R,
        ctx: &[("aws:SourceArn", &["arn:aws:ecs:us-east-1:123456789012:cluster/jobs"])], expect: Allow },
    Case { name: "ArnLike wildcard account segment", policies: &[allow_if!(r#"{"ArnLike":{"aws:SourceArn":"arn:aws:ecs:*:*:cluster/jobs"}}"#)], action: A, resource: R,
        ctx: &[("aws:SourceArn", &["arn:aws:ecs:eu-west-1:123456789012:cluster/jobs"])], expect: Allow },
    Case { name: "ArnLike segment wildcard cannot cross colon", policies: &[allow_if!(r#"{"ArnLike":{"aws:SourceArn":"arn:aws:ecs:us-*:cluster/jobs:x:y"}}"#)], action: A, resource: R,
        ctx: &[("aws:SourceArn", &["arn:aws:ecs:us-east-1:123456789012:cluster/jobs"])], expect: ImplicitDeny },
    Case { name: "ArnEquals also takes wildcards", policies: &[allow_if!(r#"{"ArnEquals":{"aws:SourceArn":"arn:aws:ecs:us-east-1:123456789012:cluster/*"}}"#)], action: A, resource: R,
        ctx: &[("aws:SourceArn", &["arn:aws:ecs:us-east-1:123456789012:cluster/x"])], expect: Allow },
    Case { name: "ArnLike non-ARN request value never matches", policies: &[allow_if!(r#"{"ArnLike":{"aws:SourceArn":"*"}}"#)], action: A, resource: R,
        ctx: &[("aws:SourceArn", &["cluster/x"])], expect: ImplicitDeny },
    Case { name: "ArnNotLike with missing key is true", policies: &[deny_if!(r#"{"ArnNotLike":{"aws:SourceArn":"arn:aws:ecs:*:123456789012:*"}}"#)], action: A, resource: R,
        ctx: &[], expect: ExplicitDeny },
    Case { name: "ArnNotEquals own account passes", policies: &[deny_if!(r#"{"ArnNotEquals":{"aws:SourceArn":"arn:aws:ecs:*:123456789012:*"}}"#)], action: A, resource: R,
        ctx: &[("aws:SourceArn", &["arn:aws:ecs:us-east-1:123456789012:cluster/a"])], expect: Allow },

    // ---- Null
    Case { name: "Null true: key absent", policies: &[allow_if!(r#"{"Null":{"aws:TokenIssueTime":"true"}}"#)], action: A, resource: R,
        ctx: &[], expect: Allow },
    Case { name: "Null true: key present", policies: &[allow_if!(r#"{"Null":{"aws:TokenIssueTime":"true"}}"#)], action: A, resource: R,
        ctx: &[("aws:TokenIssueTime", &["2026-01-01T00:00:00Z"])], expect: ImplicitDeny },
    Case { name: "Null false: key present", policies: &[allow_if!(r#"{"Null":{"aws:RequestTag/env":"false"}}"#)], action: A, resource: R,
        ctx: &[("aws:RequestTag/env", &["prod"])], expect: Allow },
    Case { name: "Null false: key absent", policies: &[allow_if!(r#"{"Null":{"aws:RequestTag/env":false}}"#)], action: A, resource: R,
        ctx: &[], expect: ImplicitDeny },

    // ---- Set operators (multivalued keys)
    Case { name: "ForAllValues:StringLike deny with Null guard: all keys allowed prefixes",
        policies: &[deny_if!(r#"{"Null":{"aws:TagKeys":"false"},"ForAllValues:StringLike":{"aws:TagKeys":["key1*","key2*","key3*"]}}"#)],
        action: "iam:TagUser", resource: R, ctx: &[("aws:TagKeys", &["key1:legal", "key2:x"])], expect: ExplicitDeny },
    Case { name: "ForAllValues:StringLike deny: one key outside set",
        policies: &[deny_if!(r#"{"Null":{"aws:TagKeys":"false"},"ForAllValues:StringLike":{"aws:TagKeys":["key1*","key2*","key3*"]}}"#)],
        action: "iam:TagUser", resource: R, ctx: &[("aws:TagKeys", &["key1:legal", "other"])], expect: Allow },
    Case { name: "ForAllValues:StringLike deny with Null guard: no tags",
        policies: &[deny_if!(r#"{"Null":{"aws:TagKeys":"false"},"ForAllValues:StringLike":{"aws:TagKeys":["key1*"]}}"#)],
        action: "iam:TagUser", resource: R, ctx: &[], expect: Allow },
    Case { name: "ForAllValues missing key is true", policies: &[allow_if!(r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}"#)], action: A, resource: R,
        ctx: &[], expect: Allow },
    Case { name: "ForAllValues empty set is true", policies: &[allow_if!(r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}"#)], action: A, resource: R,
        ctx: &[("aws:TagKeys", &[])], expect: Allow },
    Case { name: "ForAllValues subset", policies: &[allow_if!(r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}"#)], action: A, resource: R,
        ctx: &[("aws:TagKeys", &["team"])], expect: Allow },
    Case { name: "ForAllValues not a subset", policies: &[allow_if!(r#"{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}"#)], action: A, resource: R,
        ctx: &[("aws:TagKeys", &["team", "cost"])], expect: ImplicitDeny },
    Case { name: "ForAnyValue deny: one listed tag key", policies: &[deny_if!(r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["environment","webserver"]}}"#)],
        action: "ec2:CreateSnapshot", resource: R, ctx: &[("aws:TagKeys", &["webserver", "owner"])], expect: ExplicitDeny },
    Case { name: "ForAnyValue deny: no listed tag key", policies: &[deny_if!(r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":["environment","webserver"]}}"#)],
        action: "ec2:CreateSnapshot", resource: R, ctx: &[("aws:TagKeys", &["owner"])], expect: Allow },
    Case { name: "ForAnyValue missing key is false", policies: &[allow_if!(r#"{"ForAnyValue:StringEquals":{"aws:TagKeys":"env"}}"#)], action: A, resource: R,
        ctx: &[], expect: ImplicitDeny },
    Case { name: "ForAllValues:StringNotLike: key absent (cloudcopilot table)", policies: &[allow_if!(r#"{"ForAllValues:StringNotLike":{"aws:TagKeys":["Owner:*","State:??"]}}"#)], action: A, resource: R,
        ctx: &[], expect: Allow },
    Case { name: "ForAllValues:StringNotLike: all match policy", policies: &[allow_if!(r#"{"ForAllValues:StringNotLike":{"aws:TagKeys":["Owner:*","State:??"]}}"#)], action: A, resource: R,
        ctx: &[("aws:TagKeys", &["Owner:Legal", "State:NY"])], expect: ImplicitDeny },
    Case { name: "ForAllValues:StringNotLike: one matches policy", policies: &[allow_if!(r#"{"ForAllValues:StringNotLike":{"aws:TagKeys":["Owner:*","State:??"]}}"#)], action: A, resource: R,
        ctx: &[("aws:TagKeys", &["Owner:Legal", "owner:Legal"])], expect: ImplicitDeny },
    Case { name: "ForAllValues:StringNotLike: none match policy", policies: &[allow_if!(r#"{"ForAllValues:StringNotLike":{"aws:TagKeys":["Owner:*","State:??"]}}"#)], action: A, resource: R,
        ctx: &[("aws:TagKeys", &["owner:Legal", "State:NewYork"])], expect: Allow },
    Case { name: "ForAnyValue:StringNotLike: key absent", policies: &[allow_if!(r#"{"ForAnyValue:StringNotLike":{"aws:TagKeys":["Owner:*","State:??"]}}"#)], action: A, resource: R,
        ctx: &[], expect: ImplicitDeny },
    Case { name: "ForAnyValue:StringNotLike: all match policy", policies: &[allow_if!(r#"{"ForAnyValue:StringNotLike":{"aws:TagKeys":["Owner:*","State:??"]}}"#)], action: A, resource: R,
        ctx: &[("aws:TagKeys", &["Owner:Legal", "State:NY"])], expect: ImplicitDeny },
    Case { name: "ForAnyValue:StringNotLike: one does not match", policies: &[allow_if!(r#"{"ForAnyValue:StringNotLike":{"aws:TagKeys":["Owner:*","State:??"]}}"#)], action: A, resource: R,
        ctx: &[("aws:TagKeys", &["owner:Legal", "Owner:Legal"])], expect: Allow },
    Case { name: "ForAnyValue:ArnLike on capacity providers", policies: &[allow_if!(r#"{"ForAnyValue:ArnLike":{"ecs:capacity-provider":"arn:aws:ecs:*:*:capacity-provider/spot*"}}"#)], action: A, resource: R,
        ctx: &[("ecs:capacity-provider", &["arn:aws:ecs:us-east-1:123456789012:capacity-provider/od", "arn:aws:ecs:us-east-1:123456789012:capacity-provider/spot-1"])], expect: Allow },

    // ---- Policy variables
    Case { name: "variable in Resource", policies: &[r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:*AccessKey*","Resource":"arn:aws:iam::123456789012:user/${aws:username}"}}"#],
        action: "iam:CreateAccessKey", resource: "arn:aws:iam::123456789012:user/bob", ctx: &[("aws:username", &["bob"])], expect: Allow },
    Case { name: "variable in Resource: other user", policies: &[r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:*AccessKey*","Resource":"arn:aws:iam::123456789012:user/${aws:username}"}}"#],
        action: "iam:CreateAccessKey", resource: "arn:aws:iam::123456789012:user/alice", ctx: &[("aws:username", &["bob"])], expect: ImplicitDeny },
    Case { name: "unresolved variable never matches", policies: &[r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:iam::123456789012:user/${aws:username}"}}"#],
        action: "iam:GetUser", resource: "arn:aws:iam::123456789012:user/", ctx: &[], expect: ImplicitDeny },
    Case { name: "variable default value", policies: &[r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:ecs:us-east-1:123456789012:cluster/${aws:PrincipalTag/team, 'shared'}"}}"#],
        action: "ecs:DescribeClusters", resource: "arn:aws:ecs:us-east-1:123456789012:cluster/shared", ctx: &[], expect: Allow },
    Case { name: "variable value is literal, not a wildcard", policies: &[r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:ecs:us-east-1:123456789012:cluster/${aws:PrincipalTag/team}"}}"#],
        action: "ecs:DescribeClusters", resource: "arn:aws:ecs:us-east-1:123456789012:cluster/anything", ctx: &[("aws:PrincipalTag/team", &["*"])], expect: ImplicitDeny },
    Case { name: "variable in condition value", policies: &[allow_if!(r#"{"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}}"#)], action: A, resource: R,
        ctx: &[("aws:ResourceTag/owner", &["bob"]), ("aws:username", &["bob"])], expect: Allow },
    Case { name: "unresolved variable in condition: condition false (negated too)", policies: &[allow_if!(r#"{"StringNotEquals":{"aws:ResourceTag/owner":"${aws:username}"}}"#)], action: A, resource: R,
        ctx: &[("aws:ResourceTag/owner", &["bob"])], expect: ImplicitDeny },
    Case { name: "Version 2008-10-17 treats ${...} literally", policies: &[r#"{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:iam::123456789012:user/${aws:username}"}}"#],
        action: "iam:GetUser", resource: "arn:aws:iam::123456789012:user/bob", ctx: &[("aws:username", &["bob"])], expect: ImplicitDeny },
    Case { name: "no Version: variables not substituted", policies: &[r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:iam::123456789012:user/${aws:username}"}}"#],
        action: "iam:GetUser", resource: "arn:aws:iam::123456789012:user/${aws:username}", ctx: &[("aws:username", &["bob"])], expect: Allow },

    // ---- ecs-api.md §8.5 examples
    Case { name: "read-only: DescribeTasks", policies: &[READ_ONLY], action: "ecs:DescribeTasks", resource: "arn:aws:ecs:us-east-1:123456789012:task/a/b", ctx: &[], expect: Allow },
    Case { name: "read-only: logs tail", policies: &[READ_ONLY], action: "logs:FilterLogEvents", resource: "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:*", ctx: &[], expect: Allow },
    Case { name: "read-only: logs DescribeLogStreams", policies: &[READ_ONLY], action: "logs:DescribeLogStreams", resource: "*", ctx: &[], expect: Allow },
    Case { name: "read-only: RunTask denied", policies: &[READ_ONLY], action: "ecs:RunTask", resource: "arn:aws:ecs:us-east-1:123456789012:task-definition/x:1", ctx: &[], expect: ImplicitDeny },
    Case { name: "read-only: PutLogEvents denied", policies: &[READ_ONLY], action: "logs:PutLogEvents", resource: "*", ctx: &[], expect: ImplicitDeny },
    Case { name: "batch: other family denied", policies: &[RUN_BATCH], action: "ecs:RunTask", resource: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1",
        ctx: &[("ecs:cluster", &[JOBS]), USE1], expect: ImplicitDeny },
    Case { name: "batch: StopTask in jobs", policies: &[RUN_BATCH], action: "ecs:StopTask", resource: "arn:aws:ecs:us-east-1:123456789012:task/jobs/abc",
        ctx: &[("ecs:cluster", &[JOBS]), USE1], expect: Allow },
    Case { name: "batch: PassRole to ecs-tasks", policies: &[RUN_BATCH], action: "iam:PassRole", resource: "arn:aws:iam::123456789012:role/batch-task",
        ctx: &[("iam:PassedToService", &["ecs-tasks.amazonaws.com"])], expect: Allow },
    Case { name: "batch: PassRole to another service", policies: &[RUN_BATCH], action: "iam:PassRole", resource: "arn:aws:iam::123456789012:role/batch-task",
        ctx: &[("iam:PassedToService", &["ec2.amazonaws.com"])], expect: ImplicitDeny },
    Case { name: "batch: PassRole other role", policies: &[RUN_BATCH], action: "iam:PassRole", resource: "arn:aws:iam::123456789012:role/admin",
        ctx: &[("iam:PassedToService", &["ecs-tasks.amazonaws.com"])], expect: ImplicitDeny },
    Case { name: "batch: region guard does not hit iam (not ecs:*)", policies: &[RUN_BATCH], action: "iam:PassRole", resource: "arn:aws:iam::123456789012:role/batch-task",
        ctx: &[("iam:PassedToService", &["ecs-tasks.amazonaws.com"]), ("aws:RequestedRegion", &["eu-west-1"])], expect: Allow },
];

#[test]
fn evaluation_table() {
    let mut failures = Vec::new();
    for case in CASES {
        let docs: Vec<PolicyDocument> = case
            .policies
            .iter()
            .map(|p| {
                PolicyDocument::parse(p, PolicyKind::Identity)
                    .unwrap_or_else(|e| panic!("{}: policy does not parse: {e}", case.name))
            })
            .collect();
        let got = evaluate(&docs, case.action, case.resource, &context(case.ctx));
        if got != case.expect {
            failures.push(format!(
                "{}: expected {:?}, got {:?}",
                case.name, case.expect, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

struct TrustCase {
    name: &'static str,
    trust: &'static str,
    principal: &'static str,
    account: &'static str,
    action: &'static str,
    ctx: &'static [(&'static str, &'static [&'static str])],
    expect: Decision,
}

const ECS_TASKS_TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
const ACCOUNT_TRUST: &str = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}}"#;
const USER: &str = "arn:aws:iam::123456789012:user/alice";
const ACCT: &str = "123456789012";

#[rustfmt::skip]
const TRUST_CASES: &[TrustCase] = &[
    TrustCase { name: "service principal matches gantry:service", trust: ECS_TASKS_TRUST, principal: "", account: ACCT, action: "sts:AssumeRole",
        ctx: &[("gantry:service", &["ecs-tasks.amazonaws.com"])], expect: Allow },
    TrustCase { name: "service principal: other service", trust: ECS_TASKS_TRUST, principal: "", account: ACCT, action: "sts:AssumeRole",
        ctx: &[("gantry:service", &["ec2.amazonaws.com"])], expect: ImplicitDeny },
    TrustCase { name: "service principal: a user is not the service", trust: ECS_TASKS_TRUST, principal: USER, account: ACCT, action: "sts:AssumeRole",
        ctx: &[], expect: ImplicitDeny },
    TrustCase { name: "service principal: other action", trust: ECS_TASKS_TRUST, principal: "", account: ACCT, action: "sts:TagSession",
        ctx: &[("gantry:service", &["ecs-tasks.amazonaws.com"])], expect: ImplicitDeny },
    TrustCase { name: "account root trusts any principal of the account", trust: ACCOUNT_TRUST, principal: USER, account: ACCT, action: "sts:AssumeRole", ctx: &[], expect: Allow },
    TrustCase { name: "account root: other account", trust: ACCOUNT_TRUST, principal: "arn:aws:iam::999999999999:user/alice", account: "999999999999", action: "sts:AssumeRole", ctx: &[], expect: ImplicitDeny },
    TrustCase { name: "bare account id", trust: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"}}"#,
        principal: USER, account: ACCT, action: "sts:AssumeRole", ctx: &[], expect: Allow },
    TrustCase { name: "exact user ARN", trust: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:user/alice"]},"Action":"sts:AssumeRole"}}"#,
        principal: USER, account: ACCT, action: "sts:AssumeRole", ctx: &[], expect: Allow },
    TrustCase { name: "exact user ARN: other user", trust: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:user/alice"]},"Action":"sts:AssumeRole"}}"#,
        principal: "arn:aws:iam::123456789012:user/bob", account: ACCT, action: "sts:AssumeRole", ctx: &[], expect: ImplicitDeny },
    TrustCase { name: "role ARN matches its assumed-role session", trust: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/ops/deployer"},"Action":"sts:AssumeRole"}}"#,
        principal: "arn:aws:sts::123456789012:assumed-role/deployer/session-1", account: ACCT, action: "sts:AssumeRole", ctx: &[], expect: Allow },
    TrustCase { name: "role ARN: session of other role", trust: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/deployer"},"Action":"sts:AssumeRole"}}"#,
        principal: "arn:aws:sts::123456789012:assumed-role/reader/session-1", account: ACCT, action: "sts:AssumeRole", ctx: &[], expect: ImplicitDeny },
    TrustCase { name: "Principal * with ExternalId condition", trust: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"xyz"}}}}"#,
        principal: USER, account: ACCT, action: "sts:AssumeRole", ctx: &[("sts:ExternalId", &["xyz"])], expect: Allow },
    TrustCase { name: "Principal * without ExternalId", trust: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"xyz"}}}}"#,
        principal: USER, account: ACCT, action: "sts:AssumeRole", ctx: &[], expect: ImplicitDeny },
    TrustCase { name: "AWS * matches any AWS principal", trust: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}}"#,
        principal: USER, account: ACCT, action: "sts:AssumeRole", ctx: &[], expect: Allow },
    TrustCase { name: "Deny NotPrincipal: everyone except alice denied", trust: r#"{"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"},
            {"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:user/alice"},"Action":"sts:AssumeRole"}]}"#,
        principal: "arn:aws:iam::123456789012:user/bob", account: ACCT, action: "sts:AssumeRole", ctx: &[], expect: ExplicitDeny },
    TrustCase { name: "Deny NotPrincipal: listed principal not denied", trust: r#"{"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:AssumeRole"},
            {"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:user/alice"},"Action":"sts:AssumeRole"}]}"#,
        principal: USER, account: ACCT, action: "sts:AssumeRole", ctx: &[], expect: Allow },
    TrustCase { name: "explicit deny for a user in trust", trust: r#"{"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"sts:*"},
            {"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::123456789012:user/alice"},"Action":"sts:AssumeRole"}]}"#,
        principal: USER, account: ACCT, action: "sts:AssumeRole", ctx: &[], expect: ExplicitDeny },
];

#[test]
fn trust_table() {
    let mut failures = Vec::new();
    for case in TRUST_CASES {
        let doc = PolicyDocument::parse(case.trust, PolicyKind::Trust)
            .unwrap_or_else(|e| panic!("{}: trust policy does not parse: {e}", case.name));
        let got = evaluate_trust(
            &doc,
            case.principal,
            case.account,
            case.action,
            &context(case.ctx),
        );
        if got != case.expect {
            failures.push(format!(
                "{}: expected {:?}, got {:?}",
                case.name, case.expect, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn context_is_case_insensitive_and_merges() {
    let mut a = Context::new();
    a.set_one("AWS:UserName", "bob").set_one("x:k", "1");
    assert_eq!(a.get("aws:username"), Some(&["bob".to_string()][..]));
    let mut b = Context::new();
    b.set("X:K", vec!["2".into(), "3".into()]);
    let m = a.merged(&b);
    assert_eq!(m.get("x:k"), Some(&["2".to_string(), "3".to_string()][..]));
    assert_eq!(m.get("aws:username"), Some(&["bob".to_string()][..]));
    assert_eq!(m.get("nope"), None);
}
