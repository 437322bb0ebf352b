//! Reading helpers both manifest versions use.

use crate::path::P;
use crate::read::{Cx, Table};
use crate::source::Node;

/// Starts reading a table; when the value is not one, the wrong-type error
/// carries `help`.
pub(crate) fn table_or<'n, 'a, 'p>(
    cx: &mut Cx,
    node: &'n Node<'a>,
    path: P<'p>,
    help: &str,
) -> Option<Table<'n, 'a, 'p>> {
    if node.as_table().is_none() {
        cx.wrong_type(node, &path, "a table").help(help);
        return None;
    }
    cx.expect_table(node, path)
}
