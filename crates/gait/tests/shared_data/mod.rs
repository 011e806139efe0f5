//! The shared IMU recordings (../shared/data/imu, see its MANIFEST.md and
//! BASELINES.md) as reference walks, and the scores BASELINES.md gives the
//! peers: steps per walk (MAPE), direction on each walk and its
//! time-reversed copy, and bouts found without the reference. Used by the
//! conformance test and by the `imu_conformance` example (which also times).

#![allow(dead_code)]

use gait::Recording;
use gait::analysis::{Direction, DirectionModel, analyse, band_passed, forward_model};
use gait::steps::{StepParams, steps};
use std::collections::BTreeMap;
use std::path::Path;

pub type Error = Box<dyn std::error::Error>;

/// One reference walk: where it is, whose, and how many steps it holds.
pub struct Walk {
    pub set: &'static str,
    pub name: String,
    pub subject: String,
    pub file: String,
    pub from: usize,
    pub to: usize,
    pub truth: usize,
    /// The reference's initial contacts that have a time, as sample
    /// indices of the recording, in order.
    pub contacts: Vec<usize>,
}

/// Every recording, read once, by file name.
pub struct Data {
    pub walks: Vec<Walk>,
    pub files: BTreeMap<String, (Vec<u8>, Recording)>,
}

pub fn load(root: &Path) -> Result<Data, Error> {
    let mut data = Data { walks: Vec::new(), files: BTreeMap::new() };
    ipol(&root.join("ipol_gait"), &mut data)?;
    mobgap(&root.join("mobgap_lab"), &mut data)?;
    Ok(data)
}

/// IPOL: each trial's lower-back file, the walk `TrialBoundaries` (counter
/// values), and the footsteps of both feet inside it.
fn ipol(dir: &Path, data: &mut Data) -> Result<(), Error> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with("_lb.txt"))
        .collect();
    names.sort();
    for name in names {
        let trial = name.trim_end_matches("_lb.txt").to_string();
        let bytes = std::fs::read(dir.join(&name))?;
        let rec = gait::ipol::read(&bytes).map_err(|e| format!("{name}: {e}"))?;
        // The reference writes NaN for an unknown height, which JSON does not allow.
        let json = std::fs::read_to_string(dir.join(format!("{trial}.json")))?.replace("NaN", "null");
        let r: serde_json::Value = serde_json::from_str(&json)?;
        let bound = |k: usize| r["TrialBoundaries"][k].as_u64().ok_or(format!("{trial}: no TrialBoundaries[{k}]"));
        let (start, end) = (bound(0)?, bound(1)?);
        let inside = |foot: &str| {
            r[foot].as_array().map_or(0, |s| {
                s.iter()
                    .filter(|s| s[0].as_u64().is_some_and(|a| a >= start) && s[1].as_u64().is_some_and(|b| b <= end))
                    .count()
            })
        };
        let truth = inside("LeftFootEvents") + inside("RightFootEvents");
        // A footstep is [toe-off, heel strike]: its contact is the second.
        let mut contacts: Vec<usize> = ["LeftFootEvents", "RightFootEvents"]
            .iter()
            .filter_map(|foot| r[*foot].as_array())
            .flatten()
            .filter_map(|s| Some((s[0].as_u64()?, s[1].as_u64()?)))
            .filter(|(a, b)| *a >= start && *b <= end)
            .filter_map(|(_, b)| usize::try_from(b.checked_sub(rec.start)?).ok())
            .collect();
        contacts.sort_unstable();
        let from = start.checked_sub(rec.start).ok_or(format!("{trial}: the walk starts before the file"))? as usize;
        let to = (end.checked_sub(rec.start).ok_or(format!("{trial}: the walk ends before the file"))? as usize)
            .min(rec.len() - 1);
        let subject = format!("ipol {}", trial.split('-').next().unwrap_or(""));
        data.walks.push(Walk { set: "ipol", name: trial, subject, file: name.clone(), from, to, truth, contacts });
        data.files.insert(name, (bytes, rec));
    }
    Ok(())
}

