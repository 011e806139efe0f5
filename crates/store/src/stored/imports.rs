//! Imported activities, as stored (version 1).

use super::named;
use crate::{Result, StoreError};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportedV1 {
    pub start: Timestamp,
    pub local_date: Date,
    pub local_time: String,
    pub sport: String,
    pub sub_sport: Option<String>,
    pub elapsed_s: Option<f64>,
    pub moving_s: Option<f64>,
    pub distance_m: Option<f64>,
    pub avg_hr: Option<f64>,
    pub max_hr: Option<f64>,
    pub cadence_spm: Option<f64>,
    pub cadence_rpm: Option<f64>,
    pub calories: Option<f64>,
    pub ascent_m: Option<f64>,
    pub device: Option<String>,
    pub fit: String,
    pub backward: Option<bool>,
}

impl From<&coach::imports::Imported> for ImportedV1 {
    fn from(a: &coach::imports::Imported) -> Self {
        let coach::imports::Imported {
            start,
            local_date,
            local_time,
            sport,
            sub_sport,
            elapsed_s,
            moving_s,
            distance_m,
            avg_hr,
            max_hr,
            cadence_spm,
            cadence_rpm,
            calories,
            ascent_m,
            device,
            fit,
            backward,
        } = a.clone();
        ImportedV1 {
            start,
            local_date,
            local_time,
            sport,
            sub_sport,
            elapsed_s,
            moving_s,
            distance_m,
            avg_hr,
            max_hr,
            cadence_spm,
            cadence_rpm,
            calories,
            ascent_m,
            device,
            fit: fit.as_str().into(),
            backward,
        }
    }
}

impl TryFrom<ImportedV1> for coach::imports::Imported {
    type Error = StoreError;
    fn try_from(a: ImportedV1) -> Result<Self> {
        Ok(coach::imports::Imported {
            start: a.start,
            local_date: a.local_date,
            local_time: a.local_time,
            sport: a.sport,
            sub_sport: a.sub_sport,
            elapsed_s: a.elapsed_s,
            moving_s: a.moving_s,
            distance_m: a.distance_m,
            avg_hr: a.avg_hr,
            max_hr: a.max_hr,
            cadence_spm: a.cadence_spm,
            cadence_rpm: a.cadence_rpm,
            calories: a.calories,
            ascent_m: a.ascent_m,
            device: a.device,
            fit: named(&a.fit)?,
            backward: a.backward,
        })
    }
}
