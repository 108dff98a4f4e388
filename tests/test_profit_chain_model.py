"""models.profit_chain: worked examples and invariants of the chain-of-elasticities teaching model."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import profit_chain
from models.profit_chain import (DEFAULT_DRIVER_CHANGES, DEFAULT_ELASTICITIES, DRIVERS, LINKS, STAGES,
                                 chain_pass_through, internal_quality_change, propagate, simulate)

elasticity = st.floats(min_value=0, max_value=3, allow_nan=False)
elasticities = st.lists(elasticity, min_size=len(LINKS), max_size=len(LINKS))
change = st.floats(min_value=-50, max_value=50, allow_nan=False)


def test_the_chapter_s_worked_example():
    # Section "simulator": every driver +10 %, the default elasticities 0.6, 0.5, 0.5, 0.7, 1.5, 5.0
    # (the first four from the domain reference §6.4). Each stage is the previous one times its link:
    # 10 → 6 → 3 → 1.5 → 1.05 → 1.575 → 7.875.
    result = simulate(DEFAULT_DRIVER_CHANGES)
    assert result.changes == pytest.approx((10, 6, 3, 1.5, 1.05, 1.575, 7.875))
    assert result.pass_through == pytest.approx(0.7875)
    assert result.change("customer-satisfaction") == pytest.approx(1.05)
    assert [LINKS[k] for k in result.weakest_links] == [("employee-satisfaction", "employee-retention-productivity"),
                                                        ("employee-retention-productivity", "external-service-value")]
    assert not result.out_of_range


def test_domain_reference_example_ten_percent_isq_gives_about_one_percent_customer_satisfaction():
    # domain reference §6.4: with 0.6, 0.5, 0.5, 0.7 "a 10 % ISQ gain gives ≈ 1 % CS gain".
    assert propagate(10).change("customer-satisfaction") == pytest.approx(10 * 0.6 * 0.5 * 0.5 * 0.7)


def test_internal_service_quality_is_the_weighted_sum_of_its_drivers():
    # Training alone +20 % with equal weights of 0.25 raises internal service quality by 5 %.
    assert internal_quality_change({"training": 20}) == pytest.approx(5)
    assert internal_quality_change({"training": 20, "management-support": -8}) == pytest.approx(3)
    assert internal_quality_change({d: 12 for d in DRIVERS}) == pytest.approx(12)


def test_a_broken_link_stops_everything_after_it():
    betas = list(DEFAULT_ELASTICITIES)
    betas[2] = 0.0                       # retention and productivity no longer reach service value
    result = propagate(10, betas)
    assert result.changes[:3] == pytest.approx((10, 6, 3))
    assert result.changes[3:] == (0, 0, 0, 0)
    assert result.pass_through == 0
    assert result.weakest_links == (2,)


def test_large_changes_are_flagged_as_outside_the_model_s_range():
    assert propagate(30, (1.5,) * 5 + (10,)).out_of_range
    assert not propagate(10).out_of_range


@pytest.mark.parametrize(("call", "message"), [
    (lambda: propagate(10, (0.5,) * 5), "needs 6 elasticities, not 5"),
    (lambda: propagate(10, (0.5, -0.1, 0.5, 0.5, 0.5, 0.5)), "cannot be negative"),
    (lambda: internal_quality_change({"free-lunch": 10}), "unknown driver"),
    (lambda: internal_quality_change({"training": -100}), "100 %"),
    (lambda: internal_quality_change({"training": 10}, {"training": 0.5}), "sum to 1"),
])
def test_bad_input_is_refused_with_a_clear_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@given(elasticities)
def test_no_driver_change_means_no_change_anywhere(betas):
    result = simulate({d: 0.0 for d in DRIVERS}, betas)
    assert result.changes == (0.0,) * len(STAGES)


@given(change, elasticities)
def test_each_stage_is_the_previous_one_times_its_link(isq, betas):
    result = propagate(isq, betas)
    for k, beta in enumerate(betas):
        assert result.changes[k + 1] == pytest.approx(beta * result.changes[k], abs=1e-8)


@given(change, elasticities)
def test_the_end_of_the_chain_is_the_start_times_the_pass_through(isq, betas):
    result = propagate(isq, betas)
    assert result.changes[-1] == pytest.approx(isq * chain_pass_through(betas), rel=1e-6, abs=1e-6)


@given(st.floats(min_value=0.1, max_value=50), elasticities, st.integers(0, len(LINKS) - 1),
       st.floats(min_value=0, max_value=2))
def test_a_stronger_link_never_gives_a_smaller_downstream_change(isq, betas, link, extra):
    weaker = propagate(isq, betas)
    stronger_betas = list(betas)
    stronger_betas[link] += extra
    stronger = propagate(isq, stronger_betas)
    for before, after in zip(weaker.changes, stronger.changes):
        assert after >= before - 1e-9


@given(st.floats(min_value=0.1, max_value=50), elasticities)
def test_a_rise_in_the_drivers_never_lowers_any_stage(isq, betas):
    assert all(c >= 0 for c in propagate(isq, betas).changes)


half = st.floats(min_value=-45, max_value=45, allow_nan=False)


@given(st.dictionaries(st.sampled_from(DRIVERS), half), st.dictionaries(st.sampled_from(DRIVERS), half))
def test_internal_quality_is_additive_in_driver_changes(a, b):
    both = {d: a.get(d, 0) + b.get(d, 0) for d in DRIVERS}
    assert internal_quality_change(both) == pytest.approx(internal_quality_change(a) + internal_quality_change(b),
                                                          abs=1e-8)


def test_default_weights_sum_to_one():
    assert sum(profit_chain.DRIVER_WEIGHTS.values()) == pytest.approx(1)
