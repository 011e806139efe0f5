//! Importing files from watches and treadmills: each file is read, its
//! activities placed in the programme, and written in a transaction of its
//! own. The same file twice is reported, not duplicated. A walk matched to a
//! planned backward-walking day waits for the walker to say whether it was
//! backward; if so it becomes that day's session, with the pain fields.

use crate::{LogInput, Logged, ServiceError, ServiceResult, State, prepare_log};
use coach::imports::{Fit, Imported};
use jiff::Timestamp;
use serde::Serialize;
use sha2::{Digest, Sha256};
use store::{ImportRecord, Store, StoredActivity};

/// What became of one file.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum FileOutcome {
    Imported {
        file: String,
        format: String,
        activities: Vec<Imported>,
        /// The file reader's warnings, in its own (English) words.
        warnings: Vec<String>,
        /// The sport of each activity left out for want of a start time.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        left_out: Vec<String>,
    },
    AlreadyImported {
        file: String,
        first_imported_as: String,
        on: Timestamp,
    },
    NotAnActivity {
        file: String,
        format: String,
        /// What the file is instead, in the file reader's words, or [`UNTIMED`].
        what: String,
        warnings: Vec<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        left_out: Vec<String>,
    },
    Failed {
        file: String,
        /// Why, when the file's reader could not read it: said in the
        /// reader's language, with `error` (its technical account) after.
        #[serde(skip_serializing_if = "Option::is_none")]
        reason: Option<formats::Unreadable>,
        error: String,
    },
}

/// What a file is when it holds activities none of which has a start time:
/// nothing the walker did on a day (said in the reader's language).
pub const UNTIMED: &str = "no activity in it has a start time";

