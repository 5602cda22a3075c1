"""The SQLite copy of a release and `python -m pipeline serve`: the file opens in Python's sqlite3 with the
Parquet files' rows, the README's queries run in it, and Datasette, driven in headless Chromium, finds the
tasks that mention 医共体 and shows a plan's tasks in order and a task's passage in its document."""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import duckdb
import pytest

from pipeline import schema
from pipeline.cli.serve import cookbook_queries
from pipeline.package.sqlite import sqlite_file_name

pytestmark = pytest.mark.slow  # uses the session's build of the seeds

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _parquet(built: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for table in schema.table_names():
        con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{built}/data/{table}.parquet')")
    return con


def test_sqlite_opens_with_sqlite3_and_holds_the_parquet_rows(built: Path):
    path = built / sqlite_file_name()
    parquet = _parquet(built)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    for table in schema.table_names():
        expected = parquet.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        assert con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == expected, table
        assert con.execute("SELECT rows FROM _tables WHERE table_name = ?", (table,)).fetchone()[0] == expected
    # The same values: every task, in primary-key order, equal to the Parquet file's.
    columns = schema.select_columns("tasks")
    assert (
        con.execute(f"SELECT {columns} FROM tasks ORDER BY task_id").fetchall()
        == parquet.execute(f"SELECT {columns} FROM tasks ORDER BY task_id").fetchall()
    )
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []  # the declared keys hold


def test_search_finds_every_task_whose_title_or_text_holds_the_word(built: Path):
    con = sqlite3.connect(built / sqlite_file_name())
    for word in ("医共体", "托育", "中医药", "儿科"):
        searched = {
            row[0]
            for row in con.execute(
                "SELECT task_id FROM tasks WHERE rowid IN (SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH ?)",
                (f'"{word}"',),
            )
        }
        containing = {
            row[0]
            for row in con.execute(
                "SELECT task_id FROM tasks WHERE instr(coalesce(title, ''), ?) OR instr(coalesce(text, ''), ?)",
                (word, word),
            )
        }
        assert containing and searched == containing, word


def test_readme_queries_run_in_duckdb_and_in_the_sqlite_copy(built: Path):
    """Every SQL example of the release README runs in both and returns as many rows (a full-text search, over
    a <table>_fts table, in the SQLite copy only)."""
    queries = cookbook_queries((built / "README.md").read_text(encoding="utf-8"))
    assert len(queries) >= 10
    lite = sqlite3.connect(built / sqlite_file_name())
    duck = duckdb.connect()
    duck.execute(f"SET VARIABLE release = '{built}'")
    duck.execute((built / "open.sql").read_text(encoding="utf-8"))
    for title, sql in queries:
        rows = lite.execute(sql).fetchall()
        if "_fts" in sql:
            assert rows, title
            continue
        assert len(rows) == len(duck.execute(sql).fetchall()), title


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"serve exited with {server.returncode}: {server.stderr.read()}")
        try:
            with urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s")


@pytest.fixture
def served(built: Path, tmp_path: Path):
    """`python -m pipeline serve` on the built package, on a free port of 127.0.0.1; stopped afterwards."""
    port = _free_port()
    log = (tmp_path / "serve.log").open("w+")
    server = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "serve", str(built), "--port", str(port)],
        stdout=log,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/", server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _listening_only_on_loopback(base: str) -> None:
    port = int(base.rsplit(":", 1)[1])
    with socket.socket() as other:
        other.settimeout(1)
        address = socket.gethostbyname(socket.gethostname())
        if address.startswith("127."):
            return  # no other interface to try
        assert other.connect_ex((address, port)) != 0, f"serve answers on {address}:{port}, not only 127.0.0.1"


def test_serve_in_headless_chromium_searches_tasks_and_shows_a_plan_and_a_task(built: Path, served: str):
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing (`make test` installs Debian's chromium when it can)"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    from playwright.sync_api import sync_playwright

    database = f"{served}/{built.joinpath(sqlite_file_name()).stem}"
    parquet = _parquet(built)
    mentioning = {
        task_id
        for (task_id,) in parquet.execute(
            "SELECT task_id FROM tasks WHERE contains(coalesce(title, ''), '医共体') OR contains(coalesce(text, ''), '医共体')"
        ).fetchall()
    }
    plan_id, expected_order = parquet.execute(
        "SELECT plan_id, list(task_id ORDER BY task_id) FROM tasks GROUP BY plan_id "
        "ORDER BY max(depth) DESC, count(*) DESC, plan_id LIMIT 1"
    ).fetchone()
    task_id, passage = parquet.execute(
        f"SELECT task_id, text FROM tasks WHERE task_id = '{sorted(mentioning)[0]}'"
    ).fetchone()
    _listening_only_on_loopback(served)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(served + "/")
            assert page.get_by_role("heading", name="What this release covers").is_visible()
            assert "Not covered" in page.content()
            # Search from the task list's search box, as a reader would.
            page.goto(f"{database}/task_list")
            page.fill("input#_search", "医共体")
            page.locator("input#_search").press("Enter")
            page.wait_for_url(re.compile(r"_search="))
            listed = set(page.locator("td.col-task_id").all_inner_texts())
            assert {text.strip() for text in listed} == mentioning
            facets = page.locator(".facet-info").evaluate_all("items => items.map(i => i.dataset.column)")
            assert {"level", "region", "work_year", "themes"} <= set(facets)
            # A plan page: its tasks in tree order, as the tasks table orders them.
            page.goto(f"{database}/plan?plan_id={plan_id}")
            shown = page.locator("ol.plan-tasks li").evaluate_all("items => items.map(i => i.dataset.taskId)")
            assert shown == list(expected_order)
            # A task page: its passage marked in its document.
            page.goto(f"{database}/task?task_id={task_id}")
            assert page.locator("mark#passage").inner_text() == passage
            screenshots = os.environ.get("PIPELINE_SCREENSHOTS")
            if screenshots:  # how the README's screenshot is taken (see tests/integration/test_browse.py)
                page.set_viewport_size({"width": 1200, "height": 800})
                page.goto(f"{database}/task_list?_search=医共体")
                page.screenshot(path=str(Path(screenshots) / "browse.png"))
        finally:
            browser.close()


def test_serve_refuses_a_folder_without_a_sqlite_copy(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "serve", str(tmp_path), "--port", str(_free_port())],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "no SQLite copy" in result.stderr and "Traceback" not in result.stderr
