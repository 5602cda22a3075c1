"""Shared fixtures: one build of the seeds per test session (the end-to-end tests read it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
RELEASE_DATE = "2026-01-31"


@pytest.fixture(scope="session", autouse=True)
def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """One content-addressed cache (per-document results, validated packages) for every build of the
    session, as one build folder would have: each build still runs every step and check, but does not
    re-segment a text or re-validate a package that an earlier build of the session made."""
    os.environ["PIPELINE_CACHE"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def _fixed_release_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIPELINE_RELEASE_DATE", RELEASE_DATE)


@pytest.fixture(scope="session", autouse=True)
def _temporary_dagster_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Runs of the CLI are recorded in a throwaway instance, never in the project's .dagster_home/."""
    os.environ["DAGSTER_HOME"] = str(tmp_path_factory.mktemp("dagster_home"))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built into a temporary folder; returns the checked package folder."""
    out = tmp_path_factory.mktemp("build")
    os.environ.setdefault("PIPELINE_RELEASE_DATE", RELEASE_DATE)
    code = main(["build", "--seeds", str(SEEDS), "--out", str(out), "--datasets", str(out / "no-datasets")])
    assert code == 0, "the build of the seeds failed"
    return out / "package"
