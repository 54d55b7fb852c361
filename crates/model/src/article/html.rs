//! A page saved from a browser reduced to its article (FORMAT.md, HTML
//! input): the declared charset decoded, the body found by a readability
//! extractor (dom_smoothie, pinned), then each heading, paragraph, list item
//! and block quote a paragraph of visible text. Title, outlet, URL and date
//! come from the page's own metadata.
//!
//! Every page is a stranger's: its size is bounded before parsing, the
//! number of elements the extractor scores is bounded, and the walk over the
//! extracted body is iterative, so a page nested a million levels deep
//! neither overflows the stack nor runs for minutes.

use super::text::{Paragraph, is_stray_control, normalize_decoded_block};
use dom_query::{Document, NodeRef};
use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// Pages larger than this are refused: a saved article page is rarely over
/// 5 MB even with its inline scripts, and a DOM costs many times its text.
pub const MAX_HTML_BYTES: usize = 16 * 1024 * 1024;
/// The most elements the extractor scores; beyond it the page is refused
/// rather than scored for minutes.
pub const MAX_HTML_ELEMENTS: usize = 200_000;
/// The deepest nesting of elements a page may have. A parser checks the
/// open elements at every tag, so deep nesting costs its square; real
/// pages stay well under a hundred levels.
pub const MAX_HTML_DEPTH: usize = 512;
/// How far into the page a `<meta charset>` is looked for (the HTML
/// standard's prescan looks at 1024 bytes; saved pages put comments first).
const CHARSET_PRESCAN: usize = 4096;

/// What a page says about itself, beside its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// As the page wrote it (`article:published_time` or `<time datetime>`).
    pub published: Option<String>,
    /// The page's language (`<html lang>`), a BCP 47 tag as written.
    pub lang: Option<String>,
    /// The page's headline: its first `<h1>` (in the `<article>` when
    /// there is one), which becomes paragraph 1 as in a text file.
    pub headline: Option<String>,
    /// Who wrote it: `meta name=author`, `article:author` (a name, not a
    /// link), else a byline element (`rel=author`, `itemprop=author`,
    /// class `byline` or `author`), without a leading "By".
    pub author: Option<String>,
}

/// Why a page gives no article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlError {
    TooLarge(usize),
    /// Not valid in its charset (`None`: no charset was declared, so UTF-8).
    Undecodable {
        charset: Option<&'static str>,
        offset: usize,
    },
    TooManyElements(usize),
    TooDeep,
    NoBody,
}

/// A decoded, extracted page.
pub struct Page {
    pub paragraphs: Vec<Paragraph>,
    pub meta: PageMeta,
}

/// Decodes the page in the charset it declares (a BOM, else `<meta
/// charset>` or `http-equiv`, else UTF-8).
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, HtmlError> {
    if bytes.len() > MAX_HTML_BYTES {
        return Err(HtmlError::TooLarge(bytes.len()));
    }
    let (encoding, declared, bom) = match Encoding::for_bom(bytes) {
        Some((e, len)) => (e, true, len),
        None => match declared_charset(bytes) {
            Some(e) => (e, true, 0),
            None => (UTF_8, false, 0),
        },
    };
    let body = &bytes[bom..];
    if encoding == UTF_8 {
        return match std::str::from_utf8(body) {
            Ok(s) => Ok(Cow::Borrowed(s)),
            Err(e) => Err(HtmlError::Undecodable {
                charset: declared.then_some("UTF-8"),
                offset: bom + e.valid_up_to(),
            }),
        };
    }
    // Single-byte charsets decode every byte; a multi-byte one may meet a
    // sequence it cannot read, which is refused rather than guessed at.
    match encoding.decode_without_bom_handling_and_without_replacement(body) {
        Some(s) => Ok(s),
        None => {
            // Where it breaks: the longest prefix that decodes cleanly.
            let mut decoder = encoding.new_decoder_without_bom_handling();
            let mut out = String::with_capacity(body.len() * 3);
            let (_, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
            Err(HtmlError::Undecodable {
                charset: Some(encoding.name()),
                offset: read,
            })
        }
    }
}

/// The charset a `<meta>` in the first bytes declares, as the HTML
/// standard maps it (a page that says UTF-16 in ASCII is really UTF-8).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(CHARSET_PRESCAN)];
    let lower = head.to_ascii_lowercase();
    let mut at = 0;
    while let Some(i) = find(&lower[at..], b"<meta") {
        let start = at + i;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b';' | b'/' | b' ' | b'\t' | b'\n'))
                    .unwrap_or(rest.len());
                if let Some(e) = Encoding::for_label(&rest[..len]) {
                    let e = if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
                        UTF_8
                    } else {
                        e
                    };
                    return Some(e.output_encoding());
                }
            }
        }
        at = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

