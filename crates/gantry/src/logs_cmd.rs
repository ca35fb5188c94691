//! `gantry logs TASK`: a task's container output from the Logs API, found
//! through the task definition's `awslogs` configuration (group and stream
//! `prefix/container/task-id`), read with FilterLogEvents (interleaved, with
//! `eventId`s so `--follow` shows every event once).

use anyhow::{bail, Context, Result};
use clap::Args;
use gantry_agent_api::client::{system_time, AgentClient, ClientConfig, ClientError};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::io::IsTerminal;
use std::time::Duration;

#[derive(Args, Clone)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["task", "service"])))]
pub struct LogsArgs {
    /// Task ARN or id.
    pub task: Option<String>,
    /// Every task of this service instead of one task (each line prefixed
    /// with the task id and container, coloured on a terminal). With
    /// `--follow`, replacement tasks are picked up as they start.
    #[arg(long, conflicts_with = "task")]
    pub service: Option<String>,
    /// Cluster of the task or service.
    #[arg(long, default_value = "default")]
    pub cluster: String,
    /// Only this container's output.
    #[arg(long)]
    pub container: Option<String>,
    /// Keep printing new lines until the task stops (with `--service`: until
    /// interrupted or the service is deleted).
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
    /// Shown before each line when several sources are printed.
    label: String,
    group: String,
    stream: String,
}

/// How often `--service --follow` looks for new tasks of the service.
const SERVICE_RESCAN: Duration = Duration::from_secs(3);

pub async fn run(args: LogsArgs, creds: (String, String, Option<String>)) -> Result<()> {
    let since = args.since.as_deref().map(parse_since).transpose()?;
    let client = AgentClient::new(ClientConfig::new(
        vec![args.endpoint_url.clone()],
        args.region.clone(),
        creds.0,
        creds.1,
        creds.2,
    ))?;
    let colour = args.service.is_some() && std::io::stdout().is_terminal();
    let mut sources = find_sources(&client, &args).await?;
    let mut scanned = tokio::time::Instant::now();
    let mut start = since.map(|ms| now_ms() - ms);
    let mut seen: BTreeSet<String> = BTreeSet::new();
    loop {
        let prefix = args.service.is_some() || sources.len() > 1;
        let mut by_group: BTreeMap<String, Vec<&Source>> = BTreeMap::new();
        for s in &sources {
            by_group.entry(s.group.clone()).or_default().push(s);
        }
        let mut lines: Vec<(i64, String, String)> = Vec::new();
        for (group, srcs) in &by_group {
            // FilterLogEvents takes at most 100 stream names per call.
            for chunk in srcs.chunks(100) {
                let names: Vec<&str> = chunk.iter().map(|s| s.stream.as_str()).collect();
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
                        Err(ClientError::Api { code, .. })
                            if code == "ResourceNotFoundException" =>
                        {
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
                        let who = chunk
                            .iter()
                            .find(|s| s.stream == stream)
                            .map(|s| s.label.as_str())
                            .unwrap_or_default();
                        let message = e["message"].as_str().unwrap_or_default();
                        let line = if prefix {
                            format!("{} {message}", paint(&format!("[{who}]"), who, colour))
                        } else {
                            message.to_string()
                        };
                        lines.push((e["timestamp"].as_i64().unwrap_or(0), id, line));
                    }
                    match page["nextToken"].as_str() {
                        Some(t) => token = Some(t.to_string()),
                        None => break,
                    }
                }
            }
        }
        lines.sort();
        let printed = lines.len();
        for (ts, _, line) in &lines {
            println!("{line}");
            // Re-ask from the newest timestamp seen; eventIds drop repeats.
            start = Some(start.map_or(*ts, |s| s.max(*ts)));
        }
        if !args.follow {
            return Ok(());
        }
        match (&args.service, &args.task) {
            (Some(_), _) if scanned.elapsed() >= SERVICE_RESCAN => {
                sources = find_sources(&client, &args).await?;
                scanned = tokio::time::Instant::now();
            }
            (None, Some(task)) if printed == 0 => {
                let t = describe_task(&client, &args.cluster, task).await?;
                if t["lastStatus"] == "STOPPED" {
                    return Ok(());
                }
            }
            _ => {}
        }
        if printed == 0 {
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}

/// The awslogs streams to read: one task's containers, or those of every
/// task of the service (running ones, and stopped ones still described).
async fn find_sources(client: &AgentClient, args: &LogsArgs) -> Result<Vec<Source>> {
    let tasks = match (&args.service, &args.task) {
        (Some(service), _) => service_tasks(client, &args.cluster, service).await?,
        (None, Some(task)) => vec![describe_task(client, &args.cluster, task).await?],
        (None, None) => bail!("give a task or --service"),
    };
    let mut sources = Vec::new();
    let mut definitions: BTreeMap<String, Value> = BTreeMap::new();
    for task in &tasks {
        let td_arn = task["taskDefinitionArn"].as_str().unwrap_or_default();
        if !definitions.contains_key(td_arn) {
            let td = client
                .ecs_call("DescribeTaskDefinition", &json!({"taskDefinition": td_arn}))
                .await?;
            definitions.insert(td_arn.to_string(), td["taskDefinition"].clone());
        }
        let by_service = args.service.is_some();
        sources.extend(task_sources(
            task,
            &definitions[td_arn],
            args.container.as_deref(),
            by_service,
        ));
    }
    if sources.is_empty() && args.service.is_none() {
        let what = args.task.as_deref().unwrap_or_default();
        match &args.container {
            Some(c) => {
                bail!("container {c:?} of task {what} does not use the awslogs log driver")
            }
            None => bail!("no container of task {what} uses the awslogs log driver"),
        }
    }
    Ok(sources)
}

/// The awslogs sources of one task, given its task definition.
fn task_sources(task: &Value, td: &Value, only: Option<&str>, by_service: bool) -> Vec<Source> {
    let task_arn = task["taskArn"].as_str().unwrap_or_default();
    let task_id = task_arn.rsplit('/').next().unwrap_or_default();
    let mut out = Vec::new();
    for c in td["containerDefinitions"].as_array().into_iter().flatten() {
        let name = c["name"].as_str().unwrap_or_default();
        if only.is_some_and(|want| want != name) {
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
                .and_then(|cs| cs.iter().find(|x| x["name"] == name))
                .and_then(|x| x["runtimeId"].as_str())
                .unwrap_or_default()
                .to_string(),
        };
        if stream.is_empty() {
            continue; // not created yet: no runtime id to name the stream
        }
        let label = if by_service {
            format!("{}/{name}", &task_id[..task_id.len().min(8)])
        } else {
            name.to_string()
        };
        out.push(Source {
            label,
            group: group.to_string(),
            stream,
        });
    }
    out
}

/// `text` in an ANSI colour chosen from `key`, when `colour` is on.
fn paint(text: &str, key: &str, colour: bool) -> String {
    if !colour {
        return text.to_string();
    }
    const COLOURS: [u8; 6] = [31, 32, 33, 34, 35, 36];
    let h = key
        .bytes()
        .fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)));
    format!("\x1b[{}m{text}\x1b[0m", COLOURS[h as usize % COLOURS.len()])
}

