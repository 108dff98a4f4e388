"""Interface strings from content/ui.toml, looked up by dotted key in the reader's language."""
from __future__ import annotations

from . import content


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    flat = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def t(lang: str, key: str, **values: object) -> str:
    """The UI string `key` in `lang`, with `{name}` placeholders filled from `values`."""
    text = content.load_toml("ui.toml")[lang]
    for part in key.split("."):
        text = text[part]
    return text.format(**values) if values else text