/// Mobilise-D: each INDIP walking bout in its recording's CSV (samples
/// round(start_s·100) … round(end_s·100)), and the bout's reference
/// initial contacts (NaN-time and duplicate rows counted).
fn mobgap(dir: &Path, data: &mut Data) -> Result<(), Error> {
    let ics = std::fs::read_to_string(dir.join("reference_initial_contacts_INDIP.csv"))?;
    let mut truth: BTreeMap<String, usize> = BTreeMap::new();
    let mut timed: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for line in ics.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        *truth.entry(f[..4].join(",")).or_default() += 1;
        if let Some(t) = f.get(4).and_then(|t| t.parse::<f64>().ok()).filter(|t| t.is_finite()) {
            timed.entry(f[..4].join(",")).or_default().push((t * 100.0).round() as usize);
        }
    }
    let bouts = std::fs::read_to_string(dir.join("reference_walking_bouts_INDIP.csv"))?;
    for line in bouts.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let file = format!("{}/TimeMeasure1_{}_{}.csv", f[0], f[1], f[2]);
        if !data.files.contains_key(&file) {
            let bytes = std::fs::read(dir.join(&file))?;
            let rec = gait::csv::read(&bytes, &Default::default()).map_err(|e| format!("{file}: {e}"))?.recording;
            data.files.insert(file.clone(), (bytes, rec));
        }
        let len = data.files[&file].1.len();
        let at = |s: &str| -> Result<usize, Error> { Ok((s.parse::<f64>()? * 100.0).round() as usize) };
        let (from, to) = (at(f[4])?, at(f[5])?.min(len - 1));
        let name = format!("{} {} {} bout {}", f[0], f[1], f[2], f[3]);
        let key = f[..4].join(",");
        let t = truth.get(&key).copied().unwrap_or(0);
        let mut contacts = timed.remove(&key).unwrap_or_default();
        contacts.sort_unstable();
        contacts.dedup();
        let subject = format!("mobgap {}", f[0]);
        data.walks.push(Walk { set: "mobgap", name, subject, file, from, to, truth: t, contacts });
    }
    Ok(())
}

impl Data {
    pub fn recording(&self, w: &Walk) -> &Recording {
        &self.files[&w.file].1
    }

    /// The walk's magnitude, cut as BASELINES.md cuts it.
    pub fn segment(&self, w: &Walk) -> Vec<f64> {
        self.recording(w).acc_magnitude()[w.from..=w.to].to_vec()
    }
}

/// How a walk's steps are counted against its reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// The walk's samples cut out first, then counted: as BASELINES.md
    /// scores the peers.
    Segment,
    /// The whole recording filtered and its steps found, then those inside
    /// the walk counted (no edge of the cut to miss a step at, as the app
    /// never cuts a walk out), whether or not they make a bout.
    Whole,
    /// As the app counts: the steps of the bouts `analyse` finds in the
    /// whole recording that fall inside the walk.
    App,
}

impl Data {
    /// The steps counted in walk `w` with `p`, cut as `cut` says.
    pub fn count(&self, w: &Walk, p: &StepParams, cut: Cut) -> Result<usize, Error> {
        let rate = self.recording(w).rate_hz;
        Ok(match cut {
            Cut::Segment => steps(&self.segment(w), rate, p)?.len(),
            Cut::Whole => {
                let all = steps(&self.recording(w).acc_magnitude(), rate, p)?;
                all.iter().filter(|i| (w.from..=w.to).contains(*i)).count()
            }
            Cut::App => {
                let rec = self.recording(w);
                let (from, to) = (rec.seconds(w.from), rec.seconds(w.to));
                let a = analyse(rec, p, &DirectionModel::default())?;
                a.bouts.iter().flat_map(|b| &b.steps).filter(|t| (from..=to).contains(*t)).count()
            }
        })
    }
}

/// Steps found against the reference, over some walks.
#[derive(Debug, Default)]
pub struct Score {
    pub walks: usize,
    pub reference: usize,
    pub found: usize,
    pub abs_error: usize,
    pub mape: f64,
}

