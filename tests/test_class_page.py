"""The live-class page in AppTest: a lecturer and students, each an AppTest session of their own, sharing
one SQLite file as the server's processes would."""
from __future__ import annotations

import csv
import io

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from book import content
from book.classroom import config, page, views
from book.classroom.store import ALPHABET
from book.i18n import t
from helpers import button_group, chart_rows, open_page, open_share

CLASS = "pages/class.py"


@pytest.fixture(autouse=True)
def class_db(tmp_path, monkeypatch):
    monkeypatch.setenv(config.URL_ENV, f"sqlite:///{tmp_path / 'class.sqlite'}")


def store():
    return config.store()


def start(kind: str = "kano", lang: str = "zh", **fields):
    """A lecturer opens the page, picks `kind`, fills in `fields` (widget key → value) and starts."""
    at = open_page(CLASS, lang=lang)
    if kind != "kano":
        button_group(at, "class_kind").set_value(kind).run()
    for key, value in fields.items():
        (at.text_area(key=key) if key == "class_kano_features" else at.text_input(key=key)).set_value(value)
    at.button(key="class_start").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at, at.query_params.get("code"), at.query_params.get("key")


def join(code: str, lang: str = "zh"):
    at = open_page(CLASS, join=code, lang=lang)
    return at


def answer(at, code: str, values: dict[str, object], round_: int = 0):
    """Set the student's widgets (question id → value) and submit the form."""
    for question, value in values.items():
        key = f"class_{code}_{round_}_{question}"
        widget = next((w for w in [*at.radio, *at.slider] if w.key == key))
        widget.set_value(value)
    at.button(key="class_submit").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def messages(at, kind: str) -> list[str]:
    return [m.value for m in getattr(at.main, kind)]


def control(at, action: str):
    at.button(key=f"class_ctl_{action}").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def count_shown(at) -> int:
    return int(next(m.value for m in at.metric))


def test_the_lecturer_starts_a_kano_survey_and_gets_a_code_a_link_without_the_key_and_a_qr_code():
    at, code, key = start()
    assert len(code) == 6 and set(code) <= set(ALPHABET) and key
    activity = store().find(code)
    features = content.load_toml("ui.toml")["zh"]["classroom"]["start"]["kano_features"].splitlines()
    assert (activity.kind, activity.config["features"], activity.lang) == ("kano", features, "zh")
    assert at.subheader[0].value == "Kano 问卷：校园食堂 App"
    link = next(c.value for c in at.code if "join=" in c.value)
    assert link.endswith(f"class?join={code}") and key not in link
    assert [column for column in at.columns if column.get("image")], "the join link's QR code beside the code"
    assert count_shown(at) == 0
    assert any("结果暂时隐藏" in m for m in messages(at, "info"))


def test_a_student_answers_changes_an_answer_and_the_lecturer_sees_one_respondent():
    lecturer, code, _ = start()
    student = join(code)
    assert student.subheader[0].value == "Kano 问卷：校园食堂 App"
    participant = student.query_params.get("p")
    assert participant
    assert not [b for b in student.button if (b.key or "").startswith("class_ctl_")], "a student's link controls nothing"
    answer(student, code, {"f0.functional": "1", "f0.dysfunctional": "5", "f1.functional": "2"})
    assert messages(student, "success") == ["已保存 3 个答案。"]
    assert any("第 2 个功能只回答了一个问题" in m for m in messages(student, "info"))
    answer(student, code, {"f0.functional": "3"})
    assert messages(student, "success") == ["已保存 1 个答案，其中 1 个替换了你之前的答案。"]
    stored = {a.question: a.answer for a in store().answers(code) if a.participant == participant}
    assert stored == {"f0.functional": "3", "f0.dysfunctional": "5", "f1.functional": "2"}
    answer(student, code, {})
    assert messages(student, "info")[0] == "答案与你之前提交的相同，无需保存。"
    lecturer.run()
    assert count_shown(lecturer) == 1


