"""The curated file: updated in place of being replaced (links, owner, permissions kept),
appends serialised by a lock, no leftovers, and read only when it is a bounded regular file."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.curation import CurationError, load_curation
from timeline.curation import append as append_module
from timeline.curation.append import append_stubs

ROOT = Path(__file__).resolve().parent.parent
ORIGINAL = "# mine\nevents:\n  001:june-2018:\n    title: Kept as it is\n"
STUB_A = "events:\n  001:may-2019:\n    title: A\n"
STUB_B = "events:\n  001:july-2020:\n    title: B\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name or ".bak" in p.name)


# ----------------------------------------------------------------------------- in place
def test_a_symbolic_link_is_written_through(folder: Path) -> None:
    (folder / "real").mkdir()
    real = folder / "real/events.yaml"
    real.write_text(ORIGINAL, encoding="utf-8")
    link = folder / "events.yaml"
    link.symlink_to(real)
    result = append_stubs(link, STUB_A)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith(ORIGINAL) and "title: A" in real.read_text()
    assert Path(result.backup).read_text(encoding="utf-8") == ORIGINAL
    assert Path(result.backup).parent == real.parent


def test_hard_links_stay_one_file(folder: Path) -> None:
    path = folder / "events.yaml"
    path.write_text(ORIGINAL, encoding="utf-8")
    other = folder / "also.yaml"
    os.link(path, other)
    append_stubs(path, STUB_A)
    assert os.stat(path).st_ino == os.stat(other).st_ino and os.stat(path).st_nlink == 2
    assert other.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")
    assert "title: A" in other.read_text(encoding="utf-8")
    assert load_curation(other).corrections.keys() == {"001:june-2018", "001:may-2019"}


def test_owner_and_permissions_are_kept(folder: Path) -> None:
    path = folder / "events.yaml"
    path.write_text(ORIGINAL, encoding="utf-8")
    path.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(path, 1234, 2345)
    before = os.stat(path)
    append_stubs(path, STUB_A)
    after = os.stat(path)
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)


# ----------------------------------------------------------------------------- two at once
def test_two_appends_at_once_both_land(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = folder / "events.yaml"
    path.write_text(ORIGINAL, encoding="utf-8")
    backup = append_module._backup

    def slow_backup(*args, **kwargs):  # widens the window between reading and writing
        time.sleep(0.4)
        return backup(*args, **kwargs)

    monkeypatch.setattr(append_module, "_backup", slow_backup)
    errors: list[BaseException] = []

    def run(stub: str) -> None:
        try:
            append_stubs(path, stub)
        except BaseException as err:  # noqa: BLE001 - reported by the assertion below
            errors.append(err)

    threads = [threading.Thread(target=run, args=(stub,)) for stub in (STUB_A, STUB_B)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    text = path.read_text(encoding="utf-8")
    assert text.startswith(ORIGINAL) and "title: A" in text and "title: B" in text
    assert len(load_curation(path).corrections) == 3


# ----------------------------------------------------------------------------- leftovers
def test_a_refused_append_leaves_nothing(folder: Path) -> None:
    path = folder / "events.yaml"
    path.write_text(ORIGINAL, encoding="utf-8")
    with pytest.raises(CurationError, match="would not load"):
        append_stubs(path, "events:\n  001:june-2018:\n    title: again\n")
    assert path.read_text(encoding="utf-8") == ORIGINAL
    assert leftovers(folder) == []


def test_an_append_killed_midway_leaves_nothing_after_the_next(folder: Path) -> None:
    path = folder / "events.yaml"
    path.write_text(ORIGINAL, encoding="utf-8")
    code = (
        "import time, sys\n"
        "from timeline.curation import append\n"
        "write = append._write\n"
        "def slow(*a, **k):\n"
        "    open('ready', 'w').close(); time.sleep(60); write(*a, **k)\n"
        "append._write = slow\n"
        f"append.append_stubs('events.yaml', {STUB_A!r})\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen([sys.executable, "-c", code], cwd=folder, env=env)
    deadline = time.monotonic() + 60
    while not (folder / "ready").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    (folder / ".events.yaml.tmp-999999").write_text("half", encoding="utf-8")  # as if killed
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert path.read_text(encoding="utf-8") == ORIGINAL
    assert "events.yaml.bak" in leftovers(folder)  # made before it was killed
    result = append_stubs(path, STUB_B)
    assert leftovers(folder) == ["events.yaml.bak"] == [Path(result.backup).name]
    assert (folder / "events.yaml.bak").read_text(encoding="utf-8") == ORIGINAL


# ----------------------------------------------------------------------------- reading it
def test_a_device_is_not_read_as_a_curated_file() -> None:
    for device in ("/dev/zero", "/dev/urandom"):
        if Path(device).exists():
            with pytest.raises(CurationError, match="this is a device, not a file"):
                load_curation(device)


def test_a_named_pipe_is_an_error_not_a_hang(folder: Path) -> None:
    os.mkfifo(folder / "events.yaml")
    (folder / "docs").mkdir()
    (folder / "docs/001_a.txt").write_text("In June 2018 it rained.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "check", "docs", "-c", "events.yaml"],
        cwd=folder, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "events.yaml:1:1: this is a named pipe, not a file" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_curated_file_over_the_limit_is_refused(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from timeline.curation import loader

    monkeypatch.setattr(loader, "MAX_BYTES", 1000, raising=False)
    path = folder / "events.yaml"
    path.write_text(ORIGINAL + "# padding\n" * 200, encoding="utf-8")
    with pytest.raises(CurationError, match="larger than 0 MB|larger than"):
        load_curation(path)
    result = CliRunner().invoke(app, ["check", "-c", "events.yaml", str(folder)])
    assert result.exit_code == 2 and "the most a curated file may be" in result.stderr


def test_aliases_are_bounded(folder: Path) -> None:
    big = "x" * 10_000
    entry = "  e{}:\n    date: 2019\n    title: *big\n    note: n\n"
    entries = "".join(entry.format(i) for i in range(200))
    path = folder / "events.yaml"
    path.write_text(f"add:\n  first:\n    date: 2019\n    title: &big {big}\n    note: n\n"
                    f"{entries}", encoding="utf-8")  # fmt: skip
    with pytest.raises(CurationError, match=r"aliases \(\*name\) in this file repeat more than"):
        load_curation(path)
    few = "".join(f"  e{i}:\n    date: 2019\n    title: *t\n    note: n\n" for i in range(5))
    path.write_text(f"add:\n  first:\n    date: 2019\n    title: &t Same title\n    note: n\n"
                    f"{few}", encoding="utf-8")  # fmt: skip
    assert len(load_curation(path).added) == 6
