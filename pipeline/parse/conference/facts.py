"""Meeting-level facts of a conference report: which meeting, when, where, for which year and region.

The meeting sentence has the shape "<date>，<year?><scope><field>工作会议在<place>召开": the scope
(全国, 全省, 湖南省, 全市…) gives the level, the field (卫生健康, 疾病预防控制…) whether it is a
health meeting and whether it is the National Health Work Conference itself. Meetings of other
kinds (大会, 座谈会, 推进会, 联席会议, 发布会) are read the same way, a body that holds one giving its scope.
The printed date is read by meeting_dates.py, the work year and days in years.py, the place and region in places.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from pipeline.parse.conference.common import YEAR, alternation, compiled, lexicon, numeral_value
from pipeline.parse.conference.common import sentence_start as _sentence_start
from pipeline.parse.conference.meeting_dates import MEETING_DATE, MeetingDate, last_date, parse_date
from pipeline.parse.conference.types import COUNTY, MUNICIPAL, NATIONAL, PROVINCIAL
from pipeline.text import regions
from pipeline.text.clean import CJK

_CJK = re.compile(f"[{CJK}]")
_MAX_HEAD = 30
@dataclass(frozen=True)
class Mention:
    """One mention of a health work conference that says it was held."""

    name: str
    start: int  # offset of the name (its scope word)
    end: int
    scope: str
    region: regions.Region | None  # region named in the scope (湖南省…), None for 全国/全省…
    field: str
    title_year: int | None  # 2025年全国卫生健康工作会议 → 2025
    place: str | None
    meeting_date: MeetingDate | None
    joint: bool = False  # held by several provincial units together (成渝…推进会, 西北五省(区)…联席会议)


@cache
def _scope_words() -> list[tuple[str, str]]:
    cfg = lexicon()["meeting"]
    pairs = [(w, NATIONAL) for w in cfg["national_scopes"]]
    pairs += [(w, PROVINCIAL) for w in cfg["provincial_scopes"]]
    pairs += [(w, MUNICIPAL) for w in cfg["municipal_scopes"]]
    pairs += [(w, COUNTY) for w in cfg["county_scopes"]]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


@dataclass(frozen=True)
class _Scope:
    """Where a meeting's name starts (its scope word) and where its field starts."""

    start: int
    end: int
    kind: str
    region: regions.Region | None
    field_start: int
    held: bool = False  # a held verb stands between the scope and the field (西吉县召开卫生健康工作会议)


@cache
def _held_after() -> list[re.Pattern[str]]:
    """After the name: 暨…, 于<date>, 在<place> (a room may take 16 characters: 在市卫生健康委机关五楼会议室),
    then the verb (strictly, else loosely without place)."""
    verbs = alternation(lexicon()["meeting"]["held_verbs"])
    lead = rf"(?:暨[^，。；]{{0,30}}?)?(?:于(?P<date>{MEETING_DATE}))?[，]?"
    manner = rf"(?:以[^，。；]{{1,10}}?(?:形式|方式))?(?:{alternation(lexicon()['meeting']['manner_words'])})?"
    when = alternation(lexicon()["meeting"]["time_words"])
    return [
        re.compile(rf"{lead}(?:{when})?(?:在(?P<place>[\u4e00-\u9fff]{{1,16}}?))?{manner}(?:{verbs})"),
        re.compile(rf"{lead}[^，。；]{{0,20}}?(?:{verbs})"),
    ]


@cache
def _held_before() -> re.Pattern[str]:
    """Before the name: the held verb, after 在<place> or a venue that ends in a room (县卫生健康局三楼会议室召开)."""
    verbs = alternation(lexicon()["meeting"]["held_verbs"])
    rooms = alternation(lexicon()["meeting"]["venue_rooms"])
    place = rf"在(?P<place>[\u4e00-\u9fff]{{1,8}}?)|(?<![\u4e00-\u9fff])(?P<venue>(?:(?!在)[\u4e00-\u9fff]){{2,20}}?(?:{rooms}))"
    return re.compile(rf"(?:{place})?(?:{verbs})(?:了|的)?(?:{YEAR}(?:年度?)?)?$")


def find_mentions(text: str) -> list[Mention]:
    """Every mention of a health work conference that is said to be held, in text order."""
    nouns = alternation(lexicon()["meeting"]["nouns"])
    mentions: list[Mention] = []
    for match in re.finditer(nouns, text):
        mention = _mention_at(text, match.start(), match.end())
        if mention is not None:
            mentions.append(mention)
    for match in re.finditer(alternation(lexicon()["meeting"]["briefing_nouns"]), text):
        mention = briefing_at(text, match.start(), match.end())
        if mention is not None:
            mentions.append(mention)
    return sorted(mentions, key=lambda mention: mention.start)


