"""Load a TimelineJS export in the real TimelineJS, in headless Chromium, and list its slides.

    python scripts/check_timelinejs.py timeline.json                 # slide ids, in order
    python scripts/check_timelinejs.py timeline.json --shot out.png  # a screenshot as well

TimelineJS (npm ``@knight-lab/timelinejs``, the version in ``VERSION``) is taken from
``$TIMELINEJS_DIR`` when set (a folder holding ``node_modules/@knight-lab/timelinejs``), else
installed once with npm into a cache folder outside the repository
(``$XDG_CACHE_HOME/timeline-checks``, else ``~/.cache/timeline-checks``). The page loads only
local files. Prints, one per line, each slide's id and its marker's label as TimelineJS built
them. Exit status 2 when Chromium, or TimelineJS and npm, are missing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from pathlib import Path

PACKAGE = "@knight-lab/timelinejs"
VERSION = "3.9.11"
#: The window the timeline is drawn in, in CSS pixels.
WINDOW = (1280, 800)


def chromium() -> str | None:
    """The Chromium command on PATH, if any."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


class Missing(Exception):
    """What the check needs and cannot find, in words."""


def _cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "timeline-checks" / f"timelinejs-{VERSION}"


def _dist(folder: Path) -> Path:
    return folder / "node_modules" / PACKAGE / "dist"


def timelinejs() -> Path:
    """TimelineJS's ``dist`` folder (``js/timeline.js``, ``css/timeline.css``), installing it
    with npm into the cache on first use."""
    given = os.environ.get("TIMELINEJS_DIR")
    folder = Path(given) if given else _cache()
    dist = _dist(folder)
    if (dist / "js" / "timeline.js").is_file():
        return dist
    if given:
        raise Missing(f"TIMELINEJS_DIR={given} holds no {PACKAGE}")
    npm = shutil.which("npm")
    if npm is None:
        raise Missing(f"npm is not installed (needed once to fetch {PACKAGE})")
    folder.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund",
             "--ignore-scripts", "--no-save", f"{PACKAGE}@{VERSION}"],
            check=True, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as err:
        detail = (getattr(err, "stderr", "") or "").strip().splitlines()[-1:]
        raise Missing(f"npm could not install {PACKAGE}@{VERSION}: {' '.join(detail)}") from None
    if not (dist / "js" / "timeline.js").is_file():
        raise Missing(f"npm installed {PACKAGE}@{VERSION} without dist/js/timeline.js")
    return dist


def page(data: str, dist: Path) -> str:
    """An HTML page that draws the TimelineJS JSON ``data`` with TimelineJS from ``dist``."""
    # JSON inside a script element: "</" and "<!--" must not end or open anything there.
    inline = data.replace("<", "\\u003c")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="{escape((dist / "css" / "timeline.css").as_uri())}">
<script src="{escape((dist / "js" / "timeline.js").as_uri())}"></script>
</head><body style="margin:0">
<div id="timeline-embed" style="width:100%;height:{WINDOW[1]}px"></div>
<script>window.timeline = new TL.Timeline("timeline-embed", {inline});</script>
</body></html>
"""


@dataclass(frozen=True)
class Slide:
    id: str
    classes: str


@dataclass(frozen=True)
class Built:
    """What TimelineJS built: its slides and its time-axis markers, in document order."""

    slides: list[Slide]
    markers: list[dict[str, str]]  # each marker's attributes, references resolved
    labels: list[str]  # every aria-label on the page, references resolved


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.slides: list[Slide] = []
        self.markers: list[dict[str, str]] = []
        self.labels: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        classes = found.get("class", "").split()
        if "tl-slide" in classes:
            self.slides.append(Slide(found.get("id", ""), found.get("class", "")))
        if "tl-timemarker" in classes:
            self.markers.append(found)
        if "aria-label" in found:
            self.labels.append(found["aria-label"])


def load(data: str, *, shot: Path | None = None) -> Built:
    """Draw ``data`` (TimelineJS JSON) in headless Chromium and read back what was built."""
    command = chromium()
    if command is None:
        raise Missing("Chromium is not installed")
    dist = timelinejs()
    with tempfile.TemporaryDirectory(prefix="timelinejs-") as tmp:
        html = Path(tmp) / "page.html"
        html.write_text(page(data, dist), encoding="utf-8")
        extra = ["--dump-dom"]
        if shot is not None:
            extra = [f"--screenshot={shot.resolve()}", "--hide-scrollbars"]
        dom = _chromium(command, html, Path(tmp) / "profile", extra).stdout
        if shot is not None:
            dom = _chromium(command, html, Path(tmp) / "profile", ["--dump-dom"]).stdout
    reader = _Reader()
    reader.feed(dom)
    return Built(reader.slides, reader.markers, reader.labels)


def _chromium(command: str, html: Path, profile: Path, extra: list[str]):
    return subprocess.run(
        [command, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", f"--window-size={WINDOW[0]},{WINDOW[1]}",
         "--virtual-time-budget=10000", *extra, html.as_uri()],
        check=True, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def main(argv: list[str]) -> int:
    if len(argv) not in (1, 3) or (len(argv) == 3 and argv[1] != "--shot"):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    data = Path(argv[0]).read_text(encoding="utf-8")
    json.loads(data)  # a clear error before Chromium starts, if it is not JSON
    try:
        built = load(data, shot=Path(argv[2]) if len(argv) == 3 else None)
    except Missing as err:
        print(err, file=sys.stderr)
        return 2
    for slide in built.slides:
        print(slide.id)
    for marker in built.markers:
        label = re.sub(r"\s+", " ", marker.get("aria-label", ""))
        print(f"marker: {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
