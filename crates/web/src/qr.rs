//! QR codes drawn as inline SVG (an invitation link, an authenticator's
//! enrolment link), by the maintained `qrcode` crate.

/// The link as a QR code, inline SVG with its own label.
pub fn svg(link: &str, label: &str) -> String {
    let Ok(code) = qrcode::QrCode::new(link.as_bytes()) else { return String::new() };
    let svg = code.render::<qrcode::render::svg::Color>().min_dimensions(220, 220).build();
    // Inline in HTML: no XML prolog; a role and a name for screen readers.
    let svg = svg.find("<svg").map_or(svg.as_str(), |at| &svg[at..]).to_string();
    let label = label.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    svg.replacen("<svg", &format!("<svg role=\"img\" aria-label=\"{label}\""), 1)
}
