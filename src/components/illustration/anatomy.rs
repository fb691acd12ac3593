//! Static bone geometry: the shared shapes in `<defs>` and the side view of
//! three lumbar vertebrae. Front of the body is on the left, head at the top.
//!
//! Coordinates (viewBox 440×372): vertebral bodies are 110×72 at x=108, with
//! tops at y=50 (upper), 144 (middle, fractured) and 238 (lower); discs are
//! 22 high. The upper vertebra and the top half of the middle body pivot
//! about the middle body's back-top corner (218,144), see `illustration.css`.

use yew::prelude::*;

/// Vertebral body outline in local coordinates (110×72): slightly waisted
/// front and gently concave endplates, like a real lumbar body.
const BODY: &str =
    "M7 0Q55 3 103 0Q110 0 110 7V65Q110 72 103 72Q55 69 7 72Q0 72 0 65Q4 36 0 7Q0 0 7 0Z";
/// Pedicle, articular processes, lamina and spinous process, in the body's
/// local coordinates so one `<use>` positions it with its body.
const ARCH: &str = "M108 6C120 6 132 6 142 4C146-4 148-12 152-18Q157-23 162-18C164-10 166-2 170 6C176 12 186 14 196 15C212 16 226 18 236 20Q244 22 244 32C244 40 243 48 238 52C224 54 206 56 190 60C184 66 182 76 180 86Q176 94 168 90C164 80 160 66 154 52C146 40 136 34 126 34C118 34 112 36 108 38Z";
/// Intervertebral disc, matching the endplate curves above and below it.
const DISC: &str = "M2 0Q55-3 108 0Q116 11 108 22Q55 25 2 22Q-6 11 2 0Z";
/// Top half of the fractured body: filled part and its cortex (no stroke
/// along the cut, so the two halves read as one bone whatever their angle).
const CAP_FILL: &str = "M7 0Q55 3 103 0Q110 0 110 7V42H2C2 30 1 18 0 7Q0 0 7 0Z";
const CAP_EDGE: &str = "M2 42C2 30 1 18 0 7Q0 0 7 0Q55 3 103 0Q110 0 110 7V42";
/// Bottom half of the fractured body.
const BASE_FILL: &str = "M2 34H110V65Q110 72 103 72Q55 69 7 72Q0 72 0 65C1 58 2 46 2 34Z";
const BASE_EDGE: &str = "M2 34C2 46 1 58 0 65Q0 72 7 72Q55 69 103 72Q110 72 110 65V34";
/// Compressed, cracked bone at the collapsed front of the middle body.
const CRACKS: &str = "M4 11l8 4 6-3 8 5 8-2M3 25l9-3 7 5 9-1M12 15l2 8";

/// Shared shapes and patterns; ids carry the instance prefix so several
/// widgets can share one page.
pub fn defs(id: &str) -> Html {
    html! {
        <defs>
            <pattern id={format!("{id}-sp")} width="16" height="14" patternUnits="userSpaceOnUse">
                <rect class="kg-ill-spongy-bg" width="16" height="14" />
                <path class="kg-ill-trab" d="M1 4q4 2 7-1M10 1q1 5 5 6M3 9q3 4 7 3M12 13l3-3" />
            </pattern>
            <pattern id={format!("{id}-ce")} width="7" height="7" patternUnits="userSpaceOnUse">
                <rect class="kg-ill-cement-bg" width="7" height="7" />
                <circle class="kg-ill-cement-dot" cx="2" cy="2" r="1.1" />
                <circle class="kg-ill-cement-dot" cx="5.5" cy="5.5" r=".8" />
            </pattern>
            <linearGradient id={format!("{id}-ti")}>
                <stop class="kg-ill-tissue-stop" offset="0" stop-opacity="0" />
                <stop class="kg-ill-tissue-stop" offset=".3" />
            </linearGradient>
            <path id={format!("{id}-body")} d={BODY} />
            <path id={format!("{id}-arch")} d={ARCH} />
            <path id={format!("{id}-disc")} d={DISC} />
        </defs>
    }
}

/// One `<use>` of a shared shape, placed at (x, y).
fn part(id: &str, shape: &str, class: &'static str, x: u32, y: u32) -> Html {
    let href = format!("#{id}-{shape}");
    let fill = (shape == "body").then(|| format!("url(#{id}-sp)"));
    html! {
        <@{"use"} href={href} class={class} x={x.to_string()} y={y.to_string()} fill={fill} />
    }
}

/// A disc with its softer nucleus, top edge at `y`.
fn disc(id: &str, y: u32, extra: &'static str) -> Html {
    html! {
        <g class={classes!("kg-ill-disc-group", extra)}>
            { part(id, "disc", "kg-ill-disc", 108, y) }
            <ellipse class="kg-ill-nucleus" cx="165" cy={(y + 11).to_string()} rx="24" ry="5" />
        </g>
    }
}

/// The side view: soft tissue, canal, skin and the three vertebrae. The
/// upper group and the middle body's cap carry the classes CSS moves.
pub fn side_view(id: &str) -> Html {
    let sp = format!("url(#{id}-sp)");
    html! {
        <g class="kg-ill-side">
            <path class="kg-ill-tissue" fill={format!("url(#{id}-ti)")} d="M60 0H366C378 120 378 250 366 372H60Z" />
            <rect class="kg-ill-canal" x="218" y="22" width="38" height="350" rx="4" />
            <rect class="kg-ill-cord" x="228" y="22" width="18" height="350" rx="9" />
            <path class="kg-ill-skin" d="M366 0C378 120 378 250 366 372" />
            // Lower vertebra and the discs below the fracture: fixed.
            { disc(id, 310, "kg-ill-stub") }
            { part(id, "arch", "kg-ill-post", 108, 238) }
            { disc(id, 216, "kg-ill-disc-main") }
            { part(id, "body", "kg-ill-vb", 108, 238) }
            // Middle vertebra: arch and bottom half fixed.
            { part(id, "arch", "kg-ill-post", 108, 144) }
            <g transform="translate(108 144)">
                <path class="kg-ill-vb-fill" fill={sp.clone()} d={BASE_FILL} />
                <path class="kg-ill-vb-edge" d={BASE_EDGE} />
            </g>
            // Everything above the fracture tilts forward when collapsed.
            <g class="kg-ill-upper">
                { disc(id, 28, "kg-ill-stub") }
                { part(id, "arch", "kg-ill-post", 108, 50) }
                { disc(id, 122, "") }
                { part(id, "body", "kg-ill-vb", 108, 50) }
            </g>
            <g class="kg-ill-cap">
                <g transform="translate(108 144)">
                    <path class="kg-ill-vb-fill" fill={sp} d={CAP_FILL} />
                    <path class="kg-ill-vb-edge" d={CAP_EDGE} />
                                        <path class="kg-ill-crack" d={CRACKS} />
                </g>
            </g>
        </g>
    }
}
