"""A health meeting found by its shape, when no known meeting name is read (the meeting parser's last resort).

Reports name their meetings in endless ways (区卫生健康系统2019年工作会, 2022年度总结暨表彰大会, 全省卫生健康系统
疫情防控、安全稳定暨2022年卫生应急工作视频会议, 全国卫生健康系统医政、医疗应急、外事工作会议), but the sentence
that reports one has a shape: a holder, a held verb and a name ending in a meeting noun (…卫生健康委召开…会议), or
the name, then the verb (…工作会在京召开), or the name as the occasion of what was said (在11月2日召开的…大会上，…指出).
It is a health meeting when its name or its holder carries a health word or a health body, or the clause after its name says it studied or deployed health work (县政府召开常务会议，专题研究部署
全县卫生健康工作), and it states a plan only when the text from that sentence on deploys work (部署…年, 会议强调…要…).
Its level and region come from the scope that opens its name (全省, 黔江区), else from its holder (a health body's
area, a region named): a 全市/全县 scope takes the holder's city or county. Lexicons: pipeline/data/meetings.toml
[shape]; the meeting and its plan carry the flag `meeting_found_by_shape`.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.parse.conference.common import YEAR, alternation, compiled, lexicon, numeral_value
from pipeline.parse.conference.facts import Mention, body_pattern, body_scope, scope_candidates
from pipeline.parse.conference.meeting_dates import last_date
from pipeline.parse.conference.types import COUNTY, MUNICIPAL, PROVINCIAL
from pipeline.text import regions

MEETING_BY_SHAPE = "meeting_found_by_shape"
_SENTENCE = re.compile("[^。！？\n]+")
_CLAUSE = re.compile("[^，；：,;:]+")
_Scope = tuple[str, regions.Region | None]  # (level, region named)


@cache
def _held_name() -> re.Pattern[str]:
    """<holder><在 place>?<verb>了?<name>: the name ends at a noun that no Chinese character continues, or one
    of `after_name`, or is a noun that names a meeting by itself (召开座谈会); or <name><于…|在 place>?<manner>?<verb>."""
    cfg = lexicon()["shape"]
    nouns = alternation(cfg["nouns"])
    after = rf"(?=$|[^\u4e00-\u9fff]|{alternation(cfg['after_name'])})"
    verbs = alternation(cfg["held_verbs"])
    manner = alternation(lexicon()["meeting"]["manner_words"])
    return re.compile(
        rf"(?P<holder>.*?)(?:在(?P<place>[\u4e00-\u9fff]{{1,16}}?))?(?:{verbs})了?"
        rf"(?P<name>.{{2,60}}?(?:{nouns})|{alternation(cfg['bare_nouns'])}){after}"
        rf"|(?P<name2>.{{2,60}}?(?:{nouns}))(?:于.{{1,12}}?|在(?P<place2>[\u4e00-\u9fff]{{1,16}}?))?(?:{manner})?"
        rf"(?:{verbs})"
    )


@cache
def _group_meeting() -> re.Pattern[str]:
    """<area><health body><group><adverb>?<held verb>了?(专题|扩大)?会议: a health body's leading group meets."""
    held = alternation(lexicon()["shape"]["held_verbs"])
    return _body_and(lexicon()["shape"]["body_groups"], rf"(?:{held})了?(?:专题|扩大)?会议")


@cache
def _body_meeting() -> re.Pattern[str]:
    """<area><health body><meeting word><adverb>?<verb>: a health body's own meeting as the subject (省卫生厅办公会专门学习)."""
    verbs = alternation(lexicon()["shape"]["body_meeting_verbs"])
    return _body_and(lexicon()["shape"]["body_meetings"], f"(?:{verbs})")


def _body_and(words: list[str], then: str) -> re.Pattern[str]:
    """<area><health body><one of words> as the group `holder`, an optional adverb ([shape] body_group_adverbs),
    then the regex `then`."""
    body = alternation(lexicon()["meeting"]["organisers"])
    adverbs = alternation(lexicon()["shape"]["body_group_adverbs"])
    return re.compile(rf"(?P<holder>[\u4e00-\u9fff]{{0,10}}?(?:{body})(?:{alternation(words)}))(?:{adverbs})?{then}")


def shaped_mention(text: str) -> Mention | None:
    """The health meeting held that the text reports, found by its shape, when the text from its first report on
    deploys work: the first report that prints a date (a title line repeats the name without one), else the first."""
    found = held_health_meetings(text)
    if not found or not _deploys_work(text, found[0][0]):
        return None  # no health meeting held, or the first one reported deploys nothing: a review, a ceremony
    return next((mention for _, mention in found if mention.meeting_date), found[0][1])


