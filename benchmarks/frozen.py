"""Size and start time of the one-folder build, against the program run from source.

    python3 benchmarks/frozen.py [--build]

Runs the self-test of both three times (offscreen), keeps the fastest "window ready" time of
each, and writes the figures into docs/benchmarks.md between the markers of its section.
"""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FROZEN = ROOT / "dist" / "des-wizard" / "des-wizard"
BEGIN, END = "<!-- frozen:begin -->", "<!-- frozen:end -->"


def window_ready(command: list[str]) -> float:
    times = []
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for _ in range(3):
        result = subprocess.run(command, capture_output=True, text=True, env=environment,
                                check=True)
        times.append(float(re.search(r"window ready in ([\d.]+) s", result.stdout).group(1)))
    return min(times)


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def main() -> None:
    if "--build" in sys.argv or not FROZEN.exists():
        subprocess.run(["pyinstaller", "build.spec", "--noconfirm"], cwd=ROOT, check=True,
                       capture_output=True)
    frozen = window_ready([str(FROZEN), "--self-test"])
    source = window_ready([sys.executable, "-m", "desktop", "--self-test"])
    size = folder_size(FROZEN.parent)
    section = "\n".join([
        BEGIN,
        "## The one-folder build",
        "",
        f"Made by `python3 benchmarks/frozen.py` on {platform.machine()}, "
        f"{platform.system()}.",
        "",
        "| what | figure |",
        "|---|---|",
        f"| size of `dist/des-wizard` | {size / 2**20:.0f} MiB |",
        f"| start of the frozen program until the window is ready (offscreen) | {frozen:.2f} s |",
        f"| the same, run from source in the same session | {source:.2f} s |",
        f"| ratio frozen / source | {frozen / source:.2f} |",
        "",
        "The folder holds Python, Qt (QtCore, QtGui, QtWidgets, QtSvg, QtPrintSupport and "
        "ICU's data, about 100 MiB), pdfium for printing, Babel's locale data and the fonts.",
        END,
    ])
    doc = ROOT / "docs" / "benchmarks.md"
    text = doc.read_text(encoding="utf-8")
    if BEGIN in text:
        text = text[:text.index(BEGIN)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    doc.write_text(text, encoding="utf-8")
    print(section)


if __name__ == "__main__":
    main()
