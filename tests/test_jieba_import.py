"""pipeline.text.jieba_import: jieba is imported without pkg_resources and reads its own files by path."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

PROBE = """
import sys
from pathlib import Path
from pipeline.text.segment import pos_tokenizer
import jieba._compat
folder = Path(jieba._compat.__file__).parent
with jieba._compat.get_module_res("posseg", "prob_emit.p") as handle:
    same = handle.read() == (folder / "posseg" / "prob_emit.p").read_bytes()
print("pkg_resources" in sys.modules, same)
"""


def test_segment_imports_jieba_without_pkg_resources_and_jieba_opens_its_files_by_path():
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
