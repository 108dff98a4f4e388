"""models.sector_shares: published sector shares with source and vintage, and what the exhibits select."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from book import content
from models import sector_shares
from models.sector_shares import find, first_year_above, parse, select, series_ids, shares_from_levels

DATA = parse((content.CONTENT / "data" / "service_share.csv").read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(("year", "levels", "shares"), [
    # China Statistical Yearbook 2005, table 3-1 (100 million yuan); shares as in domain reference §13.2.
    (1991, (21617.8, 5288.6, 9102.2, 7227.0), (24.5, 42.1, 33.4)),
    (1994, (46759.4, 9457.2, 22372.2, 14930.0), (20.2, 47.8, 31.9)),
    (1997, (74462.6, 14211.2, 37222.7, 23028.7), (19.1, 50.0, 30.9)),
    # 2015 preliminary accounting (January 2016): the tertiary share was reported as 50.5 %.
    (2015, (676708, 60863, 274278, 341567), (9.0, 40.5, 50.5)),
    # 2020 communiqué: 77 754 / 384 255 / 553 977 of 1 015 986, printed as 7.7 %, 37.8 %, 54.5 %.
    (2020, (1015986, 77754, 384255, 553977), (7.7, 37.8, 54.5)),
])
def test_shares_computed_from_levels_match_the_published_shares(year, levels, shares):
    assert shares_from_levels(*levels) == shares


def test_levels_that_do_not_add_up_to_gdp_are_refused():
    with pytest.raises(ValueError, match="add up to 90, not to GDP 100"):
        shares_from_levels(100, 10, 30, 50)


def test_every_row_has_a_source_and_a_vintage_and_us_rows_give_services_only():
    assert DATA and all(s.source and s.vintage and s.vintage_zh for s in DATA)
    us = [s for s in DATA if s.country == "US"]
    assert us and not any(s.has_three_sectors for s in us)
    assert all(s.has_three_sectors for s in DATA if s.country == "CN")


def test_the_unverified_slide_figures_are_not_in_the_data():
    # The course slides' "54 % in 1948, 78 % in 1999" could not be traced to a source with a definition.
    assert not [s for s in DATA if s.country == "US" and s.year in (1948, 1999)]


@pytest.mark.parametrize(("series", "year", "tertiary"), [
    ("us-bea-private", 1947, 47.8), ("us-bea-private", 1986, 61.2),     # BEA, SCB December 2005
    ("us-stlfed", 1950, 52), ("us-stlfed", 1980, 62), ("us-stlfed", 2020, 79),   # St. Louis Fed 2024
    ("cn-census-revision", 2018, 53.3), ("cn-first-release", 2023, 54.6), ("cn-first-release", 2013, 46.1),
])
def test_published_figures_are_read_as_printed(series, year, tertiary):
    assert find(DATA, series, year).tertiary == tertiary


def test_the_same_year_differs_between_vintages():
    assert find(DATA, "cn-history-2014", 1978).tertiary == 23.9
    assert find(DATA, "cn-history-2019", 1978).tertiary == 24.6
    assert find(DATA, "cn-first-release", 2013).tertiary < find(DATA, "cn-census-revision", 2013).tertiary


def test_china_s_first_release_passes_half_of_gdp_in_2015():
    assert first_year_above(DATA, "cn-first-release", 50) == 2015
    assert first_year_above(DATA, "cn-csy2005", 50) is None


def test_select_keeps_the_chosen_order_and_the_year_range():
    rows = select(DATA, ["us-stlfed", "cn-csy2005"], 1980, 1995)
    assert [(s.series, s.year) for s in rows] == [("us-stlfed", 1980)] + [("cn-csy2005", y) for y in range(1991, 1996)]


def test_select_refuses_unknown_series_and_reversed_years():
    with pytest.raises(ValueError, match="unknown series: mars"):
        select(DATA, ["mars"], 1950, 2000)
    with pytest.raises(ValueError, match="comes after"):
        select(DATA, ["us-stlfed"], 2000, 1950)


def test_a_bad_row_is_refused_with_its_series_and_year():
    header = ("country,series,year,primary,secondary,tertiary,gdp_level,primary_level,secondary_level,"
              "tertiary_level,status,source,vintage,vintage_zh")
    with pytest.raises(ValueError, match="x 2000: the three shares add up to 90.0"):
        parse([header, "CN,x,2000,10,30,50,,,,,published,somewhere,2001,2001 年"])
    with pytest.raises(ValueError, match="x 2000: every figure needs a source"):
        parse([header, "US,x,2000,,,50,,,,,published,,2001,2001 年"])
    with pytest.raises(ValueError, match="x 2000: every figure needs a source and a vintage"):
        parse([header, "US,x,2000,,,50,,,,,published,somewhere,2001,"])


@given(st.sets(st.sampled_from(series_ids(DATA)), min_size=1), st.integers(1940, 2030), st.integers(1940, 2030))
def test_selection_is_within_the_chosen_series_and_years(series, a, b):
    first, last = sorted((a, b))
    rows = select(DATA, series, first, last)
    assert all(s.series in series and first <= s.year <= last for s in rows)
    assert len(rows) == sum(1 for s in DATA if s.series in series and first <= s.year <= last)


@given(st.sampled_from(DATA))
def test_shares_and_the_unsplit_rest_make_up_the_whole(share):
    parts = (share.primary or 0) + (share.secondary or 0) + share.tertiary + share.unsplit
    assert parts == pytest.approx(100, abs=sector_shares.SUM_TOLERANCE)
