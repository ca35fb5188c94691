//! Serialising a stored struct with one of its top-level fields left out,
//! without copying it: DescribeTasks leaves out a task's `tags` unless they
//! are asked for, and serves the shared stored record.
//!
//! [`WithoutField`] wraps the value; its serializer forwards everything to
//! the real one except the fields named `skip` of the outermost struct.
//! Nested values are serialised by the real serializer, untouched.

use serde::ser::{Serialize, SerializeStruct, Serializer};

/// `value` serialised as usual, minus its top-level field `skip` (when the
/// value is a struct; any other value is serialised unchanged).
pub(crate) struct WithoutField<'a, T: ?Sized> {
    pub value: &'a T,
    pub skip: &'static str,
}

impl<T: Serialize + ?Sized> Serialize for WithoutField<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(Skipping {
            inner: s,
            skip: self.skip,
        })
    }
}

struct Skipping<S> {
    inner: S,
    skip: &'static str,
}

struct SkippingStruct<S> {
    inner: S,
    skip: &'static str,
}

impl<S: SerializeStruct> SerializeStruct for SkippingStruct<S> {
    type Ok = S::Ok;
    type Error = S::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), S::Error> {
        if key == self.skip {
            self.inner.skip_field(key)
        } else {
            self.inner.serialize_field(key, value)
        }
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), S::Error> {
        self.inner.skip_field(key)
    }

    fn end(self) -> Result<S::Ok, S::Error> {
        self.inner.end()
    }
}

/// Forwards a `Serializer` method to the wrapped serializer.
macro_rules! forward {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $ret:ty;)*) => {
        $(fn $name(self, $($arg: $ty),*) -> Result<$ret, S::Error> {
            self.inner.$name($($arg),*)
        })*
    };
}

impl<S: Serializer> Serializer for Skipping<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = S::SerializeSeq;
    type SerializeTuple = S::SerializeTuple;
    type SerializeTupleStruct = S::SerializeTupleStruct;
    type SerializeTupleVariant = S::SerializeTupleVariant;
    type SerializeMap = S::SerializeMap;
    type SerializeStruct = SkippingStruct<S::SerializeStruct>;
    type SerializeStructVariant = S::SerializeStructVariant;

    forward! {
        serialize_bool(v: bool) -> S::Ok;
        serialize_i8(v: i8) -> S::Ok;
        serialize_i16(v: i16) -> S::Ok;
        serialize_i32(v: i32) -> S::Ok;
        serialize_i64(v: i64) -> S::Ok;
        serialize_u8(v: u8) -> S::Ok;
        serialize_u16(v: u16) -> S::Ok;
        serialize_u32(v: u32) -> S::Ok;
        serialize_u64(v: u64) -> S::Ok;
        serialize_f32(v: f32) -> S::Ok;
        serialize_f64(v: f64) -> S::Ok;
        serialize_char(v: char) -> S::Ok;
        serialize_str(v: &str) -> S::Ok;
        serialize_bytes(v: &[u8]) -> S::Ok;
        serialize_none() -> S::Ok;
        serialize_unit() -> S::Ok;
        serialize_unit_struct(name: &'static str) -> S::Ok;
        serialize_unit_variant(name: &'static str, index: u32, variant: &'static str) -> S::Ok;
        serialize_seq(len: Option<usize>) -> S::SerializeSeq;
        serialize_tuple(len: usize) -> S::SerializeTuple;
        serialize_tuple_struct(name: &'static str, len: usize) -> S::SerializeTupleStruct;
        serialize_tuple_variant(name: &'static str, index: u32, variant: &'static str, len: usize) -> S::SerializeTupleVariant;
        serialize_map(len: Option<usize>) -> S::SerializeMap;
        serialize_struct_variant(name: &'static str, index: u32, variant: &'static str, len: usize) -> S::SerializeStructVariant;
    }

    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<S::Ok, S::Error> {
        self.inner.serialize_some(v)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        self.inner.serialize_newtype_struct(name, v)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        self.inner
            .serialize_newtype_variant(name, index, variant, v)
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        Ok(SkippingStruct {
            inner: self.inner.serialize_struct(name, len)?,
            skip: self.skip,
        })
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gantry_api_types::ecs;

    fn task() -> ecs::Task {
        serde_json::from_value(serde_json::json!({
            "taskArn": "arn:aws:ecs:us-east-1:000000000000:task/c/1",
            "tags": [{"key": "k", "value": "v"}],
            "containers": [{"name": "app", "lastStatus": "RUNNING"}],
            "overrides": {"containerOverrides": []},
            "cpu": "256",
        }))
        .unwrap()
    }

    #[test]
    fn the_named_field_is_left_out_and_the_rest_is_as_usual() {
        let t = task();
        let got = serde_json::to_value(WithoutField {
            value: &t,
            skip: "tags",
        })
        .unwrap();
        let mut want = serde_json::to_value(&t).unwrap();
        assert!(want.as_object_mut().unwrap().remove("tags").is_some());
        assert_eq!(got, want);
        // Byte for byte what serialising a copy without the field gives.
        let mut copy = t.clone();
        copy.tags = None;
        assert_eq!(
            serde_json::to_vec(&WithoutField {
                value: &t,
                skip: "tags"
            })
            .unwrap(),
            serde_json::to_vec(&copy).unwrap()
        );
    }

    #[test]
    fn a_nested_field_of_the_same_name_is_kept() {
        #[derive(serde::Serialize)]
        struct Outer {
            tags: u8,
            inner: Inner,
        }
        #[derive(serde::Serialize)]
        struct Inner {
            tags: u8,
        }
        let v = Outer {
            tags: 1,
            inner: Inner { tags: 2 },
        };
        let got = serde_json::to_string(&WithoutField {
            value: &v,
            skip: "tags",
        })
        .unwrap();
        assert_eq!(got, r#"{"inner":{"tags":2}}"#);
    }
}
