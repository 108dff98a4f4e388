"""The end-of-chapter self-check (multiple choice with feedback for every option) and exam practice
(名词解释, 简答, 论述, 案例分析) whose answer outline opens only after the student writes an attempt or
declines to. Questions come from content/quizzes/<chapter>.toml; a chapter without one shows neither.
"""
from __future__ import annotations

import streamlit as st

from . import content
from .i18n import t
from .settings import Settings

FORMATS = ("term", "short", "essay", "case")


def load(chapter_id: str) -> dict | None:
    name = f"quizzes/{chapter_id}.toml"
    return content.load_toml(name) if (content.CONTENT / name).exists() else None


def score(questions: list[dict], answers: dict[str, str | None]) -> int:
    """How many questions are answered with their right option."""
    return sum(answers.get(q["id"]) == q["answer"] for q in questions)


def _set(key: str, value: object) -> None:
    """A button's callback: it runs before the rerun the click causes, full or fragment alike."""
    st.session_state[key] = value


def _opened(key: str, label: str, icon: str) -> bool:
    """Whether the reader has opened this part of the chapter's end: questions are drawn on request, so a
    chapter's first render does not pay for a dozen question widgets most readers reach later, if at all."""
    if st.session_state.get(key):
        return True
    st.button(label, key=f"{key}_button", icon=icon, on_click=_set, args=(key, True))
    return False


def _round(chapter_id: str) -> int:
    """Which attempt this is: a retry starts a new round, so every answer widget starts empty."""
    return st.session_state.setdefault(f"quiz_round_{chapter_id}", 0)


@st.fragment
def self_check(chapter_id: str, settings: Settings) -> None:
    quiz = load(chapter_id)
    if not quiz or not quiz.get("choice"):
        return
    lang, questions = settings.lang, quiz["choice"]
    attempt = _round(chapter_id)
    st.header(t(lang, "quiz.heading"), anchor="self-check")
    st.caption(t(lang, "quiz.intro", n=len(questions)))
    if not _opened(f"quiz_started_{chapter_id}", t(lang, "quiz.start", n=len(questions)), ":material/quiz:"):
        return
    checked_key = f"quiz_checked_{chapter_id}_{attempt}"
    with st.form(f"quiz_{chapter_id}_{attempt}", border=False):
        answers = {}
        for number, q in enumerate(questions, 1):
            options = {o["id"]: o for o in q["options"]}
            answers[q["id"]] = st.radio(f"{number}. {q[lang]}", list(options), index=None,
                                        key=f"quiz_{chapter_id}_{attempt}_{q['id']}",
                                        format_func=lambda o, options=options: options[o][lang])
        st.form_submit_button(t(lang, "quiz.check"), type="primary", on_click=_set, args=(checked_key, True))
    if not st.session_state.get(checked_key):
        return
    right = score(questions, answers)
    st.subheader(t(lang, "quiz.score", right=right, total=len(questions)), anchor=False)
    for number, q in enumerate(questions, 1):
        options = {o["id"]: o for o in q["options"]}
        chosen = answers.get(q["id"])
        correct = options[q["answer"]]
        if chosen is None:
            st.warning(t(lang, "quiz.unanswered", n=number, answer=correct[lang]) + " " + correct[f"why_{lang}"])
        elif chosen == q["answer"]:
            st.success(t(lang, "quiz.right", n=number) + " " + correct[f"why_{lang}"])
        else:
            st.error(t(lang, "quiz.wrong", n=number, answer=correct[lang]) + " " + options[chosen][f"why_{lang}"])
    st.button(t(lang, "quiz.retry"), key=f"quiz_retry_{chapter_id}_{attempt}",
              on_click=_set, args=(f"quiz_round_{chapter_id}", attempt + 1))


@st.fragment
def practice(chapter_id: str, settings: Settings) -> None:
    quiz = load(chapter_id)
    if not quiz or not quiz.get("practice"):
        return
    lang = settings.lang
    st.header(t(lang, "practice.heading"), anchor="exam-practice")
    st.caption(t(lang, "practice.intro"))
    if not _opened(f"practice_started_{chapter_id}", t(lang, "practice.start", n=len(quiz["practice"])),
                   ":material/edit_note:"):
        return
    for item in sorted(quiz["practice"], key=lambda p: FORMATS.index(p["format"])):
        shown_key = f"practice_shown_{chapter_id}_{item['id']}"
        with st.container(border=True):
            kind = t(lang, "practice.formats." + item["format"])
            st.markdown(f"**{kind}** · {item[lang]}")
            attempt = st.text_area(t(lang, "practice.attempt"), key=f"practice_{chapter_id}_{item['id']}",
                                   height=120 if item["format"] in ("term", "short") else 200)
            if not st.session_state.get(shown_key):
                left, right = st.columns(2)
                left.button(t(lang, "practice.submit"), key=f"{shown_key}_submit", disabled=not attempt.strip(),
                            width="stretch", on_click=_set, args=(shown_key, True))
                right.button(t(lang, "practice.decline"), key=f"{shown_key}_decline", width="stretch",
                             on_click=_set, args=(shown_key, True))
            else:
                st.markdown(f"**{t(lang, 'practice.outline')}**")
                st.markdown(item[f"outline_{lang}"])


def question_card(chapter_id: str, question: dict, number: int, settings: Settings) -> None:
    """One self-check question as a lecture card: the class answers, then the lecturer reveals why."""
    lang = settings.lang
    shown_key = f"lecture_answer_{chapter_id}_{question['id']}"
    with st.container(key="lecture_card"):
        st.header(t(lang, "lecture.question", n=number), anchor=False)
        st.markdown(f"**{question[lang]}**")
        st.markdown("\n".join(f"{chr(64 + i)}. {o[lang]}" for i, o in enumerate(question["options"], 1)))
    if not st.session_state.get(shown_key):
        st.button(t(lang, "lecture.reveal"), key=f"{shown_key}_button", on_click=_set, args=(shown_key, True))
        return
    letter = {o["id"]: chr(64 + i) for i, o in enumerate(question["options"], 1)}
    right = next(o for o in question["options"] if o["id"] == question["answer"])
    st.success(t(lang, "lecture.answer", letter=letter[right["id"]], answer=right[lang]) + " " + right[f"why_{lang}"])
    with st.expander(t(lang, "lecture.other_options")):
        st.markdown("\n".join(f"- **{letter[o['id']]}**: {o[f'why_{lang}']}"
                                for o in question["options"] if o["id"] != right["id"]))
