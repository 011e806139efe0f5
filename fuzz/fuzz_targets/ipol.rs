//! The IPOL reader on any bytes: a recording or an error, never a panic, and
//! never more filled samples than rows.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(rec) = gait::ipol::read(data) {
        assert!(rec.filled <= rec.len());
        assert_eq!(rec.acc.len(), rec.gyr.len());
        // What a reader hands on is analysed: that must not panic either.
        let _ = gait::analysis::analyse(&rec, &Default::default(), &Default::default());
        // And with the walker's own model, from a "warm-up" of its first half.
        let p = Default::default();
        if let Ok(Some(model)) = gait::analysis::forward_model(&rec, &p, rec.duration_s() / 2.0) {
            let _ = gait::analysis::analyse(&rec, &p, &model);
        }
    }
});
