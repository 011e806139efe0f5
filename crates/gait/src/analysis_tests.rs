//! The analysis on made-up recordings whose answer is known: quiet, then a
//! walk of steps that each jolt the trunk (a quick rise, a slow fall), then
//! quiet again; and the same played backwards.

use super::*;

const RATE: f64 = 100.0;

/// Standing for `quiet_s`, then a step at each of `gaps` (seconds after the
/// one before), then standing again. A step is a jolt that rises in 40 ms
/// and dies away over about 0.15 s.
fn walk(quiet_s: f64, gaps: &[f64]) -> (Recording, Vec<f64>) {
    let mut at = vec![quiet_s];
    for g in gaps {
        at.push(at[at.len() - 1] + g);
    }
    let n = ((at[at.len() - 1] + quiet_s) * RATE) as usize;
    let jolt = |dt: f64| {
        if !(0.0..1.0).contains(&dt) {
            0.0
        } else if dt < 0.04 {
            dt / 0.04
        } else {
            (-(dt - 0.04) / 0.15).exp()
        }
    };
    let acc = (0..n)
        .map(|i| {
            let t = i as f64 / RATE;
            let sway = 0.05 * (2.0 * std::f64::consts::PI * 7.3 * t).sin();
            let pulse: f64 = at.iter().map(|s| 3.0 * jolt(t - s)).sum();
            // The phone hangs tilted: gravity shows on two axes.
            [0.3 * (9.81 + pulse), 0.954 * (9.81 + pulse), sway]
        })
        .collect();
    (Recording { rate_hz: RATE, acc, gyr: Vec::new(), start: 0, filled: 0, pauses: Vec::new() }, at)
}

fn reversed(r: &Recording) -> Recording {
    Recording { acc: r.acc.iter().rev().copied().collect(), ..r.clone() }
}

fn one_bout(r: &Recording) -> Bout {
    one_bout_with(r, &DirectionModel::default())
}

#[test]
fn a_steady_walk_is_one_bout_with_its_steps_cadence_and_direction() {
    let (rec, truth) = walk(5.0, &[0.55; 30]);
    let b = one_bout(&rec);
    assert_eq!(b.steps.len(), truth.len(), "{:?}", b.steps);
    // Each step is found at the same short delay after its jolt starts
    // (the band-passed peak, less `CONTACT_LEAD_S`), within 20 ms.
    let delays: Vec<f64> = b.steps.iter().zip(&truth).map(|(found, at)| found - at).collect();
    assert!(delays.iter().all(|d| (0.0..0.15).contains(d) && (d - delays[0]).abs() < 0.02), "{delays:?}");
    assert!((b.cadence - 60.0 / 0.55).abs() < 1.0, "{}", b.cadence);
    assert!(b.step_time_cv < 3.0 && b.asymmetry < 3.0, "{b:?}");
    assert!(b.step_regularity > 0.8 && b.stride_regularity > 0.8, "{b:?}");
    assert_eq!(b.direction, Direction::Forward);
    assert!(b.confidence > 0.95, "{}", b.confidence);
}

#[test]
fn the_same_walk_played_backwards_is_backward_with_the_same_rhythm() {
    let (rec, _) = walk(5.0, &[0.55; 30]);
    let (f, b) = (one_bout(&rec), one_bout(&reversed(&rec)));
    assert_eq!(b.direction, Direction::Backward);
    assert!(b.confidence > 0.95, "{}", b.confidence);
    assert_eq!(f.steps.len(), b.steps.len());
    assert!((f.cadence - b.cadence).abs() < 1.0);
    // A walker whose forward walk reads the other way round calibrates it.
    let y = band_passed(&reversed(&rec).acc_magnitude(), RATE, &StepParams::default()).unwrap();
    let flipped = DirectionModel::calibrated_sign(&y, RATE);
    let a = analyse(&reversed(&rec), &StepParams::default(), &flipped).unwrap();
    assert_eq!(a.bouts[0].direction, Direction::Forward);
}

#[test]
fn a_warm_up_walked_forward_sets_the_direction_for_the_rest() {
    // A walker whose forward step reads the other way round: their whole
    // session is the made-up walk played backwards, warm-up included.
    let mut gaps = vec![0.55; 12];
    gaps.push(6.0);
    gaps.extend([0.55; 12]);
    let (rec, _) = walk(3.0, &gaps);
    let theirs = reversed(&rec);
    let p = StepParams::default();
    let uncalibrated = analyse(&theirs, &p, &DirectionModel::default()).unwrap();
    assert!(uncalibrated.bouts.iter().all(|b| b.direction == Direction::Backward));
    // The warm-up is the first bout (it ends about 10 s in).
    let model = forward_model(&theirs, &p, 11.0).unwrap().expect("a forward bout in the warm-up");
    assert!(matches!(model, DirectionModel::Shape(_)));
    let a = analyse(&theirs, &p, &model).unwrap();
    assert_eq!(a.bouts.len(), 2);
    assert!(a.bouts.iter().all(|b| b.direction == Direction::Forward && b.confidence > 0.95), "{:?}", a.bouts);
    // Their steps the other way round are backward.
    let other = analyse(&rec, &p, &model).unwrap();
    assert!(other.bouts.iter().all(|b| b.direction == Direction::Backward && b.confidence > 0.95));
    // No walking in the warm-up, or none at all: no model, nothing panics.
    assert_eq!(forward_model(&theirs, &p, 2.0).unwrap(), None);
    assert_eq!(forward_model(&theirs, &p, f64::NAN).unwrap(), None);
    let (still, _) = walk(10.0, &[]);
    assert_eq!(forward_model(&still, &p, 600.0).unwrap(), None);
}

