//! The FIT wire format: file headers (several when files are chained),
//! definition and data messages, compressed-timestamp headers, developer
//! fields and the CRC. Only the messages a caller asks for are decoded; every
//! other message is skipped by its defined size, which keeps this fast.

use crate::activity::Warning;

/// A decoded field value: integers widened, floats as f64. `None` = the base
/// type's "invalid" marker, or a field whose size does not fit its type.
pub type Value = Option<f64>;

/// One data message of a wanted type: (field number, value) pairs.
pub struct Message<'a> {
    pub global: u16,
    pub fields: &'a [(u8, Value)],
    /// The message's timestamp: field 253, or from a compressed header.
    pub timestamp: Option<u32>,
}

impl Message<'_> {
    pub fn get(&self, field: u8) -> Value {
        self.fields.iter().find(|(n, _)| *n == field).and_then(|(_, v)| *v)
    }
}

#[derive(Clone)]
struct FieldDef {
    num: u8,
    size: u8,
    base: u8,
}

#[derive(Clone)]
struct Definition {
    global: u16,
    big_endian: bool,
    fields: Vec<FieldDef>,
    /// Bytes of the whole message, developer fields (skipped) included.
    total: usize,
}

/// How a read ended.
pub struct Outcome {
    pub headers: u32,
    pub warnings: Vec<Warning>,
    /// Set when the data broke off: where, and why.
    pub stopped: Option<(u64, String)>,
}

const TIMESTAMP_FIELD: u8 = 253;

/// Walks every chained FIT file in `bytes`, calling `on_message` for each data
/// message whose global number `wanted` accepts. The first header must be
/// valid; anything wrong later stops the walk with what was read so far.
pub fn walk(
    bytes: &[u8],
    wanted: impl Fn(u16) -> bool,
    mut on_message: impl FnMut(&Message),
) -> Result<Outcome, (u64, String)> {
    let mut pos = 0usize;
    let mut out = Outcome { headers: 0, warnings: Vec::new(), stopped: None };
    let mut fields: Vec<(u8, Value)> = Vec::with_capacity(64);
    while pos < bytes.len() {
        let header = match header(&bytes[pos..]) {
            Ok(h) => h,
            Err(why) if out.headers == 0 => return Err((pos as u64, why)),
            Err(why) => {
                out.stopped = Some((pos as u64, format!("after {} complete FIT file(s): {why}", out.headers)));
                break;
            }
        };
        out.headers += 1;
        let start = pos;
        let data_start = pos + header.size;
        let data_end = data_start.saturating_add(header.data_size);
        let mut defs: [Option<Definition>; 16] = Default::default();
        let mut last_time: Option<u32> = None;
        let mut p = data_start;
        let end = data_end.min(bytes.len());
        while p < end {
            let rh = bytes[p];
            p += 1;
            if rh & 0x80 != 0 {
                // Compressed timestamp header: local type in bits 5-6, 5-bit time offset.
                let local = usize::from((rh >> 5) & 0x03);
                let offset = u32::from(rh & 0x1F);
                let Some(def) = &defs[local] else {
                    out.stopped =
                        Some(((p - 1) as u64, format!("data for local message {local}, which was never defined")));
                    return Ok(out);
                };
                let time = last_time.map(|t| {
                    let base = t & !0x1F;
                    if offset >= (t & 0x1F) { base + offset } else { base + offset + 0x20 }
                });
                if time.is_some() {
                    last_time = time;
                }
                if p + def.total > end {
                    out.stopped = Some(((p - 1) as u64, truncated(def.total, end - p)));
                    return Ok(out);
                }
                if wanted(def.global) {
                    decode_fields(def, &bytes[p..p + def.total], &mut fields);
                    on_message(&Message { global: def.global, fields: &fields, timestamp: time });
                }
                p += def.total;
            } else if rh & 0x40 != 0 {
                // Definition message.
                let local = usize::from(rh & 0x0F);
                let has_dev = rh & 0x20 != 0;
                match definition(&bytes[p..end], has_dev, p as u64, &mut out.warnings) {
                    Ok((def, used)) => {
                        defs[local] = Some(def);
                        p += used;
                    }
                    Err(why) => {
                        out.stopped = Some(((p - 1) as u64, why));
                        return Ok(out);
                    }
                }
            } else {
                let local = usize::from(rh & 0x0F);
                let Some(def) = &defs[local] else {
                    out.stopped =
                        Some(((p - 1) as u64, format!("data for local message {local}, which was never defined")));
                    return Ok(out);
                };
                if p + def.total > end {
                    out.stopped = Some(((p - 1) as u64, truncated(def.total, end - p)));
                    return Ok(out);
                }
                let body = &bytes[p..p + def.total];
                let want = wanted(def.global);
                // Timestamps matter to every later compressed header, wanted or not.
                if want || def.fields.iter().any(|f| f.num == TIMESTAMP_FIELD) {
                    decode_fields(def, body, &mut fields);
                    let ts = fields.iter().find(|(n, _)| *n == TIMESTAMP_FIELD).and_then(|(_, v)| *v).map(|v| v as u32);
                    if ts.is_some() {
                        last_time = ts;
                    }
                    if want {
                        on_message(&Message { global: def.global, fields: &fields, timestamp: ts });
                    }
                }
                p += def.total;
            }
        }
        if data_end > bytes.len() {
            out.stopped = Some((
                bytes.len() as u64,
                format!("the file ends {} bytes before its header says its data does", data_end - bytes.len()),
            ));
            return Ok(out);
        }
        // The file CRC covers the header and the data.
        if data_end + 2 > bytes.len() {
            out.warnings.push(Warning { offset: Some(data_end as u64), message: "the file CRC is missing".into() });
            break;
        }
        let stored = u16::from_le_bytes([bytes[data_end], bytes[data_end + 1]]);
        let computed = crc(&bytes[start..data_end]);
        if stored != computed && stored != 0 {
            out.warnings.push(Warning {
                offset: Some(data_end as u64),
                message: format!(
                    "file CRC mismatch (stored {stored:#06x}, computed {computed:#06x}); the data was read anyway"
                ),
            });
        }
        pos = data_end + 2;
    }
    Ok(out)
}