async fn service_tasks(client: &AgentClient, cluster: &str, service: &str) -> Result<Vec<Value>> {
    let described = client
        .ecs_call(
            "DescribeServices",
            &json!({"cluster": cluster, "services": [service]}),
        )
        .await?;
    let active = described["services"]
        .as_array()
        .and_then(|s| s.first())
        .is_some_and(|s| s["status"] != "INACTIVE");
    if !active {
        bail!("service {service} not found in cluster {cluster}");
    }
    let mut arns: Vec<Value> = Vec::new();
    for status in ["RUNNING", "STOPPED"] {
        let mut token: Option<String> = None;
        loop {
            let mut body =
                json!({"cluster": cluster, "serviceName": service, "desiredStatus": status});
            if let Some(t) = &token {
                body["nextToken"] = json!(t);
            }
            let page = client.ecs_call("ListTasks", &body).await?;
            arns.extend(page["taskArns"].as_array().cloned().unwrap_or_default());
            match page["nextToken"].as_str() {
                Some(t) => token = Some(t.to_string()),
                None => break,
            }
        }
    }
    let mut tasks = Vec::new();
    for chunk in arns.chunks(100) {
        let out = client
            .ecs_call(
                "DescribeTasks",
                &json!({"cluster": cluster, "tasks": chunk}),
            )
            .await?;
        tasks.extend(out["tasks"].as_array().cloned().unwrap_or_default());
    }
    Ok(tasks)
}

async fn describe_task(client: &AgentClient, cluster: &str, task: &str) -> Result<Value> {
    let out = client
        .ecs_call(
            "DescribeTasks",
            &json!({"cluster": cluster, "tasks": [task]}),
        )
        .await?;
    match out["tasks"].as_array().and_then(|t| t.first()) {
        Some(t) => Ok(t.clone()),
        None => bail!("task {task} not found in cluster {cluster}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{paint, parse_since, task_sources};
    use serde_json::json;

    #[test]
    fn sources_follow_the_awslogs_options() {
        let td = json!({"containerDefinitions": [
            {"name": "web", "logConfiguration": {"logDriver": "awslogs",
                "options": {"awslogs-group": "g", "awslogs-stream-prefix": "p"}}},
            {"name": "side", "logConfiguration": {"logDriver": "json-file"}},
            {"name": "raw", "logConfiguration": {"logDriver": "awslogs",
                "options": {"awslogs-group": "g2"}}}
        ]});
        let task = json!({"taskArn": "arn:aws:ecs:us-east-1:1:task/c/0123456789abcdef",
            "containers": [{"name": "raw", "runtimeId": "d0cker"}]});
        let s = task_sources(&task, &td, None, false);
        let got: Vec<_> = s
            .iter()
            .map(|s| (s.label.as_str(), s.group.as_str(), s.stream.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("web", "g", "p/web/0123456789abcdef"),
                ("raw", "g2", "d0cker")
            ]
        );
        let s = task_sources(&task, &td, Some("web"), true);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].label, "01234567/web");
    }

    #[test]
    fn colour_only_on_request_and_stable() {
        assert_eq!(paint("[a]", "a", false), "[a]");
        assert_eq!(paint("[a]", "a", true), paint("[a]", "a", true));
        assert!(paint("[a]", "a", true).starts_with("\x1b["));
    }

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
