"""Take the user guide's screenshots from the real window, in both languages and two sizes.

    python3 docs/make_screenshots.py   ->  resources/guide/images/{it,en}/{1366x768,1024x600}/*.png

The example district is written to a temporary folder; the window is drawn offscreen at a
laptop's size (1366×768) and a netbook's (1024×600), one picture per step, plus the welcome
screen, the forecast table and the export dialog. The guide shows the laptop's pictures and
links the netbook's. Each picture is saved with a palette of 256 colours (Pillow, which
reportlab already needs) and PNG's strongest compression: a window's few flat colours lose
nothing visible, and the files take a third of the space.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402
from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget  # noqa: E402

import i18n  # noqa: E402
from desktop.core.example import write_example  # noqa: E402
from desktop.gui.app import application, create_window  # noqa: E402
from desktop.gui.export_dialog import ExportDialog  # noqa: E402
from wizard_steps import STEPS  # noqa: E402

SIZES = ((1366, 768), (1024, 600))


def save(widget: QWidget, path: Path) -> None:
    """The widget as drawn, as a small PNG (a palette of 256 colours, no dithering)."""
    widget.grab().save(str(path))
    with Image.open(path) as picture:
        small = picture.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                                                dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def shoot(lang: str, size: tuple[int, int], folder: Path, app: QApplication) -> list[Path]:
    out = ROOT / "resources" / "guide" / "images" / lang / f"{size[0]}x{size[1]}"
    out.mkdir(parents=True, exist_ok=True)
    written = []
    i18n.set_language(lang)
    # A first start: nothing remembered, so the welcome screen shows.
    (Path(os.environ["DES_WIZARD_CONFIG_DIR"]) / "settings.json").unlink(missing_ok=True)
    welcome = create_window(None, app)
    welcome.resize(*size)
    welcome.show()
    app.processEvents()
    written.append(out / "00-welcome.png")
    save(welcome, written[-1])
    welcome.close()
    example = folder / f"example-{lang}-{size[0]}x{size[1]}.des"
    write_example(example).close()
    window = create_window(str(example), app)
    window.resize(*size)
    window.show()
    wizard = window.wizard
    assert wizard is not None
    for index in range(wizard.page_count()):
        wizard.steps.setCurrentRow(index)
        app.processEvents()
        key = STEPS[index].key if index < len(STEPS) else "review"
        written.append(out / f"{index + 1:02d}-{key}.png")
        save(window, written[-1])
        if key == "financial_plan":
            # The forecast sits below the lists: a picture of its own.
            page = wizard.page_list[index]
            forecast = next(e for form in page.forms for e in form.editors.values()
                            if type(e).__name__ == "ForecastEditor")
            written.append(out / f"{index + 1:02d}b-forecast.png")
            area = forecast.parent()
            while area is not None and not isinstance(area, QScrollArea):
                area = area.parent()
            assert isinstance(area, QScrollArea)
            # The table's top (its years) at the top of the view, at either size.
            top = forecast.mapTo(area.widget(), QPoint(0, 0)).y()
            area.verticalScrollBar().setValue(top)
            app.processEvents()
            save(window, written[-1])
    window.request_export()
    dialog = window.dialog
    assert isinstance(dialog, ExportDialog)
    word = {"it": "accordo", "en": "agreement"}[lang]
    # The folder a user would see, not the temporary one the example lives in.
    dialog.path_edit.setText(
        f"/home/cooperativa/Documenti/DES Wizard/Fiemme e Fassa - {word}.pdf")
    # Wide enough for the whole path in either language, not cut at its start.
    dialog.resize(max(dialog.width(), 640), dialog.height())
    dialog.path_edit.setCursorPosition(0)
    app.processEvents()
    written.append(out / "13-export.png")
    save(dialog, written[-1])
    dialog.close()
    window.close()
    return written


def main() -> None:
    app = application()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DES_WIZARD_CONFIG_DIR"] = str(Path(folder) / "config")
        # The folder a user would see (the example itself is written to the temporary one).
        os.environ["DES_WIZARD_DOCUMENTS_DIR"] = "/home/cooperativa/Documenti/DES Wizard"
        for lang in ("it", "en"):
            for size in SIZES:
                for path in shoot(lang, size, Path(folder), app):
                    print(path.relative_to(ROOT), "{}x{}".format(*Image.open(path).size))


if __name__ == "__main__":
    main()
