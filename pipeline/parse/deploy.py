"""The broadest evidence of a plan: deploy sentences, tried when no meeting, title, cue, address or heading is read.

A deploy sentence has a subject that deploys (a health body, a government or a region of any level, a health
system, a meeting or a report: 泽州县, 国家卫健委, 全市卫生计生系统, 会议), the future or directive mood (将, 要, 计划,
力争) and the year ahead (今年, 明年, 2024年, 年底前, 下一步, “十四五”期间) before its modal, and no past or review
words in the clause that holds them (截至, 累计, 已经, 回顾). Its work is the directive clauses after the modal, those
of the directive sentences that follow it in its paragraph, or the marked list on the lines below it. Every deploy
sentence of the text adds its work to the one plan; the plan carries the flag `plan_from_deploy_sentence`.

Level and region: the region the first deploy sentence names as its subject (a county included: 今年泽州县将…),
national when it names a national body or 国家/我国, else as for announced plans; a county plan without its county
takes the one county the title line names (flag region_from_title). Work year: the year the deploy
sentence names (明年: the next one), else the publication year for 今年/年内, else the first year the text prints
before it, else the publication year (flagged). Lexicon: pipeline/data/announced_plans.toml [deploy].
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Any

from pipeline.data import read_toml
from pipeline.parse.announced import WORK_YEAR_FROM_PUBLISHED, lexicon, prose_plan_statement
from pipeline.parse.conference.common import fill
from pipeline.parse.lists import list_tasks, prose_tasks
from pipeline.parse.lists.marked import find_markers
from pipeline.parse.lists.rules import SENTENCE_WORDS, alternation, directive_at, is_modal_word
from pipeline.parse.lists.stances import has_past_mark
from pipeline.parse.outline import marker_of, parse_outline
from pipeline.parse.prose_level import REGION_FROM_TITLE, bare_body_level, cue_sentence, level_and_region
from pipeline.parse.statements import MAX_TITLE_CHARS, task
from pipeline.text.regions import COUNTY, find_counties, find_county_names, find_regions, resolve_county
from pipeline.text.work_years import first_deployed_year, is_reviewed

FROM_DEPLOY_SENTENCE = "plan_from_deploy_sentence"
_YEAR = re.compile(r"(?<![到至])((?:19|20)\d{2})年")  # not a horizon (力争到2020年)
_SENTENCE_END = re.compile(r"[。\n]")
_CLAUSE_MARKS = "，,；;：:"
_LINE = re.compile("[^\n]+")


@cache
def _modal() -> re.Pattern[str]:
    return re.compile(lexicon()["deploy"]["modal"])


@cache
def _ahead() -> re.Pattern[str]:
    return re.compile(fill(lexicon()["deploy"]["ahead"]))


@cache
def _subject() -> re.Pattern[str]:
    cues = lexicon()
    organisers = read_toml("meetings.toml")["meeting"]["organisers"]
    words = [*cues["deploy"]["subjects"], *cues["national_bodies"], *organisers]
    return re.compile(alternation(words))


def names_year_ahead(text: str) -> bool:
    """Whether the text names the year ahead anywhere (今年, 2024年, 下一步, “十四五”期间…: [deploy] ahead)."""
    return _ahead().search(text) is not None


def deploy_statement(text: str, published: date | None, *, future_only: bool = False) -> dict[str, Any] | None:
    """The plan the text's deploy sentences state, or None when it has none with work after its modal.
    `future_only`: only sentences that announce (将, 计划), not those that exhort (要), deploy."""
    tasks: list[dict[str, Any]] = []
    first: tuple[re.Match[str], re.Match[str]] | None = None
    going_on = False  # the sentence before deployed work or went on with it
    taken_until = _title_end(text)
    for sentence in SENTENCE_WORDS.finditer(text):
        if sentence.start() < taken_until:
            continue
        deploys = False
        if found := _deploy_at(text, sentence, future_only):
            future = found[1].group() in lexicon()["deploy"]["future_modals"]
            work, taken_until = _work_after(text, sentence, _work_start(text, *found), future)
            first, deploys = first or found, True
        elif going_on and (at := _goes_on_at(text, sentence)) is not None:
            subject_led = at == sentence.start() and directive_at(text, at, sentence.end()) is None
            work = _clauses(text, at, sentence.end(), after_modal=subject_led)
        else:
            work = []
        going_on = deploys or bool(work)  # a deploy sentence of framing only (…要按照…思路) is followed by its work
        tasks += [found_task for found_task in work if found_task["text"] not in {t["text"] for t in tasks}]
    if first is None or len(tasks) < lexicon()["deploy"]["min_items"]:
        return None
    flags = [FROM_DEPLOY_SENTENCE]
    level, region_code = _subject_region(text, first[1]) or level_and_region(
        text, flags, bare_body_level(text, first[1]), cue_sentence(text, first[1])
    )  # 区卫生健康局局长…研究部署…，强调：一要…: a district's
    if level == COUNTY and region_code is None and (county := _title_county(text)) is not None:
        region_code = county
        flags.append(REGION_FROM_TITLE)
    work_year = _work_year(text, first[0], published, flags)
    return prose_plan_statement(text, tasks, level, region_code, work_year, flags)


def _title_end(text: str) -> int:
    """Where a title line ends (a first line without a full stop): its words repeat the body's."""
    first = text.split("\n", 1)[0]
    return len(first) if "。" not in first and len(first) <= MAX_TITLE_CHARS else 0


