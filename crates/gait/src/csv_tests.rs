//! The CSV reader on small files in each layout it takes (built from the
//! layouts' documentation), and on wrong ones.

use super::*;
use std::fmt::Write;

fn read_ok(text: &str) -> CsvRead {
    read(text.as_bytes(), &Stated::default()).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn err(text: &str) -> ReadError {
    read(text.as_bytes(), &Stated::default()).expect_err(text)
}

#[test]
fn mobilise_d_counts_samples_at_100_hz_in_g_and_degrees() {
    let r = read_ok("samples,acc_x,acc_y,acc_z,gyr_x,gyr_y,gyr_z\n0,1.0,0.0,0.0,90,0,0\n1,1.0,0.1,0.0,0,0,-180\n");
    assert_eq!(r.recording.rate_hz, 100.0);
    assert_eq!(r.recording.acc[0], [G, 0.0, 0.0]);
    assert!((r.recording.gyr[0][0] - std::f64::consts::FRAC_PI_2).abs() < 1e-12);
    assert_eq!((r.acc, r.time), ((AccUnit::G, Source::Detected), (TimeUnit::Samples, Source::Header)));
    assert_eq!(r.gyr, Some((GyrUnit::DegPerSecond, Source::Detected)));
    assert!(!r.resampled);
}

#[test]
fn phyphox_says_its_units_and_may_use_decimal_commas() {
    let comma = "\"Time (s)\",\"Acceleration x (m/s^2)\",\"Acceleration y (m/s^2)\",\"Acceleration z (m/s^2)\"\n\
                 0.000,0.1,9.8,0.2\n0.010,0.1,9.7,0.3\n0.020,0.2,9.9,0.1\n";
    let r = read_ok(comma);
    assert_eq!(r.acc, (AccUnit::MetresPerSecond2, Source::Header));
    assert_eq!(r.time, (TimeUnit::Seconds, Source::Header));
    assert_eq!((r.recording.rate_hz, r.recording.len()), (100.0, 3));
    assert!(r.recording.gyr.is_empty() && r.gyr.is_none());
    let semicolon = "\"Time (s)\";\"Acceleration x (m/s^2)\";\"Acceleration y (m/s^2)\";\"Acceleration z (m/s^2)\"\n\
                     0,000;0,1;9,8;0,2\n0,010;0,1;9,7;0,3\n0,020;0,2;9,9;0,1\n";
    assert_eq!(read_ok(semicolon).recording, r.recording);
    let gyro_only = "\"Time (s)\",\"Gyroscope x (rad/s)\",\"Gyroscope y (rad/s)\",\"Gyroscope z (rad/s)\"\n0,0,0,0\n";
    assert!(err(gyro_only).what.contains("only a gyroscope"));
}

#[test]
fn sensor_logger_takes_seconds_elapsed_and_its_zyx_order_and_evens_the_clock() {
    // TotalAcceleration.csv: time in ns, seconds_elapsed, then z, y, x; a
    // phone's uneven clock (9, 11, 10, 12, 8 ms).
    let text = "time,seconds_elapsed,z,y,x\n\
                1700000000000000000,0.000,1.0,9.0,0.0\n\
                1700000000009000000,0.009,1.0,9.2,0.0\n\
                1700000000020000000,0.020,1.0,9.4,0.0\n\
                1700000000030000000,0.030,1.0,9.6,0.0\n\
                1700000000042000000,0.042,1.0,9.8,0.0\n\
                1700000000050000000,0.050,1.0,10.0,0.0\n";
    let r = read_ok(text);
    assert_eq!(r.time, (TimeUnit::Seconds, Source::Header));
    assert!(r.resampled);
    assert_eq!((r.recording.rate_hz, r.recording.len()), (100.0, 6));
    // x, y, z from the z, y, x columns; y interpolated at 10 ms between 9 and 20 ms.
    assert_eq!(r.recording.acc[0], [0.0, 9.0, 1.0]);
    assert!((r.recording.acc[1][1] - (9.2 + 0.2 / 11.0)).abs() < 1e-9, "{:?}", r.recording.acc[1]);
    // The wall clock alone is read as nanoseconds.
    let wall = "time,x,y,z\n0,0,9.8,0\n10000000,0,9.8,0\n20000000,0,9.8,0\n";
    assert_eq!(read_ok(wall).time, (TimeUnit::Nanos, Source::Detected));
}

#[test]
fn a_generic_file_in_milliseconds_and_g_is_detected_and_a_stated_unit_wins() {
    let text =
        "t,ax,ay,az,gx,gy,gz\n0,0.0,1.0,0.0,0.1,0.2,0.3\n20,0.0,1.1,0.0,0.1,0.2,0.3\n40,0.0,0.9,0.0,0.1,0.2,0.3\n";
    let r = read_ok(text);
    assert_eq!((r.time.0, r.acc.0, r.recording.rate_hz), (TimeUnit::Millis, AccUnit::G, 50.0));
    assert_eq!(r.gyr, Some((GyrUnit::RadPerSecond, Source::Detected)));
    let stated = Stated { acc: Some(AccUnit::MetresPerSecond2), ..Default::default() };
    let r = read(text.as_bytes(), &stated).unwrap();
    assert_eq!(r.acc, (AccUnit::MetresPerSecond2, Source::Stated));
    assert_eq!(r.recording.acc[0][1], 1.0);
    // A rate stated for a sample counter, and one it needs.
    let counted = "samples,x,y,z\n0,0,9.8,0\n1,0,9.8,0\n";
    assert!(err(counted).what.contains("state the rate") && err(counted).needs_rate);
    assert!(!err("time,x,y,z\n0,0,9.8,0\n0.01,0,nine,0\n").needs_rate);
    let at_50 = Stated { rate_hz: Some(50.0), ..Default::default() };
    assert_eq!(read(counted.as_bytes(), &at_50).unwrap().recording.rate_hz, 50.0);
}

#[test]
fn wrong_files_say_what_and_where() {
    assert_eq!(err("").what, "the file is empty");
    assert!(err("time,x,y,z\n").what.contains("no rows"));
    assert!(err("a,b,c\n1,2,3\n").what.contains("no time column"));
    assert!(err("time,speed\n0,1\n").what.contains("no accelerometer"));
    let bad = err("time,x,y,z\n0,0,9.8,0\n0.01,0,nine,0\n");
    assert_eq!((bad.line, bad.column), (3, 3));
    assert!(bad.what.contains("'nine' is not a number (y)"), "{bad}");
    let short = err("time,x,y,z\n0,0,9.8\n");
    assert_eq!((short.line, short.column), (2, 4));
    let back = err("time,x,y,z\n0,0,9.8,0\n0.02,0,9.8,0\n0.01,0,9.8,0\n");
    assert_eq!(back.line, 4);
    assert!(back.what.contains("goes back"));
    let mut stops = String::from("time,x,y,z\n");
    for k in 0..=21 {
        let _ = writeln!(stops, "{},0,9.8,0\n{}.01,0,9.8,0", k * 20, k * 20);
    }
    assert!(err(&stops).what.contains("stops more than 20 times"));
    let linear = err("time,x,y,z\n0,0.1,0.2,0\n0.01,0.1,0.1,0\n0.02,0.0,0.1,0\n");
    assert!(linear.what.contains("does not include gravity"), "{linear}");
    assert!(read(&[0xff, 0xfe, 0x00], &Stated::default()).unwrap_err().what.contains("not a text file"));
    let nan = err("time,x,y,z\n0,NaN,9.8,0\n");
    assert_eq!(nan.column, 2);
    // Tiny steps between long gaps would ask for a huge even clock: refused.
    let mut bomb = String::from("Time (s),x,y,z\n");
    let mut t = 0.0;
    for i in 0..2001 {
        t += if i % 2 == 0 { 0.001 } else { 9.9 };
        bomb.push_str(&format!("{t:.4},0,9.8,0\n"));
    }
    assert!(err(&bomb).what.contains("not an evenly sampled recording"));
    // A clock faster than any phone's: 42 rows (1 KB) in pairs 0.1 ms apart,
    // each pair a pause after the last, would fill 800,000 samples.
    let mut fast = String::from("Time (s),x,y,z\n");
    for k in 0..21 {
        let _ = writeln!(fast, "{},0,9.8,0\n{}.0001,0,9.8,0", k * 20, k * 20);
    }
    assert!(err(&fast).what.contains("1 to 1000 times"), "{}", err(&fast));
    let stated = Stated { rate_hz: Some(5000.0), ..Default::default() };
    assert!(read(b"time,x,y,z\n0,0,9.8,0\n0.01,0,9.8,0\n", &stated).unwrap_err().what.contains("1 to 1000 times"));
}

/// Sensor Logger names the columns of its gyroscope and its gravity-free
/// acceleration `x, y, z` too, and walking makes them about 1 in size (rad/s,
/// or m/s² read as g): refused, not read as acceleration in g.
#[test]
fn a_gyroscope_or_gravity_free_file_with_bare_axes_is_refused() {
    let swinging = |scale: f64| {
        let mut csv = String::from("time,seconds_elapsed,z,y,x\n");
        for i in 0..600u32 {
            let t = f64::from(i) / 100.0;
            let w = 2.0 * std::f64::consts::PI * t;
            let (z, y, x) = (scale * (0.9 * w).sin(), scale * 0.7 * (1.8 * w).cos(), scale * 0.4 * (3.6 * w).sin());
            let _ = writeln!(
                csv,
                "{},{t:.3},{z:.4},{y:.4},{x:.4}",
                1_700_000_000_000_000_000u64 + u64::from(i) * 10_000_000
            );
        }
        csv
    };
    for (what, scale) in [("Gyroscope.csv (rad/s)", 1.4), ("Accelerometer.csv (m/s², gravity out)", 1.2)] {
        let e = err(&swinging(scale));
        assert!(e.what.contains("does not include gravity") && e.what.contains("gyroscope"), "{what}: {e}");
        assert_eq!(e.line, 2, "{what}");
    }
    // The same swing on top of gravity is walking, in g.
    let mut walking = String::from("time,x,y,z\n");
    for i in 0..600 {
        let t = f64::from(i) / 100.0;
        let _ = writeln!(walking, "{t:.2},0.1,{:.4},0.2", 1.0 + 0.3 * (2.0 * std::f64::consts::PI * 1.8 * t).sin());
    }
    assert_eq!(read_ok(&walking).acc, (AccUnit::G, Source::Detected));
}

/// No input makes the reader panic: every prefix of a good file, and bytes
/// changed one at a time, give a recording or an error.
#[test]
fn truncated_and_garbled_files_never_panic() {
    let good =
        "time,seconds_elapsed,z,y,x\n0,0.000,1.0,9.0,0.0\n9000000,0.009,1.0,9.2,0.0\n20000000,0.020,1.0,9.4,0.0\n";
    for end in 0..=good.len() {
        let _ = read(&good.as_bytes()[..end], &Stated::default());
    }
    for i in 0..good.len() {
        for b in [b'\n', b',', b';', b'-', b'9', b'e', 0xff, b'"'] {
            let mut bytes = good.as_bytes().to_vec();
            bytes[i] = b;
            let _ = read(&bytes, &Stated::default());
        }
    }
}

/// A phone whose screen locked for a minute mid-walk: the stop is kept as
/// a short pause, the walk either side is two bouts, and the times after
/// it are the recording's own.
#[test]
fn a_long_stop_is_a_pause_not_a_refusal() {
    let walk = crate::synthetic::walk_csv(40, 0.55, false);
    let mut csv = String::new();
    for (i, line) in walk.lines().enumerate() {
        let f: Vec<&str> = line.split(',').collect();
        match f[1].parse::<f64>() {
            Ok(t) if i > 0 && t > 14.2 => {
                let ns: u64 = f[0].parse().unwrap();
                let _ = writeln!(csv, "{},{:.3},{}", ns + 60_000_000_000, t + 60.0, f[2..].join(","));
            }
            _ => csv.push_str(&format!("{line}\n")),
        }
    }
    let rec = read(csv.as_bytes(), &Stated::default()).unwrap().recording;
    assert_eq!(rec.pauses.len(), 1, "{:?}", rec.pauses);
    assert!((rec.pauses[0].removed_s - 56.0).abs() < 0.05, "{:?}", rec.pauses);
    assert!((rec.duration_s() - 89.45).abs() < 0.1, "{}", rec.duration_s());
    let at = rec.pauses[0].at;
    let jump = rec.seconds(at) - rec.seconds(at - 1);
    let step = 1.0 / rec.rate_hz;
    assert!((jump - rec.pauses[0].removed_s - step).abs() < 1e-6, "the cut falls between two samples: {jump}");
    let a = crate::analysis::analyse(&rec, &Default::default(), &Default::default()).unwrap();
    assert_eq!(a.bouts.len(), 2, "{:?}", a.bouts.iter().map(|b| (b.start_s, b.end_s)).collect::<Vec<_>>());
    assert_eq!(a.bouts.iter().map(|b| b.steps.len()).sum::<usize>(), 40);
    let (first, last) = (a.bouts[0].steps[0], a.bouts[1].steps.last().copied().unwrap());
    assert!((last - first - (39.0 * 0.55 + 60.0)).abs() < 0.05, "the last step at its own time: {first} … {last}");
    assert!((a.bouts[1].cadence - 60.0 / 0.55).abs() < 1.5);
}
