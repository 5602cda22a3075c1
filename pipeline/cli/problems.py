"""The CLI's words about what a run found wrong: the rules of the table checks that failed (pipeline.defs.checks),
and documents kept without plan rows (pipeline.documents.problems): a warning naming each file and its problem,
or with --strict an error that fails the run."""

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


def report_checks(results: list, say: Callable[[str], None]) -> list[str]:
    """Print the failed rules of the runs' table checks (pipeline.defs.checks: the check's metadata lists the
    rules that `failed`, blocking, and `warned`, each rule's problems under its own name): warnings in one line,
    errors with every problem they list. Return the failed rules as `table.rule`. `results` are dagster
    ExecuteInProcessResults."""
    checks = [
        e.asset_check_evaluation_data
        for result in results
        for e in result.all_events
        if e.event_type_value == "ASSET_CHECK_EVALUATION" and not e.asset_check_evaluation_data.passed
    ]

    def rules(check, outcome: str) -> list[str]:  # noqa: ANN001 - a dagster AssetCheckEvaluation
        listed = check.metadata.get(outcome)
        return [rule for rule in str(listed.value if listed else "none").split(", ") if rule != "none"]

    for check in checks:
        for rule in rules(check, "warned"):
            say(f"  warning: {check.asset_key.to_user_string()} {rule} failed (not blocking)")
    errors = [(check, rule) for check in checks for rule in rules(check, "failed")]
    if errors:
        say("error: checks failed: " + ", ".join(f"{c.asset_key.to_user_string()}.{rule}" for c, rule in errors))
    for check, rule in errors:
        problems = check.metadata.get(rule)
        say(
            f"  {check.asset_key.to_user_string()}.{rule}:\n    "
            + str(problems.value if problems else "").replace("\n", "\n    ")
        )
    return [f"{check.asset_key.to_user_string()}.{rule}" for check, rule in errors]
