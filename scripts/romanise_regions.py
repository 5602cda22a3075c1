"""Generate pipeline/data/region_names.csv: the English and Hanyu Pinyin names of every region.

Run once when pipeline/data/regions.csv changes, with pypinyin installed (not a dependency of the
pipeline: its output is committed as data):

    python -m venv /tmp/romanise && /tmp/romanise/bin/pip install pypinyin==0.55.0
    /tmp/romanise/bin/python scripts/romanise_regions.py

name_pinyin: Hanyu Pinyin with tone marks of the short name (Húnán, Xī'ān), syllables written together
with an apostrophe before a syllable starting with a, o or e. name_en: the name as commonly written in
English: the pinyin without tone marks (Hunan, Xi'an), except the conventional English names in
ENGLISH_NAMES and ENGLISH_BY_SHORT_NAME. Review the output: pypinyin's phrase dictionary decides polyphonic characters.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

from pypinyin import Style, pinyin

DATA = Path(__file__).resolve().parents[1] / "pipeline" / "data"
# Conventional English names that are not the toneless pinyin of the short name.
ENGLISH_NAMES = {
    "150000": "Inner Mongolia",
    "540000": "Tibet",
    "610000": "Shaanxi",  # distinguished from 山西 Shanxi by the conventional spelling
    "660000": "Xinjiang Production and Construction Corps",
    "810000": "Hong Kong",
    "820000": "Macao",
}
# Places whose usual English name comes from Mongolian, Tibetan, Uyghur or another language, by short name.
ENGLISH_BY_SHORT_NAME = {
    "呼和浩特": "Hohhot", "鄂尔多斯": "Ordos", "呼伦贝尔": "Hulunbuir", "巴彦淖尔": "Bayannur",
    "乌兰察布": "Ulanqab", "锡林郭勒": "Xilingol", "阿拉善": "Alxa", "兴安": "Hinggan",
    "大兴安岭": "Greater Khingan", "哈尔滨": "Harbin", "齐齐哈尔": "Qiqihar", "乌鲁木齐": "Urumqi",
    "克拉玛依": "Karamay", "吐鲁番": "Turpan", "博尔塔拉": "Bortala", "巴音郭楞": "Bayingolin",
    "阿克苏": "Aksu", "克孜勒苏": "Kizilsu", "喀什": "Kashgar", "和田": "Hotan", "伊犁": "Ili",
    "阿勒泰": "Altay", "塔城": "Tacheng", "拉萨": "Lhasa", "日喀则": "Shigatse", "阿里": "Ngari",
    "那曲": "Nagqu", "昌都": "Qamdo", "林芝": "Nyingchi", "阿坝": "Ngawa", "甘孜": "Garze", "果洛": "Golog",
}
# Readings pypinyin's phrase dictionary gets wrong for these place names.
READINGS = {
    "六安": ["lù", "ān"],
    "丽水": ["lí", "shuǐ"],
    "长治": ["cháng", "zhì"],
    "漯河": ["luò", "hé"],
    "朝阳": ["cháo", "yáng"],
    "昌都": ["chāng", "dū"],
    "阿勒泰": ["ā", "lè", "tài"],
    "克孜勒苏": ["kè", "zī", "lè", "sū"],
    "锡林郭勒": ["xī", "lín", "guō", "lè"],
}


def syllables(short_name: str) -> list[str]:
    if short_name in READINGS:
        return READINGS[short_name]
    return [s[0] for s in pinyin(short_name, style=Style.TONE, heteronym=False)]


def join(parts: list[str]) -> str:
    """Syllables written together, apostrophe before a/o/e, first letter capitalised."""
    text = parts[0]
    for part in parts[1:]:
        bare = unicodedata.normalize("NFD", part)[0]
        text += ("'" if bare in "aoe" else "") + part
    return text[:1].upper() + text[1:]


def strip_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in "\u0300\u0301\u0304\u030c"))


def english_name(row: dict[str, str], name_pinyin: str) -> str:
    if row["code"] in ENGLISH_NAMES:
        return ENGLISH_NAMES[row["code"]]
    return ENGLISH_BY_SHORT_NAME.get(row["short_name"], strip_tones(name_pinyin))


def main() -> int:
    rows = list(csv.DictReader((DATA / "regions.csv").read_text(encoding="utf-8").splitlines()))
    with (DATA / "region_names.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "name_en", "name_pinyin"])
        for row in rows:
            name_pinyin = join(syllables(row["short_name"]))
            writer.writerow([row["code"], english_name(row, name_pinyin), name_pinyin])
    print(f"wrote {len(rows)} rows to {DATA / 'region_names.csv'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
