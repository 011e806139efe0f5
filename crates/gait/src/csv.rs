//! Accelerometer (and gyroscope) CSV files: one header line naming the
//! columns, then one row per sample. This one reader takes
//!
//! - the Mobilise-D layout (`samples, acc_x … gyr_z`; acc in g, gyr in deg/s,
//!   100 Hz, a sample counter for a clock),
//! - phyphox exports (`"Time (s)","Acceleration x (m/s^2)", …` or
//!   `"Gyroscope x (rad/s)"`; comma, or semicolon or tab with decimal commas),
//! - Sensor Logger exports (`time,seconds_elapsed,z,y,x`; `time` in
//!   nanoseconds, the axes in z, y, x order),
//! - and any file like them: a time column in s, ms or ns (or a sample
//!   count at a stated rate), x/y/z columns in any order.
//!
//! Units come from the header where it says them ("(m/s^2)", "(g)",
//! "(deg/s)"), else from what is stated by the caller, else they are
//! detected from the values (see `detect`), and the result says which units
//! it took and how. A phone's clock is irregular: rows are resampled onto an
//! even clock by linear interpolation (`resample`).

use crate::{Pause, ReadError, Recording};

/// What the caller knows about a file; `None` is "find out".
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Stated {
    pub acc: Option<AccUnit>,
    pub gyr: Option<GyrUnit>,
    pub time: Option<TimeUnit>,
    /// The rate to resample to, or the rate of a sample-count clock.
    pub rate_hz: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccUnit {
    MetresPerSecond2,
    G,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GyrUnit {
    RadPerSecond,
    DegPerSecond,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    Seconds,
    Millis,
    Nanos,
    /// A sample counter (0, 1, 2, …) at a known rate.
    Samples,
}

/// How each unit was known: said by the header, stated by the caller, or
/// judged from the values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Header,
    Stated,
    Detected,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CsvRead {
    pub recording: Recording,
    pub acc: (AccUnit, Source),
    pub gyr: Option<(GyrUnit, Source)>,
    pub time: (TimeUnit, Source),
    /// The rows' clock was uneven and they were placed on an even one.
    pub resampled: bool,
}

/// One g in m/s² (the value the shared data's converters use).
pub const G: f64 = 9.81;

/// The longest stretch without a row that is filled, in seconds. A longer
/// stop (a phone whose screen locked) is kept as a pause of `PAUSE_S`.
const MOST_MISSING_S: f64 = 10.0;
/// A stop's length on the sample clock: longer than two of the longest
/// gaps between steps of one bout, so no bout runs across it.
const PAUSE_S: f64 = 4.0;
/// The most stops a recording may have; more is not a recording of a session.
const MOST_PAUSES: usize = 20;
/// The fastest clock taken. Phones and body sensors record at 10 to 1,000
/// Hz; a faster one would let a small file (a few rows, far apart) ask for
/// a large even clock to fill.
pub const MOST_RATE_HZ: f64 = 1000.0;

/// A column the reader knows: the clock, or one axis of one sensor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Time(Option<TimeUnit>),
    Acc(usize, Option<AccUnit>),
    Gyr(usize, Option<GyrUnit>),
    /// An axis with no sensor named: the accelerometer's, in a file that
    /// holds one sensor.
    Axis(usize, Option<AccUnit>),
}

pub fn read(bytes: &[u8], stated: &Stated) -> Result<CsvRead, ReadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        ReadError::at(line, 0, "this is not a text file (bytes that are not UTF-8)")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end_matches('\r')));
    let (_, header) =
        lines.find(|(_, l)| !l.trim().is_empty()).ok_or_else(|| ReadError::at(1, 0, "the file is empty"))?;
    let sep = separator(header);
    let names: Vec<String> = header.split(sep).map(|h| h.trim().trim_matches('"').to_string()).collect();
    let columns = Columns::of(&names)?;
    let mobilise_d =
        names.iter().map(String::as_str).eq(["samples", "acc_x", "acc_y", "acc_z", "gyr_x", "gyr_y", "gyr_z"]);

    // Rows: the clock's value and the sensors' values, as written. Each
    // column read goes to its slot (0 the clock, 1–3 the accelerometer, 4–6
    // the gyroscope), in one pass over the row and nothing allocated: a
    // half-hour phone file has 180,000 rows.
    let mut slot_of: Vec<Option<usize>> = vec![None; names.len()];
    slot_of[columns.time] = Some(0);
    for (axis, col) in columns.acc.iter().enumerate() {
        slot_of[*col] = Some(1 + axis);
    }
    for (axis, col) in columns.gyr.iter().flatten().enumerate() {
        slot_of[*col] = Some(4 + axis);
    }
    let slots = if columns.gyr.is_some() { 7 } else { 4 };
    let mut times = Vec::new();
    let mut acc = Vec::new();
    let mut gyr = Vec::new();
    let mut first_line = 0;
    for (n, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        if first_line == 0 {
            first_line = n;
        }
        let mut values = [f64::NAN; 7];
        let mut filled = 0;
        for (col, raw) in fields(line, sep as u8).enumerate() {
            let Some(slot) = slot_of.get(col).copied().flatten() else { continue };
            let raw = unquoted(raw);
            values[slot] = number(raw, sep).ok_or_else(|| {
                ReadError::at(n, col + 1, format!("'{}' is not a number ({})", shorten(raw), names[col]))
            })?;
            filled += 1;
        }
        if filled < slots {
            // The first column the row did not reach.
            let col = (0..names.len()).find(|c| slot_of[*c].is_some_and(|s| values[s].is_nan())).unwrap_or(0);
            return Err(ReadError::at(n, col + 1, format!("the row ends before the {} column", names[col])));
        }
        times.push((values[0], n));
        acc.push([values[1], values[2], values[3]]);
        if slots == 7 {
            gyr.push([values[4], values[5], values[6]]);
        }
    }
    if times.is_empty() {
        return Err(ReadError::at(2, 0, "the file has a header but no rows of samples"));
    }

    let time = match (columns.time_unit, stated.time) {
        (Some(u), _) => (u, Source::Header),
        (None, Some(u)) => (u, Source::Stated),
        (None, None) => (detect_time(&times), Source::Detected),
    };
    let seconds: Vec<(f64, usize)> = match time.0 {
        TimeUnit::Samples => {
            let rate = stated.rate_hz.or(mobilise_d.then_some(100.0)).ok_or_else(|| ReadError {
                needs_rate: true,
                ..ReadError::at(
                    1,
                    columns.time + 1,
                    "the clock counts samples, but the file does not say how many a second: state the rate",
                )
            })?;
            times.iter().map(|(t, n)| (t / rate, *n)).collect()
        }
        TimeUnit::Seconds => times,
        TimeUnit::Millis => times.iter().map(|(t, n)| (t / 1e3, *n)).collect(),
        TimeUnit::Nanos => times.iter().map(|(t, n)| (t / 1e9, *n)).collect(),
    };

    let acc_unit = match (columns.acc_unit, stated.acc) {
        (Some(u), _) => (u, Source::Header),
        (None, Some(u)) => (u, Source::Stated),
        (None, None) => (detect_acc(&acc, first_line)?, Source::Detected),
    };
    let gyr_unit = columns.gyr.map(|_| match (columns.gyr_unit, stated.gyr) {
        (Some(u), _) => (u, Source::Header),
        (None, Some(u)) => (u, Source::Stated),
        (None, None) => (detect_gyr(&gyr), Source::Detected),
    });
    let acc_scale = if acc_unit.0 == AccUnit::G { G } else { 1.0 };
    let gyr_scale = if gyr_unit.is_some_and(|(u, _)| u == GyrUnit::DegPerSecond) { 1f64.to_radians() } else { 1.0 };
    for a in &mut acc {
        a.iter_mut().for_each(|v| *v *= acc_scale);
    }
    for g in &mut gyr {
        g.iter_mut().for_each(|v| *v *= gyr_scale);
    }
    if !holds_gravity(&acc) {
        return Err(ReadError::at(first_line, 0, format!("{NO_GRAVITY}: {EXPORT_WITH_GRAVITY}")));
    }
    let (recording, resampled) = resample(&seconds, &acc, &gyr, stated.rate_hz)?;
    Ok(CsvRead { recording, acc: acc_unit, gyr: gyr_unit, time, resampled })
}

