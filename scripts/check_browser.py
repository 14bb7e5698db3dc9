"""Open a timeline HTML page in headless Chromium: print its DOM, or save a screenshot.

    python scripts/check_browser.py timeline.html                 # DOM as the browser built it
    python scripts/check_browser.py timeline.html --shot out.png  # a phone-width screenshot

Runs Chromium with a throw-away profile and its background networking switched off. Exit
status 2 when Chromium is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

#: A phone-sized window, in CSS pixels.
PHONE = (412, 900)


def chromium() -> str | None:
    """The Chromium command on PATH, if any."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(command: str, page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        return subprocess.run(
            [command, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", f"--user-data-dir={profile}", *extra, page.resolve().as_uri()],
            check=True, capture_output=True, text=True, timeout=120,
        )  # fmt: skip


def dump_dom(command: str, page: Path) -> str:
    """The page's DOM after the browser has loaded it, serialised as HTML."""
    return _run(command, page, "--dump-dom").stdout


def screenshot(command: str, page: Path, target: Path, size: tuple[int, int] = PHONE) -> Path:
    """A PNG of the page's first screen at ``size``."""
    _run(command, page, f"--screenshot={target.resolve()}", f"--window-size={size[0]},{size[1]}",
         "--hide-scrollbars")  # fmt: skip
    return target


def main(argv: list[str]) -> int:
    if not argv or len(argv) not in (1, 3) or (len(argv) == 3 and argv[1] != "--shot"):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    command = chromium()
    if command is None:
        print("chromium is not installed", file=sys.stderr)
        return 2
    page = Path(argv[0])
    if len(argv) == 3:
        print(screenshot(command, page, Path(argv[2])))
    else:
        sys.stdout.write(dump_dom(command, page))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
