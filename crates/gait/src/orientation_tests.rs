use super::*;
use std::f64::consts::PI;

const RATE: f64 = 100.0;

/// A walk seen by a sensor turned about its x axis by `tilt(t)` radians:
/// walking's vertical (2 Hz) and fore-aft (1 Hz) accelerations plus gravity,
/// in the sensor's axes, and the gyroscope's reading of the turn.
/// Samples of one 3-axis sensor.
type Axes = Vec<[f64; 3]>;

/// (accelerometer, gyroscope, the true "up") of the walk.
fn walk(seconds: f64, tilt: impl Fn(f64) -> f64) -> (Axes, Axes, Axes) {
    let n = (seconds * RATE) as usize;
    let (mut acc, mut gyr, mut up) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..n {
        let t = i as f64 / RATE;
        let world = [0.0, 0.8 * (2.0 * PI * t).sin(), 9.81 + 1.5 * (4.0 * PI * t).sin()];
        let th = tilt(t);
        // The sensor is the world turned by th about x: its reading is the world's turned back.
        let back = |v: [f64; 3]| [v[0], v[1] * th.cos() + v[2] * th.sin(), -v[1] * th.sin() + v[2] * th.cos()];
        acc.push(back(world));
        up.push(back([0.0, 0.0, 1.0]));
        let rate = (tilt(t + 0.0005) - tilt(t - 0.0005)) / 0.001;
        gyr.push([rate, 0.0, 0.0]);
    }
    (acc, gyr, up)
}

fn worst(estimate: &[[f64; 3]], truth: &[[f64; 3]], from: usize) -> f64 {
    estimate.iter().zip(truth).skip(from).map(|(e, t)| angle_deg(*e, *t)).fold(0.0, f64::max)
}

#[test]
fn a_phone_at_a_fixed_angle_is_found_by_either_estimate() {
    let (acc, gyr, up) = walk(20.0, |_| 0.6);
    assert!(worst(&accelerometer_only(&acc, RATE), &up, 0) < 3.0);
    assert!(worst(&gyro_aided(&acc, &gyr, RATE), &up, 0) < 3.0);
}

#[test]
fn the_gyroscope_follows_a_quick_turn_the_accelerometer_smears() {
    // A quarter turn in half a second, ten seconds in.
    let turn = |t: f64| (PI / 2.0) * ((t - 10.0) / 0.5).clamp(0.0, 1.0);
    let (acc, gyr, up) = walk(20.0, turn);
    let aided = worst(&gyro_aided(&acc, &gyr, RATE), &up, 0);
    let alone = worst(&accelerometer_only(&acc, RATE), &up, 0);
    assert!(aided < 5.0, "gyro-aided {aided:.1}°");
    assert!(alone > 20.0, "accelerometer only {alone:.1}° (smeared over the turn)");
}

#[test]
fn the_vertical_signal_is_the_same_however_the_phone_sits() {
    let (upright, _, _) = walk(20.0, |_| 0.0);
    let (tilted, gyr, _) = walk(20.0, |_| 1.2);
    let v0 = Gravity { source: Source::Accelerometer, up: accelerometer_only(&upright, RATE) }.vertical(&upright);
    let rec = Recording { rate_hz: RATE, acc: tilted.clone(), gyr, start: 0, filled: 0, pauses: Vec::new() };
    let g = Gravity::of(&rec);
    assert_eq!(g.source, Source::GyroAided);
    let v1 = g.vertical(&tilted);
    let worst = v0.iter().zip(&v1).skip(200).take(1600).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
    assert!(worst < 0.1, "{worst} m/s²");
    let (mean, turned) = g.summary(200, 1800).unwrap();
    assert!((angle_deg(mean, [0.0, 0.0, 1.0]) - 1.2f64.to_degrees()).abs() < 1.0 && turned < 3.0);
}

#[test]
fn nothing_to_estimate_is_not_a_panic() {
    assert!(accelerometer_only(&[], RATE).is_empty() && gyro_aided(&[], &[], RATE).is_empty());
    let still = accelerometer_only(&[[0.0; 3]; 5], RATE);
    assert!(still.iter().all(|g| g.iter().all(|v| v.is_finite())));
    let rec = Recording {
        rate_hz: RATE,
        acc: vec![[0.0, 0.0, 9.81]; 3],
        gyr: Vec::new(),
        start: 0,
        filled: 0,
        pauses: Vec::new(),
    };
    let g = Gravity::of(&rec);
    assert_eq!(g.source, Source::Accelerometer);
    assert_eq!(g.summary(5, 9), None);
}

#[test]
fn the_nearest_axis_names_how_the_phone_sat() {
    assert_eq!(nearest_axis([0.0, 1.0, 0.0]), ("+y", 0.0));
    let (axis, angle) = nearest_axis([0.0, -0.8, 0.6]);
    assert_eq!(axis, "-y");
    assert!((angle - 36.87).abs() < 0.01, "{angle}");
}
