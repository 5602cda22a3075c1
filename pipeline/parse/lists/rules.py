"""The list reader's rules, read once from pipeline/data/lists.toml, and the small tests built on them.

* `directive_at`: whether an item may start at an offset — a directive verb (after adverbs), a modal
  (要, 必须) that is not part of a word (会议要求, 要素, 主要…), or 以…为…;
* `nearest_cue`: whether the words before a list deploy work or review it (the nearest cue wins);
* `reads_as_results`: whether an item states a result already reached (取得…成效, 明显好转).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.text.indicators import vocabulary

NUMERAL = r"(?:\d{1,2}|[〇零一二两三四五六七八九十]{1,3})"
DEPLOY = "deploy"
REVIEW = "review"
# The words of one sentence, without its closing mark (a line break ends a sentence too).
SENTENCE_WORDS = re.compile("[^。！？\n]+")


@cache
def rules() -> dict[str, Any]:
    """The parsed pipeline/data/lists.toml."""
    return read_toml("lists.toml")


def alternation(words: list[str]) -> str:
    """A regex alternation of the words, longest first (so that a longer word wins at a position)."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


@cache
def _lead() -> re.Pattern[str]:
    """Adverbs then a directive verb, at the start of a clause."""
    cfg = rules()["directive"]
    return re.compile(rf"(?:{_adverb_pattern()})*(?:{alternation(cfg['verbs'])})(?!化(?!解))")  # 规范化村卫生室: a -化 word


def _adverb_pattern() -> str:
    """An adverb, with the adverbial particle that may follow it (持之以恒地抓好, 认真地做好)."""
    cfg = rules()["directive"]
    return rf"(?:{alternation(cfg['adverbs'])})(?:{alternation(cfg['adverb_particles'])})?"


@cache
def _modal() -> re.Pattern[str]:
    return re.compile(alternation(rules()["directive"]["modals"]))


@cache
def _yi_wei() -> re.Pattern[str]:
    return re.compile(rules()["directive"]["yi_wei"])


@cache
def _yi_wei_framing() -> re.Pattern[str]:
    return re.compile(rules()["directive"]["yi_wei_framing"])


@dataclass(frozen=True)
class Lead:
    """How an item opens: `kind` is verb, modal or yi_wei; `marker` the printed modal (要), if any."""

    kind: str
    start: int  # where the item's words start (after its modal)
    marker: str | None


def is_modal_word(text: str, position: int) -> bool:
    """Whether the modal at `position` (要) is part of a word such as 要求, 主要, 重要, 要素."""
    for word in (*rules()["directive"]["yao_words"], *rules()["directive"]["yao_modal_words"]):
        offset = word.find("要")
        if offset >= 0 and text.startswith(word, position - offset):
            return True
    return False


def is_requirement_marker(marker: str | None) -> bool:
    """Whether a marker prints its item as a requirement: a modal (要) or a numbered one (一要, 二要)."""
    modals = tuple(rules()["directive"]["modals"])
    return marker is not None and (marker in modals or marker.endswith(modals))


def verb_end(text: str, position: int, end: int) -> int | None:
    """Where the adverbs and directive verb opening text[position:end] end, None without one."""
    match = _lead().match(text, position, end)
    return match.end() if match else None


def verb_at(text: str, position: int, end: int) -> bool:
    """Whether a directive verb (after optional adverbs) starts at `position`."""
    return _lead().match(text, position, end) is not None


def is_framing(text: str, position: int, end: int) -> bool:
    """Whether the words at `position` frame the work rather than state it: the guiding thought
    (坚持以…为指导, 以…统揽全局) or a goal that is an outcome indicator (以提高人均预期寿命为目标)."""
    if _yi_wei_framing().match(text, position, end):
        return True
    goal = _yi_wei().match(text, position, end)
    return bool(goal) and _outcome_goal().search(text, position, goal.end()) is not None


@cache
def _outcome_goal() -> re.Pattern[str]:
    aliases = [alias for indicator in vocabulary() for alias in indicator.aliases]
    nouns = rules()["directive"]["goal_nouns"]
    return re.compile(rf"(?:{alternation(aliases)})为(?:{alternation(nouns)})[，,]?$")


@cache
def _generic() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in rules()["directive"]["generic"]))


def is_generic(text: str, start: int, end: int) -> bool:
    """Whether a clause relays or exhorts (贯彻落实…精神, 发扬…精神, 增强…获得感, 推动各项任务落地落实)
    rather than sets out work: read as led, left out of a plan's tasks."""
    words = text[start:end].rstrip("。；;，, ")
    return _generic().search(words) is not None


