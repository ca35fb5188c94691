//! [`Attributes`]: an instance's attributes as the planner reads them.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An instance's attributes by name. Names and values up to 24 bytes
/// (`ecs.availability-zone`, `us-east-1a`, `m5.large`) are stored inline, in
/// one buffer ordered by name length, then name: a lookup scans from the
/// shortest names, comparing lengths (stored inline even for long names)
/// before bytes, and stops at the first longer name. The planner reads the
/// spread attribute of every candidate for every placement; the built-in
/// attributes it reads (`ecs.availability-zone`, `ecs.instance-type`, …)
/// have short names, the capabilities that make up most of an instance's
/// attributes (`com.amazonaws.ecs.capability.docker-remote-api.1.41`, …) long
/// ones, so such a lookup reads a few inline entries and no allocation. (A
/// map of separately allocated strings costs a cache miss per node and per
/// string, which with 10,000 instances was most of the planner's time.)
///
/// The first [`HEAD`] entries (the shortest names) are stored in the struct
/// itself, the rest in one buffer: a planner reading a short-named attribute
/// of every instance in a slice then reads the slice in order, which the
/// hardware prefetches, instead of one buffer per instance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attributes {
    /// The first `head_len` entries; the slots after them are empty (default).
    head: [Pair; HEAD],
    head_len: u8,
    /// The entries after the head.
    tail: Vec<Pair>,
}

type Pair = (CompactString, Option<CompactString>);

/// How many entries [`Attributes`] holds inline.
const HEAD: usize = 4;

