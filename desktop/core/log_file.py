"""The program's log: a small rotating file in the user's log folder, never the console.

The frozen Windows build has no console (``sys.stderr`` is None), so nothing here writes to
it. Log lines name what happened and where in the code, never what the user typed: an
exception is logged with its type and traceback only, because its message may quote a value.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir

from desktop import __version__

LOG_DIR_VARIABLE = "DES_WIZARD_LOG_DIR"
LOG_NAME = "des-wizard.log"
LOGGER_NAME = "des_wizard"
MAX_BYTES = 512 * 1024
BACKUPS = 3

log = logging.getLogger(LOGGER_NAME)


def log_dir() -> Path:
    override = os.environ.get(LOG_DIR_VARIABLE)
    return Path(override) if override else Path(user_log_dir("des-wizard", appauthor=False))


def log_path() -> Path:
    return log_dir() / LOG_NAME


def setup_logging() -> Path | None:
    """Send the program's log to its file; returns the file, or None when it cannot be
    written (the program goes on without a log rather than failing to start)."""
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()
    log.setLevel(logging.INFO)
    log.propagate = False  # never up to the root logger and its console fallback
    target = log_path()
    # Here, not at import: logging.handlers brings socket and pickle, which the window's
    # first step does not need.
    from logging.handlers import RotatingFileHandler

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(target, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8")
    except OSError:
        log.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    return target


def versions() -> str:
    import platform  # only when a version line is written

    frozen = " (frozen)" if getattr(sys, "frozen", False) else ""
    # Not platform.platform(): it looks for the C library's version by reading the whole
    # executable, the 10 MiB one-folder program included (about 30 ms at every start).
    system = f"{platform.system()} {platform.release()} {platform.machine()}"
    return f"DES Wizard {__version__}{frozen}; Python {platform.python_version()}; {system}"


def traceback_without_values(error: BaseException) -> str:
    """Where the error happened, frame by frame, and its type; not its message."""
    frames = "".join(traceback.format_tb(error.__traceback__))
    return f"Traceback (most recent call last):\n{frames}{type(error).__qualname__}"


def log_unexpected(error: BaseException, where: str) -> None:
    log.error("unexpected %s in %s; %s\n%s", type(error).__qualname__, where, versions(),
              traceback_without_values(error))


def exception_of(kind: type[BaseException], error: BaseException | None,
                 trace: TracebackType | None) -> BaseException:
    """The exception ``sys.excepthook`` was given, with its traceback attached."""
    if error is None:
        error = kind()
    return error.with_traceback(trace) if trace is not None else error