def test_a_reload_keeps_the_student_s_answers_and_anonymous_id():
    _, code, _ = start()
    student = join(code)
    participant = student.query_params.get("p")
    answer(student, code, {"f2.functional": "4"})
    again = open_page(CLASS, join=code, p=participant)          # a new session with the same link
    assert again.radio(key=f"class_{code}_0_f2.functional").value == "4"
    assert messages(again, "caption")[-1] == "你已回答 1 / 12 题。"


def test_revealed_kano_results_use_the_chapter_s_better_worse_chart_on_the_class_s_answers():
    lecturer, code, _ = start()
    # Three students: feature 1 attractive (like, neutral) twice and one-dimensional (like, dislike) once.
    for functional, dysfunctional in (("1", "3"), ("1", "3"), ("1", "5")):
        answer(join(code), code, {"f0.functional": functional, "f0.dysfunctional": dysfunctional})
    control(lecturer, "reveal")
    assert "结果已显示在投影上。" in messages(lecturer, "success")
    assert count_shown(lecturer) == 3
    shown, full = (m.value for m in lecturer.markdown if m.value.startswith("| 服务特征"))
    assert shown.splitlines()[2] == "| 1. 在线点餐，到窗口取餐 | 3 | 魅力品质 A | 1.00 | -0.33 |"
    assert full.splitlines()[2] == "| 1. 在线点餐，到窗口取餐 | 2 | 1 | 0 | 0 | 0 | 0 | 3 | 魅力品质 A | 0.33 | 1.00 | -0.33 |"
    assert "没有 A、O、M、I 类回答的功能无法计算 Better 和 Worse，不出现在图中。" in messages(lecturer, "caption")
    rows = chart_rows(lecturer, 0)
    assert list(rows["feature"]) == ["1"], "points are labelled with the feature's number in the table"
    assert rows["better"][0] == pytest.approx(1.0) and rows["worse"][0] == pytest.approx(-1 / 3)
    control(lecturer, "hide")
    assert not lecturer.get("vega_lite_chart")


def test_the_class_s_quality_ratings_feed_the_zone_and_gap_charts():
    lecturer, code, _ = start("quality", class_quality_service="图书馆")
    levels = {"desired": (8, 6), "adequate": (6, 4), "perceived": (5, 5)}
    for i in range(2):
        answer(join(code), code, {f"reliability.{level}": values[i] for level, values in levels.items()})
    control(lecturer, "reveal")
    zones, gaps = chart_rows(lecturer, 0), chart_rows(lecturer, 1)
    reliability = zones[zones["row"] == "可靠性"].iloc[0]
    assert (reliability["desired"], reliability["adequate"], reliability["perceived"]) == (7, 5, 5)
    assert reliability["verdict"] == t("zh", "exhibits.zones.within")
    assert gaps[gaps["row"] == "可靠性"].iloc[0]["gap"] == pytest.approx(-2)
    # the four untouched dimensions were submitted at the sliders' starting point, 5
    assert set(zones["row"]) == {"可靠性", "响应性", "保证性", "移情性", "有形性"}


def test_adequate_above_desired_is_refused_and_nothing_is_saved():
    _, code, _ = start("quality")
    student = answer(join(code), code, {"empathy.desired": 4, "empathy.adequate": 7})
    assert messages(student, "error") == [
        "移情性：适当服务高于理想服务。适当服务是你能接受的最低水平，不能高于你希望的水平。请调整后再提交；这次没有保存任何答案。"]
    assert store().answers(code) == []


def test_locking_stops_answers_with_a_message_and_reopening_takes_them_again():
    lecturer, code, _ = start(lang="en")
    student = join(code, lang="en")                 # the page is open before the lock
    control(lecturer, "lock")
    assert any(m.value.endswith("answering locked · results hidden") for m in lecturer.markdown)
    answer(student, code, {"f0.functional": "1"})
    assert messages(student, "error") == [t("en", "classroom.errors.locked", code=code)]
    assert store().answers(code) == []
    late = join(code, lang="en")
    assert messages(late, "warning") == [t("en", "classroom.student.locked")]
    control(lecturer, "open")
    answer(student, code, {"f0.functional": "1"})
    assert messages(student, "success") == ["Answers saved: 1."]


