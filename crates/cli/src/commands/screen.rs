//! `retrowalk screen`: redo the screening; the outcome follows the new answers.

use super::{Output, emit, screening_prompts};
use crate::answers;
use crate::cli::{Global, ScreenArgs};
use crate::context;
use crate::error::CliResult;
use crate::prompt;
use crate::render;

pub async fn run(g: &Global, args: &ScreenArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    let access = context::access(&store, g).await?;
    let before = service::latest_screening(&store, access).await?.map(|s| s.outcome);
    let answers = match &args.answers {
        Some(path) => answers::screening(&answers::read(path)?)?,
        None => screening_prompts::ask(&mut prompt::stdio())?,
    };
    let outcome = service::screen(&store, access, &answers, jiff::Timestamp::now()).await?;
    emit(g.json, &outcome, || {
        let l = render::terminal();
        let mut s = render::outcome(&outcome);
        if let Some(before) = before {
            if before.status != outcome.status {
                let name = |o: &coach::screening::Outcome| words::coach_words::screen_status(&l, o.status).0;
                s.push_str(&l.ta("cli.screen.changed", &[("before", &name(&before)), ("now", &name(&outcome))]));
                s.push('\n');
            }
            if outcome.fall_risk && !before.fall_risk {
                s.push_str(l.t("cli.screen.supported_from_now"));
                s.push('\n');
            }
        }
        s
    })
}
