"""The live-class page (课堂): a lecturer starts an activity and projects its join code and the class's
results; students join on their phones, anonymously, and answer.

Who sees what comes from the address:
- `?code=ABC234&key=…` (the link the lecturer gets on starting, or a session that started the
  activity) is the lecturer's view: join code, link and QR code, the controls, and the projector,
  a fragment that reruns every couple of seconds;
- `?join=ABC234` (the join link), or a code whose key is missing or wrong, is the student's view;
  the student's anonymous id rides along as `?p=…` so that a reload keeps it;
- no code is the start page: a join box for students and, for lecturers, the form that starts an activity.
Neither the lecturer key nor the student id ever goes into the site's "share this view" link.
"""
from __future__ import annotations

import logging
from functools import partial

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from models import kano
from models.classroom import (DIMENSIONS, KINDS, LEVELS, MAX_TEXT, PEER_ROUNDS, QUALITY_MAX, QUALITY_MIN,
                              ClassroomError)

from .. import quiz, share
from ..exhibits.common import term_name
from ..i18n import t
from ..settings import Settings
from ..shell import chapter_label
from . import views
from .config import store
from .store import Activity, Store, StoreError, check_participant, new_participant, normalise_code

log = logging.getLogger(__name__)

PAGE = "class"
KEYS = "class_keys"                  # join code → lecturer key, for the activities this session controls
PARTICIPANT = "class_participant"    # this browser session's anonymous student id
NOTICE = "class_notice"              # (place, kind, text): what a button's callback has to say on the next run
CLASS_PARAMS = ("code", "key", "join")
REFRESH_SECONDS = 2                  # the projector's update interval
WATCH_SECONDS = 4                    # how often a student's page checks for a lock, an end or a new round
QUALITY_START = 5                    # each slider opens in the middle of the 1–9 scale
KANO_CODES = tuple(str(code) for code in range(1, len(kano.ANSWERS) + 1))
L, S = "classroom.lecturer", "classroom.student"


def error_text(err: ClassroomError, lang: str) -> str:
    """The refusal in the reader's language; typed text in it is escaped."""
    params = {}
    for name, value in err.params.items():
        if name == "part":
            value = t(lang, f"classroom.parts.{value}")
        elif name == "dimension":
            value = term_name(value, lang)
        elif isinstance(value, str):
            value = views.text(value)
        params[name] = value
    return t(lang, f"classroom.errors.{err.key}", **params)


def _notice(place: str) -> None:
    notice = st.session_state.get(NOTICE)
    if notice and notice[0] == place:
        del st.session_state[NOTICE]
        {"error": st.error, "success": st.success}[notice[1]](notice[2])


def _goto(**params: str) -> None:
    """Point the address at another view of this page (the reader's settings and student id stay)."""
    for name in CLASS_PARAMS:
        if name in st.query_params and name not in params:
            del st.query_params[name]
    for name, value in params.items():
        if st.query_params.get(name) != value:
            st.query_params[name] = value


def class_page(settings: Settings) -> None:
    try:
        _route(settings)
    except SQLAlchemyError:
        log.exception("the live class's database failed")
        st.error(t(settings.lang, "classroom.texts.database"))


def _route(settings: Settings) -> None:
    code, join = st.query_params.get("code"), st.query_params.get("join")
    if code is None and join is None:
        _start_page(settings)
    elif code is None or not _lecturer(code, settings):
        student_view(join if code is None else code, settings)


# ── The start page ─────────────────────────────────────────────────────────────────────────────

def _start_page(settings: Settings) -> None:
    lang = settings.lang
    join_tab, start_tab = st.tabs([t(lang, "classroom.join.tab"), t(lang, "classroom.start.tab")])
    with join_tab:
        join_form(lang)
    with start_tab:
        start_form(settings)


