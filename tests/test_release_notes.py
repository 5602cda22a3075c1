"""Release notes in words: the schema changes and moves of a major version reach both the changelog and the
package README, from one function."""

import json
from pathlib import Path

from pipeline.package.release_notes import schema_and_move_lines
from pipeline.release.versions import render_changelog

_MAJOR = {
    "version": "2.0.0",
    "date": "2026-01-02",
    "bump": "major",
    "summary": "MAJOR: a column was removed",
    "reasons": [{"change": "column tokens.pos removed or renamed"}],
    "schema_changes": ["column tokens.pos removed or renamed"],
    "moves": {"tokens.pos": "tokens.part_of_speech"},
    "tables": {},
}


def test_schema_changes_and_moves_are_listed_with_a_blank_line_after_each_block() -> None:
    lines = schema_and_move_lines(_MAJOR)
    assert lines == [
        "- schema: column tokens.pos removed or renamed",
        "",
        "Where the removed tables and columns went:",
        "",
        "- `tokens.pos` → tokens.part_of_speech",
        "",
    ]
    assert schema_and_move_lines({"tables": {}}) == []


def test_the_changelog_shows_where_a_removed_column_went(tmp_path: Path) -> None:
    release = tmp_path / "china-health-work-plans" / "2.0.0"
    release.mkdir(parents=True)
    (release / "changes.json").write_text(json.dumps(_MAJOR), encoding="utf-8")
    changelog = render_changelog(release.parent)
    assert "## 2.0.0 — 2026-01-02" in changelog
    assert "- schema: column tokens.pos removed or renamed" in changelog
    assert "- `tokens.pos` → tokens.part_of_speech" in changelog
