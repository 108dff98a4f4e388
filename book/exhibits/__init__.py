"""Exhibits: the interactive figures readers touch, one function each, drawn for the reader's settings."""
from .tolerance import tolerance_zone, zone_factors

__all__ = ["tolerance_zone", "zone_factors"]