/// Which column holds what, and the units the header says.
struct Columns {
    time: usize,
    time_unit: Option<TimeUnit>,
    acc: [usize; 3],
    acc_unit: Option<AccUnit>,
    gyr: Option<[usize; 3]>,
    gyr_unit: Option<GyrUnit>,
}

impl Columns {
    fn of(names: &[String]) -> Result<Columns, ReadError> {
        let roles: Vec<Option<Role>> = names.iter().map(|n| role(n)).collect();
        // A clock that says its unit wins: Sensor Logger's `seconds_elapsed`
        // over its nanosecond `time`.
        let time = roles
            .iter()
            .position(|r| matches!(r, Some(Role::Time(Some(_)))))
            .or_else(|| roles.iter().position(|r| matches!(r, Some(Role::Time(None)))))
            .ok_or_else(|| {
                ReadError::at(1, 0, "the header names no time column (time, seconds_elapsed, \"Time (s)\" or samples)")
            })?;
        let time_unit = match roles[time] {
            Some(Role::Time(u)) => u,
            _ => None,
        };
        let axes = |pick: &dyn Fn(&Role) -> Option<usize>| -> Option<[usize; 3]> {
            let mut at = [None; 3];
            for (col, r) in roles.iter().enumerate() {
                if let Some(axis) = r.as_ref().and_then(pick) {
                    at[axis].get_or_insert(col);
                }
            }
            Some([at[0]?, at[1]?, at[2]?])
        };
        let named_acc = axes(&|r| if let Role::Acc(a, _) = r { Some(*a) } else { None });
        let bare = axes(&|r| if let Role::Axis(a, _) = r { Some(*a) } else { None });
        let gyr = axes(&|r| if let Role::Gyr(a, _) = r { Some(*a) } else { None });
        if named_acc.is_none() && bare.is_none() && gyr.is_some() {
            return Err(ReadError::at(
                1,
                0,
                "this file holds only a gyroscope; steps need the accelerometer's file (with gravity)",
            ));
        }
        let acc = named_acc.or(bare).ok_or_else(|| {
            ReadError::at(1, 0, "the header names no accelerometer x, y and z columns (acc_x, \"Acceleration x\" or x)")
        })?;
        let acc_unit = acc.iter().find_map(|c| match roles[*c] {
            Some(Role::Acc(_, u) | Role::Axis(_, u)) => u,
            _ => None,
        });
        let gyr_unit = gyr.and_then(|g| {
            g.iter().find_map(|c| match roles[*c] {
                Some(Role::Gyr(_, u)) => u,
                _ => None,
            })
        });
        Ok(Columns { time, time_unit, acc, acc_unit, gyr, gyr_unit })
    }
}