def directive_at(text: str, position: int, end: int) -> Lead | None:
    """How an item starting at `position` opens, or None when it is not led like a plan's item."""
    modal = _modal().match(text, position, end)
    if modal and not is_modal_word(text, position):
        after = _after_framing(text, modal.end(), end)
        if after is None:
            return None
        if verb_at(text, after, end) or text.startswith(tuple(rules()["directive"]["after_modal"]), after):
            return Lead("modal", after, modal.group())
        return None
    if is_framing(text, position, end):
        return None
    if _yi_wei().match(text, position, end):
        return Lead("yi_wei", position, None)
    if verb_at(text, position, end):
        return Lead("verb", position, None)
    return None


def slogan_led(text: str, position: int, end: int) -> int | None:
    """Where the measure starts in a clause that opens on a slogan head (攻坚克难，高水平持续深化…; 多措并举，扎实推进…):
    [shape] slogan_clause_chars Chinese characters, a comma, then words a directive leads after at most two
    characters (an adverb: 高标准提升…); None otherwise, and when the head says who speaks or when, or holds a cue
    (会议强调，…; 今年以来，…)."""
    size = shape("slogan_clause_chars")
    head = text[position : position + size]
    if not (position + size < end and text[position + size] in "，," and re.fullmatch(r"[\u4e00-\u9fff]+", head)):
        return None
    cues = rules()["cues"]
    if head.endswith(tuple(cues["attribution"])) or re.match(cues["time_lead"], head) or nearest_cue(head) is not None:
        return None
    return next((p for p in range(position + size + 1, min(end, position + size + 4)) if directive_at(text, p, end)), None)


def _after_framing(text: str, position: int, end: int) -> int | None:
    """Where the work starts after framing clauses (要以…为主线，以…为着力点，加快建立… → 加快建立…) and the
    clauses that relay or exhort after them (坚持…方针，围绕…决策部署): the position itself when nothing
    frames; None when framing and such clauses are all the sentence holds."""
    framed = False
    for _ in range(rules()["directive"]["max_framing_clauses"] + 1):
        comma = next((i for i in range(position, end) if text[i] in "，,。；;" and not _inside_quotes(text, position, i)), end)
        if not is_framing(text, position, end) and not (framed and is_generic(text, position, comma)):
            return position
        if comma >= end or text[comma] not in "，,":
            return None
        position, framed = comma + 1, True
    return None


def _inside_quotes(text: str, start: int, position: int) -> bool:
    return text.count("“", start, position) > text.count("”", start, position)


def is_attitude(text: str, start: int, end: int) -> bool:
    """Whether an item only states an attitude (提高政治站位…, 坚决克服麻痹思想), not work: an attitude word
    after the item's adverbs, or a first clause that states a stance or work style by its object (is_style); of an
    item that opens on a slogan head no directive leads (rules.slogan_led: 真抓实干，高效推进…), its measure's."""
    words = tuple(rules()["directive"]["attitudes"])
    if directive_at(text, start, end) is None:  # 真抓实干，高效推进…: the measure after a slogan head tells
        start = slogan_led(text, start, end) or start
    position = start
    while not text.startswith(words, position, end) and (adverb := _adverb().match(text, position, end)) is not None:
        position = adverb.end()
    return text.startswith(words, position, end) or is_style(text, start, _clause_end(text, start, end))


def is_style(text: str, start: int, end: int) -> bool:
    """Whether the clause text[start:end] states an attitude or work style by its object: a style verb after
    adverbs, a short qualifier, and an attitude object closing it (强化风险意识, 筑牢廉洁防线, 始终保持昂扬向上的
    精神状态; pipeline/data/lists.toml [directive] style_verbs, attitude_objects)."""
    return _style().match(text[start:end].rstrip("。；;，,！!？? ")) is not None


@cache
def _style() -> re.Pattern[str]:
    cfg = rules()["directive"]
    qualifier = rf"[^，,。；;]{{0,{cfg['max_style_qualifier_chars']}}}"
    verbs, objects = alternation(cfg["style_verbs"]), alternation(cfg["attitude_objects"])
    return re.compile(rf"(?:{_adverb_pattern()})*(?:{verbs}){qualifier}(?:{objects})$")


def _clause_end(text: str, start: int, end: int) -> int:
    return next((i for i in range(start, end) if text[i] in "，,；;。！？!?\n"), end)


def starts_with_adverb(text: str, position: int, end: int) -> bool:
    """Whether one of the directive adverbs (进一步, 持续, 积极…) starts at `position`."""
    return _adverb().match(text, position, end) is not None


def after_adverbs(text: str, position: int, end: int) -> int:
    """Where the directive adverbs (进一步, 持续, 切实…) opening text[position:end] end."""
    while (adverb := _adverb().match(text, position, end)) is not None and adverb.end() > position:
        position = adverb.end()
    return position


@cache
def _adverb() -> re.Pattern[str]:
    return re.compile(_adverb_pattern())


