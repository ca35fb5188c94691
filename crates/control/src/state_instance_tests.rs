//! Instance records stored split from their reservations (see the
//! `state` module doc): what is written, what is read back, and the move of
//! reservations out of records stored whole.

use super::*;
use gantry_store::memory::MemoryStore;

fn reservation(cpu: i64, group: &str) -> Reservation {
    Reservation {
        cpu,
        memory: 128,
        group: group.to_string(),
        ..Default::default()
    }
}

fn record(id: &str, reservations: &[(&str, Reservation)]) -> InstanceRecord {
    InstanceRecord {
        instance: ecs::ContainerInstance {
            container_instance_arn: Some(format!(
                "arn:aws:ecs:us-east-1:123456789012:container-instance/c1/{id}"
            )),
            status: Some("ACTIVE".into()),
            ..Default::default()
        },
        cluster: "c1".into(),
        id: id.into(),
        generation: 3,
        reservations: reservations
            .iter()
            .map(|(t, r)| (t.to_string(), r.clone()))
            .collect(),
        total_cpu: 2048,
        total_memory: 4096,
        reserved_tcp_ports: vec![22],
        reserved_udp_ports: vec![],
        deregistered_at: None,
    }
}

/// The parts of a record that must survive a write and a read.
fn parts(r: &InstanceRecord) -> (serde_json::Value, BTreeMap<String, Reservation>) {
    (
        serde_json::to_value(r.stored()).unwrap(),
        r.reservations.clone().into_iter().collect(),
    )
}

