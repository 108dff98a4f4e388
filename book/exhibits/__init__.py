"""Exhibits: the interactive figures readers touch, one module per chapter, drawn for the reader's settings.

A page imports its chapter's module (`from book.exhibits import tolerance`). A module that defines
`compile_charts()` has it called once per process before the heap is frozen (see book/__init__.py).
"""
import importlib
import pkgutil


def compile_charts() -> None:
    """Compile every exhibit module's chart specs, so the first reader does not wait for them."""
    for module in pkgutil.iter_modules(__path__):
        compile_module = getattr(importlib.import_module(f"{__name__}.{module.name}"), "compile_charts", None)
        if compile_module:
            compile_module()
