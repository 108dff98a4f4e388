"""models.encounters: Carlzon's moments of truth, failures among them, and the recovery teaching model."""
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.encounters import (
    BEFORE, HISTORIES, RESPONSES, SAS_CONTACTS, SAS_CUSTOMERS, SAS_SECONDS, SEVERITIES, failed_moments,
    moments_of_truth, recovery_path, share_meeting_a_failure)

rate = st.floats(min_value=0, max_value=1, allow_nan=False)
contacts = st.floats(min_value=0, max_value=50, allow_nan=False)


def test_carlzon_s_own_figure():
    # Carlzon (1987): 10 million customers × about 5 contacts, 15 seconds each = 50 million moments a year.
    sas = moments_of_truth(SAS_CUSTOMERS, SAS_CONTACTS, SAS_SECONDS)
    assert sas.per_year == 50_000_000
    assert sas.seconds_per_customer == 75
    assert sas.contact_seconds == 750_000_000
    assert sas.contact_hours == pytest.approx(208_333.33, abs=0.01)


def test_the_book_s_figure_is_about_137_000_a_day_not_the_50_000_often_quoted():
    per_day = moments_of_truth(SAS_CUSTOMERS, SAS_CONTACTS, SAS_SECONDS).per_day
    assert per_day == pytest.approx(136_986.3, abs=0.1)
    assert round(per_day, -3) == 137_000 and per_day > 2.7 * 50_000


def test_failures_among_the_moments_in_the_chapter_s_example():
    # The chapter (section "moments"): if 99 % of SAS's moments go well, 500,000 a year still go wrong,
    # and a customer with 5 contacts meets at least one of them with probability 1 − 0.99^5 ≈ 4.9 %.
    assert failed_moments(50_000_000, 0.99) == pytest.approx(500_000)
    assert share_meeting_a_failure(5, 0.99) == pytest.approx(0.04900995)


def test_the_internal_chain_example():
    # The chapter (section "internal-customers"): four internal steps, each right first time 95 % of the
    # time, hand the guest a right-first-time room 81.5 % of the time.
    assert 1 - share_meeting_a_failure(4, 0.95) == pytest.approx(0.81450625)


@pytest.mark.parametrize(("args", "message"), [
    ((-1, 5, 15), "customers must be"), ((10, float("nan"), 15), "contacts_per_customer must be"),
    ((10, 5, float("inf")), "seconds_per_contact must be"), (("10", 5, 15), "customers must be"),
    ((True, 5, 15), "customers must be"),
])
def test_bad_counts_are_refused_with_a_clear_message(args, message):
    with pytest.raises(ValueError, match=message):
        moments_of_truth(*args)


@pytest.mark.parametrize("days", [0, -365, 2.5, True])
def test_a_year_needs_whole_days(days):
    with pytest.raises(ValueError, match="days must be a whole number"):
        moments_of_truth(10, 5, 15, days=days)


@pytest.mark.parametrize("bad", [99, -0.1, 1.01, float("nan"), "0.99"])
def test_a_success_rate_is_a_share_from_0_to_1(bad):
    with pytest.raises(ValueError, match="write 99 % as 0.99"):
        share_meeting_a_failure(5, bad)
    with pytest.raises(ValueError, match="success_rate"):
        failed_moments(1000, bad)


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False), contacts,
       st.floats(min_value=0, max_value=600, allow_nan=False))
def test_moments_are_the_product_and_the_day_is_a_365th(customers, k, seconds):
    result = moments_of_truth(customers, k, seconds)
    assert result.per_year == pytest.approx(customers * k)
    assert result.per_day * 365 == pytest.approx(result.per_year)
    assert result.contact_seconds == pytest.approx(result.per_year * seconds)


@given(contacts, contacts, rate)
def test_more_contacts_never_lower_the_chance_of_meeting_a_failure(k1, k2, q):
    low, high = sorted((k1, k2))
    assert share_meeting_a_failure(low, q) <= share_meeting_a_failure(high, q) + 1e-12


