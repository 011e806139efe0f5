//! What happened: session logs, next-morning check-ins and clinician overrides.

use crate::dose::{Dose, Support, Surface};
use crate::{InputError, Pain};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A symptom that stops the programme at once (EVIDENCE §5.1, last row).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Symptom {
    NewSwelling,
    KneeLocked,
    KneeGaveWay,
    HotKneeOrFever,
    CalfPainSwelling,
    ChestPainOrFaint,
    Fell,
}

crate::named!(Symptom, "symptom", "a known symptom", {
    NewSwelling => "new_swelling",
    KneeLocked => "knee_locked",
    KneeGaveWay => "knee_gave_way",
    HotKneeOrFever => "hot_knee_or_fever",
    CalfPainSwelling => "calf_pain_swelling",
    ChestPainOrFaint => "chest_pain_or_faint",
    Fell => "fell",
});

impl Symptom {
    /// The symptom as the walker reported it, inside a sentence.
    pub fn reported(self) -> &'static str {
        match self {
            Symptom::NewSwelling => "new swelling of the knee",
            Symptom::KneeLocked => "the knee locked or got stuck",
            Symptom::KneeGaveWay => "the knee gave way",
            Symptom::HotKneeOrFever => "a hot, red knee or a fever",
            Symptom::CalfPainSwelling => "calf pain, swelling or warmth",
            Symptom::ChestPainOrFaint => "chest pain, dizziness or fainting",
            Symptom::Fell => "a fall",
        }
    }

    /// How the symptom is asked about, in plain words.
    pub fn label(self) -> &'static str {
        match self {
            Symptom::NewSwelling => "New swelling of the knee",
            Symptom::KneeLocked => "The knee locked or got stuck",
            Symptom::KneeGaveWay => "The knee gave way",
            Symptom::HotKneeOrFever => "Hot, red knee or a fever",
            Symptom::CalfPainSwelling => "Calf pain, swelling or warmth",
            Symptom::ChestPainOrFaint => "Chest pain, dizziness or fainting",
            Symptom::Fell => "I fell",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionLog {
    /// Local date of the session in the walker's time zone.
    pub date: Date,
    /// Minutes of backward walking actually done.
    pub minutes: u8,
    pub bouts: u8,
    /// Belt speed in tenths of km/h, when on a treadmill.
    pub speed_tenths: Option<u16>,
    pub incline_pct: u8,
    pub support: Support,
    pub surface: Surface,
    pub pain_before: Pain,
    pub pain_peak: Pain,
    pub pain_after: Pain,
    /// Effort on the 0-10 scale, if given.
    pub rpe: Option<u8>,
    #[serde(default)]
    pub symptoms: Vec<Symptom>,
    #[serde(default)]
    pub notes: String,
}

pub const MAX_NOTE_CHARS: usize = 2000;

impl SessionLog {
    pub fn validate(&self) -> Result<(), InputError> {
        if !(1..=120).contains(&self.minutes) {
            return Err(InputError::new(
                "minutes",
                format!("minutes of backward walking must be 1 to 120; got {}", self.minutes),
            )
            .because(crate::Code::OutOfRange));
        }
        if !(1..=30).contains(&self.bouts) {
            return Err(InputError::new("bouts", format!("bouts must be 1 to 30; got {}", self.bouts))
                .because(crate::Code::OutOfRange));
        }
        if self.bouts > self.minutes {
            return Err(
                InputError::new("bouts", "there cannot be more bouts than minutes").because(crate::Code::Inconsistent)
            );
        }
        if let Some(s) = self.speed_tenths.filter(|s| !(1..=80).contains(s)) {
            return Err(InputError::new(
                "speed",
                format!("speed must be 0.1 to 8.0 km/h; got {}", crate::text::kmh(s)),
            )
            .because(crate::Code::OutOfRange));
        }
        if self.incline_pct > 15 {
            return Err(InputError::new("incline", format!("incline must be 0 to 15 %; got {}", self.incline_pct))
                .because(crate::Code::OutOfRange));
        }
        if let Some(r) = self.rpe.filter(|r| *r > 10) {
            return Err(
                InputError::new("rpe", format!("effort is rated 0 to 10; got {r}")).because(crate::Code::OutOfRange)
            );
        }
        if self.notes.chars().count() > MAX_NOTE_CHARS {
            return Err(InputError::new("notes", format!("notes are limited to {MAX_NOTE_CHARS} characters"))
                .because(crate::Code::TooLong));
        }
        crate::text::check_text("notes", &self.notes)?;
        Ok(())
    }
}

/// Pain the morning after a session, and any symptoms since.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckIn {
    /// The session this check-in follows.
    pub session_date: Date,
    pub date: Date,
    pub pain: Pain,
    #[serde(default)]
    pub symptoms: Vec<Symptom>,
    /// When it was recorded, where known: a red flag recorded after a
    /// restart was signed is never lifted by it (`adaptation::replay`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recorded_at: Option<jiff::Timestamp>,
}