/// What a header name says: lower case, the unit in brackets apart.
fn role(name: &str) -> Option<Role> {
    let lower = name.to_lowercase();
    let (base, unit) = match lower.split_once(['(', '[']) {
        Some((b, u)) => (b.trim().to_string(), u.trim_end_matches([')', ']']).trim().to_string()),
        None => (lower.trim().to_string(), String::new()),
    };
    let time_unit = match unit.as_str() {
        "s" | "sec" | "seconds" => Some(TimeUnit::Seconds),
        "ms" => Some(TimeUnit::Millis),
        "ns" => Some(TimeUnit::Nanos),
        _ => None,
    };
    match base.as_str() {
        "seconds_elapsed" | "elapsed" => return Some(Role::Time(Some(TimeUnit::Seconds))),
        "samples" | "sample" | "packetcounter" => return Some(Role::Time(Some(TimeUnit::Samples))),
        "time" | "t" | "timestamp" => return Some(Role::Time(time_unit)),
        _ => {}
    }
    let compact: String = base.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let axis = match compact.chars().last()? {
        'x' => 0,
        'y' => 1,
        'z' => 2,
        _ => return None,
    };
    let sensor = &compact[..compact.len() - 1];
    let acc_unit = match unit.replace(' ', "").as_str() {
        "m/s^2" | "m/s²" | "m/s2" | "ms^-2" | "m·s⁻²" => Some(AccUnit::MetresPerSecond2),
        "g" => Some(AccUnit::G),
        _ => None,
    };
    let gyr_unit = match unit.replace(' ', "").as_str() {
        "rad/s" => Some(GyrUnit::RadPerSecond),
        "deg/s" | "°/s" | "dps" => Some(GyrUnit::DegPerSecond),
        _ => None,
    };
    // Names seen in exports, without spaces and underscores. Linear or user
    // acceleration (gravity taken out) is not among them: see `detect_acc`.
    const ACC: [&str; 8] = [
        "a",
        "acc",
        "accel",
        "accelerometer",
        "acceleration",
        "accelerationwithg",
        "totalacceleration",
        "accelerationincludinggravity",
    ];
    const GYR: [&str; 8] = ["g", "w", "gyr", "gyro", "gyroscope", "rot", "rotationrate", "angularvelocity"];
    if sensor.is_empty() {
        Some(Role::Axis(axis, acc_unit))
    } else if ACC.contains(&sensor) {
        Some(Role::Acc(axis, acc_unit))
    } else if GYR.contains(&sensor) {
        Some(Role::Gyr(axis, gyr_unit))
    } else {
        None
    }
}

