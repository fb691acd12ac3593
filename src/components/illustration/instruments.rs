//! Instruments and treatment results: skin cuts, cannula, balloon, cavity,
//! cement, skin closure, and the top-view inset with two cannulas. All are
//! always in the markup; CSS shows and moves them per scene.

use super::n;
use yew::prelude::*;

/// Balloon, cavity and cement share this centre in the front third of the
/// middle body (x 108–145), so the cannula tip at (140,188) sits inside them.
const CX: f64 = 145.0;
const CY: f64 = 181.0;
/// Irregular cement outline: cement interdigitates with the bone around
/// the cavity rather than forming a perfect ellipse.
const CEMENT: &str = "M115 180C113 165 125 155 138 156C146 151 159 153 165 159C174 162 177 172 175 181C177 192 170 204 158 205C150 210 137 209 130 205C120 203 113 192 115 180Z";
/// Axial vertebral body (front left) with the concave back wall of the canal.
const AXIAL_BODY: &str =
    "M0-34C-18-34-26-20-26 0S-18 34 0 34C14 34 24 26 25 14C20 8 20-8 25-14C24-26 14-34 0-34Z";
/// Pedicles, transverse processes, lamina and spinous process around the
/// canal (the hole, drawn with evenodd).
const AXIAL_ARCH: &str = "M18-25L38-26L46-40Q51-44 55-39L52-24Q60-16 62-5L86-2Q89 0 86 2L62 5Q60 16 52 24L55 39Q51 44 46 40L38 26L18 25ZM38-13A13 13 0 1 0 38 13A13 13 0 1 0 38-13Z";

/// A hollow cannula along +x from its tip at the local origin, with a
/// handle at the far end. The inner group is what CSS slides in.
fn cannula(length: f64, width: f64) -> Html {
    let handle = length - 22.0 * width / 5.5;
    html! {
        <g class="kg-ill-needle">
            <path class="kg-ill-shaft" stroke-width={n(width)} d={format!("M1 0H{}", n(handle))} />
            <path class="kg-ill-lumen" stroke-width={n(width / 3.2)} d={format!("M4 0H{}", n(handle))} />
            <rect
                class="kg-ill-handle"
                x={n(handle)}
                y={n(-width * 1.5)}
                width={n(length - handle)}
                height={n(width * 3.0)}
                rx="3"
            />
        </g>
    }
}

/// A balloon (with its catheter) centred at (cx, cy); CSS scales it about
/// its own centre with the inflation.
fn balloon(cx: f64, cy: f64, rx: f64, ry: f64) -> Html {
    html! {
        <g class="kg-ill-balloon">
            <ellipse class="kg-ill-balloon-skin" cx={n(cx)} cy={n(cy)} rx={n(rx)} ry={n(ry)} />
            <ellipse class="kg-ill-balloon-shine" cx={n(cx - rx * 0.35)} cy={n(cy - ry * 0.4)} rx={n(rx * 0.35)} ry={n(ry * 0.22)} />
        </g>
    }
}

/// Side-view instruments, drawn over the bone.
pub fn side_instruments(id: &str) -> Html {
    html! {
        <g class="kg-ill-tools">
            <g class="kg-ill-incision">
                <path class="kg-ill-plan" d="M374 129L140 188" />
                <circle class="kg-ill-plan" cx="236" cy="164" r="11" />
                <path class="kg-ill-cut" d="M369 123h10M369 136h10" />
            </g>
            <ellipse class="kg-ill-cavity" cx={n(CX)} cy={n(CY)} rx="30" ry="27" />
            <path class="kg-ill-cement" fill={format!("url(#{id}-ce)")} d={CEMENT} />
            <g transform="translate(140 188) rotate(-14.17)">
                { cannula(268.0, 6.5) }
            </g>
            { balloon(CX, CY, 29.0, 26.0) }
            <g class="kg-ill-closure">
                <rect class="kg-ill-strip" x="367" y="120" width="14" height="19" rx="3" />
                <path class="kg-ill-scar" d="M370 129.5h8" />
            </g>
        </g>
    }
}

/// Top-view (axial) inset: one vertebra seen from above, front on the left
/// like the side view, with a cannula through each pedicle beside the canal.
pub fn top_view(id: &str, title: Option<&'static str>) -> Html {
    html! {
        <g class="kg-ill-top">
            <rect class="kg-ill-panel" x="250" y="238" width="186" height="130" rx="10" />
            if let Some(title) = title {
                <text class="kg-ill-text kg-ill-panel-title" x="260" y="258">{ title }</text>
            }
            <g transform="translate(296 312) scale(1.2)">
                <circle class="kg-ill-canal" cx="38" cy="0" r="13" />
                <circle class="kg-ill-cord" cx="38" cy="0" r="6.5" />
                <path class="kg-ill-post" fill-rule="evenodd" d={AXIAL_ARCH} />
                <path class="kg-ill-vb" fill={format!("url(#{id}-sp)")} d={AXIAL_BODY} />
                { balloon(-8.0, -12.0, 12.0, 9.0) }
                { balloon(-8.0, 12.0, 12.0, 9.0) }
                <g transform="translate(-12 -6) rotate(-16.5)">{ cannula(108.0, 3.5) }</g>
                <g transform="translate(-12 6) rotate(16.5)">{ cannula(108.0, 3.5) }</g>
            </g>
        </g>
    }
}
