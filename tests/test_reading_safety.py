"""Reading documents: only regular files, every file passed over named with its reason, and
bounds on what one document or option can cost."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.pipeline import extract

ROOT = Path(__file__).resolve().parent.parent
TEXT = "In June 2018 the board met.\n"


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    Path("docs/sub").mkdir(parents=True)
    Path("docs/001_a.txt").write_text(TEXT, encoding="utf-8")
    Path("docs/sub/002_b.txt").write_text("In 2019 it ended.\n", encoding="utf-8")
    return tmp_path


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "timeline", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip


def test_a_named_pipe_in_a_folder_is_skipped_not_waited_on(docs: Path) -> None:
    os.mkfifo("docs/003_pipe.txt")
    done = run("extract", "docs", "--no-cache", cwd=docs)
    assert done.returncode == 1
    assert "docs/003_pipe.txt: skipped: a named pipe, not a file" in done.stderr
    assert '"source": "docs/001_a.txt"' in done.stdout
    named = run("extract", "docs/003_pipe.txt", cwd=docs)
    assert named.returncode == 2
    assert "docs/003_pipe.txt: a named pipe, not a file" in named.stderr
    device = run("extract", "/dev/zero", cwd=docs)
    assert device.returncode == 2 and "/dev/zero: a device, not a file" in device.stderr


def test_a_symbolic_link_loop_is_skipped_with_its_reason(docs: Path) -> None:
    os.symlink("l2.txt", "docs/l1.txt")
    os.symlink("l1.txt", "docs/l2.txt")
    result = extract([Path("docs")], cache=False)
    assert dict(result.collection.skipped) == {
        "docs/l1.txt": "a symbolic link loop (it leads back to itself)",
        "docs/l2.txt": "a symbolic link loop (it leads back to itself)",
    }
    assert len(result.documents) == 2
    named = CliRunner().invoke(app, ["extract", "docs/l1.txt"])
    assert named.exit_code == 2 and "symbolic link loop" in named.stderr
    assert named.exception is None or isinstance(named.exception, SystemExit)


def test_an_unreadable_folder_is_reported(docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scandir = os.scandir

    def locked(path=".", *args):
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path, *args)

    monkeypatch.setattr(os, "scandir", locked)
    result = extract([Path("docs")], cache=False)
    assert result.collection.skipped == [
        ("docs/sub", "folder cannot be read (Permission denied); nothing in it was read")
    ]
    assert [d.path for d in result.documents] == ["docs/001_a.txt"]


def test_utf32_is_read(docs: Path) -> None:
    for encoding in ("utf-32", "utf-32-be"):
        data = TEXT.encode(encoding)
        if encoding == "utf-32-be":
            data = b"\x00\x00\xfe\xff" + data
        Path("docs/003_u32.txt").write_bytes(data)
        result = extract([Path("docs/003_u32.txt")], cache=False)
        assert [c.text for c in result.candidates] == ["June 2018"], encoding
        assert result.candidates[0].quote == TEXT.strip()


def test_jobs_is_capped_and_says_so(docs: Path) -> None:
    from timeline.parallel import job_limit

    result = CliRunner().invoke(app, ["extract", "docs", "--jobs", "5000", "--no-cache"])
    assert result.exit_code == 0, result.stderr
    assert f"--jobs 5000 lowered to {job_limit()}" in result.stderr
    assert "June 2018" in result.stdout


def test_a_word_part_too_large_is_refused_before_it_is_read(
    docs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docx = pytest.importorskip("docx")
    from timeline.documents import word

    document = docx.Document()
    document.add_paragraph("In June 2018 the board met. " * 2000)
    buffer = io.BytesIO()
    document.save(buffer)
    Path("docs/003_c.docx").write_bytes(buffer.getvalue())
    assert len(extract([Path("docs/003_c.docx")], cache=False).candidates) >= 1
    monkeypatch.setattr(word, "MAX_PART_BYTES", 20_000, raising=False)
    result = extract([Path("docs/003_c.docx")], cache=False)
    ((name, reason),) = result.collection.skipped
    assert "part word/document.xml would expand to" in reason and reason.endswith("not read")
