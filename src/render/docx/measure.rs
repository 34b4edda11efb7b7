//! Widths of text, for the rules the PDF sizes to the text above them (under the issuer,
//! the Tiêu ngữ, the trích yếu) and for the narrow table columns it sizes to their content.
//! Measured with the bundled Liberation Serif, metric twin of Times New Roman: the same
//! widths whichever of the two the reader's Word has, and whatever font folder built it.

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
        self.width_in(if bold { &self.bold } else { &self.regular }, text, size)
    }

    /// The same in the italic face (the date line).
    pub fn width_italic(&self, text: &str, size: f64) -> f64 {
        self.width_in(&self.italic, text, size)
    }

    fn width_in(&self, face: &Face<'static>, text: &str, size: f64) -> f64 {
        let per_em = f64::from(face.units_per_em());
        let units: f64 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|g| face.glyph_hor_advance(g))
                    .map_or(per_em / 2.0, f64::from)
            })
            .sum();
        units / per_em * size
    }
}

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
