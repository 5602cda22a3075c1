"""The analysis's is_term answers from a memo (pipeline.analysis.tasks._TermMemo): the same verdicts as the rule
itself, for a TaskToken or a (token, pos) pair, under the settings of the moment."""

from __future__ import annotations

from dataclasses import replace

from pipeline.analysis import tasks
from pipeline.analysis.settings import settings
from pipeline.analysis.tasks import AnalysisTask, TaskToken, is_term, task_terms, task_words

PAIRS = [
    ("医共体", "n"),
    ("紧密型县域医共体", "n"),
    ("，", "x"),
    ("2025", "m"),
    ("推进", "v"),  # a stop-word
    ("浙江", "ns"),  # a region name
    ("医", "n"),  # one character
    ("托育", None),  # no part of speech
    ("托育", "vn"),
]


def test_the_memo_gives_the_rule_s_verdict_asked_once_or_again():
    config = settings()
    first = [is_term(token, pos) for token, pos in PAIRS]
    again = [is_term(token, pos) for token, pos in reversed(PAIRS)][::-1]
    assert first == again == [tasks._is_term(token, pos, config) for token, pos in PAIRS]
    assert first[:3] == [True, True, False] and first[4:7] == [False, False, False]  # as tests/test_analysis.py says


def test_a_task_token_is_looked_up_as_its_pair():
    task = AnalysisTask(
        "t", "p", "provincial", None, None, "", "", tuple(TaskToken(t, p or "") for t, p in PAIRS), True, True
    )
    assert task_words(task) == [token for token, pos in PAIRS if is_term(token, pos or "")]
    assert task_terms(task)[:2] == ["医共体", "紧密型县域医共体"]  # then the long token's sub-word terms


def test_other_settings_empty_the_memo(monkeypatch):
    assert is_term("医共体", "n")
    stricter = replace(settings(), stop_words=settings().stop_words | {"医共体"})
    monkeypatch.setattr(tasks, "settings", lambda: stricter)
    assert not is_term("医共体", "n")  # not the verdict kept under the settings before
    monkeypatch.undo()
    assert is_term("医共体", "n")


def test_a_full_memo_is_emptied_and_still_answers(monkeypatch):
    monkeypatch.setattr(tasks, "_TERM_MEMO_MAX", 2)
    verdicts = [is_term(token, pos) for token, pos in PAIRS]
    assert len(tasks._TERMS) <= 2
    assert verdicts == [tasks._is_term(token, pos, settings()) for token, pos in PAIRS]
