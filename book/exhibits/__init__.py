"""Exhibits: the interactive figures readers touch, one function each, drawn for the reader's settings."""
from . import tolerance
from .tolerance import tolerance_zone, zone_factors

__all__ = ["compile_charts", "tolerance_zone", "zone_factors"]


def compile_charts() -> None:
    """Compile every exhibit's chart specs (called once per process, before the heap is frozen)."""
    tolerance.compile_charts()
