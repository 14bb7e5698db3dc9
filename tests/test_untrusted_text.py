"""Text from documents is data: control sequences never reach a terminal, and only web
addresses become links."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.dates import DateValue
from timeline.models import Event, SourceRef
from timeline.render.markdown import render_markdown

ESC = "\x1b"
#: Clear the screen, write to the clipboard (OSC 52), colour; a C1 CSI; a bell.
NASTY = f"{ESC}[2J{ESC}]52;c;SGVsbG8=\x07 {ESC}[31mred{ESC}[0m \x9b31m"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "001_a.txt").write_text(
        f"In June 2018 the board {NASTY} met.\nOn 1 March 2023 it ended.\n", encoding="utf-8"
    )
    (docs / f"002_{ESC}[1mbold.txt").write_text("In 2019 things happened.\n", encoding="utf-8")
    (docs / f"003_{ESC}]0;title\x07.txt").write_bytes(b"\x00\x01 binary")
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_printable_keeps_length_tabs_and_newlines() -> None:
    from timeline.printable import printable

    shown = printable(f"a{NASTY}\tb\nc\x7f")
    assert not RAW.search(shown)
    assert len(shown) == len(f"a{NASTY}\tb\nc\x7f")
    assert "␛[2J" in shown and "\tb\nc␡" in shown
    assert printable("plain text, “quotes”, é") == "plain text, “quotes”, é"


def test_json_printable_says_the_same() -> None:
    from timeline.printable import json_printable

    text = json.dumps({"q": NASTY + "\x85\x7f"}, ensure_ascii=False)
    safe = json_printable(text)
    assert not RAW.search(safe)
    assert json.loads(safe) == json.loads(text)


@pytest.mark.parametrize(
    "command",
    [
        ["show", "docs", "--quotes"],
        ["explain", "001:june-2018", "docs"],
        ["explain", "001:june-2018", "docs", "-f", "json"],
        ["review", "docs"],
        ["review", "docs", "-f", "text"],
        ["review", "docs", "-f", "json"],
        ["check", "docs", "-c", "none.yaml"],
        ["check", "docs", "-c", "none.yaml", "-f", "json"],
        ["extract", "docs"],
        ["export", "docs", "-f", "json"],
        ["export", "docs", "-f", "timelinejs"],
    ],
)
def test_no_control_character_is_printed(project: Path, command: list[str]) -> None:
    (project / "none.yaml").write_text("events: {}\n", encoding="utf-8")
    result = invoke(*command)
    assert result.stdout, result.stderr
    assert not RAW.search(result.stdout), [m.group() for m in RAW.finditer(result.stdout)]
    assert not RAW.search(result.stderr), result.stderr
    assert "003_␛]0;title␇.txt: skipped" in result.stderr  # the warning names the file


def test_show_keeps_its_layout_with_the_controls_made_visible(project: Path) -> None:
    out = invoke("show", "docs", "--quotes").stdout
    assert "␛[2J␛]52;c;SGVsbG8=" in out and "[002] docs/002_␛[1mbold.txt" in out


def test_review_append_with_a_control_character_in_a_file_name(project: Path) -> None:
    (project / "events.yaml").write_text("events: {}\n", encoding="utf-8")
    result = invoke("review", "docs", "-c", "events.yaml", "--append")
    assert result.exit_code == 1, result.stderr  # a document was skipped
    assert ESC not in (project / "events.yaml").read_text(encoding="utf-8")
    assert invoke("check", "docs", "-c", "events.yaml").exit_code == 1  # loads; one skipped


def test_an_export_on_a_terminal_is_made_printable(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import timeline.cli as cli

    monkeypatch.setattr(cli, "_on_terminal", lambda: True)
    assert not RAW.search(invoke("export", "docs").stdout)
    monkeypatch.setattr(cli, "_on_terminal", lambda: False)
    assert ESC in invoke("export", "docs").stdout  # a file keeps the text as it is


# ----------------------------------------------------------------------------- links
def _event(url: str) -> Event:
    ref = SourceRef("docs/001_a.txt", source_url=url)
    return Event("e", DateValue.of_year(2019), "Something", [ref])


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox",
        "file:///etc/passwd",
    ],
)
def test_only_web_addresses_become_links_in_markdown(url: str) -> None:
    text = render_markdown([_event(url)])
    assert f"<{url}>" not in text
    footnote = text.splitlines()[-1]
    assert "<" not in footnote and "](" not in footnote


@pytest.mark.parametrize("url", ["https://example.org/a?b=1&c=2", "HTTP://EXAMPLE.ORG/"])
def test_web_addresses_are_links_in_markdown(url: str) -> None:
    assert f"<{url}>" in render_markdown([_event(url)])


def test_a_web_address_with_a_line_break_is_not_a_link() -> None:
    assert "<https://example.org/\n>" not in render_markdown([_event("https://example.org/\n")])


def test_terminal_rendering_has_no_raw_control_characters() -> None:
    import io

    from rich.console import Console

    from timeline.render.terminal import render_terminal

    ref = SourceRef(f"docs/{ESC}[1m.txt", source_title=NASTY, source_url=NASTY, quote=NASTY)
    event = Event("e", DateValue.of_year(2019), NASTY, [ref], note=NASTY)
    buffer = io.StringIO()
    render_terminal([event], Console(file=buffer, width=80, color_system=None), quotes=True)
    assert not RAW.search(buffer.getvalue().replace("\n", "")), buffer.getvalue()
    assert "␛[2J" in buffer.getvalue()
