//! `retrowalk screen`: redo the screening; the outcome follows the new answers.

use super::{Output, emit, screening_prompts};
use crate::answers;
use crate::cli::{Global, ScreenArgs};
use crate::context;
use crate::error::CliResult;
use crate::prompt;
use crate::render;
use store::Store;

pub async fn run(g: &Global, args: &ScreenArgs) -> CliResult<Output> {
    let store = context::open(g).await?;
    let walker = context::walker_id(&store, g).await?;
    let before = store.latest_screening(walker).await?.map(|s| s.outcome);
    let answers = match &args.answers {
        Some(path) => answers::screening(&answers::read(path)?)?,
        None => screening_prompts::ask(&mut prompt::stdio())?,
    };
    let outcome = service::screen(&store, walker, &answers, jiff::Timestamp::now()).await?;
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
