//! Colour arithmetic for the dataset's provider colours: WCAG contrast (the
//! loader rejects a colour that cannot be told from the page) and the sRGB mix
//! the stylesheet's `color-mix()` performs, so exported pictures match the page.

/// The backgrounds a provider colour is drawn on, per theme: the page and the
/// raised surface (timeline lanes, chips). `style/main.css` declares the same
/// values as `--bg` and `--surface`; a test holds the two together.
pub const LIGHT_BACKGROUNDS: [&str; 2] = ["#ffffff", "#f4f6f9"];
pub const DARK_BACKGROUNDS: [&str; 2] = ["#12161b", "#1b2128"];

/// WCAG 2.2 SC 1.4.11: graphical objects need 3:1 against what is next to them.
pub const MIN_CONTRAST: f64 = 3.0;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`, nothing else.
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let at = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Rgb(at(0)?, at(2)?, at(4)?))
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2.2 definition).
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// `t` of `self` and `1 − t` of `other`, channel by channel, as CSS
    /// `color-mix(in srgb, self t·100%, other)`.
    pub fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (a as f64 * t + b as f64 * (1.0 - t)).round() as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

/// The WCAG contrast ratio of two colours, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The lowest contrast of `colour` against any of `backgrounds`, and that background.
pub fn worst_contrast(colour: Rgb, backgrounds: &[&'static str]) -> (f64, &'static str) {
    backgrounds
        .iter()
        .filter_map(|bg| Some((contrast(colour, Rgb::parse(bg)?), *bg)))
        .fold((f64::MAX, ""), |w, c| if c.0 < w.0 { c } else { w })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_examples() {
        let c = |a, b| contrast(Rgb::parse(a).unwrap(), Rgb::parse(b).unwrap());
        assert!((c("#000000", "#ffffff") - 21.0).abs() < 1e-9);
        assert!((c("#777777", "#ffffff") - 4.48).abs() < 0.01);
        assert!((c("#ffffff", "#ffffff") - 1.0).abs() < 1e-9);
        assert_eq!(Rgb::parse("#D55E00"), Some(Rgb(0xd5, 0x5e, 0)));
        assert_eq!(Rgb::parse("d55e00"), None);
        assert_eq!(Rgb::parse("#d55e0"), None);
        assert_eq!(Rgb(0, 0, 0).mix(Rgb(255, 255, 255), 0.5).hex(), "#808080");
    }

    /// The page's stylesheet and the validator agree on what a provider colour is drawn on.
    #[test]
    fn backgrounds_are_the_stylesheets() {
        let css = include_str!("../../style/main.css");
        let (light, rest) = css
            .split_once("@media (prefers-color-scheme: dark)")
            .unwrap();
        for (block, [bg, surface]) in [(light, LIGHT_BACKGROUNDS), (rest, DARK_BACKGROUNDS)] {
            assert!(block.contains(&format!("--bg: {bg};")), "--bg {bg}");
            assert!(
                block.contains(&format!("--surface: {surface};")),
                "--surface {surface}"
            );
        }
    }
}
