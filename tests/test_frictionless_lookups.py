"""pipeline.package.frictionless_lookups: a validation that reads each referenced table once reports exactly what
Frictionless's own reading reports (dangling keys, self-references, a missing referenced table), on packages
written for the purpose."""

from __future__ import annotations

import json
from pathlib import Path

import frictionless
import pytest
from frictionless.resources.table import TableResource

from pipeline.package.frictionless_lookups import _PRIVATE, shared_lookups


def _package(folder: Path, items: str, notes: str, referenced: str = "documents") -> Path:
    """documents (doc_id); items (item_id, doc_id → documents, parent_id → items); notes (doc_id → documents)."""
    folder.mkdir()
    (folder / "documents.csv").write_text("doc_id,text\nd1,一\nd2,二\n", encoding="utf-8")
    (folder / "items.csv").write_text(items, encoding="utf-8")
    (folder / "notes.csv").write_text(notes, encoding="utf-8")

    def resource(name: str, fields: list[str], keys: list[dict]) -> dict:
        return {
            "name": name,
            "path": f"{name}.csv",
            "schema": {
                "fields": [{"name": f, "type": "string"} for f in fields],
                "primaryKey": [fields[0]],
                "foreignKeys": keys,
            },
        }

    to_documents = {"fields": ["doc_id"], "reference": {"resource": referenced, "fields": ["doc_id"]}}
    descriptor = {
        "name": "p",
        "resources": [
            resource("documents", ["doc_id", "text"], []),
            resource(
                "items",
                ["item_id", "doc_id", "parent_id"],
                [to_documents, {"fields": ["parent_id"], "reference": {"resource": "", "fields": ["item_id"]}}],
            ),
            resource("notes", ["note_id", "doc_id"], [to_documents]),
        ],
    }
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return folder / "datapackage.json"


def _report(descriptor: Path) -> list:
    report = frictionless.Package(str(descriptor)).validate()
    return [(task.place, [(e.type, e.message) for e in task.errors]) for task in report.tasks] + [
        ("package", [(e.type, e.message) for e in report.errors])
    ]


CASES = {
    "valid": ("item_id,doc_id,parent_id\ni1,d1,\ni2,d2,i1\n", "note_id,doc_id\nn1,d2\n", "documents"),
    "dangling": ("item_id,doc_id,parent_id\ni1,d9,\ni2,d2,i7\n", "note_id,doc_id\nn1,d1\nn2,d8\n", "documents"),
    "missing table": ("item_id,doc_id,parent_id\ni1,d1,\n", "note_id,doc_id\nn1,d1\n", "no_such_table"),
}


@pytest.mark.parametrize("case", CASES)
def test_the_report_is_frictionless_own(case: str, tmp_path: Path):
    items, notes, referenced = CASES[case]
    own = _report(_package(tmp_path / "own", items, notes, referenced))
    with shared_lookups():
        shared = _report(_package(tmp_path / "shared", items, notes, referenced))
    assert [errors for _, errors in shared] == [errors for _, errors in own]
    if case == "dangling":
        messages = " ".join(message for _, errors in own for _, message in errors)
        assert '"d9"' in messages and '"i7"' in messages and '"d8"' in messages  # each table's own dangling key
    if case == "missing table":
        assert any("no_such_table" in message for _, errors in own for _, message in errors)


def test_a_table_referenced_by_two_tables_is_read_once_and_frictionless_method_is_restored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    original = getattr(TableResource, _PRIVATE)
    opened = []

    def counting(resource: TableResource) -> None:
        opened.append(resource.name)
        original(resource)

    monkeypatch.setattr(TableResource, _PRIVATE, counting)
    descriptor = _package(tmp_path / "p", *CASES["valid"][:2])
    _report(descriptor)
    alone = list(opened)
    opened.clear()
    with shared_lookups():
        _report(descriptor)
    # notes points only at documents, which items' lookups read: Frictionless does not read it again for notes;
    # items has a self-reference, whose lookup is its own each time
    assert "notes" in alone and "notes" not in opened
    assert opened.count("items") == alone.count("items") > 0
    assert getattr(TableResource, _PRIVATE) is counting
