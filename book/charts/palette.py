"""The reader's chart palette: every compiled chart spec recoloured from Okabe–Ito to the chosen palette.

Chart modules are written in the Okabe–Ito colours (`OKABE_ITO`) and in light tints or dark shades of
them for bands and backgrounds; greys are left alone. `recolour(spec, palette)` swaps each Okabe–Ito
colour for the palette's colour in the same place and each tint or shade for the same tint or shade of
that colour, so a chart needs no palette code of its own. Diagrams drawn as SVG text are recoloured
the same way.

Palettes (the first is the default):
- "okabe-ito": Okabe & Ito (2008), "Color Universal Design", https://jfly.uni-koeln.de/color/ —
  colour-blind safe, the book's default.
- "contrast": for a projector. Darker, saturated colours of the same hues (so "the blue bars" stays
  true), taken from Paul Tol's colour-blind-safe qualitative schemes (Tol 2021, "Colour Schemes",
  SRON/EPS/TN/09-002 issue 3.2, https://personal.sron.nl/~pault/data/colourschemes.pdf): vibrant
  orange and blue, muted green and wine, high-contrast blue, red and yellow (yellow is in no chart).
  Against white every colour a chart uses has a contrast ratio of at least 2.8 (Okabe–Ito's orange and
  sky blue have 2.3), and under simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009)
  no two of them come closer than ΔE 14.9, about as far apart as Okabe–Ito's closest pair (ΔE 16);
  tests/test_palette.py checks both.
Very pale tints (channels within 24 of each other, e.g. a #e8f1f8 background) count as greys and stay.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import OKABE_ITO

PALETTES: dict[str, tuple[str, ...]] = {
    "okabe-ito": OKABE_ITO,
    #             orange     sky blue   green      yellow     blue       vermilion  purple     black
    "contrast": ("#EE7733", "#0077BB", "#117733", "#DDAA33", "#004488", "#BB5566", "#882255", "#000000"),
}
HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")
NEUTRAL_SPREAD = 24         # a colour whose channels differ by less than this is a grey and kept


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def _hex(rgb) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02X}" for c in rgb)


def is_neutral(colour: str) -> bool:
    rgb = _rgb(colour)
    return max(rgb) - min(rgb) < NEUTRAL_SPREAD


def derivation(colour: str) -> tuple[int, str, float]:
    """How `colour` comes from an Okabe–Ito colour: (its index, "tint" towards white or "shade" towards
    black, the amount 0–1), the closest fit of all."""
    c = _rgb(colour)
    best = None
    for index, base in enumerate(OKABE_ITO[:-1]):
        b = _rgb(base)
        towards_white = sum((255 - x) ** 2 for x in b)
        k_tint = sum((y - x) * (255 - x) for x, y in zip(b, c)) / towards_white if towards_white else 0.0
        k_shade = 1 - sum(x * y for x, y in zip(b, c)) / sum(x * x for x in b)
        for kind, k, model in (("tint", k_tint, lambda x, k: x + k * (255 - x)),
                               ("shade", k_shade, lambda x, k: x * (1 - k))):
            k = min(1.0, max(0.0, k))
            error = sum((model(x, k) - y) ** 2 for x, y in zip(b, c))
            if best is None or error < best[0]:
                best = (error, index, kind, k)
    return best[1], best[2], best[3]


def apply_derivation(base: str, kind: str, amount: float) -> str:
    b = _rgb(base)
    if kind == "tint":
        return _hex(x + amount * (255 - x) for x in b)
    return _hex(x * (1 - amount) for x in b)


@lru_cache(maxsize=512)
def convert(colour: str, palette: str) -> str:
    """One colour in `palette`: its Okabe–Ito colour swapped, a tint or shade of one re-derived, a grey kept."""
    upper = colour.upper()
    target = PALETTES[palette]
    if palette == "okabe-ito" or is_neutral(upper):
        return colour
    if upper in OKABE_ITO:
        return target[OKABE_ITO.index(upper)]
    index, kind, amount = derivation(upper)
    return apply_derivation(target[index], kind, amount)


def recolour_text(text: str, palette: str) -> str:
    return HEX.sub(lambda m: convert(m.group(0), palette), text)


def recolour(value, palette: str):
    """A copy of a spec (dicts, lists, strings) with every colour in `palette`."""
    if palette == "okabe-ito":
        return value
    if isinstance(value, dict):
        return {k: recolour(v, palette) for k, v in value.items()}
    if isinstance(value, list):
        return [recolour(v, palette) for v in value]
    if isinstance(value, str) and "#" in value:
        return recolour_text(value, palette)
    return value


_SPECS: dict[tuple[int, str], tuple[dict, dict]] = {}
SPECS_KEPT = 512


def in_palette(spec: dict, palette: str) -> dict:
    """A compiled spec in `palette`, recoloured once per (spec, palette): specs come from `lru_cache`d
    builders, so the same object returns on every rerun. Returns a fresh top-level dict each time, as
    Streamlit edits a spec's top-level keys."""
    if palette == "okabe-ito":
        return dict(spec)
    key = (id(spec), palette)
    kept = _SPECS.get(key)
    if kept is None or kept[0] is not spec:
        if len(_SPECS) >= SPECS_KEPT:
            _SPECS.pop(next(iter(_SPECS)))
        kept = _SPECS[key] = (spec, recolour(spec, palette))
    return dict(kept[1])
