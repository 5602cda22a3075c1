"""Items that state a stance rather than work: a leader's 要-requirement made of attitudes and work style
(要增强政治自觉，履行责任担当，强化风险意识，筑牢廉洁防线，…), or of relaying and exhortation (要认真贯彻…精神，
准确把握…内涵，充分认识…); and clauses that report work done rather than set it out (回顾总结了…, …取得明显成效); runs of four-character slogans
that set the tone (立足统筹，着眼长远，突出重点…: slogan_runs); and, for every plan whatever reader found it, items that only
name political attitudes (增强“四个意识”; 切实把思想和行动统一到…上来: without_political_attitudes, [directive] political_attitudes). The clause tests are pipeline.parse.lists.rules' (is_attitude, is_generic,
is_framing), their words pipeline/data/lists.toml [directive]. Offsets are absolute.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pipeline.parse.lists.rules import (
    after_adverbs,
    alternation,
    directive_at,
    is_attitude,
    is_framing,
    is_generic,
    is_modal_word,
    rules,
    shape,
    verb_at,
    verb_end,
)
from pipeline.parse.task_tree import DROP, KEEP, LIFT, Verdict, prune_tasks

ATTITUDE_LEFT_OUT = "attitude_items_left_out"
_ATTITUDE_CLAUSE = re.compile("[^，,；;。！？\n]+")

_CLAUSE = re.compile("[^，,；;。！？]+")


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _CLAUSE.finditer(text[start:end])]


def mostly_attitude(text: str, start: int, end: int) -> bool:
    """Whether most clauses of text[start:end] state attitudes, work style, framing or exhortation (要增强政治
    自觉，履行责任担当，强化风险意识，筑牢廉洁防线，抓实作风建设，…): one attitude or more, at least two such
    clauses in all, and more than twice as many as the clauses that state work. Clauses led by no directive
    count neither way; exhortation and framing alone (加强领导，推动各项决策部署落地生根，促进…高质量发展) do
    not make an item one of stance."""
    attitudes = stances = measures = 0
    for s, e in _clauses(text, start, end):
        if is_attitude(text, s, e):
            attitudes += 1
        elif is_generic(text, s, e) or is_framing(text, s, e):
            stances += 1
        elif directive_at(text, s, e) is not None:
            measures += 1
    return attitudes >= 1 and attitudes + stances >= 2 and attitudes + stances > 2 * measures


def only_exhortation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is made of clauses that relay or exhort (贯彻落实…精神, 发扬…精神), or of such a
    clause and attitudes (要认真贯彻…全会精神，准确把握…内涵，充分认识…，增强…信心)."""
    spans = _clauses(text, start, end)
    if not spans or not is_generic(text, *spans[0]):
        return False
    return all(is_generic(text, s, e) or is_attitude(text, s, e) for s, e in spans[1:])


def reports_work_done(text: str, clauses: list[tuple[int, int]]) -> bool:
    """Whether verb-led clauses report work done rather than set it out: half of them or more (clauses that
    relay or exhort aside) state a result (扎实开展主题教育取得明显成效，聚力促进医疗服务水平显著提升，…) or carry
    a past mark after their verb (全面回顾总结了2023年工作，安排部署了2024年任务)."""
    work = [(s, e) for s, e in clauses if not is_generic(text, s, e)]  # relaying (贯彻落实…精神) counts neither way
    done = sum(1 for s, e in work if _reported_result(text, s, e) or has_past_mark(text, s, e))
    return bool(work) and 2 * done >= len(work)


def names_no_measure(text: str, start: int, end: int, closes_sentence: bool) -> bool:
    """Whether a verb-led clause of prose names no measure (CONVENTIONS 1): the object after its verb is too short
    to name one (出台, 坚决兜住), or, closing its sentence, it states the aim of the measures before it
    (确保…, 实现…) with no number to commit to ([shape] min_object_chars, aim_words)."""
    words = text[start:end].rstrip("。；;，,！？!? ")
    verb = verb_end(text, start, start + len(words))
    if verb is not None and start + len(words) - verb < shape("min_object_chars"):
        return True
    work = words[after_adverbs(text, start, end) - start :]
    return closes_sentence and work.startswith(tuple(shape("aim_words"))) and re.search(r"\d", work) is None


