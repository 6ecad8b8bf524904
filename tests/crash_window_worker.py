"""A window that works on a district until it is killed (see test_crash_harness.py).

Run as ``python -m tests.crash_window_worker DISTRICT START SCAN COPY``: the real main window,
offscreen, types ever larger numbers into the district's name through its own editor and save
path, and between edits attaches the scan SCAN on the Review page, saves a copy as COPY and
takes a backup, all through the window's own methods. It prints ``ack N`` once the status bar
says edit N is saved, and ``did attach`` (``copy``, ``backup``) once such a step returned.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.gui.app import create_window  # noqa: E402
from i18n import set_language  # noqa: E402


def main(district: str, start: int, scan: str, copy: str) -> None:
    application = QApplication([])  # a process of its own
    set_language("en")
    window = create_window(district, application)
    assert window.wizard is not None, "the district did not open"
    form = window.wizard.page_list[0].form
    assert form is not None
    editor = form.editors["name"]
    review = window.wizard.review
    print("ready", flush=True)
    number = start
    while True:
        number += 1
        editor.set_value(f"edit {number}")
        editor.commit()
        if window.save_label.text().startswith("Saved"):
            print(f"ack {number}", flush=True)
        if number % 7 == 0 and review.attach_file(scan):
            print("did attach", flush=True)
        if number % 11 == 0 and window.save_copy_as(copy):
            print("did copy", flush=True)
        if number % 13 == 0:
            window._take_backup("opening")  # noqa: SLF001 - the window's own backup step
            print("did backup", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4])
