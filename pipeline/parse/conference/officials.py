"""Officials of a meeting: the name right before a role verb, the title printed before the name.

国家卫生健康委党组书记、主任雷海潮出席会议并讲话 → Official('雷海潮', '国家卫生健康委党组书记、主任',
'speech'). The role verbs and title suffixes are lexicons in pipeline/data/meetings.toml.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.parse.conference.common import lexicon
from pipeline.parse.conference.types import SPEECH, WORK_REPORT, Official

_CHUNK_DELIMITERS = "，。；！？：\n"
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")


@cache
def _role_pattern() -> re.Pattern[str]:
    cfg = lexicon()["officials"]
    groups = []
    for role in cfg["role_order"]:
        alternatives = "|".join(f"(?:{p})" for p in cfg[role])
        groups.append(f"(?P<{role}>{alternatives})")
    return re.compile("|".join(groups))


def find_officials(text: str) -> list[Official]:
    """Every official named before a role verb, in text order, without (name, role) repeats."""
    officials: list[Official] = []
    seen: set[tuple[str, str]] = set()
    for match in _role_pattern().finditer(text):
        official = _official_before(text, match.start(), str(match.lastgroup))
        if official is not None and (official.name, official.role) not in seen:
            seen.add((official.name, official.role))
            officials.append(official)
    return officials


def _official_before(text: str, verb_start: int, role: str) -> Official | None:
    chunk_start = max(text.rfind(d, 0, verb_start) for d in _CHUNK_DELIMITERS) + 1
    chunk_start = _skip_noise(text, chunk_start, verb_start)
    name_end = _strip_name_suffix(text, chunk_start, verb_start)
    chunk = text[chunk_start:name_end]
    split = _name_offset(chunk)
    if split is None:
        return None
    name = chunk[split:]
    if name in lexicon()["officials"]["not_names"]:
        return None
    title = chunk[:split].strip() or None
    return Official(name, title, role, chunk_start + split, name_end)


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