/// What a clinician's entry does: change the dose of a running programme,
/// restart a stopped one, or pause or end one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OverrideKind {
    #[default]
    Dose,
    /// A recorded restart after a stop (red flag or two step-backs): the
    /// clinician's clearance to walk backwards again, at the dose given.
    Restart,
    /// The care team paused the programme: no dose until they restart it.
    Pause,
    /// The care team ended the programme (discharged, or no longer right for
    /// the walker): no dose, unless they restart it one day.
    End,
}

crate::named!(OverrideKind, "kind", "a known kind", {
    Dose => "dose",
    Restart => "restart",
    Pause => "pause",
    End => "end",
});

impl OverrideKind {
    /// A pause or an end: it stops the programme rather than giving a dose.
    pub fn stops(self) -> bool {
        matches!(self, OverrideKind::Pause | OverrideKind::End)
    }
}

impl History {
    /// The day a care team's pause or end recorded on `today` takes effect:
    /// today, or tomorrow when a restart is dated tomorrow (a restart signed
    /// on the day of a stopping session starts the next day), so that the
    /// pause comes after it and stands. (Restarts are signed for today or
    /// tomorrow; one dated later is not waited for.)
    pub fn stop_effective(&self, today: Date) -> Date {
        let tomorrow = crate::dates::add_days(today, 1);
        let restart_tomorrow =
            self.overrides.iter().any(|o| o.kind == OverrideKind::Restart && o.effective == tomorrow);
        if restart_tomorrow { tomorrow } else { today }
    }

    /// The day a check-in's red flag stops the programme from: its own day,
    /// or, when it was recorded after a restart was signed that starts within
    /// two days after it, that restart's day (and after it, in the replay): a
    /// restart never lifts a red flag reported after it was signed. A restart
    /// starts at most a day after it is signed, and a check-in is dated at most
    /// a day or two before it is recorded, so the window is two days; where
    /// either time is unknown, its own day.
    pub fn flag_day(&self, c: &CheckIn) -> Date {
        let window = crate::dates::add_days(c.date, 2);
        self.overrides
            .iter()
            .filter(|o| o.kind == OverrideKind::Restart && o.effective > c.date && o.effective <= window)
            .filter(|o| matches!((o.signed_at, c.recorded_at), (Some(signed), Some(recorded)) if recorded > signed))
            .map(|o| o.effective)
            .max()
            .unwrap_or(c.date)
    }

    /// The day a restart signed on `today`, lifting a stop in force since
    /// `since`, takes effect: the later of the two, or the day after it when
    /// a check-in reported a red flag that day. Such a flag sorts after a
    /// clinician's restart of its day (the order within a day is not kept, so
    /// the stop wins), and a restart signed after reading it would otherwise
    /// be overtaken by the very stop it lifts. Every check-in in the history
    /// was recorded before the restart is signed.
    pub fn restart_effective(&self, since: Date, today: Date) -> Date {
        let day = since.max(today);
        let flagged = self.checkins.iter().any(|c| !c.symptoms.is_empty() && self.flag_day(c) == day);
        if flagged { crate::dates::add_days(day, 1) } else { day }
    }
}

