//! ListTasks pages and filters, over a store read directly and through the
//! in-memory mirror (`crate::mirror`): both must answer the same.

use super::test_world::{call, ok, register, service};
use super::EcsService;
use serde_json::{json, Value};
use std::sync::Arc;

fn arns(v: &Value) -> Vec<String> {
    v["taskArns"]
        .as_array()
        .expect("taskArns")
        .iter()
        .map(|a| a.as_str().unwrap().to_string())
        .collect()
}

/// Every page of a listing, following `nextToken` with pages of `size`.
async fn pages(ecs: &EcsService, mut body: Value, size: i64) -> Vec<String> {
    let mut all = vec![];
    body["maxResults"] = json!(size);
    loop {
        let r = ok(ecs, "ListTasks", body.clone()).await;
        let page = arns(&r);
        assert!(page.len() <= size as usize);
        all.extend(page);
        match r["nextToken"].as_str() {
            Some(t) => {
                assert_ne!(body.get("nextToken").and_then(|x| x.as_str()), Some(t));
                body["nextToken"] = json!(t);
            }
            None => return all,
        }
    }
}

async fn world(mirrored: bool) -> (EcsService, String) {
    let ecs = service(mirrored).await;
    let instance = register(&ecs, 65536, 65536).await;
    for family in ["web", "db"] {
        ok(
            &ecs,
            "RegisterTaskDefinition",
            json!({"family": family, "containerDefinitions": [
                {"name": "app", "image": "busybox", "memory": 16}]}),
        )
        .await;
    }
    (ecs, instance)
}