async fn mirrored(store: Arc<dyn Store>) -> Repo {
    let repo = Repo::mirrored(store);
    for _ in 0..500 {
        if repo.mirror().await.is_some() {
            return repo;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("the mirror never caught up");
}

fn ops(txn: &TxnBuilder) -> Vec<String> {
    let mut v: Vec<String> = txn
        .txn
        .ops
        .iter()
        .map(|op| match op {
            Op::Put(k, _) => format!("put {k}"),
            Op::Delete(k) => format!("delete {k}"),
        })
        .collect();
    v.sort();
    v
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instance_is_stored_without_its_reservations_and_read_joined() {
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let rec = Arc::new(record(
        "i1",
        &[
            ("t1", reservation(256, "family:a")),
            ("t2", reservation(512, "service:b")),
        ],
    ));
    let other = Arc::new(record("i2", &[("t3", reservation(128, "family:a"))]));
    let mut txn = TxnBuilder::new();
    txn.put_instance(&rec, None).unwrap();
    txn.put_instance(&other, None).unwrap();
    assert!(Repo::new(store.clone()).commit(txn).await.unwrap());

    let stored = store.get("instances/c1/i1").await.unwrap().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&stored.value).unwrap();
    assert!(json.get("reservations").is_none(), "{json}");
    assert_eq!(json["generation"], 3);
    let keys: Vec<String> = store
        .range("reservations/", None, None)
        .await
        .unwrap()
        .into_iter()
        .map(|kv| kv.key)
        .collect();
    assert_eq!(
        keys,
        [
            "reservations/c1/i1/t1",
            "reservations/c1/i1/t2",
            "reservations/c1/i2/t3"
        ]
    );

    for repo in [Repo::new(store.clone()), mirrored(store.clone()).await] {
        let got = repo.get_instance("instances/c1/i1").await.unwrap().unwrap();
        assert_eq!(parts(&got.value), parts(&rec));
        assert_eq!(got.mod_revision, stored.mod_revision);
        assert!(repo
            .get_instance("instances/c1/nope")
            .await
            .unwrap()
            .is_none());
        for prefix in ["instances/", "instances/c1/"] {
            let all = repo.list_instances(prefix).await.unwrap();
            assert_eq!(all.len(), 2, "{prefix}");
            assert_eq!(parts(&all[0].value), parts(&rec), "{prefix}");
            assert_eq!(parts(&all[1].value), parts(&other), "{prefix}");
        }
    }
}

#[test]
fn a_write_puts_only_the_reservations_that_changed() {
    let old = record(
        "i1",
        &[
            ("t1", reservation(256, "family:a")),
            ("t2", reservation(256, "family:a")),
            ("t3", reservation(256, "family:a")),
        ],
    );
    let new = Arc::new(record(
        "i1",
        &[
            ("t0", reservation(128, "family:a")),
            ("t1", reservation(256, "family:a")),
            ("t2", reservation(999, "family:a")),
            ("t4", reservation(256, "family:a")),
        ],
    ));
    let mut txn = TxnBuilder::new();
    txn.put_instance(&new, Some(&old)).unwrap();
    assert_eq!(
        ops(&txn),
        [
            "delete reservations/c1/i1/t3",
            "put instances/c1/i1",
            "put reservations/c1/i1/t0",
            "put reservations/c1/i1/t2",
            "put reservations/c1/i1/t4",
        ]
    );
    // Nothing left of the old: every reservation goes.
    let mut txn = TxnBuilder::new();
    txn.put_instance(&Arc::new(record("i1", &[])), Some(&old))
        .unwrap();
    assert_eq!(
        ops(&txn),
        [
            "delete reservations/c1/i1/t1",
            "delete reservations/c1/i1/t2",
            "delete reservations/c1/i1/t3",
            "put instances/c1/i1",
        ]
    );
}

#[test]
fn adding_puts_the_named_reservations_only() {
    let new = Arc::new(record(
        "i1",
        &[
            ("t1", reservation(256, "family:a")),
            ("t2", reservation(256, "family:a")),
        ],
    ));
    let mut txn = TxnBuilder::new();
    txn.put_instance_adding(&new, ["t2"]).unwrap();
    assert_eq!(
        ops(&txn),
        ["put instances/c1/i1", "put reservations/c1/i1/t2"]
    );
    let mut txn = TxnBuilder::new();
    txn.put_instance_adding(&new, []).unwrap();
    assert_eq!(ops(&txn), ["put instances/c1/i1"]);
    // A task named as added must be reserved on the record.
    assert!(TxnBuilder::new().put_instance_adding(&new, ["t9"]).is_err());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_mirror_joins_once_per_revision_and_serves_the_writer_s_record() {
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let repo = mirrored(store.clone()).await;
    let first = Arc::new(record("i1", &[("t1", reservation(256, "family:a"))]));
    let mut txn = TxnBuilder::new();
    txn.put_instance(&first, None).unwrap();
    assert!(repo.commit(txn).await.unwrap());
    let got = repo.get_instance("instances/c1/i1").await.unwrap().unwrap();
    assert!(Arc::ptr_eq(&got.value, &first), "the writer's record");

    // A write made without the repo (no offer): joined at the first read,
    // then served as that same join.
    let second = Arc::new(record(
        "i1",
        &[
            ("t1", reservation(256, "family:a")),
            ("t2", reservation(64, "family:b")),
        ],
    ));
    let mut txn = TxnBuilder::new();
    txn.expect("instances/c1/i1", got.mod_revision)
        .put_instance(&second, Some(&first))
        .unwrap();
    let TxnBuilder { txn, .. } = txn;
    assert!(store.txn(txn).await.unwrap().succeeded);
    let a = repo.get_instance("instances/c1/i1").await.unwrap().unwrap();
    assert!(!Arc::ptr_eq(&a.value, &second));
    assert_eq!(parts(&a.value), parts(&second));
    let b = repo.get_instance("instances/c1/i1").await.unwrap().unwrap();
    assert!(Arc::ptr_eq(&a.value, &b.value), "joined once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reservations_stored_inside_a_record_move_to_their_keys() {
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    // A record as stored before reservations had keys of their own.
    let legacy = serde_json::json!({
        "instance": {"status": "ACTIVE"},
        "cluster": "c1",
        "id": "i1",
        "generation": 7,
        "reservations": {
            "t1": {"cpu": 256, "memory": 128, "tcp_ports": [], "udp_ports": [], "group": "family:a"},
            "t2": {"cpu": 512, "memory": 256, "tcp_ports": [8080], "udp_ports": [], "group": "service:s"}
        },
        "total_cpu": 2048,
        "total_memory": 4096,
        "reserved_tcp_ports": [22],
        "reserved_udp_ports": []
    });
    store
        .put("instances/c1/i1", serde_json::to_vec(&legacy).unwrap())
        .await
        .unwrap();
    let untouched = serde_json::to_vec(&record("i2", &[]).stored()).unwrap();
    store
        .put("instances/c1/i2", untouched.clone())
        .await
        .unwrap();

    let repo = Repo::new(store.clone());
    // Read before the move: the held reservations are part of the record.
    let before = repo.get_instance("instances/c1/i1").await.unwrap().unwrap();
    assert_eq!(before.value.reservations.len(), 2);

    assert_eq!(repo.migrate_reservations().await.unwrap(), 1);
    let stored = store.get("instances/c1/i1").await.unwrap().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&stored.value).unwrap();
    assert!(json.get("reservations").is_none(), "{json}");
    assert_eq!(json["generation"], 7);
    assert_eq!(
        store.get("instances/c1/i2").await.unwrap().unwrap().value,
        untouched
    );
    for repo in [Repo::new(store.clone()), mirrored(store.clone()).await] {
        let after = repo.get_instance("instances/c1/i1").await.unwrap().unwrap();
        assert_eq!(parts(&after.value), parts(&before.value));
        assert_eq!(after.value.reservations["t2"].tcp_ports, [8080]);
    }
    // Done once: a second pass finds nothing to move.
    assert_eq!(repo.migrate_reservations().await.unwrap(), 0);
}

/// What `get_derived_many` derives is kept with the mirrored value: derived
/// once per stored value (again after a new write), and read straight from
/// the store without a mirror; absent keys are `None`.
#[tokio::test]
async fn derived_values_are_kept_per_stored_value() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let put = |v: u32| {
        let store = store.clone();
        async move {
            let mut txn = TxnBuilder::new();
            txn.put("t/a", &v).unwrap();
            assert!(Repo::new(store).commit(txn).await.unwrap());
        }
    };
    put(1).await;
    let keys = vec!["t/a".to_string(), "t/missing".to_string()];
    for (repo, once) in [
        (Repo::new(store.clone()), false),
        (mirrored(store.clone()).await, true),
    ] {
        let calls = AtomicUsize::new(0);
        let derive = |v: &u32| {
            calls.fetch_add(1, Ordering::SeqCst);
            Ok(format!("<{v}>"))
        };
        for _ in 0..3 {
            let got = repo
                .get_derived_many::<u32, String>(&keys, derive)
                .await
                .unwrap();
            assert_eq!(got[0].as_deref().map(String::as_str), Some("<1>"));
            assert!(got[1].is_none());
        }
        assert_eq!(calls.load(Ordering::SeqCst), if once { 1 } else { 3 });
    }
    let repo = mirrored(store.clone()).await;
    let calls = AtomicUsize::new(0);
    let derive = |v: &u32| {
        calls.fetch_add(1, Ordering::SeqCst);
        Ok(format!("<{v}>"))
    };
    repo.get_derived_many::<u32, String>(&keys, derive)
        .await
        .unwrap();
    put(2).await;
    let got = repo
        .get_derived_many::<u32, String>(&keys, derive)
        .await
        .unwrap();
    assert_eq!(got[0].as_deref().map(String::as_str), Some("<2>"));
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}