/// The separator of the header: a tab or semicolon if it has one, else a comma.
fn separator(header: &str) -> char {
    ['\t', ';'].into_iter().find(|c| header.contains(*c)).unwrap_or(',')
}

/// A number as written; with a tab or semicolon between fields a decimal
/// comma is a decimal point.
fn number(raw: &str, sep: char) -> Option<f64> {
    let v = if sep != ',' && raw.contains(',') { raw.replace(',', ".").parse() } else { raw.parse() };
    v.ok().filter(|v: &f64| v.is_finite())
}

/// A row's fields. The separators are ASCII, so each field is cut at a byte
/// and stays whole UTF-8; a byte scan is quicker than a `char` search over
/// fields a few bytes long.
fn fields(line: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(line);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == sep) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// A field without its spaces and quotes ("1.5" and 1.5 alike).
fn unquoted(raw: &str) -> &str {
    let raw = raw.trim();
    if raw.starts_with('"') || raw.ends_with('"') { raw.trim_matches('"') } else { raw }
}

fn shorten(raw: &str) -> String {
    if raw.chars().count() > 24 { format!("{}…", raw.chars().take(24).collect::<String>()) } else { raw.to_string() }
}

/// The median step between rows' clock values.
fn median_step(times: &[(f64, usize)]) -> f64 {
    let mut steps: Vec<f64> = times.windows(2).map(|w| w[1].0 - w[0].0).filter(|d| *d > 0.0).collect();
    if steps.is_empty() {
        return 0.0;
    }
    // The lower median: with a gap among few rows, the rows' own step.
    let mid = (steps.len() - 1) / 2;
    *steps.select_nth_unstable_by(mid, f64::total_cmp).1
}

/// A clock's unit from its step: phones and sensors sample at 10–1,000 Hz,
/// so a step of 1 ms–0.1 s is seconds, 1–100 is milliseconds and anything
/// over 10⁵ nanoseconds.
fn detect_time(times: &[(f64, usize)]) -> TimeUnit {
    match median_step(times) {
        d if d > 1e5 => TimeUnit::Nanos,
        d if d >= 0.5 => TimeUnit::Millis,
        _ => TimeUnit::Seconds,
    }
}

const NO_GRAVITY: &str = "the acceleration does not include gravity";
const EXPORT_WITH_GRAVITY: &str = "this looks like a gyroscope's file or acceleration with gravity taken out; export the acceleration with gravity (phyphox \"Acceleration with g\", Sensor Logger TotalAcceleration)";

