"""The import's file dialog offers every kind of spreadsheet the import reads."""

import re

from desktop.core.spreadsheet_files import SUFFIXES
from desktop.gui.main_window import SPREADSHEET_FILTER
from i18n import translator


def test_the_file_dialog_offers_every_kind():
    for lang in ("en", "it"):
        offered = set(re.findall(r"\*(\.\w+)", translator(lang).gettext(SPREADSHEET_FILTER)))
        assert offered == set(SUFFIXES), lang
