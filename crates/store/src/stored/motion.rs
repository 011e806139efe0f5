//! Motion recordings' analyses, as stored (version 1).

mirror!(MotionBoutV1 <=> coach::motion::MotionBout {
    start_s: f64,
    end_s: f64,
    backward: bool,
    confidence: f64,
    steps: u32,
    cadence: f64,
    step_time_cv: f64,
    asymmetry: f64,
    #[serde(default)]
    in_backward_part: bool,
});

// A recording as the walker's archive holds it.
mirror!(MotionV1 <=> coach::motion::Motion {
    session: jiff::civil::Date,
    source: String,
    duration_s: f64,
    bouts: Vec<MotionBoutV1> as each,
    #[serde(default)]
    own_direction: bool,
});

/// The bouts of one recording (the `bouts` column); the session, source and
/// length have their own columns.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MotionBoutsV1(pub Vec<MotionBoutV1>);