def join_form(lang: str) -> None:
    st.caption(t(lang, "classroom.join.intro"))
    with st.form("class_join", border=False):
        typed = st.text_input(t(lang, "classroom.join.code"), max_chars=20, key="class_join_code",
                              placeholder=t(lang, "classroom.join.placeholder"))
        submitted = st.form_submit_button(t(lang, "classroom.join.button"), type="primary")
    if not submitted:
        return
    try:
        activity = store().find(typed)
    except ClassroomError as err:
        st.error(error_text(err, lang))
        return
    _goto(join=activity.code)
    st.rerun()


def _peer_questions(chapter: str) -> list[dict]:
    return quiz.load(chapter)["choice"]


def start_form(settings: Settings) -> None:
    lang = settings.lang
    st.caption(t(lang, "classroom.start.intro"))
    kind = st.segmented_control(t(lang, "classroom.start.kind"), KINDS, key="class_kind", default="kano",
                                required=True, format_func=lambda k: views.kind_name(k, lang))
    st.caption(t(lang, f"classroom.start.about.{kind}"))
    if kind == "kano":
        st.text_input(t(lang, "classroom.start.service"), t(lang, "classroom.start.kano_service"),
                      max_chars=MAX_TEXT, key="class_kano_service")
        st.text_area(t(lang, "classroom.start.features"), t(lang, "classroom.start.kano_features"),
                     max_chars=2000, height=230, key="class_kano_features", help=t(lang, "classroom.start.features_help"))
    elif kind == "quality":
        st.text_input(t(lang, "classroom.start.service"), t(lang, "classroom.start.quality_service"),
                      max_chars=MAX_TEXT, key="class_quality_service")
    else:
        chapter = st.selectbox(t(lang, "classroom.start.chapter"), views.peer_chapters(), key="class_peer_chapter",
                               format_func=lambda c: chapter_label(c, lang))
        questions = _peer_questions(chapter)
        st.selectbox(t(lang, "classroom.start.question"), range(len(questions)), key=f"class_peer_q_{chapter}",
                     format_func=lambda i: f"{i + 1}. {views.text(questions[i][lang], 60)}")
    _notice("start")
    st.button(t(lang, "classroom.start.button"), type="primary", key="class_start", icon=":material/play_arrow:",
              on_click=_start, args=(kind, lang))


def _typed_config(kind: str) -> dict:
    state = st.session_state
    if kind == "kano":
        return {"service": state.get("class_kano_service", ""), "features": state.get("class_kano_features", "")}
    if kind == "quality":
        return {"service": state.get("class_quality_service", "")}
    chapter = state.get("class_peer_chapter")
    return {"chapter": chapter, "question": state.get(f"class_peer_q_{chapter}", 0)}


def _start(kind: str, lang: str) -> None:
    try:
        activity, key = store().start(kind, _typed_config(kind), lang)
    except ClassroomError as err:
        st.session_state[NOTICE] = ("start", "error", error_text(err, lang))
        return
    except SQLAlchemyError:
        log.exception("the live class's database failed")
        st.session_state[NOTICE] = ("start", "error", t(lang, "classroom.texts.database"))
        return
    st.session_state.setdefault(KEYS, {})[activity.code] = key
    _goto(code=activity.code, key=key)


# ── The lecturer ───────────────────────────────────────────────────────────────────────────────

def _lecturer(code: str, settings: Settings) -> bool:
    """Draw the lecturer's view if the link or this session holds the activity's key; False if not."""
    try:
        code = normalise_code(code)
    except StoreError:               # the student view says what is wrong with the code
        if "key" in st.query_params:
            del st.query_params["key"]
        return False
    keys = st.session_state.setdefault(KEYS, {})
    given = st.query_params.get("key")
    key = given if given is not None else keys.get(code)
    if key is None:
        return False
    if not store().is_lecturer(code, key):
        st.error(t(settings.lang, f"{L}.wrong_key", code=code))
        del st.query_params["key"]
        return False
    try:
        activity = store().find(code, include_ended=True)
    except ClassroomError:             # removed as too old between the two look-ups
        return False
    keys[code] = key
    _goto(code=code, key=key)
    lecturer_view(activity, key, settings)
    return True


