"""Exhibits: the interactive figures readers touch, one module per chapter, drawn for the reader's settings.

A page imports its chapter's module (`from book.exhibits import tolerance`); the module is named after
the chapter id with "-" as "_". A published chapter's module that defines `compile_charts()` has it
called once per process before the heap is frozen (see book/__init__.py); unpublished work is left alone.
"""
import importlib
import importlib.util

from .. import content


def compile_charts() -> None:
    """Compile the chart specs of every published chapter's exhibits, so no reader waits for them."""
    for chapter_id in content.published_chapters():
        name = f"{__name__}.{chapter_id.replace('-', '_')}"
        if importlib.util.find_spec(name) is None:
            continue
        compile_module = getattr(importlib.import_module(name), "compile_charts", None)
        if compile_module:
            compile_module()
