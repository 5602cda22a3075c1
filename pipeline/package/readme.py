"""The README.md of a release: what the package is, its data dictionary, sources, citation, queries.

Generated from the descriptor (itself generated from schemas/) and the documents table; never
written by hand.
"""

from __future__ import annotations

from typing import Any

from pipeline.package import csv_policy
from pipeline.package.readme_analysis import analysis_section
from pipeline.package.readme_indicators import indicators_section
from pipeline.package.release_notes import describe_changes, schema_and_move_lines

MODEL = """\
```
provinces (31 + 兵团) ─┐ region_code
                       plans ── one per issuer, field and work year (national | provincial | municipal | county)
                       ├── plan_sources ── every text that states the plan: conference_report, work_points,
                       │                   roundup_item, commentary, paraphrase (doc_id + offsets)
                       ├── meetings ─── the conference that deployed it (dates, place, officials, sections)
                       ├── tasks ────── every task at every depth (parent_task_id; group headings are parents)
                       │   ├── task_sources ── the task as found in each source (agrees / differs)
                       │   └── commentary ──── editors' notes on a task
                       ├── targets ──── numeric commitments of a task (task_id) or of the plan's opening
                       │                └── indicator_id ─ indicators ── indicator_frameworks (national values)
                       ├── reported_figures ── quantities its texts report as already reached (indicator_id)
                       └── programmes ─ named standing initiatives (健康广东18项专项行动) with their count of parts
documents ── the cleaned texts every doc_id/char_start/char_end points into (+ sentences, tokens)
```
"""

TARGETS_GUIDE = """\
A row of `targets` is a **commitment**: a quantity the plan's issuer commits to reach, keep or deliver
in the plan period. `kind` says which: `level` (a state to reach or keep: 县域就诊率保持在90%以上,
每万名人口全科医生数达到4.33人), `change` (an increment or decrease of a level: 补助标准提高5元,
托位数新增1.5万个) or `count` (things to build, train, deliver or complete: 新建40家社区护理中心,
招聘1800名医学类毕业生, 为70万城乡妇女提供…检查). Numbers that are not commitments are left out: the
count of parts in a programme's name (see `programmes`), counts of things the clause has just named
(以丽水、湖州、衢州3个示范市为牵引), numbers inside a 以…为牵引 frame or a 在…基础上 baseline, counts that
announce the list that follows (抓好十项重点工作：), years, ages, ordinals, grades, quoted names.

`value` and `unit` are as printed, a scale word kept in the unit (托位数新增1.5万个 → 1.5 `万个`);
`base_value` and `base_unit` are the same quantity multiplied out (15000 `个`).

To sum or compare targets safely:

- sum `base_value`, only over rows with the same `kind`, `base_unit` and `indicator` (or a set of
  indicators you have read); never add `level` rows (a rate or a standard is not additive) and never
  mix units (`个`, `家`, `所`);
- leave out rows with a `per_unit` (每个市, 每万名人口, 人均): they are per place or per person;
- read `comparator` before adding: `ge`/`gt` values are floors, `le`/`lt` ceilings, `approx` rounded,
  `range` has its upper bound in `value_max`;
- keep `quoted_from` empty: a figure the plan restates from another issuer (国家层面…) is counted in
  that issuer's plan;
- check `flag`: `formula_part` rows are the parts of one formula (争创“3+9”…“双中心”: 3 and 9), `no_unit`
  rows have no measure word, `indicator_uncertain` rows have no clear subject;
- `year` is the deadline when the clause states one (`deadline_year`), else the plan's work year.

```sql
-- New facilities to build, by province, 2025 (counts of things built, per-place standards left out)
SELECT v.short_name, tg.indicator, tg.base_value, tg.base_unit, tg.comparator
FROM targets tg JOIN plans p USING (plan_id) JOIN provinces v ON v.province_code = p.region_code
WHERE tg.kind = 'count' AND tg.is_change AND tg.per_unit IS NULL AND tg.quoted_from IS NULL
  AND p.work_year = 2025
ORDER BY v.short_name, tg.target_id;
```

`programmes` holds the named standing initiatives a plan carries on (健康广东18项专项行动, 母婴安全五项制度,
中医药产业发展“十大行动”, 医疗卫生强基工程, “优质服务基层行”活动), one row per mention in a published task or
plan opening, with the name as printed and `n_parts`, the count of parts its name holds (18, 5, 10;
empty when the name holds none). `n_parts` says how a programme is made up, not what a plan commits
to deliver: do not add it to targets. A programme the clause credits to another issuer
(国家层面8项民生实事任务) has `quoted_from`.
"""

