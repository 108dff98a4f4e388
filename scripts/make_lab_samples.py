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

SERVQUAL lab (lab_servqual_sample.csv): 120 imaginary customers of a bank branch answer the 22
expectation and 22 perception items (E1…E22, P1…P22, 1–7) and most allocate 100 importance points
(W_tangibles…W_empathy). Each respondent has a level per dimension, so a dimension's items move together
and Cronbach's α is realistic; perceptions fall furthest behind on reliability. One respondent left an
item blank and one gave points adding up to 90, so the page's notices can be seen.

Customer lab (lab_customers_sample.csv): a year of 4,000 transactions (客户编号, 交易日期, 消费金额) of 600
imaginary shop customers, with refunds as negative amounts and one row whose amount was left empty.
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


# ── SERVQUAL lab ──────────────────────────────────────────────────────────────────────────────────

SERVQUAL_SEED = 20241101
SERVQUAL_RESPONDENTS = 120
# Items of each dimension (1988/1991 numbering) and the mean expectation and perception of this imaginary
# bank branch: expectations high everywhere, perceptions furthest behind on reliability.
SERVQUAL_DIMENSIONS = {"tangibles": (range(1, 5), 5.6, 5.4), "reliability": (range(5, 10), 6.5, 5.2),
                       "responsiveness": (range(10, 14), 6.2, 5.3), "assurance": (range(14, 18), 6.1, 5.6),
                       "empathy": (range(18, 23), 5.7, 5.0)}
SERVQUAL_POINTS = (11, 32, 22, 19, 16)     # mean importance points, in SERVQUAL_DIMENSIONS order
SERVQUAL_WEIGHT_SHARE = 0.8                # share of respondents who allocate importance points
SERVQUAL_RESPONDENT_SPREAD = 0.6           # sd of a respondent's level around the dimension mean
SERVQUAL_ITEM_SPREAD = 0.5                 # sd of an item around the respondent's level


def _points(rng: np.random.Generator) -> list[int]:
    """100 importance points drawn around SERVQUAL_POINTS, whole numbers adding up to exactly 100."""
    shares = rng.dirichlet(np.array(SERVQUAL_POINTS, dtype=float) / 2) * 100
    points = np.floor(shares).astype(int)
    points[np.argmax(shares - points)] += 100 - points.sum()
    return points.tolist()


def make_servqual() -> list[Path]:
    rng = np.random.default_rng(SERVQUAL_SEED)
    header = ([f"E{i}" for i in range(1, 23)] + [f"P{i}" for i in range(1, 23)]
              + [f"W_{d}" for d in SERVQUAL_DIMENSIONS])
    rows = []
    for _ in range(SERVQUAL_RESPONDENTS):
        scores = {}
        for battery, which in (("E", 1), ("P", 2)):
            for spec in SERVQUAL_DIMENSIONS.values():
                level = spec[which] + rng.normal(0, SERVQUAL_RESPONDENT_SPREAD)
                for item in spec[0]:
                    scores[f"{battery}{item}"] = int(np.clip(round(level + rng.normal(0, SERVQUAL_ITEM_SPREAD)), 1, 7))
        weights = _points(rng) if rng.random() < SERVQUAL_WEIGHT_SHARE else [""] * len(SERVQUAL_DIMENSIONS)
        rows.append([scores[h] for h in header[:44]] + weights)
    rows[41][6] = ""                                    # respondent 42 skipped item E7
    first_with_points = next(k for k in range(60, len(rows)) if rows[k][44] != "")
    rows[first_with_points][44] = int(rows[first_with_points][44]) - 10     # points adding up to 90
    path = OUT / "lab_servqual_sample.csv"
    _write(path, header, rows)
    return [path]


# ── Customer lab ──────────────────────────────────────────────────────────────────────────────────

CUSTOMERS_SEED = 20241102
CUSTOMERS = 600
CUSTOMER_TRANSACTIONS = 4000
CUSTOMER_REFUND_SHARE = 0.02               # share of transactions that are refunds (negative amounts)
CUSTOMER_MEDIAN_SPEND = 120.0              # yuan per visit of a typical customer


def make_customers() -> list[Path]:
    """How often a customer buys and how much they spend per visit both vary across customers
    (lognormal), so a few customers bring much of the revenue; a refund returns half a purchase."""
    rng = np.random.default_rng(CUSTOMERS_SEED)
    ids = [f"K{n:04d}" for n in range(1, CUSTOMERS + 1)]
    frequency = rng.lognormal(0, 1.0, CUSTOMERS)
    spend = rng.lognormal(np.log(CUSTOMER_MEDIAN_SPEND), 0.8, CUSTOMERS)
    buyers = rng.choice(CUSTOMERS, size=CUSTOMER_TRANSACTIONS, p=frequency / frequency.sum())
    buyers[:CUSTOMERS] = np.arange(CUSTOMERS)          # every customer buys at least once
    days = rng.integers(0, 366, CUSTOMER_TRANSACTIONS)
    amounts = spend[buyers] * rng.lognormal(0, 0.4, CUSTOMER_TRANSACTIONS)
    refunds = rng.random(CUSTOMER_TRANSACTIONS) < CUSTOMER_REFUND_SHARE
    refunds[:CUSTOMERS] = False
    amounts[refunds] *= -0.5
    start = datetime.date(2024, 1, 1)
    rows = [[ids[buyers[k]], (start + datetime.timedelta(days=int(days[k]))).isoformat(), f"{amounts[k]:.2f}"]
            for k in np.argsort(days, kind="stable")]
    rows[1234][2] = ""                                 # one amount was left empty
    path = OUT / "lab_customers_sample.csv"
    _write(path, ["客户编号", "交易日期", "消费金额"], rows)
    return [path]


def _write(path: Path, header: list[str], rows: list[list]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


GENERATORS = [make_kano, make_servqual, make_customers]


def main() -> None:
    for generate in GENERATORS:
        for path in generate():
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
