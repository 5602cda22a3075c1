"""Requirements: items led by 要 (or 必须), separated by ；or 。 (要…；要…。), a short subject allowed before
the first (全市卫生健康系统要…) and its speaker before it (县长强调，要…). A requirement starts at its work after
framing (要以…为主线，加快… → 加快…); one whose first clause is a stance is read when its later clauses are
measures (要深刻把握新形势…，全力做好…，抓实…。); it ends with its paragraph and before the next sentence
that opens on a modal. A ；-part of a requirement that a directive verb or 以…为… leads is an item of its own, a
sibling printed without its modal (要加强A，统筹B；加强C，制定D；要推动E → A, C, E: flag list_verb_clauses), unless
a colon before it announces the part as the requirement's own measures (要健全三项机制：建立…；完善…).
Offsets are absolute; the pieces are pipeline.parse.lists.unmarked's.
"""

from __future__ import annotations

import re

from pipeline.parse.lists.rules import (
    Lead,
    directive_at,
    is_attitude,
    is_framing,
    is_generic,
    is_modal_word,
    rules,
    shape,
    verb_at,
)
from pipeline.parse.lists.unmarked import CLAUSES, MODAL, Piece, clause_spans, only_attributes, paragraph_end, trim_span


def modal_items(text: str, start: int, end: int) -> list[Piece]:
    """Items led by a modal (要/必须) after ；, 。 or a line start (the first also after ，, ： or a subject)."""
    modals = rules()["directive"]["modals"]
    boundaries = shape("modal_boundaries")
    starts: list[tuple[int, str, int, bool]] = []
    for match in re.finditer("|".join(modals), text[start:end]):
        position = start + match.start()
        lead = directive_at(text, position, end)
        if (lead is None or lead.kind != "modal") and not _opens_on_measures(text, position, start + match.end(), end):
            continue
        before = _boundary_before(text, position, start)
        if before is None:
            continue
        char, distance = before
        after_comma = bool(starts) and _comma_requirement(text, starts[-1][0], position, start + match.end(), end, char, distance)
        if starts and char not in "；;。\n" and not (char in "。\n" and distance <= shape("max_subject_chars")) and not after_comma:
            continue
        if not starts and (distance > shape("max_subject_chars") or (distance > 0 and char not in "，,：:。\n")):
            continue
        if distance == 0 and char not in boundaries + "\n":
            continue
        item_start = lead.start if lead is not None and lead.kind == "modal" else position + len(match.group())
        starts.append((position, match.group(), item_start, after_comma))  # after framing: 要以…为主线，加快… → 加快…
    if len(starts) < shape("min_items"):
        return []
    pieces = []
    for index, (position, modal, item_start, _) in enumerate(starts):
        stop = starts[index + 1][0] if index + 1 < len(starts) else paragraph_end(text, position, end)
        if index + 1 < len(starts) and not starts[index + 1][3]:  # up to the next item's sentence, never past its own paragraph
            stop = min(_sentence_start(text, stop, position), paragraph_end(text, position, end))
        stop = _next_requirement(text, position + len(modal), stop)
        s, e = trim_span(text, item_start, stop)
        if s < e:
            pieces += _with_sibling_parts(text, Piece(s, e, modal, MODAL))
    return pieces if len(pieces) >= shape("min_items") else []


def _comma_requirement(text: str, previous: int, position: int, after: int, end: int, char: str, distance: int) -> bool:
    """Whether a bare modal right after a comma opens a requirement of its own inside a sentence of requirements
    (会议强调，要坚持…，全面深化A，推进B，强化C，要筑牢D，… → 要筑牢D…): the requirement before it (its modal at
    `previous`) is in the same sentence and ；-part and holds a head and its measures ([shape]
    min_clauses_before_comma_requirement comma clauses), a directive verb leads the words after the modal (not framing, not 以/把),
    and it is no word (需要, 重要, 只要, 要求), no 也要/还要 (no distance) and not inside quotation marks (提出“要A，
    要B”的口号). A sentence that opens on a time word (…。当前，要做好…) is no such requirement: its 要 is the first."""
    if char not in "，," or distance != 0 or is_modal_word(text, position) or not verb_at(text, after, end):
        return False
    if re.search("[。；;！？\n]", text[previous:position]):
        return False
    if len(re.findall("[，,]", text[previous:position])) < shape("min_clauses_before_comma_requirement"):
        return False
    return text.count("“", previous, position) <= text.count("”", previous, position)


