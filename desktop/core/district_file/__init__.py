"""The district file: one SQLite file per district."""

from desktop.core.district_file.file import (
    APPLICATION_ID,
    ATTACHMENT_TYPES,
    GENERIC_ROWS,
    MEMBER_TABLE,
    DistrictFile,
)
from desktop.core.district_file.migrations import MIGRATIONS, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "ATTACHMENT_TYPES", "GENERIC_ROWS", "MEMBER_TABLE", "MIGRATIONS",
           "SCHEMA_VERSION", "DistrictFile"]
