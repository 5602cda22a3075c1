"""Enumerations: 、-separated items in parentheses or before a count that sizes them (A、B、C三项行动), read as
list items when their parts name works (a counted noun of work, verb-led parts or one shared head noun).

Every function takes absolute offsets and returns `Piece`s (pipeline.parse.lists.unmarked) with absolute offsets.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.parse.lists.joins import count_after
from pipeline.parse.lists.rules import directive_at, shape, verb_at, verb_end
from pipeline.parse.lists.unmarked import ENUMERATION, Piece, trim_span
from pipeline.text.numbers import parse_number

_OPENING_QUOTES = "“‘「『\""
_CLOSING_QUOTES = "”’」』"


def enumeration_items(text: str, start: int, end: int) -> list[Piece]:
    """、-separated items in parentheses (each led by a verb) or right before a count that sizes them."""
    found: list[Piece] = []
    for match in re.finditer(r"[（(]([^（()）]+)[）)]", text[start:end]):
        inner_start = start + match.start(1)
        pieces = _split_enumeration(text, inner_start, start + match.end(1))
        if len(pieces) >= shape("min_items") and all(verb_at(text, p.start, p.end) for p in pieces):
            found += pieces
    if found:
        return found
    for match in count_after().finditer(text, start, end):
        count = parse_number(match.group("n"))
        clause_start = max(start, max(text.rfind(c, start, match.start()) for c in "，,；;。：:\n") + 1)
        lead = directive_at(text, clause_start, match.start())
        if lead is None:
            continue
        if count is None:
            continue
        item_start = verb_end(text, lead.start, match.start()) or lead.start
        pieces = _split_enumeration(text, item_start, match.start(), int(count))
        if not (len(pieces) == int(count) >= shape("min_items")) or any(_is_fragment(text, p) for p in pieces):
            continue
        if _counts_work(text, match.end(), end) or _shared_head(text, pieces) or all(verb_at(text, p.start, p.end) for p in pieces):
            return pieces
    return _headed_enumeration(text, start, end)


def _counts_work(text: str, position: int, end: int) -> bool:
    """Whether the noun after a count (三项|行动, 五个|“体系”建设, 三个|着力点) names work to be done ([shape]
    counted_work_nouns: 行动, 工程, 改革…): its enumerated nouns are the tasks. Nouns of fields, systems or points of
    focus (生命全周期、健康全过程、人群全覆盖三个着力点) name no task each; their parts are children only when each is
    led by a directive verb, or all end in one head noun (人才保障、经费保障、制度保障“三项保障”)."""
    words = text[position:end].lstrip("“”\"'「」")
    return words.startswith(tuple(shape("counted_work_nouns")))


def _headed_enumeration(text: str, start: int, end: int) -> list[Piece]:
    """The items of a clause 开展A、B、C专项行动: a directive verb, then 、-separated items the last of which
    ends in a head noun shared by all ([shape] enumeration_heads); no count needed."""
    clause_end = next((i for i in range(start, end) if text[i] in "，,；;。：:\n"), end)
    lead = directive_at(text, start, clause_end)
    if lead is None:
        return []
    item_start = verb_end(text, lead.start, clause_end) or lead.start
    pieces = _split_enumeration(text, item_start, clause_end)
    if len(pieces) < shape("min_headed_enumeration_items") or _bracketed_list(text, item_start, clause_end):
        return []
    last = text[pieces[-1].start : pieces[-1].end]
    etc = re.search(f"等(?:{_words(shape('enumeration_etc_heads'))})$", last)
    if etc is not None and etc.start() > 0:  # 抓好A、B、C等服务: the parts before 等
        pieces[-1] = Piece(pieces[-1].start, pieces[-1].start + etc.start(), None, ENUMERATION)
    elif not last.endswith(tuple(shape("enumeration_heads"))) and not _shared_head(text, pieces):
        return []
    return [] if any(_is_fragment(text, p) for p in pieces) else pieces


def _shared_head(text: str, pieces: list[Piece]) -> bool:
    """Whether every part ends in the same head noun of [shape] shared_head_chars characters, longer than the head
    (强化队伍保障、经费保障、责任保障: 保障)."""
    size = shape("shared_head_chars")
    words = [text[p.start : p.end] for p in pieces]
    return all(len(w) > size for w in words) and len({w[-size:] for w in words}) == 1


def _bracketed_list(text: str, start: int, end: int) -> bool:
    """Whether the 、 of text[start:end] stand inside brackets (开展“十进”（进家庭、进学校…）活动): the bracket
    explains one item, it does not list the clause's parts."""
    return any(text[i] == "、" and text.count("（", start, i) + text.count("(", start, i) > text.count("）", start, i) + text.count(")", start, i) for i in range(start, end))