fn truncated(want: usize, have: usize) -> String {
    format!("the data breaks off: a message needs {want} bytes and {have} are left")
}

struct Header {
    size: usize,
    data_size: usize,
}

fn header(b: &[u8]) -> Result<Header, String> {
    if b.len() < 12 {
        return Err(format!("{} stray bytes where a FIT header should be", b.len()));
    }
    let size = usize::from(b[0]);
    if (size != 12 && size != 14) || &b[8..12] != b".FIT" {
        return Err("not a FIT header (no \".FIT\" signature)".into());
    }
    let data_size = u32::from_le_bytes([b[4], b[5], b[6], b[7]]) as usize;
    Ok(Header { size, data_size })
}

fn definition(b: &[u8], has_dev: bool, at: u64, warnings: &mut Vec<Warning>) -> Result<(Definition, usize), String> {
    if b.len() < 5 {
        return Err("the data breaks off inside a definition message".into());
    }
    let big_endian = b[1] == 1;
    let global = if big_endian { u16::from_be_bytes([b[2], b[3]]) } else { u16::from_le_bytes([b[2], b[3]]) };
    let n = usize::from(b[4]);
    let mut used = 5 + 3 * n;
    if b.len() < used {
        return Err("the data breaks off inside a definition message".into());
    }
    let mut fields = Vec::with_capacity(n);
    let mut total = 0usize;
    for k in 0..n {
        let f = &b[5 + 3 * k..8 + 3 * k];
        let (num, size, base) = (f[0], f[1], f[2] & 0x1F);
        let width = base_width(base);
        if size == 0 || (width > 1 && !usize::from(size).is_multiple_of(width)) {
            warnings.push(Warning {
                offset: Some(at + 5 + 3 * k as u64),
                message: format!(
                    "field {num} of message {global} is {size} bytes, not a multiple of its type's {width}; it is skipped"
                ),
            });
        }
        total += usize::from(size);
        fields.push(FieldDef { num, size, base });
    }
    let mut dev_size = 0usize;
    if has_dev {
        let Some(&m) = b.get(used) else { return Err("the data breaks off inside a definition message".into()) };
        let m = usize::from(m);
        let dev = b.get(used + 1..used + 1 + 3 * m).ok_or("the data breaks off inside a definition message")?;
        dev_size = dev.chunks(3).map(|d| usize::from(d[1])).sum();
        used += 1 + 3 * m;
    }
    total += dev_size;
    Ok((Definition { global, big_endian, fields, total }, used))
}

