"""Measure what the users feel against what bare Qt, SQLite and reportlab cost on the same machine.

Every figure is set beside a baseline measured in the same run, in turn with it (interleaved
runs, medians), so the ratios compare across machines. Writes docs/benchmarks.md.

    python3 benchmarks/run.py
"""

from __future__ import annotations

import compileall
import contextlib
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.districts import document_with, write_district  # noqa: E402
from benchmarks.measure import (  # noqa: E402
    ROOT,
    Pair,
    cli,
    interleaved,
    interleaved_runs,
    probe,
    probe_json,
    run_process,
    timed,
)
from benchmarks.report import Report  # noqa: E402
from desktop.core.document import write_json  # noqa: E402

STARTS = 5  # start-up runs of each process (the median is kept)
BIG = 1000


def byte_compile() -> None:
    """The program's modules compiled to byte code first, as an installed program has them
    (pip compiles at install, the one-folder build carries them): where PYTHONDONTWRITEBYTECODE
    is set, Python would otherwise compile every changed module again at each start."""
    for package in ("desktop", "wizard_steps", "i18n", "resources", "benchmarks"):
        compileall.compile_dir(ROOT / package, quiet=1)


def _environment(folder: Path, display: str | None = None) -> dict[str, str]:
    environment = dict(os.environ, DES_WIZARD_CONFIG_DIR=str(folder / "config"),
                       DES_WIZARD_DOCUMENTS_DIR=str(folder / "documents"))
    if display:
        environment.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    else:
        environment["QT_QPA_PLATFORM"] = "offscreen"
    return environment


@contextlib.contextmanager
def x_server() -> Iterator[str | None]:
    """A virtual X server for the whole run, when Xvfb is installed."""
    if shutil.which("Xvfb") is None:
        yield None
        return
    display = ":73"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten",
                               "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import time

        time.sleep(1.0)
        yield display if server.poll() is None else None
    finally:
        server.terminate()
        server.wait()


def startup(report: Report, environment: dict[str, str], example: Path, where: str) -> Pair:
    time_pair, memory_pair = interleaved_runs(
        STARTS, lambda: run_process(probe("first-step", str(example)), environment),
        lambda: run_process(probe("bare-wizard"), environment))
    report.budget(f"start-up to the example's first step, {where}", time_pair, 1.5, "s",
                  "a bare 8-page QWizard, shown")
    report.budget(f"memory at the first step, {where}", memory_pair, 1.5, "MiB",
                  "the same bare QWizard")
    return time_pair


def big_district(report: Report, environment: dict[str, str], example: Path, big: Path) -> None:
    time_pair, memory_pair = interleaved_runs(
        3, lambda: run_process(probe("first-step", str(big)), environment),
        lambda: run_process(probe("first-step", str(example)), environment))
    report.budget(f"{BIG} members: window ready", time_pair, 2.0, "s",
                  "the example (10 members)")
    report.budget(f"{BIG} members: memory at the first step", memory_pair, 1.5, "MiB",
                  "the example")
    timings = probe_json(environment, "window", str(big))
    report.limit(f"{BIG} members: slowest step switch (pages already shown)",
                 timings["step_switch_max_ms"], 100, "ms")
    report.limit(f"{BIG} members: slowest first visit of a step",
                 timings["first_visit_max_ms"], 100, "ms")
    report.limit(f"{BIG} members: slowest language switch", timings["language_switch_max_ms"],
                 150, "ms")
    report.limit(f"{BIG} members: selecting a member", timings["select_member_ms"], 50, "ms")
    report.limit(f"{BIG} members: editing a member's name (saved)", timings["edit_member_ms"],
                 50, "ms")
    report.note(
        f"The step switches are timed once the window has settled. With {BIG} members, what "
        f"waits for the first paint (every step judged against the rules, the opening backup "
        f"written with fsync) takes {timings['after_first_paint_ms']:.0f} ms after the window "
        f"is drawn; a click in that time waits for it.")


