//! Every colour and text style in one place. Kinds differ by colour *and*
//! by a text attribute, and the gutter shows their letters, so nothing
//! depends on colour alone (NO_COLOR, colour-blind readers).

use byline_model::annotation::Kind;
use byline_model::review::compare::State;
use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Self {
        Theme {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    pub fn kind_color(&self, k: Kind) -> Color {
        match k {
            Kind::Sourced => Color::Cyan,
            Kind::Anonymous => Color::Yellow,
            Kind::Editorial => Color::Magenta,
        }
    }

    /// Text inside a claim of kind `k`.
    pub fn kind(&self, k: Kind) -> Style {
        let m = match k {
            Kind::Sourced => Modifier::UNDERLINED,
            Kind::Anonymous => Modifier::ITALIC | Modifier::UNDERLINED,
            Kind::Editorial => Modifier::BOLD | Modifier::UNDERLINED,
        };
        self.fg(self.kind_color(k)).add_modifier(m)
    }

    /// The selection (and the cursor sentence): reverse video, which
    /// survives NO_COLOR and differs from every claim style.
    pub fn selection(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A suggested claim: dim and never underlined (every claim is), in
    /// its kind's colour; the gutter marks it with `?`.
    pub fn suggestion(&self, k: Kind) -> Style {
        self.fg(self.kind_color(k))
            .add_modifier(Modifier::DIM | Modifier::ITALIC)
    }

    /// The `?` gutter marker of a line with a suggestion.
    pub fn suggestion_marker(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// The match `Enter` will select while a search is typed.
    pub fn search_current(&self) -> Style {
        self.search_hit().add_modifier(Modifier::REVERSED)
    }

    pub fn search_hit(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn context(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn bar(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn warning(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn hint(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    pub fn border(&self) -> Style {
        self.fg(Color::DarkGray)
    }

    /// The side-by-side states of a review. Each differs by colour *and*
    /// by a text attribute, and the gutter names it with a character.
    pub fn comparison(&self, s: State) -> Style {
        let (color, m) = match s {
            State::Agreed => (Color::Green, Modifier::UNDERLINED),
            State::KindConflict => (Color::Red, Modifier::BOLD | Modifier::UNDERLINED),
            State::OnlyMine => (Color::Blue, Modifier::ITALIC),
            State::OnlyTheirs => (Color::Yellow, Modifier::BOLD),
        };
        self.fg(color).add_modifier(m)
    }
}
