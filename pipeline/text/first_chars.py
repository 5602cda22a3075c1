"""The characters a regular expression's non-empty matches can start with, to skip texts it cannot match.

`first_chars(pattern)` reads the compiled pattern's syntax tree (the standard library's own parser)
and returns the set of characters the first consumed character of any non-empty match must belong
to, plus whether a Unicode decimal digit (\\d) may start one. Zero-width items (anchors, look-ahead,
look-behind) are stepped over and optional items add their own first characters to what follows,
so the set is never too small. Anything the reader does not know (., negated classes, \\w, \\s,
back-references, case-insensitive matching, large ranges) gives None: the pattern is always run.

`starts_re(first)` is one character class of those characters, and `matches_at(pattern, text, starts)`
gives what `pattern.finditer(text)` gives for a pattern that never matches empty (`never_empty`), by
trying the pattern only at the positions in `starts` (where such a character stands): the regular
expression engine cannot skip ahead to them itself when a pattern opens with a look-behind or a repeat,
so it otherwise tries a match at every character of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

try:  # the parser of the re module (Python 3.11+); without it nothing is skipped
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    sre_constants = sre_parse = None  # type: ignore[assignment]

_MAX_RANGE = 70_000  # a character range larger than this is not expanded
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class FirstChars:
    chars: frozenset[str]
    digits: bool  # any Unicode decimal digit (\d) may start a match too

    def may_match(self, text_chars: set[str] | frozenset[str], has_digit: bool) -> bool:
        """Can a non-empty match start in a text with these characters (and a digit, if has_digit)?"""
        return (self.digits and has_digit) or not self.chars.isdisjoint(text_chars)


class _Unknown(Exception):
    pass


def first_chars(pattern: re.Pattern[str]) -> FirstChars | None:
    """What a non-empty match of `pattern` can start with, or None when that cannot be told."""
    if sre_parse is None or not isinstance(pattern.pattern, str) or pattern.flags & re.IGNORECASE:
        return None
    chars: set[str] = set()
    try:
        digits, _ = _sequence(sre_parse.parse(pattern.pattern, pattern.flags), chars)
    except _Unknown:
        return None
    return FirstChars(frozenset(chars), digits)


def has_digit(text: str) -> bool:
    return _DIGIT.search(text) is not None


def never_empty(pattern: re.Pattern[str]) -> bool:
    """True when every match of `pattern` consumes a character (False when that cannot be told)."""
    if sre_parse is None or not isinstance(pattern.pattern, str) or first_chars(pattern) is None:
        return False
    _, nullable = _sequence(sre_parse.parse(pattern.pattern, pattern.flags), set())
    return not nullable


@cache
def starts_re(first: FirstChars) -> re.Pattern[str]:
    """One character a match described by `first` may start with."""
    members = "".join(sorted(re.escape(c) for c in first.chars)) + (r"\d" if first.digits else "")
    return re.compile(f"[{members}]" if members else "(?!)")


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text)`, in order, for a pattern that never matches empty: tried only at
    `starts` (ascending), which must hold every position where a character a match may start with stands.

    finditer's next match is the leftmost one at or after the end of the last; a non-empty match starts on
    one of those characters, and pattern.match at a position tries exactly what the search tries there
    (look-behind and ^ see the text before it)."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)) is not None:
            yield match
            end = match.end()


def _sequence(items: object, chars: set[str]) -> tuple[bool, bool]:
    """Add the first characters of a sequence of items to `chars`; (digits may start it, it may be empty)."""
    c = sre_constants
    digits = False
    for op, av in items:  # type: ignore[attr-defined]
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the next item consumes the first character
        if op is c.LITERAL:
            chars.add(chr(av))
            return digits, False
        if op is c.IN:
            return _class(av, chars) or digits, False
        if op is c.BRANCH:
            nullable = False
            for branch in av[1]:
                branch_digits, branch_nullable = _sequence(branch, chars)
                digits |= branch_digits
                nullable |= branch_nullable
        elif op is c.SUBPATTERN:
            _, add_flags, _, body = av
            if add_flags & sre_constants.SRE_FLAG_IGNORECASE:
                raise _Unknown
            body_digits, nullable = _sequence(body, chars)
            digits |= body_digits
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _, body = av
            body_digits, body_nullable = _sequence(body, chars)
            digits |= body_digits
            nullable = low == 0 or body_nullable
        elif op is c.ATOMIC_GROUP:
            body_digits, nullable = _sequence(av, chars)
            digits |= body_digits
        else:  # ., [^…] as NOT_LITERAL, back-references, conditionals: anything may come
            raise _Unknown
        if not nullable:
            return digits, False
    return digits, True


def _class(members: list, chars: set[str]) -> bool:
    """Add the characters of a [...] class to `chars`; True when it holds \\d."""
    c = sre_constants
    digits = False
    for op, av in members:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _MAX_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        elif op is c.CATEGORY and av is c.CATEGORY_DIGIT:
            digits = True
        else:  # a negated class, \w, \s, \D or a huge range
            raise _Unknown
    return digits