def held_health_meetings(text: str) -> list[tuple[int, Mention]]:
    """(sentence start, mention) of each health meeting a sentence reports held, in text order."""
    cfg = lexicon()["shape"]
    found: list[tuple[int, Mention]] = []
    for sentence in _SENTENCE.finditer(text):
        for clause in _CLAUSE.finditer(text, sentence.start(), sentence.end()):
            if group_meeting := _group_meeting().search(text, clause.start(), clause.end()):
                found += _group_mention(text, sentence.start(), group_meeting)  # …党组召开(专题)会议
                continue
            if body_meeting := _body_meeting().match(text, clause.start(), clause.end()):
                found += _group_mention(text, sentence.start(), body_meeting, "")  # 省卫生厅办公会专门学习了…
                continue
            held = _occasion(text, clause, sentence.end()) or _held_name().match(text, clause.start(), clause.end())
            if held is None:
                continue
            groups = held.groupdict()  # a held sentence's groups, or an occasion's (holder and name only)
            group = "name" if groups.get("name") else "name2"
            start = held.start(group) + len(
                compiled(lexicon()["shape"]["name_lead"]).match(text[held.start(group) : held.end(group)]).group()
            )
            name, holder = text[start : held.end(group)], held.group("holder") or ""
            if any(word in name for word in cfg["not_plan_words"] + cfg["name_stops"]):
                continue
            health = _is_health(name + holder)
            by_purpose = not health and _health_purpose(text, held.end(group), sentence.end())
            if not health and not by_purpose:
                continue
            if (scope := _scope(name, holder) or (_bare_opening(holder) if by_purpose else None)) is None:
                continue
            years = list(re.finditer(rf"({YEAR})年度?", name))  # 2024年度总结暨2025年调度推进会: the year deployed
            year = years[-1] if years else None
            mention = Mention(
                name=name,
                start=start,
                end=held.end(group),
                scope=scope[0],
                region=scope[1],
                field=name,
                title_year=numeral_value(year.group(1)) if year else None,
                place=groups.get("place") or groups.get("place2"),
                meeting_date=last_date(text[sentence.start() : start]),
            )
            found.append((sentence.start(), mention))
    return found


@cache
def _occasion_name() -> re.Pattern[str]:
    """在<name>上: a clause that names a meeting as the occasion of what follows (在全市卫生健康工作会议上，…表示), the
    name maybe after when it was held (在11月2日召开的…大会上, 在近日举行的…会议上)."""
    cfg = lexicon()["shape"]
    held = rf"(?:[^，。；！？的]{{0,12}}?(?:{alternation(cfg['held_verbs'])})的)?"
    return re.compile(rf"(?P<holder>)在{held}(?P<name>[^的]{{2,60}}?(?:{alternation(cfg['nouns'])}))上")


def _occasion(text: str, clause: re.Match[str], sentence_end: int) -> re.Match[str] | None:
    """在<name>上 as a whole clause, when the next clause of the sentence has someone state something there
    (…主任王明表示, 会议强调): the meeting was held and the report gives what was said at it. A meeting's words
    relayed later (传达在…会议上的讲话精神) do not end the clause at 上."""
    occasion = _occasion_name().fullmatch(text, clause.start(), clause.end())
    if occasion is None or clause.end() >= sentence_end:
        return None
    following = _CLAUSE.match(text, clause.end() + 1, sentence_end)
    verbs = lexicon()["shape"]["occasion_verbs"]
    return occasion if following and any(verb in following.group() for verb in verbs) else None


def is_group_meeting(name: str) -> bool:
    """Whether a meeting's name is that of a health body's leading group (国家卫生健康委党组会议)."""
    return name.endswith(tuple(group + "会议" for group in lexicon()["shape"]["body_groups"]))


def _group_mention(
    text: str, sentence_start: int, found: re.Match[str], noun: str = "会议"
) -> list[tuple[int, Mention]]:
    """The meeting of a health body's leading group (国家卫生健康委党组会议) or a body's own meeting (省卫生厅办公会:
    `noun` empty), placed by the body's area."""
    holder = found.group("holder")
    lead = compiled(lexicon()["shape"]["name_lead"]).match(holder)
    start = found.start("holder") + (len(lead.group()) if lead else 0)
    if (scope := _holder_scope(holder)) is None:
        return []
    name = text[start : found.end("holder")] + noun
    mention = Mention(
        name=name,
        start=start,
        end=found.end(),
        scope=scope[0],
        region=scope[1],
        field=name,
        title_year=None,
        place=None,
        meeting_date=last_date(text[sentence_start:start]),
    )
    return [(sentence_start, mention)]


