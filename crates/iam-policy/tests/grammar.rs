//! Table-driven grammar tests: which documents parse, and the
//! `MalformedPolicyDocument` message for those that do not.

use gantry_iam_policy::policy::{Effect, Matcher, Principal};
use gantry_iam_policy::{non_whitespace_len, PolicyDocument, PolicyError, PolicyKind};
use PolicyKind::{Identity, Trust};

struct Case {
    name: &'static str,
    kind: PolicyKind,
    doc: &'static str,
    /// `None`: parses; `Some(msg)`: rejected with exactly this message.
    error: Option<&'static str>,
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    // ---- accepted
    Case { name: "minimal identity policy", kind: Identity, error: None,
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ecs:RunTask","Resource":"*"}}"# },
    Case { name: "statement array, Id, Sid, lists", kind: Identity, error: None,
        doc: r#"{"Version":"2012-10-17","Id":"p1","Statement":[{"Sid":"A","Effect":"Allow","Action":["ecs:Describe*","logs:*"],"Resource":["arn:aws:ecs:us-east-1:123456789012:cluster/*","*"]},{"Sid":"B","Effect":"Deny","NotAction":"iam:*","NotResource":"arn:aws:iam::123456789012:role/x"}]}"# },
    Case { name: "old version and no version", kind: Identity, error: None,
        doc: r#"{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"# },
    Case { name: "no version", kind: Identity, error: None,
        doc: r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"# },
    Case { name: "every condition operator family, set qualifiers, IfExists", kind: Identity, error: None,
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{
            "StringEqualsIgnoreCaseIfExists":{"a:b":"x"},"ForAnyValue:StringLike":{"aws:TagKeys":["a*"]},
            "ForAllValues:ArnLike":{"ecs:capacity-provider":"arn:aws:ecs:*:*:capacity-provider/*"},
            "NumericLessThanEquals":{"ecs:task-cpu":1024},"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"},
            "Bool":{"aws:SecureTransport":true},"BinaryEquals":{"k:b":"QmluYXJ5"},"NotIpAddressIfExists":{"aws:SourceIp":["10.0.0.0/8","::1"]},
            "ArnNotEquals":{"aws:SourceArn":"arn:aws:ecs:us-east-1:123456789012:cluster/x"},"Null":{"aws:TokenIssueTime":"true"}}}}"# },
    Case { name: "trust policy with service principal", kind: Trust, error: None,
        doc: r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ecs-tasks.amazonaws.com"]},"Action":"sts:AssumeRole"}]}"# },
    Case { name: "trust policy with AWS principals", kind: Trust, error: None,
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":["123456789012","arn:aws:iam::123456789012:root","arn:aws:iam::123456789012:user/a","arn:aws:iam::123456789012:role/p/r","*"]},"Action":["sts:AssumeRole","sts:TagSession"]}}"# },
    Case { name: "trust policy Principal *", kind: Trust, error: None,
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}}"# },
    Case { name: "trust policy NotPrincipal", kind: Trust, error: None,
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:user/a"},"Action":"sts:AssumeRole"}}"# },

    // ---- JSON / structure
    Case { name: "invalid JSON", kind: Identity, error: Some("Syntax errors in policy."), doc: r#"{"Version":"2012-10-17","Statement":["# },
    Case { name: "not an object", kind: Identity, error: Some("Syntax errors in policy."), doc: r#"["Statement"]"# },
    Case { name: "missing Statement", kind: Identity, error: Some("Syntax errors in policy."), doc: r#"{"Version":"2012-10-17"}"# },
    Case { name: "empty Statement array", kind: Identity, error: Some("Syntax errors in policy."), doc: r#"{"Version":"2012-10-17","Statement":[]}"# },
    Case { name: "Statement is a string", kind: Identity, error: Some("Syntax errors in policy."), doc: r#"{"Version":"2012-10-17","Statement":"x"}"# },
    Case { name: "bad version", kind: Identity, error: Some("Syntax errors in policy."),
        doc: r#"{"Version":"2012-10-18","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"# },
    Case { name: "unknown top-level field", kind: Identity, error: Some("Unknown field Foo"),
        doc: r#"{"Version":"2012-10-17","Foo":1,"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"# },
    Case { name: "unknown statement field", kind: Identity, error: Some("Unknown field Bank"),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Bank":"x"}}"# },
    Case { name: "field names are case-sensitive", kind: Identity, error: Some("Unknown field effect"),
        doc: r#"{"Version":"2012-10-17","Statement":{"effect":"Allow","Action":"*","Resource":"*"}}"# },
    Case { name: "statement is not an object", kind: Identity, error: Some("Syntax errors in policy."), doc: r#"{"Version":"2012-10-17","Statement":[1]}"# },
    Case { name: "Id not a string", kind: Identity, error: Some("Syntax errors in policy."),
        doc: r#"{"Version":"2012-10-17","Id":1,"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"# },

    // ---- Effect
    Case { name: "missing Effect", kind: Identity, error: Some("Syntax errors in policy."), doc: r#"{"Version":"2012-10-17","Statement":{"Action":"*","Resource":"*"}}"# },
    Case { name: "bad Effect", kind: Identity, error: Some("Syntax errors in policy."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Sure","Action":"*","Resource":"*"}}"# },
    Case { name: "Effect with wrong case", kind: Identity, error: Some("The policy failed legacy parsing"),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"allow","Action":"*","Resource":"*"}}"# },

    // ---- Action
    Case { name: "no action", kind: Identity, error: Some("Policy statement must contain actions."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Resource":"*"}}"# },
    Case { name: "empty action list", kind: Identity, error: Some("Policy statement must contain actions."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":[],"Resource":"*"}}"# },
    Case { name: "both Action and NotAction", kind: Identity, error: Some("Syntax errors in policy."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","NotAction":"iam:*","Resource":"*"}}"# },
    Case { name: "action without vendor", kind: Identity, error: Some("Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"RunTask","Resource":"*"}}"# },
    Case { name: "action with two colons", kind: Identity, error: Some("Actions/Condition can contain only one colon."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ecs:Run:Task","Resource":"*"}}"# },
    Case { name: "wildcard vendor", kind: Identity, error: Some("Vendor ec* is not valid"),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec*:RunTask","Resource":"*"}}"# },
    Case { name: "action not a string", kind: Identity, error: Some("Syntax errors in policy."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":[1],"Resource":"*"}}"# },

    // ---- Resource
    Case { name: "no resource", kind: Identity, error: Some("Policy statement must contain resources."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*"}}"# },
    Case { name: "empty resource list", kind: Identity, error: Some("Policy statement must contain resources."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":[]}}"# },
    Case { name: "both Resource and NotResource", kind: Identity, error: Some("Syntax errors in policy."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","NotResource":"*"}}"# },
    Case { name: "resource not an ARN", kind: Identity, error: Some("Resource cluster/x must be in ARN format or \"*\"."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"cluster/x"}}"# },
    Case { name: "resource vendor wildcard", kind: Identity, error: Some("Resource vendor must be fully qualified and cannot contain regexes."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"arn:aws:*:us-east-1:123456789012:cluster/x"}}"# },

    // ---- Principal
    Case { name: "identity policy with Principal", kind: Identity, error: Some("Policy document should not specify a principal."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}}"# },
    Case { name: "identity policy with NotPrincipal", kind: Identity, error: Some("Policy document should not specify a principal."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotPrincipal":{"AWS":"123456789012"},"Action":"*","Resource":"*"}}"# },
    Case { name: "trust policy without principal", kind: Trust, error: Some("Missing required field Principal"),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}}"# },
    Case { name: "trust policy with Resource", kind: Trust, error: Some("Has prohibited field Resource"),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Resource":"*"}}"# },
    Case { name: "invalid AWS principal", kind: Trust, error: Some("Invalid principal in policy: \"AWS\":\"alice\""),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"alice"},"Action":"sts:AssumeRole"}}"# },
    Case { name: "unknown principal type", kind: Trust, error: Some("Invalid principal in policy: \"Robot\":\"r2\""),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Robot":"r2"},"Action":"sts:AssumeRole"}}"# },
    Case { name: "Principal string other than *", kind: Trust, error: Some("Syntax errors in policy."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"alice","Action":"sts:AssumeRole"}}"# },
    Case { name: "trust policy without action", kind: Trust, error: Some("Policy statement must contain actions."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*"}}"# },

    // ---- Condition
    Case { name: "unknown condition operator", kind: Identity, error: Some("Invalid Condition type : StringEqualz"),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualz":{"a:b":"c"}}}}"# },
    Case { name: "unknown set qualifier", kind: Identity, error: Some("Invalid Condition type : ForSomeValues:StringEquals"),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForSomeValues:StringEquals":{"a:b":"c"}}}}"# },
    Case { name: "NullIfExists is not an operator", kind: Identity, error: Some("Invalid Condition type : NullIfExists"),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NullIfExists":{"a:b":"true"}}}}"# },
    Case { name: "condition block not an object", kind: Identity, error: Some("Syntax errors in policy."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":"x"}}}"# },
    Case { name: "condition value object", kind: Identity, error: Some("Syntax errors in policy."),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"a:b":{"c":1}}}}}"# },
    Case { name: "Null with non-boolean value", kind: Identity, error: Some("Invalid value for Null condition : maybe"),
        doc: r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{"a:b":"maybe"}}}}"# },

    // ---- Sid
    Case { name: "duplicate Sid", kind: Identity, error: Some("Statement IDs (SID) in a single policy must be unique."),
        doc: r#"{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"A","Effect":"Deny","Action":"*","Resource":"*"}]}"# },
];

#[test]
fn grammar_table() {
    let mut failures = Vec::new();
    for case in CASES {
        let got = PolicyDocument::parse(case.doc, case.kind);
        match (&got, case.error) {
            (Ok(_), None) => {}
            (Err(PolicyError::Malformed(m)), Some(want)) if m == want => {}
            _ => failures.push(format!(
                "{}: expected {:?}, got {:?}",
                case.name,
                case.error,
                got.err()
            )),
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
fn parsed_structure() {
    let doc = PolicyDocument::parse(
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"s","Effect":"Deny","NotAction":"iam:*","Resource":"*"},
            {"Effect":"Allow","Action":"ecs:*","Resource":["arn:aws:ecs:*:*:*"],"Condition":{"StringEquals":{"k:x":["1",2,true]}}}]}"#,
        Identity,
    )
    .unwrap();
    assert_eq!(doc.statements.len(), 2);
    assert_eq!(doc.statements[0].effect, Effect::Deny);
    assert_eq!(
        doc.statements[0].action,
        Matcher::Not(vec!["iam:*".to_string()])
    );
    assert_eq!(
        doc.statements[1].conditions[0].values,
        vec!["1", "2", "true"]
    );
    let trust = PolicyDocument::parse(
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}}"#,
        Trust,
    )
    .unwrap();
    assert_eq!(
        trust.statements[0].principal,
        Some(Matcher::Is(Principal::Typed(vec![(
            "Service".to_string(),
            vec!["ecs-tasks.amazonaws.com".to_string()]
        )])))
    );
    assert_eq!(trust.statements[0].resource, None);
}

#[test]
fn non_whitespace_length() {
    assert_eq!(non_whitespace_len(" { \"a\" :\n\t1 } "), 7);
    assert_eq!(non_whitespace_len(""), 0);
}
