//! The evidence registry: every number and rule the coach encodes points here.
//!
//! Each row mirrors a row of `shared/EVIDENCE.md` and keeps its certainty tag.
//! Only checked ([V]) and secondary ([S]) findings, and our own design choices
//! built on them ([D]), are listed: unverified ([U]) rows are never encoded, and a
//! test checks that every rule in the coach cites a row that exists here.

use serde::Serialize;

/// How sure we are of a row, as tagged in EVIDENCE.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Seen in the source text.
    Verified,
    /// Seen only in a secondary page citing the source.
    Secondary,
    /// A design choice of ours derived from the rows it names.
    Design,
}

impl Certainty {
    pub fn tag(self) -> &'static str {
        match self {
            Certainty::Verified => "V",
            Certainty::Secondary => "S",
            Certainty::Design => "D",
        }
    }
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Evidence {
    pub id: &'static str,
    pub certainty: Certainty,
    /// Section of EVIDENCE.md the row comes from.
    pub section: &'static str,
    /// What the row says, in plain words.
    pub finding: &'static str,
    pub source: &'static str,
}

use Certainty::{Design, Secondary, Verified};

macro_rules! rows {
    ($($id:ident = $key:literal, $c:expr, $sec:literal, $finding:literal, $source:literal;)*) => {
        $(pub const $id: &str = $key;)*
        /// Every row, in the order of EVIDENCE.md.
        pub const ALL: &[Evidence] = &[
            $(Evidence { id: $key, certainty: $c, section: $sec, finding: $finding, source: $source },)*
        ];
    };
}

