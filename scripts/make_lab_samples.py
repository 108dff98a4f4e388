"""Write the data labs' sample files in content/data/: synthetic data, generated with fixed seeds.

Every generator below draws from its own seeded random generator, so each run writes the same files.
Nothing in them is real survey or customer data; the lab pages say so when a sample is shown.

    python scripts/make_lab_samples.py

Kano lab (lab_kano_sample.csv in Chinese, lab_kano_sample_en.csv in English, the same answers): 120
imaginary students answer a Kano questionnaire about six features of a campus canteen app, in wide
form (one functional and one dysfunctional column per feature) with the questionnaire's answer
wordings. Each feature has a category mix chosen to be plausible (a must-be, a one-dimensional, an
attractive, a reverse and an indifferent feature, and one split between attractive and
one-dimensional); the mix, in whole numbers of students, is dealt to the students in random order,
and each student's category becomes an answer pair that the evaluation table maps to it. One
feature's question is "badly worded" (12 % questionable answers), and two cells are left as a survey
export might leave them (one blank, one free-text answer), so the page's warnings can be seen.
"""
from __future__ import annotations

import csv
import datetime
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "content" / "data"

# ── Kano lab ──────────────────────────────────────────────────────────────────────────────────────

KANO_SEED = 20241105
KANO_STUDENTS = 120
# (Chinese name, English name, shares of A, O, M, I, R, Q)
KANO_FEATURES = (
    ("扫码点餐", "Order by QR code", (0.22, 0.46, 0.14, 0.12, 0.02, 0.04)),
    ("饭卡余额实时显示", "Live meal-card balance", (0.06, 0.20, 0.58, 0.12, 0.01, 0.03)),
    ("菜品营养成分标注", "Nutrition facts per dish", (0.48, 0.14, 0.06, 0.28, 0.01, 0.03)),
    ("窗口排队人数", "Queue length per counter", (0.40, 0.35, 0.07, 0.14, 0.01, 0.03)),
    ("菜品评分与评论", "Dish ratings and reviews", (0.14, 0.08, 0.04, 0.58, 0.04, 0.12)),
    ("开屏广告", "Full-screen ad at start", (0.02, 0.01, 0.01, 0.24, 0.70, 0.02)),
)
KANO_ANSWERS = {"zh": ("我很喜欢", "理应如此", "无所谓", "能忍受", "我不喜欢"),
                "en": ("I like it", "I expect it", "I am neutral", "I can live with it", "I dislike it")}
KANO_HEADERS = {"zh": ("受访者", "提交时间", "正向", "反向"), "en": ("respondent", "submitted", "functional",
                                                               "dysfunctional")}
KANO_FREE_TEXT = {"zh": "还行吧", "en": "it's OK"}
# The evaluation table (Berger et al. 1993), as the answer pairs (functional, dysfunctional; codes 1–5)
# that give each category.
EVALUATION = ("QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ")
KANO_PAIRS = {c: [(f + 1, d + 1) for f, row in enumerate(EVALUATION) for d, cell in enumerate(row) if cell == c]
              for c in "AOMIRQ"}


def _counts(mix: tuple[float, ...], total: int) -> list[int]:
    """The mix as whole numbers of students adding up to `total` (largest remainders round up)."""
    exact = np.array(mix) / sum(mix) * total
    counts = np.floor(exact).astype(int)
    for i in np.argsort(-(exact - counts), kind="stable")[: total - counts.sum()]:
        counts[i] += 1
    return counts.tolist()


def kano_answers() -> list[list[tuple[int, int]]]:
    """Each student's answer pair (codes 1–5) for each feature: the feature's category mix, exactly in
    whole numbers, dealt to the students in random order, each category as a random pair giving it."""
    rng = np.random.default_rng(KANO_SEED)
    columns = []
    for _zh, _en, mix in KANO_FEATURES:
        categories = [c for c, n in zip("AOMIRQ", _counts(mix, KANO_STUDENTS)) for _ in range(n)]
        dealt = rng.permutation(categories)
        columns.append([KANO_PAIRS[c][rng.integers(len(KANO_PAIRS[c]))] for c in dealt])
    return [list(pairs) for pairs in zip(*columns)]


def write_kano(lang: str, path: Path) -> None:
    respondent, submitted, functional, dysfunctional = KANO_HEADERS[lang]
    names = [zh if lang == "zh" else en for zh, en, _mix in KANO_FEATURES]
    header = [respondent, submitted]
    for name in names:
        header += [f"{name}_{functional}", f"{name}_{dysfunctional}"]
    words = KANO_ANSWERS[lang]
    start = datetime.datetime(2024, 11, 5, 12, 0)
    rows = []
    for number, pairs in enumerate(kano_answers(), start=1):
        when = start + datetime.timedelta(minutes=7 * number)
        row = [f"S{number:03d}", when.strftime("%Y-%m-%d %H:%M")]
        for f, d in pairs:
            row += [words[f - 1], words[d - 1]]
        rows.append(row)
    rows[36][2 + 2 * 3 + 1] = ""                    # S037 skipped one question
    rows[87][2] = KANO_FREE_TEXT[lang]              # S088 typed an answer of their own
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def make_kano() -> list[Path]:
    paths = [OUT / "lab_kano_sample.csv", OUT / "lab_kano_sample_en.csv"]
    for lang, path in zip(("zh", "en"), paths):
        write_kano(lang, path)
    return paths


GENERATORS = [make_kano]


def main() -> None:
    for generate in GENERATORS:
        for path in generate():
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
