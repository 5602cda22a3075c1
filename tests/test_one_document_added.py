"""What makes a build after one added document cheaper gives what the slower way gave (issue 27): the analysis
step's tokens inside tasks, read by one ASOF join and grouped from sorted tuples; the screening verdicts of
documents kept by key and read back by later builds; the search index's words (tests/test_search_words.py);
the collector's thresholds during a run; the plan merge's matches kept by the texts of both sides."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from pipeline.analysis.tasks import SortedTokens, build_tasks
from pipeline.defs import analysis as analysis_step
from pipeline.defs.analysis import tokens_inside_tasks
from pipeline.documents.extract import extract_document
from pipeline.documents.record import DocumentRecord
from pipeline.documents.store import DocumentKeys
from pipeline.package import sqlite_search
from pipeline.tables import plans, screening
from pipeline.tables.screening import verdict_key
from pipeline.text.clean import clean_text

# Tasks of two documents: in a, a parent [0, 40) with children [2, 10) and [12, 30), a second task starting at 12
# that ends later [12, 36), and a task [50, 60) after a gap; in b, one task [5, 9). Document c has no task.
TASKS = [
    ("a-1", "a", 0, 40),
    ("a-1-1", "a", 2, 10),
    ("a-1-2", "a", 12, 30),
    ("a-2", "a", 12, 36),
    ("a-3", "a", 50, 60),
    ("b-1", "b", 5, 9),
]
# Tokens: inside, straddling an end (38-42 crosses a-1's end; 58-61 crosses a-3's), in the gap (44-46), at the
# edges of spans (0-2, 59-60), before b's task (3-5), straddling its start (4-6), and in a document without a task.
TOKENS = [
    ("a", 0, 2, "规划", "n"),
    ("a", 2, 4, "推进", "v"),
    ("a", 34, 36, "建设", None),  # part of speech unknown
    ("a", 38, 42, "医共体", None),
    ("a", 44, 46, "回顾", "v"),
    ("a", 52, 54, "强化", "v"),
    ("a", 58, 61, "卫生院", "n"),
    ("a", 59, 60, "院", "n"),
    ("b", 3, 5, "全省", "n"),
    ("b", 4, 6, "省卫", "n"),
    ("b", 5, 9, "基层医疗", "n"),
    ("c", 0, 2, "会议", "n"),
]


def _warehouse() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE TABLE tasks (task_id VARCHAR, doc_id VARCHAR, char_start INTEGER, char_end INTEGER)")
    con.executemany("INSERT INTO tasks VALUES (?, ?, ?, ?)", TASKS)
    con.execute(
        "CREATE TABLE tokens (doc_id VARCHAR, char_start INTEGER, char_end INTEGER, token VARCHAR, pos VARCHAR)"
    )
    con.executemany("INSERT INTO tokens VALUES (?, ?, ?, ?, ?)", TOKENS)
    con.execute("CREATE TABLE documents (doc_id VARCHAR, text VARCHAR)")
    con.executemany("INSERT INTO documents VALUES (?, ?)", [(doc, "文" * 70) for doc in ("a", "b", "c")])
    return con


def test_the_tokens_inside_tasks_are_those_some_task_contains_sorted():
    con = _warehouse()
    found = list(tokens_inside_tasks(con))
    expected = sorted(
        (doc, start, end, token, pos or "")
        for doc, start, end, token, pos in TOKENS
        if any(d == doc and s <= start and end <= e for _task, d, s, e in TASKS)
    )
    assert found == expected
    assert [row[3] for row in found] == ["规划", "推进", "建设", "强化", "院", "基层医疗"]  # written by hand
    assert ("a", 38, 42, "医共体", "") not in found  # crosses the end of every task it starts in
    assert not any(row[0] == "c" for row in found)


@pytest.mark.parametrize("batch_chars", [1, 70, 139, 10**9])
def test_the_tokens_inside_tasks_read_a_batch_of_documents_at_a_time_are_the_same_rows(monkeypatch, batch_chars):
    """One query per run of documents (one document at least, a and b together once the batch holds both texts)
    gives the rows, in the order, of one query over every document."""
    con = _warehouse()
    monkeypatch.setattr(analysis_step, "TOKENS_BATCH_CHARS", 10**9)
    whole = list(tokens_inside_tasks(con))
    monkeypatch.setattr(analysis_step, "TOKENS_BATCH_CHARS", batch_chars)
    together = batch_chars >= 140  # the texts of a and b are 70 characters each
    assert list(analysis_step._document_batches(con)) == ([("a", "b")] if together else [("a", "a"), ("b", "b")])
    assert list(tokens_inside_tasks(con)) == whole


def test_sorted_token_tuples_give_the_tasks_that_token_rows_give():
    tasks = [
        {
            "task_id": task_id,
            "plan_id": "p",
            "parent_task_id": "a-1" if task_id.startswith("a-1-") else None,
            "title": "",
            "text": "",
            "doc_id": doc,
            "char_start": start,
            "char_end": end,
        }
        for task_id, doc, start, end in TASKS
    ]
    plans = [{"plan_id": "p", "level": "county", "region_code": None, "work_year": 2025}]
    rows = [
        {"doc_id": doc, "char_start": start, "char_end": end, "token": token, "pos": pos}
        for doc, start, end, token, pos in reversed(TOKENS)  # rows in any order
    ]
    tuples = sorted((doc, start, end, token, pos or "") for doc, start, end, token, pos in TOKENS)
    from_rows = build_tasks(tasks, plans, rows)
    from_tuples = build_tasks(tasks, plans, SortedTokens(iter(tuples)))
    assert from_tuples == from_rows
    by_id = {task.task_id: task for task in from_tuples}
    assert [token.token for token in by_id["a-1"].tokens] == ["规划", "推进", "建设"]
    assert [(token.token, token.pos) for token in by_id["a-3"].tokens] == [("强化", "v"), ("院", "n")]
    assert [token.token for token in by_id["b-1"].tokens] == ["基层医疗"]
    assert [(token.token, token.pos) for token in by_id["a-2"].tokens] == [("建设", "")]


# --- screening verdicts kept by key ------------------------------------------------------------------------------

REPORT = (
    "2025年全市卫生健康工作会议召开\n3月3日，2025年全市卫生健康工作会议在常德召开。会议部署2025年重点工作。\n"
    "会议强调，一是提升县级医院服务能力；二是完善家庭医生签约服务；三是推进智慧医院建设。\n"
)


def _report(doc_id: str) -> DocumentRecord:
    text = clean_text(REPORT).text
    return DocumentRecord(
        doc_id=doc_id, file=f"{doc_id}.txt", sha256=hashlib.sha256(REPORT.encode()).hexdigest(),
        manifest={"kind": "municipal_conference_report", "title": "标题", "rights": "test"}, text=text,
        cleaning_notes=(), metadata={}, payload=extract_document(text, kind="municipal_conference_report", published=None),
    )  # fmt: skip


def _without_title(record: DocumentRecord, doc_id: str) -> DocumentRecord:
    plan = json.loads(json.dumps(record.payload["plans"][0]))
    plan["tasks"][1]["title"] = ""  # a task without its required title: the document's rows are refused
    return replace(record, doc_id=doc_id, file=f"{doc_id}.txt", payload={**record.payload, "plans": [plan]})


def _keys(doc_id: str, extract: str) -> DocumentKeys:
    return DocumentKeys(doc_id=doc_id, raw=f"raw-{doc_id}", clean="c", segment="s", extract=extract)


def test_a_kept_verdict_is_read_back_and_a_document_with_new_keys_is_screened_again(tmp_path: Path, monkeypatch):
    good, broken = _report("good"), _without_title(_report("good"), "broken")
    keys = [verdict_key(_keys("good", "e1")), verdict_key(_keys("broken", "e1"))]
    kept, refused = screening.screen_records([good, broken], tmp_path, keys)
    assert kept is good and refused.payload["plans"] == [] and "tasks.title" in refused.payload["kind_flag"]
    assert len(list(tmp_path.iterdir())) == 2  # one verdict per document
    first_flag = refused.payload["kind_flag"]

    # A later build, in another process (nothing remembered in memory), of records with the same keys: no
    # document is screened again, and the verdicts are the same.
    monkeypatch.setattr(screening, "_screened_cache", {})
    screened = []
    real = screening.document_row_problem
    monkeypatch.setattr(
        screening, "document_row_problem", lambda record: screened.append(record.doc_id) or real(record)
    )
    again = [_report("good"), _without_title(_report("good"), "broken")]
    kept, refused = screening.screen_records(again, tmp_path, keys)
    assert screened == []
    assert kept is again[0] and refused.payload["kind_flag"] == first_flag

    # New extraction results (another extract key) are screened again; so is a document without a folder.
    monkeypatch.setattr(screening, "_screened_cache", {})
    fixed = _report("broken")
    [result] = screening.screen_records([fixed], tmp_path, [verdict_key(_keys("broken", "e2"))])
    assert screened == ["broken"] and result is fixed
    screening.screen_records([_report("other")])
    assert screened == ["broken", "other"]


def test_the_verdict_key_changes_with_each_key_of_the_record_it_depends_on():
    base = verdict_key(_keys("d", "e"))
    assert base == verdict_key(_keys("d", "e"))
    assert base != verdict_key(_keys("d", "e2"))  # other extraction results or clean text
    assert base != verdict_key(DocumentKeys(doc_id="d", raw="raw-other", clean="c", segment="s", extract="e"))
    # the segment key (tokens) and the clean key alone do not make the record: the extract key holds the clean one
    assert base == verdict_key(DocumentKeys(doc_id="d", raw="raw-d", clean="c2", segment="s2", extract="e"))


# --- the search index's memo of indexed words --------------------------------------------------------------------


def test_a_memo_gives_the_function_s_value_before_and_after_it_is_cleared(monkeypatch):
    calls = []
    memo = sqlite_search._Memo(lambda text: calls.append(text) or text.upper())
    monkeypatch.setattr(sqlite_search, "_MEMO_MAX", 2)
    assert [memo[text] for text in ("ab", "ab", "cd", "ef", "ab")] == ["AB", "AB", "CD", "EF", "AB"]
    assert calls == ["ab", "cd", "ef", "ab"]  # "ab" made again once the memo was full and cleared


# --- fewer garbage collections during a build's run ---------------------------------------------------------------


def test_the_collector_s_thresholds_are_raised_in_the_block_and_restored_after_even_on_error():
    import gc

    from pipeline.cli.collector import THRESHOLDS, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == THRESHOLDS and THRESHOLDS[0] > before[0]
    assert gc.get_threshold() == before
    try:
        with fewer_collections():
            raise RuntimeError("a failed run")
    except RuntimeError:
        pass
    assert gc.get_threshold() == before and gc.isenabled()


# --- the plan merge's matches kept by the texts of both sides ------------------------------------------------------

PRIMARY = ["提升县级医院服务能力", "完善家庭医生签约服务", "推进智慧医院建设"]
OTHER = ["推进智慧医院建设工作", "提升县级医院综合服务能力", "开展爱国卫生运动"]


def _leaves(texts: list[str]) -> list[dict]:
    return [{"ordinal": number, "text": text} for number, text in enumerate(texts, start=1)]


def test_a_match_kept_as_json_is_read_back_without_matching_again(monkeypatch):
    first = plans.MatchMemo()
    expected = plans.match_tasks(_leaves(PRIMARY), _leaves(OTHER))
    assert first.matches(_leaves(PRIMARY), _leaves(OTHER)) == expected
    assert set(expected) == {1, 2}  # the third task of the other source matches none

    calls = []
    real = plans.match_tasks
    monkeypatch.setattr(plans, "match_tasks", lambda *sides: calls.append(sides) or real(*sides))
    later = plans.MatchMemo(known=json.loads(json.dumps(first.used)))  # as the build keeps it
    assert later.matches(_leaves(PRIMARY), _leaves(OTHER)) == expected
    assert calls == [] and later.used == first.used  # what this build used is kept for the next
    # Another text on either side is matched anew.
    changed = [*OTHER[:2], "提升县级医院服务能力"]
    assert later.matches(_leaves(PRIMARY), _leaves(changed)) == real(_leaves(PRIMARY), _leaves(changed))
    assert len(calls) == 1 and len(later.used) == 2
    assert plans.MatchMemo(known=later.used).matches(_leaves(PRIMARY[:2]), _leaves(OTHER)) == real(
        _leaves(PRIMARY[:2]), _leaves(OTHER)
    )
    assert len(calls) == 2
