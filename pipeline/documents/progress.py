"""Per-document progress of a run: the per-document steps report, a listener (the CLI) shows it.

Plain Python, no Dagster: a step calls `document_done(stage, doc_id)` after each document; with no
listener installed (UI, daemon) that costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

Listener = Callable[[str, str], None]
_listeners: list[Listener] = []


def document_done(stage: str, doc_id: str) -> None:
    """Report that `stage` (raw, clean, segment, extract) has document `doc_id` done (made or reused)."""
    for listener in _listeners:
        listener(stage, doc_id)


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    """Call `listener(stage, doc_id)` for every document finished while the block runs."""
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)
