"""Exhibit inputs in the URL: a link opens every chapter's exhibits in the state it names — in reading
mode and on its lecture card — and a hostile value in any exhibit parameter falls back to the default
with a notice, never an error. Also: the chart palette setting, in the URL and in every chart.

URL values are what Streamlit writes for a bound widget: numbers as numbers, ranges and multiple
choices as repeated parameters, options as the label the reader sees (here in English, `lang=en`)."""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from book import content
from book.charts import OKABE_ITO
from book.charts.palette import PALETTES, is_neutral
from book.exhibits import bound
from book.exhibits.common import term_name
from book.i18n import t
from book.settings import CHOICES
from helpers import chart_rows, metric, open_page
from models import cocreation, kano, loyalty, profit_chain, satisfaction, tolerance, value
from models import public_service as ps

EN = "en"


@dataclass(frozen=True)
class Case:
    chapter: str
    exhibit: str                       # the exhibit whose lecture card the lecture test opens
    query: dict[str, str | list[str]]  # the link's exhibit parameters
    values: dict[str, object]          # widget key → the value the widget must open with
    shows: Callable                    # asserts on the numbers the page shows for those values
    card_keys: tuple[str, ...]         # the widget keys on the lecture test's card


def _tolerance(at) -> None:
    assert metric(at, "MSA") == "-0.5" and metric(at, "MSS") == "-3.5"
    row = chart_rows(at, 0).set_index("row").loc["Tangibles"]
    assert (row["adequate"], row["desired"], row["perceived"]) == (5.0, 8.0, 4.5)
    moved = tolerance.shift_zone(tolerance.BASELINE, ["high-price", "competitor-nearby"])
    assert metric(at, "Desired service") == f"{moved.desired:.1f}"
    assert metric(at, "Adequate service") == f"{moved.adequate:.1f}"


def _quality(at) -> None:
    rows = chart_rows(at, 0).set_index("row")
    assert rows.loc["Tangibles (40 pts)", "gap"] == pytest.approx(0.5)
    assert "Reliability (0 pts)" in rows.index
    assert metric(at, "Points allocated") == "100 / 100"                  # 10 + 30 moved from reliability
    title = t(EN, "exhibits.service_gaps_model.stages.gap1.title")
    assert any(title in m.value for m in at.markdown)


def _satisfaction(at) -> None:
    assert metric(at, "Satisfaction index") == "125.0" and metric(at, "Difference") == "+1.5"
    assert metric(at, "0–100 score") == f"{satisfaction.acsi_score(9.0, 8.0, 6.5):.1f}"
    curves = chart_rows(at, 1)
    names = {t(EN, f"satisfaction.categories.{c}") for c in ("M", "A")}
    assert set(curves["category"]) == names
    markers = curves[curves["kind"] == "marker"].set_index("category")
    assert markers.loc[t(EN, "satisfaction.categories.M"), "satisfaction"] == pytest.approx(kano.curve("M", 0.5, 2.0))
    assert any(t(EN, "satisfaction.categories.O") in s.value for s in at.success)    # like it / dislike it
    counts = {"A": 10, "O": 6, "M": 20, "I": 2, "R": 0, "Q": 1}             # clean bedding, with A = 10
    better, worse = kano.better_worse(counts)
    assert metric(at, "Better") == f"{better:.2f}" and metric(at, "Worse") == f"{worse:.2f}"


def _encounters(at) -> None:
    assert metric(at, "Moments of truth a year") == "10 million"         # 1 million customers × 10 contacts
    assert metric(at, "Customers meeting at least one failure") == "40.1%"  # 1 − 0.95¹⁰
    assert metric(at, "Satisfaction after the failure") != "6.0"            # a serious, repeated failure


def _loyalty(at) -> None:
    profits = loyalty.profit_by_year(5, ["base-profit", "referrals"])
    assert metric(at, "Profit in year 5") == f"{sum(r['profit'] for r in profits if r['year'] == 5):.0f}"
    assert metric(at, "Customer lifetime value CLV").startswith(f"{200 * loyalty.margin_multiple(0.7, 0.05, 5):.1f}")
    assert metric(at, "Respondents who mentioned it") != "44%"               # pricing, not core failure


