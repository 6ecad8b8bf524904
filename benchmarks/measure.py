"""Timing tools for the benchmarks: processes timed whole, interleaved runs, medians."""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
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


TIME = shutil.which("time") or "/usr/bin/time"


def run_process(arguments: Sequence[str], environment: dict[str, str],
                allowed: tuple[int, ...] = (0,)) -> Run:
    """A whole process, from spawn to exit, with its peak resident memory.

    The memory comes from GNU time, which forks the program from its own small process:
    Linux counts the resident size a child had before exec, so a child forked straight from
    this (large) process would report at least this process's size."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        start = time.perf_counter()
        process = subprocess.run([TIME, "-f", "%M", "-o", rss.name, *arguments], cwd=ROOT,
                                 env=environment, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - start
        if process.returncode not in allowed:
            raise RuntimeError(f"{' '.join(arguments)} failed ({process.returncode})")
        kib = int(rss.read().strip().splitlines()[-1])
    return Run(seconds, kib / 1024, process.stdout)


def cli(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "desktop", *arguments]


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