def join_url(code: str) -> str:
    return share.view_url(st.context.url, st.get_option("server.baseUrlPath") or "", PAGE, {"join": code})


def lecturer_view(activity: Activity, key: str, settings: Settings) -> None:
    lang = settings.lang
    _notice("lecturer")
    st.subheader(views.heading(activity, lang), anchor=False)
    if activity.status == "ended":
        st.info(t(lang, f"{L}.ended", code=activity.code))
        with st.container(horizontal=True):
            _download(activity, lang)
            _new_activity_button(lang)
        return
    _join_panel(activity, settings)
    _controls(activity, key, lang)
    st.caption(t(lang, f"{L}.key_note"))
    projector(activity.code, settings)


def _join_panel(activity: Activity, settings: Settings) -> None:
    lang = settings.lang
    url = join_url(activity.code)
    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        st.caption(t(lang, f"{L}.code"))
        st.html(f'<p class="class-code" style="font-size:4.2rem;font-weight:700;letter-spacing:0.12em;'
                f'font-family:monospace;line-height:1.1;margin:0">{activity.code}</p>')
        st.markdown(t(lang, f"{L}.how"))
        st.code(url, language=None, wrap_lines=True)
    with right:
        png = share.qr_png(url)
        if png is None:
            st.info(t(lang, "share.too_long"))
        else:
            st.image(png, caption=t(lang, f"{L}.qr"), width=round(240 * settings.scale))   # larger on a projector


def _status_line(activity: Activity, lang: str) -> str:
    parts = [t(lang, f"{L}.status.{activity.status}"),
             t(lang, f"{L}.status.{'revealed' if activity.revealed else 'hidden'}")]
    if activity.kind == "peer":
        parts.append(views.round_name(activity.round, lang))
    return " · ".join(parts)


def _control(store_: Store, code: str, key: str, action: str, lang: str) -> None:
    try:
        store_.control(code, key, action)
    except ClassroomError as err:
        st.session_state[NOTICE] = ("lecturer", "error", error_text(err, lang))
        return
    except SQLAlchemyError:
        log.exception("the live class's database failed")
        st.session_state[NOTICE] = ("lecturer", "error", t(lang, "classroom.texts.database"))
        return
    st.session_state[NOTICE] = ("lecturer", "success", t(lang, f"{L}.done.{action}"))


def _controls(activity: Activity, key: str, lang: str) -> None:
    st.markdown(f"**{t(lang, f'{L}.status_label')}** {_status_line(activity, lang)}")

    def button(action: str, icon: str, kind: str = "secondary") -> None:
        st.button(t(lang, f"{L}.actions.{action}"), key=f"class_ctl_{action}", icon=icon, type=kind,
                  on_click=_control, args=(store(), activity.code, key, action, lang))

    with st.container(horizontal=True, key="class_controls"):
        if activity.status == "open":
            button("lock", ":material/lock:")
        else:
            button("open", ":material/lock_open:", "primary")
        if activity.revealed:
            button("hide", ":material/visibility_off:")
        else:
            button("reveal", ":material/visibility:", "primary")
        if activity.kind == "peer" and activity.round + 1 < PEER_ROUNDS:
            button("next_round", ":material/replay:")
        for action, icon in (("reset", ":material/restart_alt:"), ("end", ":material/stop_circle:")):
            with st.popover(t(lang, f"{L}.actions.{action}"), icon=icon):
                st.warning(t(lang, f"{L}.confirm.{action}"))
                st.button(t(lang, f"{L}.confirm.{action}_button"), key=f"class_ctl_{action}", type="primary",
                          on_click=_control, args=(store(), activity.code, key, action, lang))
        _download(activity, lang)
        _new_activity_button(lang)


def _csv(store_: Store, code: str, lang: str) -> bytes:
    """The answers as they are when the lecturer clicks (Streamlit calls this at that moment)."""
    return views.answers_csv(store_.find(code, include_ended=True), store_.answers(code), lang)


