"""Reading the JSON files of a package or release with their shape checked before use.

A release's datapackage.json, changes.json or the datasets folder's catalog.json may be damaged by
hand or by a disk: `[]`, `null`, a file cut off mid-way, an entry without its `version`. Every reader
goes through `read_json`, which raises JsonFileError (a ValueError) naming the file and what is wrong
with it, so that callers report the problem or stop with that message, never with a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

_NAMES = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number", bool: "true/false"}
DESCRIPTOR_KEYS: dict[str, type] = {"name": str, "version": str, "created": str, "resources": list}
CHANGES_KEYS: dict[str, type] = {"version": str}


class JsonFileError(ValueError):
    """A JSON file that cannot be used; the message names the file and the problem."""


def shape_name(value: Any) -> str:  # noqa: ANN401 - any JSON value
    if value is None:
        return "null"
    return _NAMES.get(type(value), type(value).__name__)


def read_json(path: Path, shape: type = dict, keys: dict[str, type] | None = None) -> Any:  # noqa: ANN401
    """The JSON value of `path`, which must be of `shape` (an object by default) and, for an object, hold
    each of `keys` with a value of its type. JsonFileError names the file otherwise."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise JsonFileError(f"{path}: missing") from None
    except UnicodeDecodeError as error:
        raise JsonFileError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise JsonFileError(f"{path}: cannot be read: {error.strerror or error}") from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        cut = " (the file looks cut off)" if not text.rstrip().endswith(("}", "]")) else ""
        raise JsonFileError(
            f"{path}: not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}{cut}"
        ) from None
    if not isinstance(value, shape):
        raise JsonFileError(f"{path}: holds {shape_name(value)}, not {_NAMES.get(shape, shape.__name__)}")
    problems = key_problems(value, keys or {}) if isinstance(value, dict) else []
    if problems:
        raise JsonFileError(f"{path}: {'; '.join(problems)}")
    return value


def key_problems(value: dict[str, Any], keys: dict[str, type], where: str = "") -> list[str]:
    """Each of `keys` missing from the object `value` or holding a value of another type."""
    problems = []
    for key, kind in keys.items():
        if key not in value:
            problems.append(f"{where}has no {key!r}")
        elif not isinstance(value[key], kind) or (kind is not bool and isinstance(value[key], bool)):
            problems.append(f"{where}{key!r} is {shape_name(value[key])}, not {_NAMES.get(kind, kind.__name__)}")
    return problems


def read_descriptor(folder: Path) -> dict[str, Any]:
    """datapackage.json of a package or release folder: an object with name, version, created and resources
    (each an object)."""
    path = folder / "datapackage.json"
    descriptor = read_json(path, dict, DESCRIPTOR_KEYS)
    for number, resource in enumerate(descriptor["resources"], start=1):
        if not isinstance(resource, dict):
            raise JsonFileError(f"{path}: resource {number} is {shape_name(resource)}, not an object")
    return descriptor


def read_changes(folder: Path) -> dict[str, Any]:
    """changes.json of a release folder: an object with its version."""
    return read_json(folder / "changes.json", dict, CHANGES_KEYS)
