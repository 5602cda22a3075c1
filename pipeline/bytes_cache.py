"""A folder of byte strings addressed by content: `folder/<key>` holds what `make()` returned for `key`.

The caller derives the key (a sha256) from everything the bytes depend on, so a file that exists is
the right answer and is never made again. Several processes may share the folder: a file is written
under a temporary name and renamed into place, so a reader sees all of it or nothing. Each file
starts with the sha256 of its payload; a file whose payload does not match (damaged on disk) is
made again and replaced. `write_atomically` is that write, for any file a build keeps (the plan merge's
matches). Plain functions, no Dagster.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from pathlib import Path

_DIGEST = hashlib.sha256().digest_size


def key_of(*parts: str | bytes) -> str:
    """sha256 over the parts, each length-prefixed (so no two lists of parts give the same key)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(f"{len(data)}:".encode() + data)
    return digest.hexdigest()


def cached_bytes(folder: Path | None, key: str, make: Callable[[], bytes]) -> bytes:
    """The bytes stored under `key` in `folder`, else `make()` stored there; without a folder, `make()`."""
    if folder is None:
        return make()
    path = Path(folder) / key
    try:
        stored = path.read_bytes()
    except FileNotFoundError:
        stored = b""
    payload = stored[_DIGEST:]
    if len(stored) > _DIGEST and hashlib.sha256(payload).digest() == stored[:_DIGEST]:
        return payload
    data = make()
    write_atomically(path, hashlib.sha256(data).digest() + data)
    return data


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` under a temporary name of this process and thread, then rename it into place: a reader
    at the same time sees the old file or the new one, never part of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