def _profit_chain(at) -> None:
    elasticities = (0.6, 0.5, 0.5, 0.7, 1.5, 2.0)
    result = profit_chain.simulate({"management-support": 20, "training": -10, "rewards-recognition": 10,
                                    "communication-teamwork": 10}, elasticities)
    assert metric(at, "Internal service quality") == f"{result.change('internal-service-quality'):+.1f}%"
    assert metric(at, "Revenue growth and profitability") == f"{result.change('revenue-profit'):+.1f}%"


def _public_service(at) -> None:
    markdown = "\n".join(m.value for m in at.markdown)
    assert t(EN, "public_service.rows.foundations") in markdown
    assert t(EN, "public_service.rows.role") not in markdown
    assert metric(at, "Dimensions below the zone") != "1"                 # older respondents
    design = ps.Design(power="shared", purpose="genuine", seats=True, voice=True)
    changed = t(EN, "exhibits.ps_ladder.changed", before=4, after=ps.place(design).rung)
    assert any(c.value == changed for c in at.caption), [c.value for c in at.caption]


def _service_economy(at) -> None:
    assert metric(at, "Placed") == "1 / 11"
    assert metric(at, "Years chosen (US / China)") == "1980 / 2020"
    assert any("1980" in w.value and "2020" in w.value for w in at.warning)     # the years differ
    trend = chart_rows(at, 1)
    assert trend["year"].min() >= 1950 and trend["year"].max() <= 2010
    assert len(set(trend["series"])) == 2


def _service_value(at) -> None:
    night = value.VALUE_PRESETS["hotel-night"]
    assert metric(at, "Value W = c + v + m") == f"{300 + night.variable + night.surplus:.0f} yuan"
    total = next(m.value for m in at.metric if m.label == "Total utility")
    assert total != "250 yuan"                                             # the haircut, not the vaccination
    assert metric(at, "England saves per unit") != "20.0 man-years"       # England's cloth takes 90, not 100


def _co_creation(at) -> None:
    scores = {"dialogue": 4.5, "access": 4.0, "risk": 2.0, "transparency": 1.5}
    assert metric(at, "Mean score") == f"{cocreation.assess_dart(scores).mean:.1f}"
    assert metric(at, "As the book places them") == "7 / 8"               # hospital: one activity moved
    assert metric(at, "Value-in-use index") == f"{cocreation.value_in_use(8.0, 6.0, 6.0):.1f}"


def _label(key: str) -> str:
    return t(EN, key)


