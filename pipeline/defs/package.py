"""Package assets: the checked package in the build folder, then the published release."""

import shutil

import dagster as dg
from dagster_duckdb import DuckDBResource
from duckdb import DuckDBPyConnection

from pipeline import schema
from pipeline.defs.core import forget_records
from pipeline.defs.pools import WAREHOUSE_POOL
from pipeline.defs.resources import PipelinePaths
from pipeline.documents.problems import describe_problems, documents_with_problems
from pipeline.package.files import ReleaseInfo, write_package
from pipeline.package.validation import validate_once
from pipeline.release.transaction import publish
from pipeline.release.versions import plan_release
from pipeline.settings import release_date
from pipeline.warehouse.lock import build_lock


class PackageConfig(dg.Config):
    """`note`: why a new version is made (`publish --note`): kept in its changes.json, the changelog and its
    README. `strict` (`--strict`): fail the run, so nothing is published, when a document was kept without
    plan rows (documents.flag extraction_error or rows_refused; pipeline.documents.problems) instead of
    warning about it."""

    note: str = ""
    strict: bool = False


def documents_kept_without_plans(con: DuckDBPyConnection) -> list[str]:
    """`file: code: problem` of each document of the warehouse kept without plan rows."""
    rows = con.execute("SELECT file, flag FROM documents WHERE flag IS NOT NULL").fetchall()
    return describe_problems(documents_with_problems(rows))


@dg.asset(
    group_name="package",
    deps=schema.table_names(),
    kinds={"frictionless", "parquet", "csv"},
    pool=WAREHOUSE_POOL,
    description="The data package written to the build folder from the checked tables (the SQL checks of "
    "every table run before it); Frictionless validates it when it is published as a new version.",
)
def checked_package(
    context: dg.AssetExecutionContext, config: PackageConfig, paths: PipelinePaths, duckdb: DuckDBResource
) -> dg.MaterializeResult:
    forget_records()  # every table is written: the per-document records would only add to this step's memory
    with duckdb.get_connection() as con:
        kept_without_plans = documents_kept_without_plans(con)
    if kept_without_plans and config.strict:
        raise dg.Failure(
            description=f"strict: {len(kept_without_plans)} document(s) could not be read into plan rows: "
            + "; ".join(f"{paths.paths.seeds}/{line}" for line in kept_without_plans)
        )
    for line in kept_without_plans:
        context.log.warning(f"kept as a document without plan rows: {line}")
    dest = paths.paths.package
    with duckdb.get_connection() as con:  # from here on, this run holds the build folder's writer lock
        if dest.exists():
            shutil.rmtree(dest)
        # Data files first: the version depends on how they differ from the latest release.
        draft = ReleaseInfo(version="0.0.0", created=release_date(), changes={})
        hashes: dict[str, str] = {}  # the data files' sha256, read once for both calls
        write_package(
            con, dest, draft, figure_cache=paths.paths.cache / "figures", sqlite_kept=paths.paths.kept_sqlite,
            hashes=hashes, memory_limit=duckdb.connection_config.get("memory_limit"),
        )  # fmt: skip
        plan = plan_release(dest, paths.paths.releases, release_date())
        changes = {**plan.changes, "note": config.note.strip()} if plan.is_new and config.note.strip() else plan.changes
        release = ReleaseInfo(plan.version, plan.created, changes)
        counts = write_package(con, dest, release, data_written=True, hashes=hashes)
    return dg.MaterializeResult(
        metadata={
            "path": str(dest),
            "version": plan.version,
            "new_version": plan.is_new,
            "summary": plan.changes.get("summary", ""),
            "documents_without_plans": "\n".join(kept_without_plans),
            **{f"rows/{table}": count for table, count in counts.items()},
        }
    )


@dg.asset(
    group_name="package",
    deps=[checked_package],
    pool=WAREHOUSE_POOL,
    description="The checked package published as an immutable version folder in datasets/ (when it changed), "
    "under the datasets folder's lock, after Frictionless validated it.",
)
def published_release(context: dg.AssetExecutionContext, paths: PipelinePaths) -> dg.MaterializeResult:
    """One publish transaction under the datasets folder's lock (see pipeline.release.transaction), holding
    the build folder's lock first (as every writer does, in that order) so no other run rewrites the package."""
    validated = paths.paths.cache / "validated"
    who = f"Dagster run {context.run.run_id[:8]} of job '{context.run.job_name}'"
    with build_lock(paths.paths.out, on_wait=context.log.info, who=who):
        result = publish(
            paths.paths.package,
            paths.paths.releases,
            release_date(),
            on_wait=context.log.info,
            validate=lambda package: validate_once(package, validated),
        )
    for repaired in result.repaired:
        context.log.info(f"repaired: {repaired}")
    if not result.published:
        context.log.info(f"no change since {result.version}: nothing published")
    return dg.MaterializeResult(
        metadata={
            "version": result.version,
            "published": result.published,
            "path": str(result.path),
            "repaired": "; ".join(result.repaired),
        }
    )
