"""Frictionless's foreign-key lookups, read once per validation instead of once per referencing table.

To check the foreign keys of a table, Frictionless (5.21, `TableResource.__open_lookup`) copies the package's
descriptor of the referenced table and reads that whole table into a set of key tuples, for every table that
references it (documents.csv for ~20 tables). The descriptor copies are about half of the validation of a
small package (a one-text release: 1.13 -> 0.63 s CPU); at 10 MB the rows' own checks dominate (82 s either way).

`shared_lookups()` keeps, while one validation runs, the key set of each (package folder, referenced table,
referenced columns) the first time Frictionless reads it, and gives later tables the same set. Frictionless
only reads the sets (`cells in lookup`), and no file changes during a validation, so every report is the same:
tests/test_frictionless_lookups.py compares the reports with and without it. A table with a self-reference, or
whose references are not all read yet, runs Frictionless's own method (which also raises its own errors).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_PRIVATE = "_TableResource__open_lookup"  # name-mangled: TableResource.__open_lookup
_LOOKUP = "_TableResource__lookup"


@contextmanager
def shared_lookups() -> Iterator[None]:
    """While the block runs, each referenced table's key set is read once per package folder."""
    from frictionless.resources.table import TableResource
    from frictionless.table import Lookup

    own = getattr(TableResource, _PRIVATE)
    read: dict[tuple[str, str, tuple[str, ...]], set[Any]] = {}

    def open_lookup(resource: TableResource) -> None:
        keys = [(fk["reference"]["resource"], tuple(fk["reference"]["fields"])) for fk in resource.schema.foreign_keys]
        others = all(name and name != resource.name for name, _ in keys) and resource.package is not None
        folder = str(resource.package.basepath) if resource.package is not None else ""
        if keys and others and all((folder, name, key) in read for name, key in keys):
            lookup = Lookup()
            for name, key in keys:
                lookup.setdefault(name, {})[key] = read[(folder, name, key)]
            setattr(resource, _LOOKUP, lookup)
            return
        own(resource)
        if resource.package is not None:
            lookup = getattr(resource, _LOOKUP)
            for name, key in keys:
                if name and name != resource.name:
                    read[(folder, name, key)] = lookup[name][key]

    setattr(TableResource, _PRIVATE, open_lookup)
    try:
        yield
    finally:
        setattr(TableResource, _PRIVATE, own)
