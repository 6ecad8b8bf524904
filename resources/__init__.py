"""Files the program ships: fonts, icons, the example district. Found next to this package,
frozen or not.

PyInstaller's build.spec puts them at the same relative place inside the bundle, so
``Path(__file__).parent`` is right in both cases and no other code needs to know.
"""

from pathlib import Path

RESOURCE_DIR = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    return RESOURCE_DIR.joinpath(*parts)
