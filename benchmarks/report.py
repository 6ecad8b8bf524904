"""docs/benchmarks.md: every figure beside its baseline, the ratio and whether its budget holds."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from pathlib import Path

from benchmarks.explanations import EXPLANATIONS
from benchmarks.measure import Pair


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def _number(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    return f"{value:.0f} {unit}"


class Report:
    def __init__(self) -> None:
        self.load_at_start = os.getloadavg()[0]  # other work on the machine, for the reader
        self.lines: list[str] = []
        self.missed: list[str] = []
        self._table_open = False

    def section(self, title: str) -> None:
        self.lines += ["", f"## {title}", ""]
        self._table_open = False

    def _header(self) -> None:
        if not self._table_open:
            self.lines += ["| what | figure | baseline | ratio | budget | holds |",
                           "|---|---|---|---|---|---|"]
            self._table_open = True

    def budget(self, what: str, pair: Pair, most: float, unit: str, baseline: str) -> None:
        self._header()
        holds = pair.ratio <= most
        if not holds:
            self.missed.append(what)
        self.lines.append(
            f"| {what} | {_number(pair.figure, unit)} | {_number(pair.baseline, unit)} "
            f"({baseline}) | {pair.ratio:.2f}× | ≤ {most}× | {'yes' if holds else 'no'} |")
        print(self.lines[-1], flush=True)

    def limit(self, what: str, value: float, most: float, unit: str) -> None:
        self._header()
        holds = value < most
        if not holds:
            self.missed.append(what)
        self.lines.append(f"| {what} | {_number(value, unit)} | – | – | < {_number(most, unit)} "
                          f"| {'yes' if holds else 'no'} |")
        print(self.lines[-1], flush=True)

    def note(self, text: str) -> None:
        self.lines += ["", text, ""]
        self._table_open = False
        print(text, flush=True)

    def _misses(self) -> list[str]:
        if not self.missed:
            return ["", "Every budget holds."]
        lines = ["", "## Where a budget does not hold", ""]
        for what in self.missed:
            reason = next((text for key, text in EXPLANATIONS.items() if key in what),
                          "no explanation recorded yet")
            lines.append(f"- **{what}**: {reason}")
        return lines

    def write(self, target: Path, when: dt.datetime) -> None:
        head = [
            "# Benchmarks",
            "",
            f"Made by `python3 benchmarks/run.py` on {when:%Y-%m-%d %H:%M} UTC, {_machine()}.",
            "",
            "Each figure is the median of runs interleaved with its baseline in the same call, "
            "so the ratios compare across machines. Start-up is a whole process, from spawn "
            "until the first step is drawn, with the program's modules compiled to byte code "
            "beforehand as an installed program has them (since 23 November, evening: before, "
            "with PYTHONDONTWRITEBYTECODE set on the machine, every module changed since its "
            "last compilation was compiled again at each start); memory is the process's peak "
            "resident size. The "
            "synthetic districts are the example grown to N members with unique ids, names, "
            "valid tax codes (since 23 November; before, every code failed its check digit "
            "and added a blocking finding per member) and contact persons; the assembly names "
            "every member and each "
            "objective names fifty of them with a role. The machine may be shared: figures vary "
            "from run to run by a fifth or more, and a ratio close to its budget can fall on "
            "either side of it.",
            "",
            f"Load average of the machine (processes wanting a CPU, over a minute) when this "
            f"run started: {self.load_at_start:.1f}; when it ended: {os.getloadavg()[0]:.1f}, "
            f"on {os.cpu_count()} CPUs. Above the number of CPUs every figure is slowed, the "
            f"program's and the baselines' alike, but not in the same proportion, so the ratios "
            f"move too.",
        ]
        target.write_text("\n".join(head + self.lines + self._misses()) + "\n",
                          encoding="utf-8")
        sys.stdout.write(f"written {target}\n")
