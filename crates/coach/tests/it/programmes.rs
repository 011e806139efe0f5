//! Snapshots of the generated programmes of a few typical walkers: the days,
//! the complementary items and the best-case progression.

use crate::fixtures::*;
use coach::dates::add_days;
use coach::programme::Programme;
use coach::setup::{Day, Equipment};
use std::fmt::Write;

fn render(p: &Programme) -> String {
    let tl = coach::projection::ideal(p);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "surface {:?}, supported_only {}, retro days {:?}, aerobic days {:?}",
        p.limits.surface, p.limits.supported_only, p.retro_days, p.aerobic_days
    );
    for week in 1..=u32::from(p.setup.weeks) {
        let _ = writeln!(out, "week {week} (aerobic {} min planned)", p.aerobic_minutes_in_week(week));
        for i in 0..7 {
            let date = add_days(p.week_start(week), i);
            let items: Vec<&str> = p.items_on(date).iter().map(|i| i.exercise.id).collect();
            let retro = if p.is_retro_day(date) {
                let d = tl.in_force(date).unwrap();
                format!("RETRO {} [{}]", d.dose.unwrap().summary(week, p.limits.supported_only), d.rule)
            } else {
                String::from("-")
            };
            let _ = writeln!(out, "  {date} {:?}: {retro}; {}", coach::setup::Day::of(date), items.join(", "));
        }
    }
    out
}

#[test]
fn treadmill_walker_three_days() {
    insta::assert_snapshot!(render(&mon_wed_fri()));
}

#[test]
fn hallway_walker_with_fall_risk_and_a_bike() {
    let eq = Equipment { bike: true, ..Equipment::default() };
    insta::assert_snapshot!(render(&programme(eq, &[Day::Tue, Day::Thu, Day::Sat, Day::Sun], 2, true)));
}

#[test]
fn every_day_walker_with_pool() {
    let eq = Equipment { pool: true, ..treadmill() };
    insta::assert_snapshot!(render(&programme(eq, &Day::ALL, 1, false)));
}
