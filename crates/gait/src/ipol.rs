//! The IPOL gait layout (Xsens MTw sensors; Voisard et al., IPOL 2023): a
//! first line `Acquisition frequency: 100 Hz`, a tab-separated header
//! naming `PacketCounter`, `Acc_X` … `Gyr_Z` (and magnetometer columns we
//! do not use), then one row per received sample. Acceleration is in m/s²,
//! angular rate in rad/s.
//!
//! The sample clock is the packet counter, not the row number: a wireless
//! packet lost leaves no row. Rows are placed at their counter and the gaps
//! filled by linear interpolation (gaps up to 10 s, and never more filled
//! samples than rows), so the series is evenly spaced and the reference's
//! indices (counter values) line up with it. The 16-bit counter's wrap after
//! 65535 is followed.

use crate::{ReadError, Recording};

/// Columns this reader needs, by header name.
const COLUMNS: [&str; 7] = ["PacketCounter", "Acc_X", "Acc_Y", "Acc_Z", "Gyr_X", "Gyr_Y", "Gyr_Z"];

/// The longest gap filled, in seconds. A longer one is a broken recording
/// (or a counter that is not one), not a lost packet.
const MOST_MISSING_S: f64 = 10.0;

/// The Xsens packet counter is 16 bits: after 65535 it starts again at 0.
const COUNTER_WRAP: u64 = 65_536;

pub fn read(bytes: &[u8]) -> Result<Recording, ReadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        ReadError::at(line, 0, "this is not a text file (bytes that are not UTF-8)")
    })?;
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end_matches('\r')));
    let rate_hz = match lines.next() {
        Some((n, l)) => rate(n, l)?,
        None => return Err(ReadError::at(1, 0, "the file is empty")),
    };
    let (n, header) = lines.next().ok_or_else(|| ReadError::at(2, 0, "no header line after the frequency"))?;
    let names: Vec<&str> = header.split('\t').map(str::trim).collect();
    let mut at = [0usize; 7];
    for (slot, name) in at.iter_mut().zip(COLUMNS) {
        *slot = names.iter().position(|h| *h == name).ok_or_else(|| {
            ReadError::at(
                n,
                0,
                format!("the header has no {name} column (an IPOL file names PacketCounter, Acc_X … Gyr_Z)"),
            )
        })?;
    }
    // Which value each column fills, if any (the magnetometer fills none).
    let mut slot_of = vec![None; names.len()];
    for (slot, col) in at.iter().enumerate() {
        slot_of[*col] = Some(slot);
    }

    let mut rec = Recording { rate_hz, acc: Vec::new(), gyr: Vec::new(), start: 0, filled: 0, pauses: Vec::new() };
    let mut last: Option<u64> = None;
    let most_missing = (MOST_MISSING_S * rate_hz) as u64;
    let mut wraps = 0u64;
    let mut rows = 0usize;
    let mut values = [0f64; 7];
    for (n, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        // One pass over the row, no allocation: rows are most of the file.
        let (mut seen, mut cells) = (0, 0);
        for (col, cell) in line.split('\t').enumerate() {
            cells = col + 1;
            if let Some(&Some(slot)) = slot_of.get(col) {
                values[slot] = number(cell, n, col + 1)?;
                seen += 1;
            }
        }
        if seen < COLUMNS.len() {
            return Err(ReadError::at(n, cells + 1, format!("{cells} values where the header has {}", names.len())));
        }
        let mut count = counter(values[0], n, at[0] + 1)? + wraps * COUNTER_WRAP;
        // A counter that drops by more than half its range has wrapped.
        if let Some(prev) = last
            && count < prev
            && prev - count > COUNTER_WRAP / 2
            && prev < (wraps + 1) * COUNTER_WRAP
        {
            wraps += 1;
            count += COUNTER_WRAP;
        }
        let acc = [values[1], values[2], values[3]];
        let gyr = [values[4], values[5], values[6]];
        match last {
            None => rec.start = count,
            Some(prev) if count <= prev => {
                return Err(ReadError::at(n, at[0] + 1, format!("PacketCounter {count} does not follow {prev}")));
            }
            Some(prev) => {
                let missing = count - prev - 1;
                // Filled samples never outnumber the rows read: the
                // series stays within twice the file's own size.
                if missing > most_missing || rec.filled as u64 + missing > (rows as u64).max(most_missing) {
                    return Err(ReadError::at(n, at[0] + 1, format!("{missing} samples missing before this row")));
                }
                fill(&mut rec, missing, acc, gyr);
            }
        }
        rec.acc.push(acc);
        rec.gyr.push(gyr);
        last = Some(count);
        rows += 1;
    }
    if rec.acc.is_empty() {
        return Err(ReadError::at(3, 0, "no samples after the header"));
    }
    Ok(rec)
}

fn rate(n: usize, line: &str) -> Result<f64, ReadError> {
    let wrong = || ReadError::at(n, 0, "the first line should be `Acquisition frequency: 100 Hz`");
    let value = line.strip_prefix("Acquisition frequency:").ok_or_else(wrong)?;
    let value = value.trim().strip_suffix("Hz").ok_or_else(wrong)?.trim();
    match value.parse::<f64>() {
        Ok(hz) if hz.is_finite() && (1.0..=10_000.0).contains(&hz) => Ok(hz),
        _ => Err(ReadError::at(n, 0, format!("the frequency {value:?} is not between 1 and 10,000 Hz"))),
    }
}

