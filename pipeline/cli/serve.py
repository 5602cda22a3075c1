"""`python -m pipeline serve [RELEASE] [--port N]`: browse a release's SQLite copy in Datasette, on 127.0.0.1.

Datasette (the optional extra `browse`) serves `<package>.sqlite` read-only with the metadata this module
writes to a temporary folder: pipeline/cli/datasette/metadata.json (facets, search, the plan and task
pages), each table's and column's description from the file's `_tables` and `_columns`, the release
README's SQL examples and cookbook as canned queries, and on the home page the release's coverage
(pipeline.package.coverage, computed from the file) and licence. The templates of the plan and task pages
are pipeline/cli/datasette/templates/.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from pipeline.package import coverage
from pipeline.package.sqlite import METADATA_TABLES, sqlite_file_name

HOST = "127.0.0.1"  # never another interface: the server is for the person at this machine
DEFAULT_PORT = 8001
_FILES = resources.files("pipeline.cli").joinpath("datasette")


def cookbook_queries(readme: str) -> list[tuple[str, str]]:
    """(title, SQL) of every query in the ```sql blocks of a release README, titled by the `--` comment
    lines before it (a query without its own comment takes the previous title, numbered)."""
    queries: list[tuple[str, str]] = []
    for block in re.findall(r"```sql\n(.*?)```", readme, flags=re.DOTALL):
        for statement in block.split(";"):
            lines = [line for line in statement.strip().splitlines()]
            comments = [line[2:].strip() for line in lines if line.startswith("--")]
            sql = "\n".join(line for line in lines if not line.startswith("--")).strip()
            if not sql:
                continue
            title = " ".join(comments) or (f"{queries[-1][0]} (continued)" if queries else "Example")
            queries.append((title, sql))
    return queries


def metadata(database: Path, readme: str | None) -> dict[str, Any]:
    """The Datasette metadata of the SQLite copy `database` (named after its file) and its release README."""
    static = json.loads(_FILES.joinpath("metadata.json").read_text(encoding="utf-8"))
    name = database.stem
    con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        package = dict(con.execute("SELECT key, value FROM _package").fetchall())
        tables: dict[str, Any] = {}
        for table, title, description, rights in con.execute(
            "SELECT table_name, title, description, rights FROM _tables ORDER BY position"
        ).fetchall():
            columns = con.execute(
                "SELECT column_name, description FROM _columns WHERE table_name = ? ORDER BY position", (table,)
            ).fetchall()
            tables[table] = {"title": f"{table}: {title}", "description": f"{description} Rights: {rights}"}
            tables[table]["columns"] = dict(columns)
        for table in METADATA_TABLES:
            tables[table] = {"hidden": False, "description": "Metadata of this SQLite copy (pipeline.package.sqlite)."}
        home = coverage.to_html(coverage.collect(con))
    finally:
        con.close()
    for table, extra in static["tables"].items():
        merged = tables.setdefault(table, {})
        columns = {**merged.get("columns", {}), **extra.get("columns", {})}
        merged.update(
            {key: value.replace("DATABASE", name) if isinstance(value, str) else value for key, value in extra.items()}
        )
        merged["columns"] = columns
    queries = dict(static["queries"])
    for number, (title, sql) in enumerate(cookbook_queries(readme or ""), start=1):
        queries[f"example_{number}"] = {"title": title, "sql": sql, "description": "From the release README."}
    licence = json.loads(package["licenses"])[0]
    return {
        "title": package["title"],
        "description_html": (
            f"<p>{_escape(static['about'])} The <a href='/{name}/task_list'>task list</a> searches and facets every "
            f"task; the <a href='/{name}/plan_list'>plan list</a> leads to each plan's page.</p>"
            f"<h2>What this release covers</h2>{home}<p>{_escape(package['rights'])}</p>"
        ),
        "license": licence.get("name"),
        "license_url": licence.get("path"),
        "databases": {name: {"title": package["title"], "tables": tables, "queries": queries}},
    }


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def serve(release: Path, port: int = DEFAULT_PORT) -> int:
    """Serve `release` (a release folder holding `<package>.sqlite`, or the file itself) until interrupted."""
    database = release if release.suffix == ".sqlite" else release / sqlite_file_name()
    if not database.is_file():
        print(
            f"error: {database}: no SQLite copy here (releases made before the SQLite copy have none; "
            "a build writes one into build/package/)",
            file=sys.stderr,
        )
        return 2
    try:
        from datasette import cli as datasette_cli
    except ImportError:
        print("error: Datasette is not installed: pip install -e '.[browse]' (or make setup)", file=sys.stderr)
        return 2
    readme_path = database.parent / "README.md"
    readme = readme_path.read_text(encoding="utf-8") if readme_path.exists() else None
    try:
        described = metadata(database, readme)
    except sqlite3.Error as error:
        print(f"error: {database}: not a SQLite copy of a release: {error}", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="pipeline-serve-"))
    try:
        (folder / "metadata.json").write_text(json.dumps(described, ensure_ascii=False, indent=1), encoding="utf-8")
        templates = folder / "templates"
        templates.mkdir()
        css_name = database.stem  # a valid CSS class already (letters, digits, hyphens): Datasette's to_css_class
        for page in ("plan", "task"):
            source = _FILES.joinpath("templates", f"query-{page}.html").read_text(encoding="utf-8")
            (templates / f"query-{css_name}-{page}.html").write_text(source, encoding="utf-8")
        print(f"Serving {database} at http://{HOST}:{port}/ (Ctrl-C stops it)", file=sys.stderr, flush=True)
        arguments = ["-i", str(database), "--host", HOST, "--port", str(port)]
        arguments += ["--metadata", str(folder / "metadata.json"), "--template-dir", str(templates)]
        arguments += ["--setting", "default_page_size", "50", "--setting", "facet_time_limit_ms", "1000"]
        arguments += ["--setting", "default_facet_size", "10"]
        try:
            datasette_cli.serve.main(args=arguments, prog_name="datasette", standalone_mode=False)
        except KeyboardInterrupt:
            pass
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)
