//! What a key asks for on the adjudication screen. Keys map to actions in
//! the keymap (`keys.toml`, `[keys.adjudicate]`); `update` applies them.

pub const NORMAL: u8 = 1;

crate::actions! {
    pub enum Action in "adjudicate", modes [NORMAL: "adjudicating"] {
        NextDispute = "next_disagreement", NORMAL, "next undecided disagreement (any, once all are decided)";
        PrevDispute = "prev_disagreement", NORMAL, "previous undecided disagreement (any, once all are decided)";
        NextAny = "next_any", NORMAL, "next disagreement, decided or not";
        PrevAny = "prev_any", NORMAL, "previous disagreement, decided or not";
        NextVersion = "next_version", NORMAL, "next annotator's version";
        PrevVersion = "prev_version", NORMAL, "previous annotator's version";
        /// The version under the cursor goes to gold.
        Take = "take", NORMAL, "take the version under the cursor";
        Take1 = "take_1", NORMAL, "take annotator 1's version";
        Take2 = "take_2", NORMAL, "take annotator 2's version";
        Take3 = "take_3", NORMAL, "take annotator 3's version";
        Take4 = "take_4", NORMAL, "take annotator 4's version";
        Take5 = "take_5", NORMAL, "take annotator 5's version";
        Take6 = "take_6", NORMAL, "take annotator 6's version";
        Take7 = "take_7", NORMAL, "take annotator 7's version";
        Take8 = "take_8", NORMAL, "take annotator 8's version";
        Take9 = "take_9", NORMAL, "take annotator 9's version";
        Merge = "merge", NORMAL, "merge the spans of the versions of the cursor's kind";
        Reject = "reject", NORMAL, "reject: nothing goes to gold";
        Edit = "edit", NORMAL, "edit the version under the cursor (kind, source, note), then take it";
        Undo = "undo", NORMAL, "undo the last decision";
        Save = "save", NORMAL, "save now (decisions are saved as you go)";
        Help = "help", NORMAL, "this help";
        Messages = "messages", NORMAL, "the last messages, in full";
        Quit = "quit", NORMAL, "quit (saves)";
    }
}

impl Action {
    /// The action that takes annotator `n`'s version (1-based; 1–9).
    pub fn take(n: usize) -> Action {
        use Action::*;
        [
            Take1, Take2, Take3, Take4, Take5, Take6, Take7, Take8, Take9,
        ][n.clamp(1, 9) - 1]
    }

    /// The annotator (0-based) a take-by-number action names.
    pub fn annotator(self) -> Option<usize> {
        use Action::*;
        [
            Take1, Take2, Take3, Take4, Take5, Take6, Take7, Take8, Take9,
        ]
        .iter()
        .position(|a| *a == self)
    }
}

/// Shown in the footer, in this order, where the screen has room.
pub const HINTS: &[(Action, &str)] = &[
    (Action::NextDispute, "next"),
    (Action::NextVersion, "version"),
    (Action::Take, "take"),
    (Action::Merge, "merge"),
    (Action::Reject, "reject"),
    (Action::Edit, "edit"),
    (Action::Undo, "undo"),
    (Action::Help, "help"),
    (Action::Quit, "quit"),
];

/// The compact footer: groups of keys with one word each.
pub const COMPACT: &[(&[Action], &str)] = &[
    (&[Action::Take1, Action::Take], "take"),
    (&[Action::Merge], "merge"),
    (&[Action::Reject], "reject"),
    (&[Action::Edit], "edit"),
    (&[Action::NextDispute, Action::PrevDispute], "move"),
    (&[Action::Help], "help"),
];