async fn listings_page_and_filter(mirrored: bool) {
    let (ecs, instance) = world(mirrored).await;
    let mut web = vec![];
    for i in 0..3 {
        let r = ok(
            &ecs,
            "RunTask",
            json!({"taskDefinition": "web", "count": 10, "startedBy": format!("by{i}")}),
        )
        .await;
        web.extend(
            r["tasks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["taskArn"].as_str().unwrap().to_string()),
        );
    }
    let r = ok(&ecs, "RunTask", json!({"taskDefinition": "db", "count": 4})).await;
    let db: Vec<String> = r["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["taskArn"].as_str().unwrap().to_string())
        .collect();
    let stopped: Vec<String> = web[..5].to_vec();
    for t in &stopped {
        ok(&ecs, "StopTask", json!({"task": t})).await;
    }

    // Everything desired RUNNING, in task id order, one page or many.
    let all = arns(&ok(&ecs, "ListTasks", json!({})).await);
    assert_eq!(all.len(), 30 - 5 + 4);
    let mut sorted = all.clone();
    sorted.sort_by_key(|a| a.rsplit('/').next().unwrap().to_string());
    assert_eq!(all, sorted);
    for size in [1, 7, 29, 100] {
        assert_eq!(pages(&ecs, json!({}), size).await, all, "pages of {size}");
    }
    // A full last page has no token after it.
    let r = ok(&ecs, "ListTasks", json!({"maxResults": 29})).await;
    assert!(r.get("nextToken").is_none_or(|t| t.is_null()));

    let mut want: Vec<String> = stopped.clone();
    want.sort_by_key(|a| a.rsplit('/').next().unwrap().to_string());
    assert_eq!(
        pages(&ecs, json!({"desiredStatus": "STOPPED"}), 2).await,
        want
    );
    let fam = pages(&ecs, json!({"family": "db"}), 3).await;
    let mut want_db = db.clone();
    want_db.sort_by_key(|a| a.rsplit('/').next().unwrap().to_string());
    assert_eq!(fam, want_db);
    let by1 = pages(&ecs, json!({"startedBy": "by1"}), 4).await;
    let mut want_by1 = web[10..20].to_vec();
    want_by1.sort_by_key(|a| a.rsplit('/').next().unwrap().to_string());
    assert_eq!(by1, want_by1);
    assert_eq!(
        pages(&ecs, json!({"containerInstance": instance}), 6).await,
        all
    );
    assert!(pages(&ecs, json!({"launchType": "FARGATE"}), 5)
        .await
        .is_empty());

    // Bad inputs answer as before.
    let e = call(&ecs, "ListTasks", json!({"maxResults": 0}))
        .await
        .unwrap_err();
    assert!(e.starts_with("InvalidParameterException"), "{e}");
    let e = call(&ecs, "ListTasks", json!({"nextToken": "zz"}))
        .await
        .unwrap_err();
    assert!(e.starts_with("InvalidParameterException"), "{e}");
    let e = call(&ecs, "ListTasks", json!({"cluster": "nope"}))
        .await
        .unwrap_err();
    assert!(e.starts_with("ClusterNotFoundException"), "{e}");

    // DescribeTasks sees the stops and reports unknown tasks as MISSING.
    let r = ok(
        &ecs,
        "DescribeTasks",
        json!({"tasks": [stopped[0], "0123456789abcdef0123456789abcdef"]}),
    )
    .await;
    assert_eq!(r["tasks"][0]["desiredStatus"], "STOPPED");
    assert_eq!(r["failures"][0]["reason"], "MISSING");
}

#[tokio::test]
async fn listings_page_and_filter_from_the_store() {
    listings_page_and_filter(false).await;
}

#[tokio::test]
async fn listings_page_and_filter_from_the_mirror() {
    listings_page_and_filter(true).await;
}

async fn run_web(ecs: &EcsService, n: usize) -> Vec<String> {
    ok(ecs, "RunTask", json!({"taskDefinition": "web", "count": n})).await["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["taskArn"].as_str().unwrap().to_string())
        .collect()
}

async fn first_page(ecs: &EcsService) -> Vec<String> {
    arns(&ok(ecs, "ListTasks", json!({"maxResults": 3})).await)
}

/// A kept ListTasks answer is answered again only while no task it could
/// contain has been written since: every answer equals a fresh listing.
async fn kept_listings_follow_the_writes_that_change_them(mirrored: bool) {
    let (ecs, _) = world(mirrored).await;
    let by_id = |a: &String| a.rsplit('/').next().unwrap().to_string();
    let mut running = run_web(&ecs, 8).await;
    running.sort_by_key(by_id);
    let first3 = |running: &Vec<String>| running[..3].to_vec();
    let kept = |ecs: &EcsService| {
        ecs.list_pages
            .lock()
            .unwrap()
            .values()
            .find(|p| p.boundary.is_some())
            .cloned()
    };
    assert_eq!(first_page(&ecs).await, first3(&running));
    assert_eq!(first_page(&ecs).await, first3(&running));
    // The mirror serves once its snapshot is in (under a loaded test run,
    // a while after the service starts); the store's answers are not kept.
    for _ in 0..500 {
        if !mirrored || kept(&ecs).is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        assert_eq!(first_page(&ecs).await, first3(&running));
    }
    let before = kept(&ecs);
    assert_eq!(
        before.is_some(),
        mirrored,
        "kept only when the mirror serves"
    );

    // Writes the page cannot see leave it kept: another prefix, and a task
    // past the one the scan stopped at.
    ok(
        &ecs,
        "RegisterTaskDefinition",
        json!({"family": "other", "containerDefinitions": [
            {"name": "app", "image": "busybox", "memory": 16}]}),
    )
    .await;
    let last = running.pop().unwrap();
    ok(&ecs, "StopTask", json!({"task": last})).await;
    assert_eq!(first_page(&ecs).await, first3(&running));
    if let (Some(b), Some(a)) = (&before, kept(&ecs)) {
        assert!(Arc::ptr_eq(b, &a), "the page was read again");
    }

    // A task of the page stopped, and new tasks (some land in the page).
    let gone = running.remove(1);
    ok(&ecs, "StopTask", json!({"task": gone})).await;
    assert_eq!(first_page(&ecs).await, first3(&running));
    for _ in 0..6 {
        running.extend(run_web(&ecs, 2).await);
        running.sort_by_key(by_id);
        assert_eq!(first_page(&ecs).await, first3(&running));
        let all = arns(&ok(&ecs, "ListTasks", json!({})).await);
        assert_eq!(all, running);
    }
}

#[tokio::test]
async fn kept_listings_follow_the_writes_that_change_them_store() {
    kept_listings_follow_the_writes_that_change_them(false).await;
}

#[tokio::test]
async fn kept_listings_follow_the_writes_that_change_them_mirrored() {
    kept_listings_follow_the_writes_that_change_them(true).await;
}

/// DescribeTasks answers with the tasks as stored, and their tags only
/// when asked to include them.
async fn describe_tasks_tags_only_when_included(mirrored: bool) {
    let (ecs, _) = super::run_batch_tests::world(mirrored).await;
    let tagged = ok(
        &ecs,
        "RunTask",
        json!({"taskDefinition": "web", "tags": [{"key": "team", "value": "a"}]}),
    )
    .await["tasks"][0]["taskArn"]
        .clone();
    let plain =
        ok(&ecs, "RunTask", json!({"taskDefinition": "web"})).await["tasks"][0]["taskArn"].clone();
    let d = ok(
        &ecs,
        "DescribeTasks",
        json!({"tasks": [tagged, plain, "nope"]}),
    )
    .await;
    let tasks = d["tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), 2, "{d:#}");
    assert_eq!(tasks[0]["taskArn"], tagged);
    assert_eq!(tasks[1]["taskArn"], plain);
    assert!(tasks.iter().all(|t| t.get("tags").is_none()), "{d:#}");
    assert_eq!(d["failures"][0]["reason"], "MISSING", "{d:#}");
    let d = ok(
        &ecs,
        "DescribeTasks",
        json!({"tasks": [tagged, plain], "include": ["TAGS"]}),
    )
    .await;
    assert_eq!(
        d["tasks"][0]["tags"],
        json!([{"key": "team", "value": "a"}]),
        "{d:#}"
    );
    assert_eq!(d["failures"], json!([]));
    // The answer is exactly the wire shape: it reads back as one.
    let _: gantry_api_types::ecs::DescribeTasksResponse =
        serde_json::from_value(d).expect("a DescribeTasksResponse");
}

#[tokio::test]
async fn describe_tasks_tags_only_when_included_store() {
    describe_tasks_tags_only_when_included(false).await;
}

#[tokio::test]
async fn describe_tasks_tags_only_when_included_mirrored() {
    describe_tasks_tags_only_when_included(true).await;
}