def _deploy_at(
    text: str, sentence: re.Match[str], future_only: bool = False
) -> tuple[re.Match[str], re.Match[str]] | None:
    """(the year-ahead words, the modal) of a deploy sentence, or None. Its subject may be named earlier in its
    paragraph (全县已…。同时计划2015年再建…)."""
    paragraph_start = text.rfind("\n", 0, sentence.start()) + 1
    for modal in _modal().finditer(text, sentence.start(), sentence.end()):
        if is_modal_word(text, modal.start()):
            continue  # 重要, 主要, 需要: 要 inside a word
        window_end = min(sentence.end(), modal.end() + lexicon()["deploy"]["ahead_after_modal"])
        ahead = _ahead().search(text, sentence.start(), window_end)
        future = modal.group() in lexicon()["deploy"]["future_modals"]
        if future_only and not future:
            continue
        if ahead is None or not _has_subject(text, paragraph_start if future else sentence.start(), modal.start()):
            continue
        clause_start = max(text.rfind(mark, sentence.start(), ahead.start()) for mark in _CLAUSE_MARKS) + 1
        clause_start = max(clause_start, sentence.start())
        if any(word in text[clause_start : sentence.end()] for word in lexicon()["deploy"]["past_words"]):
            return None
        return ahead, modal
    return None


