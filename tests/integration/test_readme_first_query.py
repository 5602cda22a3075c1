"""The root README's one-minute path, run literally: unpack the newest release's zip in a folder outside
the repository, run the README's DuckDB command and its pandas snippet there, get the same answer."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.release.folders import versions
from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # builds, publishes or runs Dagster: not in `make test-fast`

RELEASES = ROOT / "datasets" / "china-health-work-plans"


def _minute_section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## A first query in one minute", 1)[1].split("\n## ", 1)[0]


def _blocks(section: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)```", section, re.DOTALL)


def _rows(output: str) -> list[tuple[str, str]]:
    """(province, count) pairs from a DuckDB box or a pandas frame print."""
    pairs = re.findall(r"([A-Z][A-Za-z' ]+?)\s*│?\s+20\d\d\s+│?\s*(\d+)", output)
    return [(name.strip(), count) for name, count in pairs]


def test_readme_names_no_published_version():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for version in versions(RELEASES):
        assert version not in text, f"README.md hard-codes the version {version}: point at latest.zip or LATEST"


def test_readme_first_query_runs_by_copy_paste_outside_the_repository(tmp_path: Path):
    assert (RELEASES / "latest.zip").is_file(), "no latest.zip: run `python -m pipeline publish`"
    zipped = tmp_path / "latest.zip"
    shutil.copy(RELEASES / "latest.zip", zipped)  # the one file a researcher downloads
    unpack, duckdb_block, pandas_block = _blocks(_minute_section())[:3]
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "duckdb").exists():
        pytest.skip("the duckdb command (duckdb-cli) is not installed in this environment")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    # the unpack block without its install line (no network in tests; the venv has the packages)
    steps = [line for line in unpack.splitlines() if "pip install" not in line]
    script = "\n".join(["set -euo pipefail", *steps, duckdb_block, pandas_block])
    result = subprocess.run(
        [shutil.which("bash") or "/bin/bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    duckdb_rows = _rows(result.stdout.split("dtype")[0].split("name_en")[0])
    pandas_rows = _rows(result.stdout.split("name_en", 1)[1])
    assert len(duckdb_rows) == 5 and duckdb_rows == pandas_rows, result.stdout
