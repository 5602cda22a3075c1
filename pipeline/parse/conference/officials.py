"""Officials of a meeting: the name right before a role verb, the title printed before the name.

国家卫生健康委党组书记、主任雷海潮出席会议并讲话 → Official('雷海潮', '国家卫生健康委党组书记、主任',
'speech'). The role verbs and title suffixes are lexicons in pipeline/data/meetings.toml.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.parse.conference.common import lexicon
from pipeline.parse.conference.types import INSTRUCTION, SPEECH, WORK_REPORT, Official
from pipeline.text import regions

_CHUNK_DELIMITERS = "，。；！？：\n"
# A name: two to four characters, or a transcribed name in parts joined by a middle dot (艾尔肯·吐尼亚孜).
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,8}){1,2}")
# Words joining the last two officials of a list (组长郭亚敏和局长姜建明出席会议并讲话).
_LAST_JOINERS = re.compile("[和及与]")


@cache
def _role_pattern() -> re.Pattern[str]:
    cfg = lexicon()["officials"]
    groups = []
    for role in cfg["role_order"]:
        alternatives = "|".join(f"(?:{p})" for p in cfg[role])
        groups.append(f"(?P<{role}>{cfg['verb_lead']}(?:{alternatives}))")
    return re.compile("|".join(groups))


@cache
def _second_role() -> re.Pattern[str]:
    return re.compile(lexicon()["officials"]["second_role"])


def find_officials(text: str) -> list[Official]:
    """Every official named before a role verb, in text order, without (name, role) repeats.

    Several officials before one verb (李四总理、王五副总理分别作出批示) are each read; a chair who also
    reports or speaks (主持会议并作工作报告) gets both roles.
    """
    officials: list[Official] = []
    seen: set[tuple[str, str]] = set()
    for match in _role_pattern().finditer(text):
        role = str(match.lastgroup)
        found = officials_before(text, match.start(), role)
        second = _second_role().match(text, match.end())
        if second is not None:
            found += [o._replace_role(str(second.lastgroup)) for o in found]
        for official in found:
            if (official.name, official.role) not in seen:
                seen.add((official.name, official.role))
                officials.append(official)
    known = {o.name for o in officials}
    found = officials + [o for o in _titled_speakers(text) if o.name not in known]
    known = {o.name for o in found}
    found += [o for o in _read_out(text) if o.name not in known]
    known = {o.name for o in found}
    return found + [o for o in _speakers_by_colon(text) if o.name not in known]


def _speakers_by_colon(text: str) -> list[Official]:
    """Speakers of an interview or briefing, a line opened by a title and a name and a colon (国家卫生健康委员会
    主任马晓伟：; 毛群安：七项举措…): the name, when the text prints it after an official title."""
    suffixes = tuple(lexicon()["officials"]["title_suffixes"])
    found: list[Official] = []
    for match in re.finditer(r"(?m)^[^，。；！？：\n]{2,40}?：", text):
        official = _official_in(text, match.start(), match.end() - 1, SPEECH)
        if official is None or any(o.name == official.name for o in found):
            continue
        starts = [m.start() for m in re.finditer(re.escape(official.name), text)]
        if official.title or any(text.endswith(suffixes, 0, at) for at in starts):
            found.append(official)
    return found


def _read_out(text: str) -> list[Official]:
    """Officials whose speech or instructions someone else reads out (宣读了王五副省长的讲话, 宣读了省委书记
    李四的批示) or passes on (传达学习王五副市长对全市卫生健康工作的批示精神, 传达副市长王五同志批示精神), or whose report or speech a notice
    issues (现将王五同志的工作报告和李四同志的总结讲话印发给你们): the name after the verb, when the text prints it
    after an official title (or, passed on, right before one; issued, right before 同志)."""
    suffixes = tuple(lexicon()["officials"]["title_suffixes"])
    found: list[Official] = []
    cfg = lexicon()["officials"]
    passed_on = list(re.finditer(cfg["passed_on"], text))  # the title is printed right after the name
    passed_on += re.finditer(cfg["relayed"], text)  # the title is printed right before the name
    issued = list(re.finditer(cfg["issued"], text))  # 同志 is printed right after the name
    for match in [*re.finditer(cfg["read_out"], text), *passed_on, *issued]:
        name = match.group("name")
        titled = match in passed_on or match in issued or text.endswith(suffixes, 0, match.start("name")) or any(
            text.endswith(suffixes, 0, m.start()) for m in re.finditer(re.escape(name), text)
        )
        what = match.group("what")
        role = INSTRUCTION if what in ("批示", "指示") else WORK_REPORT if what.endswith("报告") else SPEECH
        if titled and name not in lexicon()["officials"]["not_names"] and all(o.name != name for o in found):
            found.append(Official(name, None, role, match.start("name"), match.end("name")))
    return found


@cache
def _titled_speech() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in lexicon()["officials"]["titled_speech"]))


def _titled_speakers(text: str) -> list[Official]:
    """Officials before a weak speech verb (黄俊华总结…, 高强部署了…) whose name the text prints after an
    official title, here or elsewhere; an official already read with a role is not read again."""
    suffixes = tuple(lexicon()["officials"]["title_suffixes"])
    found: list[Official] = []
    for match in _titled_speech().finditer(text):
        for official in officials_before(text, match.start(), SPEECH) or _titled_bare_name(text, match.start()):
            titled = official.title or any(text.endswith(suffixes, 0, m.start()) for m in re.finditer(re.escape(official.name), text))
            if titled and not any(o.name == official.name for o in found):
                found.append(official)
    return found


def _titled_bare_name(text: str, verb_start: int) -> list[Official]:
    """A name alone before the verb that ends like a body (蔡暖心要求：心 as in 中心), read as the official when the
    text prints it right after an official title elsewhere (副县长蔡暖心出席会议)."""
    chunk_start = max(text.rfind(d, 0, verb_start) for d in _CHUNK_DELIMITERS) + 1
    chunk_start = _skip_noise(text, chunk_start, verb_start)
    name = text[chunk_start:verb_start]
    if not _NAME.fullmatch(name) or len(name) > 3 or name in lexicon()["officials"]["not_names"]:
        return []
    suffixes = tuple(lexicon()["officials"]["title_suffixes"])
    if any(text.endswith(suffixes, 0, m.start()) for m in re.finditer(re.escape(name), text) if m.start() != chunk_start):
        return [Official(name, None, SPEECH, chunk_start, verb_start)]
    return []


def officials_before(text: str, verb_start: int, role: str) -> list[Official]:
    """The official (or the 、-separated officials) in the chunk right before a role verb, or before what the verb
    is about (副县长王五就…强调: the complement, when the official before it is titled here or elsewhere)."""
    found = _officials_right_before(text, verb_start, role)
    if found:
        return found
    chunk_start = max(text.rfind(d, 0, verb_start) for d in _CHUNK_DELIMITERS) + 1
    for opener in re.finditer(lexicon()["officials"]["complement"], text[chunk_start + 2 : verb_start]):
        before = _officials_right_before(text, chunk_start + 2 + opener.start(), role)
        if before and all(_titled(text, official) for official in before):
            return before
    return []


def _titled(text: str, official: Official) -> bool:
    """Whether the official is printed with a title, here or right after one elsewhere in the text."""
    suffixes = tuple(lexicon()["officials"]["title_suffixes"])
    return official.title is not None or any(
        text.endswith(suffixes, 0, m.start()) for m in re.finditer(re.escape(official.name), text)
    )


def _officials_right_before(text: str, verb_start: int, role: str) -> list[Official]:
    """The official (or the 、-separated officials) in the chunk that ends right before `verb_start`."""
    chunk_start = max(text.rfind(d, 0, verb_start) for d in _CHUNK_DELIMITERS) + 1
    chunk_start = _skip_noise(text, chunk_start, verb_start)
    list_end = _strip_list_closer(text, chunk_start, verb_start)
    name_end = _strip_name_suffix(text, chunk_start, list_end)
    single = _official_in(text, chunk_start, name_end, role)
    chunk = text[chunk_start:name_end]
    joined = _LAST_JOINERS.split(chunk) if "、" not in chunk else []
    if len(joined) == 2 and all(_titled_name(part) for part in joined):
        single = None  # 组长郭亚敏和局长姜建明: two titled officials joined by 和, not one long title
        parts = joined
    else:
        parts = chunk.split("、")
        if len(parts) > 1 and all(_title_then_name(part) for part in parts):
            single = None  # 县委副书记李四、副县长王五: each part a title and a name, not one title (党组书记、主任王五)
    if list_end == verb_start and single is not None:  # one official; a 、 may belong to the title (党组书记、主任王五)
        return _with_officials_before(text, chunk_start, role, [single])
    found = []
    part_start = chunk_start
    for part in parts:
        official = _official_in(text, part_start, part_start + len(part), role)
        part_start += len(part) + 1
        if official is None:
            return _joined_titled(text, chunk_start, chunk, role) if "、" in chunk else []
        found.append(official)
    return _with_officials_before(text, chunk_start, role, found)


def _joined_titled(text: str, chunk_start: int, chunk: str, role: str) -> list[Official]:
    """Two titled officials joined by 和 whose titles hold a 、 (党委副书记、副院长张三和党支部书记李四分别发言)."""
    joined = _LAST_JOINERS.split(chunk)
    if len(joined) != 2 or not all(_titled_name(part) for part in joined):
        return []
    second_start = chunk_start + len(joined[0]) + 1
    first = _official_in(text, chunk_start, chunk_start + len(joined[0]), role)
    second = _official_in(text, second_start, second_start + len(joined[1]), role)
    return [first, second] if first and second else []


def _title_then_name(part: str) -> bool:
    """Whether a part of a 、-list is a title, then a name (县委副书记李四), not a title alone (党组书记) or a body and
    its title (市政协副主席)."""
    split = _name_offset(part)
    name = part[split:] if split else ""
    cfg = lexicon()["officials"]
    return bool(name) and name not in cfg["not_names"] and name[-1] not in cfg["body_ends"]


def _titled_name(part: str) -> bool:
    """Whether a part of a list is a title and a name (省纪委驻委纪检组组长郭亚敏), not a name alone."""
    official = _official_in(part, 0, len(part), SPEECH)
    return official is not None and official.title is not None


def _with_officials_before(text: str, chunk_start: int, role: str, found: list[Official]) -> list[Official]:
    """Officials of a list that runs over a comma (重庆市卫健委副书记王卫，四川省卫健委副主任宋世贵出席会议并讲话):
    the clause before the comma counts when it is only a title and a name."""
    if not found or chunk_start == 0 or text[chunk_start - 1] != "，":
        return found
    start = max(text.rfind(d, 0, chunk_start - 1) for d in _CHUNK_DELIMITERS) + 1
    start = _skip_noise(text, start, chunk_start - 1)
    before = _official_in(text, start, chunk_start - 1, role)
    if before is None or not before.title or len(before.name) > 3:  # 张三主持: a clause, not a name
        return found
    return [*_with_officials_before(text, start, role, [before]), *found]


def _official_in(text: str, start: int, end: int, role: str) -> Official | None:
    """The official in text[start:end]: <title><name>, or <name><title> (王五副县长)."""
    chunk = text[start:end]
    split = _name_offset(chunk)
    after = _title_after_name(chunk)
    if after is not None and not split:  # 李四总理: a name and its title, not a four-character name
        name, title, name_start = chunk[:after], chunk[after:], start
    elif split is not None:
        name, title = chunk[split:], chunk[:split].strip() or None
        name_start = start + split
    elif (between := _name_between_body_and_title(chunk)) is not None:  # 市政府许明副秘书长
        name_offset, title_offset = between
        name, title = chunk[name_offset:title_offset], chunk[:name_offset] + chunk[title_offset:]
        name_start = start + name_offset
    else:
        return None
    if name in lexicon()["officials"]["not_names"]:
        return None
    if any(len(suffix) > 1 and name.endswith(suffix) for suffix in lexicon()["officials"]["title_suffixes"]):
        return None  # 卫生和计划生育委员会主任: the end of a body and its title (会主任), no name
    if title is None and name[-1] in lexicon()["officials"]["body_ends"]:
        return None  # 县卫健局作工作报告: a body without a title, not a name
    if title is None and (regions.find_regions(name) or regions.find_counties(name)):
        return None  # 单县、牡丹区作典型发言: places, not names
    return Official(name, title, role, name_start, name_start + len(name))


def _strip_list_closer(text: str, start: int, end: int) -> int:
    for word in lexicon()["officials"]["list_closers"]:
        if text.endswith(word, start, end):
            return end - len(word)
    return end


def _title_after_name(chunk: str) -> int | None:
    """Where the title starts in "<name><title>" (鲜瑞芳副县长, 李克强总理): a 2–3 character name, then a
    title ending in a title suffix; None otherwise."""
    suffixes = lexicon()["officials"]["title_suffixes"]
    for size in (2, 3):
        rest = re.sub("^(?:常务)?副", "", chunk[size:])
        if rest in suffixes and _NAME.fullmatch(chunk[:size]):
            return size
    return None


def _name_between_body_and_title(chunk: str) -> tuple[int, int] | None:
    """(name start, title start) in "<body><name><title>" (市卫生局王五局长, 市政府许明副秘书长): a 2–3
    character name right after a body's last character (局, 府, 科…) and right before a title; None otherwise."""
    cfg = lexicon()["officials"]
    for suffix in sorted(cfg["title_suffixes"], key=len, reverse=True):
        if not chunk.endswith(suffix):
            continue
        title_start = len(chunk) - len(suffix)
        title_start -= 1 if chunk[:title_start].endswith("副") else 0
        title_start -= 2 if chunk[:title_start].endswith("常务") else 0
        for size in (3, 2):
            name_start = title_start - size
            name = chunk[name_start:title_start]
            if name_start >= 1 and chunk[name_start - 1] in cfg["body_ends"] and _NAME.fullmatch(name):
                return None if any(char in cfg["body_ends"] for char in name) else (name_start, title_start)
        return None
    return None


