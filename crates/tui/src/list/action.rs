//! What a key asks for on the article list. Keys map to actions in the
//! keymap (`keys.toml`, `[keys.list]`).

/// Browsing the list.
pub const NORMAL: u8 = 1;

crate::actions! {
    pub enum Action in "list", modes [NORMAL: "article list"] {
        Next = "next", NORMAL, "next article";
        Prev = "prev", NORMAL, "previous article";
        PageDown = "page_down", NORMAL, "a screen down";
        PageUp = "page_up", NORMAL, "a screen up";
        First = "first", NORMAL, "first article";
        Last = "last", NORMAL, "last article";
        Open = "open", NORMAL, "open the article (quitting it comes back here)";
        /// Narrows the list as you type: title, outlet or path.
        Filter = "filter", NORMAL, "filter by title, outlet or path as you type";
        ClearFilter = "clear_filter", NORMAL, "clear the filter";
        Sort = "sort", NORMAL, "sort by path, or by progress (least done first)";
        Help = "help", NORMAL, "this help";
        Quit = "quit", NORMAL, "quit (everything is already saved)";
    }
}
