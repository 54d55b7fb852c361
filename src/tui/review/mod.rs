//! `byline review`: a colleague's claims over the text, read-only.

use crate::cli::ReviewArgs;

pub fn review(_args: &ReviewArgs) -> anyhow::Result<u8> {
    anyhow::bail!("review is not built yet")
}
