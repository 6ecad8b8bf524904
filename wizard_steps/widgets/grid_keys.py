"""Leaving a grid with the keyboard: an item view keeps Tab for its cells (and an open cell
editor sends Tab to the next cell), so without help the focus never leaves it. Ctrl+Tab and
Ctrl+Shift+Tab leave any grid; a grid made with ``tab_leaves`` lets plain Tab leave too."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QStyledItemDelegate, QWidget


def leaving(event: QEvent, tab_leaves: bool) -> bool | None:
    """For a key that leaves the grid: True forwards, False backwards; None otherwise."""
    if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return None
    if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
        return None
    if not tab_leaves and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
        return None
    backwards = event.key() == Qt.Key.Key_Backtab or bool(
        event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return not backwards


def focus_past(view: QWidget, forwards: bool) -> None:
    """Give the focus to the first widget outside ``view`` in the tab chain."""
    widget: QWidget | None = view
    for _step in range(10000):  # a chain is a cycle; this only bounds a broken one
        assert widget is not None
        widget = widget.nextInFocusChain() if forwards else widget.previousInFocusChain()
        if widget is None or widget is view:
            return
        if view.isAncestorOf(widget) or not widget.isVisible() or not widget.isEnabled():
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus and \
                widget.focusProxy() is None:
            widget.setFocus(Qt.FocusReason.TabFocusReason if forwards
                            else Qt.FocusReason.BacktabFocusReason)
            return


class GridKeys(QObject):
    """Installed on a view: the keys that leave it, from the view and from a cell editor."""

    def __init__(self, view: QAbstractItemView, tab_leaves: bool = False) -> None:
        super().__init__(view)
        self.view = view
        self.tab_leaves = tab_leaves
        if tab_leaves:
            view.setTabKeyNavigation(False)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        del watched  # only the view is watched
        forwards = leaving(event, self.tab_leaves)
        if forwards is None:
            return False
        focus_past(self.view, forwards)
        return True


class LeavingDelegate(QStyledItemDelegate):
    """A delegate whose cell editors let the leaving keys out of the grid (a plain delegate
    turns Tab, with any modifier, into "edit the next cell")."""

    def __init__(self, view: QAbstractItemView, tab_leaves: bool = False) -> None:
        super().__init__(view)
        self.view = view
        self.tab_leaves = tab_leaves

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        forwards = leaving(event, self.tab_leaves)
        if forwards is None or not isinstance(editor, QWidget):
            return super().eventFilter(editor, event)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        focus_past(self.view, forwards)
        return True
