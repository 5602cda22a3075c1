"""Targets carry their quantity twice, as reported figures do: `value` and `unit` as printed (a scale word such
as 万 stays in the unit) and `base_value` and `base_unit` multiplied out; and a release that redefines a column
kept under its name is a MAJOR one, with the new meaning in its changelog."""

import pytest

from pipeline.package.release_notes import describe_changes, schema_and_move_lines
from pipeline.release.versions import schema_redefinitions
from pipeline.tables.targets import _as_printed
from pipeline.text.clean import clean_text
from pipeline.text.targets.extract import extract_targets


def _printed(sentence: str) -> list[tuple[float, str | None, float, str | None]]:
    text = clean_text(sentence).text
    rows = [_as_printed(target.__dict__) for target in extract_targets(text)]
    return [(row["value"], row["unit"], row["base_value"], row["base_unit"]) for row in rows]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("今年全市新增普惠托位1.5万个。", [(1.5, "万个", 15000, "个")]),
        ("全年开展健康知识讲座1万场以上。", [(1, "万场", 10000, "场")]),
        ("力争城乡居民免费健康体检人数达1000万以上。", [(1000, "万", 10_000_000, None)]),
        ("为70万城乡妇女提供宫颈癌免费检查。", [(70, "万", 700_000, None)]),
        ("全省卫生总投入达到12.5亿元。", [(12.5, "亿元", 1_250_000_000, "元")]),
        ("新建社区护理中心40家。", [(40, "家", 40, "家")]),
    ],
)
def test_a_target_keeps_its_scale_word_in_the_unit_and_its_base_value_multiplied_out(
    sentence: str, expected: list[tuple[float, str | None, float, str | None]]
) -> None:
    assert _printed(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # value, value_max, unit as printed; base_value multiplied out
        ("全年新增家庭医生签约1~3万人。", (1, 3, "万人", 10_000)),
        ("力争培训乡村医生2-3万人次。", (2, 3, "万人次", 20_000)),
        ("全市投入1至2亿元改造基层机构。", (1, 2, "亿元", 100_000_000)),
        ("新增1万～3万张床位。", (1, 3, "万张", 10_000)),
        # a lower bound that is already a whole quantity below the upper one keeps its own size
        ("新增护理床位5000~3万张。", (0.5, 3, "万张", 5_000)),
        ("建设2至4个区域医疗中心。", (2, 4, "个", 2)),
    ],
)
def test_a_range_takes_the_scale_printed_after_its_upper_bound(
    sentence: str, expected: tuple[float, float, str, float]
) -> None:
    text = clean_text(sentence).text
    rows = [_as_printed(target.__dict__) for target in extract_targets(text)]
    assert [(r["value"], r["value_max"], r["unit"], r["base_value"]) for r in rows] == [expected]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("改造提升村卫生室1000处。", "处"),
        ("全面增强30处县域医疗服务次中心服务能力。", "处"),
        ("举办家长养育技能课堂1000场。", "场"),
        ("开展义诊活动200场次。", "场次"),
    ],
)
def test_places_and_events_are_counted_with_their_measure_word(sentence: str, unit: str) -> None:
    assert [row[1] for row in _printed(sentence)] == [unit]


@pytest.mark.parametrize("sentence", ["打造20场景应用示范。", "新建3场馆。", "设立5处置中心。"])
def test_a_measure_word_that_starts_a_word_is_not_read_as_the_unit(sentence: str) -> None:
    assert all(row[1] not in ("处", "场") for row in _printed(sentence))


def _schemas(*columns: str) -> dict[str, dict]:
    return {"targets": {"fields": [{"name": name, "type": "number"} for name in columns]}}


def test_a_redefined_column_breaks_readers_in_the_version_that_adds_the_column_its_old_meaning_went_to() -> None:
    old = _schemas("value", "unit", "value_max")
    new = _schemas("value", "unit", "value_max", "base_value", "base_unit")
    redefined = schema_redefinitions(old, new)
    assert set(redefined) == {"targets.value", "targets.unit", "targets.value_max"}
    assert "targets.base_value" in redefined["targets.value"]
    # Between two versions that both have base_value the same columns are ordinary again.
    assert schema_redefinitions(new, new) == {}
    # A package that lost the column reports a removal instead (schema_changes), not a redefinition.
    assert "targets.unit" not in schema_redefinitions(old, _schemas("value", "base_value", "base_unit"))


def test_the_changelog_says_what_a_redefined_column_now_holds() -> None:
    changes = {
        "bump": "major",
        "reasons": [{"change": "column targets.value redefined"}],
        "schema_changes": ["column targets.value redefined"],
        "redefined": {"targets.value": "now as printed; the old value is targets.base_value"},
        "tables": {},
    }
    assert "Redefines the column `targets.value`: same name, another meaning" in describe_changes(changes)
    assert schema_and_move_lines(changes)[-3:] == [
        "",
        "- `targets.value`: now as printed; the old value is targets.base_value",
        "",
    ]
