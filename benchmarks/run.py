"""Measure what the users feel: the cost of saving every edit at once, and of the export.

Each figure is a ratio against a baseline taken in the same run, so the numbers compare across
machines. Writes docs/benchmarks.md. Run: python3 benchmarks/run.py
"""

from __future__ import annotations

import platform
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from desktop.core.agreement import export_agreement
from desktop.core.district_file import DistrictFile
from desktop.core.document import to_document
from desktop.core.example import example_document

ROOT = Path(__file__).resolve().parent.parent
EDITS = 200


def best_of(runs: int, action: Callable[[], None]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def edits_each_committed(folder: Path) -> float:
    district = DistrictFile.create(folder / "each.des")
    seconds = best_of(3, lambda: [district.set_answer("name", f"DES {n}") for n in range(EDITS)])
    district.close()
    return seconds


def edits_in_one_transaction(folder: Path) -> float:
    """Baseline: the same writes with a single commit (what a "Save" button would cost)."""
    district = DistrictFile.create(folder / "one.des")

    def write() -> None:
        with district._transaction():
            for n in range(EDITS):
                district.db.execute(
                    "INSERT INTO answers(key, value) VALUES ('name', ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [f'"DES {n}"'])

    seconds = best_of(3, write)
    district.close()
    return seconds


def document_with(members: int) -> dict:
    document = example_document()
    base = document["members"]["organizations"]
    document["members"]["organizations"] = [
        dict(base[n % len(base)], name=f"{base[n % len(base)]['name']} {n}")
        for n in range(members)]
    return document


def main() -> None:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        each = edits_each_committed(folder)
        one = edits_in_one_transaction(folder)
        small, large = document_with(10), document_with(100)
        export_10 = best_of(3, lambda: export_agreement(small, "it", folder / "s.pdf"))
        export_100 = best_of(3, lambda: export_agreement(large, "it", folder / "l.pdf"))
        district = DistrictFile.create(folder / "doc.des")
        to_json = best_of(5, lambda: to_document(district))
        district.close()
        tracemalloc.start()
        export_agreement(large, "it", folder / "m.pdf")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    lines = [
        "# Benchmarks",
        "",
        f"Made by `python3 benchmarks/run.py` on {platform.machine()}, Python "
        f"{platform.python_version()}. Ratios compare two runs of the same process.",
        "",
        "| what | figure |",
        "|---|---|",
        f"| one edit, committed in its own transaction with synchronous=FULL | "
        f"{each / EDITS * 1000:.2f} ms |",
        f"| the same {EDITS} edits in one transaction (baseline) | {one / EDITS * 1000:.3f} ms "
        f"per edit |",
        f"| ratio: saving every edit at once vs one save | {each / one:.0f}× |",
        f"| export of the agreement, 10 members | {export_10 * 1000:.0f} ms |",
        f"| export, 100 members vs 10 members | {export_100 / export_10:.1f}× |",
        f"| peak Python memory while exporting 100 members | {peak / 2**20:.1f} MiB |",
        f"| the whole district as a JSON document (empty district) | {to_json * 1000:.2f} ms |",
        "",
        "Reading: an edit is committed after a typing pause of 400 ms, so a commit costs a "
        "small fraction of the pause between two edits, even on a disk a hundred times slower; "
        "ten times the members make the export only a few times slower, since the articles "
        "and annexes that do not depend on the members weigh as much as the member lists.",
    ]
    doc = ROOT / "docs" / "benchmarks.md"
    kept = ""
    if doc.exists() and "<!-- frozen:begin -->" in doc.read_text(encoding="utf-8"):
        old = doc.read_text(encoding="utf-8")
        kept = "\n" + old[old.index("<!-- frozen:begin -->"):]
    doc.write_text("\n".join(lines) + "\n" + kept, encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
