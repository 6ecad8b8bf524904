"""Errors a user can meet, with a message in their language."""

from __future__ import annotations

from typing import Any

from i18n import _


class UserError(Exception):
    """A problem the user can understand and fix; the message is a msgid with placeholders."""

    def __init__(self, msgid: str, **params: Any) -> None:
        super().__init__(msgid)
        self.msgid = msgid
        self.params = params

    def message(self, gettext=_) -> str:
        return gettext(self.msgid).format(**self.params)

    def __str__(self) -> str:
        return self.message()


class DistrictFileError(UserError):
    """The district file cannot be opened, read or written."""


class DocumentError(UserError):
    """A JSON document that cannot become a district."""
