"""Exhibits: the interactive figures readers touch, one module per chapter, drawn for the reader's settings.

A page imports its chapter's module (`from book.exhibits import tolerance`); the module is named after
the chapter id with "-" as "_". A published chapter's module that defines `compile_charts()` has it
called once per process before the heap is frozen (see book/__init__.py); unpublished work is left alone.
"""
import importlib
import importlib.util
from collections.abc import Callable

from .. import content


def chapter_function(chapter_id: str, name: str) -> Callable | None:
    """The function `name` of a chapter's exhibit module, or None when there is no such module or function."""
    module = f"{__name__}.{chapter_id.replace('-', '_')}"
    if importlib.util.find_spec(module) is None:
        return None
    return getattr(importlib.import_module(module), name, None)


def compile_charts() -> None:
    """Compile the chart specs of every published chapter's exhibits, so no reader waits for them."""
    for chapter_id in content.published_chapters():
        compile_module = chapter_function(chapter_id, "compile_charts")
        if compile_module:
            compile_module()
