"""The chart palettes: recolouring compiled specs, and the projector palette's contrast and colour-blind
safety, checked with a simulation of colour-vision deficiency (Machado, Oliveira & Fernandes 2009,
"A physiologically-based model for simulation of color vision deficiency", IEEE TVCG 15(6), severity 1)."""
from __future__ import annotations

import itertools
import math

from hypothesis import given
from hypothesis import strategies as st

from book.charts import OKABE_ITO
from book.charts.palette import PALETTES, convert, derivation, in_palette, is_neutral, recolour, recolour_text

MACHADO = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def _linear(colour: str) -> list[float]:
    def one(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return [one(int(colour[i:i + 2], 16)) for i in (1, 3, 5)]


def _lab(rgb: list[float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, \
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116 for v in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _seen(colour: str, matrix) -> tuple[float, float, float]:
    rgb = _linear(colour)
    return _lab([min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in matrix])


def _contrast_with_white(colour: str) -> float:
    r, g, b = _linear(colour)
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def _used(palette: tuple[str, ...]) -> list[str]:
    return [c for i, c in enumerate(palette) if i != 3]        # no chart uses yellow (index 3)


def _closest_pair(palette: tuple[str, ...], matrix) -> float:
    used = _used(palette)
    return min(math.dist(_seen(a, matrix), _seen(b, matrix)) for a, b in itertools.combinations(used, 2))


def test_the_projector_colours_stand_out_on_white_better_than_okabe_ito():
    contrast = PALETTES["contrast"]
    assert min(_contrast_with_white(c) for c in _used(contrast)) >= 2.8
    assert min(_contrast_with_white(c) for c in _used(OKABE_ITO)) < 2.5


def test_the_projector_colours_stay_apart_under_every_colour_vision_deficiency():
    for name, matrix in MACHADO.items():
        assert _closest_pair(PALETTES["contrast"], matrix) >= 14.5, name
        assert _closest_pair(OKABE_ITO, matrix) >= 14.5, name          # the default's closest pair: ΔE 16


def test_the_default_palette_changes_nothing():
    spec = {"mark": {"color": "#E69F00"}, "encoding": {"color": {"scale": {"range": ["#0072B2", "#fbe9cf"]}}}}
    assert recolour(spec, "okabe-ito") is spec
    assert in_palette(spec, "okabe-ito") == spec


def test_okabe_ito_colours_swap_place_for_place_and_greys_stay():
    spec = {"layer": [{"mark": {"color": "#e69f00", "stroke": "#555555"}},
                      {"encoding": {"color": {"scale": {"range": list(OKABE_ITO)}}}},
                      {"transform": [{"calculate": "datum.x ? '#D55E00' : '#0072B2'", "as": "c"}]}]}
    out = recolour(spec, "contrast")
    assert out["layer"][0]["mark"] == {"color": PALETTES["contrast"][0], "stroke": "#555555"}
    assert out["layer"][1]["encoding"]["color"]["scale"]["range"] == list(PALETTES["contrast"])
    assert out["layer"][2]["transform"][0]["calculate"] == \
        f"datum.x ? '{PALETTES['contrast'][5]}' : '{PALETTES['contrast'][4]}'"
    assert spec["layer"][0]["mark"]["color"] == "#e69f00", "the cached spec is not changed"


def test_a_tint_becomes_the_same_tint_of_the_new_colour():
    tint = "#80B8D8"                               # half-way from Okabe–Ito blue #0072B2 to white
    index, kind, amount = derivation(tint)
    assert (index, kind) == (4, "tint") and abs(amount - 0.5) < 0.02
    new = convert(tint, "contrast")
    assert new == "#" + "".join(f"{round(c + 0.5 * (255 - c)):02X}" for c in (0x00, 0x44, 0x88)) or \
        all(abs(int(new[i:i + 2], 16) - v) <= 2 for i, v in zip((1, 3, 5), (128, 162, 196)))


def test_a_diagram_s_svg_is_recoloured_too():
    dot = '<rect fill="#fde9d4"/><path stroke="#444444"/><rect fill="#0072B2"/>'
    out = recolour_text(dot, "contrast")
    assert '"#444444"' in out and PALETTES["contrast"][4] in out and "#fde9d4" not in out


def test_in_palette_reuses_its_work_and_returns_a_fresh_top_level():
    spec = {"mark": {"color": "#009E73"}, "width": "container"}
    first, second = in_palette(spec, "contrast"), in_palette(spec, "contrast")
    assert first == second and first is not second and first["mark"] is second["mark"]
    first["width"] = 300
    assert in_palette(spec, "contrast")["width"] == "container"


@given(st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255)))
def test_any_colour_converts_to_a_valid_colour_and_greys_are_kept(rgb):
    colour = "#" + "".join(f"{c:02X}" for c in rgb)
    out = convert(colour, "contrast")
    assert len(out) == 7 and out.startswith("#") and int(out[1:], 16) >= 0
    if is_neutral(colour):
        assert out == colour
