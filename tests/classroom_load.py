"""Students answering at once, for tests/test_classroom_store.py and the deployment test.

`answer_as_students` runs one thread per student against a Store of its own (its own engine, as a
server process has). `process_worker` is the same in a spawned process: there it loads only the
store, not the whole site package (book/__init__ renders every chapter and compiles every chart at
import, seconds of CPU that have nothing to do with the database), by registering `book` as a bare
package first.
"""
from __future__ import annotations

import sys
import threading
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load_store():
    if "book" not in sys.modules and __name__ != "__main__":
        import multiprocessing
        if multiprocessing.parent_process() is not None:     # a spawned worker, never the test run
            package = types.ModuleType("book")
            package.__path__ = [str(ROOT / "book")]
            sys.modules["book"] = package
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from book.classroom.store import Store
    return Store


def student(n: int) -> str:
    return f"student-{n:04d}"


def answer_as_students(url: str, code: str, first: int, count: int, barrier=None) -> list[str]:
    """Students first … first+count−1 answer both questions of feature 0 of a Kano activity at the
    same moment; every third one then changes the functional answer from 1 to 4. Returns the errors
    seen (none expected)."""
    import sqlalchemy as sa
    engine = sa.create_engine(url)
    store = _load_store()(engine)
    errors: list[str] = []
    start = threading.Barrier(count)

    def one(n: int) -> None:
        try:
            start.wait(timeout=60)
            store.submit(code, student(n), "f0.functional", "1")
            store.submit(code, student(n), "f0.dysfunctional", str(1 + n % 5))
            if n % 3 == 0:
                store.submit(code, student(n), "f0.functional", "4")
        except Exception as exc:            # collected, so the test reports it instead of a thread dying
            errors.append(f"{student(n)}: {exc!r}")

    threads = [threading.Thread(target=one, args=(n,)) for n in range(first, first + count)]
    if barrier is not None:
        barrier.wait(timeout=300)           # every process is ready: go together
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    engine.dispose()
    return errors


def expected(n: int) -> dict[str, str]:
    """What student n's answers must be once answer_as_students is done."""
    return {"f0.functional": "4" if n % 3 == 0 else "1", "f0.dysfunctional": str(1 + n % 5)}


def process_worker(url, code, first, count, barrier, results) -> None:
    results.put(answer_as_students(url, code, first, count, barrier))