def _is_fragment(text: str, piece: Piece) -> bool:
    """An enumeration piece that is not an item of its own: a count (一项行动) or a bare verb (推进)."""
    words = text[piece.start : piece.end]
    return bool(count_after().search(words)) or verb_end(text, piece.start, piece.end) == piece.end


def _quoted_list(text: str, start: int, end: int) -> bool:
    """Whether the 、 of text[start:end] stand inside one quotation (实施“深学争优、敢为争先”行动, 围绕“抓项目、
    强基层”目标): a slogan is one name, not a list of work."""
    return any(text[i] == "、" and text.count("“", start, i) > text.count("”", start, i) for i in range(start, end))


def enumeration_pieces(text: str, start: int, end: int, rule: str) -> list[Piece]:
    """The 、-separated items of text[start:end], trimmed of spaces and joiners, empty ones left out."""
    pieces = []
    position = start
    for index in range(start, end + 1):
        if index == end or text[index] == "、":
            s, e = trim_span(text, position, index)
            while s < e and text[s] in _CLOSING_QUOTES:  # a quote opened before the list and closed in it
                s += 1
            while e > s and text[e - 1] in _OPENING_QUOTES:  # A、B“两个提升”: the quote opens the count
                e -= 1
            if s < e:
                pieces.append(Piece(s, e, None, rule))
            position = index + 1
    return pieces


def counted_enumeration(text: str, start: int, end: int, count: int) -> list[Piece]:
    """The items of an enumeration announced with its count (包括六个部分，分别是A、B…以及F): [] unless
    the 、 (and a last 和/以及) give exactly `count` items, none of them longer than an item may be."""
    pieces = enumeration_pieces(text, start, end, ENUMERATION)
    if pieces and len(pieces) + 1 == count:  # the last two are joined by 以及/和 (the strongest joiner first)
        last = pieces[-1]
        words = text[last.start : last.end]
        joiner = next((j for j in shape("last_item_joiners") if words.find(j) > 0), None)
        if joiner is not None:
            at = last.start + words.find(joiner)
            pieces[-1:] = [Piece(last.start, at, None, ENUMERATION), Piece(at + len(joiner), last.end, None, ENUMERATION)]
    too_long = any(p.end - p.start > shape("max_enumeration_item_chars") for p in pieces)
    return pieces if len(pieces) == count and not too_long else []


def _split_enumeration(text: str, start: int, end: int, count: int | None = None) -> list[Piece]:
    """Items of an enumeration; when a count sizes it one item more than the 、 give, the last is split at
    和/及 (A、B和C三项)."""
    pieces = enumeration_pieces(text, start, end, ENUMERATION)
    if any(p.end - p.start > shape("max_enumeration_item_chars") for p in pieces) or _quoted_list(text, start, end):
        return []
    if count is not None and pieces and len(pieces) + 1 == count:
        last = pieces[-1]
        joined = _last_joiner().search(text[last.start : last.end])
        if joined and joined.start() > 0:
            pieces[-1:] = [
                Piece(last.start, last.start + joined.start(), None, ENUMERATION),
                Piece(last.start + joined.end(), last.end, None, ENUMERATION),
            ]
    return pieces


@cache
def _last_joiner() -> re.Pattern[str]:
    return re.compile(_words(shape("last_item_joiners")))


def _words(words: list[str]) -> str:
    """A regex alternation of the words, in their order."""
    return "|".join(map(re.escape, words))