CASES = [
    Case("tolerance", "tolerance_zone",
         {"zot_dim": term_name("tangibles", EN), "zot_band_tangibles": ["5.0", "8.0"], "zot_perceived_tangibles": "4.5",
          "zot_factors": [_label("factors.high-price.label"), _label("factors.competitor-nearby.label")]},
         {"zot_dim": "tangibles", "zot_band_tangibles": (5.0, 8.0), "zot_perceived_tangibles": 4.5,
          "zot_factors": ["high-price", "competitor-nearby"]}, _tolerance,
         ("zot_dim", "zot_band_tangibles", "zot_perceived_tangibles")),
    Case("quality", "servqual_calculator",
         {"sq_dim": term_name("tangibles", EN), "sq_e_tangibles": "6.0", "sq_p_tangibles": "6.5", "sq_w_tangibles": "40",
          "sq_w_reliability": "0", "sq_gap_stage": _label("exhibits.service_gaps_model.stages.gap1.label")},
         {"sq_dim": "tangibles", "sq_e_tangibles": 6.0, "sq_p_tangibles": 6.5, "sq_w_tangibles": 40,
          "sq_w_reliability": 0, "sq_gap_stage": "gap1"}, _quality,
         ("sq_dim", "sq_e_tangibles", "sq_p_tangibles", "sq_w_tangibles")),
    Case("satisfaction", "satisfaction_index",
         {"ks_expected": "6.0", "ks_perceived": "7.5", "ks_acsi_overall": "9.0", "ks_acsi_disconfirmation": "8.0",
          "ks_acsi_ideal": "6.5", "ks_kano_show": [_label("satisfaction.categories.A"), _label("satisfaction.categories.M")],
          "ks_kano_fulfilment": "0.5", "ks_kano_k": "2.0", "ks_q_functional": _label("satisfaction.answers.like"),
          "ks_q_dysfunctional": _label("satisfaction.answers.dislike"),
          "ks_cycle_stage": _label("exhibits.kano_life_cycle.stages.M"),
          "ks_bw_feature": _label("satisfaction.features.clean-bedding"), "ks_bw_clean-bedding_A": "10",
          "ks_bw_threshold": "0.05"},
         {"ks_expected": 6.0, "ks_perceived": 7.5, "ks_kano_show": ["A", "M"], "ks_kano_fulfilment": 0.5,
          "ks_q_functional": "like", "ks_cycle_stage": "M", "ks_bw_feature": "clean-bedding",
          "ks_bw_clean-bedding_A": 10, "ks_bw_threshold": 0.05}, _satisfaction, ("ks_expected", "ks_perceived")),
    Case("encounters", "moments_of_truth",
         {"en_customers": "1 million", "en_contacts": "10", "en_seconds": "30", "en_success": "95.0",
          "en_severity": _label("encounters.severities.serious"), "en_history": _label("encounters.histories.repeat")},
         {"en_customers": 1_000_000, "en_contacts": 10, "en_seconds": 30, "en_success": 95.0,
          "en_severity": "serious", "en_history": "repeat"}, _encounters,
         ("en_customers", "en_contacts", "en_seconds", "en_success")),
    Case("loyalty", "loyalty_profit_build",
         {"ly_sources": [_label("loyalty.sources.base-profit"), _label("loyalty.sources.referrals")], "ly_years": "5",
          "ly_margin": "200", "ly_retention": "70", "ly_discount": "5", "ly_horizon": _label("loyalty.horizons.five"),
          "ly_reason": _label("loyalty.switching.pricing"), "ly_vip": "2.0"},
         {"ly_sources": ["base-profit", "referrals"], "ly_years": 5, "ly_margin": 200, "ly_horizon": "five",
          "ly_reason": "pricing", "ly_vip": 2.0}, _loyalty, ("ly_sources", "ly_years")),
    Case("profit-chain", "pc_chain_simulator",
         {"pc_build_step": t(EN, "exhibits.pc_chain_builder.step_label", n=3,
                             stage=t(EN, "profit_chain.stages.employee-retention-productivity")),
          "pc_drv_management-support": "20",
          "pc_drv_training": "-10", "pc_beta_5": "2.0"},
         {"pc_build_step": 3, "pc_drv_management-support": 20, "pc_drv_training": -10, "pc_beta_5": 2.0}, _profit_chain,
         ("pc_drv_management-support", "pc_drv_training", "pc_beta_5")),
    Case("public-service", "ps_paradigms",
         {"ps_rows": [_label("public_service.rows.foundations")], "ps_case": _label("public_service.cases.lift-retrofit.label"),
          "ps_group": _label("public_service.respondents.older"),
          "ps_practice": _label("public_service.practices.hotline.label"), "ps_power_hotline": _label(
              "public_service.answers.power.shared"), "ps_seats_hotline": "true"},
         {"ps_rows": ["foundations"], "ps_case": "lift-retrofit", "ps_group": "older", "ps_practice": "hotline",
          "ps_power_hotline": "shared", "ps_seats_hotline": True}, _public_service,
         ("ps_rows", "ps_case")),
    Case("service-economy", "evaluation_continuum",
         {"se_place_car-repair": _label("service_economy.qualities.experience"), "se_reveal": "false",
          "se_series": [_label("service_economy.series.us-stlfed.name"), _label("service_economy.series.cn-csy2005.name")],
          "se_years": ["1950", "2010"], "se_us_point": t(EN, "exhibits.sector_comparison.point", year=1980,
                                                         series=_label("service_economy.series_short.us-stlfed"))},
         {"se_place_car-repair": "experience", "se_reveal": False, "se_series": ["us-stlfed", "cn-csy2005"],
          "se_years": (1950, 2010), "se_us_point": "us-stlfed:1980"}, _service_economy,
         ("se_place_car-repair", "se_reveal")),
    Case("service-value", "service_value_composition",
         {"sv_c_hotel-night": "300", "sv_utility": _label("service_value.utility.haircut.label"),
          "sv_h_ricardo_england_cloth": "90"},
         {"sv_c_hotel-night": 300, "sv_utility": "haircut", "sv_h_ricardo_england_cloth": 90}, _service_value, ()),
    Case("co-creation", "cocreation_dart",
         {"cc_dart_dialogue": "4.5", "cc_dart_access": "4.0", "cc_sphere_case": _label("co_creation.scenarios.hospital"),
          "cc_sphere_hospital_lab-analysis": _label("co_creation.sphere_short.joint"), "cc_viu_participation": "6.0"},
         {"cc_dart_dialogue": 4.5, "cc_dart_access": 4.0, "cc_sphere_case": "hospital",
          "cc_sphere_hospital_lab-analysis": "joint", "cc_viu_participation": 6.0},
         _co_creation, ("cc_dart_dialogue", "cc_dart_access")),
]


