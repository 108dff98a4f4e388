"""models.evaluation: the search–experience–credence continuum and the scoring of a reader's placement."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import evaluation
from models.evaluation import BAND_EDGES, OFFERING_IDS, OFFERINGS, QUALITIES, band_centre, band_of, judge, score

placement = st.sampled_from(QUALITIES)


@pytest.mark.parametrize(("offering_id", "quality"), [
    # Zeithaml (1981) gives colour, fit and price as search qualities of clothing; taste and a haircut as
    # experience qualities; legal services, surgery and car repair as hard to judge even afterwards.
    ("clothing", "search"),
    ("restaurant-meal", "experience"),
    ("haircut", "experience"),
    ("holiday", "experience"),
    ("legal-advice", "credence"),
    ("surgery", "credence"),
    ("car-repair", "credence"),
])
def test_the_book_places_zeithaml_s_examples_where_she_describes_them(offering_id, quality):
    assert evaluation.offering(offering_id).quality == quality


def test_most_goods_are_easy_and_most_services_hard_to_evaluate():
    counts = evaluation.tally()
    goods, services = counts["good"], counts["service"]
    assert goods["search"] > sum(goods.values()) / 2
    assert services["search"] == 0 and services["experience"] + services["credence"] == sum(services.values())
    assert goods["credence"] == 1, "a dietary supplement shows that 'most goods' is not 'all goods'"


def test_each_position_lies_in_the_band_of_its_quality_and_positions_run_from_easy_to_hard():
    for item in OFFERINGS:
        assert band_of(item.position) == item.quality, item.id
        assert item.quality not in item.also
    positions = [o.position for o in OFFERINGS]
    assert positions == sorted(positions)


@pytest.mark.parametrize(("offering_id", "chosen", "outcome", "steps"), [
    ("haircut", "experience", "match", 0),
    ("car", "experience", "defensible", 1),       # reliability is only known after some time on the road
    ("university-course", "experience", "defensible", 1),
    ("clothing", "experience", "near", 1),
    ("surgery", "search", "far", 2),
    ("clothing", "credence", "far", 2),
])
def test_a_placement_is_judged_against_the_book(offering_id, chosen, outcome, steps):
    verdict = judge(offering_id, chosen)
    assert (verdict.outcome, verdict.steps) == (outcome, steps)
    assert verdict.book == evaluation.offering(offering_id).quality


def test_unknown_offering_or_quality_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="unknown offering 'yacht'"):
        judge("yacht", "search")
    with pytest.raises(ValueError, match="unknown quality 'taste'"):
        judge("haircut", "taste")
    with pytest.raises(ValueError, match="between 0 and 100"):
        band_of(101)


def test_score_counts_only_what_was_placed():
    result = score({"clothing": "search", "car": "experience", "surgery": "search", "haircut": None})
    assert (result.placed, result.match, result.defensible, result.near, result.far) == (3, 1, 1, 0, 1)
    assert result.agreeing == 2


@given(st.dictionaries(st.sampled_from(OFFERING_IDS), st.one_of(st.none(), placement)))
def test_the_outcomes_partition_the_placements(placements):
    result = score(placements)
    assert result.match + result.defensible + result.near + result.far == result.placed
    assert result.placed == sum(q is not None for q in placements.values())


@given(st.sampled_from(OFFERING_IDS))
def test_placing_every_offering_where_the_book_does_scores_full_marks(offering_id):
    assert judge(offering_id, evaluation.offering(offering_id).quality).outcome == "match"
    perfect = score({o.id: o.quality for o in OFFERINGS})
    assert perfect.match == perfect.placed == len(OFFERINGS)


@given(st.sampled_from(OFFERING_IDS), placement)
def test_steps_never_exceed_two_and_far_means_two(offering_id, chosen):
    verdict = judge(offering_id, chosen)
    assert 0 <= verdict.steps <= 2
    assert (verdict.outcome == "far") == (verdict.steps == 2 and chosen not in evaluation.offering(offering_id).also)


@given(placement)
def test_a_band_centre_lies_in_its_own_band(quality):
    assert band_of(band_centre(quality)) == quality
    assert BAND_EDGES[0] <= band_centre(quality) <= BAND_EDGES[-1]
