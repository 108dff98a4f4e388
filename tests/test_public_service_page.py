"""The New Public Service chapter through AppTest: the paradigm table, the ladder and the service centre."""
from __future__ import annotations

import json

from helpers import button_group, chart_rows, metric, open_page

PAGE = "pages/public-service.py"


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def _ladder(at):
    return chart_rows(at, 0)


def _placed(at) -> dict[str, str]:
    rows = _ladder(at)
    markers = rows[rows["kind"] == "practice"]
    return dict(zip(markers["practice"], markers["label"]))


# ── The three paradigms side by side ──────────────────────────────────────────────────────────

def test_the_comparison_opens_on_four_rows_and_the_service_centre_case():
    at = open_page(PAGE, lang="en")
    text = _markdown(at)
    for row in ("Conception of the public interest", "To whom public servants respond", "Role of government",
                "Approach to accountability"):
        assert f"##### {row}" in text
    assert "##### Administrative discretion" not in text
    assert "**New Public Management**  \nCustomers" in text and "**New Public Service**  \nCitizens" in text
    assert "**Old Public Administration**  \nClients and constituents" in text
    assert any("Serve citizens, not customers" in c.value for c in at.caption)
    assert "##### Case: Queues at a service centre" in text
    assert "*Sees people as*: Customers" in text and "*Sees people as*: Citizens" in text


def test_choosing_rows_and_a_case_changes_what_stands_side_by_side():
    at = open_page(PAGE, lang="zh")
    button_group(at, "ps_rows").set_value(["discretion", "responsive-to"]).run()
    text = _markdown(at)
    # Rows keep the order of the published table, whatever order they were picked in.
    assert text.index("##### 公务人员回应谁") < text.index("##### 行政裁量权")
    assert "##### 政府的角色" not in text
    assert "必要，但受到约束并须承担责任" in text
    assert any("重视公民权和公共服务，胜过重视企业家精神" in c.value for c in at.caption)
    button_group(at, "ps_case").set_value("lift-retrofit").run()
    text = _markdown(at)
    assert "##### 案例：老旧小区加装电梯" in text and "*把人看作*：邻里共同体中的公民" in text
    table = next(m.value for m in at.markdown if m.value.startswith("| 比较项 |"))
    assert "| 公务人员回应谁 | 当事人和选民 | 顾客 | 公民 |" in table


def test_no_rows_chosen_says_so_and_still_shows_the_case():
    at = open_page(PAGE, lang="en")
    button_group(at, "ps_rows").set_value([]).run()
    assert any("No row is chosen yet" in i.value for i in at.info)
    assert "##### Case: Queues at a service centre" in _markdown(at)


# ── Five practices on Arnstein's ladder ───────────────────────────────────────────────────────

def test_the_ladder_opens_with_all_five_practices_placed_and_the_hearing_explained():
    at = open_page(PAGE, lang="en")
    assert _placed(at) == {"Policy briefing": "3 Informing", "Price hearing": "4 Consultation",
                           "12345 hotline": "4 Consultation", "Online consultation": "4 Consultation",
                           "Participatory budgeting": "7 Delegated power"}
    rows = _ladder(at)
    assert rows.loc[rows["selected"], "practice"].tolist() == ["Price hearing"]
    assert rows.loc[rows["kind"] == "rung", "group_label"].tolist() == [
        "", "Non-participation", "", "", "Tokenism", "", "", "Citizen power"]
    assert "Verdict: rung 4, Consultation, in the group Tokenism." in at.info[0].value
    assert "4. Can citizens put their views to those who decide? → yes" in _markdown(at)
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert spec["layer"][0]["encoding"]["y"]["sort"][0] == "8 Citizen control"


def test_a_guess_is_marked_on_the_ladder_and_answered():
    at = open_page(PAGE, lang="en")
    button_group(at, "ps_guess_hearing").set_value(6).run()
    assert "You put it on rung 6, Partnership; the analysis puts it on rung 4, Consultation, 2 rung(s) away" \
        in _markdown(at)
    rows = _ladder(at)
    guess = rows[rows["kind"] == "guess"]
    assert guess["label"].tolist() == ["6 Partnership"] and guess["practice"].tolist() == ["Price hearing"]
    button_group(at, "ps_guess_hearing").set_value(4).run()
    assert "Your judgement matches the analysis: rung 4, Consultation." in _markdown(at)


def test_making_the_budget_vote_advisory_drops_it_to_consultation_and_reset_restores_it():
    at = open_page(PAGE, lang="zh")
    button_group(at, "ps_practice").set_value("participatory-budgeting").run()
    assert "结论：第 7 级“授权”，属于公民权力。" in at.success[0].value
    at.selectbox(key="ps_power_participatory-budgeting").set_value("none").run()
    assert "结论：第 4 级“咨询”，属于象征性参与。" in at.info[0].value
    assert _placed(at)["参与式预算"] == "4 咨询"
    assert any("默认设计在第 7 级，现在在第 4 级" in c.value for c in at.caption)
    at.toggle(key="ps_seats_participatory-budgeting").set_value(True).run()
    assert _placed(at)["参与式预算"] == "5 安抚"
    at.button(key="ps_reset_participatory-budgeting").click().run()
    assert _placed(at)["参与式预算"] == "7 授权"
    assert at.selectbox(key="ps_power_participatory-budgeting").value == "dominant"


def test_a_staged_hearing_slides_to_manipulation_and_keeps_its_design_when_the_reader_looks_elsewhere():
    at = open_page(PAGE, lang="en")
    at.selectbox(key="ps_purpose_hearing").set_value("engineer-support").run()
    assert "Verdict: rung 1, Manipulation, in the group Non-participation." in at.error[0].value
    button_group(at, "ps_practice").set_value("hotline").run()
    assert _placed(at)["Price hearing"] == "1 Manipulation"
    button_group(at, "ps_practice").set_value("hearing").run()
    assert at.selectbox(key="ps_purpose_hearing").value == "engineer-support"


# ── The service centre ───────────────────────────────────────────────────────────────────────

def test_the_service_centre_opens_on_all_respondents_with_reliability_below_its_zone():
    at = open_page(PAGE, lang="en")
    assert metric(at, "Dimensions below the zone") == "1" and metric(at, "Dimensions above desired") == "1"
    rows = chart_rows(at, 1).set_index("row")
    assert rows.loc["Reliability", "verdict"] == "below the zone"
    assert rows.loc["Tangibles", "verdict"] == "above desired"
    table = next(m.value for m in at.markdown if m.value.startswith("| Dimension |"))
    assert "| Reliability | 7.2 | 8.4 | 6.9 | -0.3 | -1.5 | below the zone |" in table


def test_older_respondents_fall_below_the_zone_on_three_dimensions():
    at = open_page(PAGE, lang="zh")
    button_group(at, "ps_group").set_value("older").run()
    assert metric(at, "低于容忍区域的维度") == "3"
    assert any(c.value == "可靠性、响应性、移情性" for c in at.caption)
    rows = chart_rows(at, 1).set_index("row")
    assert rows.loc["移情性", "perceived"] == 5.4 and rows.loc["移情性", "verdict"] == "低于容忍区域"
    assert "平均数掩盖了这个群体" in _markdown(at)
