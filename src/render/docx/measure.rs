//! Widths of text, for the rules the PDF sizes to the text above them (under the issuer,
//! the Tiêu ngữ, the trích yếu) and for the narrow table columns it sizes to their content.
//! Measured with the bundled Liberation Serif, metric twin of Times New Roman: the same
//! widths whichever of the two the reader's Word has, and whatever font folder built it.

use std::sync::atomic::{AtomicU32, Ordering};

use ttf_parser::Face;

use crate::render::fonts::BUNDLED_FACES;

pub struct Metrics {
    regular: Face<'static>,
    bold: Face<'static>,
    italic: Face<'static>,
}

impl Metrics {
    pub fn new() -> Result<Self, String> {
        let face = |i: usize| {
            Face::parse(BUNDLED_FACES[i], 0)
                .map_err(|e| format!("the bundled font does not parse: {e}"))
        };
        Ok(Self {
            regular: face(0)?,
            bold: face(1)?,
            italic: face(2)?,
        })
    }

    /// Width in points of `text` on one line at `size` points. A character the font lacks
    /// counts as half an em, near an average letter.
    pub fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        if bold {
            self.width_in(&self.bold, 1, text, size)
        } else {
            self.width_in(&self.regular, 0, text, size)
        }
    }

    /// The same in the italic face (the date line).
    pub fn width_italic(&self, text: &str, size: f64) -> f64 {
        self.width_in(&self.italic, 2, text, size)
    }

    /// `n`: the face's index in [`BUNDLED_FACES`], which names its row of [`ADVANCES`].
    fn width_in(&self, face: &Face<'static>, n: usize, text: &str, size: f64) -> f64 {
        let per_em = face.units_per_em();
        let advance = |c: char| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .unwrap_or(per_em / 2)
        };
        let units: u32 = text
            .chars()
            .map(|c| {
                let Some(slot) = ADVANCES[n].get(c as usize) else {
                    return u32::from(advance(c));
                };
                match slot.load(Ordering::Relaxed) {
                    UNKNOWN => {
                        let a = u32::from(advance(c));
                        slot.store(a, Ordering::Relaxed);
                        a
                    }
                    a => a,
                }
            })
            .sum();
        f64::from(units) / f64::from(per_em) * size
    }
}

/// Each bundled face's advances for the characters below U+2000 (all of Vietnamese), looked
/// up in its font once per process: every table cell of every document is measured, a word
/// at a time and a line at a time, on every build.
static ADVANCES: [[AtomicU32; 0x2000]; 3] =
    [const { [const { AtomicU32::new(UNKNOWN) }; 0x2000] }; 3];
const UNKNOWN: u32 = u32::MAX;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_is_wider_and_size_scales() {
        let m = Metrics::new().unwrap();
        let motto = "Độc lập - Tự do - Hạnh phúc";
        let (r, b) = (m.width(motto, 14.0, false), m.width(motto, 14.0, true));
        assert!(b > r, "{b} > {r}");
        // Times New Roman Bold 14 pt sets the Tiêu ngữ in about 59 mm.
        assert!((150.0..190.0).contains(&b), "{b}");
        assert!((m.width(motto, 28.0, true) - 2.0 * b).abs() < 0.01);
    }
}
