//! The readers on small files built here, one quirk each, and on bytes no
//! device would write: never a panic, always a clear error or a warning.

use formats::{CadenceUnit, Content, Format};
use proptest::prelude::*;

/// Builds FIT files message by message.
struct Fit {
    data: Vec<u8>,
}

const U8: u8 = 0x02;
const U16: u8 = 0x84;
const U32: u8 = 0x86;
const ENUM: u8 = 0x00;

impl Fit {
    fn new() -> Fit {
        Fit { data: Vec::new() }
    }

    fn define(mut self, local: u8, global: u16, fields: &[(u8, u8, u8)]) -> Fit {
        self.data.extend([0x40 | local, 0, 0]);
        self.data.extend(global.to_le_bytes());
        self.data.push(fields.len() as u8);
        for f in fields {
            self.data.extend([f.0, f.1, f.2]);
        }
        self
    }

    fn data(mut self, header: u8, bytes: &[u8]) -> Fit {
        self.data.push(header);
        self.data.extend_from_slice(bytes);
        self
    }

    fn file(&self) -> Vec<u8> {
        let mut f = vec![14, 0x20, 0x08, 0x08];
        f.extend((self.data.len() as u32).to_le_bytes());
        f.extend(b".FIT");
        f.extend([0, 0]);
        f.extend(&self.data);
        let crc = formats::fit::crc(&f);
        f.extend(crc.to_le_bytes());
        f
    }
}

const T0: u32 = 1_000_000_000; // 2021-09-08T01:46:40Z in FIT time; its low 5 bits are 0

fn le32(v: u32) -> [u8; 4] {
    v.to_le_bytes()
}

/// A walk: file_id, three records (the last two with compressed timestamps), one session.
fn walk() -> Fit {
    let mut session = Vec::new();
    session.extend(le32(T0)); // start_time
    session.extend(le32(600_000)); // elapsed 600 s
    session.extend(le32(540_000)); // timer 540 s
    session.extend(le32(50_000)); // 500 m
    session.extend([11, 0, 95, 110, 52, 64]); // walking, generic, HR 95/110, cadence 52 + 64/128
    Fit::new()
        .define(0, 0, &[(0, 1, ENUM), (1, 2, U16), (2, 2, U16)])
        .data(0, &[4, 1, 0, 0x10, 0x0B])
        .define(1, 20, &[(253, 4, U32), (3, 1, U8), (5, 4, U32)])
        .data(1, &[&le32(T0)[..], &[90], &le32(0)].concat())
        .define(2, 20, &[(3, 1, U8), (5, 4, U32)])
        .data(0x80 | (2 << 5) | ((T0 + 20) & 0x1F) as u8, &[&[100][..], &le32(1000)].concat())
        .data(0x80 | (2 << 5) | ((T0 + 45) & 0x1F) as u8, &[&[110][..], &le32(2000)].concat())
        .define(
            3,
            18,
            &[
                (2, 4, U32),
                (7, 4, U32),
                (8, 4, U32),
                (9, 4, U32),
                (5, 1, ENUM),
                (6, 1, ENUM),
                (16, 1, U8),
                (17, 1, U8),
                (18, 1, U8),
                (92, 1, U8),
            ],
        )
        .data(3, &session)
}

#[test]
fn a_fit_walk_reads_with_steps_per_minute() {
    let p = formats::read(&walk().file()).unwrap();
    assert_eq!((p.format, &p.content), (Format::Fit, &Content::Activities));
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert_eq!(p.details.points, 3);
    let a = &p.activities[0];
    assert_eq!((a.sport.as_str(), a.sub_sport.as_deref()), ("walking", Some("generic")));
    assert_eq!((a.elapsed_s, a.moving_s, a.distance_m), (Some(600.0), Some(540.0), Some(500.0)));
    assert_eq!(a.start.unwrap().to_string(), "2021-09-08T01:46:40Z");
    let c = a.cadence.unwrap();
    assert_eq!((c.value, c.unit), (105.0, CadenceUnit::StepsPerMin), "2 x (52 + 0.5) strides");
    assert_eq!(p.device.as_deref(), Some("garmin (product 2832)"));
}