pub fn score(data: &Data, walks: &[&Walk], p: &StepParams, cut: Cut) -> Result<(Score, Vec<usize>), Error> {
    let mut s = Score::default();
    let mut counts = Vec::new();
    let mut pct = 0.0;
    for w in walks {
        let n = data.count(w, p, cut)?;
        counts.push(n);
        s.walks += 1;
        s.reference += w.truth;
        s.found += n;
        s.abs_error += w.truth.abs_diff(n);
        pct += w.truth.abs_diff(n) as f64 / w.truth.max(1) as f64 * 100.0;
    }
    s.mape = pct / s.walks.max(1) as f64;
    Ok((s, counts))
}

/// The parameters tried when choosing by cross-validation.
pub fn grid() -> Vec<StepParams> {
    let mut out = Vec::new();
    for lo in [0.3, 0.5, 0.8] {
        for hi in [2.5, 3.0, 3.5, 4.0] {
            for min_gap_s in [0.25, 0.3, 0.35] {
                for prominence in [0.3, 0.5, 0.7, 1.0] {
                    out.push(StepParams { lo_hz: lo, hi_hz: hi, min_gap_s, prominence, edges: false });
                }
            }
        }
    }
    out
}

/// Leave one subject out: parameters chosen on every other subject's walks
/// (lowest mean MAPE over both sets), scored on the subject's own. Returns
/// each walk's count under the parameters it was not tuned on.
pub fn cross_validated(data: &Data, cut: Cut) -> Result<Vec<usize>, Error> {
    let grid = grid();
    // Each walk's error under each parameter set, computed once.
    let mut err = vec![vec![0.0; grid.len()]; data.walks.len()];
    let mut count = vec![vec![0usize; grid.len()]; data.walks.len()];
    for (i, w) in data.walks.iter().enumerate() {
        for (k, p) in grid.iter().enumerate() {
            let n = data.count(w, p, cut)?;
            count[i][k] = n;
            err[i][k] = w.truth.abs_diff(n) as f64 / w.truth.max(1) as f64;
        }
    }
    let mut out = vec![0; data.walks.len()];
    let subjects: std::collections::BTreeSet<&str> = data.walks.iter().map(|w| w.subject.as_str()).collect();
    for held in subjects {
        let train: Vec<usize> = (0..data.walks.len()).filter(|i| data.walks[*i].subject != held).collect();
        let best = (0..grid.len())
            .min_by(|a, b| {
                let mean = |k: usize| train.iter().map(|i| err[*i][k]).sum::<f64>();
                mean(*a).total_cmp(&mean(*b))
            })
            .unwrap_or(0);
        for i in (0..data.walks.len()).filter(|i| data.walks[*i].subject == held) {
            out[i] = count[i][best];
        }
    }
    Ok(out)
}

pub fn mape(walks: &[&Walk], counts: &[usize]) -> f64 {
    let total: f64 =
        walks.iter().zip(counts).map(|(w, n)| w.truth.abs_diff(*n) as f64 / w.truth.max(1) as f64 * 100.0).sum();
    total / walks.len().max(1) as f64
}

/// How the direction of the shared walks is decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Calibration {
    /// One sign of the time asymmetry for everyone.
    None,
    /// Each subject's first walk sets the sign.
    Sign,
    /// Each subject's first walk sets the shape of a forward step.
    Shape,
}

