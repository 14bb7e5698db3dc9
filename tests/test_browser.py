"""The HTML page as headless Chromium builds and draws it.

Skipped when Chromium is not installed.
"""

from __future__ import annotations

import importlib.util
import re
import struct
import sys
from html import unescape
from pathlib import Path

import pytest

from render_fixtures import EVENTS, TITLE
from timeline.render.html import render_html

_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "check_browser.py"
_spec = importlib.util.spec_from_file_location("check_browser", _SCRIPT)
check = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
sys.modules.setdefault("check_browser", check)
_spec.loader.exec_module(check)  # type: ignore[union-attr]

CHROMIUM = check.chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "timeline.html"
    path.write_text(render_html(EVENTS, title=TITLE), encoding="utf-8")
    return path


def test_browser_builds_every_event_in_order(page: Path) -> None:
    dom = check.dump_dom(CHROMIUM, page)
    titles = [unescape(t) for t in re.findall(r'<h3 class="title">(.*?)</h3>', dom)]
    assert titles == [event.title for event in EVENTS]
    assert re.search(r"<h1>(.*?)</h1>", dom).group(1) == TITLE  # type: ignore[union-attr]
    assert "<b>upheld</b>" not in dom  # stayed text
    assert dom.count("<mark>") == sum(1 for e in EVENTS for r in e.sources if r.quote)


def test_phone_screenshot_is_a_png_of_the_window_size(page: Path, tmp_path: Path) -> None:
    shot = check.screenshot(CHROMIUM, page, tmp_path / "shot.png")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == check.PHONE
    assert len(data) > 10_000  # drawn, not blank
