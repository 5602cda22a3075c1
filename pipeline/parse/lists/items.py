"""A list item as the readers find it (`Item`: offsets into the text, its marker, the rule that found it, its
children) and its headline (`title_of`). Shared by the general reader and the readers of item measures and headed
paragraphs (pipeline.parse.lists.reader, item_measures, headed)."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.parse.lists.measures import TITLE_END

OUT_OF_ORDER = "list_out_of_order"
_MAX_TITLE = 40


@dataclass(frozen=True)
class Item:
    """One item of a list: text[start:end] are its words, without marker and byline."""

    start: int
    end: int
    marker: str | None
    marker_value: int | None
    position: int  # 1-based position in its own list
    rule: str
    out_of_order: bool = False
    children: list[Item] = field(default_factory=list)
    notes: tuple[str, ...] = ()  # how its list was copied (MIDWAY, INLINE, LOST_TAIL)

    @property
    def flag(self) -> str:
        return ";".join([self.rule] + ([OUT_OF_ORDER] if self.out_of_order else []) + list(self.notes))


def title_of(text: str, item: Item) -> str:
    """An item's headline: its words up to the first clause end (at most 40 characters)."""
    stop = TITLE_END.search(text, item.start, item.end)
    title_end = min(stop.start() if stop else item.end, item.start + _MAX_TITLE)
    return text[item.start : title_end].strip() or text[item.start : item.end][:_MAX_TITLE]
