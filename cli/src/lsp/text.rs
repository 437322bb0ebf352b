//! Positions: the library's byte offsets and the editor's line and
//! character, counted in UTF-8 bytes or UTF-16 code units as negotiated.

use lsp_types::{Position, Range};

/// How the editor counts characters in a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes of UTF-8.
    Utf8,
    /// Code units of UTF-16 (what every client supports).
    Utf16,
}

impl Encoding {
    /// The width of `c` in this encoding.
    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// The start of every line of a text, to turn byte offsets into positions
/// and back. Lines end at `\n`; a `\r` before it belongs to no position a
/// client can ask for but is counted like any character.
#[derive(Clone, Debug)]
pub struct Lines {
    starts: Vec<usize>,
    len: usize,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(newlines(text).map(|at| at + 1));
        Lines {
            starts,
            len: text.len(),
        }
    }

    /// The position of byte `offset` (clamped to the text, and moved back
    /// to the start of the character it falls inside).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(self.len).min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let character: usize = text[start..offset].chars().map(|c| encoding.width(c)).sum();
        Position::new(saturate(line), saturate(character))
    }

    /// The range of bytes `start..end`.
    pub fn range(&self, text: &str, start: usize, end: usize, encoding: Encoding) -> Range {
        Range::new(
            self.position(text, start, encoding),
            self.position(text, end.max(start), encoding),
        )
    }

    /// The byte offset of `position`. A line past the end is the end of the
    /// text; a character past the end of its line is the end of the line
    /// (before its `\n`), and one inside a character is that character's
    /// start.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let end = match self.starts.get(line + 1) {
            Some(&next) => next - 1,
            None => text.len(),
        };
        let wanted = position.character as usize;
        let mut units = 0;
        for (at, c) in text[start..end].char_indices() {
            let width = encoding.width(c);
            if units + width > wanted {
                return start + at;
            }
            units += width;
        }
        end
    }
}

/// The byte offsets of the `\n` of `text`.
fn newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(at, _)| at)
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_in_both_encodings() {
        let text = "é = 1\n😀x\nlast";
        let lines = Lines::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(lines.position(text, x, Encoding::Utf8), Position::new(1, 4));
        assert_eq!(
            lines.position(text, x, Encoding::Utf16),
            Position::new(1, 2)
        );
        assert_eq!(lines.offset(text, Position::new(1, 2), Encoding::Utf16), x);
        assert_eq!(lines.offset(text, Position::new(1, 4), Encoding::Utf8), x);
        // Inside the emoji: its start.
        assert_eq!(
            lines.offset(text, Position::new(1, 1), Encoding::Utf16),
            x - 4
        );
        assert_eq!(
            lines.position(text, x - 2, Encoding::Utf8),
            Position::new(1, 0)
        );
        // Past the end of a line, of the text.
        assert_eq!(lines.offset(text, Position::new(0, 99), Encoding::Utf8), 6);
        assert_eq!(
            lines.offset(text, Position::new(9, 0), Encoding::Utf8),
            text.len()
        );
        assert_eq!(
            lines.position(text, 999, Encoding::Utf16),
            Position::new(2, 4)
        );
    }
}
