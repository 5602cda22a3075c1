"""Open a release of the data package from anywhere, with every column in its schema type.

This file is copied unchanged into every release as `load.py`; it needs only the Python standard
library plus `duckdb` (for `connect`, `query` and `open_sql`) or `pandas` + `pyarrow` (for `read_table`).
Types come from the release's own datapackage.json, so region codes and ids stay strings, counts are
integers, and dates are dates, whether the CSV or the Parquet copy is read.

    import sys; sys.path.insert(0, "path/to/release")     # the unpacked release folder
    import load
    con = load.connect()                  # DuckDB connection: one view per table (typed Parquet)
    con.sql("SELECT count(*) FROM tasks").show()
    df = load.read_table("targets")       # pandas DataFrame with the schema's dtypes (from the CSV)

or from a shell, in any folder:  python path/to/release/load.py "SELECT count(*) FROM tasks"
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

# Frictionless field type -> DuckDB type, and -> pandas dtype (nullable extension types: a missing
# integer stays an integer column, a code stays a string).
DUCKDB_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "datetime": "TIMESTAMP",
    "year": "INTEGER",
}
PANDAS_DTYPES = {
    "string": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
    "year": "Int64",
    "date": "datetime64[s]",  # parsed from ISO dates (YYYY-MM-DD)
    "datetime": "datetime64[us]",
}
_TEMPORAL = ("date", "datetime")


def release_dir(release: str | Path | None = None) -> Path:
    """The release folder: `release` when given, else the folder this file is in."""
    folder = Path(release).expanduser().resolve() if release is not None else HERE
    if not (folder / "datapackage.json").exists():
        raise FileNotFoundError(f"{folder}: no datapackage.json here; give the folder of an unpacked release")
    return folder


def descriptor(release: str | Path | None = None) -> dict[str, Any]:
    """The release's datapackage.json."""
    return json.loads((release_dir(release) / "datapackage.json").read_text(encoding="utf-8"))


def tables(package: dict[str, Any]) -> list[dict[str, Any]]:
    """The table resources of a descriptor, in package order."""
    return [resource for resource in package["resources"] if resource.get("type", "table") == "table"]


def _resource(package: dict[str, Any], table: str) -> dict[str, Any]:
    for resource in tables(package):
        if resource["name"] == table:
            return resource
    names = ", ".join(resource["name"] for resource in tables(package))
    raise KeyError(f"no table {table!r} in this release; tables: {names}")


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def csv_columns(resource: dict[str, Any]) -> str:
    """DuckDB `columns = {...}` argument that reads a CSV resource with its schema types."""
    pairs = (f"{_sql_string(f['name'])}: '{DUCKDB_TYPES[f['type']]}'" for f in resource["schema"]["fields"])
    return "{" + ", ".join(pairs) + "}"


def _escaped(resource: dict[str, Any]) -> bool:
    """Whether the resource's CSV text cells follow the formula-escape rule (`formulaEscape` in
    datapackage.json: a text value starting with = + - @, a tab, a CR or ' was written with one extra ')."""
    return "formulaEscape" in resource


def exact_csv_columns(resource: dict[str, Any]) -> str:
    """DuckDB select list giving a CSV resource's exact values: one leading ' removed from escaped text cells."""
    columns = []
    for field in resource["schema"]["fields"]:
        name = '"' + field["name"].replace('"', '""') + '"'
        if field["type"] == "string" and _escaped(resource):
            columns.append(f"CASE WHEN starts_with({name}, '''') THEN {name}[2:] ELSE {name} END AS {name}")
        else:
            columns.append(name)
    return ", ".join(columns)


