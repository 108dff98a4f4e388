"""models.cocreation: the DART self-assessment, the value-sphere check and the value-in-use teaching model."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models import cocreation
from models.cocreation import (DART_BLOCKS, FACTORS, GYM_CASE, RENOVATION_CASE, SCENARIOS, SPHERES,
                               additive_index, assess_dart, book_placement, check_placement, step_gains,
                               value_in_use)

score = st.floats(min_value=1, max_value=5, allow_nan=False)
level = st.floats(min_value=0, max_value=10, allow_nan=False)


# ── DART ───────────────────────────────────────────────────────────────────

def test_the_chapter_s_renovation_case():
    # Worked example in the chapter (section "dart"): scores 3.5 / 2.5 / 2.0 / 1.5 against a target of 4.
    result = assess_dart(RENOVATION_CASE)
    assert result.mean == pytest.approx(2.375)
    assert result.gaps == {"dialogue": 0.5, "access": 1.5, "risk": 2.0, "transparency": 2.5}
    assert result.weakest == ("transparency",)
    assert result.priorities == ("transparency", "risk", "access", "dialogue")
    assert not result.ready


def test_ties_are_ranked_in_dart_order_and_a_block_at_the_target_is_not_a_priority():
    result = assess_dart({"dialogue": 2.0, "access": 4.0, "risk": 2.0, "transparency": 5.0})
    assert result.weakest == ("dialogue", "risk")
    assert result.priorities == ("dialogue", "risk")
    assert result.gaps["access"] == 0 and result.gaps["transparency"] == 0


def test_every_block_at_the_target_means_ready():
    assert assess_dart(dict.fromkeys(DART_BLOCKS, 4.0)).ready


@pytest.mark.parametrize(("scores", "message"), [
    ({"dialogue": 3, "access": 3, "risk": 3}, "missing: transparency"),
    ({**RENOVATION_CASE, "trust": 3}, "unknown: trust"),
    ({**RENOVATION_CASE, "risk": 6}, r"risk score 6 is outside the 1–5 scale"),
])
def test_bad_input_is_refused_with_a_clear_message(scores, message):
    with pytest.raises(ValueError, match=message):
        assess_dart(scores)


@settings(deadline=None)   # a busy machine can make a first call slow; the cases are cheap
@given(st.fixed_dictionaries({b: score for b in DART_BLOCKS}), score)
def test_priorities_are_exactly_the_blocks_below_target_ordered_by_shortfall(scores, target):
    result = assess_dart(scores, target)
    read = {b: round(v, 10) for b, v in scores.items()}      # the model reads scores to 10 decimals
    assert set(result.priorities) == {b for b in DART_BLOCKS if read[b] < round(target, 10)}
    shortfalls = [result.gaps[b] for b in result.priorities]
    assert shortfalls == sorted(shortfalls, reverse=True)
    assert min(scores.values()) - 1e-9 <= result.mean <= max(scores.values()) + 1e-9
    if result.priorities:
        assert result.priorities[0] in result.weakest


# ── Value spheres ──────────────────────────────────────────────────────────

def test_the_book_s_placement_agrees_with_itself_and_names_the_joint_activities():
    # Grönroos & Voima (2013): co-creation is possible only in the joint sphere of direct interaction.
    check = check_placement("hotel", book_placement("hotel"))
    assert (check.placed, check.agreed, check.disagreed) == (8, 8, ())
    assert check.joint == ("check-in-talk", "concierge-route", "aircon-repair")
    assert check.by_sphere == {"provider": 3, "joint": 3, "customer": 2}
    hospital = check_placement("hospital", book_placement("hospital"))
    assert hospital.joint == ("consultation", "shared-decision", "insulin-teaching")


def test_a_customer_is_not_always_co_creating_resting_in_the_room_is_the_customer_s_sphere():
    placement = dict(book_placement("hotel"), **{"rest-in-room": "joint"})
    check = check_placement("hotel", placement)
    assert check.disagreed == ("rest-in-room",) and check.agreed == 7


def test_unplaced_activities_count_neither_way():
    check = check_placement("hospital", {"consultation": "joint", "lab-analysis": "customer"})
    assert (check.placed, check.agreed, check.disagreed) == (2, 1, ("lab-analysis",))
    assert check_placement("hospital", {}).placed == 0


@pytest.mark.parametrize(("scenario", "placement", "message"), [
    ("spa", {}, "unknown scenario"),
    ("hotel", {"surgery": "joint"}, "unknown activity"),
    ("hotel", {"laundry": "back office"}, "unknown sphere"),
])
def test_bad_placements_are_refused(scenario, placement, message):
    with pytest.raises(ValueError, match=message):
        check_placement(scenario, placement)


@settings(deadline=None)
@given(st.sampled_from(sorted(SCENARIOS)), st.data())
def test_agreed_plus_disagreed_is_placed_and_spheres_add_up(scenario, data):
    ids = [a.id for a in SCENARIOS[scenario]]
    placement = {i: data.draw(st.sampled_from([None, *SPHERES])) for i in ids}
    check = check_placement(scenario, placement)
    assert check.agreed + len(check.disagreed) == check.placed == sum(check.by_sphere.values())


def test_every_scenario_uses_all_three_spheres():
    for activities in SCENARIOS.values():
        assert {a.sphere for a in activities} == set(SPHERES)


# ── Value-in-use teaching model ───────────────────────────────────────────

def test_the_chapter_s_gym_case():
    # Worked example in the chapter (section "applications"): R = 8, P = 3, T = 6.
    assert value_in_use(**GYM_CASE) == pytest.approx(14.4)
    assert additive_index(**GYM_CASE) == pytest.approx(56.666666667)
    gains = step_gains(GYM_CASE)
    assert gains.gains == pytest.approx({"resources": 1.8, "participation": 4.8, "trust": 2.4})
    assert gains.best == ("participation",)


def test_no_participation_means_no_value_in_use_however_rich_the_resources():
    assert value_in_use(10, 0, 10) == 0
    assert additive_index(10, 0, 10) == pytest.approx(66.666666667)


def test_two_factors_at_zero_leave_no_single_step_that_helps():
    gains = step_gains({"resources": 9, "participation": 0, "trust": 0})
    assert gains.best == () and set(gains.gains.values()) == {0}


def test_a_factor_at_the_top_of_the_scale_cannot_rise_further():
    gains = step_gains({"resources": 10, "participation": 5, "trust": 5})
    assert gains.gains["resources"] == 0
    assert gains.best == ("participation", "trust")


@pytest.mark.parametrize("levels", [{"resources": 11, "participation": 1, "trust": 1},
                                    {"resources": 1, "participation": -0.5, "trust": 1}])
def test_out_of_range_levels_are_refused(levels):
    with pytest.raises(ValueError, match="outside the 0–10 scale"):
        value_in_use(**levels)


def test_step_gains_needs_all_three_factors_and_a_positive_step():
    with pytest.raises(ValueError, match="exactly the factors"):
        step_gains({"resources": 5, "participation": 5})
    with pytest.raises(ValueError, match="must be positive"):
        step_gains(GYM_CASE, step=0)


@settings(deadline=None)
@given(level, level, level)
def test_value_in_use_stays_on_its_scale_and_never_exceeds_the_additive_index(r, p, t):
    v = value_in_use(r, p, t)
    assert 0 <= v <= 100
    # The geometric mean is at most the arithmetic mean, and v/100 ≤ (geometric mean / 10)³ ≤ additive/100.
    assert v <= additive_index(r, p, t) + 1e-9


@settings(deadline=None)
@given(level, level, level)
def test_raising_the_weakest_factor_gains_at_least_as_much_as_raising_the_strongest(r, p, t):
    levels = dict(zip(FACTORS, (r, p, t)))
    if max(levels.values()) + cocreation.STEP > cocreation.FACTOR_MAX:
        return      # the cap would cut the strongest factor's step short; compare full steps only
    gains = step_gains(levels).gains
    weakest = min(FACTORS, key=levels.get)
    strongest = max(FACTORS, key=levels.get)
    assert gains[weakest] >= gains[strongest] - 1e-9


@settings(deadline=None)
@given(level, level, level)
def test_value_in_use_never_falls_when_a_factor_rises(r, p, t):
    for gain in step_gains(dict(zip(FACTORS, (r, p, t)))).gains.values():
        assert gain >= -1e-9
