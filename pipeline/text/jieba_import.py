"""jieba, imported without pkg_resources.

jieba 0.42.1 (jieba/_compat.py) imports pkg_resources only to open its own data files (the dictionary, the
HMM tables of finalseg and posseg), and opens the same files by path when pkg_resources cannot be imported.
Importing pkg_resources scans every installed distribution: about 0.65 s of the 2.3 s of CPU that
`import pipeline.definitions` takes, in every process (the CLI, `dagster`, each worker). So jieba is
imported here with pkg_resources hidden: the same files, the same bytes, the same tokens. If something
imported pkg_resources before, jieba uses it, as it always did. Import jieba from this module.
"""

from __future__ import annotations

import sys


def _import_without_pkg_resources() -> None:
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        return
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # `import pkg_resources` raises ImportError
    try:
        import jieba.posseg  # noqa: F401 - imports jieba, jieba.finalseg and jieba._compat
    finally:
        if sys.modules.get("pkg_resources", ...) is None:
            del sys.modules["pkg_resources"]


_import_without_pkg_resources()

import jieba  # noqa: E402 - after the import above
import jieba.posseg  # noqa: E402, F401 - jieba.posseg is read as an attribute of jieba

__all__ = ["jieba"]
