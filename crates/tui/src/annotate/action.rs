//! What a key asks for on the annotation screen. Keys map to actions in the
//! keymap (`keys.toml`, `[keys.annotate]`); `update` applies them.

/// Reading: the cursor is a sentence.
pub const NORMAL: u8 = 1;
/// Growing a selection (after `select`, a search, or a word move).
pub const SELECT: u8 = 2;
/// The list of every claim (after `claims`).
pub const CLAIMS: u8 = 4;
const BOTH: u8 = NORMAL | SELECT;

crate::actions! {
    pub enum Action in "annotate", modes [NORMAL: "reading", SELECT: "selecting", CLAIMS: "claims list"] {
        NextSentence = "next_sentence", NORMAL, "next sentence (into the next paragraph at the end)";
        PrevSentence = "prev_sentence", NORMAL, "previous sentence";
        NextParagraph = "next_paragraph", NORMAL, "next paragraph";
        PrevParagraph = "prev_paragraph", NORMAL, "previous paragraph";
        FirstParagraph = "first_paragraph", NORMAL, "first paragraph";
        /// With a count typed before it (`14G`), that paragraph.
        LastParagraph = "last_paragraph", NORMAL, "last paragraph (14G: paragraph 14)";
        /// Grow from what is selected: the sentence, a search match, a
        /// suggestion, a claim.
        Select = "select", BOTH, "grow the selection from what is selected";
        GrowSentence = "grow_sentence", SELECT, "grow the selection by a sentence";
        ShrinkSentence = "shrink_sentence", SELECT, "shrink the selection by a sentence";
        /// Word moves adjust whatever is selected at once, no `select` first.
        GrowWord = "grow_word", BOTH, "move the selection's end one word on";
        ShrinkWord = "shrink_word", BOTH, "move the selection's end one word back";
        /// Move the selection's start one word on (to leave out a lead-in).
        StartWordRight = "start_word_right", BOTH, "move the selection's start one word on";
        StartWordLeft = "start_word_left", BOTH, "move the selection's start one word back";
        MarkSourced = "mark_sourced", BOTH, "mark sourced (then type the source)";
        MarkAnonymous = "mark_anonymous", BOTH, "mark anonymous (then describe the source)";
        MarkEditorial = "mark_editorial", BOTH, "mark editorial (the writer's own judgement)";
        EditNote = "edit_note", NORMAL, "edit the note of the claim under the cursor";
        /// Deletes a claim, or dismisses the suggestion the cursor is on.
        Delete = "delete", NORMAL, "delete the claim here, or dismiss the suggestion";
        Undo = "undo", NORMAL, "undo";
        Redo = "redo", NORMAL, "redo";
        NextClaim = "next_claim", NORMAL, "next claim";
        PrevClaim = "prev_claim", NORMAL, "previous claim";
        /// Go to the next claim marked `needs-review` (the article changed).
        NextNeedsReview = "next_needs_review", NORMAL, "next claim that needs review (⚠)";
        /// Put the claim that needs review on the selection.
        PlaceClaim = "place_claim", BOTH, "put the claim that needs review here";
        Search = "search", BOTH, "search; Enter selects the next match";
        /// The selection becomes the next suggested span.
        NextSuggestion = "next_suggestion", BOTH, "next suggestion (?)";
        PrevSuggestion = "prev_suggestion", BOTH, "previous suggestion";
        /// Marks the suggestion as suggested: its kind, its source, no prompt.
        AcceptSuggestion = "accept_suggestion", NORMAL, "accept the suggestion (kind and source as shown)";
        /// The article's figures, as `byline export` computes them.
        Summary = "summary", NORMAL, "summary: kinds, anonymity ratio, editorial density";
        Help = "help", NORMAL, "this help";
        /// `done` in the file; the article list shows it.
        ToggleDone = "toggle_done", NORMAL, "mark the article done (or not done again)";
        /// Every message of the session in full (the footer cuts long ones).
        Messages = "messages", NORMAL, "the last messages, in full";
        /// Every claim of the article, to filter, jump to, delete, annotate.
        Claims = "claims", NORMAL, "every claim: filter, go to, delete, note";
        /// Back to the sentence: a grown selection, a match, a suggestion.
        Cancel = "cancel", BOTH, "back to the sentence";
        Quit = "quit", BOTH, "quit (everything is already saved)";
        ClaimsNext = "claims_next", CLAIMS, "next claim in the list";
        ClaimsPrev = "claims_prev", CLAIMS, "previous claim in the list";
        ClaimsGo = "claims_go", CLAIMS, "go to the claim in the text";
        ClaimsDelete = "claims_delete", CLAIMS, "delete the claim";
        ClaimsNote = "claims_note", CLAIMS, "edit the claim's note";
        /// Type to filter by quote, source and note.
        ClaimsFilter = "claims_filter", CLAIMS, "filter by text as you type (quote, source, note)";
        ClaimsSourced = "claims_sourced", CLAIMS, "only sourced claims (again: all)";
        ClaimsAnonymous = "claims_anonymous", CLAIMS, "only anonymous claims (again: all)";
        ClaimsEditorial = "claims_editorial", CLAIMS, "only editorial claims (again: all)";
        ClaimsClose = "claims_close", CLAIMS, "close the list";
    }
}

impl Action {
    /// Whether a count typed before it repeats it (`5l`, `3j`, `2}`).
    pub fn repeats(self) -> bool {
        self.moves_selection_end()
            || matches!(
                self,
                Action::NextSentence
                    | Action::PrevSentence
                    | Action::NextParagraph
                    | Action::PrevParagraph
                    | Action::NextClaim
                    | Action::PrevClaim
                    | Action::NextSuggestion
                    | Action::PrevSuggestion
                    | Action::Undo
                    | Action::Redo
                    | Action::ClaimsNext
                    | Action::ClaimsPrev
            )
    }

    /// Whether it adjusts the selection, so a message about the selection
    /// (a search's "match 1 of 3 … l/h move its end") still holds after it.
    pub fn adjusts(self) -> bool {
        self == Action::Select || self.moves_selection_end()
    }

    /// Whether it moves an end of the selection by a sentence or a word.
    fn moves_selection_end(self) -> bool {
        matches!(
            self,
            Action::GrowSentence
                | Action::ShrinkSentence
                | Action::GrowWord
                | Action::ShrinkWord
                | Action::StartWordRight
                | Action::StartWordLeft
        )
    }

    /// The kind a mark action gives.
    pub fn kind(self) -> Option<byline_model::annotation::Kind> {
        use byline_model::annotation::Kind;
        match self {
            Action::MarkSourced => Some(Kind::Sourced),
            Action::MarkAnonymous => Some(Kind::Anonymous),
            Action::MarkEditorial => Some(Kind::Editorial),
            _ => None,
        }
    }
}
