"""How text values are written to the published CSV files, so that no cell can run as a spreadsheet formula.

Spreadsheet programs (Excel, LibreOffice, Google Sheets) evaluate a cell that starts with `=`, `+`,
`-` or `@` (and, in some, a tab or carriage return followed by one of them) as a formula, even when
the CSV field is quoted; a source line such as `=HYPERLINK("http://…","click me")` would become a
live link. The rule, applied to every `string` column of every CSV file (never to Parquet):

    a value that starts with  =  +  -  @  a tab, a carriage return, or an apostrophe (')
    is written with one extra apostrophe in front of it; every other value is written as it is.

Spreadsheets show such a cell as text (the apostrophe is their own "this is text" marker). To read
the exact value back, remove one leading apostrophe from a string cell that starts with one (the
rule is reversible because values that already start with an apostrophe are escaped too). The
Parquet copies hold the exact values and need no decoding; `decode_sql` and `decode` do it for the
CSV in DuckDB and Python. Numeric, boolean and date columns are never escaped (a negative number is
a number, not a formula).
"""

from __future__ import annotations

from pipeline.warehouse.database import sql_identifier as _quoted

ESCAPE = "'"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", ESCAPE)
# The same set as a SQL regular expression character class (DuckDB, RE2 syntax).
_TRIGGER_CLASS = "[=+@\\t\\r''-]"  # the apostrophe doubled inside a SQL literal

RULE = (
    "CSV files only: a text value that starts with `=`, `+`, `-`, `@`, a tab, a carriage return or an "
    "apostrophe is written with one extra leading apostrophe (`'`), so that no cell can run as a "
    "spreadsheet formula; remove one leading apostrophe from such a text cell to get the exact value "
    "(DuckDB: `CASE WHEN starts_with(col, '''') THEN col[2:] ELSE col END`; pandas: "
    '`df[col].str.replace(r"^\'", "", regex=True)`). Numbers, booleans and dates are never escaped. '
    "The Parquet copies hold the exact values."
)


# Recorded as the `formulaEscape` property of every CSV resource in datapackage.json, so that a reader
# (and `validate`) knows which releases follow the rule: releases before it have no such property.
DESCRIPTOR_KEY = "formulaEscape"
DESCRIPTOR_VALUE = {"prefix": ESCAPE, "when_starting_with": list(TRIGGERS), "columns": "string"}


def needs_escape(value: str) -> bool:
    return value.startswith(TRIGGERS)


def encode(value: str | None) -> str | None:
    """The CSV form of a text value."""
    return ESCAPE + value if value is not None and needs_escape(value) else value


def decode(value: str | None) -> str | None:
    """The exact value of a text cell read from a published CSV file."""
    return value[1:] if value is not None and value.startswith(ESCAPE) else value


def encode_sql(column: str) -> str:
    """DuckDB expression writing a text column in its CSV form (named as the column)."""
    col = _quoted(column)
    return (
        f"CASE WHEN regexp_matches({col}, '^{_TRIGGER_CLASS}') THEN '{ESCAPE}{ESCAPE}' || {col} ELSE {col} END AS {col}"
    )


def decode_sql(column: str) -> str:
    """DuckDB expression reading a text column of a published CSV back to its exact value (named as the column)."""
    col = _quoted(column)
    return f"CASE WHEN starts_with({col}, '{ESCAPE}{ESCAPE}') THEN {col}[2:] ELSE {col} END AS {col}"


def csv_select(fields: list[dict]) -> str:
    """Select list writing a table's columns (Table Schema fields) in their CSV form."""
    return ", ".join(encode_sql(f["name"]) if f["type"] == "string" else _quoted(f["name"]) for f in fields)


def exact_select(resource: dict) -> str:
    """Select list reading a published CSV resource (all columns as text) back to its exact values."""
    fields = resource["schema"]["fields"]
    if DESCRIPTOR_KEY not in resource:
        return ", ".join(_quoted(f["name"]) for f in fields)
    return ", ".join(decode_sql(f["name"]) if f["type"] == "string" else _quoted(f["name"]) for f in fields)