#[test]
fn an_uneven_warm_up_still_sets_the_direction() {
    // Steps too uneven to be a bout (a hesitant start) are still the
    // walker's forward steps when they come in the warm-up.
    let gaps: Vec<f64> = (0..8).map(|i| if i % 2 == 0 { 0.4 } else { 1.3 }).collect();
    let (hesitant, _) = walk(3.0, &gaps);
    let p = StepParams::default();
    assert!(analyse(&hesitant, &p, &DirectionModel::default()).unwrap().bouts.is_empty(), "not a bout");
    let model = forward_model(&hesitant, &p, 60.0).unwrap().expect("a model from the uneven steps");
    let (steady, _) = walk(3.0, &[0.55; 20]);
    assert_eq!(one_bout_with(&steady, &model).direction, Direction::Forward);
    assert_eq!(one_bout_with(&reversed(&steady), &model).direction, Direction::Backward);
    // Fewer than four steps near each other are not walking, even here;
    // and a handful of uneven jolts (the phone put in a pocket) set nothing.
    let (few, _) = walk(3.0, &[0.5, 0.5]);
    assert_eq!(forward_model(&few, &p, 60.0).unwrap(), None);
    let (handful, _) = walk(3.0, &gaps[..5]);
    assert_eq!(forward_model(&handful, &p, 60.0).unwrap(), None, "six uneven jolts");
}

fn one_bout_with(r: &Recording, model: &DirectionModel) -> Bout {
    let a = analyse(r, &StepParams::default(), model).unwrap();
    assert_eq!(a.bouts.len(), 1, "{:?}", a.bouts);
    a.bouts[0].clone()
}

#[test]
fn a_limp_shows_as_asymmetry_and_variability() {
    let gaps: Vec<f64> = (0..30).map(|i| if i % 2 == 0 { 0.5 } else { 0.6 }).collect();
    let b = one_bout(&walk(4.0, &gaps).0);
    assert!((b.asymmetry - 100.0 * 0.1 / 0.55).abs() < 3.0, "{}", b.asymmetry);
    assert!(b.step_time_cv > 7.0, "{}", b.step_time_cv);
    assert!(b.symmetry < b.stride_regularity.max(1.0), "{b:?}");
}

#[test]
fn standing_still_and_a_few_stray_jolts_are_no_walking() {
    let (still, _) = walk(10.0, &[]);
    let a = analyse(&still, &StepParams::default(), &DirectionModel::default()).unwrap();
    assert!(a.bouts.is_empty(), "{:?}", a.bouts);
    // Three steps are not a bout; neither are jolts seconds apart.
    let (few, _) = walk(5.0, &[0.55, 0.55]);
    assert!(analyse(&few, &StepParams::default(), &DirectionModel::default()).unwrap().bouts.is_empty());
    let (apart, _) = walk(5.0, &[2.5, 3.0, 2.2, 4.0, 2.6]);
    assert!(analyse(&apart, &StepParams::default(), &DirectionModel::default()).unwrap().bouts.is_empty());
    let empty = Recording { rate_hz: RATE, acc: Vec::new(), gyr: Vec::new(), start: 0, filled: 0, pauses: Vec::new() };
    assert!(analyse(&empty, &StepParams::default(), &DirectionModel::default()).unwrap().bouts.is_empty());
}

#[test]
fn a_walk_whose_soft_steps_are_missed_is_still_walking() {
    // Every third step too soft to find: the gaps the detector sees.
    let gaps: Vec<f64> = (0..24).map(|i| if i % 3 == 2 { 1.1 } else { 0.55 }).collect();
    let b = one_bout(&walk(4.0, &gaps).0);
    // The steps found are counted; the missed ones are not made up, but
    // the walk's rhythm is its own: even, at one step each 0.55 s.
    assert_eq!(b.steps.len(), 25);
    assert!(b.step_time_cv < 3.0 && b.asymmetry < 3.0, "{b:?}");
    assert!((b.cadence - 60.0 / 0.55).abs() < 1.0, "{}", b.cadence);
    // Jolts at random within a second and a half of each other are not.
    let (fidget, _) = walk(4.0, &[0.4, 1.3, 0.7, 0.35, 1.2, 0.9, 0.45, 1.4, 0.5, 1.0]);
    let a = analyse(&fidget, &StepParams::default(), &DirectionModel::default()).unwrap();
    assert!(a.bouts.is_empty(), "{:?}", a.bouts);
}

#[test]
fn two_walks_with_a_rest_between_are_two_bouts() {
    let mut gaps = vec![0.55; 12];
    gaps.push(6.0);
    gaps.extend([0.6; 12]);
    let a = analyse(&walk(3.0, &gaps).0, &StepParams::default(), &DirectionModel::default()).unwrap();
    assert_eq!(a.bouts.len(), 2, "{:?}", a.bouts);
    assert_eq!((a.bouts[0].steps.len(), a.bouts[1].steps.len()), (13, 13));
    assert!(a.bouts[0].end_s + 5.0 < a.bouts[1].start_s);
}
