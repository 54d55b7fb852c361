//! What drawing needs besides the screen: the theme and the merged keys.

use crate::keys::Keymaps;
use crate::theme::Theme;
use crate::widgets::help::Look;

pub struct Ui<'a> {
    pub theme: &'a Theme,
    pub keys: &'a Keymaps,
}

impl Ui<'_> {
    /// What the shared overlays need: colours and the overlay keys.
    pub fn look(&self) -> Look<'_> {
        Look {
            theme: self.theme,
            keys: &self.keys.help,
        }
    }
}
