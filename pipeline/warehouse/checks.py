"""Table checks generated from schemas/, run as SQL in DuckDB in time linear in the rows.

One function per check (a rule of the table's one asset check, pipeline.defs.checks, whose metadata lists
each under the same name), each named by what it checks: not_empty, primary_key_unique, foreign_keys_resolve,
values_match_schema and offsets_quote_text. Each returns a list of problems (empty when the table passes); a problem names
the table, the row's key, its document and the reason. Frictionless validates the written package
once (pipeline.package.validation.validate_package); rows are not validated a second time here.

A build examines only what changed since the checks last passed (pipeline.warehouse.increments): in sentences and
tokens, the rows of new or changed documents (and of documents whose rows in the other of the two changed: the
keys they point at); in a table written whole, the offsets check compares only new or moved quotes. The rest of
each table is vouched for by the records the last passing check left, under the same schemas/ and code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from pipeline import schema
from pipeline.warehouse import offsets
from pipeline.warehouse.database import sql_identifier as _quoted
from pipeline.warehouse.database import sql_string as _literal
from pipeline.warehouse.increments import (
    loaded_by_document,
    quoted_text_md5s,
    quoted_text_md5s_name,
    record_verified,
    record_verified_quotes,
    verified_documents_sql,
    verified_quotes_sql,
)

# Tables every build fills whatever its texts are; the others depend on the kinds of text in seeds/
# (a folder without a round-up has no provinces), so their emptiness is a warning, not an error.
ALWAYS_FILLED = ("documents", "sentences", "tokens", "regions")
# How many failing rows a problem list quotes (the count of all of them is always given).
EXAMPLES = 10


def _row_label(table: str) -> str:
    """SQL expression naming a row by its primary key and its document, e.g. `(task_id=…) of document 002`."""
    parts = [
        f"'{column}=' || coalesce(CAST(t.{_quoted(column)} AS VARCHAR), 'null')" for column in schema.primary_key(table)
    ]
    label = "'(' || " + " || ', ' || ".join(parts) + " || ')'"
    if "doc_id" in schema.columns(table):
        label += " || coalesce(' of document ' || t.\"doc_id\", '')"
    return label


@dataclass(frozen=True)
class Failing:
    """A query of the rows failing a check: (part, label, reason) rows, where part 0..parts-1 numbers
    separate problem lists (one scan may test several conditions)."""

    sql: str
    parts: int = 1


def _failing(failing_sql: str) -> Failing:
    """A query of (label, reason) rows as one part."""
    return Failing(f"SELECT 0 AS part, label, reason FROM ({failing_sql})")


# What a check finds: problems known without a query, or a query of failing rows.
Found = list[str] | Failing


def _reports(con: duckdb.DuckDBPyConnection, table: str, found: list[Found]) -> list[list[str]]:
    """The problems of each item of `found`, every query of them run as one DuckDB statement: per part,
    'table: row … : reason' lines for the first EXAMPLES rows in label order, plus a count of the rest."""
    queries, offset = [], 0
    for item in found:
        if isinstance(item, Failing):
            queries.append(f"SELECT part + {offset} AS q, label, reason FROM ({item.sql})")
            offset += item.parts
    rows = []
    if queries:
        rows = con.execute(
            "SELECT q, label, reason, n FROM (SELECT q, label, reason, count(*) OVER (PARTITION BY q) AS n, "
            f"row_number() OVER (PARTITION BY q ORDER BY label) AS r FROM ({' UNION ALL '.join(queries)})) "
            f"WHERE r <= {EXAMPLES} ORDER BY q, r"
        ).fetchall()
    by_part: dict[int, list[tuple[str, str, int]]] = {}
    for part, label, reason, count in rows:
        by_part.setdefault(part, []).append((label, reason, count))
    results, offset = [], 0
    for item in found:
        if not isinstance(item, Failing):
            results.append(list(item))
            continue
        problems = []
        for part in range(offset, offset + item.parts):
            examples = by_part.get(part, [])
            problems += [f"{table}: row {label}: {reason}" for label, reason, _ in examples]
            if examples and examples[0][2] > len(examples):
                problems.append(f"{table}: … {examples[0][2] - len(examples)} more rows fail this check")
        offset += item.parts
        results.append(problems)
    return results


def _run(con: duckdb.DuckDBPyConnection, table: str, found: list[Found]) -> list[str]:
    return [problem for problems in _reports(con, table, found) for problem in problems]


def not_empty(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    (count,) = con.execute(f"SELECT count(*) FROM {_quoted(table)}").fetchone()
    return [f"{table}: the table is empty"] if count == 0 else []


def primary_key_unique(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return _run(con, table, _primary_key_unique(con, table, _unverified_rows(con, table)))


def _primary_key_unique(con: duckdb.DuckDBPyConnection, table: str, unverified: str = "") -> list[Found]:
    """Keys used by more than one row (of the `unverified` rows only: a key that begins with doc_id is shared
    only by rows of the same document)."""
    key = schema.order_by(table)
    has_doc = "doc_id" in schema.columns(table) and "doc_id" not in schema.primary_key(table)
    doc = ', any_value(t."doc_id") AS doc_id' if has_doc else ""
    grouped = f"SELECT {key}{doc}, count(*) AS n FROM {_quoted(table)} t {_where(unverified)} GROUP BY {key} HAVING count(*) > 1"
    failing = f"SELECT {_row_label(table)} AS label, 'primary key ({key}) used by ' || t.n || ' rows' AS reason FROM ({grouped}) t"
    return [_failing(failing)]


def foreign_keys_resolve(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return _run(con, table, _foreign_keys_resolve(con, table, _unverified_rows(con, table)))


def _foreign_keys_resolve(con: duckdb.DuckDBPyConnection, table: str, unverified: str = "") -> list[Found]:
    found: list[Found] = []
    for foreign in schema.foreign_keys(table):
        fields, reference = foreign["fields"], foreign["reference"]
        target = reference["resource"] or table  # an empty resource is a self-reference
        join = " AND ".join(
            f"t.{_quoted(a)} = r.{_quoted(b)}" for a, b in zip(fields, reference["fields"], strict=True)
        )
        not_null = " AND ".join(f"t.{_quoted(a)} IS NOT NULL" for a in fields)
        values = " || ', ' || ".join(f"CAST(t.{_quoted(a)} AS VARCHAR)" for a in fields)
        failing = (
            f"SELECT {_row_label(table)} AS label, "
            f"{_literal(', '.join(fields) + ' = ')} || {values} || {_literal(f' is not in {target}')} AS reason "
            f"FROM {_quoted(table)} t WHERE {not_null}{_and(unverified)} AND NOT EXISTS "
            f"(SELECT 1 FROM {_quoted(target)} r WHERE {join})"
        )
        found.append(_failing(failing))
    return found


def _type_problems(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    try:  # DESCRIBE: the column names and types information_schema.columns gives, in a tenth of its time
        actual = {row[0]: row[1] for row in con.execute(f"DESCRIBE {_quoted(table)}").fetchall()}
    except duckdb.CatalogException:  # no such table: every column is missing
        actual = {}
    problems = []
    for column in schema.columns(table):
        expected = schema.duckdb_type(table, column)
        if column not in actual:
            problems.append(f"{table}: column {column} is missing")
        elif actual[column] != expected:
            problems.append(f"{table}: column {column} is {actual[column]}, the schema says {expected}")
    problems += [
        f"{table}: column {column} is not in the schema" for column in sorted(set(actual) - set(schema.columns(table)))
    ]
    return problems


def _constraint_conditions(table: str) -> list[tuple[str, str]]:
    """(SQL condition that is true for a bad value, reason) for every constraint of every column."""
    conditions = []
    for spec in schema.table_schema(table)["fields"]:
        column, constraints = _quoted(spec["name"]), spec.get("constraints", {})
        name = spec["name"]
        value = f"t.{column}"
        if constraints.get("required"):
            conditions.append((f"{value} IS NULL", f"{name} is required but null"))
        if "enum" in constraints:
            allowed = ", ".join(_literal(v) for v in constraints["enum"])
            conditions.append(
                (f"CAST({value} AS VARCHAR) NOT IN ({allowed})", f"{name} is not one of {constraints['enum']}")
            )
        for bound, comparison in (("minimum", "<"), ("maximum", ">")):
            if bound in constraints:
                limit = constraints[bound]
                literal = _literal(limit) if isinstance(limit, str) else str(limit)
                conditions.append(
                    (
                        f"{value} {comparison} {literal}",
                        f"{name} is below its {bound} {limit}"
                        if bound == "minimum"
                        else f"{name} is above its {bound} {limit}",
                    )
                )
        for bound, comparison in (("minLength", "<"), ("maxLength", ">")):
            if bound in constraints:
                conditions.append(
                    (
                        f"length({value}) {comparison} {int(constraints[bound])}",
                        f"{name} breaks {bound} {constraints[bound]}",
                    )
                )
        if "flagValues" in spec:
            conditions.append(
                (
                    flag_violation(value, spec["flagValues"]),
                    f"{name} has a flag not listed in flagValues of schemas/{table}.schema.json",
                )
            )
        if "pattern" in constraints:
            conditions.append(
                (
                    f"NOT regexp_full_match(CAST({value} AS VARCHAR), {_literal(constraints['pattern'])})",
                    f"{name} does not match the pattern {constraints['pattern']}",
                )
            )
    return conditions


def flag_violation(value: str, flag_values: dict[str, str]) -> str:
    """SQL condition, true when one of the ';'-separated flags in `value` is not in the vocabulary."""
    pattern = _literal(schema.flag_pattern(flag_values).pattern)
    return f"len(list_filter(string_split({value}, ';'), lambda f: NOT regexp_full_match(f, {pattern}))) > 0"


def values_match_schema(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Column types, then required, enum, minimum/maximum, length, pattern and unique of every column."""
    return _run(con, table, _values_match_schema(con, table, _unverified_rows(con, table)))


