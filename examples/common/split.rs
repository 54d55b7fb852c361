//! Which example articles the suggestion lexicons were written from, and
//! which were written and annotated afterwards to measure them on.

/// The articles the lexicons were written from.
pub const TUNED: &[&str] = &[
    "harbor-council.txt",
    "border-talks.txt",
    "night-market.md",
    "tea-festival.txt",
];

/// Written and annotated after the lexicons, never tuned on.
pub const HELD_OUT: &[&str] = &["ferry-fire.txt", "bike-lanes.txt", "water-levy.md"];