@cache
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cfg = rules()["cues"]
    return re.compile(alternation(cfg["deployment"])), re.compile(alternation([*cfg["review"], *cfg["documents"]]))


def nearest_cue(lead: str) -> str | None:
    """DEPLOY or REVIEW by the cue nearest the end of `lead` (the words before a list), None without one; a cue
    of attached documents (附件：1.…) counts as review: what follows lists documents, no plan's work. A word that only
    announces the list (以下, 如下) after a review word of its sentence announces a review (取得了较好的成绩，主要有以下
    几个方面特色)."""
    deploy, review = _cue_patterns()
    deploys = [m for m in deploy.finditer(lead) if not _is_word_yao(lead, m) and not _relays(lead, m.start(), m.end())]
    last_review = max((m.end() for m in review.finditer(lead) if not _required(lead, m.start())), default=-1)
    announcers = rules()["cues"]["announcers"]
    sentence = max(lead.rfind(end, 0, deploys[-1].start()) for end in "。！？\n") if deploys else -1
    if deploys and deploys[-1].group() in announcers and last_review > sentence:
        deploys = [m for m in deploys if m.group() not in announcers]  # 取得了…成绩，主要有以下几个方面: a review's
    last_deploy = max((m.end() for m in deploys), default=-1)
    if last_deploy < 0 and last_review < 0:
        return None
    return DEPLOY if last_deploy >= last_review else REVIEW


_CLAUSE_MARKS = "，,。；;：:\n"


def _clause_start(words: str, position: int) -> int:
    """Where the clause holding `position` starts: after the last clause or sentence mark before it."""
    return max(words.rfind(mark, 0, position) for mark in _CLAUSE_MARKS) + 1


def _relays(lead: str, start: int, end: int) -> bool:
    """Whether a deployment word stands in the words of a clause that relay superiors' decisions (全市要认真落实
    党中央决策部署: 部署 does, 要 before 落实 does not)."""
    clause = _clause_start(lead, start)
    close = next((i for i in range(end, len(lead)) if lead[i] in _CLAUSE_MARKS), len(lead))
    relayed = _relayed_decision().search(lead, clause, close)
    return relayed is not None and relayed.start() <= start


@cache
def _relayed_decision() -> re.Pattern[str]:
    return re.compile(rules()["cues"]["relayed_decision"])


def _required(lead: str, position: int) -> bool:
    """Whether a review word stands in a clause that a modal governs (要肯定已经取得的成绩, 必须巩固取得的成果):
    what is to be done with past results is a requirement, not a review."""
    clause = _clause_start(lead, position)
    return any(not is_modal_word(lead, m.start()) for m in _modal().finditer(lead, clause, position))


def _is_word_yao(lead: str, match: re.Match[str]) -> bool:
    return match.group() == "要" and is_modal_word(lead, match.start())


@cache
def _results() -> re.Pattern[str]:
    return re.compile(alternation(rules()["cues"]["results"]))


def reads_as_results(item: str) -> bool:
    """Whether an item states a result already reached (全面深化改革，重点任务有序推进): a result word in a clause
    that no goal word governs (确保到位, 力争取得新突破: what is to be reached, not what was), or a clause written
    as a state reached, subject first (坚持规划引领，医疗资源布局更加优化: `states_result`)."""
    return any(not _aimed_at(item, m.start()) for m in _results().finditer(item)) or states_result(item)


@cache
def _result_state() -> re.Pattern[str]:
    return re.compile(rules()["cues"]["result_state"])


def states_result(item: str) -> bool:
    """Whether a clause of the item states a state reached, subject first, and no directive verb leads it
    (医改持续深化, 特色优势日益凸显; not 持续深化医改, nor an aim: 确保…全面完成, 使…持续改善)."""
    aims = rules()["cues"]["state_aim_words"]
    for clause in re.split(f"[{_CLAUSE_MARKS}]", item):
        clause = clause.strip()
        if not _result_state().match(clause) or _lead().match(clause):
            continue
        if not any(word in clause for word in aims):
            return True
    return False


def _aimed_at(item: str, position: int) -> bool:
    """Whether a goal word ([shape] goal_words: 确保, 力争…) stands before `position` in its clause."""
    return any(goal in item[_clause_start(item, position) : position] for goal in rules()["shape"]["goal_words"])


def reviews_as_item(item: str) -> bool:
    """Whether one item of a list reviews past work though its list deploys (一是全省…取得了可喜成绩；二是要…):
    its own words' nearest cue is one of review and it states a result."""
    return nearest_cue(item) == REVIEW and reads_as_results(item)


@cache
def announces_list() -> re.Pattern[str]:
    """A lead ending in a colon that announces the list after it (重点抓好以下五项工作：)."""
    return re.compile(rules()["cues"]["announces"])


def shape(name: str) -> Any:
    """A number or string of the [shape] table."""
    return rules()["shape"][name]
