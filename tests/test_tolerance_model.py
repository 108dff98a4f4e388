"""models.tolerance: worked examples and invariants of the zone of tolerance."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import tolerance
from models.tolerance import BASELINE, DEFAULT_EXPECTATIONS, FACTOR_IDS, assess, shift_zone

level = st.floats(min_value=1, max_value=9, allow_nan=False)


@pytest.mark.parametrize(("desired", "adequate", "perceived", "msa", "mss", "zone"), [
    # The chapter's worked example (section "measures"): a bank's reliability on the 1–9 scale.
    (8.3, 7.0, 6.8, -0.2, -1.5, "below"),
    # The same perceived 6.8 for tangibles lies inside the wider zone.
    (7.5, 5.5, 6.8, 1.3, -0.7, "within"),
    # Above desired service: delight.
    (7.8, 5.8, 8.0, 2.2, 0.2, "above"),
    # The bounds belong to the zone.
    (8.0, 6.0, 6.0, 0.0, -2.0, "within"),
    (8.0, 6.0, 8.0, 2.0, 0.0, "within"),
    # A zone closed to a point still has a "within".
    (7.0, 7.0, 7.0, 0.0, 0.0, "within"),
])
def test_worked_examples(desired, adequate, perceived, msa, mss, zone):
    result = assess(desired, adequate, perceived)
    assert result.msa == pytest.approx(msa)
    assert result.mss == pytest.approx(mss)
    assert result.zone == zone


def test_adequate_above_desired_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match=r"adequate service \(8\.5\) cannot exceed desired service \(7\)"):
        assess(desired=7, adequate=8.5, perceived=7.5)


@given(level, level, level)
def test_msa_minus_mss_is_the_zone_width(a, b, perceived):
    adequate, desired = sorted((a, b))
    result = assess(desired, adequate, perceived)
    assert result.msa - result.mss == pytest.approx(desired - adequate, abs=1e-9)


@given(level, level, level, level)
def test_verdict_never_moves_down_as_perception_rises(a, b, p1, p2):
    adequate, desired = sorted((a, b))
    rank = {"below": 0, "within": 1, "above": 2}
    low, high = sorted((p1, p2))
    assert rank[assess(desired, adequate, low).zone] <= rank[assess(desired, adequate, high).zone]


@given(level, level)
def test_both_bounds_count_as_within(a, b):
    adequate, desired = sorted((a, b))
    assert assess(desired, adequate, adequate).zone == "within"
    assert assess(desired, adequate, desired).zone == "within"


def test_default_data_has_reliability_narrowest_and_highest():
    widths = {dim: e.width for dim, e in DEFAULT_EXPECTATIONS.items()}
    assert min(widths, key=widths.get) == "reliability"
    assert max(DEFAULT_EXPECTATIONS, key=lambda d: DEFAULT_EXPECTATIONS[d].adequate) == "reliability"
    zones = {d: assess(e.desired, e.adequate, e.perceived).zone for d, e in DEFAULT_EXPECTATIONS.items()}
    assert zones["reliability"] == "below" and zones["tangibles"] == "within" and zones["empathy"] == "above"


def _moved(factor_id):
    return shift_zone(BASELINE, [factor_id])


@pytest.mark.parametrize(("factor_id", "desired", "adequate"), [
    # Directions from Zeithaml, Berry & Parasuraman (1993); the amounts are the teaching model's.
    ("enduring-intensifier", +1, 0),     # enduring intensifiers raise desired service
    ("personal-needs", +1, 0),           # personal needs raise desired service
    ("emergency", 0, +1),                # transitory intensifiers raise adequate service
    ("competitor-nearby", 0, +1),        # more perceived alternatives raise adequate service
    ("did-my-part", 0, +1),              # a fulfilled self-perceived role raises adequate service
    ("storm-or-peak", 0, -1),            # situational factors lower adequate service
    ("explicit-promise", +1, +1),        # explicit promises raise desired and predicted service
    ("high-price", +1, +1),              # implicit promises (price) raise both
    ("bad-word-of-mouth", -1, -1),       # negative word of mouth lowers both
])
def test_each_factor_moves_the_levels_in_the_literature_s_direction(factor_id, desired, adequate):
    moved = _moved(factor_id)
    sign = lambda x: (x > 1e-9) - (x < -1e-9)  # noqa: E731
    assert sign(moved.desired - BASELINE.desired) == desired
    assert sign(moved.adequate - BASELINE.adequate) == adequate


def test_emergency_narrows_the_zone_and_pushes_the_same_service_below_it():
    moved = _moved("emergency")
    assert moved.width < BASELINE.width
    assert assess(BASELINE.desired, BASELINE.adequate, BASELINE.perceived).zone == "within"
    assert assess(moved.desired, moved.adequate, moved.perceived).zone == "below"


def test_situational_factors_widen_the_zone():
    assert _moved("storm-or-peak").width > BASELINE.width


@given(st.sets(st.sampled_from(FACTOR_IDS)))
def test_shifted_zone_stays_on_the_scale_and_in_order(active):
    moved = shift_zone(BASELINE, active)
    assert tolerance.SCALE_MIN <= moved.adequate <= moved.desired <= tolerance.SCALE_MAX
    assert moved.perceived == BASELINE.perceived


def test_unknown_factor_is_refused():
    with pytest.raises(ValueError, match="unknown factor"):
        shift_zone(BASELINE, ["sunshine"])