def test_peer_instruction_votes_twice_and_shows_both_rounds_side_by_side():
    lecturer, code, _ = start("peer", lang="en")
    question = views.peer_question(store().find(code))
    right = question["answer"]
    wrong = next(o["id"] for o in question["options"] if o["id"] != right)
    students = [join(code, lang="en") for _ in range(4)]
    for student, vote in zip(students, (right, wrong, wrong, wrong)):
        answer(student, code, {"vote": vote})
    control(lecturer, "next_round")
    for student, vote in zip(students, (right, right, right, wrong)):
        student.run()
        assert "Round 2" in " ".join(m.value for m in student.markdown)
        answer(student, code, {"vote": vote}, round_=1)
    assert count_shown(lecturer.run()) == 4
    control(lecturer, "reveal")
    rows = chart_rows(lecturer, 0)
    letter = views.option_letters(store().find(code))[right]
    shares = {r: rows[(rows["option"] == letter) & (rows["round"] == r)].iloc[0]["share"] for r in ("round 1", "round 2")}
    assert shares == {"round 1": pytest.approx(0.25), "round 2": pytest.approx(0.75)}
    assert "class_ctl_next_round" not in [b.key for b in lecturer.button]


def test_reset_needs_its_confirmation_and_clears_every_answer():
    lecturer, code, _ = start()
    answer(join(code), code, {"f0.functional": "1"})
    control(lecturer, "reset")
    assert store().answers(code) == [] and count_shown(lecturer) == 0
    assert "全部回答已删除，活动回到第 1 轮并开放作答。" in messages(lecturer, "success")


def test_the_csv_download_holds_every_answer_with_anonymous_labels(monkeypatch):
    generated = []
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        generated.append((data_callable, file_name))
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)
    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    lecturer, code, _ = start(class_kano_features="=cmd|' /C calc'!A0\n快递柜")
    answer(join(code), code, {"f0.functional": "1", "f0.dysfunctional": "5"})
    answer(join(code), code, {"f1.functional": "2"})
    lecturer.run()
    data_callable, file_name = generated[-1]
    assert file_name == f"class-{code}-zh.csv"
    data = data_callable()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["加入码", "匿名编号", "轮次", "题目编号", "题目", "回答代码", "回答", "最后修改时间（UTC）"]
    body = sorted(rows[1:], key=lambda r: (r[1], r[3]))
    assert [(r[1], r[3], r[5], r[6]) for r in body] == [
        ("S001", "f0.dysfunctional", "5", "不喜欢"), ("S001", "f0.functional", "1", "喜欢"),
        ("S002", "f1.functional", "2", "理应如此")]
    assert body[0][4] == "1. =cmd|' /C calc'!A0 · 反向问题"
    assert not [cell for row in rows for cell in row if cell.startswith(("=", "+", "-", "@"))], \
        "no cell starts with what a spreadsheet would run as a formula"


def test_a_wrong_key_gets_a_message_and_the_student_view():
    _, code, key = start()
    at = open_page(CLASS, code=code, key=key[:-2] + "xx")
    assert messages(at, "error")[0].startswith(f"这个链接里的教师密钥与活动 {code} 不符")
    assert "key" not in at.query_params
    assert at.button(key="class_submit") and not [b for b in at.button if b.key == "class_ctl_lock"]
    with pytest.raises(Exception):
        store().control(code, key[:-2] + "xx", "end")


@pytest.mark.parametrize(("typed", "expected"), [
    ("K7M2Q", "加入码应为 6 位字母或数字"),
    ("ZZZZZZ", "找不到加入码为 ZZZZZZ 的活动"),
    ("<b>x</b>", "加入码应为 6 位字母或数字"),
])
def test_a_mistyped_or_unknown_code_gets_a_clear_message(typed, expected):
    at = open_page(CLASS)
    at.text_input(key="class_join_code").set_value(typed)
    at.button[0].click().run()
    assert any(m.startswith(expected) for m in messages(at, "error")), messages(at, "error")


