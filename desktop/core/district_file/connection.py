"""The open SQLite connection of a district, with plain sqlite3 on every path a user waits on.

sqlite-utils (and through it click, pluggy, dateutil and, when installed, numpy) costs more
than 100 ms and 14 MiB at start-up; it earns its place only where tables are created or
altered, so migrations get it on demand and opening, reading and saving do not.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table


class Connection:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils: Database | None = None

    def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters or ())

    def utils(self) -> Database:
        """sqlite-utils on the same connection, for schema changes."""
        if self._utils is None:
            from sqlite_utils import Database  # deferred: see the module's note

            self._utils = Database(self.conn)
        return self._utils

    def __getitem__(self, table: str) -> Table:
        return self.utils().table(table)
