//! Imported activities, as stored (version 1).

use jiff::Timestamp;
use jiff::civil::Date;

mirror!(ImportedV1 <=> coach::imports::Imported {
    start: Timestamp,
    local_date: Date,
    local_time: String,
    sport: String,
    sub_sport: Option<String>,
    elapsed_s: Option<f64>,
    moving_s: Option<f64>,
    distance_m: Option<f64>,
    avg_hr: Option<f64>,
    max_hr: Option<f64>,
    cadence_spm: Option<f64>,
    cadence_rpm: Option<f64>,
    calories: Option<f64>,
    ascent_m: Option<f64>,
    device: Option<String>,
    fit: String as name,
    backward: Option<bool>,
});