def _download(activity: Activity, lang: str) -> None:
    st.download_button(t(lang, f"{L}.download"), data=partial(_csv, store(), activity.code, lang),
                       file_name=f"class-{activity.code}-{lang}.csv", mime="text/csv", on_click="ignore",
                       icon=":material/download:", key="class_download")


def _new_activity_button(lang: str) -> None:
    st.button(t(lang, f"{L}.new"), key="class_new", icon=":material/add:", on_click=_goto)


@st.fragment(run_every=REFRESH_SECONDS)
def projector(code: str, settings: Settings) -> None:
    """The live part of the lecturer's screen: how many have answered and, once revealed, the results."""
    lang = settings.lang
    try:
        activity = store().find(code, include_ended=True)
        count = store().respondents(code, activity.round)
    except SQLAlchemyError:
        log.exception("the live class's database failed")
        st.error(t(lang, "classroom.texts.database"))
        return
    st.metric(t(lang, f"classroom.projector.answered_{'peer' if activity.kind == 'peer' else 'all'}",
                round=views.round_name(activity.round, lang)), count)
    st.caption(t(lang, "classroom.projector.refresh", seconds=REFRESH_SECONDS))
    if not activity.revealed:
        st.info(t(lang, "classroom.projector.hidden"))
        return
    views.results(activity, store().answers(code), settings)


# ── The student ────────────────────────────────────────────────────────────────────────────────

def _participant(lang: str) -> str:
    """This browser's anonymous id: from the address (a reload keeps it), else from the session, else new."""
    from_url = st.query_params.get("p")
    if from_url is not None:
        try:
            st.session_state[PARTICIPANT] = check_participant(from_url)
            return from_url
        except StoreError:
            st.warning(t(lang, f"{S}.bad_participant"))
    participant = st.session_state.get(PARTICIPANT) or new_participant()
    st.session_state[PARTICIPANT] = participant
    st.query_params["p"] = participant
    return participant


def student_view(code: str, settings: Settings) -> None:
    lang = settings.lang
    try:
        activity = store().find(code)
    except ClassroomError as err:
        st.error(error_text(err, lang))
        join_form(lang)
        return
    if st.query_params.get("join") not in (None, activity.code):
        st.query_params["join"] = activity.code
    participant = _participant(lang)
    st.subheader(views.heading(activity, lang), anchor=False)
    st.caption(t(lang, f"{S}.anonymous", code=activity.code))
    _watch(activity.code, activity.status, activity.round)
    mine = {a.question: a.answer for a in store().answers(activity.code, activity.round)
            if a.participant == participant}
    if activity.status == "locked":
        st.warning(t(lang, f"{S}.locked"))
    prefix = f"class_{activity.code}_{activity.round}_"
    for question, answer in mine.items():
        if prefix + question not in st.session_state:
            st.session_state[prefix + question] = int(answer) if activity.kind == "quality" else answer
    with st.form(f"class_answers_{activity.code}_{activity.round}", border=False):
        {"kano": _ask_kano, "quality": _ask_quality, "peer": _ask_peer}[activity.kind](activity, prefix, lang)
        # Never disabled: a student who submits while answering is locked is told so by the store.
        submitted = st.form_submit_button(t(lang, f"{S}.submit"), type="primary", width="stretch", key="class_submit")
    if submitted:
        given = {q: str(st.session_state[prefix + q]) for q in activity.questions
                 if st.session_state.get(prefix + q) is not None}
        mine = _submit(activity, participant, given, mine, lang)
    _progress(activity, mine, lang)


@st.fragment(run_every=WATCH_SECONDS)
def _watch(code: str, status: str, round_: int) -> None:
    """Rerun the student's page when the lecturer locks, reopens or ends answering or starts round 2."""
    try:
        now = store().find(code, include_ended=True)
    except (ClassroomError, SQLAlchemyError):
        return
    if (now.status, now.round) != (status, round_):
        st.rerun()


