"""`python -m pipeline open [RELEASE]`: open a release in a DuckDB shell, or print how to open it.

The release folder can be anywhere (a version folder in datasets/ or an unpacked archive): the
commands name it explicitly, so they work from any working directory.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from pipeline.package.json_files import read_descriptor


def shell_command(release: Path) -> list[str]:
    """The `duckdb` command that opens `release` with the views of its open.sql."""
    folder = release.resolve().as_posix()
    quoted = folder.replace("'", "''")
    return ["duckdb", "-cmd", f"SET VARIABLE release = '{quoted}'", "-cmd", f'.read "{folder}/open.sql"']


def instructions(release: Path) -> str:
    """How to open `release` in a DuckDB shell, in Python with DuckDB, and in pandas."""
    folder = release.resolve()
    version = read_descriptor(folder)["version"]
    duckdb_line = " ".join(shlex.quote(part) for part in shell_command(folder))
    return "\n".join(
        [
            f"Release {version} in {folder}",
            "",
            "DuckDB shell (views over the Parquet files, <table>_csv over the typed CSV files):",
            f"    {duckdb_line}",
            "",
            "Python (DuckDB connection with the same views; pandas DataFrames with the schema's types):",
            f"    import sys; sys.path.insert(0, {str(folder)!r})",
            "    import load",
            "    con = load.connect()",
            '    con.sql("SELECT count(*) FROM tasks").show()',
            '    targets = load.read_table("targets")',
            "",
        ]
    )


def open_release(release: Path, shell: bool | None = None) -> int:
    """Replace this process by a DuckDB shell on `release` when asked (or when interactive and the `duckdb`
    command exists); otherwise print the instructions."""
    if not (release / "datapackage.json").exists():
        print(f"error: {release}: not a release folder (no datapackage.json)", file=sys.stderr)
        return 2
    executable = shutil.which("duckdb") or _beside_python("duckdb")
    if shell is None:
        shell = sys.stdin.isatty() and sys.stdout.isatty() and executable is not None
    if shell:
        if executable is None:
            print("error: no `duckdb` command found (pip install duckdb-cli)", file=sys.stderr)
            return 2
        command = shell_command(release)
        os.execv(executable, [executable, *command[1:]])
    print(instructions(release), end="")
    return 0


def _beside_python(name: str) -> str | None:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else None