#[test]
fn compressed_timestamps_roll_over_from_the_last_full_one() {
    let p = formats::read(&walk().file()).unwrap();
    let last = p.details.last_time.unwrap();
    assert_eq!(last.as_second() - p.details.first_time.unwrap().as_second(), 45, "20 s, then 25 s across a 32 s wrap");
}

#[test]
fn a_fit_file_cut_short_keeps_what_came_before_with_a_warning() {
    let full = walk().file();
    let cut = &full[..full.len() - 12];
    let p = formats::read(cut).unwrap();
    assert_eq!((p.details.points, p.details.sessions), (3, 0));
    assert!(p.warnings.iter().any(|w| w.message.contains("breaks off")), "{:?}", p.warnings);
    let a = &p.activities[0];
    assert!(!a.from_summary);
    assert_eq!((a.elapsed_s, a.distance_m, a.max_hr), (Some(45.0), Some(20.0), Some(110.0)));
}

#[test]
fn a_bad_crc_is_a_warning_and_chained_files_are_all_read() {
    let one = walk().file();
    let mut two = one.clone();
    two.extend(&one);
    let last = two.len() - 1;
    two[last] ^= 0xFF;
    let p = formats::read(&two).unwrap();
    assert_eq!((p.details.fit_headers, p.details.sessions), (2, 2));
    assert!(p.warnings.iter().any(|w| w.message.contains("CRC mismatch")), "{:?}", p.warnings);
}

#[test]
fn undefined_messages_and_non_activities_are_reported() {
    let f = Fit::new().define(0, 0, &[(0, 1, ENUM)]).data(0, &[4]).data(5, &[1, 2, 3]).file();
    let p = formats::read(&f).unwrap();
    assert!(p.warnings.iter().any(|w| w.message.contains("local message 5, which was never defined")));
    let settings = Fit::new().define(0, 0, &[(0, 1, ENUM)]).data(0, &[2]).file();
    let p = formats::read(&settings).unwrap();
    assert_eq!(p.content, Content::NotAnActivity { what: "a FIT settings file".into() });
    assert!(p.activities.is_empty());
    let err = formats::read(b"hello, this is not a workout").unwrap_err();
    assert!(err.message.contains("not a FIT, GPX or TCX file"), "{err}");
}

const GPX: &str = r#"﻿<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Test &amp; Co" xmlns="http://www.topografix.com/GPX/1/1"
     xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
 <trk><type>running</type><trkseg>
  <trkpt lat="46.0" lon="14.0"><ele>300</ele><time>2024-05-01T07:00:00Z</time>
   <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>120</gpxtpx:hr><gpxtpx:cad>80</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>
  <trkpt lat="46.001" lon="14.0"><ele>305</ele><time>2024-05-01T07:01:00Z</time>
   <extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>140</gpxtpx:hr><gpxtpx:cad>84</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>
 </trkseg><trkseg/></trk>
</gpx>"#;

#[test]
fn gpx_with_a_bom_extensions_and_an_empty_segment() {
    let p = formats::read(GPX.as_bytes()).unwrap();
    assert_eq!((p.format, p.device.as_deref()), (Format::Gpx, Some("Test & Co")));
    assert_eq!((p.details.tracks, p.details.segments, p.details.points), (1, 2, 2));
    let a = &p.activities[0];
    assert_eq!(a.sport, "running");
    assert!((a.distance_m.unwrap() - 111.3).abs() < 0.1, "{:?}", a.distance_m);
    assert_eq!((a.elapsed_s, a.moving_s), (Some(60.0), Some(60.0)));
    assert_eq!((a.avg_hr, a.max_hr), (Some(130.0), Some(140.0)));
    assert_eq!(a.cadence.unwrap().value, 164.0);
}