def _rejections(at) -> list[str]:
    return [w.value for w in at.warning if "not one this exhibit accepts" in w.value]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.chapter)
def test_a_link_opens_every_exhibit_in_its_state(case):
    at = open_page(f"pages/{case.chapter}.py", lang=EN, **case.query)
    assert not _rejections(at)
    for key, value in case.values.items():
        assert at.session_state[key] == pytest.approx(value) if isinstance(value, float) else at.session_state[key] == value, key
    case.shows(at)


def test_every_published_chapter_has_a_url_case():
    assert {c.chapter for c in CASES} == set(content.published_chapters())


def _card_of(chapter_id: str, exhibit: str) -> int:
    """The lecture card an exhibit stands on, found by walking the chapter's cards."""
    at = open_page(f"pages/{chapter_id}.py", lang=EN, mode="lecture")
    title = t(EN, f"exhibits.{exhibit}.title")
    for number in range(1, 60):
        if any(s.value == title for s in at.subheader):
            return number
        at.button(key="lecture_next").click().run()
    raise AssertionError(f"no card shows {exhibit}")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.chapter)
def test_a_lecture_link_opens_the_card_in_its_state(case):
    card = _card_of(case.chapter, case.exhibit)
    at = open_page(f"pages/{case.chapter}.py", lang=EN, mode="lecture", card=str(card), **case.query)
    assert at.query_params["card"] == str(card)
    assert [s.value for s in at.subheader] == [t(EN, f"exhibits.{case.exhibit}.title")]
    assert not _rejections(at)
    for key in case.card_keys:
        expected = case.values[key]
        assert at.session_state[key] == (pytest.approx(expected) if isinstance(expected, float) else expected), key


def test_a_dimension_shown_again_keeps_the_links_value_and_the_readers_edits():
    at = open_page("pages/tolerance.py", lang=EN, zot_perceived_reliability="5.0")
    assert metric(at, "MSA") == "-2.0"
    at.get("button_group")  # the dimension picker
    next(b for b in at.get("button_group") if b.key == "zot_dim").set_value("tangibles").run()
    at.slider(key="zot_perceived_tangibles").set_value(8.0).run()
    next(b for b in at.get("button_group") if b.key == "zot_dim").set_value("reliability").run()
    assert at.slider(key="zot_perceived_reliability").value == pytest.approx(5.0)
    rows = chart_rows(at, 0).set_index("row")
    assert rows.loc["Tangibles", "perceived"] == pytest.approx(8.0)
    assert rows.loc["Reliability", "perceived"] == pytest.approx(5.0)


def test_a_link_in_chinese_uses_the_labels_chinese_readers_see():
    at = open_page("pages/tolerance.py", zot_dim=term_name("empathy", "zh"), zot_perceived_empathy="6.0")
    assert at.session_state["zot_dim"] == "empathy"
    assert metric(at, "MSA") == f"{6.0 - tolerance.DEFAULT_EXPECTATIONS['empathy'].adequate:+.1f}"


# ── Hostile values ───────────────────────────────────────────────────────────────────────────────

def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


@lru_cache(maxsize=None)
def _opening_state(chapter_id: str) -> dict[str, object]:
    """Every URL-bound input the chapter opens with, and its value."""
    at = open_page(f"pages/{chapter_id}.py", lang=EN)
    return {el.key: el.value for el in _walk(at._tree)
            if getattr(getattr(el, "proto", None), "query_param_key", "") and el.key}


