"""Where the program may write an output (PDF, JSON, calendar, copy): never over a district.

A district is recognised by its content (SQLite's header and our ``application_id``), not by its
name: a district renamed ``notes.pdf`` is still protected. The input of a command and the
district open in the window are refused too, whatever they contain; any other existing file is
replaced only when the user has said so (``--force``, or yes in the window).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from desktop.core.district_file.file import APPLICATION_ID
from desktop.core.district_file.header import SQLITE_HEADER
from desktop.core.errors import UserError
from i18n import N_

APPLICATION_ID_OFFSET = 68  # where SQLite keeps PRAGMA application_id in the file's header


class OutputRefusedError(UserError):
    """The output would destroy a district or the input it is made from."""


class OutputExistsError(UserError):
    """The output is an existing file the user has not agreed to replace."""


def is_district_file(path: Path) -> bool:
    """True when ``path`` holds a district, whatever its name."""
    try:
        with path.open("rb") as handle:
            header = handle.read(APPLICATION_ID_OFFSET + 4)
    except OSError:
        return False
    return (header.startswith(SQLITE_HEADER) and len(header) == APPLICATION_ID_OFFSET + 4
            and int.from_bytes(header[APPLICATION_ID_OFFSET:], "big") == APPLICATION_ID)


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return first.resolve() == second.resolve()


def check_output(path: str | os.PathLike[str], protected: Iterable[str | os.PathLike[str]] = (),
                 replace: bool = False) -> Path:
    """The output path, once it is safe to write: in an existing folder, not a folder, not one
    of the ``protected`` files (the input, the open district), not a district, and not an
    existing file unless ``replace``."""
    target = Path(path)
    if not target.parent.resolve().is_dir():
        raise UserError(N_("The folder {path} does not exist."), path=target.parent)
    if target.is_dir():
        raise UserError(N_("{path} is a folder, not a file."), path=target)
    if any(_same_file(target, Path(source)) for source in protected):
        raise OutputRefusedError(N_("{path} is the file being read: choose another name for the "
                               "output."), path=target)
    if not target.exists():
        return target
    if is_district_file(target):
        raise OutputRefusedError(N_("{path} is a district file: DES Wizard never writes over a "
                               "district. Choose another name."), path=target)
    if not replace:
        raise OutputExistsError(N_("The file {path} already exists; add --force to replace it."),
                           path=target)
    return target