/// Regression (#11, defect 9): an untimed track was reported imported with
/// nothing in it. A drawn or planned route is not an activity.
#[test]
fn a_gpx_track_without_times_is_not_an_activity() {
    let untimed = r#"<gpx version="1.1" creator="Planner"><trk><name>Canal loop</name><trkseg>
<trkpt lat="46.0" lon="7.0"><ele>400</ele></trkpt><trkpt lat="46.001" lon="7.0"><ele>401</ele></trkpt>
</trkseg></trk></gpx>"#;
    let p = formats::read(untimed.as_bytes()).unwrap();
    assert!(p.activities.is_empty());
    assert_eq!(p.details.points, 2);
    match p.content {
        Content::NotAnActivity { what } => assert!(what.contains("no times"), "{what}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_gpx_cut_off_mid_point_keeps_the_points_before_with_a_warning() {
    // Cut in the middle of the second point's </ele> (the file starts with a BOM).
    let second = GPX.find("<trkpt lat=\"46.001\"").unwrap();
    let end_ele = second + GPX[second..].find("</ele>").unwrap();
    let p = formats::read(&GPX.as_bytes()[..end_ele + 3]).unwrap();
    assert_eq!(p.details.points, 1);
    assert_eq!(p.activities.len(), 1);
    let w = &p.warnings[0];
    assert_eq!(w.offset, Some(end_ele as u64), "the file offset of the unfinished tag: {w:?}");
    assert!(
        w.message.contains("stops inside <ele>") && w.message.contains("kept 1 track point from before the cut"),
        "{w:?}"
    );
}

#[test]
fn broken_xml_says_where() {
    let err = formats::read(b"<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"></trkseg></gpx>").unwrap_err();
    assert!(err.message.contains("not well-formed XML") && err.offset.is_some(), "{err}");
}

const TCX: &str = r#"<?xml version="1.0"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
 <Activities><Activity Sport="Running"><Id>2024-05-01T07:00:00Z</Id>
  <Lap StartTime="2024-05-01T07:00:00Z"><TotalTimeSeconds>100</TotalTimeSeconds><DistanceMeters>250</DistanceMeters><Calories>20</Calories>
   <Track>
    <Trackpoint><Time>2024-05-01T07:00:00Z</Time><Position><LatitudeDegrees>46</LatitudeDegrees><LongitudeDegrees>14</LongitudeDegrees></Position><HeartRateBpm><Value>100</Value></HeartRateBpm><Extensions><ns3:TPX><ns3:RunCadence>80</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>
    <Trackpoint><Time>2024-05-01T07:02:00Z</Time><HeartRateBpm><Value>120</Value></HeartRateBpm><Extensions><ns3:TPX><ns3:RunCadence>82</ns3:RunCadence></ns3:TPX></Extensions></Trackpoint>
   </Track></Lap>
 </Activity></Activities>
 <Author><Name>Some App</Name></Author>
</TrainingCenterDatabase>"#;

#[test]
fn tcx_laps_trackpoints_and_run_cadence() {
    let p = formats::read(TCX.as_bytes()).unwrap();
    assert_eq!(p.format, Format::Tcx);
    assert_eq!((p.details.laps, p.details.points, p.details.points_with_position), (1, 2, 1));
    let a = &p.activities[0];
    assert_eq!(
        (a.sport.as_str(), a.elapsed_s, a.moving_s, a.distance_m),
        ("running", Some(120.0), Some(100.0), Some(250.0))
    );
    assert_eq!((a.avg_hr, a.max_hr, a.calories), (Some(110.0), Some(120.0), Some(20.0)));
    assert_eq!(a.cadence.unwrap().value, 162.0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = formats::read(&bytes);
        let mut fit = b"\x0e\x20\x08\x08\x00\x00\x00\x00.FIT\x00\x00".to_vec();
        fit.extend(&bytes);
        let _ = formats::read(&fit);
    }

    #[test]
    fn a_damaged_fit_file_never_panics(at in 0usize..200, value in any::<u8>(), cut in 0usize..200) {
        let mut f = walk().file();
        let i = at % f.len();
        f[i] = value;
        f.truncate(f.len() - cut.min(f.len()));
        let _ = formats::read(&f);
    }

    /// A GPX file cut at any byte after its root element began keeps exactly
    /// the points completed before the cut, and warns unless it was complete.
    #[test]
    fn a_gpx_cut_anywhere_keeps_every_finished_point(cut in 0usize..2000) {
        let bytes = GPX.as_bytes();
        let cut = cut % (bytes.len() + 1);
        let prefix = &bytes[..cut];
        let root_open = memchr_end(prefix, b"xmlns:gpxtpx=");
        match formats::read(prefix) {
            Ok(p) => {
                prop_assert!(root_open, "read without a complete <gpx> start: {}", cut);
                let finished = prefix.windows(8).filter(|w| w == b"</trkpt>").count() as u32;
                prop_assert_eq!(p.details.points, finished);
                let complete = std::str::from_utf8(prefix).is_ok_and(|s| s.trim_end().ends_with("</gpx>"));
                prop_assert_eq!(p.warnings.is_empty(), complete, "{:?}", p.warnings);
            }
            Err(e) => prop_assert!(!root_open, "cut at {} after the root began: {}", cut, e),
        }
    }
}

/// Whether `hay` holds `needle` followed by the end of its tag.
fn memchr_end(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).position(|w| w == needle).is_some_and(|i| hay[i..].contains(&b'>'))
}

/// A GPX of `tracks`, each `(type, [(minutes after 2026-11-23T08:00Z, lat)])`;
/// a point without minutes has no time.
type Track<'a> = (&'a str, &'a [(Option<i64>, f64)]);

fn gpx_of(tracks: &[Track]) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">"#,
    );
    for (kind, points) in tracks {
        s.push_str(&format!("<trk><type>{kind}</type><trkseg>"));
        for (minutes, lat) in *points {
            s.push_str(&format!(r#"<trkpt lat="{lat}" lon="14.0">"#));
            if let Some(m) = minutes {
                let t = jiff::Timestamp::from_second(1_795_420_800 + m * 60).unwrap();
                s.push_str(&format!("<time>{}</time>", t.strftime("%Y-%m-%dT%H:%M:%SZ")));
            }
            s.push_str("</trkpt>");
        }
        s.push_str("</trkseg></trk>");
    }
    s + "</gpx>"
}

/// Regression (#11): two walks a day apart in one GPX became one 22-hour activity.
#[test]
fn gpx_tracks_hours_apart_are_separate_activities_and_close_ones_one() {
    let walk = |from: i64| [(Some(from), 46.0), (Some(from + 10), 46.004), (Some(from + 20), 46.008)];
    let (monday, tuesday) = (walk(0), walk(22 * 60));
    let p = formats::read(gpx_of(&[("walking", &monday), ("walking", &tuesday)]).as_bytes()).unwrap();
    assert_eq!(p.activities.len(), 2);
    assert!(p.activities.iter().all(|a| a.elapsed_s == Some(1200.0)), "{:?}", p.activities);
    assert_eq!(p.activities[1].start.unwrap().to_string(), "2026-11-24T06:00:00Z");
    // One outing saved as two tracks five minutes apart stays one activity.
    let (first, second) = (walk(0), walk(25));
    let p = formats::read(gpx_of(&[("walking", &first), ("walking", &second)]).as_bytes()).unwrap();
    assert_eq!(p.activities.len(), 1);
    assert_eq!(p.activities[0].elapsed_s, Some(45.0 * 60.0));
}

/// Regression (#11): a file mixing a drawn route (no times) with a recording
/// counts only the recording, and says what it left out.
#[test]
fn an_untimed_track_beside_a_recorded_one_is_left_out_with_a_warning() {
    let drawn = [(None, 45.0), (None, 45.5)];
    let walked = [(Some(0), 46.0), (Some(10), 46.004)];
    let p = formats::read(gpx_of(&[("walking", &drawn), ("walking", &walked)]).as_bytes()).unwrap();
    assert_eq!(p.activities.len(), 1);
    assert!(p.activities[0].distance_m.unwrap() < 1000.0, "the 55 km drawn route is not in it");
    assert!(p.details.track_totals.unwrap().0 > 50_000.0, "the file's own total keeps it");
    assert!(p.warnings.iter().any(|w| w.message.contains("1 track segment without times")), "{:?}", p.warnings);
}

const POLAR_RUN: &str = r#"<?xml version="1.0"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
<Activities><Activity Sport="Running"><Id>2026-11-23T08:00:00Z</Id>
<Lap StartTime="2026-11-23T08:00:00Z"><TotalTimeSeconds>120</TotalTimeSeconds><DistanceMeters>300</DistanceMeters><Calories>20</Calories>
<Track>
<Trackpoint><Time>2026-11-23T08:00:00Z</Time><DistanceMeters>0</DistanceMeters><Cadence>84</Cadence></Trackpoint>
<Trackpoint><Time>2026-11-23T08:02:00Z</Time><DistanceMeters>300</DistanceMeters><Cadence>86</Cadence></Trackpoint>
</Track></Lap></Activity></Activities>
<Creator><Name>Polar Vantage V2</Name></Creator></TrainingCenterDatabase>"#;

/// Regression (#11): Polar and Suunto write running cadence in the
/// trackpoint's Cadence (strides a minute); it landed in rpm.
#[test]
fn running_cadence_in_a_trackpoint_is_steps_per_minute() {
    let p = formats::read(POLAR_RUN.as_bytes()).unwrap();
    let c = p.activities[0].cadence.unwrap();
    assert_eq!((c.value, c.unit), (170.0, CadenceUnit::StepsPerMin));
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    // A ride's Cadence stays pedal revolutions.
    let ride = POLAR_RUN.replace("Sport=\"Running\"", "Sport=\"Biking\"");
    let c = formats::read(ride.as_bytes()).unwrap().activities[0].cadence.unwrap();
    assert_eq!((c.value, c.unit), (85.0, CadenceUnit::Rpm));
}

/// Regression (#11): lap totals that the trackpoints contradict, and times no
/// activity can have, were accepted without a word.
#[test]
fn laps_the_trackpoints_contradict_and_impossible_times_are_warned_about() {
    let far = POLAR_RUN
        .replace("<DistanceMeters>300</DistanceMeters><Calories>", "<DistanceMeters>500</DistanceMeters><Calories>");
    let p = formats::read(far.as_bytes()).unwrap();
    assert!(
        p.warnings.iter().any(|w| w.message.contains("laps add up to 500 m but the trackpoints reach 300 m")),
        "{:?}",
        p.warnings
    );
    let long = POLAR_RUN.replace("<TotalTimeSeconds>120<", "<TotalTimeSeconds>900<");
    let p = formats::read(long.as_bytes()).unwrap();
    let said: Vec<&str> = p.warnings.iter().map(|w| w.message.as_str()).collect();
    assert!(said.iter().any(|w| w.contains("laps add up to 900 s but the trackpoints span only 120 s")), "{said:?}");
    assert!(said.iter().any(|w| w.contains("moving time (900 s) is longer than its elapsed time (120 s)")), "{said:?}");
    // Within 5 %: no warning.
    let close = POLAR_RUN
        .replace("<DistanceMeters>300</DistanceMeters><Calories>", "<DistanceMeters>310</DistanceMeters><Calories>");
    assert!(formats::read(close.as_bytes()).unwrap().warnings.is_empty());
}

/// The walk with a session whose start field is missing (0xFFFFFFFF, FIT's "invalid").
fn walk_without_session_start() -> Vec<u8> {
    let mut f = walk().file();
    let start = le32(T0);
    // The session's start_time is the last occurrence of T0 in the file.
    let at = f.windows(4).rposition(|w| w == start).unwrap();
    f[at..at + 4].copy_from_slice(&[0xFF; 4]);
    let body = f.len() - 2;
    let crc = formats::fit::crc(&f[..body]);
    f[body..].copy_from_slice(&crc.to_le_bytes());
    f
}

/// Regression (#11): a FIT whose session lacks a start was imported with
/// nothing in it; the start now comes from its records.
#[test]
fn a_fit_session_without_a_start_takes_it_from_the_records() {
    let p = formats::read(&walk_without_session_start()).unwrap();
    let a = &p.activities[0];
    assert_eq!(a.start.unwrap().to_string(), "2021-09-08T01:46:40Z");
    assert_eq!(a.elapsed_s, Some(600.0));
    assert!(p.warnings.iter().any(|w| w.message.contains("no start time; it is taken from the first record")));
}
