//! Article loading and the text model every other module counts offsets in.
//!
//! FORMAT.md fixes how text is normalised and split, so offsets mean the same
//! to every tool: NFC, paragraphs, collapsed white space, offsets in Unicode
//! scalar values (Python `str` indices).

pub mod find;
pub mod html;
mod load;
mod markdown;
pub mod slug;
mod text;

pub use load::{
    ARTICLE_FALLBACK, ArticleError, MAX_ARTICLE_BYTES, MAX_TITLE_CHARS, cap_title, id_of, is_html,
    parse,
};
pub use text::{LONG_PARAGRAPH, Paragraph, is_abbreviation, normalize_block, slugify, split_plain};

use crate::loc::Para;
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::sync::OnceLock;

/// A loaded, normalised article.
#[derive(Debug)]
pub struct Article {
    /// Slug of the file stem: the folder name under `annotations/`.
    pub id: String,
    /// First heading, else the first paragraph.
    pub title: String,
    /// The file it was loaded from (as given).
    pub path: PathBuf,
    pub paragraphs: Vec<Paragraph>,
    /// What an HTML page says about itself (`og:site_name`, canonical URL,
    /// publication time), or a text's front matter or header block.
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// The language the page declares (`<html lang>`); `None` for text and
    /// Markdown. Suggestions read the article with that language's pack.
    pub lang: Option<String>,
    /// Who wrote it, as the page or the text's header says.
    pub author: Option<String>,
    sha256: OnceLock<String>,
}

impl Article {
    pub fn new(id: String, title: String, path: PathBuf, paragraphs: Vec<Paragraph>) -> Self {
        Article {
            id,
            title,
            path,
            paragraphs,
            outlet: None,
            url: None,
            published: None,
            lang: None,
            author: None,
            sha256: OnceLock::new(),
        }
    }

    /// Hex SHA-256 of the normalised paragraphs joined by a blank line.
    /// Computed on first use: a 12 MB article should not wait for it before
    /// its first screen.
    pub fn sha256(&self) -> &str {
        self.sha256.get_or_init(|| {
            let mut hasher = Sha256::new();
            for (i, p) in self.paragraphs.iter().enumerate() {
                if i > 0 {
                    hasher.update(b"\n\n");
                }
                hasher.update(p.text.as_bytes());
            }
            hex(&hasher.finalize())
        })
    }

    /// Paragraph `p`, if the article has it.
    pub fn paragraph(&self, p: Para) -> Option<&Paragraph> {
        self.paragraphs.get(p.index())
    }

    pub fn len(&self) -> usize {
        self.paragraphs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }

    /// The id older byline versions gave this article (ASCII letters and
    /// digits of the stem only), where their files still are.
    pub fn legacy_id(&self) -> String {
        let stem = self
            .path
            .file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default();
        slug::legacy_slug(&stem, ARTICLE_FALLBACK)
    }

    /// Number of words in the whole article (UAX #29 words).
    pub fn word_count(&self) -> usize {
        self.paragraphs.iter().map(|p| p.words().len()).sum()
    }
}

/// `article[p]`: paragraph `p`, which the article must have.
impl std::ops::Index<Para> for Article {
    type Output = Paragraph;
    fn index(&self, p: Para) -> &Paragraph {
        &self.paragraphs[p.index()]
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}
