//! Markdown reduced to visible text: headings, list items and block quotes
//! become paragraphs of their own.

use super::text::{Paragraph, normalize_decoded_block};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut heading = false;
    let flush = |buf: &mut String, heading: bool, out: &mut Vec<Paragraph>| {
        let t = normalize_decoded_block(buf);
        buf.clear();
        if !t.is_empty() {
            out.push(Paragraph::new(t, heading));
        }
    };
    let options =
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    for event in Parser::new_ext(text, options) {
        match event {
            Event::Start(tag) => {
                if is_block(&tag) {
                    flush(&mut buf, heading, &mut out);
                    heading = matches!(tag, Tag::Heading { .. });
                }
            }
            Event::End(tag) => {
                if is_block_end(&tag) {
                    flush(&mut buf, heading, &mut out);
                    heading = false;
                } else if matches!(tag, TagEnd::TableCell) {
                    buf.push(' ');
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                buf.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => buf.push(' '),
            Event::FootnoteReference(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::Rule
            | Event::TaskListMarker(_) => {}
        }
    }
    flush(&mut buf, heading, &mut out);
    out
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::TableRow
            | Tag::TableHead
            | Tag::FootnoteDefinition(_)
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::TableRow
            | TagEnd::TableHead
            | TagEnd::FootnoteDefinition
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs() {
        let md = "# The *Night* Market\n\nIntro with [a link](https://example.org) and **bold**.\nSecond line.\n\n- one\n- two `code`\n\n> Quoted\n> text\n\n1. first\n";
        let p: Vec<(String, bool)> = paragraphs(md)
            .into_iter()
            .map(|p| (p.text, p.heading))
            .collect();
        assert_eq!(
            p,
            [
                ("The Night Market".into(), true),
                ("Intro with a link and bold. Second line.".into(), false),
                ("one".into(), false),
                ("two code".into(), false),
                ("Quoted text".into(), false),
                ("first".into(), false),
            ]
        );
    }
}
