//! The tape as a serde `Serializer`: the values as serde_json writes them.

use std::fmt::Display;

use serde::ser::{self, Serialize};

use super::{op, Open, Tape, TapeError, R};

/// `$m!` over serde's integer methods.
macro_rules! each_integer {
    ($m:ident) => {
        $m!(
            serialize_i8: i8,
            serialize_i16: i16,
            serialize_i32: i32,
            serialize_i64: i64,
            serialize_i128: i128,
            serialize_u8: u8,
            serialize_u16: u16,
            serialize_u32: u32,
            serialize_u64: u64,
            serialize_u128: u128
        );
    };
}

/// The integers, each through [`Tape::int_op`].
macro_rules! integers {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> R {
            self.int_op(i32::try_from(v).ok(), v as f64);
            Ok(())
        }
    )*};
}

/// A list, object or enum variant being written.
pub struct Compound<'a> {
    tape: &'a mut Tape,
    open: Open,
    /// An enum variant's object around the value, closed after it.
    variant: Option<Open>,
}

impl<'a> Compound<'a> {
    fn new(tape: &'a mut Tape, open: Open, variant: Option<Open>) -> Self {
        Compound {
            tape,
            open,
            variant,
        }
    }

    fn end_list(self) -> R {
        self.tape.close_list(&self.open);
        self.end_variant()
    }

    fn end_object(self) -> R {
        self.tape.close_object(&self.open);
        self.end_variant()
    }

    fn end_variant(self) -> R {
        if let Some(v) = &self.variant {
            self.tape.close_object(v);
        }
        Ok(())
    }

    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        self.open.n += 1;
        v.serialize(&mut *self.tape)
    }
}

impl<'a> Tape {
    /// An enum's variant with fields: `{name: [...]}` or `{name: {...}}`.
    fn variant(&'a mut self, name: &'static str, kind: i32) -> Compound<'a> {
        let outer = self.open(op::OBJECT);
        self.name_key(name);
        let open = self.open(kind);
        Compound::new(self, open, Some(outer))
    }
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> R {
        self.ops.push(if v { op::TRUE } else { op::FALSE });
        Ok(())
    }
    each_integer!(integers);
    fn serialize_f32(self, v: f32) -> R {
        // serde_json writes an f32's shortest text, which the host reads as
        // the f64 nearest to it (0.1, not 0.10000000149011612).
        if v.is_finite() {
            let v = v.to_string().parse().unwrap_or(f64::from(v));
            self.num_op(v);
        } else {
            self.ops.push(op::NULL);
        }
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> R {
        self.num_op(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> R {
        self.str_op(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> R {
        self.str_op(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> R {
        let o = self.open(op::LIST);
        for &b in v {
            self.ops.extend([op::INT, b.into()]);
        }
        self.set(o.at, v.len() as i32);
        Ok(())
    }
    fn serialize_none(self) -> R {
        self.ops.push(op::NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        let i = self.name(variant);
        self.ops.extend([op::STR, i as i32]);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> R {
        let o = self.open(op::OBJECT);
        self.name_key(variant);
        v.serialize(&mut *self)?;
        self.close_object(&o);
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, TapeError> {
        let open = self.open(op::LIST);
        Ok(Compound::new(self, open, None))
    }
    fn serialize_tuple(self, n: usize) -> Result<Compound<'a>, TapeError> {
        self.serialize_seq(Some(n))
    }
    fn serialize_tuple_struct(self, _: &'static str, n: usize) -> Result<Compound<'a>, TapeError> {
        self.serialize_seq(Some(n))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, TapeError> {
        Ok(self.variant(variant, op::LIST))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a>, TapeError> {
        let open = self.open(op::OBJECT);
        Ok(Compound::new(self, open, None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, TapeError> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, TapeError> {
        Ok(self.variant(variant, op::OBJECT))
    }
    fn collect_str<T: Display + ?Sized>(self, v: &T) -> R {
        let i = self.displayed(&v);
        self.ops.extend([op::STR, i as i32]);
        Ok(())
    }
}

/// The lists: each value in turn, then the length in the head.
macro_rules! list {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = TapeError;
            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
                self.element(v)
            }
            fn end(self) -> R {
                self.end_list()
            }
        }
    )*};
}

list!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> R {
        k.serialize(KeyOf(&mut *self.tape))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R {
        self.element(v)
    }
    fn end(self) -> R {
        self.end_object()
    }
}

/// The objects with keys the code names: each key and value in turn, then
/// the shape in the head.
macro_rules! object {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = TapeError;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, k: &'static str, v: &T) -> R {
                self.tape.name_key(k);
                self.element(v)
            }
            fn end(self) -> R {
                self.end_object()
            }
        }
    )*};
}

object!(SerializeStruct, SerializeStructVariant);

/// A map's key: a string, or a number or `bool` written as one (as
/// serde_json writes them).
struct KeyOf<'a>(&'a mut Tape);

impl KeyOf<'_> {
    fn shown(self, v: &dyn Display) -> R {
        let i = self.0.displayed(v);
        self.0.keys.push(i);
        Ok(())
    }
}

fn key_must_be_a_string() -> TapeError {
    TapeError("key must be a string".into())
}

/// Keys written as their text.
macro_rules! shown {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> R {
            self.shown(&v)
        }
    )*};
}

/// Values that cannot be keys.
macro_rules! refused {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, _: $t) -> R {
            Err(key_must_be_a_string())
        }
    )*};
}

impl ser::Serializer for KeyOf<'_> {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = ser::Impossible<(), TapeError>;
    type SerializeTuple = ser::Impossible<(), TapeError>;
    type SerializeTupleStruct = ser::Impossible<(), TapeError>;
    type SerializeTupleVariant = ser::Impossible<(), TapeError>;
    type SerializeMap = ser::Impossible<(), TapeError>;
    type SerializeStruct = ser::Impossible<(), TapeError>;
    type SerializeStructVariant = ser::Impossible<(), TapeError>;

    each_integer!(shown);
    shown!(serialize_bool: bool);
    refused!(serialize_f32: f32, serialize_f64: f64, serialize_bytes: &[u8]);
    fn serialize_char(self, v: char) -> R {
        self.0.key(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> R {
        self.0.key(v);
        Ok(())
    }
    fn serialize_none(self) -> R {
        Err(key_must_be_a_string())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> R {
        Err(key_must_be_a_string())
    }
    fn serialize_unit(self) -> R {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_struct(self, _: &'static str) -> R {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R {
        self.0.key(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> R {
        Err(key_must_be_a_string())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, TapeError> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, TapeError> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, TapeError> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, TapeError> {
        Err(key_must_be_a_string())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, TapeError> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, TapeError> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, TapeError> {
        Err(key_must_be_a_string())
    }
    fn collect_str<T: Display + ?Sized>(self, v: &T) -> R {
        self.shown(&v)
    }
}
