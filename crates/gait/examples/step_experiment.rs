#[path = "../tests/shared_data/mod.rs"]
mod shared_data;
use gait::steps::StepParams;
use shared_data::{Calibration, Cut, Walk, direction, load, score};

fn main() -> Result<(), shared_data::Error> {
    for k in [1usize, 2, 3, 4] {
        let mut data = load(std::path::Path::new("../shared/data/imu"))?;
        for (_, rec) in data.files.values_mut() {
            let avg = |v: &[[f64; 3]]| -> Vec<[f64; 3]> {
                v.chunks(k)
                    .map(|c| {
                        let n = c.len() as f64;
                        [
                            c.iter().map(|x| x[0]).sum::<f64>() / n,
                            c.iter().map(|x| x[1]).sum::<f64>() / n,
                            c.iter().map(|x| x[2]).sum::<f64>() / n,
                        ]
                    })
                    .collect()
            };
            rec.acc = avg(&rec.acc);
            rec.gyr = avg(&rec.gyr);
            rec.rate_hz /= k as f64;
        }
        for w in data.walks.iter_mut() {
            w.from /= k;
            w.to /= k;
            w.contacts.iter_mut().for_each(|c| *c /= k);
        }
        let mut line = format!("every {k}: ");
        for set in ["ipol", "mobgap"] {
            let these: Vec<&Walk> = data.walks.iter().filter(|w| w.set == set).collect();
            let (s, _) = score(&data, &these, &StepParams::default(), Cut::App)?;
            let (g, _) = score(&data, &these, &StepParams::default(), Cut::Segment)?;
            let t = shared_data::contact_timing(&data, &these)?;
            line += &format!("{set} app {:.2} seg {:.2} contacts {:.0} ms; ", s.mape, g.mape, t.median_abs_ms());
        }
        let by = direction(&data, Calibration::Shape)?;
        let (r, n) = by.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        let bb = shared_data::direction_of_bouts(&data)?;
        let (r2, n2) = bb.values().fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        line += &format!(
            "direction walks {:.1} % bouts {:.1} %",
            r as f64 / n as f64 * 100.0,
            r2 as f64 / n2 as f64 * 100.0
        );
        println!("{line}");
    }
    Ok(())
}