EXAMPLE_QUERIES = """\
-- 1. A province's plan for a year, tasks in order at every depth (task_id sorts in tree order)
SELECT t.task_id, t.depth, t.marker, t.title
FROM plans p JOIN provinces v ON v.province_code = p.region_code JOIN tasks t USING (plan_id)
WHERE v.short_name = '福建' AND p.work_year = 2025
ORDER BY t.task_id;

-- 2. Every task that mentions 医共体, by level of the plan
SELECT p.level, p.issuer, p.work_year, t.task_id, t.title
FROM tasks t JOIN plans p USING (plan_id)
WHERE t.n_children = 0 AND t.text LIKE '%医共体%'
ORDER BY p.level, p.plan_id, t.task_id;

-- 3. National vs provincial: how many plans of each level take up a theme, per work year
WITH themes(theme) AS (VALUES ('医共体'), ('中医药'), ('托育'), ('医保'))
SELECT p.work_year, theme,
       count(DISTINCT p.plan_id) FILTER (WHERE p.level = 'national') AS national_plans,
       count(DISTINCT p.plan_id) FILTER (WHERE p.level = 'provincial') AS provincial_plans
FROM themes JOIN tasks t ON t.text LIKE '%' || theme || '%' JOIN plans p USING (plan_id)
GROUP BY p.work_year, theme
ORDER BY p.work_year, theme;

-- Trace any row back to its source text
SELECT t.task_id, substr(d.text, t.char_start + 1, t.char_end - t.char_start) = t.text AS traces
FROM tasks t JOIN documents d USING (doc_id);
"""


def _constraints(field: dict[str, Any]) -> str:
    constraints = field.get("constraints", {})
    parts = []
    if constraints.get("required"):
        parts.append("required")
    if "enum" in constraints:
        parts.append("one of " + ", ".join(f"`{v}`" for v in constraints["enum"]))
    if "pattern" in constraints:
        parts.append(f"pattern `{constraints['pattern']}`")
    if field.get("flagValues"):
        parts.append("values listed below the table")
    for key, word in (("minimum", "≥"), ("maximum", "≤")):
        if key in constraints:
            parts.append(f"{word} {constraints[key]}")
    return "; ".join(parts)