def _ask_kano(activity: Activity, prefix: str, lang: str) -> None:
    labels = {code: t(lang, f"satisfaction.answers.{answer}") for code, answer in zip(KANO_CODES, kano.ANSWERS)}
    st.markdown(t(lang, f"{S}.kano_intro", service=views.text(activity.config["service"])))
    for i, feature in enumerate(activity.config["features"]):
        name = views.text(feature)
        with st.container(border=True):
            st.markdown(f"**{i + 1}. {name}**")
            for part in ("functional", "dysfunctional"):
                st.radio(t(lang, f"{S}.{part}", feature=name), KANO_CODES, index=None, horizontal=True,
                         key=f"{prefix}f{i}.{part}", format_func=labels.get)


def _ask_quality(activity: Activity, prefix: str, lang: str) -> None:
    st.markdown(t(lang, f"{S}.quality_intro", service=views.text(activity.config["service"]),
                  low=QUALITY_MIN, high=QUALITY_MAX))
    separator = "：" if lang == "zh" else ": "
    for dimension in DIMENSIONS:
        with st.container(border=True):
            st.markdown(f"**{term_name(dimension, lang)}**{separator}{t(lang, f'{S}.dimensions.{dimension}')}")
            for level in LEVELS:
                key = f"{prefix}{dimension}.{level}"
                st.session_state.setdefault(key, QUALITY_START)
                st.slider(term_name(f"{level}-service", lang), QUALITY_MIN, QUALITY_MAX, step=1, key=key,
                          help=t(lang, f"{S}.levels.{level}"))


def _ask_peer(activity: Activity, prefix: str, lang: str) -> None:
    question = views.peer_question(activity)
    options = {o["id"]: o for o in question["options"]}
    letters = views.option_letters(activity)
    st.markdown(t(lang, f"{S}.peer_round_{activity.round}"))
    st.markdown(f"**{question[lang]}**")
    st.radio(t(lang, f"{S}.vote"), activity.config["options"], index=None, key=f"{prefix}vote",
             format_func=lambda o: f"{letters[o]}. {options[o][lang]}")


def _submit(activity: Activity, participant: str, given: dict[str, str], mine: dict[str, str],
            lang: str) -> dict[str, str]:
    """Store what changed; say what was saved, what replaced an earlier answer, and what was refused.
    Returns the student's answers as they now stand."""
    if not given:
        st.warning(t(lang, f"{S}.nothing"))
        return mine
    if activity.kind == "quality":
        wrong = [d for d in DIMENSIONS if int(given[f"{d}.adequate"]) > int(given[f"{d}.desired"])]
        if wrong:
            st.error(t(lang, f"{S}.adequate_above_desired",
                       dimensions=("、" if lang == "zh" else ", ").join(term_name(d, lang) for d in wrong)))
            return mine
    saved, replaced, refused = dict(mine), 0, []
    for question, answer in given.items():
        if mine.get(question) == answer:
            continue
        try:
            saved[question] = store().submit(activity.code, participant, question, answer)
        except StoreError as err:       # locked or ended meanwhile: nothing more can be saved
            st.error(error_text(err, lang))
            return saved
        except ClassroomError as err:
            refused.append(error_text(err, lang))
            continue
        replaced += question in mine
    for message in refused:
        st.error(message)
    changed = sum(saved.get(q) != mine.get(q) for q in saved)
    if not changed and not refused:
        st.info(t(lang, f"{S}.unchanged"))
    elif replaced:
        st.success(t(lang, f"{S}.replaced", n=changed, replaced=replaced))
    elif changed:
        st.success(t(lang, f"{S}.saved", n=changed))
    return saved


def _progress(activity: Activity, mine: dict[str, str], lang: str) -> None:
    if not mine:
        return
    st.caption(t(lang, f"{S}.progress", done=len(mine), total=len(activity.questions)))
    if activity.kind == "kano":
        half = [i + 1 for i in range(len(activity.config["features"]))
                if (f"f{i}.functional" in mine) != (f"f{i}.dysfunctional" in mine)]
        if half:
            st.info(t(lang, f"{S}.kano_half", numbers=", ".join(map(str, half))))
