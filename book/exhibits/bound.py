"""Exhibit inputs that live in the URL, so a link opens an exhibit in a chosen state.

Every interactive widget of an exhibit is made through one of these functions: it gets
`bind="query-params"` with its key as the URL parameter (`?zot_dim=Tangibles&zot_perceived_tangibles=4.5`). Streamlit
(1.67) leaves a value equal to the widget's default out of the URL, seeds the widget from the URL when it
first appears, and drops values it cannot parse. Values it would accept but the exhibit must not see —
a reversed range, a number off the slider's steps, an integer too large to convert (which raises inside
Streamlit) — are checked here first: the parameter is dropped, the widget opens at its default, and a
notice names the input and the value. Options are written to the URL as the reader sees them (the
formatted label in the page's language), which is how Streamlit stores them.

Streamlit's query-parameter state is used directly, through `_url_state()`, for three things its public
API does not offer. On every rerun Streamlit takes the browser's address as the values to seed widgets
with, and seeds a bound widget the first time it appears (on opening, on another lecture card, for
another dimension); `get_initial_value` reads that value before the widget does. A rejected value is
removed from it as well as from the address (`st.query_params` may not delete a bound parameter). And
after a language switch an option's label in the address is rewritten (`set_corrected_value`, which
Streamlit uses for its own corrections), or a reload would find a label the page no longer shows.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from .. import render
from ..i18n import t

# The site's own parameters (settings, lecture card, glossary term, search, the class page): no exhibit
# input may use them.
RESERVED = frozenset({"lang", "size", "mode", "card", "term", "q", "palette", "code", "key", "join", "p"})
LONGEST = 64                     # longer URL values are never valid for an exhibit input


def _url_state():
    ctx = get_script_run_ctx()
    return None if ctx is None else ctx.session_state.query_params()


def _seed_values(key: str) -> list[str] | None:
    """The URL's values for `key` that Streamlit would seed a new widget with, if any."""
    state = _url_state()
    if state is None:
        return None
    with state as params:
        value = params.get_initial_value(key)
    return None if value is None else [value] if isinstance(value, str) else list(value)


def _drop(key: str) -> None:
    """Remove a parameter from the URL and from the values this run seeds widgets with."""
    state = _url_state()
    if state is None:
        return
    with state as params:
        params._initial_query_params.pop(key, None)
        params.remove_param(key)


def _align(key: str, labels: list[str]) -> None:
    """Keep an option's URL value in the page's language: after the reader switches language, the URL
    still names the option as it was labelled before, which the page would no longer accept on reload."""
    state = _url_state()
    if state is None or not labels:
        return
    with state as params:
        binding = params.get_binding_for_param(key)
        if binding is None or not params.has_param(key) or params.get_all(key) == labels:
            return
        params.set_corrected_value(key, labels if binding.value_type.endswith("array_value") else labels[0],
                                   binding.value_type)


def _guard(where, key: str, label: str, lang: str, valid: Callable[[list[str]], bool]) -> None:
    """Drop the URL's value for `key` with a notice when the exhibit cannot use it."""
    if key in RESERVED:
        raise ValueError(f"exhibit input key {key!r} is one of the site's own URL parameters")
    if key in st.session_state:
        return                       # the widget already has a value; Streamlit seeds only a new one
    raw = _seed_values(key)
    if raw is None:
        return
    if all(len(v) <= LONGEST for v in raw) and valid(raw):
        return
    _drop(key)
    shown = render.literal(", ".join(raw))
    where.warning(t(lang, "url_state.rejected", value=shown, label=render.literal(label, 60), param=key),
                  icon=":material/link_off:")


def keep(widget: str, value, default) -> None:
    """Reopen a widget that was hidden (another dimension, another scenario) at the value the reader gave it,
    kept in the exhibit's own store. Only a value other than the default is seeded, and never over the URL's."""
    if value != default and widget not in st.session_state and widget not in st.query_params:
        st.session_state[widget] = value


def _number(text: str) -> float | None:
    try:
        x = float(text)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def _on_grid(x: float, low: float, high: float, step: float, whole: bool) -> bool:
    if not low <= x <= high or (whole and not float(x).is_integer()):
        return False
    steps = (x - low) / step
    return abs(steps - round(steps)) < 1e-6