def has_past_mark(text: str, start: int, end: int) -> bool:
    """Whether the clause carries a past mark after its verb (回顾总结了…, [shape] past_clause): it is no measure
    in any sentence."""
    return _past_clause().match(text, start, end) is not None


def _reported_result(text: str, start: int, end: int) -> bool:
    """A result reached after the clause's verb and object (扎实开展主题教育取得明显成效), not a goal (确保…取得实效)."""
    words = text[verb_end(text, start, end) or start : end]
    return _result_words().search(words) is not None and not any(
        goal in text[start:end] for goal in shape("goal_words")
    )


@cache
def _past_clause() -> re.Pattern[str]:
    return re.compile(shape("past_clause"))


@cache
def _result_words() -> re.Pattern[str]:
    return re.compile(alternation(shape("reported_results")))


def slogan_runs(text: str, phrases: list[tuple[int, int]]) -> set[int]:
    """The ends of the phrases that make a run of four-character ones (要立足统筹，着眼持续，突出重点，强化改革;
    强化意识，提升能力，积极作为): a string of slogans sets the tone, it lists no measures ([shape] slogan_*). A run
    whose phrases are all measures, each led by a directive verb and none an attitude (压实责任，强化防控，提升能力),
    is no such string."""
    size, least = shape("slogan_clause_chars"), shape("min_slogan_run")
    ends: set[int] = set()
    run: list[int] = []
    tone = False  # a phrase of the run no directive leads, or an attitude
    for s, e in phrases + [(0, 0)]:
        words = text[s:e].rstrip("。；;，,！？")
        if len(words) == size and re.fullmatch(r"[\u4e00-\u9fff]+", words):
            run.append(e)
            tone = tone or directive_at(text, s, e) is None or is_attitude(text, s, e)
            continue
        if len(run) >= least and tone:
            ends.update(run)
        run, tone = [], False
    return ends


@cache
def _political_attitude() -> re.Pattern[str]:
    return re.compile(rules()["directive"]["political_attitudes"])


def political_attitude_only(text: str, start: int, end: int) -> bool:
    """Whether every clause of text[start:end] (split at ，；。 and line breaks: an item printed as lines) names a
    political attitude asked of the workers (增强“四个意识”、坚定“四个自信”; 切实把思想和行动统一到…上来; 坚守初心
    使命、强化责任担当): no work is stated."""
    clauses = [clause for clause in _ATTITUDE_CLAUSE.findall(text, start, end) if clause.strip()]
    return bool(clauses) and all(_political_attitude().search(clause) for clause in clauses)


def without_political_attitudes(text: str, plan: dict[str, Any]) -> None:
    """Drop the plan's tasks without children that only name political attitudes, whatever reader found them
    (a list of prose clauses: 切实把思想和行动统一到…上来，切实增强大局观念，…，深入开展健康中国行动); flag the plan."""

    def verdict(task: dict[str, Any]) -> Verdict:
        only_attitudes = not task["children"] and political_attitude_only(text, task["start"], task["end"])
        return DROP if only_attitudes else KEEP

    prune_tasks(plan, verdict, ATTITUDE_LEFT_OUT)


_HEAD_PIECE = re.compile("[^，,；;。！？\n]+")
_SLOGAN = re.compile(r"[\u4e00-\u9fff]+")


def _slogan_heads(text: str, start: int, end: int) -> tuple[list[str], int]:
    """The short slogans that open text[start:end] ([directive] slogan_head_chars each; a pair joined by 、 counts when
    both halves have the longest size: 明确方向、知责尽责), and where the words after them start."""
    least, most = rules()["directive"]["slogan_head_chars"]
    heads: list[str] = []
    position = start
    for piece in _HEAD_PIECE.finditer(text, start, end):
        words = piece.group().strip()
        halves = words.split("、")
        if len(halves) == 2 and all(len(h) == most for h in halves) or len(halves) == 1:
            if all(least <= len(h) <= most and _SLOGAN.fullmatch(h) for h in halves):
                heads += halves
                position = piece.end()
                continue
        break
    return heads, position


def _after_modal(text: str, start: int) -> int:
    """Where the words at `start` begin after a modal that opens them (要统一思想 → 统一思想; not the 要 of 要求)."""
    modal = next((m for m in rules()["directive"]["modals"] if text.startswith(m, start)), "")
    return start + len(modal) if modal and not is_modal_word(text, start) else start


