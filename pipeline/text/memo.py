"""Remember a pure text function's results for the last few distinct texts.

The readers of one statement ask the same question of the same text several times in a row (the
targets of a passage mask its exclusions and then its programmes, which read the exclusions again;
a statement's programmes are listed and then read again for its targets). A result is kept with the
lexicon it was computed with and reused only while that lexicon is current, and it is handed out as a
fresh list, so a caller may change what it gets.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

T = TypeVar("T")


def recent_texts(
    size: int, context: Callable[[], Any]
) -> Callable[[Callable[[str], list[T]]], Callable[[str], list[T]]]:
    """Decorator: results of `function(text)` for the last `size` texts, valid while `context()` is the same object."""

    def decorate(function: Callable[[str], list[T]]) -> Callable[[str], list[T]]:
        kept: OrderedDict[str, tuple[Any, tuple[T, ...]]] = OrderedDict()

        @wraps(function)
        def remembered(text: str) -> list[T]:
            current = context()
            entry = kept.get(text)
            if entry is not None and entry[0] is current:
                kept.move_to_end(text)
                return list(entry[1])
            result = function(text)
            kept[text] = (current, tuple(result))
            kept.move_to_end(text)
            while len(kept) > size:
                kept.popitem(last=False)
            return list(result)

        remembered.cache_clear = kept.clear  # type: ignore[attr-defined]
        return remembered

    return decorate