def _has_subject(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names a body, a scope, a meeting or a region that deploys."""
    if _subject().search(text, start, end):
        return True
    return bool(find_regions(text, start, end)) or any(len(c) == 1 for c, _, _ in find_counties(text, start, end))


def _work_start(text: str, ahead: re.Match[str], modal: re.Match[str]) -> int:
    """Where the work starts: after the modal, or after the year-ahead words that follow it (计划2015年再建…)."""
    return max(modal.end(), ahead.end())


def _goes_on_at(text: str, sentence: re.Match[str]) -> int | None:
    """Where the work of a sentence that goes on with a plan starts: its start when a directive verb leads it or a
    subject and a modal near its start do (儿科服务要实现…), after the modal when a clause comes before it (省市层面，
    要大抓…), None when neither or when it reports what was done."""
    start = sentence.start() + len(sentence.group()) - len(sentence.group().lstrip("。！？ "))
    if has_past_mark(text, start, sentence.end()):
        return None
    if directive_at(text, start, sentence.end()) is not None:
        return start
    modal = _modal().search(text, start, min(sentence.end(), start + lexicon()["deploy"]["modal_lead_chars"]))
    if modal is None or is_modal_word(text, modal.start()):
        return None
    if any(mark in text[start : modal.start()] for mark in _CLAUSE_MARKS):
        return modal.end()  # 省市层面，要大抓…: the work starts after the modal
    return start  # 儿科服务要实现广泛覆盖: the subject and its modal lead the task


def _work_after(text: str, sentence: re.Match[str], at: int, future: bool) -> tuple[list[dict[str, Any]], int]:
    """The work a deploy sentence states after its modal: a marked list on the lines below when the sentence
    ends its paragraph and such lines follow (…办好“八件实事”。 then 一是…; 一、…), else its directive clauses.
    Returns the tasks and where the passage they were read from ends; `future`: the modal announces (将, 计划)."""
    line_end = text.find("\n", sentence.end())
    line_end = len(text) if line_end < 0 else line_end
    if not text[sentence.end() : line_end].strip("。！？ ") and (below := _marked_below(text, line_end)):
        return below, below[-1]["end"]
    return _clauses(text, at, sentence.end(), after_modal=future), sentence.end()


def _marked_below(text: str, line_end: int) -> list[dict[str, Any]]:
    """The marked lines (一是…, 一、…, 1.…) that follow, after at most one short heading line (八件实事)."""
    lines = [m for m in _LINE.finditer(text, line_end) if m.group().strip()][:8]
    if lines and not _marked(text, lines[0]) and len(lines[0].group()) <= MAX_TITLE_CHARS // 2:
        lines = lines[1:]  # a heading over the list
    run = []
    for line in lines:
        if not _marked(text, line):
            break
        run.append(line)
    if len(run) < 2:
        return []
    if marker_of(run[0].group().strip()):
        tasks, _ = parse_outline(text, run[0].start(), run[-1].end())
        return tasks
    return list_tasks(text, run[0].start(), run[-1].end())


def _marked(text: str, line: re.Match[str]) -> bool:
    """Whether a line opens on a list marker of any family (一、, 1., 一是, 第一)."""
    start = line.start() + len(line.group()) - len(line.group().lstrip())
    return bool(marker_of(line.group().strip())) or any(m.start == start for m in find_markers(text, start, line.end()))


def work_clauses(text: str, start: int, end: int) -> list[dict[str, Any]]:
    """The work stated in text[start:end] after a word that announces it (将, 提出): its first clause whatever verb
    leads it, then its directive clauses."""
    return _clauses(text, start, end, after_modal=True)


def _clauses(text: str, start: int, end: int, *, after_modal: bool = False) -> list[dict[str, Any]]:
    """The directive clauses of text[start:end]. Right after a deploy sentence's modal, the first clause is work
    whatever verb leads it (将新增床位8000张以上; 计划2015年再建29所…); the directive clauses after it follow."""
    while start < end and text[start] in _CLAUSE_MARKS + " ":
        start += 1
    if start >= end or has_past_mark(text, start, end):
        return []
    found = prose_tasks(text, start, end)
    if not after_modal or (found and found[0]["start"] == start):
        return found
    first_end = next((i for i in range(start, end) if text[i] in "，,；;"), end)
    first = task(text, ordinal=1, title=text[start:first_end], start=start, end=first_end, flag="list_prose_clauses")
    return [first, *(found_task for found_task in found if found_task["start"] > first_end)]


def _subject_region(text: str, modal: re.Match[str]) -> tuple[str, str | None] | None:
    """The level and region the deploy sentence names before its modal: national for a national body or 国家/我国,
    else the last county (泽州县) or region (云南, 晋中市) named; None when it names none."""
    start = max(text.rfind(end, 0, modal.start()) for end in "。！？\n") + 1
    before = text[start : modal.start()]
    if any(word in before for word in [*lexicon()["national_bodies"], *lexicon()["deploy"]["national_subjects"]]):
        return "national", None
    counties = [(c[0], s) for c, s, _ in find_counties(text, start, modal.start()) if len(c) == 1]
    regions = [(r, s) for r, s, _ in find_regions(text, start, modal.start())]
    named = sorted(counties + regions, key=lambda found: found[1])
    if not named:
        return None
    region = named[-1][0]
    return region.level, region.code


def _title_county(text: str) -> str | None:
    """The code of the one county the title line names, by its full or short name (伊通深化…有新突破)."""
    title_end = _title_end(text)
    found = {
        county.code
        for candidates, _, _ in find_county_names(text[:title_end])
        if (county := resolve_county(candidates, text)) is not None
    }
    return found.pop() if len(found) == 1 else None


def _later_deployed_year(text: str, ahead: re.Match[str]) -> int | None:
    """The first year after a reviewed one that the rest of its sentence prints and does not review, or None."""
    stop = _SENTENCE_END.search(text, ahead.end())
    found = first_deployed_year(text, ahead.end(), stop.start() if stop else len(text))
    return int(found.group(1)) if found else None


def _work_year(text: str, ahead: re.Match[str], published: date | None, flags: list[str]) -> int | None:
    """The year the deploy sentence names, else the publication year (今年) or the next (明年), else the first year
    printed before the sentence, else the publication year (flagged)."""
    if year := ahead.groupdict().get("y") or ahead.groupdict().get("y2"):
        if is_reviewed(text, ahead.start(), ahead.end()) and (later := _later_deployed_year(text, ahead)) is not None:
            return later  # 开展2022年度…考核，并研究2023年重点工作: the year the sentence goes on to deploy
        return int(year)  # 2024年; 2025—2027年: its first year
    words, cfg = ahead.group(), lexicon()["deploy"]
    next_year = words.startswith(tuple(cfg["next_year_words"]))
    if published is not None and (next_year or words.startswith(tuple(cfg["this_year_words"]))):
        return published.year + 1 if next_year else published.year
    if found := _YEAR.search(text, 0, ahead.start()):
        return int(found.group(1)) + (1 if next_year else 0)
    if published is not None:
        flags.append(WORK_YEAR_FROM_PUBLISHED)
        return published.year
    return None