/// Bytes per value of a base type (1 for strings and byte arrays).
fn base_width(base: u8) -> usize {
    match base {
        3 | 4 | 11 => 2,
        5 | 6 | 8 | 12 => 4,
        9 | 14 | 15 | 16 => 8,
        _ => 1,
    }
}

fn decode_fields(def: &Definition, body: &[u8], out: &mut Vec<(u8, Value)>) {
    out.clear();
    let mut p = 0usize;
    for f in &def.fields {
        let size = usize::from(f.size);
        let raw = &body[p..p + size];
        p += size;
        out.push((f.num, value(f.base, raw, def.big_endian)));
    }
}

/// The first value of a field (arrays give their first element), or None when
/// invalid or when the size does not match the type.
fn value(base: u8, raw: &[u8], be: bool) -> Value {
    let w = base_width(base);
    if raw.len() < w || (w > 1 && !raw.len().is_multiple_of(w)) {
        return None;
    }
    macro_rules! int {
        ($t:ty, $n:expr, $invalid:expr) => {{
            let mut a = [0u8; $n];
            a.copy_from_slice(&raw[..$n]);
            let v = if be { <$t>::from_be_bytes(a) } else { <$t>::from_le_bytes(a) };
            if v == $invalid { None } else { Some(v as f64) }
        }};
    }
    match base {
        0 | 2 | 13 => (raw[0] != 0xFF).then_some(f64::from(raw[0])),
        1 => (raw[0] != 0x7F).then_some(f64::from(raw[0] as i8)),
        10 => (raw[0] != 0).then_some(f64::from(raw[0])),
        3 => int!(i16, 2, i16::MAX),
        4 => int!(u16, 2, u16::MAX),
        11 => int!(u16, 2, 0),
        5 => int!(i32, 4, i32::MAX),
        6 => int!(u32, 4, u32::MAX),
        12 => int!(u32, 4, 0),
        14 => int!(i64, 8, i64::MAX),
        15 => int!(u64, 8, u64::MAX),
        16 => int!(u64, 8, 0),
        8 => {
            let mut a = [0u8; 4];
            a.copy_from_slice(&raw[..4]);
            let v = if be { f32::from_be_bytes(a) } else { f32::from_le_bytes(a) };
            v.is_finite().then_some(f64::from(v))
        }
        9 => {
            let mut a = [0u8; 8];
            a.copy_from_slice(&raw[..8]);
            let v = if be { f64::from_be_bytes(a) } else { f64::from_le_bytes(a) };
            v.is_finite().then_some(v)
        }
        _ => None, // strings and unknown types are not needed
    }
}

/// The FIT CRC-16 (nibble table, as in the FIT SDK).
pub fn crc(bytes: &[u8]) -> u16 {
    const T: [u16; 16] = [
        0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01,
        0x8801, 0x4400,
    ];
    let mut crc = 0u16;
    for &b in bytes {
        let mut tmp = T[usize::from(crc & 0xF)];
        crc = (crc >> 4) & 0x0FFF;
        crc = crc ^ tmp ^ T[usize::from(b & 0xF)];
        tmp = T[usize::from(crc & 0xF)];
        crc = (crc >> 4) & 0x0FFF;
        crc = crc ^ tmp ^ T[usize::from((b >> 4) & 0xF)];
    }
    crc
}
