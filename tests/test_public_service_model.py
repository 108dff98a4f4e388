"""models.public_service: the paradigm table's frame, Arnstein's ladder and the service-centre survey."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import public_service as ps
from models.public_service import Design, place


# ── The comparison table (Denhardt & Denhardt 2000, Table 1) ────────────────────────────────────

def test_the_table_has_three_paradigms_and_ten_rows_and_every_principle_answers_a_row():
    assert ps.PARADIGMS == ("opa", "npm", "nps")
    assert len(ps.ROWS) == 10 and len(set(ps.ROWS)) == 10
    assert set(ps.KEY_ROWS) <= set(ps.ROWS)
    # Seven principles (Denhardt & Denhardt 2003, book order), each tied to at least one row.
    assert len(ps.PRINCIPLES) == 7 and ps.PRINCIPLES[0] == "serve-citizens"
    assert set(ps.PRINCIPLE_OF_ROW.values()) == set(ps.PRINCIPLES)
    assert ps.PRINCIPLE_OF_ROW["responsive-to"] == "serve-citizens"   # citizens, not customers
    assert ps.PRINCIPLE_OF_ROW["role"] == "serve-not-steer"            # serving, not steering or rowing


def test_compare_keeps_the_table_order_and_lists_the_principles_in_book_order():
    result = ps.compare(["accountability", "role", "public-interest"], "waste-sorting")
    assert result.rows == ("public-interest", "role", "accountability")
    assert result.principles == ("public-interest", "accountability", "serve-not-steer")
    assert result.case == "waste-sorting"


def test_a_row_without_a_principle_adds_none_and_no_rows_is_allowed():
    assert ps.compare(["foundations"], "service-centre").principles == ()
    assert ps.compare([], "lift-retrofit").rows == ()


@pytest.mark.parametrize(("rows", "case", "message"), [
    (["public-interest", "price"], "service-centre", "unknown row"),
    (["role"], "metro", "unknown case"),
])
def test_unknown_rows_and_cases_are_refused(rows, case, message):
    with pytest.raises(ValueError, match=message):
        ps.compare(rows, case)


@given(st.lists(st.sampled_from(ps.ROWS)), st.sampled_from(ps.CASES))
def test_compare_returns_each_chosen_row_once(rows, case):
    result = ps.compare(rows, case)
    assert set(result.rows) == set(rows) and len(result.rows) == len(set(rows))
    assert list(result.rows) == sorted(result.rows, key=ps.ROWS.index)


# ── Arnstein (1969): eight rungs in three groups ─────────────────────────────────────────────────

def test_the_ladder_has_arnstein_s_eight_rungs_in_three_groups():
    assert ps.RUNGS == ("manipulation", "therapy", "informing", "consultation", "placation",
                        "partnership", "delegated-power", "citizen-control")
    assert [ps.GROUP_OF_RUNG[r] for r in range(1, 9)] == ["non-participation"] * 2 + ["tokenism"] * 3 + \
        ["citizen-power"] * 3


@pytest.mark.parametrize(("design", "rung", "name"), [
    # Arnstein's own descriptions of each rung, as designs.
    (Design(purpose="engineer-support", seats=True, voice=True), 1, "manipulation"),   # rubber-stamp committee
    (Design(purpose="cure", voice=True), 2, "therapy"),
    (Design(), 3, "informing"),                                   # one-way flow of information
    (Design(voice=True), 4, "consultation"),                     # surveys, meetings, hearings
    (Design(seats=True, voice=True), 5, "placation"),             # a few seats, power-holders decide
    (Design(power="shared", voice=True), 6, "partnership"),
    (Design(power="dominant", voice=True), 7, "delegated-power"),
    (Design(power="full", voice=True), 8, "citizen-control"),
])
def test_each_rung_can_be_reached_by_its_textbook_design(design, rung, name):
    placement = place(design)
    assert (placement.rung, placement.name) == (rung, name)
    assert placement.group == ps.GROUP_OF_RUNG[rung]


def test_the_chapter_s_five_practices_sit_where_the_chapter_says():
    rungs = {practice: place(design).rung for practice, design in ps.PRACTICES.items()}
    assert rungs == {"briefing": 3, "hearing": 4, "hotline": 4, "online-consultation": 4,
                     "participatory-budgeting": 7}


def test_the_reasoning_stops_at_the_step_that_decides():
    hearing = place(ps.PRACTICES["hearing"])
    assert [c.question for c in hearing.checks] == ["power", "purpose", "seats", "voice"]
    assert [c.answer for c in hearing.checks] == ["none", "genuine", "no", "yes"]
    budget = place(ps.PRACTICES["participatory-budgeting"])
    assert [(c.question, c.answer) for c in budget.checks] == [("power", "dominant")]


def test_a_participatory_budget_whose_vote_is_only_advice_drops_to_consultation():
    # Zeguo-style: residents rank projects, the government keeps the decision.
    assert place(Design(power="none", voice=True)).name == "consultation"


@given(st.sampled_from(ps.POWERS), st.sampled_from(ps.PURPOSES), st.booleans(), st.booleans())
def test_power_decides_and_more_power_never_lowers_the_rung(power, purpose, seats, voice):
    design = Design(power=power, purpose=purpose, seats=seats, voice=voice)
    placement = place(design)
    assert 1 <= placement.rung <= 8
    assert (placement.rung >= 6) == (power != "none")
    stronger = ps.POWERS[min(ps.POWERS.index(power) + 1, len(ps.POWERS) - 1)]
    assert place(Design(power=stronger, purpose=purpose, seats=seats, voice=voice)).rung >= placement.rung


@given(st.booleans(), st.booleans())
def test_a_staged_exercise_without_power_is_non_participation_whatever_it_offers(seats, voice):
    for purpose in ("engineer-support", "cure"):
        assert place(Design(purpose=purpose, seats=seats, voice=voice)).group == "non-participation"


@given(st.sampled_from(ps.POWERS), st.booleans())
def test_giving_citizens_a_voice_never_lowers_a_genuine_practice(power, seats):
    assert place(Design(power=power, seats=seats, voice=True)).rung >= place(Design(power=power, seats=seats)).rung


def test_bad_designs_and_guesses_are_refused():
    with pytest.raises(ValueError, match="unknown power"):
        place(Design(power="veto"))
    with pytest.raises(ValueError, match="unknown purpose"):
        place(Design(purpose="publicity"))
    with pytest.raises(ValueError, match="rungs 1–8"):
        ps.distance(9, place(Design()))
    assert ps.distance(4, place(ps.PRACTICES["participatory-budgeting"])) == 3


# ── The service centre against the zone of tolerance ─────────────────────────────────────────────

def test_the_chapter_s_service_centre_table_for_all_respondents():
    # Section "service-centre" of the chapter: MSA = P − A, MSS = P − D (Parasuraman et al. 1994).
    rows = {r.dimension: r for r in ps.centre_rows("all")}
    assert (rows["reliability"].result.msa, rows["reliability"].result.mss) == (pytest.approx(-0.3),
                                                                                pytest.approx(-1.5))
    assert rows["reliability"].result.zone == "below"
    assert rows["tangibles"].result.mss == pytest.approx(0.5) and rows["tangibles"].result.zone == "above"
    assert {d: r.result.zone for d, r in rows.items() if d not in ("reliability", "tangibles")} == {
        "responsiveness": "within", "assurance": "within", "empathy": "within"}


def test_the_average_hides_the_older_respondents():
    assert ps.below_zone("all") == ("reliability",)
    assert ps.below_zone("older") == ("reliability", "responsiveness", "empathy")
    empathy = {r.dimension: r for r in ps.centre_rows("older")}["empathy"].result
    assert (empathy.msa, empathy.mss) == (pytest.approx(-0.6), pytest.approx(-2.8))


def test_the_survey_is_on_the_scale_and_every_zone_is_ordered():
    for group in ps.RESPONDENT_GROUPS:
        for row in ps.centre_rows(group):
            e = row.levels
            assert 1 <= e.adequate <= e.desired <= 9 and 1 <= e.perceived <= 9


def test_an_unknown_respondent_group_is_refused():
    with pytest.raises(ValueError, match="unknown respondent group"):
        ps.centre_rows("students")