/// Gravity tells the unit: a sensor at rest or walking reads about 1 g,
/// which is 9.81 in m/s². A file without gravity (a phone's "linear" or
/// "user" acceleration) cannot be told apart, and is refused.
fn detect_acc(acc: &[[f64; 3]], line: usize) -> Result<AccUnit, ReadError> {
    let mut m: Vec<f64> = acc.iter().map(norm).collect();
    let mid = m.len() / 2;
    let median = *m.select_nth_unstable_by(mid, f64::total_cmp).1;
    match median {
        v if (0.5..=2.0).contains(&v) => Ok(AccUnit::G),
        v if (5.0..=20.0).contains(&v) => Ok(AccUnit::MetresPerSecond2),
        v => Err(ReadError::at(
            line,
            0,
            format!(
                "{NO_GRAVITY} (typical size {v:.2}), so its unit cannot be told: {EXPORT_WITH_GRAVITY}, or state the unit"
            ),
        )),
    }
}

/// Rows a window of `holds_gravity` spans: a second or two at a phone's rate.
const GRAVITY_WINDOW: usize = 100;

/// Whether the acceleration carries gravity: over a second or two it then
/// averages to a steady pull, as large as the readings themselves (the
/// phone sits in a pocket or on a belt). A gyroscope, or acceleration with
/// gravity taken out, swings about zero and averages to little. Sensor
/// Logger names the columns of all three files `x, y, z`, and a size of
/// about 1 would read as g: this is what tells them apart. The median over
/// windows, so a phone turned in the pocket now and then still counts.
fn holds_gravity(acc: &[[f64; 3]]) -> bool {
    let median = |mut v: Vec<f64>| -> f64 {
        let mid = v.len() / 2;
        v.select_nth_unstable_by(mid, f64::total_cmp);
        v.get(mid).copied().unwrap_or(0.0)
    };
    let size = median(acc.iter().map(norm).collect());
    let pulls: Vec<f64> = acc
        .chunks(GRAVITY_WINDOW)
        .map(|w| {
            let n = w.len() as f64;
            norm(&[0, 1, 2].map(|i| w.iter().map(|a| a[i]).sum::<f64>() / n))
        })
        .collect();
    size > 0.0 && median(pulls) >= 0.5 * size
}

fn norm([x, y, z]: &[f64; 3]) -> f64 {
    (x * x + y * y + z * z).sqrt()
}

/// No body turns faster than 35 rad/s (2,000 °/s, the end of a phone
/// gyroscope's range): faster readings are degrees. A file that never
/// passes 35 °/s holds no walking either way.
fn detect_gyr(gyr: &[[f64; 3]]) -> GyrUnit {
    let most = gyr.iter().flat_map(|g| g.iter().map(|v| v.abs())).fold(0.0, f64::max);
    if most > 35.0 { GyrUnit::DegPerSecond } else { GyrUnit::RadPerSecond }
}

