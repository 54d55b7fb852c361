//! Reading an article file: the bad-input checks, then normalisation.

use super::Article;
use super::markdown;
use super::text::{Paragraph, is_stray_control, normalize_decoded_block, split_plain};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Articles larger than this are refused rather than loaded into memory.
pub const MAX_ARTICLE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("{}: no such article file", .0.display())]
    Missing(PathBuf),
    #[error("{}: is a folder, not an article file", .0.display())]
    IsDir(PathBuf),
    #[error("{}: is {what}, not an article file; byline reads only regular files", path.display())]
    NotRegular { path: PathBuf, what: &'static str },
    #[error("{}: cannot read the article: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{}: the article is empty (no text to annotate)", .0.display())]
    Empty(PathBuf),
    #[error("{}: looks like a binary file (it contains NUL bytes), not an article", .0.display())]
    Binary(PathBuf),
    #[error("{}: not UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8 first", path.display())]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{}: the article is {size} bytes; byline refuses articles over {} MB", path.display(), MAX_ARTICLE_BYTES / 1024 / 1024)]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{}: the page is {size} bytes; byline refuses HTML pages over {} MB (save the article alone, or as text)", path.display(), super::html::MAX_HTML_BYTES / 1024 / 1024)]
    HtmlTooLarge { path: PathBuf, size: usize },
    #[error("{}: not UTF-8 text (invalid byte at offset {offset}) and the page declares no charset; add <meta charset=\"…\"> naming its charset, or convert it to UTF-8", path.display())]
    HtmlNotUtf8 { path: PathBuf, offset: usize },
    #[error("{}: not valid {charset} text (the charset the page declares) near byte {offset}", path.display())]
    BadCharset {
        path: PathBuf,
        charset: &'static str,
        offset: usize,
    },
    #[error("{}: the page has more than {} elements; byline refuses to score it (save the article alone)", .0.display(), super::html::MAX_HTML_ELEMENTS)]
    TooManyElements(PathBuf),
    #[error("{}: the page nests elements more than {} deep; byline refuses to parse it (save the article alone)", .0.display(), super::html::MAX_HTML_DEPTH)]
    TooDeep(PathBuf),
    #[error("{}: no article body found in the page (only navigation, scripts or boilerplate); save the article itself, or as text", .0.display())]
    NoBody(PathBuf),
}

/// Parses article bytes as if read from `path` (its extension picks the
/// format, its stem the id).
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Article, ArticleError> {
    if bytes.contains(&0) {
        return Err(ArticleError::Binary(path.to_owned()));
    }
    if is_html(path) {
        return parse_html(path, bytes);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ArticleError::NotUtf8 {
        path: path.to_owned(),
        offset: e.valid_up_to(),
    })?;
    let text = normalize_text(text);
    let (head, text) = front_matter(&text, !path_is_markdown(path));
    let is_markdown = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    let paragraphs: Vec<Paragraph> = if is_markdown {
        markdown::paragraphs(&text)
    } else {
        split_plain(&text)
            .into_iter()
            .map(|t| Paragraph::new(t, false))
            .collect()
    };
    if paragraphs.is_empty() {
        return Err(ArticleError::Empty(path.to_owned()));
    }
    let title = cap_title(
        head.title.as_deref().unwrap_or(
            &paragraphs
                .iter()
                .find(|p| p.heading)
                .unwrap_or(&paragraphs[0])
                .text,
        ),
    );
    let mut article = Article::new(id_of(path), title, path.to_owned(), paragraphs);
    article.outlet = head.outlet;
    article.url = head.url;
    article.published = head.published;
    article.author = head.author;
    Ok(article)
}

fn path_is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// What a text says about itself before its first paragraph.
#[derive(Debug, Default, PartialEq, Eq)]
struct Head {
    title: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<String>,
    author: Option<String>,
}

