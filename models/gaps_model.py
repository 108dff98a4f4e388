"""The gaps model of service quality as a structure: what lies on each side, where each gap sits.

Parasuraman, Zeithaml & Berry (1985) place expected and perceived service on the customer's side
and four steps on the company's side; a gap can open between neighbouring steps. The customer gap
(Gap 5) is a function of the four provider gaps: GAP5 = f(GAP1, GAP2, GAP3, GAP4). The short names
(listening, design and standards, performance, communication) follow Zeithaml, Bitner & Gremler.

`STAGES` is the order in which the chapter's diagram is built: the customer's side, the company's
side, then the gaps one by one.
"""
from __future__ import annotations

CUSTOMER_SIDE = ("influences", "expected", "perceived")
COMPANY_SIDE = ("delivery", "standards", "company-perceptions", "communications")

# Each gap and the two elements it lies between.
GAPS: dict[str, tuple[str, str]] = {
    "gap1": ("expected", "company-perceptions"),     # listening gap
    "gap2": ("company-perceptions", "standards"),    # service design and standards gap
    "gap3": ("standards", "delivery"),               # service performance gap
    "gap4": ("delivery", "communications"),          # communication gap
    "gap5": ("expected", "perceived"),               # customer gap
}
PROVIDER_GAPS = ("gap1", "gap2", "gap3", "gap4")
CUSTOMER_GAP = "gap5"
STAGES = ("customer", "company", *GAPS)


def shown(stage: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The elements and gaps drawn once the diagram has been built up to `stage`."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; stages are {', '.join(STAGES)}")
    upto = STAGES.index(stage)
    elements = CUSTOMER_SIDE + (COMPANY_SIDE if upto >= 1 else ())
    gaps = tuple(g for g in GAPS if STAGES.index(g) <= upto)
    return elements, gaps