/// The order of [`Attributes`]: by length, then bytes.
fn order(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

impl Attributes {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every entry, in order.
    fn entries(&self) -> impl Iterator<Item = &Pair> {
        self.head[..usize::from(self.head_len)]
            .iter()
            .chain(self.tail.iter())
    }

    /// Holds exactly `all` (in order): the first [`HEAD`] inline.
    fn set_all(&mut self, mut all: Vec<Pair>) {
        let rest = all.split_off(all.len().min(HEAD));
        self.head_len = all.len() as u8;
        let mut head = all.into_iter();
        for slot in self.head.iter_mut() {
            *slot = head.next().unwrap_or_default();
        }
        self.tail = rest;
    }

    fn take_all(&mut self) -> Vec<Pair> {
        let n = usize::from(self.head_len);
        let mut all: Vec<Pair> = self.head[..n].iter_mut().map(std::mem::take).collect();
        all.append(&mut self.tail);
        self.head_len = 0;
        all
    }

    /// The position of `name`, or where it would go.
    fn find(&self, name: &str) -> Result<usize, usize> {
        let mut n = 0;
        for (i, (k, _)) in self.entries().enumerate() {
            n = i + 1;
            if k.len() < name.len() {
                continue;
            }
            if k.len() > name.len() {
                return Err(i);
            }
            match k.as_str().cmp(name) {
                std::cmp::Ordering::Less => continue,
                std::cmp::Ordering::Equal => return Ok(i),
                std::cmp::Ordering::Greater => return Err(i),
            }
        }
        Err(n)
    }

    /// The attribute `name`: `Some(None)` when it is set without a value.
    pub fn get(&self, name: &str) -> Option<&Option<CompactString>> {
        let i = self.find(name).ok()?;
        let n = usize::from(self.head_len);
        Some(if i < n {
            &self.head[i].1
        } else {
            &self.tail[i - n].1
        })
    }

    pub fn contains(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }

    /// Sets `name` (replacing its value if it is set).
    pub fn insert(&mut self, name: impl Into<CompactString>, value: Option<String>) {
        let name = name.into();
        let value = value.map(CompactString::from);
        let found = self.find(&name);
        let mut all = self.take_all();
        match found {
            Ok(i) => all[i].1 = value,
            Err(i) => all.insert(i, (name, value)),
        }
        self.set_all(all);
    }

    /// Unsets `name`; its value if it was set.
    pub fn remove(&mut self, name: &str) -> Option<Option<CompactString>> {
        let i = self.find(name).ok()?;
        let mut all = self.take_all();
        let (_, value) = all.remove(i);
        self.set_all(all);
        Some(value)
    }

    /// The attributes, shorter names first (names of a length in order).
    pub fn iter(&self) -> impl Iterator<Item = (&str, Option<&str>)> {
        self.entries().map(|(k, v)| (k.as_str(), v.as_deref()))
    }

    pub fn len(&self) -> usize {
        usize::from(self.head_len) + self.tail.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<K: Into<CompactString>> FromIterator<(K, Option<String>)> for Attributes {
    /// Later pairs win over earlier ones of the same name.
    fn from_iter<I: IntoIterator<Item = (K, Option<String>)>>(iter: I) -> Self {
        let mut v: Vec<Pair> = iter
            .into_iter()
            .map(|(k, v)| (k.into(), v.map(CompactString::from)))
            .collect();
        // Stable: equal names keep their order, and the last one is kept.
        v.sort_by(|a, b| order(&a.0, &b.0));
        let mut out: Vec<Pair> = Vec::with_capacity(v.len());
        for pair in v {
            match out.last_mut() {
                Some(last) if last.0 == pair.0 => *last = pair,
                _ => out.push(pair),
            }
        }
        let mut a = Attributes::default();
        a.set_all(out);
        a
    }
}

impl Serialize for Attributes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.len()))?;
        for (k, v) in self.iter() {
            m.serialize_entry(k, &v)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Attributes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let m: BTreeMap<String, Option<String>> = BTreeMap::deserialize(d)?;
        Ok(m.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sorted_map_of_names() {
        let mut a: Attributes = [
            ("ecs.os-type", Some("linux".to_string())),
            ("ecs.availability-zone", Some("us-east-1a".to_string())),
            ("gpu", None),
            ("ecs.os-type", Some("windows".to_string())),
        ]
        .into_iter()
        .collect();
        assert_eq!(a.len(), 3, "the last of equal names wins");
        assert_eq!(a.get("ecs.os-type"), Some(&Some("windows".into())));
        assert_eq!(a.get("gpu"), Some(&None));
        assert_eq!(a.get("rack"), None);
        a.insert("rack", Some("r1".into()));
        a.insert("gpu", Some("1".into()));
        let names: Vec<&str> = a.iter().map(|(k, _)| k).collect();
        assert_eq!(
            names,
            ["gpu", "rack", "ecs.os-type", "ecs.availability-zone"],
            "shorter names first"
        );
        assert_eq!(a.get("gpu").unwrap().as_deref(), Some("1"));
        let long = "com.amazonaws.ecs.capability.docker-remote-api.1.41";
        a.insert(long, None);
        assert!(a.contains(long));
        for name in [
            "ecs",
            "ecs.os-typf",
            "zzz",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ] {
            assert!(!a.contains(name), "{name}");
        }
        assert_eq!(a.remove("rack"), Some(Some("r1".into())));
        assert_eq!(a.remove("rack"), None);
        a.insert("rack", Some("r1".into()));
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(
            json,
            format!(
                r#"{{"gpu":"1","rack":"r1","ecs.os-type":"windows","ecs.availability-zone":"us-east-1a","{long}":null}}"#
            )
        );
        let back: Attributes = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
    }

    proptest::proptest! {
        /// Any sequence of sets and unsets reads like a map of the same.
        #[test]
        fn reads_like_a_map(ops in proptest::collection::vec(
            (0usize..6, proptest::option::of("[a-z]{0,3}"), proptest::bool::ANY), 0..40)
        ) {
            let names = ["a", "b", "ab", "ecs.os-type", "ecs.availability-zone",
                "com.amazonaws.ecs.capability.docker-remote-api.1.41"];
            let mut model: BTreeMap<String, Option<String>> = BTreeMap::new();
            let mut a = Attributes::new();
            for (n, value, remove) in ops {
                let name = names[n];
                if remove {
                    proptest::prop_assert_eq!(
                        a.remove(name).map(|v| v.map(|v| v.to_string())),
                        model.remove(name)
                    );
                } else {
                    a.insert(name, value.clone());
                    model.insert(name.to_string(), value);
                }
                for name in names {
                    proptest::prop_assert_eq!(
                        a.get(name).map(|v| v.as_deref().map(str::to_string)),
                        model.get(name).cloned()
                    );
                }
                proptest::prop_assert_eq!(a.len(), model.len());
                let collected: Attributes = model.clone().into_iter().collect();
                proptest::prop_assert_eq!(&collected, &a);
            }
        }
    }
}
