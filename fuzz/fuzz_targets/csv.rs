//! The CSV reader (Mobilise-D, phyphox, Sensor Logger, generic) on any bytes:
//! a recording or an error, never a panic, never a huge allocation; and the
//! analysis of whatever it reads. The first byte chooses what the caller
//! states (units, clock, rate), as `motion analyse`, `motion import`, the
//! API and the upload form can, so those paths are fuzzed too.
#![no_main]

use gait::csv::{AccUnit, GyrUnit, Stated, TimeUnit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, text)) = data.split_first() else { return };
    let stated = Stated {
        acc: [None, Some(AccUnit::MetresPerSecond2), Some(AccUnit::G)][usize::from(choice % 3)],
        gyr: [None, Some(GyrUnit::RadPerSecond), Some(GyrUnit::DegPerSecond)][usize::from(choice / 3 % 3)],
        time: [None, Some(TimeUnit::Seconds), Some(TimeUnit::Millis), Some(TimeUnit::Samples)]
            [usize::from(choice / 9 % 4)],
        rate_hz: [None, Some(50.0), Some(100.0), Some(1000.0), Some(0.5), Some(f64::NAN), Some(1e9)]
            [usize::from(choice / 36 % 7)],
    };
    if let Ok(read) = gait::csv::read(text, &stated) {
        let rec = read.recording;
        // An even clock holds about as many samples as the file has rows,
        // and at most 90 s (ten of filling, twenty pauses of four) more at
        // the fastest clock taken.
        assert!(rec.len() <= 2 * text.len() + 90 * gait::csv::MOST_RATE_HZ as usize);
        let _ = gait::analysis::analyse(&rec, &Default::default(), &Default::default());
        // And with the walker's own model, from a "warm-up" of its first half.
        let p = Default::default();
        if let Ok(Some(model)) = gait::analysis::forward_model(&rec, &p, rec.duration_s() / 2.0) {
            let _ = gait::analysis::analyse(&rec, &p, &model);
        }
    }
});
