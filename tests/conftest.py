"""Shared test set-up: no test ever reads or writes the user's own cache, or uses their
cluster."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    directory = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(directory))
    # Nor runs on a cluster because the user's environment names one.
    monkeypatch.delenv("TIMELINE_SCHEDULER", raising=False)
    monkeypatch.delenv("TIMELINE_SHARED_FILES", raising=False)
    return directory
