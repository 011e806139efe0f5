//! The readers on small files built here, one quirk each, and on bytes no
//! device would write: never a panic, always a clear error or a warning.

#![allow(clippy::unwrap_used, clippy::expect_used)]

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