def _mention_at(text: str, noun_start: int, noun_end: int) -> Mention | None:
    head_start = _run_start(text, noun_start)
    scope = (
        _parse_scope(text, head_start, noun_start)
        or _scope_before_year(text, head_start, noun_start)
        or _organiser_scope(text, head_start, noun_start)
    )
    joint = _is_joint(text, head_start, scope.start if scope else None, noun_start)
    if scope is None and joint and _is_health_field(text[head_start:noun_start]):
        scope = _Scope(head_start, head_start, PROVINCIAL, None, head_start)
    if scope is None:
        return None
    sentence_start = _sentence_start(text, scope.start)
    scope = _holder_scope(text, sentence_start, scope)
    held = next((m for p in _held_after() if (m := p.match(text, noun_end))), None)
    held_before = _held_before().search(text[sentence_start : scope.start])
    if held is None and not scope.held and not held_before:
        return None
    place = (held.groupdict().get("place") if held else None) or (
        (held_before.group("place") or held_before.group("venue")) if held_before else None
    )
    if joint and scope.start > head_start:  # 西北五省(区)及新疆生产建设兵团…: the name names every unit
        scope = _Scope(head_start, head_start, scope.kind, None, head_start)
    year_end = scope.field_start if scope.field_start != scope.end else scope.start
    year_match = re.search(rf"(?P<y>{YEAR})(?:年度?)?$", text[sentence_start:year_end])
    before_name = text[sentence_start : scope.start]
    if year_match and year_end == scope.start:  # the date stands before the title year
        before_name = text[sentence_start : sentence_start + year_match.start()]
    date_text = held.group("date") if held else None
    return Mention(
        name=text[scope.start : scope.end] + text[scope.field_start : noun_end],
        start=scope.start,
        end=noun_end,
        scope=scope.kind,
        region=scope.region,
        field=text[scope.field_start : noun_start],
        title_year=numeral_value(year_match.group("y")) if year_match else None,
        place=place,
        meeting_date=parse_date(date_text) if date_text else last_date(before_name),
        joint=joint,
    )


def briefing_at(text: str, noun_start: int, noun_end: int) -> Mention | None:
    """A briefing held (国家卫生计生委今天上午举行发布会; …举行民生主题记者会，国家卫生健康委主任…介绍…; 在刚刚召开的
    国家卫生健康委新闻发布会上): its level and region are those of the health body that holds it or speaks at it."""
    sentence_start = _sentence_start(text, noun_start)
    held = re.search(rf"(?:{alternation(lexicon()['meeting']['held_verbs'])})[了的]?", text[sentence_start:noun_start])
    if held is None:
        return None
    name_start = sentence_start + held.end()
    if not all(_is_head_char(char) for char in text[name_start:noun_start]):
        return None
    scope = None
    window_start = max(0, text.rfind("\n", 0, sentence_start) + 1)
    window_end = text.find("\n", noun_end)
    for window in (text[sentence_start:noun_start], text[window_start : window_end if window_end >= 0 else len(text)]):
        bodies = list(
            re.finditer(
                rf"(?P<area>[\u4e00-\u9fff]{{0,10}}?)(?P<body>{alternation(lexicon()['meeting']['organisers'])})",
                window,
            )
        )
        if bodies:
            scope = body_scope(bodies[0].group("area"), bodies[0].group("body"), name_start)
            break
    if scope is None:
        return None
    return Mention(
        name=text[name_start:noun_end],
        start=name_start,
        end=noun_end,
        scope=scope.kind,
        region=scope.region,
        field="",
        title_year=None,
        place=None,
        meeting_date=(
            last_date(text[sentence_start:noun_start]) or _dateline_date(text, window_start, sentence_start, noun_start)
        ),
    )


def _dateline_date(text: str, paragraph_start: int, sentence_start: int, noun_start: int) -> MeetingDate | None:
    """The date of the paragraph's dateline before the sentence (北京5月31日电), for a briefing the sentence says is
    held now (在刚刚召开的…发布会上); None otherwise."""
    cfg = lexicon()["meeting"]
    if not any(word in text[sentence_start:noun_start] for word in cfg["held_now_words"]):
        return None
    found = list(re.finditer(cfg["dateline_date"], text[paragraph_start:sentence_start]))
    return parse_date(found[-1].group()) if found else None


def _is_joint(text: str, head_start: int, scope_start: int | None, noun_start: int) -> bool:
    """A meeting of several provincial units: its name before the scope names a region or a joint word
    (西北五省(区)及新疆生产建设兵团…), or, unscoped, its paragraph names two provinces or more."""
    before = text[head_start : noun_start if scope_start is None else scope_start]
    words = lexicon()["meeting"]["joint_words"]
    if any(word in before for word in words):
        return True
    if re.search("[及和与、]", before) and regions.find_regions(before, levels=(regions.PROVINCE,)):
        return True  # 陕西省和甘肃省…: not 湖南省长沙市…, whose province only places the city
    if scope_start is not None:
        return False
    end = text.find("\n", head_start)
    paragraph = text[text.rfind("\n", 0, head_start) + 1 : end if end >= 0 else len(text)]
    provinces = {region.province_code for region, _, _ in regions.find_regions(paragraph)}
    return len(provinces) >= 2


