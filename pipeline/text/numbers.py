"""Number parsing: turn one numeral, as written in Chinese policy text, into a float.

What belongs here: converting a single numeral string -- Arabic digits (with digit groups such as
1,000 and trailing 十/百/千/万/亿 multipliers such as 1.5万), Chinese numerals (十五, 两, 千亿) or a
mix -- into its value. What does not: finding numerals in running text, units, comparators and the
rules about which numbers are targets; those live in pipeline.text.targets.extract.
"""

from __future__ import annotations

import re
from functools import lru_cache

import cn2an

# Multipliers that may follow Arabic digits ("1.5万", "50亿", "3千").
MULTIPLIERS: dict[str, float] = {"十": 10.0, "百": 100.0, "千": 1e3, "万": 1e4, "亿": 1e8}
CHINESE_DIGITS = "零〇一二两三四五六七八九"
CHINESE_NUMERAL_CHARS = CHINESE_DIGITS + "十百千万亿"

# Marker characters that count by their place in a series: circled (①…⑳), parenthesised (⑴…⒇) and parenthesised
# ideographs (㈠…㈩), each a contiguous run of code points.
_CHAR_SERIES = ("①⑳", "⑴⒇", "㈠㈩")


def series_value(char: str) -> int | None:
    """The place of a marker character in its series (① → 1, ⑵ → 2, ㈢ → 3), or None for any other character."""
    for first, last in _CHAR_SERIES:
        if first <= char <= last:
            return ord(char) - ord(first) + 1
    return None


_ARABIC = re.compile(r"(\d+(?:,\d{3})*(?:\.\d+)?)([十百千万亿]*)")
_CHINESE = re.compile(rf"[{CHINESE_NUMERAL_CHARS}]+(?:点[{CHINESE_DIGITS}]+)?")


@lru_cache(maxsize=8192)  # the same few numerals recur throughout a corpus
def parse_number(s: str) -> float | None:
    """'1.5万'→15000, '70万'→700000, '千亿'→1e11, '十五'→15, '4.33'→4.33, '两'→2, '1,000'→1000.

    Returns None if `s` is not a number.
    """
    s = s.strip()
    if not s:
        return None
    arabic = _ARABIC.fullmatch(s)
    if arabic:
        value = float(arabic.group(1).replace(",", ""))
        for char in arabic.group(2):
            value *= MULTIPLIERS[char]
        return value
    if not _CHINESE.fullmatch(s):
        return None
    # A leading multiplier stands for one of it: 千亿 = 一千亿, 万 = 一万 (十五 is handled by cn2an too).
    if s[0] in "十百千万亿":
        s = "一" + s
    try:
        value = cn2an.cn2an(s.replace("〇", "零"), "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return float(value)