@pytest.mark.parametrize("chapter_id", content.published_chapters())
def test_every_exhibit_input_is_bound_to_the_url(chapter_id):
    at = open_page(f"pages/{chapter_id}.py", lang=EN)
    unbound = [el.key for el in _walk(at._tree)
               if hasattr(getattr(el, "proto", None), "query_param_key") and el.key
               and not el.key.startswith(("_", "quiz_", "practice_", "FormSubmitter")) and not el.proto.query_param_key
               and type(el).__name__ != "Button"]
    assert not unbound
    assert _opening_state(chapter_id), "the chapter's exhibits have inputs"


hostile = hs.one_of(
    hs.sampled_from(["", " ", "<script>alert(1)</script>", "**x**", "1e400", "-1e400", "nan", "inf", "-0", "999999",
                     "-999999", "3.14159", "0x10", "true", "None", "[]", "中文", "x" * 3000, "\u202e", "1,2"]),
    hs.text(max_size=40),
    hs.lists(hs.sampled_from(["1", "2.5", "", "zzz", "7"]), min_size=2, max_size=4),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=hs.data())
def test_a_hostile_exhibit_parameter_falls_back_to_the_default(data):
    chapter_id = data.draw(hs.sampled_from(content.published_chapters()), label="chapter")
    opening = _opening_state(chapter_id)
    key = data.draw(hs.sampled_from(sorted(opening)), label="key")
    value = data.draw(hostile, label="value")
    at = open_page(f"pages/{chapter_id}.py", lang=EN, **{key: value})     # asserts that nothing raised
    shown = at.session_state[key]
    notices = " ".join(w.value for w in at.warning)
    if shown != opening[key]:
        # only a valid value may change an input; an empty one clears a choice that may be left open
        assert isinstance(value, list) or value.strip() or (value == "" and shown in (None, []))
        assert key not in notices, "a value that was used is not reported as rejected"
    elif key in notices:
        assert key not in at.query_params, "a rejected value left in the URL"
    for warning in at.warning:
        assert len(warning.value) < 400 and "<script>" not in warning.value


@pytest.mark.parametrize("value", ["9.0|4.0", "3.33", "11", "1e400", "<b>5</b>"])
def test_an_impossible_value_gets_a_notice_naming_the_input(value):
    raw = value.split("|") if "|" in value else value
    key = "zot_band_reliability" if "|" in value else "zot_perceived_reliability"
    at = open_page("pages/tolerance.py", lang=EN, **{key: raw})
    default = tolerance.DEFAULT_EXPECTATIONS["reliability"]
    assert at.slider(key=key).value == ((default.adequate, default.desired) if "|" in value else default.perceived)
    notices = [w.value for w in at.warning]
    assert len(notices) == 1 and key in notices[0] and "not one this exhibit accepts" in notices[0], notices
    assert key not in at.query_params


def test_an_integer_too_large_for_streamlit_is_caught_before_it_raises():
    at = open_page("pages/service-value.py", lang=EN, sv_h_ricardo_england_cloth="1e400")
    assert at.number_input(key="sv_h_ricardo_england_cloth").value == 100
    assert any("sv_h_ricardo_england_cloth" in w.value for w in at.warning)


def test_exhibit_keys_keep_clear_of_the_sites_own_parameters():
    for case in CASES:
        assert not set(case.query) & bound.RESERVED
    with pytest.raises(ValueError):
        bound._guard(None, "lang", "x", EN, lambda raw: True)


# ── Palette ──────────────────────────────────────────────────────────────────────────────────────

HEX = re.compile(r"#[0-9A-Fa-f]{6}\b")


def _chromatic(at) -> set[str]:
    specs = [chart.proto.spec for chart in at.get("vega_lite_chart")]
    return {c.upper() for spec in specs for c in HEX.findall(spec) if not is_neutral(c)}