def _strip_name_suffix(text: str, start: int, end: int) -> int:
    for suffix in lexicon()["officials"]["name_suffixes"]:
        if text.endswith(suffix, start, end):
            return end - len(suffix)
    return end


def _skip_noise(text: str, start: int, end: int) -> int:
    for word in sorted(lexicon()["officials"]["leading_noise"], key=len, reverse=True):
        if text.startswith(word, start) and end - start - len(word) >= 2:
            return start + len(word)
    return start


def _name_offset(chunk: str) -> int | None:
    """Where the name starts in "<title><name>": after the rightmost title suffix leaving 2–4 chars."""
    best: int | None = None
    for suffix in lexicon()["officials"]["title_suffixes"]:
        for match in re.finditer(re.escape(suffix), chunk):
            rest = chunk[match.end() :]
            if _NAME.fullmatch(rest) and (best is None or match.end() > best):
                best = match.end()
    if best is not None:
        return best
    return 0 if _NAME.fullmatch(chunk) else None


def lead_official(officials: list[Official]) -> str | None:
    """The official who gave the main speech, else the one who gave the work report."""
    for role in (SPEECH, WORK_REPORT):
        found = next((o.name for o in officials if o.role == role), None)
        if found:
            return found
    return None


def title_hints(officials: list[Official]) -> list[str]:
    """The officials' titles (they may name the region: 湖南省卫生健康委主任)."""
    return [o.title for o in officials if o.title]


def official_names(text: str) -> list[str]:
    """The names of the officials a text names, sorted: words to keep whole when the text is segmented."""
    return sorted({official.name for official in find_officials(text)})
