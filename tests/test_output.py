"""Where ``export -o`` writes: files replaced atomically, devices and pipes written through,
anything else refused, and never a document, the curated file or a documents folder."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.output import OutputError, write_export

ROOT = Path(__file__).resolve().parent.parent
DOC = "The school was inspected in June 2018 and reopened on 16 May 2022.\n"
ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="making device nodes needs root")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/001_a.txt").write_text(DOC, encoding="utf-8")
    (tmp_path / "docs/002_b.txt").write_text(DOC, encoding="utf-8")
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


# ----------------------------------------------------------------------------- what the target is
def test_a_named_pipe_is_written_through_not_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    try:
        write_export("through the pipe\n", pipe)
        reader.join(timeout=30)
        assert received == [b"through the pipe\n"]
        assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    finally:
        if reader.is_alive():  # nothing was written to the pipe: let the reader go
            with open(pipe, "wb"):
                pass


@ROOT_ONLY
def test_a_character_device_is_written_through_not_replaced(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the same device as /dev/null
    write_export("gone\n", null)
    assert stat.S_ISCHR(os.stat(null).st_mode)
    link = tmp_path / "link"
    link.symlink_to(null)
    write_export("gone\n", link)
    assert link.is_symlink() and stat.S_ISCHR(os.stat(null).st_mode)


@ROOT_ONLY
def test_a_block_device_is_refused(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    os.mknod(disk, stat.S_IFBLK | 0o600, os.makedev(7, 250))
    with pytest.raises(OutputError, match="block device"):
        write_export("x", disk)
    assert stat.S_ISBLK(os.stat(disk).st_mode)


def test_a_socket_and_a_folder_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(OutputError, match="socket"):
            write_export("x", path)
        assert stat.S_ISSOCK(os.stat(path).st_mode)
    finally:
        server.close()
    with pytest.raises(OutputError, match="folder"):
        write_export("x", tmp_path)


def test_a_file_is_replaced_keeping_its_permissions_and_the_link_to_it(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_export("new\n", link)
    assert link.is_symlink() and real.read_text() == "new\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


def test_a_failed_write_to_a_device_is_a_clear_error(tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with pytest.raises(OutputError, match="/dev/full: cannot write"):
        write_export("x" * 100_000, Path("/dev/full"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("-", 1), ("/dev/stdout", 1), ("/dev/stderr", 2), ("/dev/fd/3", 3),
     ("/proc/self/fd/1", 1), ("/dev/stdin", 0), ("out.md", None), ("./-", None)],
)  # fmt: skip
def test_descriptors_named_as_paths(name: str, expected: int | None) -> None:
    from timeline.output import output_descriptor

    assert output_descriptor(name) == expected


# ----------------------------------------------------------------------------- the command
def test_dash_and_dev_stdout_mean_standard_output(project: Path) -> None:
    for target in ("-", "/dev/stdout"):
        result = invoke("export", "docs", "-o", target)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.startswith("# Timeline")
    assert not (project / "-").exists()


def test_no_path_inside_a_documents_folder(project: Path) -> None:
    for target in ("docs/003_new.txt", "docs/timeline.csv", "docs/sub/timeline.md"):
        (project / "docs/sub").mkdir(exist_ok=True)
        result = invoke("export", "docs", "-o", target)
        assert result.exit_code == 2
        assert "inside the documents folder docs" in result.stderr
        assert not (project / target).exists()


def test_no_document_format_beside_a_document_read(project: Path) -> None:
    (project / "docs/003_c.txt").write_text("Written in 1999.\n", encoding="utf-8")
    result = invoke("export", "docs/001_a.txt", "-o", "docs/003_c.txt")
    assert result.exit_code == 2
    assert "beside the document docs/001_a.txt" in result.stderr
    assert (project / "docs/003_c.txt").read_text(encoding="utf-8") == "Written in 1999.\n"
    assert invoke("export", "docs/001_a.txt", "-o", "docs/new.md").exit_code == 2
    allowed = invoke("export", "docs/001_a.txt", "-f", "csv", "-o", "docs/timeline.csv")
    assert allowed.exit_code == 0, allowed.stderr


def _run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args], env=env, capture_output=False,
        stderr=subprocess.PIPE, text=True, timeout=120, **kwargs,
    )  # fmt: skip


@pytest.mark.parametrize("command", [["export"], ["show"], ["extract"]])
def test_a_full_disk_on_standard_output_is_one_line_and_exit_2(
    project: Path, command: list[str]
) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        done = _run(*command, "docs", stdout=full, cwd=project)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == (
        "timeline: error: cannot write to standard output (No space left on device)"
    )
    assert "Traceback" not in done.stderr
