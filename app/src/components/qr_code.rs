use leptos::prelude::*;
use qrcode::{Color, QrCode as Matrix};

/// The SVG path of a QR code's dark modules, one unit square each, with a 4-module quiet zone; and the
/// side of the whole image in modules. `None` when the text does not fit in a QR code.
fn path_of(text: &str) -> Option<(String, usize)> {
    let code = Matrix::new(text.as_bytes()).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (i, color) in colors.iter().enumerate() {
        if *color == Color::Dark {
            let (x, y) = (i % width + 4, i / width + 4);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some((path, width + 8))
}

/// A QR code of `text`, drawn as SVG (crisp when printed), with `label` as its accessible name.
#[component]
pub fn QrCode(#[prop(into)] text: String, #[prop(into)] label: String) -> impl IntoView {
    path_of(&text).map(|(path, side)| {
        view! {
            <svg
                class="qr"
                role="img"
                aria-label=label
                viewBox=format!("0 0 {side} {side}")
                shape-rendering="crispEdges"
            >
                <rect width=side.to_string() height=side.to_string() fill="#fff" />
                <path d=path fill="#000" />
            </svg>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_link_becomes_a_square_of_modules() {
        let (path, side) = path_of("https://example.org/join?code=ABCDEFGH").unwrap_or_default();
        // Version 3 (29 modules) plus the quiet zone on both sides.
        assert_eq!(side, 29 + 8);
        assert!(
            path.starts_with("M4 4h1v1h-1z"),
            "the finder pattern's corner is dark"
        );
    }
}
