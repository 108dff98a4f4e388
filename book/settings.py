"""The reader's settings and their URL form.

Each setting has a fixed set of choices, the first being the default. The URL carries only the
settings that differ from their defaults (`?lang=en&size=large`), so a copied link reproduces the view.
A new setting joins CHOICES (its first choice the default) and this dataclass; nothing else changes.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

CHOICES: dict[str, tuple[str, ...]] = {
    "lang": ("zh", "en"),
    "size": ("normal", "large"),
    "mode": ("read", "lecture"),
    "palette": ("okabe-ito", "contrast"),      # chart colours: see book/charts/palette.py
}


@dataclass(frozen=True)
class Settings:
    lang: str = CHOICES["lang"][0]
    size: str = CHOICES["size"][0]
    mode: str = CHOICES["mode"][0]
    palette: str = CHOICES["palette"][0]

    @property
    def lecture(self) -> bool:
        return self.mode == "lecture"

    @property
    def scale(self) -> float:
        """How much charts grow: with the reader's text size, and more on a projector."""
        return (1.25 if self.size == "large" else 1.0) * (1.6 if self.lecture else 1.0)

    def root_font_px(self, base: float) -> float:
        """The page's root font size: lecture mode puts body text at 28 px or more for a projector."""
        size = base * (1.25 if self.size == "large" else 1.0)
        return max(28.0, size * 1.6) if self.lecture else size

    def to_query(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) != CHOICES[f.name][0]}

    def with_(self, **changes: str) -> Settings:
        return replace(self, **changes)


@dataclass(frozen=True)
class Rejected:
    """A URL value that is not one of the setting's choices; the default was used instead."""
    setting: str
    value: str


def from_query(params: Mapping[str, str]) -> tuple[Settings, tuple[Rejected, ...]]:
    """Read settings from URL parameters; a missing one is the default, an unknown one is rejected."""
    values, rejected = {}, []
    for name, choices in CHOICES.items():
        raw = params.get(name)
        if raw is None:
            continue
        value = raw.strip().lower()
        if value in choices:
            values[name] = value
        else:
            rejected.append(Rejected(name, raw))
    return Settings(**values), tuple(rejected)