rows! {
    TRIAL_DOSE = "alghadir2019.dose", Verified, "1.2",
        "In the key trial, 10 minutes of supervised backward walking, 3 days a week for 6 weeks, was added to usual physiotherapy. It reduced pain (NRS change 1.8 vs 1.0) and disability more than physiotherapy alone.",
        "Alghadir AH et al. BMC Musculoskelet Disord 2019;20:159. doi:10.1186/s12891-019-2537-9";
    TRIAL_USUAL_CARE = "alghadir2019.usual_care", Verified, "1.2",
        "Everyone in the trial also did strengthening: straight-leg raise, isometric quadriceps, isometric hip adduction, terminal knee extension, semi-squat and leg press.",
        "Alghadir AH et al. BMC Musculoskelet Disord 2019;20:159. doi:10.1186/s12891-019-2537-9";
    META_SUBGROUPS = "lin2025.subgroups", Verified, "2.2",
        "Across 13 trials, backward walking added to rehabilitation reduced knee OA pain and disability; effects were larger at a comfortable speed and on a treadmill.",
        "Lin LH et al. Physiother Theory Pract 2025. doi:10.1080/09593985.2025.2550532";
    PF_LOAD = "roos2012.patellofemoral_load", Verified, "3.1",
        "Moving backwards loads the kneecap joint less: patellofemoral compression was about 24% lower in backward than forward running at the same speed.",
        "Roos PE, Barton N, van Deursen RW. J Biomech 2012;45(9):1656-1660. doi:10.1016/j.jbiomech.2012.03.020";
    GENERAL_HEALTH = "parq.general_health", Secondary, "4.1",
        "Pre-exercise screening asks about heart conditions, chest pain, dizziness or fainting, other chronic conditions, joint problems and advice to exercise only under supervision; a yes means seeing a qualified professional first.",
        "PAR-Q+ Collaboration (topics only; our questions are our own wording)";
    ACSM_SCREENING = "acsm2015.screening", Verified, "4.1",
        "The ACSM algorithm decides on medical clearance from current activity, known cardiovascular, metabolic or renal disease or their symptoms, and the intended intensity.",
        "Riebe D et al. Med Sci Sports Exerc 2015; Magal & Riebe, ACSM Health Fit J 2016. doi:10.1249/FIT.0000000000000202";
    KNEE_RED_FLAGS = "nhs.knee_red_flags", Verified, "4.2",
        "A hot swollen knee with fever, swelling soon after an injury, a locked knee, giving way, being unable to bear weight, or night pain with weight loss need clinical review before exercise.",
        "NHS Gloucestershire knee pathway; Cornwall referral criteria";
    DVT_FLAG = "clinref.dvt", Verified, "4.2",
        "Calf pain, swelling, warmth or discolouration may be a deep vein thrombosis and needs urgent medical review.",
        "clinref.com knee red flags";
    INFLAMMATORY = "rheum.inflammatory_signs", Verified, "4.2",
        "Morning stiffness over 30 minutes or several inflamed joints suggest inflammatory arthritis and a rheumatology review.",
        "247econsult; Cornwall referral criteria";
    STEADI_TUG = "steadi.tug", Secondary, "4.3",
        "A Timed Up and Go over 12 seconds marks a high risk of falling.",
        "CDC STEADI; Stevens & Phelan 2013, Health Promot Pract, PMC4707651";
    STEADI_ITEMS = "steadi.self_screen_items", Secondary, "4.3",
        "Fall-risk self-screens ask about a fall in the past year, using a cane or walker, feeling unsteady and being worried about falling.",
        "Rubenstein 2011, J Safety Res (STEADI Stay Independent)";
    BW_SPEED_FALLERS = "fritz2013.bw_speed", Verified, "2.5",
        "All older adults who had fallen walked backward slower than 0.6 m/s (3 m in more than 5 seconds).",
        "Fritz NE et al. 2013, PMID 23122938";
    BW_3M_TEST = "polo2025.3mbwt", Verified, "2.5",
        "In 483 community older adults, a 3-metre backward walk of 5.5 seconds or more best separated fallers from non-fallers.",
        "Polo-Ferrero L et al. J Funct Morphol Kinesiol 2025;10(2):154. doi:10.3390/jfmk10020154";
    TREADMILL_SETUP = "expert.treadmill_setup", Secondary, "4.3",
        "On a treadmill, beginners start at about half their usual forward speed, clip the safety key, keep hands on the rails, walk 5-10 minutes and keep one speed.",
        "Physical therapists quoted in consumer articles (expert opinion)";
    SUPERVISION = "guidelines.supervision", Secondary, "4.3",
        "The key trial supervised every session and NICE suggests considering supervised exercise.",
        "Alghadir 2019; NICE NG226";
    PAIN_ZONES = "ageberg2010.pain_zones", Verified, "5.1",
        "Pain during exercise of 0-2 is safe, above 2 to 5 is acceptable, and above 5 is high risk.",
        "Ageberg E, Link A, Roos EM. BMC Musculoskelet Disord 2010;11:126";
    NEXT_MORNING = "silbernagel2007.next_morning", Secondary, "5.1",
        "Pain provoked by activity must settle by the next morning; if it is worse the next day, reduce the load; if it has gone, repeat or progress.",
        "Silbernagel KG et al. Am J Sports Med 2007;35(6):897-906";
    NRS_MDC = "alghadir2018.nrs_mdc", Verified, "6.1",
        "In knee OA, a change in pain rating smaller than 1.33 points can be measurement noise; 2 points or more is a real change.",
        "Alghadir AH et al. J Pain Res 2018;11:851-856. doi:10.2147/JPR.S158847";
    NRS_MCID = "salaffi2004.nrs_mcid", Verified, "6.1",
        "A fall in pain of 1 point or 15% is the smallest change people notice; 2 points or 33% is much better.",
        "Salaffi F et al. Eur J Pain 2004;8(4):283-291. doi:10.1016/j.ejpain.2003.09.004";
    VOLUME_JUMPS = "nielsen2014.volume_jumps", Secondary, "5.2",
        "In novice runners, raising weekly volume by more than 30% over two weeks was linked to more overuse injuries than rises under 10%.",
        "Nielsen RO et al. J Orthop Sports Phys Ther 2014;44(10):739-747";
    AEROBIC_FITT = "acsm.oa_aerobic", Secondary, "5.3",
        "Adults with arthritis aim for at least 150 minutes a week of light-to-moderate low-impact aerobic activity (walking, cycling, swimming), starting with bouts of 10 minutes or less.",
        "ACSM Guidelines for Exercise Testing and Prescription, via NCHPAD summaries";
    AEROBIC_START = "acsm.oa_aerobic_start", Secondary, "5.3",
        "Begin with 10 minutes and add 5-minute steps up to 30 minutes.",
        "ACSM via fpnotebook";
    RESISTANCE_FITT = "acsm.oa_resistance", Secondary, "5.3",
        "Strengthening 2-3 days a week for the major muscle groups helps osteoarthritis at light and higher intensities.",
        "ACSM Guidelines, via summaries";
    FLEXIBILITY_FITT = "acsm.oa_flexibility", Secondary, "5.3",
        "Stretch daily if possible, within a pain-free range.",
        "ACSM Guidelines, via summaries";
    BALANCE = "acr2019.balance", Verified, "7",
        "The ACR/Arthritis Foundation guideline conditionally recommends balance training in knee OA.",
        "Kolasinski SL et al. Arthritis Care Res 2020;72(2):149-162. doi:10.1002/acr.24131";
    GUIDELINE_EXERCISE = "oarsi2019.core_exercise", Verified, "7",
        "Structured land-based exercise (strengthening, aerobic, balance) is core treatment for knee OA, and exercise should progress with a tailored dose.",
        "Bannuru RR et al. Osteoarthritis Cartilage 2019;27:1578-1589; EULAR 2023 (PMC11103326)";
    WARM_UP = "parikh2022.warm_up", Secondary, "2.3",
        "Backward-walking programmes for older adults used a 5-minute warm-up and cool-down around the walk.",
        "Parikh & Desai 2022; Anandh & Varughese 2023";
    TUG_MDC = "alghadir2015.tug_mdc", Verified, "6.4",
        "In knee osteoarthritis, a Timed Up and Go change smaller than 1.10 s (same rater) can be measurement error.",
        "Alghadir A et al. BMC Musculoskelet Disord 2015. doi:10.1186/s12891-015-0637-8";
    CST_MDC = "gill2022.chair_stand_mdc", Verified, "6.4",
        "For one person with early knee osteoarthritis, a 30-second chair stand change under about 2.5 stands can be measurement error.",
        "Gill S et al. 2022 (30s-CST reliability in early knee OA)";
    CST_NORMS = "riklijones.chair_stand_norms", Secondary, "6.4",
        "Usual 30-second chair stand ranges (25th-75th percentile) for community adults aged 60-94, by age band and sex.",
        "Rikli RE, Jones CJ. J Aging Phys Act 1999;7:162-181; Senior Fitness Test Manual 2nd ed. 2013";
    OARSI_TESTS = "dobson2013.oarsi_tests", Verified, "6.4",
        "The OARSI core performance tests for hip and knee osteoarthritis include the 30-second chair stand and the 40-m fast-paced walk; Timed Up and Go is also recommended.",
        "Dobson F et al. Osteoarthritis Cartilage 2013;21:1042-1052";
    DESIGN_OUTCOMES = "design.outcome_schedule", Design, "6",
        "Our rule: measure at baseline, week 3, week 6, 3 months and 12 months, and describe each change against the smallest real change where one is known.",
        "retrowalk design, from EVIDENCE.md section 6";
    DESIGN_FALL_RISK = "design.fall_risk_mapping", Design, "4.3",
        "Our rule: a fall in the past year, unsteadiness, fear of falling, a walking aid, TUG over 12 s or a slow backward walk means supported-only: handrails and safety key (or a wall and someone nearby), and no incline.",
        "retrowalk design, from the fall-risk rows of EVIDENCE.md section 4.3";
    DESIGN_BLOCK = "design.six_week_block", Design, "5.3",
        "Our 6-week block: weeks 1-2 up to 10 minutes on rails at a slow speed; weeks 3-4 up to 15 minutes, small speed steps, light touch; weeks 5-6 up to 20 minutes, hands free and a small incline only if safe.",
        "retrowalk design, mirroring the trial dose (EVIDENCE.md section 5.3)";
    DESIGN_ADAPTATION = "design.adaptation_table", Design, "5.1",
        "Our rule: progress after pain of 2 or less, during and right after the session, that has settled by the next morning; repeat after pain of 3-5; step back after pain above 5 during or right after the session, or a next-morning rise of 2 or more; two step-backs in a row stop the programme.",
        "retrowalk design, from the pain-monitoring rows of EVIDENCE.md section 5.1";
    DESIGN_WEEKLY_CAP = "design.weekly_cap", Design, "5.2",
        "Our rule: retro minutes grow by at most 20% a week, and only one of time, speed, support or incline changes at a time.",
        "retrowalk design, from EVIDENCE.md section 5.2 guidance";
    DESIGN_GAP = "design.resume_after_gap", Design, "5.1",
        "Our rule: after a week or more without a session, resume at a lower dose.",
        "retrowalk design";
    DESIGN_PAUSE = "design.pause", Design, "4.2",
        "Our rule: while a red flag, a missing clearance or a stop stands, no backward-walking dose is shown anywhere; the walker is told why and what ends the pause.",
        "retrowalk design, from the red-flag rows of EVIDENCE.md section 4.2 and the adaptation table of section 5.1";
    DESIGN_RESTART = "design.clinician_restart", Design, "5.1",
        "Our rule: a programme stopped by a red flag or two step-backs restarts only when a clinician records a restart: who, their role, when, a note and the dose it restarts at.",
        "retrowalk design, from the adaptation table of EVIDENCE.md section 5.1";
    DESIGN_CLINICIAN_PAUSE = "design.clinician_pause", Design, "4.3",
        "Our rule: the care team can pause or end a walker's programme at any time with a note the walker reads; no backward-walking dose is shown until a clinician records a restart.",
        "retrowalk design, from the supervision rows of EVIDENCE.md section 4.3";
    DESIGN_SEVERE_PAIN = "design.severe_usual_pain", Design, "5.1",
        "Our rule: usual knee pain of 7/10 or more already sits in the high-risk zone before any exercise, so we suggest seeing a clinician before starting, and sessions start at the lowest step.",
        "retrowalk design, from the pain zones of EVIDENCE.md section 5.1";
    DESIGN_COMPLEMENT = "design.complement", Design, "7",
        "Our rule: retro walking always comes with strengthening, daily stretching and low-impact aerobic activity; it adds to them, never replaces them.",
        "retrowalk design, from EVIDENCE.md section 7";
}

/// Looks a row up by id.
pub fn find(id: &str) -> Option<&'static Evidence> {
    ALL.iter().find(|row| row.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique() {
        let mut seen = HashSet::new();
        for row in ALL {
            assert!(seen.insert(row.id), "duplicate evidence id {}", row.id);
        }
    }
}
