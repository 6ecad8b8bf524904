"""``des-wizard --self-test``: proves that an installed or frozen program is whole.

Offscreen, in a temporary folder (the user's settings are not touched): open the example, walk
every step, switch the language both ways, export both agreements and read them back, sign
the final with a throwaway certificate and verify it. One
line is printed; the exit status is 0 when everything worked, 1 otherwise.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path


def run_self_test() -> int:
    started = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="des-wizard-self-test-") as folder:
        os.environ["DES_WIZARD_CONFIG_DIR"] = str(Path(folder) / "config")
        os.environ["DES_WIZARD_DOCUMENTS_DIR"] = str(Path(folder) / "documents")
        try:
            steps, start_seconds = _check_everything(Path(folder), failures, started)
        except Exception as exc:  # noqa: BLE001 (the self-test reports, it does not crash)
            failures.append(f"{type(exc).__name__}: {exc}")
            steps, start_seconds = 0, 0.0
    total = time.perf_counter() - started
    if failures:
        _say("self-test failed: " + "; ".join(failures))
        return 1
    _say(f"self-test passed: example opened, {steps} steps walked, languages switched both "
         f"ways, agreements in Italian and English exported and read back, a signed sample "
         f"verified, a first-release district brought up to date "
         f"(window ready in {start_seconds:.2f} s, {total:.2f} s in all)")
    return 0


def _say(line: str) -> None:
    # A windowed Windows build has no console: the exit status still tells.
    if sys.stdout is not None:
        print(line)


def _check(failures: list[str], what: str, condition: Callable[[], bool]) -> None:
    try:
        if not condition():
            failures.append(what)
    except Exception as exc:  # noqa: BLE001 (each check reports its own failure)
        failures.append(f"{what} ({type(exc).__name__}: {exc})")


def _quiet(_kind, _context, message: str) -> None:
    """The offscreen platform warns about window hints it cannot honour; the one line of the
    self-test must stay the only output."""
    if "propagateSizeHints" not in message and sys.stderr is not None:
        sys.stderr.write(message + "\n")


def _check_everything(folder: Path, failures: list[str], started: float) -> tuple[int, float]:
    # Deferred: the self-test is reached through the command line, which starts without Qt.
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_quiet)
    import i18n
    from desktop.core.agreement import export_agreement
    from desktop.core.document import to_document
    from desktop.core.example import write_example
    from desktop.core.signing.sample import signed_sample_verifies
    from desktop.gui.app import application, create_window
    from desktop.gui.printing import page_texts
    from i18n.qt import installed_qt_translator
    from resources import resource_path

    for font in ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf"):
        _check(failures, f"font {font} is missing", resource_path("fonts", font).exists)
    for lang in i18n.LANGUAGES:
        _check(failures, f"the {lang} catalog is missing", partial(
            lambda lang: bool(i18n.translator(lang).gettext("Ready to sign")), lang))
    _check(failures, "the Italian catalog does not translate",
           lambda: i18n.translator("it").gettext("Ready to sign") == "Pronto per la firma")

    example = folder / "esempio.des"
    write_example(example).close()
    app = application()
    i18n.set_language("it")
    window = create_window(str(example), app)
    window.show()
    app.processEvents()
    start_seconds = time.perf_counter() - started
    wizard = window.wizard
    _check(failures, "the example did not open", lambda: wizard is not None)
    steps = 0
    if wizard is not None:
        for index in range(wizard.page_count()):
            wizard.steps.setCurrentRow(index)
            app.processEvents()
            if wizard.pages.currentIndex() == index:
                steps += 1
        _check(failures, "not every step could be shown", lambda: steps == wizard.page_count())
        italian = wizard.next_button.text()
        combo = window.language_combo
        combo.setCurrentIndex(combo.findData("en"))
        app.processEvents()
        _check(failures, "switching to English left Italian on screen",
               lambda: wizard.next_button.text() != italian
               and i18n.current_language() == "en")
        combo.setCurrentIndex(combo.findData("it"))
        app.processEvents()
        _check(failures, "switching back to Italian failed",
               lambda: wizard.next_button.text() == italian)
        _check(failures, "Qt's Italian translations are missing",
               lambda: installed_qt_translator() is not None)
    _check(failures, "ICU's Italian data (collation, time-zone names) is missing",
           _icu_speaks_italian)
    document = to_document(window.district) if window.district else {}
    words = {"it": "Accordo volontario", "en": "Voluntary agreement"}
    for lang, title in words.items():
        def exported(lang: str = lang, title: str = title) -> bool:
            pdf = export_agreement(document, lang, folder / f"accordo-{lang}.pdf")
            text = " ".join(" ".join(page_texts(pdf)).split())
            name = document["district"]["name"]
            return title in text and name in text and "DRAFT" not in text \
                and "BOZZA" not in text
        _check(failures, f"the {lang} agreement is not right", exported)
    _check(failures, "a signed sample did not verify",
           lambda: signed_sample_verifies(document, folder))
    _check(failures, "a first-release district was not brought up to date",
           lambda: _old_district_migrates(folder / "primo-formato.des"))
    window.close()
    return steps, start_seconds


def _icu_speaks_italian() -> bool:
    """ICU's data, trimmed in the Linux build to what Qt asks of it, still sorts as Italians
    do (accents after their letter, case ignored, where code points would put "é" after "f"
    and "B" before "a") and names the time zone in Italian."""
    from PySide6.QtCore import QByteArray, QCollator, QLocale, QTimeZone

    italian = QLocale(QLocale.Language.Italian, QLocale.Country.Italy)
    collator = QCollator(italian)
    zone = QTimeZone(QByteArray(b"Europe/Rome")).displayName(
        QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, italian)
    return collator.compare("été", "f") < 0 and collator.compare("a", "B") < 0 \
        and "Europa" in zone


def _old_district_migrates(path: Path) -> bool:
    """A district in the first release's format opens and is brought up to date: the
    migrations use sqlite-utils (and what it imports), which nothing else at start-up does."""
    from desktop.core.district_file import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, DistrictFile
    from desktop.core.district_file.migrations import connect, migrate

    db = connect(path)
    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrate(db, 0, {1: MIGRATIONS[1]})
    db.execute("INSERT INTO members(id, position, name) VALUES (1, 1, 'Coop Vecchia')")
    db.conn.close()
    district = DistrictFile.open(path)
    try:
        version = district.db.conn.execute("PRAGMA user_version").fetchone()[0]
        return version == SCHEMA_VERSION and district.member_names() == {1: "Coop Vecchia"}
    finally:
        district.close()

