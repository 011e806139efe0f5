//! The CSV reader (Mobilise-D, phyphox, Sensor Logger, generic) on any bytes:
//! a recording or an error, never a panic, never a huge allocation; and the
//! analysis of whatever it reads.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(read) = gait::csv::read(data, &Default::default()) {
        let rec = read.recording;
        // An even clock holds about as many samples as the file has rows.
        assert!(rec.len() <= 2 * data.len() + 10 * 10_000);
        let _ = gait::analysis::analyse(&rec, &Default::default(), &Default::default());
        // And with the walker's own model, from a "warm-up" of its first half.
        let p = Default::default();
        if let Ok(Some(model)) = gait::analysis::forward_model(&rec, &p, rec.duration_s() / 2.0) {
            let _ = gait::analysis::analyse(&rec, &p, &model);
        }
    }
});
