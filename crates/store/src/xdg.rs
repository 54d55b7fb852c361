//! The user's folders as the XDG base directory rules name them.

use std::path::PathBuf;

/// `$var`, else `$HOME/<under_home>`; a variable set to nothing counts as
/// unset. `None` when neither is set.
pub fn base_dir(var: &str, under_home: &str) -> Option<PathBuf> {
    let non_empty = |v: std::ffi::OsString| (!v.is_empty()).then(|| PathBuf::from(v));
    std::env::var_os(var).and_then(non_empty).or_else(|| {
        std::env::var_os("HOME")
            .and_then(non_empty)
            .map(|h| h.join(under_home))
    })
}