/// The metadata at the top of a text, and the text after it (FORMAT.md):
/// front matter, `---` on the first line, `key: value` lines, `---`; or,
/// in plain text (`header_block`), a first block made only of `Key: value`
/// lines with keys byline knows. Keys: `title`, `outlet` (or `site`,
/// `publication`), `url` (or `link`), `date` (or `published`), `author`
/// (or `by`); case does not matter. Anything that is not wholly such lines
/// is text, left as it is.
fn front_matter(text: &str, header_block: bool) -> (Head, Cow<'_, str>) {
    let lines_of = |block: &str| -> Option<Head> {
        let mut head = Head::default();
        let mut any = false;
        for line in block
            .lines()
            .filter(|l| !l.trim().is_empty() && l.trim() != "---")
        {
            let (k, v) = line.split_once(':')?;
            let v = normalize_decoded_block(v.trim().trim_matches(['"', '\'']));
            let slot = match k.trim().to_ascii_lowercase().as_str() {
                "title" => &mut head.title,
                "outlet" | "site" | "publication" => &mut head.outlet,
                "url" | "link" => &mut head.url,
                "date" | "published" => &mut head.published,
                "author" | "by" => &mut head.author,
                // Front matter may hold keys of its own; a header block
                // may not (it would be a paragraph of text).
                _ if !header_block || block.starts_with("---") => continue,
                _ => return None,
            };
            if !v.is_empty() {
                *slot = Some(cap_title(&v));
                any = true;
            }
        }
        any.then_some(head)
    };
    if let Some(rest) = text.strip_prefix("---\n")
        && let Some(end) = rest
            .find("\n---\n")
            .or_else(|| rest.ends_with("\n---").then(|| rest.len() - 4))
        && end <= 8 * 1024
    {
        let block = format!("---\n{}", &rest[..end]);
        if let Some(head) = lines_of(&block) {
            let after = (end + 5).min(rest.len());
            return (head, Cow::Owned(rest[after..].to_owned()));
        }
    }
    if header_block {
        let end = text.find("\n\n").unwrap_or(text.len());
        if end <= 4 * 1024
            && let Some(head) = lines_of(&text[..end])
        {
            return (head, Cow::Owned(text[end..].to_owned()));
        }
    }
    (Head::default(), Cow::Borrowed(text))
}

/// Whether the extension says HTML (`.html`, `.htm`, `.xhtml`).
pub fn is_html(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["html", "htm", "xhtml"]
            .iter()
            .any(|h| e.eq_ignore_ascii_case(h))
    })
}

/// A saved page: decoded, its article extracted, normalised as text is.
fn parse_html(path: &Path, bytes: &[u8]) -> Result<Article, ArticleError> {
    use super::html::{self, HtmlError};
    let err = |e: HtmlError| match e {
        HtmlError::TooLarge(size) => ArticleError::HtmlTooLarge {
            path: path.to_owned(),
            size,
        },
        HtmlError::Undecodable {
            charset: None,
            offset,
        } => ArticleError::HtmlNotUtf8 {
            path: path.to_owned(),
            offset,
        },
        HtmlError::Undecodable {
            charset: Some(charset),
            offset,
        } => ArticleError::BadCharset {
            path: path.to_owned(),
            charset,
            offset,
        },
        HtmlError::TooManyElements(_) => ArticleError::TooManyElements(path.to_owned()),
        HtmlError::TooDeep => ArticleError::TooDeep(path.to_owned()),
        HtmlError::NoBody => ArticleError::NoBody(path.to_owned()),
    };
    let decoded = html::decode(bytes).map_err(err)?;
    let text = normalize_text(&decoded);
    let page = html::extract(&text).map_err(err)?;
    let title = cap_title(
        page.meta
            .title
            .as_deref()
            .unwrap_or(&page.paragraphs[0].text),
    );
    let mut article = Article::new(id_of(path), title, path.to_owned(), page.paragraphs);
    article.outlet = page.meta.outlet;
    article.url = page.meta.url;
    article.published = page.meta.published;
    article.lang = page.meta.lang;
    article.author = page.meta.author;
    Ok(article)
}

/// The article id: the slug of the file's stem.
pub fn id_of(path: &Path) -> String {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    super::slug::slug(&stem, ARTICLE_FALLBACK)
}

