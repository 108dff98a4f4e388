"""What the projector shows of a live-class activity, and the answers as a CSV file.

The class's Kano answers go through the satisfaction chapter's Better–Worse chart, its service-quality
answers through the tolerance chapter's zone chart and the quality chapter's gap bars, each spec the
chapter compiled (same function, same labels, so the same cached spec). Everything a lecturer or a
student typed is shown escaped: in Markdown through `render.literal`, in charts as plain data.
"""
from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable

import streamlit as st

from models import classroom, kano
from models.classroom import Answer

from .. import content, quiz, render
from ..charts import classroom as class_charts
from ..charts import quality as quality_charts
from ..charts import satisfaction as satisfaction_charts
from ..charts import zones
from ..exhibits.common import Rows, chart, term_name
from ..exhibits.satisfaction import Q_SHARE_FLAG
from ..i18n import t
from ..settings import Settings
from ..shell import chapter_label
from .store import Activity

R = "classroom.results"
SHOWN_ORDER = ("A", "O", "M", "I", "R", "Q")      # the order the satisfaction chapter shows the categories in


def text(value: str, limit: int = classroom.MAX_TEXT) -> str:
    """Lecturer- or student-typed text, safe inside Markdown: shown exactly as typed."""
    return render.literal(value, limit)


def _table(rows: Rows, columns: dict[str, str], decimals: int = 2) -> str:
    """Rows as a Markdown table whose text cells are already escaped (render.literal escapes `|` too)."""
    def cell(value: object) -> str:
        if value is None:
            return "–"
        return f"{value:.{decimals}f}" if isinstance(value, float) else str(value)
    lines = ["| " + " | ".join(columns.values()) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(row[c]) for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def _frame(lang: str, kind: str, n: int, body) -> None:
    st.subheader(t(lang, f"{R}.{kind}.title"), anchor=False)
    st.caption(t(lang, f"{R}.{kind}.try"))
    body()
    st.caption(t(lang, f"{R}.{kind}.source", n=n))


def kind_name(kind: str, lang: str) -> str:
    return t(lang, f"classroom.kinds.{kind}")


def heading(activity: Activity, lang: str) -> str:
    """The activity in one line for its header: kind and service (escaped), or the quiz question's chapter."""
    if activity.kind == "peer":
        return t(lang, "classroom.texts.heading_peer", kind=kind_name("peer", lang),
                 chapter=chapter_label(activity.config["chapter"], lang), number=activity.config["question"] + 1)
    return t(lang, "classroom.texts.heading", kind=kind_name(activity.kind, lang), service=text(activity.config["service"]))


def peer_question(activity: Activity) -> dict:
    """The quiz question a peer-instruction activity asks."""
    return quiz.load(activity.config["chapter"])["choice"][activity.config["question"]]


def option_letters(activity: Activity) -> dict[str, str]:
    """Option id → the letter students see (A, B, …), in the question's order."""
    return {option: chr(65 + i) for i, option in enumerate(activity.config["options"])}


def round_name(round_: int, lang: str) -> str:
    return t(lang, f"{R}.peer.round", n=round_ + 1)


# ── Results on the projector ───────────────────────────────────────────────────────────────────

def results(activity: Activity, answers: list[Answer], settings: Settings) -> None:
    {"kano": kano_results, "quality": quality_results, "peer": peer_results}[activity.kind](
        activity, answers, settings)


def _categories(lang: str) -> dict[str, str]:
    return {c: t(lang, f"satisfaction.categories.{c}") for c in SHOWN_ORDER}


def _bw_spec(lang: str, scale: float) -> dict:
    """The satisfaction chapter's Better–Worse chart, with the chapter's own labels."""
    key = "exhibits.kano_better_worse"
    labels = tuple((name, t(lang, f"{key}.{name}")) for name in
                   ("x", "y", "quadrant_A", "quadrant_O", "quadrant_M", "quadrant_I", "feature", "category"))
    return satisfaction_charts.better_worse_spec(labels, tuple(_categories(lang).items()), scale)


def kano_rows(summary: list[dict], lang: str) -> Rows:
    """One row per feature: its number and name, counts, n, category, strength, Better and Worse, and
    what the chart needs. The chart labels each point with the feature's number only: a class's
    features often cluster, and a projector needs labels that do not run into each other."""
    names = _categories(lang)
    rows = []
    for row in summary:
        number = row["index"] + 1
        out = {"number": str(number), "feature": f"{number}. {text(row['feature'])}", **row["counts"],
               "n": row["n"], "category": names[row["category"]] if row["category"] else "–",
               "strength": row["strength"], "better": row["better"], "worse": row["worse"],
               "worse_abs": None if row["worse"] is None else -row["worse"]}
        out["place"] = "left" if (out["worse_abs"] or 0) > 0.6 else "right"
        rows.append(out)
    return rows


def kano_columns(lang: str, full: bool = False) -> dict[str, str]:
    """The table on the projector (feature, n, category, Better, Worse), or with every count (`full`)."""
    key = "exhibits.kano_better_worse"
    counts = {c: c for c in SHOWN_ORDER} if full else {}
    strength = {"strength": t(lang, f"{R}.kano.strength")} if full else {}
    return {"feature": t(lang, f"{key}.feature"), **counts, "n": t(lang, f"{R}.n"),
            "category": t(lang, f"{key}.category"), **strength, "better": "Better", "worse": "Worse"}


def kano_results(activity: Activity, answers: list[Answer], settings: Settings) -> None:
    lang = settings.lang
    summary = classroom.kano_summary(activity.config, answers)
    rows = kano_rows(summary, lang)

    def body() -> None:
        st.markdown(_table(rows, kano_columns(lang)))
        partial = sum(r["partial"] for r in summary)
        if partial:
            st.caption(t(lang, f"{R}.kano.partial", n=partial))
        plotted = [r for r in rows if r["better"] is not None]
        if plotted:
            data = {"feature": [r["number"] for r in plotted], "highlight": [False] * len(plotted),
                    **{f: [r[f] for r in plotted] for f in ("better", "worse", "worse_abs", "category", "place")}}
            chart(_bw_spec(lang, settings.scale), data, t(lang, f"{R}.kano.alt"), live=True)
        if len(plotted) < len(rows):
            st.caption(t(lang, f"{R}.kano.not_plotted"))
        for row in summary:
            if row["n"] and kano.shares(row["counts"])["Q"] > Q_SHARE_FLAG:
                st.warning(t(lang, f"{R}.kano.q_note", feature=text(row["feature"]),
                             share=kano.shares(row["counts"])["Q"]))
        with st.expander(t(lang, "exhibits.show_table")):
            st.markdown(_table(rows, kano_columns(lang, full=True)))
    _frame(lang, "kano", max((r["n"] for r in summary), default=0), body)


def _zone_labels(lang: str) -> dict[str, str]:
    return {zone: t(lang, f"exhibits.zones.{zone}") for zone in ("below", "within", "above")}


def _zone_spec(lang: str, scale: float) -> dict:
    """The tolerance chapter's zone chart, labelled as the chapter labels it."""
    labels = {"row": t(lang, "exhibits.tolerance_zone.dimension"), "adequate": term_name("adequate-service", lang),
              "desired": term_name("desired-service", lang), "perceived": term_name("perceived-service", lang),
              "verdict": t(lang, "exhibits.verdict"), "axis": t(lang, "exhibits.scale_axis")}
    return zones.zone_spec(tuple(labels.items()), tuple(_zone_labels(lang).items()), scale)


def _gap_spec(lang: str, scale: float) -> dict:
    """The quality chapter's gap bars; the gap here is perceived − desired, each bar's weight the
    number of students behind it."""
    labels = (("axis", t(lang, f"{R}.quality.gap_axis")), ("row", t(lang, "exhibits.tolerance_zone.dimension")),
              ("expected", term_name("desired-service", lang)), ("perceived", term_name("perceived-service", lang)),
              ("gap", t(lang, f"{R}.quality.gap")), ("weight", t(lang, f"{R}.n")),
              ("verdict", t(lang, "exhibits.verdict")))
    verdicts = (("shortfall", t(lang, f"{R}.quality.shortfall")), ("met", t(lang, f"{R}.quality.met")))
    return quality_charts.gap_bars_spec(labels, verdicts, scale)


def quality_rows(summary: list[dict], lang: str) -> Rows:
    zone_names = _zone_labels(lang)
    return [{**row, "row": term_name(row["dimension"], lang),
             "verdict": zone_names[row["zone"]] if row["zone"] else "–"} for row in summary]


def quality_columns(lang: str) -> dict[str, str]:
    return {"row": t(lang, "exhibits.tolerance_zone.dimension"), "n": t(lang, f"{R}.n"),
            "desired": term_name("desired-service", lang), "adequate": term_name("adequate-service", lang),
            "perceived": term_name("perceived-service", lang), "msa": "MSA", "mss": "MSS",
            "verdict": t(lang, "exhibits.verdict")}


def quality_results(activity: Activity, answers: list[Answer], settings: Settings) -> None:
    lang = settings.lang
    summary = classroom.quality_summary(activity.config, answers)
    rows = quality_rows(summary, lang)
    shown = [r for r in rows if r["n"]]

    def body() -> None:
        if not shown:
            st.info(t(lang, f"{R}.none_yet"))
        else:
            zone_data = {f: [r[f] for r in shown] for f in ("row", "adequate", "desired", "perceived", "verdict")}
            zone_data["highlight"] = [False] * len(shown)
            chart(_zone_spec(lang, settings.scale), zone_data, t(lang, f"{R}.quality.zone_alt"), live=True)
            worst = min(shown, key=lambda r: r["gap"])
            # The chapter's axis spans at least ±3; on a 1–9 scale a class's gap can reach ±8, and its
            # printed value needs a point of room beyond the bar's end.
            lo = min(-quality_charts.GAP_AXIS_MIN, math.floor(worst["gap"]) - 1)
            hi = max(quality_charts.GAP_AXIS_MIN, math.ceil(max(r["gap"] for r in shown)) + 1)
            verdict = {True: t(lang, f"{R}.quality.shortfall"), False: t(lang, f"{R}.quality.met")}
            gap_data = {"row": [r["row"] for r in shown], "gap": [r["gap"] for r in shown],
                        "expected": [r["desired"] for r in shown], "perceived": [r["perceived"] for r in shown],
                        "weight": [r["n"] for r in shown], "verdict": [verdict[r["gap"] < 0] for r in shown],
                        "label": [f"{r['gap']:+.1f}" for r in shown],
                        "highlight": [r is worst and r["gap"] < 0 for r in shown],
                        "lo": [lo] * len(shown), "hi": [hi] * len(shown)}
            chart(_gap_spec(lang, settings.scale), gap_data, t(lang, f"{R}.quality.gap_alt"), live=True)
        with st.expander(t(lang, "exhibits.show_table")):
            st.markdown(_table(rows, quality_columns(lang), decimals=1))
        contradictory = sum(r["contradictory"] for r in summary)
        partial = sum(r["partial"] for r in summary)
        if contradictory:
            st.caption(t(lang, f"{R}.quality.contradictory", n=contradictory))
        if partial:
            st.caption(t(lang, f"{R}.quality.partial", n=partial))
    _frame(lang, "quality", max((r["n"] for r in summary), default=0), body)


def peer_rows(activity: Activity, summary: list[dict], lang: str) -> Rows:
    letters = option_letters(activity)
    return [{"option": letters[row["option"]], "round": round_name(row["round"], lang), "share": row["share"],
             "count": row["count"], "voters": row["voters"],
             "text": t(lang, f"{R}.peer.bar", round=round_name(row["round"], lang), count=row["count"],
                       share=row["share"])} for row in summary]


def _rounds_spec(lang: str, scale: float) -> dict:
    labels = tuple((name, t(lang, f"{R}.peer.{key}")) for name, key in
                   (("option", "option"), ("share", "share"), ("round", "round_column"), ("count", "count"),
                    ("voters", "voters")))
    rounds = tuple(round_name(r, lang) for r in range(classroom.PEER_ROUNDS))
    return class_charts.rounds_spec(labels, rounds, scale)


def peer_results(activity: Activity, answers: list[Answer], settings: Settings) -> None:
    lang = settings.lang
    summary = classroom.peer_summary(activity.config, answers)
    rows = peer_rows(activity, summary, lang)
    question = peer_question(activity)

    def body() -> None:
        st.markdown(f"**{question[lang]}**")
        options = {o["id"]: o for o in question["options"]}
        letters = option_letters(activity)
        st.markdown("\n".join(f"- **{letters[o]}** {options[o][lang]}" for o in activity.config["options"]))
        chart(_rounds_spec(lang, settings.scale), {f: [r[f] for r in rows] for f in
                                                   ("option", "round", "share", "count", "voters", "text")},
               t(lang, f"{R}.peer.alt"), live=True)
        with st.expander(t(lang, f"{R}.peer.answer_heading")):
            right = options[question["answer"]]
            st.markdown(t(lang, f"{R}.peer.answer", letter=letters[right["id"]], answer=right[lang])
                        + " " + right[f"why_{lang}"])
            for round_ in range(classroom.PEER_ROUNDS):
                row = next(r for r in summary if r["round"] == round_ and r["correct"])
                if row["voters"]:
                    st.markdown(t(lang, f"{R}.peer.right_share", round=round_name(round_, lang),
                                  share=row["share"], count=row["count"], voters=row["voters"]))
        with st.expander(t(lang, "exhibits.show_table")):
            st.markdown(_table(rows, {"option": t(lang, f"{R}.peer.option"), "round": t(lang, f"{R}.peer.round_column"),
                                      "count": t(lang, f"{R}.peer.count"), "voters": t(lang, f"{R}.peer.voters"),
                                      "share": t(lang, f"{R}.peer.share")}))
    voters = max((r["voters"] for r in summary), default=0)
    _frame(lang, "peer", voters, body)


# ── The answers as CSV ─────────────────────────────────────────────────────────────────────────

def question_label(activity: Activity, question: str, lang: str) -> str:
    """A question id in words: "3. Feature · functional", "Reliability · desired service", "vote"."""
    place = classroom.where(activity.kind, activity.config, question)
    if activity.kind == "kano":
        return t(lang, "classroom.csv.kano_question", number=place["number"], feature=place["feature"],
                 part=t(lang, f"classroom.parts.{place['part']}"))
    if activity.kind == "quality":
        return t(lang, "classroom.csv.quality_question", dimension=term_name(place["dimension"], lang),
                 part=term_name(f"{place['part']}-service", lang))
    return t(lang, "classroom.csv.peer_question")


def answer_label(activity: Activity, answer: str, lang: str) -> str:
    if activity.kind == "kano":
        return t(lang, f"satisfaction.answers.{kano.ANSWERS[int(answer) - 1]}")
    if activity.kind == "peer":
        return option_letters(activity).get(answer, answer)
    return answer


def respondent_numbers(answers: Iterable[Answer]) -> dict[str, str]:
    """Each participant's anonymous label, S001, S002, … in the order they first answered."""
    first: dict[str, tuple] = {}
    for a in answers:
        stamp = (a.updated.isoformat() if a.updated else "", a.participant)
        first[a.participant] = min(first.get(a.participant, stamp), stamp)
    ordered = sorted(first, key=first.get)
    width = max(3, len(str(len(ordered))))
    return {p: f"S{i:0{width}d}" for i, p in enumerate(ordered, 1)}


def answers_csv(activity: Activity, answers: list[Answer], lang: str) -> bytes:
    """One row per answer: respondent, round, question id and wording, answer code and its wording, when.
    UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly. Typed text (a feature's
    name) only ever follows the question's number, so no cell starts with what a spreadsheet runs as
    a formula."""
    labels = respondent_numbers(answers)
    order = {q: i for i, q in enumerate(activity.questions)}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([t(lang, f"classroom.csv.{c}") for c in
                     ("code", "respondent", "round", "question_id", "question", "answer", "answer_text", "updated")])
    for a in sorted(answers, key=lambda a: (labels[a.participant], a.round, order.get(a.question, len(order)))):
        writer.writerow([activity.code, labels[a.participant], a.round + 1, a.question,
                         question_label(activity, a.question, lang), a.answer, answer_label(activity, a.answer, lang),
                         a.updated.isoformat(timespec="seconds") if a.updated else ""])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def peer_chapters() -> tuple[str, ...]:
    """The chapters whose quiz has multiple-choice questions, in reading order."""
    return tuple(c for c in content.published_chapters() if (quiz.load(c) or {}).get("choice"))
