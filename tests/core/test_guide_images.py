"""The user guide's pictures: every one it links exists, and every step has one at 1366×768
and at 1024×600 in both languages (made by docs/make_screenshots.py)."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from wizard_steps import STEPS

GUIDE = Path(__file__).resolve().parents[2] / "resources" / "guide"
SIZES = ((1366, 768), (1024, 600))


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_picture_the_guide_links_is_there(lang):
    text = (GUIDE / f"user-guide.{lang}.md").read_text()
    linked = re.findall(r"\((images/[^)]+\.png)\)", text)
    assert len(linked) >= 2 * (len(STEPS) + 2)
    assert [name for name in linked if not (GUIDE / name).is_file()] == []


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_step_has_its_picture_at_each_size(lang, size):
    folder = GUIDE / "images" / lang / f"{size[0]}x{size[1]}"
    names = ["00-welcome.png", *(f"{i + 1:02d}-{s.key}.png" for i, s in enumerate(STEPS)),
             f"{len(STEPS) + 1:02d}-review.png"]
    for name in names:
        assert png_size(folder / name) == size, name
    assert png_size(folder / "07b-forecast.png") == size
    # Kept small: a palette and strong compression (docs/make_screenshots.py).
    assert max(p.stat().st_size for p in folder.glob("*.png")) < 150_000
