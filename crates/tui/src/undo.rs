//! Undo and redo as the annotation and review screens keep them: two
//! stacks of steps; undo takes a step from one and gives its reverse to
//! the other, redo the other way round.

/// The stack a step is taken from and the one its reverse goes to.
pub fn stacks<'a, T>(
    undo: &'a mut Vec<T>,
    redo: &'a mut Vec<T>,
    is_undo: bool,
) -> (&'a mut Vec<T>, &'a mut Vec<T>) {
    if is_undo { (undo, redo) } else { (redo, undo) }
}

/// What is said when the stack is empty.
pub fn nothing(is_undo: bool) -> String {
    if is_undo {
        "nothing to undo"
    } else {
        "nothing to redo"
    }
    .into()
}