def saving(report: Report, environment: dict[str, str], example: Path) -> None:
    timings = probe_json(environment, "window", str(example))
    report.budget("one commit through the window (the page saves the district's name)",
                  Pair(timings["commit_ms"], timings["bare_commit_ms"]), 1.5, "ms",
                  "a bare sqlite3 commit, synchronous=FULL")
    report.limit("typing without pause (keys 300 ms apart): first save after the first key",
                 timings["continuous_first_save_ms"], 1500, "ms")
    report.limit("one key, then a pause: on disk after the key",
                 timings["pause_save_ms"], 400, "ms")


TABLE_STYLE = ("_cellStyles", "_bkgrndcmds", "_linecmds", "_spanCmds", "_nosplitCmds")


def _recipe(flowable: Any) -> Callable[[], Any]:
    """How a plain reportlab program makes ``flowable`` from the same texts and styles: each
    paragraph parsed from its text, containers and tables made again around such paragraphs
    (a table's style is copied here, not applied again: a handful of commands). Spacers,
    page breaks and the chart are taken as they are."""
    import copy

    from reportlab.platypus import KeepTogether, LongTable, Paragraph

    if isinstance(flowable, Paragraph):
        text, style, bullet = flowable.text, flowable.style, flowable.bulletText
        return lambda: Paragraph(text, style, bulletText=bullet)
    if isinstance(flowable, KeepTogether):
        parts = [_recipe(part) for part in flowable._content]
        return lambda: KeepTogether([make() for make in parts])
    if isinstance(flowable, LongTable):
        cells = [[_recipe(cell) for cell in row] for row in flowable._cellvalues]
        widths, repeat = flowable._argW, flowable.repeatRows
        styled = {name: copy.deepcopy(getattr(flowable, name)) for name in TABLE_STYLE}

        def table() -> LongTable:
            made = LongTable([[make() for make in row] for row in cells], colWidths=widths,
                             repeatRows=repeat)
            made.__dict__.update(styled)
            return made

        return table
    return lambda: flowable


