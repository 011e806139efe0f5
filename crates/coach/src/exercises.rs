//! The complementary programme: strengthening, stretching, balance and
//! low-impact aerobic activity, with instructions in our own words.

use crate::evidence as ev;
use crate::setup::Equipment;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Strength,
    Stretch,
    Balance,
    Aerobic,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Exercise {
    pub id: &'static str,
    pub kind: Kind,
    pub name: &'static str,
    pub steps: &'static [&'static str],
    pub why: &'static str,
    pub evidence: &'static [&'static str],
}

const STRENGTH_EVIDENCE: &[&str] = &[ev::TRIAL_USUAL_CARE, ev::RESISTANCE_FITT, ev::DESIGN_COMPLEMENT];
const STRENGTH_WHY: &str =
    "Strong thigh and hip muscles take load off the knee; every walker in the trial did this alongside the walking.";

pub const STRENGTH: &[Exercise] = &[
    Exercise {
        id: "straight_leg_raise",
        kind: Kind::Strength,
        name: "Straight-leg raise",
        steps: &[
            "Lie on your back, the other knee bent and that foot flat.",
            "Tighten the front of the thigh so the straight knee locks gently.",
            "Lift the straight leg to the height of the bent knee, hold for a slow count of 3, lower slowly.",
        ],
        why: STRENGTH_WHY,
        evidence: STRENGTH_EVIDENCE,
    },
    Exercise {
        id: "quadriceps_set",
        kind: Kind::Strength,
        name: "Thigh squeeze (quadriceps set)",
        steps: &[
            "Sit or lie with the leg straight and a rolled towel under the knee.",
            "Press the back of the knee down into the towel by tightening the thigh.",
            "Hold 5 seconds, then relax fully.",
        ],
        why: STRENGTH_WHY,
        evidence: STRENGTH_EVIDENCE,
    },
    Exercise {
        id: "hip_adduction_squeeze",
        kind: Kind::Strength,
        name: "Knee squeeze (isometric hip adduction)",
        steps: &[
            "Sit on a firm chair with a pillow or soft ball between your knees.",
            "Squeeze the knees together into the pillow without pain.",
            "Hold 5 seconds, then let go slowly.",
        ],
        why: STRENGTH_WHY,
        evidence: STRENGTH_EVIDENCE,
    },
    Exercise {
        id: "terminal_knee_extension",
        kind: Kind::Strength,
        name: "End-range knee straightening",
        steps: &[
            "Sit with a rolled towel under the knee so it is slightly bent.",
            "Lift the heel until the knee is straight, keeping the back of the knee on the towel.",
            "Hold 3 seconds, lower slowly.",
        ],
        why: STRENGTH_WHY,
        evidence: STRENGTH_EVIDENCE,
    },
    Exercise {
        id: "semi_squat",
        kind: Kind::Strength,
        name: "Half squat at a counter",
        steps: &[
            "Stand facing a kitchen counter, hands resting on it, feet hip-width apart.",
            "Push your hips back and bend the knees a little, no further than is comfortable.",
            "Stand back up tall. Keep knees over your toes.",
        ],
        why: STRENGTH_WHY,
        evidence: STRENGTH_EVIDENCE,
    },
    Exercise {
        id: "leg_press",
        kind: Kind::Strength,
        name: "Leg press (or sit-to-stand at home)",
        steps: &[
            "At a gym: a light leg press, pushing the platform away smoothly without locking the knees.",
            "At home: sit on a firm chair, feet flat, and stand up without using your hands if you can, then sit down slowly.",
            "Choose a load you could do a few more times at the end of each set.",
        ],
        why: STRENGTH_WHY,
        evidence: STRENGTH_EVIDENCE,
    },
];

const STRETCH_EVIDENCE: &[&str] = &[ev::FLEXIBILITY_FITT, ev::DESIGN_COMPLEMENT];

pub const STRETCHES: &[Exercise] = &[
    Exercise {
        id: "hamstring_stretch",
        kind: Kind::Stretch,
        name: "Back-of-thigh stretch",
        steps: &[
            "Sit on the edge of a chair with one leg straight out, heel on the floor.",
            "Keep your back straight and lean forward from the hips until you feel a gentle pull behind the thigh.",
            "Hold still and breathe; never bounce. Change legs.",
        ],
        why: "Tight muscles behind the thigh make straightening the knee harder; a daily stretch keeps the range.",
        evidence: STRETCH_EVIDENCE,
    },
    Exercise {
        id: "calf_stretch",
        kind: Kind::Stretch,
        name: "Calf stretch at a wall",
        steps: &[
            "Face a wall with your hands on it, one foot forward and one back.",
            "Keep the back heel down and the back knee straight, and bend the front knee until the back calf feels a gentle pull.",
            "Hold still and breathe. Change legs.",
        ],
        why: "Supple calves let the toes-first backward step land softly.",
        evidence: STRETCH_EVIDENCE,
    },
];

pub const BALANCE: Exercise = Exercise {
    id: "counter_balance",
    kind: Kind::Balance,
    name: "Balance practice at a counter",
    steps: &[
        "Stand at a kitchen counter with both hands on it and someone nearby.",
        "Stand with one foot just in front of the other (heel near toes) for up to 30 seconds; swap feet.",
        "When that is easy, rest only your fingertips on the counter.",
    ],
    why: "Balance practice lowers the chance of a fall and is recommended for knee osteoarthritis.",
    evidence: &[ev::BALANCE, ev::DESIGN_FALL_RISK],
};

