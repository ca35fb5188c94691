//! `gantry audit`: the audit trail, read through CloudTrail's `LookupEvents`
//! on the Gantry endpoint (the same call `aws cloudtrail lookup-events`
//! makes), newest first.

use anyhow::{bail, Result};
use clap::Args;
use gantry_agent_api::client::{AgentClient, ClientConfig};
use serde_json::{json, Value};

#[derive(Args, Clone)]
pub struct AuditArgs {
    /// Only records newer than this (e.g. 30s, 10m, 2h, 1d). Default: 1h.
    #[arg(long, default_value = "1h")]
    pub since: String,
    /// Only this operation (CloudTrail `EventName`, e.g. RunTask).
    #[arg(long)]
    pub action: Option<String>,
    /// Only this user (IAM user name, role session name, or `root`).
    #[arg(long, conflicts_with = "action")]
    pub user: Option<String>,
    /// Only calls that failed (denied, invalid, …).
    #[arg(long)]
    pub errors: bool,
    /// At most this many records.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    /// Print the CloudTrail event records as JSON lines.
    #[arg(long)]
    pub json: bool,
    /// The Gantry endpoint.
    #[arg(long, env = "GANTRY_ENDPOINT", default_value = "http://127.0.0.1:8080")]
    pub endpoint_url: String,
    #[arg(long, env = "AWS_DEFAULT_REGION", default_value = "us-east-1")]
    pub region: String,
}

pub async fn run(args: AuditArgs, creds: (String, String, Option<String>)) -> Result<()> {
    let since_ms = crate::logs_cmd::parse_since(&args.since)?;
    if args.limit == 0 {
        bail!("--limit must be at least 1");
    }
    let client = AgentClient::new(ClientConfig::new(
        vec![args.endpoint_url.clone()],
        args.region.clone(),
        creds.0,
        creds.1,
        creds.2,
    ))?;
    let now = gantry_agent_api::client::system_time()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    let mut body = json!({"StartTime": now - since_ms as f64 / 1000.0, "MaxResults": 50});
    if let Some(a) = &args.action {
        body["LookupAttributes"] = json!([{"AttributeKey": "EventName", "AttributeValue": a}]);
    }
    if let Some(u) = &args.user {
        body["LookupAttributes"] = json!([{"AttributeKey": "Username", "AttributeValue": u}]);
    }
    let mut rows: Vec<Value> = Vec::new();
    'pages: loop {
        let page = client
            .call(
                gantry_control::audit::TARGET_PREFIX,
                gantry_control::audit::SIGNING_NAME,
                "LookupEvents",
                &body,
            )
            .await?;
        for e in page["Events"].as_array().into_iter().flatten() {
            let record: Value = e["CloudTrailEvent"]
                .as_str()
                .and_then(|s| serde_json::from_str(s).ok())
                .unwrap_or(Value::Null);
            if args.errors && record["errorCode"].is_null() {
                continue;
            }
            rows.push(record);
            if rows.len() == args.limit {
                break 'pages;
            }
        }
        match page["NextToken"].as_str() {
            Some(t) => body["NextToken"] = json!(t),
            None => break,
        }
    }
    if args.json {
        for r in &rows {
            println!("{r}");
        }
        return Ok(());
    }
    print!("{}", table(&rows));
    Ok(())
}

/// The records as aligned columns: time, who, call, source IP, result.
fn table(rows: &[Value]) -> String {
    let mut cells: Vec<[String; 5]> = vec![[
        "TIME".into(),
        "PRINCIPAL".into(),
        "CALL".into(),
        "SOURCE IP".into(),
        "RESULT".into(),
    ]];
    for r in rows {
        let who = r["userIdentity"]["arn"]
            .as_str()
            .or(r["userIdentity"]["accessKeyId"].as_str())
            .unwrap_or("unknown");
        let service = r["eventSource"]
            .as_str()
            .unwrap_or_default()
            .trim_end_matches(".amazonaws.com");
        let result = match r["errorCode"].as_str() {
            Some(code) => code.to_string(),
            None => "OK".to_string(),
        };
        cells.push([
            r["eventTime"].as_str().unwrap_or_default().to_string(),
            who.to_string(),
            format!("{service}:{}", r["eventName"].as_str().unwrap_or_default()),
            r["sourceIPAddress"].as_str().unwrap_or("-").to_string(),
            result,
        ]);
    }
    let mut widths = [0usize; 5];
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    for row in &cells {
        let line: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::table;
    use serde_json::json;

    #[test]
    fn table_aligns_and_shows_failures() {
        let rows = vec![
            json!({"eventTime": "2026-11-26T05:00:00Z", "userIdentity": {"arn": "arn:aws:iam::1:user/dev"},
                   "eventSource": "ecs.amazonaws.com", "eventName": "RunTask", "sourceIPAddress": "127.0.0.1",
                   "errorCode": "AccessDeniedException"}),
            json!({"eventTime": "2026-11-26T05:00:01Z", "userIdentity": {"accessKeyId": "AKIAX"},
                   "eventSource": "logs.amazonaws.com", "eventName": "GetLogEvents"}),
        ];
        let t = table(&rows);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[0].starts_with("TIME"));
        assert!(lines[1].contains("ecs:RunTask") && lines[1].ends_with("AccessDeniedException"));
        assert!(
            lines[2].contains("AKIAX")
                && lines[2].contains("logs:GetLogEvents")
                && lines[2].ends_with("OK")
        );
        let col = lines[0].find("CALL").unwrap();
        assert_eq!(&lines[1][col..col + 11], "ecs:RunTask");
    }
}