/// A clinician's dose, which wins over the coach from `effective` on, until
/// the next logged session is decided on; or their pause or end, which stops
/// the programme until a restart (its `dose` is the one in force when it was
/// recorded, kept for the record and never shown as a dose).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Override {
    pub effective: Date,
    pub dose: Dose,
    pub by: String,
    /// Why, in words the walker reads; for a restart, the clinician's note.
    pub reason: String,
    #[serde(default)]
    pub kind: OverrideKind,
    /// The clinician's role (physiotherapist, GP, …); always given for a restart.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// When the clinician signed it, for a restart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_at: Option<jiff::Timestamp>,
    /// The clinician's account and clinic, when they signed it in retrowalk
    /// (clinic mode); `None` when a name was typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<Signer>,
}

/// A clinician who signed in retrowalk itself: their account and the clinic
/// they signed for. What they signed also names them in words (`by`, `role`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    pub account: i64,
    pub clinic: i64,
}

impl Override {
    /// A plain dose override (not a restart).
    pub fn new(effective: Date, dose: Dose, by: &str, reason: &str) -> Override {
        Override {
            effective,
            dose,
            by: by.into(),
            reason: reason.into(),
            kind: OverrideKind::Dose,
            role: String::new(),
            signed_at: None,
            signer: None,
        }
    }

    pub fn validate(&self) -> Result<(), InputError> {
        crate::text::check_line("by", &self.by)?;
        crate::text::check_line("role", &self.role)?;
        crate::text::check_text("reason", &self.reason)?;
        if self.by.trim().is_empty() {
            let what = match self.kind {
                OverrideKind::Dose => "an override names the clinician who made it",
                OverrideKind::Restart => "by: name the clinician who restarts the programme",
                OverrideKind::Pause | OverrideKind::End => "by: name the clinician who stops the programme",
            };
            return Err(InputError::new("by", what));
        }
        match self.kind {
            OverrideKind::Dose if self.reason.trim().is_empty() => {
                Err(InputError::new("reason", "an override needs a reason the walker can read")
                    .because(crate::Code::Required)
                    .said("refusal.override_reason", &[]))
            }
            OverrideKind::Pause | OverrideKind::End if self.reason.trim().is_empty() => {
                Err(InputError::new("note", "say why, in words the walker reads").because(crate::Code::Required))
            }
            OverrideKind::Restart if self.role.trim().is_empty() => {
                Err(InputError::new("role", "a restart names the clinician's role (physiotherapist, GP, …)")
                    .because(crate::Code::Required))
            }
            _ => Ok(()),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub logs: Vec<SessionLog>,
    pub checkins: Vec<CheckIn>,
    pub overrides: Vec<Override>,
}

impl History {
    /// The latest day something was logged or checked in.
    pub fn last_day(&self) -> Option<Date> {
        self.logs.iter().map(|l| l.date).chain(self.checkins.iter().map(|c| c.date)).max()
    }

    pub fn checkin_for(&self, session_date: Date) -> Option<&CheckIn> {
        self.checkins.iter().rev().find(|c| c.session_date == session_date)
    }

    pub fn log_on(&self, date: Date) -> Option<&SessionLog> {
        self.logs.iter().find(|l| l.date == date)
    }

    /// The session a check-in on `date` refers to: the latest one in the two
    /// days before it.
    pub fn session_for_checkin(&self, date: Date) -> Option<&SessionLog> {
        self.logs
            .iter()
            .filter(|l| l.date < date && crate::dates::days_between(l.date, date) <= 2)
            .max_by_key(|l| l.date)
    }
}
