"""What makes a build after one added document cheaper gives what the slower way gave (issue 27): the analysis
step's tokens inside tasks, read by one ASOF join and grouped from sorted tuples."""

from __future__ import annotations

import duckdb

from pipeline.analysis.tasks import SortedTokens, build_tasks
from pipeline.defs.analysis import _TOKENS_INSIDE_TASKS

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
    return con


def test_the_tokens_inside_tasks_are_those_some_task_contains_sorted():
    con = _warehouse()
    found = con.execute(_TOKENS_INSIDE_TASKS.format(pos="coalesce(k.pos, '')")).fetchall()
    expected = sorted(
        (doc, start, end, token, pos or "")
        for doc, start, end, token, pos in TOKENS
        if any(d == doc and s <= start and end <= e for _task, d, s, e in TASKS)
    )
    assert found == expected
    assert [row[3] for row in found] == ["规划", "推进", "建设", "强化", "院", "基层医疗"]  # written by hand
    assert ("a", 38, 42, "医共体", "") not in found  # crosses the end of every task it starts in
    assert not any(row[0] == "c" for row in found)


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
    assert [(token.token, token.pos, token.position) for token in by_id["a-3"].tokens] == [
        ("强化", "v", ("a", 52)),
        ("院", "n", ("a", 59)),
    ]
    assert [token.token for token in by_id["b-1"].tokens] == ["基层医疗"]
    assert [(token.token, token.pos) for token in by_id["a-2"].tokens] == [("建设", "")]