fn number(cell: &str, line: usize, column: usize) -> Result<f64, ReadError> {
    match cell.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(ReadError::at(line, column, format!("{:?} is not a number", cell.trim()))),
    }
}

fn counter(v: f64, line: usize, column: usize) -> Result<u64, ReadError> {
    if v < 0.0 || v.fract() != 0.0 || v > 1e15 {
        return Err(ReadError::at(line, column, format!("PacketCounter {v} is not a whole count")));
    }
    Ok(v as u64)
}

/// `missing` samples between the last kept and the next (`acc`, `gyr`), on
/// the straight line between them.
fn fill(rec: &mut Recording, missing: u64, acc: [f64; 3], gyr: [f64; 3]) {
    let (Some(a0), Some(g0)) = (rec.acc.last().copied(), rec.gyr.last().copied()) else { return };
    let steps = missing as f64 + 1.0;
    for k in 1..=missing {
        let t = k as f64 / steps;
        let lerp = |p: [f64; 3], q: [f64; 3]| [0, 1, 2].map(|i| p[i] + (q[i] - p[i]) * t);
        rec.acc.push(lerp(a0, acc));
        rec.gyr.push(lerp(g0, gyr));
    }
    rec.filled += missing as usize;
}

#[cfg(test)]
mod tests {
    use super::read;

    const HEAD: &str =
        "Acquisition frequency: 100 Hz\nPacketCounter\tAcc_X\tAcc_Y\tAcc_Z\tGyr_X\tGyr_Y\tGyr_Z\tMag_X\tMag_Y\tMag_Z\n";

    fn row(count: f64, x: f64) -> String {
        format!("{count:.1}\t{x}\t0\t1\t0\t0\t0.5\t1\t0\t0\n")
    }

    #[test]
    fn rows_sit_at_their_counter_and_gaps_are_filled() {
        let text = format!("{HEAD}{}{}{}", row(5.0, 1.0), row(6.0, 2.0), row(9.0, 5.0));
        let r = read(text.as_bytes()).unwrap();
        assert_eq!((r.rate_hz, r.start, r.len(), r.filled), (100.0, 5, 5, 2));
        let xs: Vec<f64> = r.acc.iter().map(|a| a[0]).collect();
        assert_eq!(xs, [1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(r.gyr[3], [0.0, 0.0, 0.5]);
    }

    #[test]
    fn the_counter_wraps_after_65535() {
        let text = format!("{HEAD}{}{}{}", row(65534.0, 1.0), row(65535.0, 2.0), row(1.0, 4.0));
        let r = read(text.as_bytes()).unwrap();
        assert_eq!((r.start, r.len(), r.filled), (65534, 4, 1));
        assert_eq!(r.acc[2][0], 3.0);
    }

    #[test]
    fn bad_input_says_where_and_never_panics() {
        let cases: Vec<(String, &str)> = vec![
            (String::new(), "line 1: the file is empty"),
            ("Sampling: fast\n".into(), "line 1: the first line should be"),
            ("Acquisition frequency: 0 Hz\n".into(), "line 1: the frequency \"0\""),
            ("Acquisition frequency: 100 Hz\n".into(), "line 2: no header line"),
            ("Acquisition frequency: 100 Hz\nTime\tX\n".into(), "line 2: the header has no PacketCounter"),
            (HEAD.into(), "line 3: no samples"),
            (format!("{HEAD}1.0\t2.0\n"), "line 3, column 3: 2 values where the header has 10"),
            (format!("{HEAD}1.0\t0\t0\tx\t0\t0\t0.5\t1\t0\t0\n"), "line 3, column 4: \"x\" is not a number"),
            (format!("{HEAD}{}", row(1.5, 0.0)), "line 3, column 1: PacketCounter 1.5 is not a whole count"),
            (
                format!("{HEAD}{}{}", row(4.0, 0.0), row(3.0, 0.0)),
                "line 4, column 1: PacketCounter 3 does not follow 4",
            ),
            (format!("{HEAD}{}{}", row(1.0, 0.0), row(5000.0, 0.0)), "line 4, column 1: 4998 samples missing"),
            // Gaps each under 10 s but more filled than read: refused.
            (
                format!("{HEAD}{}{}{}", row(1.0, 0.0), row(900.0, 0.0), row(1800.0, 0.0)),
                "line 5, column 1: 899 samples missing",
            ),
        ];
        for (text, said) in cases {
            let e = read(text.as_bytes()).unwrap_err().to_string();
            assert!(e.starts_with(said), "{e:?} for {text:?}");
        }
        assert!(read(&[0xff, 0xfe, 0x00]).unwrap_err().to_string().contains("not a text file"));
        // Any cut of a good file reads or is refused, never panics.
        let good = format!("{HEAD}{}{}", row(1.0, 0.5), row(3.0, 0.7));
        for cut in 0..good.len() {
            let _ = read(&good.as_bytes()[..cut]);
        }
    }
}