/// Places rows at their time on an even clock: the stated rate, else the
/// rows' own (rounded to a whole number of Hz). Rows already even (every
/// step within 2 % of the period) are kept as they are.
fn resample(
    seconds: &[(f64, usize)],
    acc: &[[f64; 3]],
    gyr: &[[f64; 3]],
    rate: Option<f64>,
) -> Result<(Recording, bool), ReadError> {
    for w in seconds.windows(2) {
        let ((t0, _), (t1, n)) = (w[0], w[1]);
        if t1 <= t0 {
            return Err(ReadError::at(n, 0, format!("the time goes back or stands still ({t0} then {t1} s)")));
        }
    }
    // Long stops shortened to a pause: (row index after the stop, seconds cut).
    let (seconds, stops) = shortened(seconds)?;
    let seconds = &seconds[..];
    let own = match median_step(seconds) {
        d if d > 0.0 => (1.0 / d).round(),
        _ => 0.0,
    };
    let rate_hz = rate.unwrap_or(own);
    if rate.is_none() && own <= 0.0 {
        return Err(ReadError::at(1, 0, "the file has too few rows to tell its sample rate"));
    }
    if !(1.0..=MOST_RATE_HZ).contains(&rate_hz) {
        return Err(ReadError::at(
            1,
            0,
            format!("the rows come {rate_hz} times a second; a phone or body sensor records 1 to {MOST_RATE_HZ} times"),
        ));
    }
    let period = 1.0 / rate_hz;
    let even = seconds.windows(2).all(|w| ((w[1].0 - w[0].0) - period).abs() <= 0.02 * period);
    if even {
        let rec = Recording { rate_hz, acc: acc.to_vec(), gyr: gyr.to_vec(), start: 0, filled: 0, pauses: Vec::new() };
        return Ok((rec, false));
    }
    let t0 = seconds[0].0;
    let n = ((seconds[seconds.len() - 1].0 - t0) * rate_hz).floor() as usize + 1;
    // An even clock holds about as many samples as the file has rows; a file
    // whose gaps ask for far more (a tiny step between long ones) is not a
    // recording, and must not make the reader ask for gigabytes.
    if n > 2 * seconds.len() + ((MOST_MISSING_S + stops.len() as f64 * PAUSE_S) * rate_hz) as usize {
        return Err(ReadError::at(
            1,
            0,
            format!(
                "the times leave {n} samples to fill for {} rows: this is not an evenly sampled recording",
                seconds.len()
            ),
        ));
    }
    let pauses = stops
        .iter()
        // The time cut out counts from the middle of the still stretch, away
        // from any rounding at its ends.
        .map(|(row, removed_s)| Pause {
            at: ((seconds[*row - 1].0 - t0 + PAUSE_S / 2.0) * rate_hz).round() as usize,
            removed_s: *removed_s,
        })
        .collect();
    let mut out = Recording {
        rate_hz,
        acc: Vec::with_capacity(n),
        gyr: Vec::with_capacity(if gyr.is_empty() { 0 } else { n }),
        start: 0,
        filled: 0,
        pauses,
    };
    let mut j = 0;
    for k in 0..n {
        let t = t0 + k as f64 * period;
        while j + 2 < seconds.len() && seconds[j + 1].0 < t {
            j += 1;
        }
        let (ta, tb) = (seconds[j].0, seconds[(j + 1).min(seconds.len() - 1)].0);
        let f = if tb > ta { ((t - ta) / (tb - ta)).clamp(0.0, 1.0) } else { 0.0 };
        if tb - ta > 1.5 * period && (t - ta).min(tb - t) > 0.5 * period {
            out.filled += 1;
        }
        let mix = |a: &[f64; 3], b: &[f64; 3]| [0, 1, 2].map(|i| a[i] + f * (b[i] - a[i]));
        let b = (j + 1).min(seconds.len() - 1);
        out.acc.push(mix(&acc[j], &acc[b]));
        if !gyr.is_empty() {
            out.gyr.push(mix(&gyr[j], &gyr[b]));
        }
    }
    Ok((out, true))
}

/// The rows' times with every stop longer than `MOST_MISSING_S` shortened
/// to `PAUSE_S`, and the stops: (index of the row after it, seconds cut).
#[allow(clippy::type_complexity)]
fn shortened(seconds: &[(f64, usize)]) -> Result<(Vec<(f64, usize)>, Vec<(usize, f64)>), ReadError> {
    let mut cut = 0.0;
    let mut stops = Vec::new();
    let mut out = Vec::with_capacity(seconds.len());
    for (i, &(t, line)) in seconds.iter().enumerate() {
        if i > 0 && t - seconds[i - 1].0 > MOST_MISSING_S {
            if stops.len() == MOST_PAUSES {
                return Err(ReadError::at(
                    line,
                    0,
                    format!("the recording stops more than {MOST_PAUSES} times for over {MOST_MISSING_S:.0} s"),
                ));
            }
            let removed = t - seconds[i - 1].0 - PAUSE_S;
            cut += removed;
            stops.push((i, removed));
        }
        out.push((t - cut, line));
    }
    Ok((out, stops))
}

#[cfg(test)]
#[path = "csv_tests.rs"]
mod tests;
