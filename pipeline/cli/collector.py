"""Python's cyclic garbage collector during a build (its run and the reading of the run's result): fewer
collections (same results, less time).

A build holds millions of small objects at once (the tokens inside tasks, the documents' parsed results): with
CPython's default thresholds (700, 10, 10) the collector runs every 700 net allocations and scans the older
generations again and again while they are made, about 3 of the 21 s of CPU of a build after one document was
added to the 10 MB benchmark corpus (15%). Nearly all of those objects are freed by reference counting, never
by the collector; raising the thresholds only makes cyclic garbage wait longer (peak RSS measured unchanged).
After the run, with the run's result still held, reading the package's 225 KB datapackage.json cost 0.8 s of
collections at the default thresholds: the block covers the whole build, from the run to the record of it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# A young collection every 100,000 net allocations (instead of 700), the middle generation every 50 of them and
# the oldest every 100 of those (instead of 10 and 10).
THRESHOLDS = (100_000, 50, 100)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's thresholds while the block runs; restore them after."""
    before = gc.get_threshold()
    gc.set_threshold(*THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)