def _run_start(text: str, end: int) -> int:
    """Start of the run of Chinese characters (not 年, unless of 半年 / 上半年) that ends at `end`."""
    start = end
    while start > max(0, end - _MAX_HEAD) and (_is_head_char(text[start - 1]) or _is_period_word(text, start - 1)):
        start -= 1
    return start


def _is_period_word(text: str, position: int) -> bool:
    """A 年 that is part of a period of the year in a meeting's name (全市卫生健康半年工作会议), not a year."""
    words = lexicon()["meeting"]["period_words"]
    return text[position] == "年" and any(
        text.startswith(w, position - len(w) + 1) for w in words if position >= len(w) - 1
    )


def _is_head_char(char: str) -> bool:
    """A character of a meeting's name: Chinese (not 年), or a bracket (健康促进（爱国卫生）工作会议)."""
    return (bool(_CJK.match(char)) and char != "年") or char in "（）()"


def _parse_scope(text: str, head_start: int, noun_start: int) -> _Scope | None:
    """The rightmost scope in the head whose remainder is a health field (with no held verb in it: 市卫健委召开
    县区…座谈会 is held by a body, see _organiser_scope)."""
    head = text[head_start:noun_start]
    for start, end, kind, region in scope_candidates(head):
        verb = _held_verb_at(head, end)
        if verb and head[:start].endswith(("在", "于")):
            continue  # 在渝北区召开…: the place, not the scope
        field = head[end + verb :]
        if _is_health_field(field) and not any(held in field for held in lexicon()["meeting"]["held_verbs"]):
            return _Scope(head_start + start, head_start + end, kind, region, head_start + end + verb, verb > 0)
    return None


@cache
def _holder_tail() -> re.Pattern[str]:
    cfg = lexicon()["meeting"]
    return re.compile(
        rf"(?:{alternation(cfg['organisers'])})?(?:在[^，。；]{{1,12}}?)?(?:{alternation(cfg['held_verbs'])})了?"
        rf"(?:{YEAR}(?:年度?)?)?$"
    )


def _holder_scope(text: str, sentence_start: int, scope: _Scope) -> _Scope:
    """A scope word's region from the area that holds the meeting, printed right before the held verb or its
    health body (碑林区卫生健康局召开2017年全区…, 七里河区召开全区…, 晋江市召开全市…): a county for a county or
    district scope word, a city (or a county-level city) for a municipal one; the scope unchanged otherwise."""
    cfg = lexicon()["meeting"]
    word = text[scope.start : scope.end]
    county_word = word in cfg["county_scopes"] or word in cfg["district_scopes"]
    if scope.region is not None or not (county_word or word in cfg["municipal_scopes"]):
        return scope
    tail = _holder_tail().search(text, sentence_start, scope.start)
    if tail is None:
        return scope
    area_end = tail.start()
    region = None
    counties = [found for found, _, end in regions.find_counties(text, sentence_start, area_end) if end == area_end]
    if counties and (county_word or counties[-1][0].name.endswith("市")):
        region = regions.resolve_county(counties[-1], text)
    elif not county_word:
        cities = [found for found, _, end in regions.find_regions(text, sentence_start, area_end) if end == area_end]
        region = cities[-1] if cities and cities[-1].level == regions.PREFECTURE else None
    if region is None:
        return scope
    kind = MUNICIPAL if region.level == regions.PREFECTURE else COUNTY
    return _Scope(scope.start, scope.end, kind, region, scope.field_start, scope.held)


def _held_verb_at(head: str, at: int) -> int:
    """Length of a held verb (召开, 召开了) at head[at:], else 0."""
    verb = re.match(rf"(?:{alternation(lexicon()['meeting']['held_verbs'])})了?", head[at:])
    return len(verb.group()) if verb else 0


def _scope_before_year(text: str, head_start: int, noun_start: int) -> _Scope | None:
    """A scope printed before the year: 湖南省2025年卫生健康工作会议."""
    year = re.search(rf"{YEAR}年度?$", text[max(0, head_start - 8) : head_start])
    if year is None or not _is_health_field(text[head_start:noun_start]):
        return None
    run_end = head_start - len(year.group())
    run_start = _run_start(text, run_end)
    run = text[run_start:run_end]
    for start, end, kind, region in scope_candidates(run):
        verb = _held_verb_at(run, end)
        if end + verb == len(run) and not (verb and run[:start].endswith(("在", "于"))):  # 在渝北区召开: a place
            return _Scope(run_start + start, run_start + end, kind, region, head_start, verb > 0)
    return None


