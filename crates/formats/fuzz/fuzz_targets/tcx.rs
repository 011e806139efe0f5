//! Any bytes given to the tcx reader: an error or a result, never a panic.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = formats::tcx::read(data);
});