def _plain_reportlab(makers: list[Callable[[], Any]], target: Path) -> None:
    """The same flowables made and laid out by reportlab alone: no context, no footer canvas."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    SimpleDocTemplate(str(target), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                      topMargin=18 * mm, bottomMargin=22 * mm).build([make() for make in makers])


def export(report: Report, folder: Path) -> None:
    from desktop.core.agreement import export_agreement
    from desktop.core.agreement.pdf import build_story, draft_page

    example = document_with(10)

    def plain() -> float:
        story = build_story(example, "it") + draft_page(example, "it")  # not timed
        makers = [_recipe(flowable) for flowable in story]  # not timed either
        return timed(lambda: _plain_reportlab(makers, folder / "bare.pdf"))

    pair = interleaved(7, lambda: timed(lambda: export_agreement(example, "it",
                                                                 folder / "ours.pdf")), plain)
    report.budget("export of the example's agreement", pair, 1.5, "s",
                  "plain reportlab making and laying out the same flowables")
    report.note(
        "The export's baseline was made fairer on 23 November 2026: it used to receive the "
        "paragraphs and tables already made, so reportlab's parsing of their markup (about 470 "
        "paragraphs, a fifth of the work) was counted against the program only. It now makes "
        "them from the same texts and styles, as any program using reportlab must, and lays "
        "them out on a plain canvas; the program's own work beyond it is building the texts "
        "from the document, the readiness rules, the footer and, the example being ready to "
        "sign, making the PDF an archival PDF/A with pikepdf (the baseline does none of it).")
    small, large = document_with(300), document_with(BIG)
    growth = interleaved(5, lambda: timed(lambda: export_agreement(large, "it",
                                                                   folder / "l.pdf")),
                         lambda: timed(lambda: export_agreement(small, "it", folder / "s.pdf")))
    report.budget(f"export with {BIG} members", growth, 3.5, "s", "export with 300 members")


def commands(report: Report, folder: Path, environment: dict[str, str],
             example_file: Path, big_file: Path) -> None:
    """The commands as a user runs them: whole processes, interpreter start included."""
    source = folder / "big.json"
    write_json(document_with(BIG), source)
    targets = iter(range(100))

    def from_json() -> float:
        target = folder / f"from-{next(targets)}.des"
        return run_process(cli("from-json", str(source), str(target)), environment).seconds

    report.limit(f"`from-json` of {BIG} members (whole command)",
                 statistics.median(from_json() for _ in range(3)) * 1000, 1000, "ms")

    def check(path: Path) -> float:
        return run_process(cli("check", str(path)), environment, allowed=(0, 1)).seconds

    pair = interleaved(5, lambda: check(big_file), lambda: check(example_file))
    report.budget(f"`check` on {BIG} members (whole command)", pair, 1.3, "s",
                  "`check` on the example")


def printing(report: Report, environment: dict[str, str], example: Path) -> None:
    job = probe_json(environment, "print", str(example))
    report.note(
        f"Printing the example's agreement ({job['pages']:.0f} pages, a PDF of "
        f"{job['pdf_bytes'] / 2**20:.2f} MiB). With CUPS (`lp` or `lpr` on the PATH: Linux, "
        f"macOS) that PDF is the job: the same size, and the window waits only for the "
        f"spooler. Without it (Windows, or printing to a file, measured here on a "
        f"{job['resolution']:.0f} dpi printer) the pages are rendered at the printer's "
        f"resolution up to 300 dpi, grey where a page has no colour: a job of "
        f"{job['job_bytes'] / 2**20:.1f} MiB ({job['job_bytes'] / job['pdf_bytes']:.0f}× the "
        f"PDF) in {job['job_s']:.1f} s.")


def _folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def frozen(report: Report, environment: dict[str, str], example: Path) -> None:
    """The one-folder build named by DES_WIZARD_FROZEN (else dist/des-wizard), if built."""
    program = Path(os.environ.get("DES_WIZARD_FROZEN", ROOT / "dist" / "des-wizard"
                                  / "des-wizard"))
    if not program.exists():
        report.note(f"No one-folder build at {program}: build it with `pyinstaller build.spec` "
                    "(or set DES_WIZARD_FROZEN) to measure it.")
        return
    self_test = subprocess.run([str(program), "--self-test"], capture_output=True, text=True,
                               env=environment, check=False)
    passed = self_test.returncode == 0
    quitting = dict(environment, DES_WIZARD_QUIT_WHEN_SHOWN="1")
    time_pair, memory_pair = interleaved_runs(
        STARTS, lambda: run_process([str(program), str(example)], quitting),
        lambda: run_process(probe("bare-wizard"), environment))
    report.budget("frozen: start-up to the example's first step",
                  time_pair, 1.5, "s", "the bare QWizard, from source")
    report.budget("frozen: memory at the first step", memory_pair, 1.5, "MiB",
                  "the bare QWizard, from source")
    report.limit("frozen: size of the folder", _folder_size(program.parent) / 2**20, 150,
                 "MiB")
    report.note(f"`{program.name} --self-test` {'passed' if passed else 'FAILED'}: "
                f"{(self_test.stdout or self_test.stderr).strip()}")


def main() -> None:
    byte_compile()
    report = Report()
    with tempfile.TemporaryDirectory() as folder_name, x_server() as display:
        folder = Path(folder_name)
        example = write_district(10, folder / "example.des")
        big = write_district(BIG, folder / "big.des")
        offscreen = _environment(folder)
        report.section("Start-up")
        startup(report, offscreen, example, "offscreen")
        if display:
            startup(report, _environment(folder, display), example, "under Xvfb")
        else:
            report.note("Xvfb is not installed: start-up under an X server was not measured.")
        report.section(f"A district of {BIG} members")
        big_district(report, offscreen, example, big)
        report.section("Saving")
        saving(report, offscreen, example)
        report.section("Export and commands")
        export(report, folder)
        commands(report, folder, offscreen, example, big)
        report.section("Printing")
        printing(report, offscreen, example)
        report.section("The one-folder build")
        frozen(report, offscreen, example)
    report.write(ROOT / "docs" / "benchmarks.md", dt.datetime.now(dt.UTC))


if __name__ == "__main__":
    main()