def _values_match_schema(con: duckdb.DuckDBPyConnection, table: str, unverified: str = "") -> list[Found]:
    problems = _type_problems(con, table)
    if problems:
        return [problems]
    label = _row_label(table)
    found: list[Found] = []
    if conditions := _constraint_conditions(table):
        # One scan tests every condition; a failing row yields one (part, label, reason) per condition it fails.
        tested = [f"coalesce({condition}, false)" for condition, _ in conditions]
        parts = ", ".join(f"CASE WHEN {test} THEN {part} END" for part, test in enumerate(tested))
        reasons = "[" + ", ".join(_literal(reason) for _, reason in conditions) + "]"
        found.append(
            Failing(
                f"SELECT part, label, {reasons}[part + 1] AS reason FROM (SELECT {label} AS label, "
                f"unnest(list_filter([{parts}], lambda p: p IS NOT NULL)) AS part FROM {_quoted(table)} t "
                f"WHERE ({' OR '.join(tested)}){_and(unverified)})",
                parts=len(conditions),
            )
        )
    for spec in schema.table_schema(table)["fields"]:
        if spec.get("constraints", {}).get("unique"):
            column = _quoted(spec["name"])
            failing = (
                f"SELECT {label} AS label, {_literal(spec['name'] + ' is not unique')} AS reason FROM {_quoted(table)} t "
                f"WHERE t.{column} IN (SELECT {column} FROM {_quoted(table)} GROUP BY {column} HAVING count(*) > 1)"
                f"{_and(unverified)}"
            )
            found.append(_failing(failing))
    return found