def test_an_ended_activity_tells_students_and_keeps_the_lecturer_s_download():
    lecturer, code, _ = start(lang="en")
    control(lecturer, "end")
    assert any(f"Activity {code} has ended" in m for m in messages(lecturer, "info"))
    assert [b for b in lecturer.get("download_button")]
    student = join(code.lower(), lang="en")
    assert messages(student, "error") == [f"The activity with join code {code} has ended; it takes no more answers."]


def test_a_join_code_typed_loosely_finds_the_activity():
    _, code, _ = start()
    at = open_page(CLASS)
    at.text_input(key="class_join_code").set_value(f" {code[:3].lower()}-{code[3:]} ")
    at.button[0].click().run()
    assert at.query_params.get("join") == code
    assert at.subheader[0].value == "Kano 问卷：校园食堂 App"


def test_typed_text_is_shown_escaped_everywhere():
    hostile = "**bold** <img src=x onerror=alert(1)> [link](javascript:alert(1))"
    lecturer, code, _ = start(class_kano_service=hostile, class_kano_features=f"{hostile}\n_二_")
    escaped = views.text(hostile)
    assert lecturer.subheader[0].value == f"Kano 问卷：{escaped}"
    student = join(code)
    shown = " ".join(m.value for m in student.markdown)
    assert f"**1. {escaped}**" in shown and "**2. \\_二\\_**" in shown
    assert student.radio(key=f"class_{code}_0_f0.functional").label == f"如果**有**“{escaped}”，你感觉如何？"


def test_a_bad_feature_list_is_refused_with_where_the_problem_is():
    at, code, _ = start(class_kano_features="取餐\n取餐")
    assert code is None
    assert messages(at, "error") == ["第 2 项功能与第 1 项重名，请删去其中一项或改个名称。"]
    at, code, _ = start(class_kano_features="\n".join(f"功能 {i}" for i in range(13)))
    assert code is None and messages(at, "error")[0].startswith("Kano 调查需要 1–12 项功能，现在有 13 项")


def test_the_shared_link_leaves_out_the_lecturer_key_and_the_student_id():
    lecturer, code, key = start()
    shared = [c.value for c in open_share(lecturer).code]
    assert any(c.startswith("/class?") and "join=" not in c for c in shared), shared     # the shared view is there
    assert all(key not in c for c in shared)
    student = open_share(join(code))
    participant = student.query_params.get("p")
    assert student.code and all(participant not in c.value for c in student.code)


def test_a_malformed_student_id_in_the_link_is_replaced_with_a_notice():
    _, code, _ = start(lang="en")
    at = open_page(CLASS, join=code, p="<script>", lang="en")
    assert messages(at, "warning")[0].startswith("The anonymous id in the link is not valid")
    assert at.query_params.get("p") != "<script>" and len(at.query_params.get("p")) >= 16


def test_page_helpers_escape_errors_and_number_respondents():
    from models.classroom import Answer, ConfigError
    err = ConfigError("feature_duplicate", number=2, first=1, feature="*x*")
    assert page.error_text(err, "en") == "Feature 2 has the same name as feature 1; delete one of them or rename it."
    labels = views.respondent_numbers([Answer("b", "vote", 0, "a"), Answer("a", "vote", 0, "a")])
    assert sorted(labels.values()) == ["S001", "S002"]


@pytest.mark.parametrize("query", [{"join": "<img src=x onerror=alert(1)>"}, {"join": ""},
                                   {"code": "**A1B2C3**", "key": "x" * 500}, {"join": "ABCDEF" * 20}])
def test_hostile_codes_in_the_address_get_a_message_and_the_join_box(query):
    at = open_page(CLASS, lang="en", **query)
    assert messages(at, "error") == [t("en", "classroom.errors.bad_code", length=6)]
    assert at.text_input(key="class_join_code") is not None and "key" not in at.query_params
