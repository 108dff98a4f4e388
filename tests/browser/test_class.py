"""The live class in a real browser: a lecturer at projector width and a student on a phone, two browser
contexts on one server. What the student submits shows up on the lecturer's screen by itself (the
projector reruns every couple of seconds). Screenshots of both go to test-artifacts/screenshots/."""
from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from .conftest import SCREENSHOTS, serving

CODE = re.compile(r"code=([A-Z0-9]{6})&key=")
SECONDS = 1000                                   # Playwright counts milliseconds


@pytest.fixture(scope="module")
def class_server(tmp_path_factory):
    """A server of this module's own, keeping the class's answers in a fresh SQLite file."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CLASSROOM_DB_URL", f"sqlite:///{tmp_path_factory.mktemp('class') / 'class.sqlite'}")
        with serving() as server:
            yield server


def _start(lecturer, url: str, kind_label: str | None, tab: str, button: str) -> str:
    """The lecturer opens the page, starts an activity and gets the join code."""
    lecturer.open(url)
    lecturer.page.get_by_role("tab", name=tab).click()
    if kind_label:
        lecturer.page.get_by_test_id("stButtonGroup").get_by_text(kind_label, exact=True).click()
        lecturer.wait()
    lecturer.page.get_by_role("button", name=button).click()
    lecturer.wait()
    code = lecturer.page.locator(".class-code").inner_text().strip()
    assert CODE.search(lecturer.page.url).group(1) == code
    return code


def _count(lecturer):
    return lecturer.page.get_by_test_id("stMetricValue").first


def _submit(student, label: str, message: str) -> None:
    student.page.get_by_role("button", name=label).click()
    student.wait()
    expect(student.page.get_by_test_id("stAlert").filter(has_text=message)).to_be_visible()


def test_a_student_s_kano_answers_appear_on_the_lecturer_s_screen(browser, class_server, reader):
    lecturer, student = reader(width=1920, height=1080), reader(width=390, height=844)
    code = _start(lecturer, f"{class_server.url}/class", None, "发起活动（教师）", "开始活动")
    expect(_count(lecturer)).to_have_text("0")
    join_link = lecturer.page.get_by_test_id("stCode").filter(has_text="join=").inner_text()
    assert join_link.strip().endswith(f"/class?join={code}") and "key=" not in join_link

    student.open(f"{class_server.url}/class?join={code}")                # the join link, in Chinese
    student.page.locator(".st-key-topbar").get_by_text("English", exact=True).click()
    student.wait()                                                      # the student's own language
    assert "lang=en" in student.page.url and f"join={code}" in student.page.url
    expect(student.page.get_by_text("Kano survey: 校园食堂 App")).to_be_visible()   # the lecturer typed it in Chinese
    radios = student.page.get_by_test_id("stRadio")
    radios.nth(0).get_by_text("I like it", exact=True).click()
    radios.nth(1).get_by_text("I dislike it", exact=True).click()
    _submit(student, "Submit answers", "Answers saved: 2.")

    expect(_count(lecturer)).to_have_text("1", timeout=10 * SECONDS)    # without touching the lecturer's page
    lecturer.page.get_by_role("button", name="显示结果").click()
    lecturer.wait()
    table = lecturer.page.get_by_test_id("stMarkdownContainer").filter(has_text="在线点餐，到窗口取餐").last
    expect(table).to_contain_text("一元品质 O")
    lecturer.page.get_by_test_id("stVegaLiteChart").first.locator("svg .mark-symbol").first.wait_for()

    radios.nth(0).get_by_text("I am neutral", exact=True).click()       # a changed answer replaces the old one
    _submit(student, "Submit answers", "1 replaced your earlier ones")
    expect(table).to_contain_text("当然品质 M", timeout=10 * SECONDS)
    expect(_count(lecturer)).to_have_text("1")

    with lecturer.page.expect_download() as download:
        lecturer.page.get_by_role("button", name="下载回答（CSV）").click()
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
    assert sorted((r[1], r[3], r[6]) for r in rows[1:]) == [("S001", "f0.dysfunctional", "不喜欢"),
                                                          ("S001", "f0.functional", "无所谓")]
    lecturer.shot_whole_page(SCREENSHOTS / "class-lecturer-kano-zh-1920.png")
    student.shot_whole_page(SCREENSHOTS / "class-student-kano-en-390.png")
    assert lecturer.console_errors == [] and student.console_errors == []


def test_quality_ratings_from_a_phone_fill_the_zone_chart_on_the_projector(browser, class_server, reader):
    lecturer, student = reader(width=1920, height=1080), reader(width=390, height=844)
    code = _start(lecturer, f"{class_server.url}/class?lang=en", "Service quality", "Start an activity (lecturers)",
                  "Start activity")
    lecturer.page.get_by_role("button", name="Show results").click()
    lecturer.wait()
    student.open(f"{class_server.url}/class?join={code}")
    desired = student.page.get_by_role("slider").nth(0)              # reliability, desired service: 5 → 8
    desired.focus()
    for _ in range(3):
        student.page.keyboard.press("ArrowRight")
    _submit(student, "提交答案", "已保存 15 个答案。")
    expect(_count(lecturer)).to_have_text("1", timeout=10 * SECONDS)
    charts = lecturer.page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(2, timeout=10 * SECONDS)
    labels = charts.nth(1).locator("svg .mark-text text")
    expect(labels.filter(has_text="-3.0")).to_have_count(1)           # reliability: perceived 5 − desired 8
    lecturer.shot_whole_page(SCREENSHOTS / "class-lecturer-quality-en-1920.png")
    student.shot_whole_page(SCREENSHOTS / "class-student-quality-zh-390.png")
    assert lecturer.console_errors == [] and student.console_errors == []


def test_a_peer_instruction_vote_moves_to_round_two_on_the_student_s_phone(browser, class_server, reader):
    lecturer, student = reader(width=1920, height=1080), reader(width=390, height=844)
    code = _start(lecturer, f"{class_server.url}/class", "同伴教学投票", "发起活动（教师）", "开始活动")
    student.open(f"{class_server.url}/class?join={code}&lang=en")
    student.page.get_by_test_id("stRadio").first.get_by_text(re.compile(r"^A\. ")).click()
    _submit(student, "Submit answers", "Answers saved: 1.")
    expect(_count(lecturer)).to_have_text("1", timeout=10 * SECONDS)
    lecturer.page.get_by_role("button", name="开始第 2 轮投票").click()
    lecturer.wait()
    expect(_count(lecturer)).to_have_text("0")
    expect(student.page.get_by_text("Round 2", exact=False)).to_be_visible(timeout=15 * SECONDS)
    student.page.get_by_test_id("stRadio").first.get_by_text(re.compile(r"^B\. ")).click()
    _submit(student, "Submit answers", "Answers saved: 1.")
    expect(_count(lecturer)).to_have_text("1", timeout=10 * SECONDS)
    lecturer.page.get_by_role("button", name="显示结果").click()
    lecturer.wait()
    bars = lecturer.page.get_by_test_id("stVegaLiteChart").first.locator("svg .mark-text text")
    expect(bars.filter(has_text="第 1 轮：1 票（100%）")).to_have_count(1)
    expect(bars.filter(has_text="第 2 轮：1 票（100%）")).to_have_count(1)
    lecturer.shot_whole_page(SCREENSHOTS / "class-lecturer-peer-zh-1920.png")
    student.shot_whole_page(SCREENSHOTS / "class-student-peer-en-390.png")
    assert lecturer.console_errors == [] and student.console_errors == []
