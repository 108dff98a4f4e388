"""The reader's settings and their URL form.

Each setting has a fixed set of choices, the first being the default. The URL carries only the
settings that differ from their defaults (`?lang=en&size=large`), so a copied link reproduces the view.
Lecture mode and the colour palette join CHOICES in later work; nothing else here needs to change.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

CHOICES: dict[str, tuple[str, ...]] = {
    "lang": ("zh", "en"),
    "size": ("normal", "large"),
}


@dataclass(frozen=True)
class Settings:
    lang: str = CHOICES["lang"][0]
    size: str = CHOICES["size"][0]

    @property
    def scale(self) -> float:
        """How much text, charts and tables grow at the reader's text size."""
        return 1.25 if self.size == "large" else 1.0

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
