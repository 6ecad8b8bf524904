"""Timing tools for the benchmarks: processes timed whole, interleaved runs, medians."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Run:
    seconds: float
    max_rss_mib: float
    stdout: str


def run_process(arguments: Sequence[str], environment: dict[str, str]) -> Run:
    """A whole process, from spawn to exit, with its peak resident memory."""
    start = time.perf_counter()
    process = subprocess.Popen(list(arguments), cwd=ROOT, env=environment,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    stdout = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"{' '.join(arguments)} failed ({process.returncode})")
    return Run(seconds, usage.ru_maxrss / 1024, stdout)


def probe(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "benchmarks.probes", *arguments]


def probe_json(environment: dict[str, str], *arguments: str) -> dict[str, float]:
    return json.loads(run_process(probe(*arguments), environment).stdout.strip().splitlines()[-1])


@dataclass(frozen=True)
class Pair:
    """Medians of a figure and of its baseline, measured in turn in the same run."""
    figure: float
    baseline: float

    @property
    def ratio(self) -> float:
        return self.figure / self.baseline


def interleaved(rounds: int, ours: Callable[[], float], baseline: Callable[[], float]) -> Pair:
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(rounds):
        theirs.append(baseline())
        mine.append(ours())
    return Pair(statistics.median(mine), statistics.median(theirs))


def interleaved_runs(rounds: int, ours: Callable[[], Run],
                     baseline: Callable[[], Run]) -> tuple[Pair, Pair]:
    """Time and peak memory of two processes started in turn."""
    mine: list[Run] = []
    theirs: list[Run] = []
    for _ in range(rounds):
        theirs.append(baseline())
        mine.append(ours())
    return (Pair(statistics.median(r.seconds for r in mine),
                 statistics.median(r.seconds for r in theirs)),
            Pair(statistics.median(r.max_rss_mib for r in mine),
                 statistics.median(r.max_rss_mib for r in theirs)))


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start