const AEROBIC_EVIDENCE: &[&str] = &[ev::AEROBIC_FITT, ev::AEROBIC_START, ev::DESIGN_COMPLEMENT];
const AEROBIC_WHY: &str = "Low-impact activity toward 150 minutes a week keeps heart, weight and joints healthy; your backward minutes count toward it.";

pub const CYCLING: Exercise = Exercise {
    id: "cycling",
    kind: Kind::Aerobic,
    name: "Easy cycling",
    steps: &[
        "Set the saddle so the knee is only slightly bent at the bottom of the pedal stroke.",
        "Pedal with light resistance at a pace where you can still talk.",
    ],
    why: AEROBIC_WHY,
    evidence: AEROBIC_EVIDENCE,
};
pub const SWIMMING: Exercise = Exercise {
    id: "swimming",
    kind: Kind::Aerobic,
    name: "Swimming or water walking",
    steps: &[
        "Swim gently, or walk forwards and backwards in chest-deep water.",
        "Keep a pace where you can still talk.",
    ],
    why: AEROBIC_WHY,
    evidence: AEROBIC_EVIDENCE,
};
pub const FORWARD_WALK: Exercise = Exercise {
    id: "forward_walk",
    kind: Kind::Aerobic,
    name: "Brisk forward walk",
    steps: &[
        "Walk on level ground in supportive shoes at a pace where you can still talk.",
        "Split it into shorter walks if your knee prefers.",
    ],
    why: AEROBIC_WHY,
    evidence: AEROBIC_EVIDENCE,
};

/// Weekly aerobic goal, including backward-walking minutes.
pub const AEROBIC_GOAL_MINUTES: u32 = 150;

pub fn all() -> impl Iterator<Item = &'static Exercise> {
    STRENGTH.iter().chain(STRETCHES).chain([&BALANCE, &CYCLING, &SWIMMING, &FORWARD_WALK])
}

pub fn find(id: &str) -> Option<&'static Exercise> {
    all().find(|e| e.id == id)
}

/// The aerobic activity to suggest, by equipment: bike first (no impact), then
/// pool, then forward walking, which everyone can do.
pub fn aerobic_for(equipment: &Equipment) -> &'static Exercise {
    if equipment.bike {
        &CYCLING
    } else if equipment.pool {
        &SWIMMING
    } else {
        &FORWARD_WALK
    }
}

/// The dose of an exercise in a programme week, in words.
pub fn dose_text(ex: &Exercise, week: u32) -> String {
    match ex.kind {
        Kind::Strength => match week {
            0..=2 => "2 sets of 10, slowly; rest a minute between sets".into(),
            3..=4 => "2 sets of 12, slowly; rest a minute between sets".into(),
            _ => "3 sets of 10-12, slowly; rest a minute between sets".into(),
        },
        Kind::Stretch => "each leg: hold about 30 seconds, 3 times, every day".into(),
        Kind::Balance => "3 holds of up to 30 seconds each way".into(),
        Kind::Aerobic => format!("{} minutes at a pace where you can still talk", aerobic_minutes(week)),
    }
}

/// An exercise's dose as steps a timer can guide: the same numbers as
/// [`dose_text`] (reps at the lower end of a range), in seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Guide {
    pub sets: u8,
    /// Repetitions a set (0 for holds and timed activity).
    pub reps: u8,
    /// Seconds a repetition takes at the pace asked ("slowly"), or a hold lasts.
    pub seconds_each: u16,
    pub rest_seconds: u16,
    /// Done on each leg (or each way) in turn.
    pub each_side: bool,
}

/// Seconds a slow repetition takes (up, hold, down), for the spoken count.
pub const SLOW_REP_SECONDS: u16 = 4;

pub fn guide(ex: &Exercise, week: u32) -> Guide {
    match ex.kind {
        Kind::Strength => {
            let (sets, reps) = match week {
                0..=2 => (2, 10),
                3..=4 => (2, 12),
                _ => (3, 10),
            };
            Guide { sets, reps, seconds_each: SLOW_REP_SECONDS, rest_seconds: 60, each_side: false }
        }
        Kind::Stretch => Guide { sets: 3, reps: 0, seconds_each: 30, rest_seconds: 15, each_side: true },
        Kind::Balance => Guide { sets: 3, reps: 0, seconds_each: 30, rest_seconds: 15, each_side: true },
        Kind::Aerobic => Guide {
            sets: 1,
            reps: 0,
            seconds_each: u16::try_from(aerobic_minutes(week) * 60).unwrap_or(u16::MAX),
            rest_seconds: 0,
            each_side: false,
        },
    }
}

/// Aerobic minutes per session: 10 at first, 5 more each week, up to 30.
pub fn aerobic_minutes(week: u32) -> u32 {
    (10 + 5 * week.saturating_sub(1)).min(30)
}

#[cfg(test)]
mod guide_tests {
    use super::*;

    /// The guided timer and the words on Today give the same numbers.
    #[test]
    fn the_guide_matches_the_words() {
        for week in 1..=12 {
            for ex in all() {
                let (g, text) = (guide(ex, week), dose_text(ex, week));
                match ex.kind {
                    Kind::Strength => {
                        assert!(text.starts_with(&format!("{} sets of {}", g.sets, g.reps)), "{text} {g:?}")
                    }
                    Kind::Stretch | Kind::Balance => {
                        assert!(
                            text.contains(&format!("{} seconds", g.seconds_each)) && text.contains(&g.sets.to_string())
                        );
                    }
                    Kind::Aerobic => assert!(text.starts_with(&format!("{} minutes", g.seconds_each / 60)), "{text}"),
                }
            }
        }
    }
}