def _fits(colour: str, palette: tuple[str, ...]) -> bool:
    """`colour` is a palette colour, or a tint or shade of one (to rounding)."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    for base in palette:
        b = [int(base[i:i + 2], 16) for i in (1, 3, 5)]
        for target in (255, 0):
            span = [target - x for x in b]
            k = sum((y - x) * s for x, y, s in zip(b, rgb, span)) / (sum(s * s for s in span) or 1)
            if 0 <= k <= 1 and all(abs(x + k * s - y) <= 2 for x, y, s in zip(b, rgb, span)):
                return True
    return False


@pytest.mark.parametrize("chapter_id", [*content.published_chapters(), *content.tools("labs")])
def test_every_chart_follows_the_projector_palette(chapter_id):
    """Every chapter's charts, and the data labs' charts of their sample data."""
    at = open_page(f"pages/{chapter_id}.py", palette="contrast")
    colours = _chromatic(at)
    assert colours, "the chapter's charts have colours"
    assert not colours & set(OKABE_ITO[:-1]), "an Okabe–Ito colour was left in a contrast chart"
    assert all(_fits(c, PALETTES["contrast"]) for c in colours), sorted(c for c in colours
                                                                        if not _fits(c, PALETTES["contrast"]))
    default = _chromatic(open_page(f"pages/{chapter_id}.py"))
    assert default & set(OKABE_ITO) and not default & (set(PALETTES["contrast"]) - set(OKABE_ITO))


def test_the_acsi_diagram_follows_the_palette():
    def dot(at) -> str:
        return next(unquote(h.value) for h in at.html if h.value.startswith('<div class="static-diagram">'))
    plain, contrast = dot(open_page("pages/satisfaction.py")), dot(open_page("pages/satisfaction.py", palette="contrast"))
    assert "#fde9d4" in plain and "#fde9d4" not in contrast and PALETTES["contrast"][0] not in plain


def test_the_palette_round_trips_through_the_url_and_the_sidebar():
    at = open_page("pages/quality.py", palette="contrast")
    assert at.session_state["_settings"].palette == "contrast" and at.query_params["palette"] == "contrast"
    control = next(b for b in at.sidebar.get("button_group") if b.key == "_w_palette_side")
    control.set_value("okabe-ito").run()
    assert "palette" not in at.query_params and at.session_state["_settings"].palette == "okabe-ito"
    assert _chromatic(at) & set(OKABE_ITO)


def test_links_to_other_pages_carry_the_palette():
    at = open_page("pages/quality.py", palette="contrast")
    links = [link.proto for link in at.sidebar.get("page_link")]
    assert links and all("palette=contrast" in json.dumps(str(link)) for link in links)


@pytest.mark.parametrize("value", ["neon", "CONTRAST ", "<b>x</b>"])
def test_an_unknown_palette_gives_a_notice_and_the_default(value):
    at = open_page("pages/tolerance.py", palette=value)
    expected = value.strip().lower() if value.strip().lower() in CHOICES["palette"] else CHOICES["palette"][0]
    assert at.session_state["_settings"].palette == expected
    if expected == CHOICES["palette"][0]:
        assert any("图表配色" in w.value for w in at.warning)
        assert "palette" not in at.query_params


def test_switching_language_keeps_the_choice_and_relabels_it_in_the_url():
    at = open_page("pages/tolerance.py", zot_dim=term_name("tangibles", "zh"),
                   zot_factors=[t("zh", "factors.high-price.label")])
    next(b for b in at.sidebar.get("button_group") if b.key == "_w_lang_side").set_value("en").run()
    assert at.session_state["zot_dim"] == "tangibles" and at.session_state["zot_factors"] == ["high-price"]
    assert at.query_params["zot_dim"] == "Tangibles"
    assert at.query_params["zot_factors"] in (t(EN, "factors.high-price.label"), [t(EN, "factors.high-price.label")])
    again = open_page("pages/tolerance.py", **dict(at.query_params))
    assert again.session_state["zot_dim"] == "tangibles" and not _rejections(again)


def test_a_default_value_in_a_link_is_left_out_of_the_address_without_a_notice():
    at = open_page("pages/tolerance.py", lang=EN, zot_dim="Reliability", zot_perceived_reliability="6.8",
                   zot_perceived_empathy="7.0")
    assert "zot_dim" not in at.query_params and "zot_perceived_reliability" not in at.query_params
    assert at.query_params["zot_perceived_empathy"] == "7.0"       # another dimension's value waits in the link
    assert not _rejections(at)
