"""models.gaps_model: the structure of the gaps model and the order in which the chapter builds it."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.gaps_model import COMPANY_SIDE, CUSTOMER_GAP, CUSTOMER_SIDE, GAPS, PROVIDER_GAPS, STAGES, shown


def test_gaps_lie_where_parasuraman_zeithaml_and_berry_put_them():
    # PZB (1985): Gap 1 expectations vs management's perceptions; Gap 2 perceptions vs specifications;
    # Gap 3 specifications vs delivery; Gap 4 delivery vs external communications (the original
    # placement, not "specifications vs communications"); Gap 5 expected vs perceived service.
    assert GAPS == {
        "gap1": ("expected", "company-perceptions"),
        "gap2": ("company-perceptions", "standards"),
        "gap3": ("standards", "delivery"),
        "gap4": ("delivery", "communications"),
        "gap5": ("expected", "perceived"),
    }


def test_the_customer_gap_lies_wholly_on_the_customer_side_and_every_provider_gap_touches_the_company():
    assert set(GAPS[CUSTOMER_GAP]) <= set(CUSTOMER_SIDE)
    for gap in PROVIDER_GAPS:
        assert set(GAPS[gap]) & set(COMPANY_SIDE)


def test_build_order_customer_company_then_each_gap():
    assert STAGES == ("customer", "company", "gap1", "gap2", "gap3", "gap4", "gap5")
    assert shown("customer") == (CUSTOMER_SIDE, ())
    assert shown("company") == (CUSTOMER_SIDE + COMPANY_SIDE, ())
    assert shown("gap3") == (CUSTOMER_SIDE + COMPANY_SIDE, ("gap1", "gap2", "gap3"))
    assert shown("gap5")[1] == tuple(GAPS)


@given(st.sampled_from(STAGES), st.sampled_from(STAGES))
def test_later_stages_show_everything_earlier_ones_do(a, b):
    early, late = sorted((a, b), key=STAGES.index)
    (e1, g1), (e2, g2) = shown(early), shown(late)
    assert set(e1) <= set(e2) and set(g1) <= set(g2)
    for gap in g2:
        assert set(GAPS[gap]) <= set(e2), "a gap is only drawn once both of its ends are"


def test_unknown_stage_is_refused():
    with pytest.raises(ValueError, match="unknown stage"):
        shown("gap6")