def _is_health(words: str) -> bool:
    """A health word (中医药, 卫生应急…), a health body (卫生健康委) or a health system (卫生健康系统)."""
    cfg = lexicon()
    vocabulary = cfg["meeting"]["health_keywords"] + cfg["meeting"]["organisers"] + cfg["shape"]["holder_words"]
    return any(word in words for word in vocabulary)


def _health_purpose(text: str, name_end: int, sentence_end: int) -> bool:
    """Whether the clause after a meeting's name says it studied or deployed health work (县政府召开常务会议，专题研究
    部署全县卫生健康工作; 召开会议，安排部署2024年医疗卫生工作): a meeting of a government or a party committee whose
    name holds no health word is a health meeting by its purpose."""
    cfg = lexicon()["shape"]
    window = text[name_end : min(sentence_end, name_end + cfg["purpose_chars"])]
    verb = re.search(alternation(cfg["purpose_verbs"]), window)
    return verb is not None and any(word in window[verb.end() :] for word in cfg["purpose_health_words"])


def _deploys_work(text: str, start: int) -> bool:
    """Whether the text from the meeting sentence on deploys work (within `evidence_window` characters)."""
    window = text[start : start + lexicon()["shape"]["evidence_window"]]
    return any(compiled(pattern).search(window) for pattern in lexicon()["shape"]["deploy_evidence"])


def _scope(name: str, holder: str) -> _Scope | None:
    """Level and region: the scope opening the name (全省, 黔江区), a 全市/全县 one placed by the holder's region;
    else the holder's (a health body's area: 抚顺市卫生健康委, 国家卫生健康委; a region named: 云安区卫生健康系统), else
    that of a health body the name holds (国家卫生健康委直属机关党员干部大会)."""
    opening = sorted(scope_candidates(name), key=lambda c: (c[0], c[0] - c[1]))
    held_by = _holder_scope(holder)
    if not opening:
        return held_by or _holder_scope(name) or _bare_opening(name)  # 国家卫生健康委直属机关党员干部大会: the body's
    _, _, kind, region = opening[0]
    if region is None and held_by is not None and held_by[1] is not None:
        if (kind, held_by[0]) in ((MUNICIPAL, MUNICIPAL), (COUNTY, COUNTY), (PROVINCIAL, COUNTY)):
            return held_by  # 抚顺市卫生健康委召开全市…; 黔江区召开全区… (a district's, not an autonomous region's)
    return kind, region


def _bare_opening(name: str) -> _Scope | None:
    """The level of a bare area word opening the name (区卫生健康重点工作推进会: a district's), its region left to the
    meeting parser (the one county or district the text names, e.g. in its source line 繁昌区融媒体中心)."""
    for word, kind in lexicon()["meeting"]["bare_area_levels"].items():
        if name.startswith(word):
            return kind, None
    return None


def _renamed(area: str) -> bool:
    """Whether a short holder (南溪县) names a county the table knows under another suffix (南溪区): another name,
    whose region the meeting parser does not take from it."""
    return any(
        not county.name.endswith(area[-1]) for found, _, _ in regions.find_county_names(area[:-1]) for county in found
    )


def _holder_scope(holder: str) -> _Scope | None:
    """The level and region a holder gives: a health body's (国家/省/抚顺市卫生健康委), else the region it names last,
    else a county's level when it is a county or banner under a short name (莫旗, 丰县), its region left to the text."""
    bodies = list(body_pattern().finditer(holder))
    if bodies:
        scope = body_scope(bodies[-1].group("area"), bodies[-1].group("body"), 0)
        return (scope.kind, scope.region) if scope else None
    found = scope_candidates(holder)
    if not found:
        short = re.search(lexicon()["shape"]["short_county_holder"], holder)
        if short and not _renamed(short.group().lstrip("，,日")):
            return COUNTY, None  # 莫旗召开…
        bare = re.search(lexicon()["shape"]["bare_county_holder"], holder)
        return (COUNTY, None) if bare and regions.counties_named(bare.group("name")) else None  # 4月17日，嘉定召开…
    _, _, kind, region = found[0]
    return kind, region