/// A title longer than this is cut (at a word, with `…`): the title comes
/// from the first paragraph when there is no heading, and a 20 MB first
/// paragraph must not be stored whole in every annotator file.
pub const MAX_TITLE_CHARS: usize = 300;

/// `text` cut to [`MAX_TITLE_CHARS`] characters at the last space there
/// (anywhere, for text without spaces), `…` marking the cut.
pub fn cap_title(text: &str) -> String {
    let Some((cut, _)) = text.char_indices().nth(MAX_TITLE_CHARS) else {
        return text.to_owned();
    };
    // One character less, for the ellipsis.
    let head = &text[..text[..cut].char_indices().last().map_or(0, |(b, _)| b)];
    let head = match head.rfind(' ') {
        Some(i) if i > 0 => &head[..i],
        _ => head,
    };
    format!("{}…", head.trim_end())
}

/// The article id of a stem with nothing to keep (`.txt`, `🙂.txt`),
/// before its hash.
pub const ARTICLE_FALLBACK: &str = "article";

/// BOM dropped, CRLF and CR to LF, control characters other than white
/// space dropped, NFC.
fn normalize_text(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text: Cow<str> = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    // Bytes first: C0 and DEL are single bytes, and every C1 control
    // starts with 0xC2; only then is it worth looking at characters.
    let maybe = text
        .bytes()
        .any(|b| (b < 0x20 && !b.is_ascii_whitespace() && b != 0x0b) || b == 0x7f || b == 0xc2);
    let text: Cow<str> = if maybe && text.chars().any(is_stray_control) {
        Cow::Owned(text.chars().filter(|&c| !is_stray_control(c)).collect())
    } else {
        text
    };
    // Characters below U+0300 are starters that are always NFC, so only the
    // rest need the quick check (dropping starters can only make it say
    // "maybe", never a false "yes").
    let rest = text.chars().filter(|&c| c >= '\u{300}');
    if text.is_ascii() || is_nfc_quick(rest) == IsNormalized::Yes {
        text
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(name: &str, text: &str) -> Article {
        parse(Path::new(name), text.as_bytes()).unwrap()
    }

    #[test]
    fn normalises_bom_crlf_and_nfc() {
        let a = art("x.txt", "\u{feff}Cafe\u{301} one\r\n\r\ntwo\rthree\r\n");
        let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Café one", "two three"]);
        assert_eq!(a.paragraphs[0].char_len(), 8);
    }

    #[test]
    fn control_characters_other_than_white_space_are_dropped() {
        let a = art(
            "x.txt",
            "Break\u{1b}]0;pwned\u{7}ing\u{7f}\u{9b}2J news\u{b}today\u{85}now\n\nR\u{202e}TL",
        );
        let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        // White space (VT, NEL) stays white space; bidi controls are
        // format characters of real text and stay (output escapes them).
        assert_eq!(texts, ["Break]0;pwneding2J news today now", "R\u{202e}TL"]);
    }

    #[test]
    fn id_title_and_sha() {
        let a = art("dir/Harbor Council.txt", "Council delays vote\n\nSecond.\n");
        assert_eq!(a.id, "harbor-council");
        assert_eq!(a.title, "Council delays vote");
        // python3 -c 'import hashlib;print(hashlib.sha256(b"Council delays vote\n\nSecond.").hexdigest())'
        assert_eq!(
            a.sha256(),
            "3fcd4c69d51b054b92c6b585b96c36953792ef2fcc463e1507ad2f48961d7fda"
        );
    }

    #[test]
    fn bad_inputs_are_named_errors() {
        let p = Path::new("bad.txt");
        assert!(matches!(parse(p, b"a\0b"), Err(ArticleError::Binary(_))));
        assert!(matches!(parse(p, b" \n\n \n"), Err(ArticleError::Empty(_))));
        let e = parse(p, b"ok \xff no").unwrap_err();
        assert_eq!(
            e.to_string(),
            "bad.txt: not UTF-8 text (invalid byte at offset 3); convert it to UTF-8 first"
        );
    }
}