/// Direction on each walk and on its time-reversed copy, per subject:
/// (right, total). Calibrated, each subject's first walk sets the model (as
/// a guided session's warm-up does) and is not scored.
pub fn direction(data: &Data, calibration: Calibration) -> Result<BTreeMap<String, (usize, usize)>, Error> {
    let p = StepParams::default();
    let mut by: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut model_of: BTreeMap<String, DirectionModel> = BTreeMap::new();
    for w in &data.walks {
        let rate = data.recording(w).rate_hz;
        let forward = data.segment(w);
        // The reversed copy is the walk played backwards.
        let backward: Vec<f64> = forward.iter().rev().copied().collect();
        let model = match (calibration, model_of.get(&w.subject)) {
            (Calibration::None, _) => DirectionModel::default(),
            (_, Some(m)) => m.clone(),
            (Calibration::Sign, None) => {
                model_of.insert(
                    w.subject.clone(),
                    DirectionModel::calibrated_sign(&band_passed(&forward, rate, &p)?, rate),
                );
                continue;
            }
            (Calibration::Shape, None) => {
                let steps = steps(&forward, rate, &p)?;
                let m = DirectionModel::from_forward(&forward, rate, &[&steps]).ok_or("no step shape")?;
                model_of.insert(w.subject.clone(), m);
                continue;
            }
        };
        let decide = |m: &[f64]| -> Result<Direction, Error> {
            let found = steps(m, rate, &p)?;
            Ok(model.decide(m, &band_passed(m, rate, &p)?, rate, &found).0)
        };
        let e = by.entry(w.subject.clone()).or_default();
        e.0 += usize::from(decide(&forward)? == Direction::Forward)
            + usize::from(decide(&backward)? == Direction::Backward);
        e.1 += 2;
    }
    Ok(by)
}

/// Direction as the app decides it, bout by bout: each subject's model is
/// built by `forward_model` from their first recording up to the end of
/// their first walk (as a warm-up would), and every bout `analyse` finds in
/// each later walk, and in its recording played backwards, is scored
/// (right, total) per subject. The first walk is not scored. A subject
/// whose first walk holds no bout gets the common sign, as the app does.
pub fn direction_of_bouts(data: &Data) -> Result<BTreeMap<String, (usize, usize)>, Error> {
    let p = StepParams::default();
    let mut by: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut model_of: BTreeMap<String, DirectionModel> = BTreeMap::new();
    for w in &data.walks {
        let rec = data.recording(w);
        let Some(model) = model_of.get(&w.subject) else {
            // No bout in the first walk: the app falls back to the common sign.
            let model = forward_model(rec, &p, rec.seconds(w.to + 1))?.unwrap_or_default();
            model_of.insert(w.subject.clone(), model);
            continue;
        };
        let reversed = Recording {
            acc: rec.acc.iter().rev().copied().collect(),
            gyr: rec.gyr.iter().rev().map(|[x, y, z]| [-x, -y, -z]).collect(),
            ..rec.clone()
        };
        let last = rec.len() - 1;
        for (r, want, (from, to)) in
            [(rec, Direction::Forward, (w.from, w.to)), (&reversed, Direction::Backward, (last - w.to, last - w.from))]
        {
            let a = analyse(r, &p, model)?;
            for b in &a.bouts {
                let middle = ((b.start_s + b.end_s) / 2.0 * r.rate_hz) as usize;
                if (from..=to).contains(&middle) {
                    let e = by.entry(w.subject.clone()).or_default();
                    e.0 += usize::from(b.direction == want);
                    e.1 += 1;
                }
            }
        }
    }
    Ok(by)
}

/// Bouts found in whole recordings against the reference walks, sample by
/// sample: (sensitivity, specificity) in percent.
pub fn bouts(data: &Data) -> Result<(f64, f64), Error> {
    let (mut tp, mut fp, mut tn, mut fneg) = (0usize, 0usize, 0usize, 0usize);
    for (file, (_, rec)) in &data.files {
        let a = analyse(rec, &StepParams::default(), &DirectionModel::default())?;
        let mut truth = vec![false; rec.len()];
        for w in data.walks.iter().filter(|w| &w.file == file) {
            truth[w.from..=w.to].iter_mut().for_each(|v| *v = true);
        }
        let mut found = vec![false; rec.len()];
        for b in &a.bouts {
            let (f, t) = ((b.start_s * rec.rate_hz) as usize, ((b.end_s * rec.rate_hz) as usize).min(rec.len() - 1));
            found[f..=t].iter_mut().for_each(|v| *v = true);
        }
        for (t, f) in truth.iter().zip(&found) {
            match (t, f) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (false, false) => tn += 1,
                (true, false) => fneg += 1,
            }
        }
    }
    Ok((tp as f64 / (tp + fneg).max(1) as f64 * 100.0, tn as f64 / (tn + fp).max(1) as f64 * 100.0))
}

