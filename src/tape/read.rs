//! The reference reading of a tape, in Rust: what the host builds.

use super::{op, Tape, WIDE};

impl Tape {
    /// The value the host builds, as a serde_json value (every number an
    /// `f64`, as the host holds it; see [`as_host`]): the reference reading
    /// of a tape, in Rust, that tests hold js/tape.js and the writer to.
    /// `None` if the tape is damaged.
    pub fn to_value(&self) -> Option<serde_json::Value> {
        let ascii: Vec<u16> = self.ascii.encode_utf16().collect();
        let wide = &self.wide;
        let strings = self
            .spans
            .chunks_exact(2)
            .map(|s| {
                let &[start, end] = s else { return None };
                let (text, start) = if start & WIDE == 0 {
                    (&ascii[..], start)
                } else {
                    (&wide[..], start & !WIDE)
                };
                text.get(start as usize..end as usize)
                    .and_then(|u| String::from_utf16(u).ok())
            })
            .collect::<Option<Vec<String>>>()?;
        let mut shapes = Vec::new();
        let mut at = self.shapes.iter();
        while let Some(&n) = at.next() {
            let keys = (0..n)
                .map(|_| strings.get(*at.next()? as usize).cloned())
                .collect::<Option<Vec<String>>>()?;
            shapes.push(keys);
        }
        let mut ops = self.ops.iter().copied();
        let v = read_value(&mut ops, &self.nums, &strings, &shapes)?;
        ops.next().is_none().then_some(v)
    }
}

/// `v` with every number the `f64` nearest to it: what a host's
/// `JSON.parse` makes of serde_json's text of `v`.
pub fn as_host(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Number(n) => n.as_f64().map_or(Value::Null, Value::from),
        Value::Array(a) => Value::Array(a.into_iter().map(as_host).collect()),
        Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, as_host(v))).collect()),
        v => v,
    }
}

/// The next value of a tape ([`Tape::to_value`]).
fn read_value(
    ops: &mut impl Iterator<Item = i32>,
    nums: &[f64],
    strings: &[String],
    shapes: &[Vec<String>],
) -> Option<serde_json::Value> {
    use serde_json::Value;
    Some(match ops.next()? {
        op::NULL => Value::Null,
        op::TRUE => Value::Bool(true),
        op::FALSE => Value::Bool(false),
        op::INT => Value::from(f64::from(ops.next()?)),
        op::NUM => Value::from(*nums.get(usize::try_from(ops.next()?).ok()?)?),
        op::STR => Value::from(strings.get(usize::try_from(ops.next()?).ok()?)?.clone()),
        op::LIST => {
            let n = usize::try_from(ops.next()?).ok()?;
            let list = (0..n)
                .map(|_| read_value(ops, nums, strings, shapes))
                .collect::<Option<Vec<Value>>>()?;
            Value::Array(list)
        }
        op::OBJECT => {
            let keys = shapes.get(usize::try_from(ops.next()?).ok()?)?;
            let mut o = serde_json::Map::new();
            for k in keys {
                o.insert(k.clone(), read_value(ops, nums, strings, shapes)?);
            }
            Value::Object(o)
        }
        _ => return None,
    })
}
