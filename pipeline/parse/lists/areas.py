"""A plan written as one enumeration of areas of work: 围绕A、B、C等方面，进一步深化合作.

Joint plans of several regions and cooperation agreements often state their work as the areas the
parties will work on together, in one 、-enumeration opened by 围绕/聚焦/在 and closed by 等方面/等领域.
Each area is a task when most areas are written as work (led by a directive verb: 建立…, 健全…, 推动…):
an enumeration of fields (在疾病防控、医疗服务等方面) is not. The words are data: lists.toml [areas].
The reader uses this only when it finds no other list in the text.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.parse.lists.enumerations import enumeration_pieces
from pipeline.parse.lists.rules import DEPLOY, SENTENCE_WORDS, alternation, nearest_cue, rules, verb_at
from pipeline.parse.lists.unmarked import ENUMERATION, Piece

RULE = "list_area_enumeration"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cfg = rules()["areas"]
    openers = "|".join(map(re.escape, sorted(cfg["openers"], key=len, reverse=True)))
    return re.compile(f"(?:{openers})"), re.compile(cfg["closer"])


def area_items(text: str, start: int, end: int) -> list[Piece]:
    """The areas of the first deploying enumeration of areas in text[start:end] (empty when there is none)."""
    cfg = rules()["areas"]
    opener_re, closer_re = _patterns()
    for sentence in SENTENCE_WORDS.finditer(text[start:end]):
        s, e = start + sentence.start(), start + sentence.end()
        for closer in closer_re.finditer(text, s, e):
            clause_start = max(text.rfind(c, s, closer.start()) for c in "，,；;：:") + 1
            clause_start = max(clause_start, s)
            opener = opener_re.search(text, clause_start, closer.start())
            if opener is None or nearest_cue(text[s : opener.start()]) != DEPLOY:
                continue
            pieces = enumeration_pieces(text, opener.end(), closer.start(), RULE)
            verbs = sum(verb_at(text, p.start, p.end) for p in pieces)
            if len(pieces) >= cfg["min_items"] and verbs >= cfg["min_verb_share"] * len(pieces):
                return pieces
    return []


def nested_areas(text: str, start: int, end: int) -> list[Piece]:
    """The areas named inside one item (着力在推进A、完善B、加强C等方面实现新突破) when most are written as work, as
    area_items reads them ([areas] min_verb_share led by a directive verb): fields (在公立医院改革、分级诊疗、中医药
    发展等方面实现新突破) are where the item's one measure applies, and the item stays one task (the dev and read keys);
    at least [areas] min_items of them."""
    opener_re, closer_re = _patterns()
    for closer in closer_re.finditer(text, start, end):
        clause_start = max(max(text.rfind(c, start, closer.start()) for c in "，,；;：:") + 1, start)
        opener = opener_re.search(text, clause_start, closer.start())
        if opener is None or opener.start() == clause_start:
            continue  # an item that is only the enumeration is read by area_items, not nested
        pieces = enumeration_pieces(text, opener.end(), closer.start(), RULE)
        cfg = rules()["areas"]
        short = all(p.end - p.start <= cfg["max_nested_area_chars"] for p in pieces)
        work = sum(verb_at(text, p.start, p.end) for p in pieces) >= cfg["min_verb_share"] * len(pieces)
        if len(pieces) >= cfg["min_items"] and short and work:
            return pieces
    return []


def named_tasks(text: str, start: int, end: int) -> list[Piece]:
    """The tasks an item names in one enumeration closed by a word for tasks (围绕推进A、加快B、完善C等重点任务，
    …): each part led by a directive verb and short ([areas] max_nested_area_chars), at least [areas]
    min_items of them, after an opener ([areas] task_openers) or from the clause's start (list_enumeration)."""
    cfg = rules()["areas"]
    opener_re = _task_opener()
    for closer in re.finditer(cfg["task_closer"], text[start:end]):
        stop = start + closer.start()
        clause_start = max(max(text.rfind(c, start, stop) for c in "，,；;：:。") + 1, start)
        opener = opener_re.match(text, clause_start, stop)
        pieces = enumeration_pieces(text, opener.end() if opener else clause_start, stop, ENUMERATION)
        short = all(p.end - p.start <= cfg["max_nested_area_chars"] for p in pieces)
        if len(pieces) >= cfg["min_items"] and short and all(verb_at(text, p.start, p.end) for p in pieces):
            return pieces
    return []


@cache
def _task_opener() -> re.Pattern[str]:
    return re.compile(alternation(rules()["areas"]["task_openers"]))
