//! Verdicts on a colleague's claims, comparing two annotators, and the
//! agreement figures of `byline agree`: pure computations on the model.

pub mod adjudicate;
pub mod agree;
pub mod compare;
pub mod metrics;
pub mod summary;
pub mod team;
pub mod verdict;
