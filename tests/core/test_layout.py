"""The layout says what the program is: a core without Qt, and docs that name every module."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("desktop", "wizard_steps", "i18n", "resources")


def modules_under(*folders: str) -> list[str]:
    found = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def qt_free_modules() -> list[str]:
    core = modules_under("desktop/core", "wizard_steps", "i18n")
    return [m for m in core if ".widgets" not in m and m != "i18n.qt"] + ["desktop.cli"]


def test_the_core_and_the_declarations_never_import_qt():
    # One interpreter imports them one by one: the first module after which PySide6 is loaded
    # is the one that brings it in, directly or through what it imports.
    script = (
        "import importlib, sys\n"
        f"for name in {qt_free_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "    if any(m == 'PySide6' or m.startswith('PySide6.') for m in sys.modules):\n"
        "        print(name); break\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "", f"{result.stdout.strip()} imports PySide6"


def test_the_layout_check_notices_a_module_that_imports_qt():
    modules = qt_free_modules()
    assert "desktop.core.document" in modules
    assert "wizard_steps.members" in modules
    assert not any(".widgets." in m or m.startswith("desktop.gui") for m in modules)


def test_architecture_names_every_module():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    layout = text[text.index("## Layout"):]
    tree = layout.split("```")[1]  # the first fenced block of the section
    listed = set(re.findall(r"([\w/]+\.py)\b", tree))
    missing = []
    for module in modules_under(*PACKAGES):
        path = module.replace(".", "/")
        if (ROOT / path).is_dir():
            path += "/__init__.py"
        else:
            path += ".py"
        if path.endswith("__init__.py") or Path(path).name in listed or path in listed:
            continue
        missing.append(path)
    assert not missing, f"docs/architecture.md does not list: {missing}"
