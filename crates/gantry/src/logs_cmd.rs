//! `gantry logs TASK`: a task's container output from the Logs API, found
//! through the task definition's `awslogs` configuration (group and stream
//! `prefix/container/task-id`), read with FilterLogEvents (interleaved, with
//! `eventId`s so `--follow` shows every event once).

use anyhow::{bail, Context, Result};
use clap::Args;
use gantry_agent_api::client::{system_time, AgentClient, ClientConfig, ClientError};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

#[derive(Args, Clone)]
pub struct LogsArgs {
    /// Task ARN or id.
    pub task: String,
    /// Cluster of the task.
    #[arg(long, default_value = "default")]
    pub cluster: String,
    /// Only this container's output.
    #[arg(long)]
    pub container: Option<String>,
    /// Keep printing new lines until the task stops.
    #[arg(long, short = 'f')]
    pub follow: bool,
    /// Only lines newer than this (e.g. 30s, 10m, 2h, 1d).
    #[arg(long)]
    pub since: Option<String>,
    /// The Gantry endpoint.
    #[arg(long, env = "GANTRY_ENDPOINT", default_value = "http://127.0.0.1:8080")]
    pub endpoint_url: String,
    #[arg(long, env = "AWS_DEFAULT_REGION", default_value = "us-east-1")]
    pub region: String,
}

/// `10m` → milliseconds.
pub fn parse_since(s: &str) -> Result<i64> {
    let s = s.trim();
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: i64 = num
        .parse()
        .with_context(|| format!("--since {s:?}: expected a number and a unit (s, m, h, d)"))?;
    let ms = match unit {
        "" | "s" => 1_000,
        "m" => 60_000,
        "h" => 3_600_000,
        "d" => 86_400_000,
        other => bail!("--since {s:?}: unknown unit {other:?} (use s, m, h or d)"),
    };
    Ok(n.saturating_mul(ms))
}

fn now_ms() -> i64 {
    system_time()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

struct Source {
    container: String,
    group: String,
    stream: String,
}

pub async fn run(args: LogsArgs, creds: (String, String, Option<String>)) -> Result<()> {
    let since = args.since.as_deref().map(parse_since).transpose()?;
    let client = AgentClient::new(ClientConfig::new(
        vec![args.endpoint_url.clone()],
        args.region.clone(),
        creds.0,
        creds.1,
        creds.2,
    ))?;
    let task = describe_task(&client, &args).await?;
    let task_arn = task["taskArn"].as_str().unwrap_or_default().to_string();
    let task_id = task_arn.rsplit('/').next().unwrap_or_default().to_string();
    let td = client
        .ecs_call(
            "DescribeTaskDefinition",
            &json!({"taskDefinition": task["taskDefinitionArn"]}),
        )
        .await?;
    let mut sources = Vec::new();
    for c in td["taskDefinition"]["containerDefinitions"]
        .as_array()
        .cloned()
        .unwrap_or_default()
    {
        let name = c["name"].as_str().unwrap_or_default().to_string();
        if args.container.as_ref().is_some_and(|want| *want != name) {
            continue;
        }
        let lc = &c["logConfiguration"];
        if lc["logDriver"] != "awslogs" {
            continue;
        }
        let Some(group) = lc["options"]["awslogs-group"].as_str() else {
            continue;
        };
        let stream = match lc["options"]["awslogs-stream-prefix"].as_str() {
            Some(p) if !p.is_empty() => format!("{p}/{name}/{task_id}"),
            _ => task["containers"]
                .as_array()
                .and_then(|cs| cs.iter().find(|x| x["name"] == name.as_str()))
                .and_then(|x| x["runtimeId"].as_str())
                .unwrap_or_default()
                .to_string(),
        };
        sources.push(Source {
            container: name,
            group: group.to_string(),
            stream,
        });
    }
    if sources.is_empty() {
        match &args.container {
            Some(c) => {
                bail!("container {c:?} of task {task_id} does not use the awslogs log driver")
            }
            None => bail!("no container of task {task_id} uses the awslogs log driver"),
        }
    }
    let prefix = sources.len() > 1;
    let mut by_group: BTreeMap<String, Vec<&Source>> = BTreeMap::new();
    for s in &sources {
        by_group.entry(s.group.clone()).or_default().push(s);
    }
    let mut start = since.map(|ms| now_ms() - ms);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    loop {
        let mut printed = 0usize;
        let mut lines: Vec<(i64, String, String)> = Vec::new();
        for (group, srcs) in &by_group {
            let names: Vec<&str> = srcs.iter().map(|s| s.stream.as_str()).collect();
            let mut token: Option<String> = None;
            loop {
                let mut body = json!({"logGroupName": group, "logStreamNames": names});
                if let Some(t) = start {
                    body["startTime"] = json!(t);
                }
                if let Some(t) = &token {
                    body["nextToken"] = json!(t);
                }
                let page = match client.logs_call("FilterLogEvents", &body).await {
                    Ok(p) => p,
                    Err(ClientError::Api { code, .. }) if code == "ResourceNotFoundException" => {
                        break
                    }
                    Err(e) => return Err(e.into()),
                };
                for e in page["events"].as_array().cloned().unwrap_or_default() {
                    let id = e["eventId"].as_str().unwrap_or_default().to_string();
                    if !seen.insert(id.clone()) {
                        continue;
                    }
                    let stream = e["logStreamName"].as_str().unwrap_or_default();
                    let who = srcs
                        .iter()
                        .find(|s| s.stream == stream)
                        .map(|s| s.container.clone())
                        .unwrap_or_default();
                    lines.push((
                        e["timestamp"].as_i64().unwrap_or(0),
                        id,
                        if prefix {
                            format!("[{who}] {}", e["message"].as_str().unwrap_or_default())
                        } else {
                            e["message"].as_str().unwrap_or_default().to_string()
                        },
                    ));
                }
                match page["nextToken"].as_str() {
                    Some(t) => token = Some(t.to_string()),
                    None => break,
                }
            }
        }
        lines.sort();
        for (ts, _, line) in &lines {
            println!("{line}");
            printed += 1;
            // Re-ask from the newest timestamp seen; eventIds drop repeats.
            start = Some(start.map_or(*ts, |s| s.max(*ts)));
        }
        if !args.follow {
            return Ok(());
        }
        if printed == 0 {
            let t = describe_task(&client, &args).await?;
            if t["lastStatus"] == "STOPPED" {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}

async fn describe_task(client: &AgentClient, args: &LogsArgs) -> Result<Value> {
    let out = client
        .ecs_call(
            "DescribeTasks",
            &json!({"cluster": args.cluster, "tasks": [args.task]}),
        )
        .await?;
    match out["tasks"].as_array().and_then(|t| t.first()) {
        Some(t) => Ok(t.clone()),
        None => bail!("task {} not found in cluster {}", args.task, args.cluster),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_since;

    #[test]
    fn since_units() {
        assert_eq!(parse_since("10m").unwrap(), 600_000);
        assert_eq!(parse_since("30").unwrap(), 30_000);
        assert_eq!(parse_since("2h").unwrap(), 7_200_000);
        assert_eq!(parse_since("1d").unwrap(), 86_400_000);
        assert!(parse_since("5y").is_err());
        assert!(parse_since("m").is_err());
    }
}
