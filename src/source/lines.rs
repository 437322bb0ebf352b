//! Byte offsets to 1-based lines and character columns, in time independent
//! of the file's size: line starts are found once, and columns on long
//! non-ASCII lines are counted from the nearest checkpoint.

use std::ops::Range;

use crate::diagnostic::Span;

/// Characters are counted from a checkpoint every this many bytes.
const CHECKPOINT: usize = 1024;

/// Line starts of a text, for turning byte offsets into lines and columns.
pub(crate) struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
    /// For non-ASCII texts: the number of characters before each
    /// checkpoint (adjusted to the char boundary at or before it).
    chars: Option<Vec<(usize, usize)>>,
    /// Bytes of a leading byte order mark, which is not a column.
    bom: usize,
}

impl<'t> LineIndex<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
            .collect();
        let chars = (!text.is_ascii()).then(|| {
            let mut out = Vec::with_capacity(text.len() / CHECKPOINT + 1);
            let mut count = 0;
            let mut at = 0;
            while at < text.len() {
                out.push((at, count));
                let mut next = (at + CHECKPOINT).min(text.len());
                while !text.is_char_boundary(next) {
                    next += 1;
                }
                count += text[at..next].chars().count();
                at = next;
            }
            out
        });
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Self {
            text,
            starts,
            chars,
            bom,
        }
    }

    /// Characters before `offset` (a char boundary).
    fn chars_before(&self, offset: usize) -> usize {
        match &self.chars {
            None => offset,
            Some(checkpoints) => {
                let i = checkpoints.partition_point(|&(at, _)| at <= offset);
                let (at, count) = checkpoints[i.saturating_sub(1)];
                count + self.text[at..offset].chars().count()
            }
        }
    }

    /// The 1-based line and character column of a byte offset.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let mut start = self.starts[line];
        if line == 0 {
            start = self.bom.min(offset);
        }
        let column = self.chars_before(offset) - self.chars_before(start) + 1;
        (line + 1, column)
    }

    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        let (line, column) = self.position(range.start);
        let (end_line, end_column) = self.position(range.end.max(range.start));
        Span {
            start: range.start,
            end: range.end.max(range.start),
            line,
            column,
            end_line,
            end_column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "a = 1\nb = \"é€\" x\n";
        let lines = LineIndex::new(text);
        assert_eq!(lines.position(0), (1, 1));
        assert_eq!(lines.position(6), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(lines.position(x), (2, 10));
        assert_eq!(lines.position(text.len()), (3, 1));
    }

    #[test]
    fn a_byte_order_mark_is_not_a_column() {
        let text = "\u{feff}name = 1\n";
        let lines = LineIndex::new(text);
        assert_eq!(lines.position(3), (1, 1));
        assert_eq!(lines.position(0), (1, 1));
        assert_eq!(lines.position(text.find('=').unwrap()), (1, 6));
    }

    #[test]
    fn long_non_ascii_lines_use_checkpoints() {
        let text = "é".repeat(5000) + "x";
        let lines = LineIndex::new(&text);
        assert_eq!(lines.position(text.len() - 1), (1, 5001));
        assert_eq!(lines.position(2 * 2500), (1, 2501));
        // Inside a character: the start of that character.
        assert_eq!(lines.position(2 * 2500 + 1), (1, 2501));
    }
}