/// Over every walk of the recordings with a gyroscope: the median and the
/// 95th-percentile angle (degrees) between the accelerometer-only and the
/// gyroscope-aided estimate of "up", sample by sample. The two are made
/// from different sensors, so their agreement on real walking checks both.
pub fn orientation_agreement(data: &Data) -> (f64, f64) {
    use gait::orientation::{accelerometer_only, angle_deg, gyro_aided};
    let mut angles: Vec<f64> = Vec::new();
    for w in &data.walks {
        let r = data.recording(w);
        if r.gyr.len() != r.acc.len() {
            continue;
        }
        let (acc, gyr) = (&r.acc[w.from..=w.to], &r.gyr[w.from..=w.to]);
        let a = accelerometer_only(acc, r.rate_hz);
        let g = gyro_aided(acc, gyr, r.rate_hz);
        angles.extend(a.iter().zip(&g).map(|(x, y)| angle_deg(*x, *y)));
    }
    angles.sort_by(f64::total_cmp);
    let at = |q: f64| angles.get(((angles.len() as f64 - 1.0) * q) as usize).copied().unwrap_or(f64::NAN);
    (at(0.5), at(0.95))
}

/// How close the app's initial-contact times come to the reference's.
#[derive(Debug, Default)]
pub struct Timing {
    /// Reference contacts with a time, inside the walks.
    pub reference: usize,
    /// The app's contacts inside the walks.
    pub found: usize,
    /// Pairs within `CONTACT_TOLERANCE_S` of each other, each used once.
    pub matched: usize,
    /// Each pair's error, the app's time minus the reference's, in seconds.
    pub errors: Vec<f64>,
}

/// Two contacts further apart than this are not the same step (a step
/// takes about half a second).
pub const CONTACT_TOLERANCE_S: f64 = 0.25;

impl Timing {
    pub fn median_abs_ms(&self) -> f64 {
        median(self.errors.iter().map(|e| e.abs() * 1000.0).collect())
    }
    pub fn median_ms(&self) -> f64 {
        median(self.errors.iter().map(|e| e * 1000.0).collect())
    }
}

pub fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// The contact times the app reports (every bout `analyse` finds in the
/// whole recording, the common direction model) against each walk's
/// reference contacts, one walk at a time, matched closest first.
pub fn contact_timing(data: &Data, walks: &[&Walk]) -> Result<Timing, Error> {
    let mut by_file: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let mut t = Timing::default();
    for w in walks {
        let rec = data.recording(w);
        if !by_file.contains_key(w.file.as_str()) {
            let a = analyse(rec, &StepParams::default(), &DirectionModel::default())?;
            by_file.insert(&w.file, a.bouts.iter().flat_map(|b| b.steps.iter().copied()).collect());
        }
        let (from, to) = (rec.seconds(w.from), rec.seconds(w.to));
        let found: Vec<f64> = by_file[w.file.as_str()]
            .iter()
            .copied()
            .filter(|s| *s >= from - CONTACT_TOLERANCE_S && *s <= to + CONTACT_TOLERANCE_S)
            .collect();
        t.found += found.iter().filter(|s| (from..=to).contains(*s)).count();
        t.reference += w.contacts.len();
        // Every pair within the tolerance, closest first, each contact once.
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (i, c) in w.contacts.iter().enumerate() {
            let c = rec.seconds(*c);
            for (j, s) in found.iter().enumerate() {
                if (s - c).abs() <= CONTACT_TOLERANCE_S {
                    pairs.push((s - c, i, j));
                }
            }
        }
        pairs.sort_by(|a, b| a.0.abs().total_cmp(&b.0.abs()));
        let (mut used_ref, mut used_found) = (vec![false; w.contacts.len()], vec![false; found.len()]);
        for (e, i, j) in pairs {
            if !used_ref[i] && !used_found[j] {
                used_ref[i] = true;
                used_found[j] = true;
                t.matched += 1;
                t.errors.push(e);
            }
        }
    }
    Ok(t)
}
