"""What the program remembers between runs: the language, the recent districts, the window.

A small JSON file in the user's configuration folder (``DES_WIZARD_CONFIG_DIR`` overrides it,
which the tests use). A damaged file is ignored rather than stopping the program.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from platformdirs import user_config_dir, user_documents_dir

MAX_RECENT = 8


def config_dir() -> Path:
    override = os.environ.get("DES_WIZARD_CONFIG_DIR")
    return Path(override) if override else Path(user_config_dir("des-wizard", appauthor=False))


@dataclass
class Settings:
    language: str = ""
    recent: list[str] = field(default_factory=list)
    window_geometry: str = ""  # Qt's saveGeometry(), base64: size, place, maximised
    show_help: bool = True  # the help panel beside each step
    trust_list: str = ""  # certification authorities imported for signatures: file or folder

    @property
    def last_district(self) -> str:
        return self.recent[0] if self.recent else ""

    def remember(self, path: str | os.PathLike[str]) -> None:
        text = str(Path(path).resolve())
        self.recent = [text] + [p for p in self.recent if p != text][: MAX_RECENT - 1]

    def forget(self, path: str | os.PathLike[str]) -> None:
        text = str(Path(path).resolve())
        self.recent = [p for p in self.recent if p != text]


def _file() -> Path:
    return config_dir() / "settings.json"


def load() -> Settings:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
        return Settings(language=str(data.get("language", "")),
                        recent=[str(p) for p in data.get("recent", [])][:MAX_RECENT],
                        window_geometry=str(data.get("window_geometry", "")),
                        show_help=bool(data.get("show_help", True)),
                        trust_list=str(data.get("trust_list", "")))
    except (OSError, ValueError, AttributeError):
        return Settings()


def save(settings: Settings) -> None:
    folder = config_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(suffix=".json-new", dir=folder)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(asdict(settings), out, ensure_ascii=False, indent=2)
        os.replace(temporary, _file())
    except OSError:
        return  # remembering preferences is a convenience, never a reason to fail


def documents_dir() -> Path:
    """Where new districts and exports go unless the user says otherwise."""
    override = os.environ.get("DES_WIZARD_DOCUMENTS_DIR")
    if override:
        return Path(override)
    return Path(user_documents_dir()) / "DES Wizard"
