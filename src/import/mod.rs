//! `byline import`: annotations from other tools into byline files.

use crate::cli::ImportArgs;

pub fn run(_args: &ImportArgs) -> anyhow::Result<u8> {
    anyhow::bail!("not yet")
}