/// The article of a decoded page, and its metadata.
pub fn extract(html: &str) -> Result<Page, HtmlError> {
    if nesting_exceeds(html, MAX_HTML_DEPTH) {
        return Err(HtmlError::TooDeep);
    }
    let config = dom_smoothie::Config {
        max_elements_to_parse: MAX_HTML_ELEMENTS,
        // JSON-LD is a script's data: the page's own meta tags are what a
        // reader can check, and FORMAT.md names them.
        disable_json_ld: true,
        ..Default::default()
    };
    let mut readability =
        dom_smoothie::Readability::new(html, None, Some(config)).map_err(|_| HtmlError::NoBody)?;
    let meta = page_meta(&readability.doc);
    strip_boilerplate(&readability.doc);
    let article = match readability.parse() {
        Ok(a) => a,
        Err(dom_smoothie::ReadabilityError::TooManyElements(n, _)) => {
            return Err(HtmlError::TooManyElements(n));
        }
        Err(_) => return Err(HtmlError::NoBody),
    };
    let body = Document::fragment(article.content.as_ref());
    let mut paragraphs = blocks(&body.root());
    if paragraphs.is_empty() {
        return Err(HtmlError::NoBody);
    }
    // The headline is paragraph 1, a heading, as in a text file: its
    // judgement can be marked, and a page and its text copy number their
    // paragraphs alike. Readability keeps it in the body on some pages
    // (then it moves to the top) and drops it on others (then it is put
    // back from the page's `<h1>`, else its title).
    if let Some(headline) = meta
        .headline
        .as_deref()
        .or(meta.title.as_deref())
        .map(normalize_decoded_block)
        .filter(|h| !h.is_empty())
    {
        if let Some(i) = paragraphs.iter().take(3).position(|p| p.text == headline) {
            paragraphs.remove(i);
        }
        paragraphs.insert(0, Paragraph::new(headline, true));
    }
    let mut meta = meta;
    if meta.title.is_none() {
        meta.title = paragraphs
            .iter()
            .find(|p| p.heading)
            .map(|p| p.text.clone());
    }
    Ok(Page { paragraphs, meta })
}

/// Words in a `class` or `id` that mark page furniture, not article text.
/// Matched as whole words (`ad-slot` has `ad`; `shadow` and `commentary`
/// have none), so the article itself is never caught by a substring.
const FURNITURE: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adsbygoogle",
    "sponsor",
    "sponsored",
    "promo",
    "promoted",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "comment",
    "comments",
    "disqus",
    "newsletter",
    "signup",
    "subscribe",
    "paywall",
    "outbrain",
    "taboola",
    "nav",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "footer",
    "masthead",
    "byline",
    "meta",
    "most-read",
    "popular",
    "teaser",
];

/// Elements that are never the article's text on a news page.
const FURNITURE_TAGS: &str = "nav, aside, footer, form, button, [role=navigation], [role=dialog], [role=banner], [role=complementary], [aria-hidden=true]";

/// Removes navigation, cookie banners, share bars, ads, related boxes and
/// comments before the extractor scores the page: its own heuristics miss
/// some (an ad block inside the story body keeps its label).
fn strip_boilerplate(doc: &Document) {
    doc.select(FURNITURE_TAGS).remove();
    for node in doc.select("[class], [id]").nodes() {
        let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
        if matches!(name.as_str(), "html" | "body" | "main" | "article") {
            continue;
        }
        let names = format!(
            "{} {}",
            node.attr("class").unwrap_or_default(),
            node.attr("id").unwrap_or_default()
        )
        .to_ascii_lowercase();
        let furniture = names.split_whitespace().any(|token| {
            FURNITURE.contains(&token)
                || token
                    .split(['-', '_'])
                    .any(|word| FURNITURE.contains(&word))
        });
        if furniture {
            node.remove_from_parent();
        }
    }
}