def _escape(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _changes_section(changes: dict[str, Any]) -> list[str]:
    lines = ["## What changed in this version", ""]
    if changes.get("note"):
        lines += [f"Why: {changes['note']}", ""]
    lines += [describe_changes(changes), "", f"Version rule applied: {changes.get('summary', 'First release.')}", ""]
    tables = changes.get("tables", {})
    rows = [
        f"| {name} | {c.get('added', 0)} | {c.get('removed', 0)} | {c.get('changed', 0)} |"
        for name, c in sorted(tables.items())
        if c.get("added") or c.get("removed") or c.get("changed")
    ]
    if rows:
        lines += ["| table | rows added | rows removed | rows changed |", "|---|---:|---:|---:|", *rows, ""]
    lines += schema_and_move_lines(changes)
    return lines


def _sqlite_lines(package: dict[str, Any]) -> list[str]:
    entry = package.get("sqlite")
    if not entry:
        return []
    return [
        f"**SQLite** (any SQLite tool, Python's `sqlite3`, Datasette): `{entry['path']}` holds every table with",
        "its primary and foreign keys; `_tables` and `_columns` describe every table and column (the",
        "descriptions are also comments in each `CREATE TABLE`), `_package` the licences. Full-text search",
        "on jieba's words: `<table>_fts` (for tasks, targets and documents) has one row per row of its table,",
        "with the same rowid. A search term is a whole word (医共体 finds 紧密型县域医共体); terms separated by",
        "spaces must all match. In a clone of the source repository, `python -m pipeline serve` browses it.",
        "",
        "```sql",
        "SELECT t.task_id, t.title FROM tasks t",
        "WHERE t.rowid IN (SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH '医共体') ORDER BY t.task_id;",
        "```",
        "",
    ]


def render_readme(
    package: dict[str, Any],
    counts: dict[str, int],
    documents: list[dict[str, Any]],
    release: Any,
    coverage: list[str] = (),  # type: ignore[assignment]
) -> str:
    """The release README; `coverage`: Markdown lines of pipeline.package.coverage (what the release covers)."""
    name, version = package["name"], package["version"]
    licence = package["licenses"][0]
    lines = [
        f"# {package['title']}",
        "",
        f"Package `{name}`, version **{version}**, released {package['created'][:10]}.",
        "",
        package["description"],
        "",
        *(["## What this release covers", "", *coverage] if coverage else []),
        "## The model",
        "",
        "A *plan* is the work one issuer sets out for one work year; every text that states it (a conference",
        "report, a work-points document, a round-up item, a commentary, a paraphrase) is one of its sources,",
        "and its tasks, at every depth of nesting, are published from its best source:",
        "",
        MODEL.rstrip(),
        "",
        "## Use it",
        "",
        "Every table is here twice: `data/<table>.csv` (UTF-8, header, sorted by primary key) and",
        "`data/<table>.parquet` (zstd; the column descriptions are in its key-value metadata).",
        "`datapackage.json` describes every column (Frictionless Data Package v2) and records the sha256",
        "and size of each file; `SHA256SUMS` covers every file (`sha256sum -c SHA256SUMS`).",
        "",
        "**DuckDB** (`pip install duckdb-cli` gives the `duckdb` command), from this folder:",
        "",
        "```sh",
        "duckdb -init open.sql",
        "```",
        "",
        "or from any other folder:",
        "",
        "```sh",
        'duckdb -cmd "SET VARIABLE release = \'path/to/this/folder\'" -cmd ".read path/to/this/folder/open.sql"',
        "```",
        "",
        "`open.sql` creates one view per table over its Parquet file, and `<table>_csv` over its CSV file",
        'read with the schema\'s types. Without the `duckdb` command, `python load.py "SELECT ..."` (needs',
        "`pip install duckdb`) runs a query from any folder. Then, for example (the same queries run in the",
        "SQLite copy below):",
        "",
        "```sql",
        EXAMPLE_QUERIES.rstrip(),
        "```",
        "",
        *_sqlite_lines(package),
        "**pandas** (`pip install pandas pyarrow`): `load.py` reads a table with the schema's types (codes",
        "and ids stay strings, integers are `Int64`, dates are dates, an empty field is missing):",
        "",
        "```python",
        'import sys; sys.path.insert(0, "path/to/this/folder")  # or start Python in this folder',
        "import load",
        'targets = load.read_table("targets")            # from the CSV; source="parquet" reads the Parquet copy',
        "con = load.connect()                             # DuckDB connection with the views of open.sql",
        "```",
        "",
        "`load.pandas_dtypes(table)` is the dtype map of a table. With pandas alone, read the Parquet files",
        '(`pd.read_parquet(path, dtype_backend="numpy_nullable")`), or the CSV files with `dtype=str,',
        "keep_default_na=False` and convert: pandas' defaults turn codes such as `430000` into numbers. **Frictionless**",
        "(`frictionless validate datapackage.json`, `frictionless.Resource(...)`) reads the CSV files with",
        "the schema in `datapackage.json`.",
        "",
        "## Targets and programmes",
        "",
        TARGETS_GUIDE.rstrip(),
        "",
        "Offsets: `char_start`/`char_end` are half-open character offsets into `documents.text` of the",
        "row's `doc_id`; `substr(text, char_start + 1, char_end - char_start)` in SQL, or",
        "`text[char_start:char_end]` in Python, gives back the row's quoted text exactly.",
        "",
        *indicators_section(),
        *analysis_section(),
        "## Cite",
        "",
        f"> {package['contributors'][0]['title']}. *{package['title']}* (`{name}`), version {version},",
        f"> {package['created'][:10]}. Licence {licence['name']}. {package.get('homepage', '')}",
        "",
        "Cite the version you used: a published version never changes.",
        "",
        "## Licence and rights",
        "",
        f"The extracted data are licensed **{licence['name']}** ({licence['path']}).",
        "The quoted source texts are not: they remain the work of their publishers and are included for",
        "research. Each table's terms (also `licenses` and `rights` of its resource in `datapackage.json`):",
        "",
        "| table | licence | rights |",
        "|---|---|---|",
        *[
            f"| {r['name']} | {', '.join(x['name'] for x in r['licenses'])} | {_escape(r['rights'])} |"
            for r in package["resources"]
            if r.get("licenses")
        ],
        "",
        "Rights status of each text:",
        "",
        "| doc_id | rights |",
        "|---|---|",
        *[f"| {d['doc_id']} | {_escape(d['rights'])} |" for d in documents],
        "",
        "## Sources",
        "",
        "| doc_id | kind | title | outlet | credited source | published |",
        "|---|---|---|---|---|---|",
        *[
            f"| {d['doc_id']} | {d['kind']} | {_escape(d['title'])} | {_escape(d['source'])} | "
            f"{_escape(d['source_attribution'])} | {d['published_date'] or ''} |"
            for d in documents
        ],
        "",
        *_changes_section(release.changes),
        "## Tables",
        "",
        "**How CSV values are encoded.** " + csv_policy.RULE,
        "",
        "| table | rows | description |",
        "|---|---:|---|",
    ]
    csv_resources = [r for r in package["resources"] if r["format"] == "csv"]
    for resource in csv_resources:
        lines.append(
            f"| [{resource['name']}](#{resource['name']}) | {counts[resource['name']]} | {_escape(resource['description'])} |"
        )
    lines.append("")
    for resource in csv_resources:
        table_schema = resource["schema"]
        lines += [
            f"### {resource['name']}",
            "",
            _escape(resource["description"]),
            "",
            f"{counts[resource['name']]} rows. Primary key: `{', '.join(table_schema['primaryKey'])}`.",
        ]
        for key in table_schema.get("foreignKeys", []):
            reference = key["reference"]
            lines.append(
                f"Foreign key: `{', '.join(key['fields'])}` → `{reference['resource']}."
                f"{', '.join(reference['fields'])}`."
            )
        lines += ["", "| column | type | constraints | description |", "|---|---|---|---|"]
        for field in table_schema["fields"]:
            lines.append(
                f"| `{field['name']}` | {field['type']} | {_constraints(field)} | {_escape(field['description'])} |"
            )
        lines.append("")
        for field in table_schema["fields"]:
            if field.get("flagValues"):
                lines += [f"Values of `{field['name']}` (`;`-separated when several):", ""]
                lines += [f"- `{value}`: {_escape(meaning)}" for value, meaning in field["flagValues"].items()]
                lines.append("")
    return "\n".join(lines)