@cache
def _organiser_pattern() -> re.Pattern[str]:
    cfg = lexicon()["meeting"]
    return re.compile(
        rf"(?P<area>[\u4e00-\u9fff]{{0,10}}?)(?P<body>{alternation(cfg['organisers'])})"
        rf"(?:(?:于|在)[^，。；]{{1,12}}?)?(?:{alternation(cfg['held_verbs'])})了?(?:{YEAR}年度?)?"
    )


def _organiser_scope(text: str, head_start: int, noun_start: int) -> _Scope | None:
    """A meeting named without a scope and held by a body that gives it (省卫生健康委在渝北区召开…座谈会,
    卫生部召开2007年…会议): the body's level and region; the name is what follows the verb. Or a meeting whose
    name opens on the body (国家卫生健康委健康中国行动领导小组办公室会议在京召开): held only by a verb after it."""
    sentence_start = _sentence_start(text, head_start)
    found = None
    for match in _organiser_pattern().finditer(text, sentence_start, noun_start):
        rest = text[match.end() : noun_start]
        if all(_is_head_char(char) for char in rest) and _is_health_field(rest):
            found = match
    if found is not None:
        return body_scope(found.group("area"), found.group("body"), found.end())
    named = body_pattern().match(text, head_start, noun_start)
    if named is None or not _is_health_field(text[named.end() : noun_start]):
        return None
    scope = body_scope(named.group("area"), named.group("body"), named.end())
    return replace(scope, held=False) if scope else None


@cache
def body_pattern() -> re.Pattern[str]:
    """<area><health body> (国家卫生健康委, 抚顺市卫生健康委, 省卫生厅): the area (up to ten characters) and the body."""
    return re.compile(rf"(?P<area>[\u4e00-\u9fff]{{0,10}}?)(?P<body>{alternation(lexicon()['meeting']['organisers'])})")


def body_scope(area: str, body: str, name_start: int) -> _Scope | None:
    """The scope a health body gives a meeting it holds: 国家卫生健康委 national, 湖南省卫生健康委 provincial…"""
    cfg = lexicon()["meeting"]
    if body in cfg["national_organisers"] or area.endswith(tuple(cfg["national_organiser_areas"])):
        return _Scope(name_start, name_start, NATIONAL, None, name_start, True)
    for _, end, kind, region in scope_candidates(area):
        if end == len(area):
            return _Scope(name_start, name_start, kind, region, name_start, True)
    for word, kind in cfg["bare_area_levels"].items():
        if area.endswith(word):
            return _Scope(name_start, name_start, kind, None, name_start, True)
    return None


def scope_candidates(head: str) -> list[tuple[int, int, str, regions.Region | None]]:
    """Scope words, region names and bare 省/市 in a head, rightmost (then longest) first."""
    candidates: list[tuple[int, int, str, regions.Region | None]] = []
    for word, kind in _scope_words():
        candidates += [(m.start(), m.end(), kind, None) for m in re.finditer(re.escape(word), head)]
    for region, start, end in regions.find_regions(head):
        kind = PROVINCIAL if region.level == regions.PROVINCE else MUNICIPAL
        candidates.append((start, end, kind, region))
    for counties, start, end in regions.find_counties(head):  # one county, or None while its name is shared
        candidates.append((start, end, COUNTY, counties[0] if len(counties) == 1 else None))
    cfg = lexicon()["meeting"]
    for words, kind in ((cfg["provincial_bare"], PROVINCIAL), (cfg["municipal_bare"], MUNICIPAL)):
        candidates += [(0, len(w), kind, None) for w in words if head.startswith(w)]
    return sorted(candidates, key=lambda c: (c[1], c[1] - c[0]), reverse=True)


def _is_health_field(field: str) -> bool:
    if not field or "会议" in field:
        return False
    return any(keyword in field for keyword in lexicon()["meeting"]["health_keywords"])


def is_nhwc(mention: Mention) -> bool:
    """Whether a national mention is the National Health Work Conference itself."""
    return mention.scope == NATIONAL and mention.field in lexicon()["meeting"]["nhwc_fields"]


def primary_mention(mentions: list[Mention]) -> Mention:
    """The mention that reports the meeting: the first one with a date, else the first one."""
    return next((m for m in mentions if m.meeting_date), mentions[0])


def announced_task_count(text: str) -> int | None:
    """The number of key tasks the text announces (以下十项任务, 会上公布了10项重点任务)."""
    hits = [m for p in lexicon()["announced"]["patterns"] if (m := compiled(p).search(text))]
    if not hits:
        return None
    return numeral_value(min(hits, key=lambda m: m.start()).group("n"))
