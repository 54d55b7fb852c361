//! `byline adjudicate ARTICLE`: the annotators' claims merged into a gold
//! file. What enough of them agree on goes to gold at once; the screen
//! walks the adjudicator through every other claim, side by side.

pub mod action;
pub mod state;
pub mod update;
pub mod view;

use crate::keys::Keymaps;
use crate::runtime::{Flow, Screen, ScreenCore};
use crate::widgets::line_input::Edit;
use crate::widgets::status::SaveState;
use action::Action;
use byline_model::annotation::{AnnotationSet, anchor};
use byline_model::review::adjudicate as adj;
use byline_store as store;
use state::{AdjudicateApp, Mode};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An adjudication: the screen's state and the gold file's session (its
/// lock, what is on disk, where saves go), as an annotation session has.
pub struct AdjudicateScreen {
    pub app: AdjudicateApp,
    pub disk: store::Session,
    /// The agreed claims went to gold on opening: saved on the first turn
    /// of the loop.
    first_save: bool,
    /// The gold file as last written, without its time, so a save that
    /// would change only `updated` writes nothing.
    written: Option<AnnotationSet>,
    /// Said once more after the terminal is restored.
    conflict: Option<String>,
}

/// What `adjudicate` opens with.
pub struct Options<'a> {
    pub article: &'a Path,
    pub annotations: &'a Path,
    /// The annotator files to compare; default: every one beside gold.
    pub files: Option<&'a [PathBuf]>,
    /// The adjudicator's name (as `--annotator`).
    pub adjudicator: Option<&'a str>,
    /// How many must agree; default: a majority.
    pub min_agree: Option<usize>,
}

#[derive(Debug, thiserror::Error)]
#[error(
    "--min-agree {k} is more than the {n} annotators compared; at most {n} can agree on a claim"
)]
pub struct TooMany {
    pub k: usize,
    pub n: usize,
}

impl AdjudicateScreen {
    /// Everything before the terminal is touched: every bad input is an
    /// error here, and no file is written.
    pub fn open(o: &Options, keys: Arc<Keymaps>) -> anyhow::Result<AdjudicateScreen> {
        let opened = store::adjudicate::open(o.article, o.annotations, o.files, o.adjudicator)?;
        let n = opened.annotators.len();
        let k = o.min_agree.unwrap_or_else(|| adj::majority(n)).max(1);
        if k > n {
            return Err(TooMany { k, n }.into());
        }
        let slugs: Vec<String> = opened.annotators.iter().map(|a| a.slug.clone()).collect();
        let sets: Vec<&[byline_model::annotation::Claim]> = opened
            .annotators
            .iter()
            .map(|a| a.set.claims.as_slice())
            .collect();
        let plan = adj::plan(&sets, k);
        let left_out: Vec<String> = plan
            .left_out
            .iter()
            .map(|v| {
                let c = &opened.annotators[v.annotator].set.claims[v.claim];
                format!("{} {}", slugs[v.annotator], anchor::describe(c))
            })
            .collect();
        let read_only = opened.disk.read_only().map(|r| r.to_string());
        let mut gold = opened.gold;
        let before = adj::adjudicator_of(&gold).map(str::to_owned);
        adj::set_adjudicator(&mut gold, &opened.adjudicator);
        let mut app = AdjudicateApp {
            article: opened.article,
            annotators: opened.annotators,
            slugs,
            k,
            plan,
            gold,
            gold_file: opened.gold_file,
            decided: Vec::new(),
            focus: 0,
            cursor: 0,
            mode: Mode::Normal,
            undo: Vec::new(),
            core: ScreenCore::new(keys),
            sources: None,
        };
        // The source prompt completes from the registry, as in annotate.
        let path = store::sources::path_for(o.annotations);
        let mut registry_problem = None;
        match store::sources::load(&path) {
            Ok(r) => {
                app.sources = Some((Arc::new(r.clone().unwrap_or_default()), r.is_some(), path))
            }
            Err(e) => {
                registry_problem = Some(format!(
                    "{e} — the source prompt works without the sources registry"
                ))
            }
        }
        // Annotators no claim or rejection in an existing gold came from:
        // its earlier decisions were made without them.
        let mut earlier: Vec<String> = app
            .gold
            .claims
            .iter()
            .map(|c| &c.extra)
            .chain(app.gold.dismissed.iter().map(|d| &d.extra))
            .flat_map(adj::from_of)
            .collect();
        earlier.sort();
        earlier.dedup();
        let new_since: Vec<String> = if earlier.is_empty() {
            Vec::new()
        } else {
            app.slugs
                .iter()
                .filter(|s| !earlier.contains(s))
                .cloned()
                .collect()
        };
        let added = add_agreed(&mut app);
        app.refresh();
        app.focus = app.decided.iter().position(|d| !d).unwrap_or(0);
        let total = app.plan.disputes.len();
        let decided_before = total - app.left();
        let mut said = vec![format!(
            "{} claims on which {k} or more of {n} agree → gold{}; {} of {total} disagreements to decide",
            app.plan.agreed.len(),
            if added < app.plan.agreed.len() {
                format!(" ({} already there)", app.plan.agreed.len() - added)
            } else {
                String::new()
            },
            app.left()
        )];
        said.push(format!("comparing {}", app.slugs.join(", ")));
        if decided_before > 0 {
            said.push(format!("{decided_before} decided earlier are kept"));
        }
        if !new_since.is_empty() {
            said.push(format!(
                "new since gold was last written: {} (decisions made earlier did not see their claims)",
                new_since.join(", ")
            ));
        }
        if let Some(b) = before.filter(|b| *b != opened.adjudicator) {
            said.push(format!(
                "{b} adjudicated this gold file before; it names you, {}, from your first decision",
                opened.adjudicator
            ));
        }
        if !left_out.is_empty() {
            said.push(format!(
                "left out, their place needs review (byline annotate fixes it): {}",
                left_out.join(", ")
            ));
        }
        if let Some(m) = opened.message {
            said.push(m);
        }
        if let Some(p) = registry_problem {
            said.push(p);
        }
        app.core.message = Some(said.join(" · "));
        if let Some(why) = read_only {
            app.core.save = SaveState::ReadOnly(why);
        }
        Ok(AdjudicateScreen {
            app,
            disk: opened.disk,
            first_save: added > 0,
            written: None,
            conflict: None,
        })
    }
}

