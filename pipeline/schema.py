"""Table metadata: everything about a column comes from schemas/ and is generated from there.

schemas/<table>.schema.json holds one Frictionless Table Schema per published table;
schemas/package.json holds the package-level metadata and the order of the tables.
This module turns them into DuckDB DDL, Frictionless schemas, ORDER BY clauses and column lists,
so that no column is declared twice.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from pipeline.settings import PROJECT_ROOT

SCHEMAS_DIR = PROJECT_ROOT / "schemas"

_DUCKDB_TYPES = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "datetime": "TIMESTAMP",
    "year": "INTEGER",
}


@cache
def package_metadata() -> dict[str, Any]:
    """Package-level metadata (name, title, licences, table order) from schemas/package.json."""
    return json.loads((SCHEMAS_DIR / "package.json").read_text(encoding="utf-8"))


def table_names() -> list[str]:
    """Published tables in package order."""
    return list(package_metadata()["tables"])


@cache
def table_schema(name: str) -> dict[str, Any]:
    """The Frictionless Table Schema descriptor of one table (schemas/<name>.schema.json)."""
    path = SCHEMAS_DIR / f"{name}.schema.json"
    if not path.exists():
        raise KeyError(f"no schema for table {name!r}: expected {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def columns(name: str) -> list[str]:
    """Column names of a table, in schema order."""
    return [field["name"] for field in table_schema(name)["fields"]]


def field(name: str, column: str) -> dict[str, Any]:
    """The field descriptor of one column."""
    for candidate in table_schema(name)["fields"]:
        if candidate["name"] == column:
            return candidate
    raise KeyError(f"table {name!r} has no column {column!r}")


def primary_key(name: str) -> list[str]:
    return list(table_schema(name)["primaryKey"])


def foreign_keys(name: str) -> list[dict[str, Any]]:
    return list(table_schema(name).get("foreignKeys", []))


def resource_schema(name: str) -> dict[str, Any]:
    """The schema as embedded in datapackage.json (the descriptor without the table name)."""
    return {k: v for k, v in table_schema(name).items() if k not in {"name", "title", "description"}}


def flag_pattern(values: dict[str, str]) -> re.Pattern[str]:
    """Regex matching one flag of a `flagValues` vocabulary; `<placeholder>` parts match any non-empty text."""
    alternatives = (
        "".join(".+" if part.startswith("<") else re.escape(part) for part in _PLACEHOLDER.split(value))
        for value in values
    )
    return re.compile("^(?:" + "|".join(alternatives) + ")$")


_PLACEHOLDER = re.compile(r"(<[a-z_]+>)")


def resource_rights(name: str) -> dict[str, Any]:
    """`licenses` and `rights` of one table's resource: the source-text tables (schemas/package.json
    `sourceText`) are under their publishers' terms; every other table under the dataset's licence, with
    a note when one of its columns quotes the source text."""
    meta = package_metadata()
    source_text = meta["sourceText"]
    if name in source_text["tables"]:
        return {"licenses": source_text["licenses"], "rights": source_text["rights"]}
    licence = meta["licenses"][0]["name"]
    rights = f"{licence}."
    quote = quote_column(name)
    if quote:
        rights = (
            f"{licence}, except the column {quote}: it quotes the source text, which remains its publisher's "
            "work (see documents.rights)."
        )
    return {"licenses": meta["licenses"], "rights": rights}


def duckdb_type(name: str, column: str) -> str:
    return _DUCKDB_TYPES[field(name, column)["type"]]


def create_table_sql(name: str, *, replace: bool = True, keyed: bool = True) -> str:
    """DDL for a table: types, NOT NULL for required fields, and (unless not `keyed`) the primary key."""
    lines = []
    for spec in table_schema(name)["fields"]:
        not_null = " NOT NULL" if spec.get("constraints", {}).get("required") else ""
        lines.append(f'    "{spec["name"]}" {_DUCKDB_TYPES[spec["type"]]}{not_null}')
    if keyed:
        key = ", ".join(f'"{column}"' for column in primary_key(name))
        lines.append(f"    PRIMARY KEY ({key})")
    verb = "CREATE OR REPLACE TABLE" if replace else "CREATE TABLE IF NOT EXISTS"
    return f'{verb} "{name}" (\n' + ",\n".join(lines) + "\n)"


def order_by(name: str) -> str:
    """ORDER BY clause that sorts a table by its primary key (deterministic output)."""
    return ", ".join(f'"{column}"' for column in primary_key(name))


def select_columns(name: str) -> str:
    """Quoted column list of a table, in schema order."""
    return ", ".join(f'"{column}"' for column in columns(name))


_ARROW_TYPES = {
    "string": "string",
    "integer": "int64",
    "number": "float64",
    "boolean": "bool",
    "date": "date32",
    "datetime": "timestamp[us]",
    "year": "int32",
}


def arrow_schema(name: str):  # -> pyarrow.Schema (import kept local: pyarrow is heavy)
    """The table's columns as a pyarrow schema (used to load rows into DuckDB with exact types)."""
    return arrow_schema_of(table_schema(name))


def arrow_schema_of(spec: dict[str, Any]):  # -> pyarrow.Schema
    """The columns of a Table Schema (e.g. one recorded in a release's datapackage.json) as a pyarrow schema."""
    import pyarrow as pa

    return pa.schema(
        [pa.field(field["name"], pa.type_for_alias(_ARROW_TYPES[field["type"]])) for field in spec["fields"]]
    )


# Tables whose rows quote documents.text carry doc_id, char_start, char_end and one quoting column:
# the first of these that the table has. Checks assert quote == documents.text[char_start:char_end].
QUOTE_COLUMNS = ("raw_text", "text", "token", "name")


def quote_column(name: str) -> str | None:
    """The column that must equal documents.text[char_start:char_end], or None if the table has no offsets."""
    names = set(columns(name))
    if name == "documents" or not {"doc_id", "char_start", "char_end"} <= names:
        return None
    return next((column for column in QUOTE_COLUMNS if column in names), None)