/// Elements that never hold others, or whose end tag may be left out (a
/// parser closes them itself): they do not deepen the nesting.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
    "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head",
    "body", "!doctype",
];

/// Whether elements nest deeper than `limit`, by a linear scan of the tags
/// (comments and the text of scripts and styles skipped). Before the real
/// parse, which would take the square of the depth.
fn nesting_exceeds(html: &str, limit: usize) -> bool {
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = memchr(b'<', &b[i..]) {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i = find(&b[i..], b"-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let close = b.get(i) == Some(&b'/');
        let start = if close { i + 1 } else { i };
        let len = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'!')
            .count();
        if len == 0 || len > 16 {
            continue;
        }
        let name = b[start..start + len].to_ascii_lowercase();
        let name = std::str::from_utf8(&name).unwrap_or("");
        let end = memchr(b'>', &b[start..]).map_or(b.len(), |e| start + e);
        let self_closing = end > 0 && b.get(end - 1) == Some(&b'/');
        i = end.min(b.len());
        if FLAT.contains(&name) || self_closing {
            continue;
        }
        if close {
            depth = depth.saturating_sub(1);
            continue;
        }
        depth += 1;
        if depth > limit {
            return true;
        }
        if matches!(name, "script" | "style" | "textarea" | "title" | "xmp") {
            let closing = format!("</{name}");
            let lower_find = b[i..]
                .windows(closing.len())
                .position(|w| w.eq_ignore_ascii_case(closing.as_bytes()));
            match lower_find {
                Some(e) => i += e,
                None => return false,
            }
        }
    }
    false
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

/// Title, outlet, URL and date from the page's head (and a `<time>` in
/// its body).
pub fn page_meta(doc: &Document) -> PageMeta {
    let content = |sel: &str| -> Option<String> {
        doc.select(sel)
            .nodes()
            .iter()
            .find_map(|n| n.attr("content"))
            .map(|v| normalize_decoded_block(&v))
            .filter(|v| !v.is_empty())
    };
    let attr = |sel: &str, name: &str| -> Option<String> {
        doc.select(sel)
            .nodes()
            .iter()
            .find_map(|n| n.attr(name))
            .map(|v| {
                v.chars()
                    .filter(|&c| !is_stray_control(c))
                    .collect::<String>()
            })
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let outlet = content("meta[property='og:site_name']");
    let title = content("meta[property='og:title']").or_else(|| {
        let t = doc.select("head title").nodes().first()?.text();
        let t = normalize_decoded_block(&t);
        (!t.is_empty()).then(|| strip_site_suffix(&t, outlet.as_deref()))
    });
    let url = attr("link[rel='canonical']", "href").or_else(|| content("meta[property='og:url']"));
    let published = content("meta[property='article:published_time']")
        .or_else(|| attr("time[datetime]", "datetime"));
    let lang = attr("html[lang]", "lang");
    let text_of = |sel: &str| -> Option<String> {
        let t = doc.select(sel).nodes().first()?.text();
        let t = normalize_decoded_block(&t);
        (!t.is_empty()).then_some(t)
    };
    let headline = text_of("article h1").or_else(|| text_of("body h1"));
    let author = content("meta[name='author']")
        .or_else(|| content("meta[property='article:author']").filter(|a| !a.contains("://")))
        .or_else(|| {
            [
                "[rel='author']",
                "[itemprop='author']",
                ".byline",
                ".author",
            ]
            .iter()
            .find_map(|sel| text_of(sel))
        })
        .map(|a| {
            let a = a.trim();
            let lower = a.to_lowercase();
            // "By …" and its German, French and Spanish forms.
            let a = ["by ", "von ", "par ", "por "]
                .iter()
                .find(|p| lower.starts_with(*p))
                .map_or(a, |p| &a[p.len()..]);
            // A byline element often goes on with the date: "… · 16 Nov".
            let a = [" · ", " | ", " — ", " – "]
                .iter()
                .filter_map(|sep| a.find(sep))
                .min()
                .map_or(a, |i| &a[..i]);
            crate::article::cap_title(a.trim())
        })
        .filter(|a| !a.is_empty());
    PageMeta {
        title,
        outlet,
        url,
        published,
        lang,
        headline,
        author,
    }
}

/// `Bridge closes | The Valley Ledger` → `Bridge closes`: the part after
/// the last separator goes when it is the site's name, or short enough to
/// be one while what stays reads as a headline.
fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    const SEPARATORS: [&str; 6] = [" | ", " – ", " — ", " - ", " :: ", " · "];
    let cut = SEPARATORS
        .iter()
        .filter_map(|s| title.rfind(s).map(|i| (i, s.len())))
        .max_by_key(|(i, _)| *i);
    let Some((i, len)) = cut else {
        return title.to_owned();
    };
    let (head, tail) = (title[..i].trim(), title[i + len..].trim());
    let is_site = outlet.is_some_and(|o| o.eq_ignore_ascii_case(tail));
    let looks_like_site =
        tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3;
    if !head.is_empty() && (is_site || looks_like_site) {
        head.to_owned()
    } else {
        title.to_owned()
    }
}

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "math", "button", "select",
    "textarea", "input", "object", "embed", "canvas", "audio", "video", "head",
];