def offsets_quote_text(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """Offsets are half-open, inside their document, and documents.text[char_start:char_end] is the quote."""
    return _run(con, table, _offsets_quote_text(con, table, _unverified_rows(con, table)))


def _offsets_quote_text(con: duckdb.DuckDBPyConnection, table: str, unverified: str = "") -> list[Found]:
    """Offsets are half-open, inside their document, and documents.text[char_start:char_end] is the quote.

    Rows that passed before and did not change since (pipeline.warehouse.increments) are not compared again:
    the `unverified` rows of a table loaded by document, the rows of any other table that are not the same
    document, offsets and quote as a row that passed against the same text (verified_quotes_sql). The text of each document the remaining rows point at is cut once into blocks of offsets.BLOCK characters (a
    table that quotes a few documents does not pay for the others); a quote that lies within two adjacent
    blocks (every token, most sentences) is read from that pair, a longer one from all the blocks it
    covers, so the cost per row does not grow with the document. Rows are labelled only when they fail.
    The documents are checked a batch at a time (pipeline.warehouse.offsets), the failing rows gathered in a
    temporary table; rows whose document is not in documents (or is null) are checked last.
    """
    quote = schema.quote_column(table)
    if quote is None:
        return [[]]
    if not loaded_by_document(con, table):
        md5s = quoted_text_md5s(con, table)  # read again by record_verified_quotes when the check passes
        if verified := verified_quotes_sql(con, table, quote, md5s):
            unverified = f"NOT {verified}"
    label = _row_label(table)
    # Only the columns the label and the comparison need travel through the joins.
    needed = [*schema.primary_key(table), "doc_id", "char_start", "char_end"]
    columns = ", ".join(f"t.{_quoted(column)}" for column in dict.fromkeys(needed) if column in schema.columns(table))
    ranges = [
        f"t.doc_id BETWEEN {_literal(first)} AND {_literal(last)}" for first, last in offsets.document_ranges(con)
    ]
    # One batch: no condition at all (DuckDB plans the query over every row several times faster than with a
    # range). Several: each range, then the rows whose document is not in documents.
    outside = "(t.doc_id IS NULL OR t.doc_id NOT IN (SELECT doc_id FROM documents))"
    conditions = [*ranges, outside] if len(ranges) > 1 else [""]
    failing = f"__offsets_failing_{table}"
    con.execute(f'CREATE OR REPLACE TEMP TABLE "{failing}" (part INTEGER, label VARCHAR, reason VARCHAR)')
    for condition in conditions:
        parts = [part for part in (condition, unverified) if part]
        where = "WHERE " + " AND ".join(f"({part})" for part in parts) if parts else ""
        sql = offsets.failing_rows_sql(table, columns, quote, label, where)
        con.execute(f'INSERT INTO "{failing}" SELECT part, label, reason FROM ({sql})')
    return [Failing(f'SELECT part, label, reason FROM "{failing}"', parts=2)]


# The checks of a table, by name; offsets_quote_text only for tables with offsets and a quote column.
CHECKS: dict[str, Callable[[duckdb.DuckDBPyConnection, str], list[str]]] = {
    "primary_key_unique": primary_key_unique,
    "foreign_keys_resolve": foreign_keys_resolve,
    "values_match_schema": values_match_schema,
    "offsets_quote_text": offsets_quote_text,
}
# What each check finds, for running every check of a table as one statement (table_problems).
_FINDERS: dict[str, Callable[[duckdb.DuckDBPyConnection, str, str], list[Found]]] = {
    "primary_key_unique": _primary_key_unique,
    "foreign_keys_resolve": _foreign_keys_resolve,
    "values_match_schema": _values_match_schema,
    "offsets_quote_text": _offsets_quote_text,
}
DESCRIPTIONS = {
    "not_empty": "The table has rows.",
    "primary_key_unique": "No two rows share a primary key.",
    "foreign_keys_resolve": "Every foreign key points at an existing row.",
    "values_match_schema": "Column types, required, enum, minimum/maximum, pattern and unique as in the schema.",
    "offsets_quote_text": "Offsets are a span of the document and documents.text[char_start:char_end] is the quote.",
}


def checks_of(table: str) -> list[str]:
    """Names of the blocking checks that apply to a table."""
    names = ["primary_key_unique", "values_match_schema"]
    if schema.foreign_keys(table):
        names.insert(1, "foreign_keys_resolve")
    if schema.quote_column(table):
        names.append("offsets_quote_text")
    return names


def table_problems(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, list[str]]:
    """Every check of one table (not_empty included), by name: the queries of all checks run as one
    DuckDB statement, with the same problems as running each check on its own. An empty table is only
    compared with its schema's columns: it has no row that could fail the others."""
    names = checks_of(table)
    results = {"not_empty": not_empty(con, table)}
    quote = schema.quote_column(table)
    if results["not_empty"]:
        # No row to fail: only the columns are compared with the schema, without the row queries (a small build
        # has several empty tables, each of whose queries DuckDB would plan and run for nothing).
        results.update({name: [] for name in names})
        results["values_match_schema"] = _type_problems(con, table)
        if quote and not loaded_by_document(con, table):
            quoted_text_md5s(con, table)  # the (empty) record of its quotes, as after a check that ran
    else:
        unverified = _unverified_rows(con, table)
        found = {name: _FINDERS[name](con, table, unverified) for name in names}
        reports = iter(_reports(con, table, [item for name in names for item in found[name]]))
        for name in names:
            results[name] = [problem for _ in found[name] for problem in next(reports)]
    if not any(results[name] for name in names):
        record_verified(con, table)  # a table loaded by document: the next build checks changed documents only
    if quote and not results.get("offsets_quote_text") and not loaded_by_document(con, table):
        record_verified_quotes(con, table, quote, quoted_text_md5s_name(table))  # next build: new or moved quotes only
    return results


def _unverified_rows(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """SQL condition on a row `t` of a table loaded by document whose key begins with doc_id: true unless its
    document's rows passed every check before, unchanged since (pipeline.warehouse.increments); "" (every row
    is checked) for any other table or when no record is kept."""
    if schema.primary_key(table)[:1] != ["doc_id"] or not loaded_by_document(con, table):
        return ""
    verified = verified_documents_sql(con, table)
    if verified is None:
        return ""
    held = f"__verified_{table}"
    con.execute(f'CREATE OR REPLACE TEMP TABLE "{held}" AS {verified}')
    return f't.doc_id IS NULL OR t.doc_id NOT IN (SELECT doc_id FROM "{held}")'


def _where(condition: str) -> str:
    return f"WHERE ({condition})" if condition else ""


def _and(condition: str) -> str:
    return f" AND ({condition})" if condition else ""