@cache
def _stance_words() -> frozenset[str]:
    """The slogans that state a stance: [directive] stance_slogans and attitudes."""
    directive = rules()["directive"]
    return frozenset(directive["stance_slogans"]) | frozenset(directive["attitudes"])


def slogan_heading_only(text: str, start: int, end: int) -> bool:
    """Whether the item text[start:end] is the heading of a speech's part that states an attitude, orientation,
    leadership or work style and no work: one sentence that opens on short slogans (_slogan_heads: 统一思想，抓住机遇;
    明确方向、知责尽责; 加强领导，狠抓落实), one of them a stance ([directive] stance_slogans or attitudes), and goes on
    to name no work (_names_work: exhortation, attitudes, framing and aims only: 进一步增强…的责任感; 确保圆满完成全年各项
    目标任务). A slogan and its measure (凝心聚力，高起点谋划医共体建设; 突出重点，有计划地推进…民生实事) stays a task, and
    so does a heading that a sentence of its own goes on to explain (…。要…: the dev keys keep it)."""
    words_end = end
    while words_end > start and text[words_end - 1] in " \t\u3000，,；;。！？\n":
        words_end -= 1
    if re.search("[。！？!?\n]", text[start:words_end]):
        return False
    heads, position = _slogan_heads(text, _after_modal(text, start), words_end)
    if not heads or not _stance_words().intersection(heads) or position >= words_end:
        return False
    return not any(_names_work(text, s, e) for s, e in _clauses(text, position, words_end))


def _names_work(text: str, start: int, end: int) -> bool:
    """Whether a clause states work: a directive verb within its first [directive] work_verb_window characters (after
    a modal: 慎终如始抓好…, 有计划、有步骤地推进…), and no attitude, style, exhortation, framing, political attitude,
    circumstance (紧紧围绕…) or aim with no number (确保各项任务落到实处)."""
    while start < end and text[start] in " \t\u3000，,、；;：:":
        start += 1
    if start >= end:
        return False
    if is_attitude(text, start, end) or is_generic(text, start, end) or is_framing(text, start, end):
        return False
    if _political_attitude().search(text, start, end):
        return False
    work = text[after_adverbs(text, start, end) : end]
    if work.startswith(tuple(shape("aim_words"))) and re.search(r"\d", work) is None:
        return False
    if work.startswith(tuple(rules()["prose_clauses"]["circumstance_heads"])):
        return False
    window = rules()["directive"]["work_verb_window"]
    return any(verb_at(text, position, end) for position in range(start, min(end, start + window + 1)))


def slogan_sentence_heading(text: str, start: int, end: int) -> bool:
    """Whether the item text[start:end] opens on a sentence made only of short slogans, two or more, one of them a
    stance (讲担当，比落实，务求实效。…; 抓攻坚，拼干劲，奋力作为。要…): the heading of a speech's part, whose next
    sentences elaborate the stance; its own words are no task (its listed measures, if any, are)."""
    stop = re.search("[。！？!?]", text[start:end])
    if stop is None or not text[start + stop.end() : end].strip(" \t\u3000\n"):
        return False
    sentence_end = start + stop.start()
    heads, position = _slogan_heads(text, _after_modal(text, start), sentence_end)
    return len(heads) >= 2 and position >= sentence_end and bool(_stance_words().intersection(heads))


def without_slogan_headings(text: str, plan: dict[str, Any]) -> None:
    """Drop the plan's tasks without children that are slogan headings and no work (slogan_heading_only), or that
    open on a sentence of slogans only (slogan_sentence_heading), whatever reader found them (统一思想，抓住机遇，进一步
    增强…责任感; 加强领导，狠抓落实，确保圆满完成全年各项目标任务); such a heading with unmarked children gives way to
    them (抓攻坚，拼干劲，奋力作为。要撸起袖子，全力推进…；扑下身子，…: its measures are the tasks), while one over a marked
    sub-list (突出重点，强化措施。第一，…；第二，…) stays its parent; flag the plan."""

    def verdict(task: dict[str, Any]) -> Verdict:
        heading = slogan_sentence_heading(text, task["start"], task["end"])
        if not task["children"] and (heading or slogan_heading_only(text, task["start"], task["end"])):
            return DROP
        if heading and not any(child.get("marker") for child in task["children"]):  # a marked sub-list keeps its head
            return LIFT
        return KEEP

    prune_tasks(plan, verdict, ATTITUDE_LEFT_OUT)
