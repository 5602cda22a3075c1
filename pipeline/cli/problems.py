"""The CLI's words about documents kept without plan rows (pipeline.documents.problems): a warning naming
each file and its problem, or with --strict an error that fails the run."""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from pipeline.documents.problems import describe_problems, documents_with_problems
from pipeline.settings import Paths


def warn_documents_without_plans(paths: Paths, strict: bool, say: Callable[[str], None]) -> bool:
    """Say each document of the built package kept without plan rows, as a warning, or with `strict` as an
    error; True when `strict` makes the run fail."""
    table = paths.package / "data" / "documents.parquet"
    try:
        rows = duckdb.connect().execute("SELECT file, flag FROM read_parquet(?)", [str(table)]).fetchall()
    except duckdb.Error:
        return False  # no package yet: nothing to warn about
    found = describe_problems(documents_with_problems(rows))
    level = "error" if strict else "warning"
    for line in found:
        say(f"{level}: {paths.seeds}/{line}")
    if found and strict:
        say("--strict: the run fails when a text could not be read into plan rows. Nothing was published.")
    return bool(found) and strict
