//! What the fonts can draw, as a question the loader asks of every character: the loader
//! checks text against it without knowing about fonts, and the renderer answers it.

/// Which characters the bundled fonts can draw in every style used by the theme.
pub struct Coverage(Box<dyn Fn(char) -> bool + Send + Sync>);

impl Coverage {
    pub fn new(f: impl Fn(char) -> bool + Send + Sync + 'static) -> Self {
        Self(Box::new(f))
    }

    /// Accept every printable character (for tools that do not render).
    pub fn any() -> Self {
        Self::new(|_| true)
    }

    pub fn draws_char(&self, c: char) -> bool {
        (self.0)(c)
    }
}