impl FileOutcome {
    /// One line for a person, in their language (the format's name and the
    /// device's own activity text stay as they are; a file reader's
    /// technical account follows on a line of its own).
    pub fn said(&self, l: &words::I18n) -> String {
        let warned = |mut line: String, warnings: &[String], left_out: &[String]| {
            for sport in left_out {
                let sport = words::coach_words::sport(l, sport).0;
                line.push_str(&format!("\n    {}", l.ta("import.line.left_out", &[("sport", &sport)])));
            }
            for w in warnings {
                line.push_str(&format!("\n    {}", l.ta("import.line.warning", &[("text", w)])));
            }
            line
        };
        match self {
            FileOutcome::Imported { file, format, activities, warnings, left_out } => {
                let n = activities.len().to_string();
                let key = if activities.len() == 1 { "import.line.imported_one" } else { "import.line.imported" };
                let mut s = l.ta(key, &[("file", file), ("format", format), ("n", &n)]);
                for a in activities {
                    s.push_str(&format!("\n    {}", words::coach_words::activity_summary(l, a)));
                }
                warned(s, warnings, left_out)
            }
            FileOutcome::AlreadyImported { file, first_imported_as, on } => {
                let on = l.date(&on.to_zoned_datetime(jiff::tz::TimeZone::UTC).date());
                l.ta("import.line.already", &[("file", file), ("as", first_imported_as), ("on", &on)])
            }
            FileOutcome::NotAnActivity { file, format, what, warnings, left_out } => {
                let what = if what == UNTIMED { l.t("import.line.untimed") } else { what };
                // A skipped point can be why a track came out empty: the warnings say so.
                warned(
                    l.ta("import.line.not_activity", &[("file", file), ("what", what), ("format", format)]),
                    warnings,
                    left_out,
                )
            }
            FileOutcome::Failed { file, reason: None, error } => {
                l.ta("import.line.not_imported", &[("file", file), ("error", error)])
            }
            FileOutcome::Failed { file, reason: Some(why), error } => {
                let said = l.t(match why {
                    formats::Unreadable::Empty => "import.unreadable.empty",
                    formats::Unreadable::UnknownFormat => "import.unreadable.unknown_format",
                    formats::Unreadable::Damaged => "import.unreadable.damaged",
                });
                let line = l.ta("import.line.not_imported", &[("file", file), ("error", said)]);
                match why {
                    // Nothing more to say of an empty file.
                    formats::Unreadable::Empty => line,
                    _ => format!("{line}\n    {}", l.ta("import.line.technical", &[("text", error)])),
                }
            }
        }
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The walker's terms for a read activity: local date and time, minutes,
/// cadence in steps for foot sports. `None` without a start time.
fn imported(a: &formats::Activity, device: Option<&str>, tz: &jiff::tz::TimeZone) -> Option<Imported> {
    let start = a.start?;
    let local = tz.to_datetime(start);
    let (spm, rpm) = match a.cadence {
        Some(c) if c.unit == formats::CadenceUnit::StepsPerMin => (Some(c.value), None),
        Some(c) => (None, Some(c.value)),
        None => (None, None),
    };
    Some(Imported {
        start,
        local_date: local.date(),
        local_time: local.strftime("%H:%M").to_string(),
        sport: a.sport.clone(),
        sub_sport: a.sub_sport.clone(),
        elapsed_s: a.elapsed_s,
        moving_s: a.moving_s,
        distance_m: a.distance_m,
        avg_hr: a.avg_hr,
        max_hr: a.max_hr,
        cadence_spm: spm,
        cadence_rpm: rpm,
        calories: a.calories.map(f64::round),
        ascent_m: a.ascent_m,
        device: device.map(str::to_string),
        fit: Fit::Extra,
        backward: None,
    })
}

/// The largest activity file read, on the web and through the API alike. A
/// day-long FIT recording with a point a second is a few megabytes; 16 MB
/// leaves room and keeps the server within its memory budget plus one file.
pub const FILE_LIMIT: usize = 16 * 1024 * 1024;

/// Files imported together: the walker's state is read once, and each file is
/// placed against what the files before it claimed (one planned session a
/// day), dry run or not. Reloading the state per file made a 460-file import
/// twice as slow as the history grew.
pub struct ImportBatch<'a> {
    state: &'a State,
    /// Days whose planned session an import already waits on.
    claimed: Vec<jiff::civil::Date>,
    tz: jiff::tz::TimeZone,
}

impl<'a> ImportBatch<'a> {
    pub fn new(state: &'a State) -> ImportBatch<'a> {
        let claimed = coach::imports::waiting_days(state.activities.iter().map(|s| &s.activity));
        let tz = jiff::tz::TimeZone::get(&state.walker.time_zone).unwrap_or(jiff::tz::TimeZone::UTC);
        ImportBatch { state, claimed, tz }
    }

    /// Reads one file and, unless `dry_run`, writes it. A file that cannot be
    /// read is a `Failed` outcome, not an error: the next file still goes in.
    pub async fn import_file<S: Store>(
        &mut self,
        store: &S,
        file: &str,
        bytes: &[u8],
        dry_run: bool,
        now: Timestamp,
    ) -> ServiceResult<FileOutcome> {
        let state = self.state;
        // A device's file name is kept as given, but control characters (a NUL,
        // which PostgreSQL cannot store) become U+FFFD on both backends.
        let file: &str = &file.chars().map(|c| if c.is_control() { '\u{FFFD}' } else { c }).collect::<String>();
        let sha = sha256_hex(bytes);
        if let Some(earlier) = store.import_by_hash(state.walker.id, &sha).await? {
            return Ok(FileOutcome::AlreadyImported {
                file: file.into(),
                first_imported_as: earlier.file_name,
                on: earlier.imported_at,
            });
        }
        let parsed = match formats::read(bytes) {
            Ok(p) => p,
            Err(e) => return Ok(FileOutcome::Failed { file: file.into(), reason: Some(e.kind), error: e.to_string() }),
        };
        let format = parsed.format.name().to_lowercase();
        let warnings: Vec<String> = parsed
            .warnings
            .iter()
            .map(|w| match w.offset {
                Some(o) => format!("{} (at byte {o})", w.message),
                None => w.message.clone(),
            })
            .collect();
        let (mut activities, mut left_out) = (Vec::new(), Vec::new());
        for a in &parsed.activities {
            match imported(a, parsed.device.as_deref(), &self.tz) {
                Some(i) => activities.push(i),
                None => left_out.push(a.sport.clone()),
            }
        }
        // Activities the reader found, none of which can be placed in time,
        // are nothing the walker did on a day: say so instead of "imported".
        let content = match &parsed.content {
            formats::Content::Activities if activities.is_empty() => {
                formats::Content::NotAnActivity { what: UNTIMED.into() }
            }
            other => other.clone(),
        };
        // The batch's claims are tentative until written: a dry run places
        // later files as if the earlier ones had gone in.
        let mut claimed = self.claimed.clone();
        coach::imports::place_all(&mut activities, &state.programme, &state.history, &mut claimed);
        let outcome = match &content {
            formats::Content::NotAnActivity { what } => FileOutcome::NotAnActivity {
                file: file.into(),
                format: format.clone(),
                what: what.clone(),
                warnings: warnings.clone(),
                left_out: left_out.clone(),
            },
            formats::Content::Activities => FileOutcome::Imported {
                file: file.into(),
                format: format.clone(),
                activities: activities.clone(),
                warnings: warnings.clone(),
                left_out: left_out.clone(),
            },
        };
        if !dry_run {
            let content = match &content {
                formats::Content::Activities => "activities".to_string(),
                formats::Content::NotAnActivity { what } => what.clone(),
            };
            // The record keeps every note in English, as it kept them before
            // the activities left out were said apart.
            let english = words::I18n::english();
            let mut warnings = warnings;
            warnings.extend(left_out.iter().map(|s| english.ta("import.line.left_out", &[("sport", s)])));
            let record =
                ImportRecord { sha256: sha, file_name: file.into(), format, content, warnings, imported_at: now };
            match store.save_import(state.walker.id, &record, &activities).await {
                Ok(()) => {}
                // Imported by someone else between the check and the write.
                Err(store::StoreError::Duplicate(_)) => {
                    return Ok(FileOutcome::AlreadyImported {
                        file: file.into(),
                        first_imported_as: file.into(),
                        on: now,
                    });
                }
                Err(e) => return Err(e.into()),
            }
        }
        self.claimed = claimed;
        Ok(outcome)
    }
}

/// The walker's answer about an imported walk matched to a planned session.
/// For a backward walk, `session` holds what only the walker knows (pains,
/// effort, symptoms, notes); the date, minutes and speed come from the device.
#[derive(Clone, Debug, Default)]
pub struct Confirmation {
    pub backward: bool,
    pub session: LogInput,
}

/// Records whether the walk was backward. Backward: it becomes the day's
/// session (minutes and speed from the device, pains from the walker) with the
/// coach's decision, in one transaction. Not backward: it counts as aerobic.
pub async fn confirm_activity<S: Store>(
    store: &S,
    state: &State,
    id: i64,
    answer: Confirmation,
    words: &words::I18n,
    now: Timestamp,
) -> ServiceResult<Option<Logged>> {
    let mut stored: StoredActivity = state
        .activities
        .iter()
        .find(|a| a.id == id)
        .cloned()
        .ok_or_else(|| ServiceError::NotFound(format!("imported activity {id} not found")))?;
    if stored.activity.fit != Fit::PlannedSession {
        return Err(ServiceError::input(format!(
            "activity {id} is not matched to a backward-walking session ({})",
            stored.activity.summary()
        )));
    }
    if stored.activity.backward.is_some() {
        return Err(ServiceError::refused(coach::Code::AlreadyDone, format!("activity {id} was already confirmed"))
            .said("refusal.activity_confirmed", &[]));
    }
    stored.activity.backward = Some(answer.backward);
    if !answer.backward {
        store.confirm_activity(state.walker.id, &stored, None, None, now).await.map_err(ServiceError::raced)?;
        return Ok(None);
    }
    let a = &stored.activity;
    let mut input = answer.session;
    input.date = Some(a.local_date);
    input.minutes = Some(u8::try_from(a.minutes()).unwrap_or(u8::MAX));
    input.speed_tenths = a.speed_tenths();
    if input.notes.trim().is_empty() {
        // The walker's note, written for them in their language.
        let file = stored.file_name.rsplit('/').next().unwrap_or(&stored.file_name);
        input.notes = words.ta("import.imported_from", &[("file", file)]);
    }
    let logged = prepare_log(state, input)?;
    store
        .confirm_activity(
            state.walker.id,
            &stored,
            Some((state.record.id, &logged.logged, &logged.decision)),
            logged.rescreen(),
            now,
        )
        .await
        .map_err(ServiceError::raced)?;
    Ok(Some(logged))
}
