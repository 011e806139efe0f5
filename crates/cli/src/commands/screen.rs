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
        let mut s = render::outcome(&outcome);
        if let Some(before) = before {
            if before.status != outcome.status {
                s.push_str(&format!("Changed from {} to {}.\n", before.status.label(), outcome.status.label()));
            }
            if outcome.fall_risk && !before.fall_risk {
                s.push_str(
                    "From now on every session is supported-only: rails or a wall, no incline, never hands-free.\n",
                );
            }
        }
        s
    })
}
