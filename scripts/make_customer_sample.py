"""Write content/data/customer_sample.csv: a synthetic customer base for the customer-pyramid exhibit.

One thousand imaginary business customers of an office-supplies wholesaler and what each bought in a
year, drawn from a lognormal distribution with a fixed seed, so every run writes the same file. The spread
(sigma) is chosen so that the top fifth of customers brings roughly four fifths of revenue, the 80/20
pattern the course material describes; nothing here is real data.

    python scripts/make_customer_sample.py
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

SEED = 20240601
CUSTOMERS = 1000
MEDIAN_YUAN = 1100.0          # a typical small customer's purchases in a year
SIGMA = 1.7                   # lognormal spread of annual purchases
OUT = Path(__file__).resolve().parent.parent / "content" / "data" / "customer_sample.csv"
HEADER = """\
# SYNTHETIC teaching data, not real customers: annual purchases (yuan) of 1,000 imaginary business customers
# of an office-supplies wholesaler, drawn from a lognormal distribution (median 1,100 yuan, sigma 1.7) with a
# fixed random seed by scripts/make_customer_sample.py; rerunning the script writes this same file.
# Used by the customer-pyramid exhibit of the chapter "loyalty".
"""


def sample() -> np.ndarray:
    rng = np.random.default_rng(SEED)
    amounts = rng.lognormal(mean=np.log(MEDIAN_YUAN), sigma=SIGMA, size=CUSTOMERS)
    return np.maximum(1, np.round(amounts)).astype(int)


def main() -> None:
    lines = [HEADER.rstrip("\n"), "customer_id,annual_purchases_yuan,source"]
    lines += [f"C{i:04d},{amount},synthetic (scripts/make_customer_sample.py, seed {SEED})"
              for i, amount in enumerate(sample(), start=1)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({CUSTOMERS} customers)")


if __name__ == "__main__":
    main()
