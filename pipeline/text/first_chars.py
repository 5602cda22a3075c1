"""The characters a regular expression's non-empty matches can start with, to skip texts it cannot match.

`first_chars(pattern)` reads the compiled pattern's syntax tree (the standard library's own parser)
and returns the set of characters the first consumed character of any non-empty match must belong
to, plus whether a Unicode decimal digit (\\d) may start one. Zero-width items (anchors, look-ahead,
look-behind) are stepped over and optional items add their own first characters to what follows,
so the set is never too small. Anything the reader does not know (., negated classes, \\w, \\s,
back-references, case-insensitive matching, large ranges) gives None: the pattern is always run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