@given(contacts, rate, rate)
def test_better_contacts_never_raise_it(k, q1, q2):
    low, high = sorted((q1, q2))
    assert share_meeting_a_failure(k, high) <= share_meeting_a_failure(k, low) + 1e-12
    assert 0 <= share_meeting_a_failure(k, low) <= 1


def test_perfect_and_hopeless_contacts():
    assert share_meeting_a_failure(5, 1.0) == 0
    assert share_meeting_a_failure(5, 0.0) == 1
    assert share_meeting_a_failure(0, 0.5) == 0          # no contact, no moment to fail
    assert failed_moments(50_000_000, 1.0) == 0


# ── The recovery teaching model ──────────────────────────────────────────────────────────────

CASES = list(itertools.product(SEVERITIES, HISTORIES, RESPONSES))


def test_the_exhibit_s_opening_case_shows_the_paradox():
    # A first, minor failure met with an apology, a fast solution and amends: 8.0 → 6.0 → 8.4.
    path = recovery_path("minor", "first", "full")
    assert (path.before, path.after_failure, path.after_response) == (8.0, 6.0, 8.4)
    assert path.outcome == "paradox" and path.change == pytest.approx(0.4)


@pytest.mark.parametrize(("severity", "history", "response", "after_failure", "after_response", "outcome"), [
    ("minor", "first", "none", 6.0, 5.5, "double_deviation"),
    ("minor", "first", "apology", 6.0, 6.7, "partly_restored"),
    ("minor", "first", "apology-fix", 6.0, 7.6, "partly_restored"),
    ("minor", "repeat", "full", 5.5, 7.25, "partly_restored"),
    ("serious", "first", "full", 4.0, 7.6, "partly_restored"),
    ("serious", "first", "none", 4.0, 3.0, "double_deviation"),
])
def test_worked_cases_of_the_teaching_model(severity, history, response, after_failure, after_response, outcome):
    path = recovery_path(severity, history, response)
    assert path.after_failure == pytest.approx(after_failure)
    assert path.after_response == pytest.approx(after_response)
    assert path.outcome == outcome


@pytest.mark.parametrize(("severity", "history", "response"), CASES)
def test_the_paradox_needs_a_full_response_to_a_first_minor_failure(severity, history, response):
    # Maxham & Netemeyer (2002): a paradox after one failure, none after two; Magnini et al. (2007): most
    # likely when the failure is not severe. In this model it appears in exactly that one case.
    path = recovery_path(severity, history, response)
    assert (path.outcome == "paradox") == ((severity, history, response) == ("minor", "first", "full"))
    assert path.before == BEFORE and path.after_failure < BEFORE


@pytest.mark.parametrize(("severity", "history"), list(itertools.product(SEVERITIES, HISTORIES)))
def test_a_fuller_response_always_ends_higher_and_no_response_makes_it_worse(severity, history):
    ends = [recovery_path(severity, history, r).after_response for r in RESPONSES]
    assert ends == sorted(ends) and len(set(ends)) == len(ends)
    silent = recovery_path(severity, history, "none")
    assert silent.after_response < silent.after_failure and silent.outcome == "double_deviation"


@pytest.mark.parametrize("response", RESPONSES)
def test_a_repeat_or_serious_failure_leaves_the_customer_lower(response):
    first_minor = recovery_path("minor", "first", response).after_response
    assert recovery_path("minor", "repeat", response).after_response < first_minor
    assert recovery_path("serious", "first", response).after_response < first_minor


@pytest.mark.parametrize(("args", "message"), [
    (("tiny", "first", "full"), "severity must be one of minor, serious"),
    (("minor", "third", "full"), "history must be one of first, repeat"),
    (("minor", "first", "refund"), "response must be one of none, apology, apology-fix, full"),
])
def test_unknown_choices_are_refused(args, message):
    with pytest.raises(ValueError, match=message):
        recovery_path(*args)