def open_sql(package: dict[str, Any]) -> str:
    """DuckDB script: one view per table over its Parquet copy, and `<table>_csv` over its CSV file with
    explicit column types. Paths are relative to the DuckDB variable `release` (default: the current folder)."""
    lines = [
        "-- Open this release in DuckDB (one view per table). From the release folder:",
        "--     duckdb -init open.sql",
        "-- From any other folder, name the release folder first:",
        '--     duckdb -cmd "SET VARIABLE release = \'path/to/release\'" -cmd ".read path/to/release/open.sql"',
        "-- <table> reads data/<table>.parquet; <table>_csv reads data/<table>.csv with the schema's types.",
        "SET VARIABLE release = coalesce(getvariable('release'), '.');",
    ]
    for resource in tables(package):
        name = resource["name"]
        lines.append(
            f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM "
            f"read_parquet(getvariable('release') || '/{resource['parquet']['path']}');"
        )
    for resource in tables(package):
        name = resource["name"]
        lines.append(
            f"CREATE OR REPLACE VIEW {name}_csv AS SELECT {exact_csv_columns(resource)} FROM "
            f"read_csv(getvariable('release') || "
            f"'/{resource['path']}', header = true, delim = ',', quote = '\"', escape = '\"', "
            f"nullstr = '', auto_detect = false, columns = {csv_columns(resource)});"
        )
    return "\n".join(lines) + "\n"


def connect(release: str | Path | None = None, database: str = ":memory:"):  # -> duckdb.DuckDBPyConnection
    """A DuckDB connection with one view per table (typed, over the Parquet files) and `<table>_csv`
    views over the CSV files with explicit types. Works from any working directory."""
    import duckdb

    folder = release_dir(release)
    con = duckdb.connect(database)
    con.execute(f"SET VARIABLE release = {_sql_string(folder.as_posix())}")
    con.execute(open_sql(descriptor(folder)))
    return con


def pandas_dtypes(table: str, release: str | Path | None = None) -> dict[str, str]:
    """Column -> pandas dtype for one table, from the schema in datapackage.json."""
    return {f["name"]: PANDAS_DTYPES[f["type"]] for f in _resource(descriptor(release), table)["schema"]["fields"]}


def read_table(table: str, release: str | Path | None = None, source: str = "csv"):  # -> pandas.DataFrame
    """One table as a pandas DataFrame with the schema's types, read from its CSV (default) or Parquet copy.

    Empty CSV fields are missing values; no other text ("NA", "null", "None") is taken for one. Text
    cells escaped against spreadsheet formulas (one leading ') are read back to their exact values.
    """
    import pandas as pd

    folder = release_dir(release)
    resource = _resource(descriptor(folder), table)
    fields = resource["schema"]["fields"]
    if source == "csv":
        frame = pd.read_csv(
            folder / resource["path"],
            dtype={f["name"]: "string" if f["type"] in _TEMPORAL else PANDAS_DTYPES[f["type"]] for f in fields},
            keep_default_na=False,
            na_values=[""],
            encoding="utf-8",
        )
    elif source == "parquet":
        frame = pd.read_parquet(folder / resource["parquet"]["path"], dtype_backend="numpy_nullable")
    else:
        raise ValueError(f"source must be 'csv' or 'parquet', not {source!r}")
    for spec in fields:
        column = spec["name"]
        if source == "csv" and spec["type"] == "string" and _escaped(resource):
            frame[column] = frame[column].str.replace(r"^'", "", regex=True)  # the CSV formula-escape rule
        if spec["type"] in _TEMPORAL:
            frame[column] = pd.to_datetime(frame[column].astype("string")).astype(PANDAS_DTYPES[spec["type"]])
        else:
            frame[column] = frame[column].astype(PANDAS_DTYPES[spec["type"]])
    return frame


def query(sql: str, release: str | Path | None = None) -> None:
    """Run one SQL statement against the release and print the result."""
    connect(release).sql(sql).show(max_width=200)


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        print(__doc__)
        print("Tables:", ", ".join(resource["name"] for resource in tables(descriptor())))
        sys.exit(0)
    query(" ".join(sys.argv[1:]))
