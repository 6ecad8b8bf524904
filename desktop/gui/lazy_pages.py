"""The step pages of the wizard, each built the first time it is needed.

Building all eleven pages before the first is shown cost about 370 ms with the example and
seconds with a thousand members; a page that is never visited is never built. Until then a
plain placeholder holds its place in the stack, so indexes stay those of the steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import overload

from PySide6.QtWidgets import QStackedWidget, QWidget

from wizard_steps.fields import Step
from wizard_steps.widgets.page import StepPage


class LazyPages(Sequence[StepPage]):
    def __init__(self, stack: QStackedWidget, steps: Sequence[Step],
                 build: Callable[[Step], StepPage]) -> None:
        self._stack = stack
        self._steps = steps
        self._build = build
        self._built: dict[int, StepPage] = {}
        for _step in steps:
            stack.addWidget(QWidget(stack))

    def __len__(self) -> int:
        return len(self._steps)

    @overload
    def __getitem__(self, index: int) -> StepPage: ...

    @overload
    def __getitem__(self, index: slice) -> list[StepPage]: ...

    def __getitem__(self, index: int | slice) -> StepPage | list[StepPage]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        index = range(len(self))[index]  # negative indexes and bounds, as a list has them
        if index not in self._built:
            placeholder = self._stack.widget(index)
            assert placeholder is not None
            current = self._stack.currentIndex()
            page = self._build(self._steps[index])
            self._stack.insertWidget(index, page)
            self._stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._stack.setCurrentIndex(current)
            self._built[index] = page
        return self._built[index]

    def __iter__(self) -> Iterator[StepPage]:
        return (self[index] for index in range(len(self)))

    def built(self) -> list[StepPage]:
        """The pages built so far: only they have anything to flush or translate."""
        return [self._built[index] for index in sorted(self._built)]

    def index_of(self, predicate: Callable[[Step], bool]) -> int:
        return next(i for i, step in enumerate(self._steps) if predicate(step))
