"""What start-up made is kept out of the garbage collector's reach once the window is drawn,
so that a full collection does not walk it again at some step switch; once per process."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtWidgets import QApplication

from desktop.gui.app import keep_out_of_collection


@pytest.mark.usefixtures("window")
def test_start_up_objects_are_frozen_once():
    QApplication.processEvents()  # the window's zero-timers, then the freeze behind them
    frozen = gc.get_freeze_count()
    assert frozen > 10_000  # modules, declarations, the window's wrappers
    made_later = [[] for _ in range(5_000)]
    keep_out_of_collection()  # a second window, or a second call: nothing more is frozen
    assert gc.get_freeze_count() <= frozen
    assert gc.is_tracked(made_later[0])