def further_requirement(text: str, start: int, end: int) -> tuple[int, Lead] | None:
    """(sentence start, its modal's lead) of the first sentence after the first in text[start:end] that joins one
    more requirement to a list just ended (…落地见效。同时，要全面加强…: lists.toml [ends] further_requirement)."""
    words = "|".join(map(re.escape, rules()["ends"]["further_requirement"]))
    for found in re.finditer(f"(?<=[。！？])\\s*(?:{words})[，,]?", text[start:end]):
        lead = directive_at(text, start + found.end(), end)
        if lead is not None and lead.kind == "modal":
            return start + found.start(), lead
    return None


def _with_sibling_parts(text: str, piece: Piece) -> list[Piece]:
    """A requirement cut at each ；-part that a directive verb or 以…为… leads (not a modal: 要素配置 is no 要),
    the part an item of its own printed without its modal; none after a colon (the requirement's own measures)."""
    cuts = []
    for part in re.finditer("[；;]", text[piece.start : piece.end]):
        position = piece.start + part.end()
        if re.search("[：:]", text[piece.start : position]):
            break
        while position < piece.end and text[position] in " \t\u3000":
            position += 1
        lead = directive_at(text, position, piece.end)
        if lead is not None and lead.kind != "modal":
            cuts.append(position)
    if not cuts:
        return [piece]
    bounds = [piece.start, *cuts, piece.end]
    out = []
    for index in range(len(bounds) - 1):
        s, e = trim_span(text, bounds[index], bounds[index + 1])
        if s < e:
            out.append(Piece(s, e, piece.marker, MODAL) if index == 0 else Piece(s, e, None, CLAUSES))
    return out


def _opens_on_measures(text: str, position: int, after: int, end: int) -> bool:
    """Whether a sentence opening on a modal whose first clause no directive verb leads (要深刻把握新形势…，
    全力做好…，抓实…。) is a requirement all the same: it starts a sentence (or follows its speaker: 县长强调，要…)
    and at least two of its later comma clauses are led by a directive verb."""
    if is_modal_word(text, position) or (position > 0 and text[position - 1] not in "。；;\n" and not _after_speaker(text, position)):
        return False
    stop = next((i for i in range(after, end) if text[i] in "。；;！？\n"), end)
    clauses = clause_spans(text, after, stop, "，,")
    if not clauses or is_framing(text, clauses[0][0], clauses[0][1]):
        return False  # 要以…为指导，坚持…：framing, read by directive_at
    measures = [(s, e) for s, e, _ in clauses[1:] if directive_at(text, s, e) is not None and not is_generic(text, s, e)]
    if len(measures) >= shape("min_items"):
        return True
    # a short heading then its measure (要转变重心，聚焦…。要对标健康城市，加大督查考核，…): a requirement too
    head_start, head_end, _ = clauses[0]
    short = head_end - head_start <= shape("max_requirement_heading_chars") and not is_attitude(text, head_start, head_end)
    return short and len(clauses) >= 2 and measures[:1] == [clauses[1][:2]]


def _after_speaker(text: str, position: int) -> bool:
    """Whether the words before `position` are a clause that only says who speaks (县长强调，要…)."""
    if position == 0 or text[position - 1] not in "，,：:":
        return False
    clause_start = max(text.rfind(c, 0, position - 1) for c in "，,。；;：:\n") + 1
    return only_attributes(text, clause_start, position - 1)


def _next_requirement(text: str, start: int, stop: int) -> int:
    """Where a sentence opening on a modal (要锤炼过硬本领…) starts before `stop`: a requirement of its own
    even when no directive verb leads it, so it ends the item before."""
    modals = tuple(rules()["directive"]["modals"])
    for index in range(start, stop):
        if text[index - 1] in "。；;！？" and text.startswith(modals, index) and not is_modal_word(text, index):
            return index
    return stop


def _boundary_before(text: str, position: int, floor: int) -> tuple[str, int] | None:
    """(boundary character, characters between it and `position`) for the nearest boundary before."""
    index = position - 1
    while index >= floor and text[index] not in "，,；;。：:\n！？":
        index -= 1
    char = text[index] if index >= floor else "\n"
    return char, position - index - 1


def _sentence_start(text: str, position: int, floor: int) -> int:
    """Move back from a modal to the start of its clause (a subject before 要 belongs to its item's lead-in)."""
    index = position
    while index > floor and text[index - 1] not in "；;。\n":
        index -= 1
    return index