/// What a majority agrees on goes to gold; what gold has there already
/// (an earlier run, the adjudicator's edit) is kept. Returns how many
/// claims were added.
fn add_agreed(app: &mut AdjudicateApp) -> usize {
    let sets = app.sets();
    let mut claims = Vec::new();
    for cluster in &app.plan.agreed {
        if !adj::has_agreed(cluster, &app.gold)
            && let Some(c) = adj::agreed_claim(cluster, &sets, &app.slugs, &app.article)
        {
            claims.push(c);
        }
    }
    let added = claims.len();
    app.gold.claims.extend(claims);
    app.gold.sort();
    added
}

impl Screen for AdjudicateScreen {
    crate::runtime::app_screen!(adjudicate, prompt Mode::Edit { input, .. } => input);

    fn prompt_done(&mut self, edit: Edit) {
        update::prompt_done(&mut self.app, edit);
    }

    fn update(&mut self, action: Action) -> Flow {
        let flow = update::update(&mut self.app, action);
        if action == Action::Save {
            // Written at once, not on the next turn of the loop.
            let app = &mut self.app;
            if let SaveState::ReadOnly(why) = &app.core.save {
                app.core.message = Some(format!("read-only: {why}"));
                return flow;
            }
            let said = match self.save() {
                Ok(()) => {
                    self.app.core.save = SaveState::Saved;
                    format!(
                        "saved in {} (decisions are saved as you go)",
                        self.app.gold_file.display()
                    )
                }
                Err(e) => {
                    self.app.core.save = SaveState::Failed(e.clone());
                    format!("not saved: {e}")
                }
            };
            // A conflict copy's message says where the save went.
            if !self.app.core.diverted {
                self.app.core.message = Some(said);
            }
        }
        flow
    }

    /// Writes the gold file, as the annotation screen writes an annotator
    /// file: if it changed on disk under the session, the save goes to a
    /// conflict copy and the screen says so.
    fn save(&mut self) -> Result<(), String> {
        let app = &mut self.app;
        store::open::stamp(&mut app.gold, &app.article);
        let mut timeless = app.gold.clone();
        timeless.annotator.updated = None;
        if self.written.as_ref() == Some(&timeless) {
            return Ok(());
        }
        if let Some(msg) = crate::saving::save(
            &mut self.disk,
            &app.gold,
            &app.gold_file,
            ("this adjudication", "your decisions are"),
            &mut app.core,
        )? {
            self.conflict = Some(msg);
        }
        self.written = Some(timeless);
        Ok(())
    }

    /// The agreed claims are saved at once; a session that opened
    /// read-only (another one held the gold file) becomes writable when the
    /// other one ends, with the file as that one left it.
    fn effects(&mut self) {
        if std::mem::take(&mut self.first_save) {
            self.app.core.revision += 1;
        }
        let Some(reloaded) = crate::saving::take_over(&mut self.disk, &self.app.article) else {
            return;
        };
        let app = &mut self.app;
        if let Some(Some(set)) = app.core.took_over(reloaded) {
            let name = adj::adjudicator_of(&app.gold).map(str::to_owned);
            app.gold = set;
            if let Some(name) = name {
                adj::set_adjudicator(&mut app.gold, &name);
            }
            app.undo.clear();
            if add_agreed(app) > 0 {
                app.core.revision += 1;
            }
            app.refresh();
        }
    }

    fn recover(&mut self) -> Option<Result<PathBuf, String>> {
        let name = self
            .app
            .gold_file
            .file_name()?
            .to_string_lossy()
            .into_owned();
        Some(store::recovery::write(
            &name,
            store::to_string(&self.app.gold).as_bytes(),
        ))
    }
}
