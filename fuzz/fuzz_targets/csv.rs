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
    }
});
