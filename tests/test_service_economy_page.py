"""The service economy chapter through AppTest: each exhibit's default state and what its widgets change."""
from __future__ import annotations

import json

from helpers import button_group, chart_rows, metric, open_page

PAGE = "pages/service-economy.py"
CONTINUUM, TREND, SECTORS = 0, 1, 2


def test_continuum_opens_with_goods_at_the_easy_end_and_services_at_the_hard_end():
    at = open_page(PAGE, lang="en")
    rows = chart_rows(at, CONTINUUM).set_index("row")
    assert len(rows) == 11
    goods, services = rows[rows["kind"] == "Good"], rows[rows["kind"] == "Service"]
    assert (goods["band"] == "search qualities").sum() == 3 and len(goods) == 4
    assert not (services["band"] == "search qualities").any()
    assert rows["book"].is_monotonic_increasing
    assert rows["reader"].isna().all()
    assert rows.loc[rows["highlight"]].index.tolist() == ["Car repair"]
    assert metric(at, "Placed") == "0 / 11" and metric(at, "Agreeing") == "–"
    assert any("Car repair: the book places it under credence qualities." in i.value for i in at.info)
    assert any("all 7 services fall under experience or credence qualities" in m.value for m in at.markdown)


def test_placing_an_offering_judges_it_and_draws_the_reader_s_marker():
    at = open_page(PAGE, lang="en")
    button_group(at, "se_place_car-repair").set_value("experience").run()
    assert any("Car repair: defensible." in i.value for i in at.info)
    assert metric(at, "Placed") == "1 / 11" and metric(at, "Agreeing") == "1 / 1"
    assert chart_rows(at, CONTINUUM).set_index("row").loc["Car repair", "reader"] == 50.0
    at.selectbox(key="se_offering").set_value("surgery").run()
    button_group(at, "se_place_surgery").set_value("search").run()
    assert any("Surgery: two bands off." in e.value for e in at.error)
    assert metric(at, "Placed") == "2 / 11" and metric(at, "Agreeing") == "1 / 2"
    at.selectbox(key="se_offering").set_value("car-repair").run()
    assert button_group(at, "se_place_car-repair").value == "experience", "an earlier placement is kept"
    table = next(m.value for m in at.markdown if m.value.startswith("| Good or service |"))
    assert "| Surgery | Service | credence qualities |  | search qualities | two bands off |" in table


def test_hiding_the_book_s_placements_reveals_only_what_the_reader_has_placed():
    at = open_page(PAGE, lang="zh")
    at.toggle(key="se_reveal").set_value(False).run()
    rows = chart_rows(at, CONTINUUM)
    assert rows["book"].isna().all()
    button_group(at, "se_place_car-repair").set_value("credence").run()
    rows = chart_rows(at, CONTINUUM).set_index("row")
    assert rows.loc["汽车维修", "book"] == 82 and rows["book"].notna().sum() == 1
    assert any("汽车维修：与本书一致。" in s.value for s in at.success)
    at.button(key="se_clear").click().run()
    assert metric(at, "已判断") == "0 / 11"
    assert chart_rows(at, CONTINUUM)["reader"].isna().all()


def test_trend_opens_with_every_confirmed_figure_and_follows_series_and_years():
    at = open_page(PAGE, lang="en")
    rows = chart_rows(at, TREND)
    assert len(rows) == 23
    assert set(rows.loc[rows["year"] == 2020, "share"]) == {79.0, 54.5}
    assert 1948 not in set(rows["year"]) and 1999 not in set(rows["year"])
    assert any("passed half of GDP for the first time in 2015" in m.value for m in at.markdown)
    button_group(at, "se_series").set_value(["cn-csy2005", "us-bea-private"]).run()
    rows = chart_rows(at, TREND)
    assert sorted(rows["year"]) == [1947, 1986, *range(1991, 1998)]
    at.slider(key="se_years").set_value((1990, 1995)).run()
    rows = chart_rows(at, TREND)
    assert list(rows["year"]) == [1991, 1992, 1993, 1994, 1995]
    assert list(rows["share"]) == [33.4, 34.3, 32.7, 31.9, 30.7]
    button_group(at, "se_series").set_value([]).run()
    assert any("Choose at least one data series." in w.value for w in at.warning)


def test_sector_comparison_opens_on_2020_and_warns_when_the_years_differ():
    at = open_page(PAGE, lang="zh")
    rows = chart_rows(at, SECTORS)
    assert list(rows["row"].unique()) == ["中国 2020", "美国 2020"]
    china = rows[rows["row"] == "中国 2020"].set_index("sector")["share"].to_dict()
    assert china == {"第一产业": 7.7, "第二产业": 37.8, "第三产业（服务业）": 54.5}
    us = rows[rows["row"] == "美国 2020"].set_index("sector")["share"].to_dict()
    assert us == {"第三产业（服务业）": 79.0, "来源未细分": 21.0}
    assert metric(at, "服务业比重之差") == "+24.5" and not at.warning
    at.selectbox(key="se_cn_point").set_value("cn-history-2019:1978").run()
    at.selectbox(key="se_us_point").set_value("us-stlfed:1950").run()
    assert metric(at, "服务业比重之差") == "+27.4"
    assert any("美国的数字是 1950 年的，中国的是 1978 年的" in w.value for w in at.warning)


def test_large_text_scales_the_chapter_s_charts():
    normal = [json.loads(c.proto.spec) for c in open_page(PAGE).get("vega_lite_chart")]
    large = [json.loads(c.proto.spec) for c in open_page(PAGE, size="large").get("vega_lite_chart")]
    for n, g in zip(normal, large):
        assert g["config"]["axis"]["labelFontSize"] > n["config"]["axis"]["labelFontSize"]
    assert large[TREND]["height"] > normal[TREND]["height"]