/// Elements that end the paragraph before them and start a new one.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "pre",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "hr",
    "address",
    "details",
    "summary",
    "form",
    "fieldset",
    "center",
];

/// Each block's visible text, in document order, by an iterative walk.
fn blocks(root: &NodeRef) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut heading = 0usize;
    let flush = |buf: &mut String, heading: bool, out: &mut Vec<Paragraph>| {
        let t = normalize_decoded_block(buf);
        buf.clear();
        if !t.is_empty() {
            out.push(Paragraph::new(t, heading));
        }
    };
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Leave { block: bool, is_heading: bool },
    }
    let mut stack: Vec<Step> = root.children_it(true).map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => {
                if node.is_text() {
                    buf.push_str(&node.text());
                    continue;
                }
                if !node.is_element() {
                    continue;
                }
                let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
                if SKIP.contains(&name.as_str()) {
                    continue;
                }
                if name == "br" {
                    buf.push(' ');
                    continue;
                }
                // Table cells run together in a row; keep their words apart.
                if name == "td" || name == "th" {
                    buf.push(' ');
                }
                let block = BLOCKS.contains(&name.as_str());
                let is_heading = matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                if block {
                    flush(&mut buf, heading > 0, &mut out);
                }
                if is_heading {
                    heading += 1;
                }
                stack.push(Step::Leave { block, is_heading });
                stack.extend(node.children_it(true).map(Step::Enter));
            }
            Step::Leave { block, is_heading } => {
                if block {
                    flush(&mut buf, heading > 0, &mut out);
                }
                if is_heading {
                    heading -= 1;
                }
            }
        }
    }
    flush(&mut buf, heading > 0, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<(String, bool)> {
        extract(html)
            .unwrap()
            .paragraphs
            .into_iter()
            .map(|p| (p.text, p.heading))
            .collect()
    }

    const LONG: &str = "The council met on Tuesday evening to debate the plan, which has divided residents for years and drawn hundreds of letters to the town hall.";

    #[test]
    fn blocks_inline_markup_and_entities() {
        let html = format!(
            "<html><head><title>Vote delayed | Gazette</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Vote delayed</h1><h2>What &amp; why</h2><p>The minister resigned on Friday, <a href=\"x\">officials said</a>.</p><p>{LONG} <em>Really</em> long.<br>Next line.</p><ul><li>one &ldquo;quoted&rdquo;</li><li><p>two</p></li></ul><blockquote><p>{LONG}</p></blockquote><p>{LONG}</p></article></body></html>"
        );
        let mut got = texts(&html);
        // The headline is paragraph 1, a heading, as in a text file.
        assert_eq!(got.remove(0), ("Vote delayed".into(), true));
        assert_eq!(got[0], ("What & why".into(), true));
        assert_eq!(
            got[1],
            (
                "The minister resigned on Friday, officials said.".into(),
                false
            )
        );
        assert_eq!(got[2].0, format!("{LONG} Really long. Next line."));
        assert_eq!(got[3].0, "one “quoted”");
        assert_eq!(got[4].0, "two");
        assert!(got.iter().all(|(t, _)| !t.contains("Home")));
    }

    #[test]
    fn metadata_from_the_head() {
        let html = format!(
            "<html lang='en-GB'><head><title>Bridge shut for repairs | The Valley Ledger</title><meta property='og:site_name' content='The Valley Ledger'><link rel='canonical' href='https://ledger.example/bridge'><meta property='article:published_time' content='2026-11-02T08:30:00Z'></head><body><article><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p></article></body></html>"
        );
        let page = extract(&html).unwrap();
        assert_eq!(
            page.meta,
            PageMeta {
                title: Some("Bridge shut for repairs".into()),
                outlet: Some("The Valley Ledger".into()),
                url: Some("https://ledger.example/bridge".into()),
                published: Some("2026-11-02T08:30:00Z".into()),
                lang: Some("en-GB".into()),
                headline: None,
                author: None,
            }
        );
        assert_eq!(
            strip_site_suffix("Mayor Ruiz - a profile of a long career", None),
            "Mayor Ruiz - a profile of a long career"
        );
    }

    #[test]
    fn the_headline_is_paragraph_one_and_the_author_is_read() {
        let html = format!(
            "<html><head><title>Ferry halted | Wire</title><meta name='author' content='By Ana Example'></head><body><header><h1>Ferry Halted As Crews Walk Out</h1></header><article><p>{LONG}</p><p>{LONG}</p></article></body></html>"
        );
        let page = extract(&html).unwrap();
        assert_eq!(
            (page.paragraphs[0].text.as_str(), page.paragraphs[0].heading),
            ("Ferry Halted As Crews Walk Out", true)
        );
        assert_eq!(page.paragraphs.len(), 3);
        assert_eq!(page.meta.author.as_deref(), Some("Ana Example"));
        // A byline element when the head names no one; a link is no name.
        let html = format!(
            "<html><head><meta property='article:author' content='https://x.example/ana'></head><body><article><h1>Ferry halted</h1><p class='byline'>By Ben Example</p><p>{LONG}</p></article></body></html>"
        );
        let page = extract(&html).unwrap();
        assert_eq!(page.meta.author.as_deref(), Some("Ben Example"));
        assert_eq!(page.paragraphs[0].text, "Ferry halted");
        assert_eq!(
            page.paragraphs
                .iter()
                .filter(|p| p.text == "Ferry halted")
                .count(),
            1
        );
    }

    #[test]
    fn charsets() {
        let latin = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>caf\xe9 \x93x\x94</body></html>";
        assert!(decode(latin).unwrap().contains("café “x”"));
        let meta = b"<meta charset='ISO-8859-1'><p>na\xefve</p>";
        assert!(decode(meta).unwrap().contains("naïve"));
        assert_eq!(
            decode(b"<p>ok \xff</p>").unwrap_err(),
            HtmlError::Undecodable {
                charset: None,
                offset: 6
            }
        );
        let bom = b"\xef\xbb\xbf<meta charset=windows-1252><p>\xc3\xa9</p>";
        assert!(decode(bom).unwrap().contains("<p>é</p>"));
    }

    #[test]
    fn a_page_without_a_body_and_a_hostile_one() {
        assert_eq!(
            extract(
                "<html><head><title>x</title></head><body><script>var a=1</script></body></html>"
            )
            .err(),
            Some(HtmlError::NoBody)
        );
        // Deeply nested markup is refused before the parser takes the
        // square of its depth; ordinary nesting is not.
        let deep = format!("<body><p>{LONG}</p>{}x", "<div>".repeat(100_000));
        let t = std::time::Instant::now();
        assert_eq!(extract(&deep).err(), Some(HtmlError::TooDeep));
        assert!(t.elapsed() < std::time::Duration::from_secs(2));
        let ok = format!(
            "<body><!-- <div><div> --><script>if (a<b) {{ x = '<div>' }}</script>{}<p>{LONG}</p><p>{LONG}</p>{}<p>{}</p></body>",
            "<div>".repeat(200),
            "</div>".repeat(200),
            "<p>unclosed <br/>".repeat(5_000)
        );
        assert!(!nesting_exceeds(&ok, MAX_HTML_DEPTH));
    }
}