def _numbers_ok(raw: list[str], low: float, high: float, step: float, whole: bool, count: int) -> bool:
    numbers = [_number(v) for v in raw]
    if len(numbers) != count or any(x is None or not _on_grid(x, low, high, step, whole) for x in numbers):
        return False
    return count == 1 or numbers[0] <= numbers[1]


def _labels(options: Sequence, format_func: Callable[[Any], str]) -> list[str]:
    return [str(format_func(o)) for o in options]


def slider(where, label: str, low: float, high: float, value, *, key: str, step: float, lang: str, **kwargs):
    """A numeric slider (one value, or a range when `value` is a pair) bound to the URL."""
    whole = all(isinstance(v, int) for v in (low, high, step, *(value if isinstance(value, tuple) else (value,))))
    count = 2 if isinstance(value, tuple) else 1
    _guard(where, key, label, lang, lambda raw: _numbers_ok(raw, low, high, step, whole, count))
    result = where.slider(label, low, high, value, step=step, key=key, bind="query-params", **kwargs)
    return result


def number_input(where, label: str, low: float, high: float, value: float, *, key: str, lang: str, step: float = 1,
                 **kwargs):
    """A number input bound to the URL: whole numbers when its bounds and value are, any typed value in range."""
    whole = all(isinstance(v, int) for v in (low, high, value, step))

    def valid(raw: list[str]) -> bool:
        x = _number(raw[0]) if len(raw) == 1 else None
        return x is not None and low <= x <= high and (not whole or x.is_integer())

    _guard(where, key, label, lang, valid)
    result = where.number_input(label, min_value=low, max_value=high, value=value, step=step, key=key,
                                bind="query-params", **kwargs)
    return result


def _choice(widget: str, where, label: str, options: Sequence, *, key: str, lang: str,
            format_func: Callable[[Any], str] = str, **kwargs):
    labels = _labels(options, format_func)
    if not kwargs.get("required", True):
        labels.append("")
    _guard(where, key, label, lang, lambda raw: len(raw) == 1 and raw[0] in labels)
    result = getattr(where, widget)(label, options, key=key, format_func=format_func, bind="query-params", **kwargs)
    if result is not None:
        _align(key, [str(format_func(result))])
    return result


def segmented_control(where, label: str, options: Sequence, default, required: bool = True, **kwargs):
    """One choice from a few buttons bound to the URL (`required=False`: the choice may be cleared, `?key=`)."""
    return _choice("segmented_control", where, label, options, default=default, required=required, **kwargs)


def radio(where, label: str, options: Sequence, index: int, **kwargs):
    return _choice("radio", where, label, options, index=index, **kwargs)


def selectbox(where, label: str, options: Sequence, index: int, **kwargs):
    return _choice("selectbox", where, label, options, index=index, **kwargs)


def select_slider(where, label: str, options: Sequence, value, **kwargs):
    return _choice("select_slider", where, label, options, value=value, **kwargs)


def pills(where, label: str, options: Sequence, default: Sequence, *, key: str, lang: str,
          format_func: Callable[[Any], str] = str, **kwargs) -> list:
    """Any number of choices (possibly none: `?key=` in the URL) bound to the URL."""
    labels = _labels(options, format_func)

    def valid(raw: list[str]) -> bool:
        chosen = [v for v in raw if v]
        return len(set(chosen)) == len(chosen) <= len(labels) and all(v in labels for v in chosen)

    _guard(where, key, label, lang, valid)
    result = list(where.pills(label, options, selection_mode="multi", default=list(default), key=key,
                              format_func=format_func, bind="query-params", **kwargs) or [])
    _align(key, _labels(result, format_func))
    return result


def pill(where, label: str, options: Sequence, *, key: str, lang: str, format_func: Callable[[Any], str] = str,
         **kwargs):
    """At most one choice, none at first, bound to the URL."""
    labels = [*_labels(options, format_func), ""]
    _guard(where, key, label, lang, lambda raw: len(raw) == 1 and raw[0] in labels)
    result = where.pills(label, options, selection_mode="single", key=key, format_func=format_func,
                         bind="query-params", **kwargs)
    if result is not None:
        _align(key, [str(format_func(result))])
    return result


def toggle(where, label: str, value: bool, *, key: str, lang: str, **kwargs) -> bool:
    _guard(where, key, label, lang, lambda raw: len(raw) == 1 and raw[0].lower() in ("true", "false"))
    result = where.toggle(label, value=value, key=key, bind="query-params", **kwargs)
    return result
