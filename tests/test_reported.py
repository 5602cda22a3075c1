"""The stance rule (target or reported figure) and reported-figure extraction, on sentences written for the purpose."""

from __future__ import annotations

import pytest

from pipeline.text.reported import (
    COMMITMENT,
    REPORT,
    drop_reported_targets,
    find_reported_figures,
    reference_year,
    review_passages,
    stance,
)
from pipeline.text.targets.extract import extract_targets


def _stance_of(text: str, number: str, **kwargs) -> str | None:
    start = text.index(number)
    return stance(text, start, start + len(number), **kwargs).stance


# The borderline words of the issue, each in a sentence of its own, and variants.
@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("力争县域内就诊率达到92%。", "92%", COMMITMENT),
        ("全市力争新建社区医院6家。", "6家", COMMITMENT),
        ("争取孕产妇死亡率下降到9/10万。", "9/10万", COMMITMENT),
        ("居民健康素养水平已达到31.5%。", "31.5%", REPORT),
        ("全县婴儿死亡率已经降至3.2‰。", "3.2‰", REPORT),
        ("累计建成胸痛中心14家。", "14家", REPORT),
        ("去年共招聘医学毕业生320名。", "320名", REPORT),
        ("据统计，全区65岁以上老年人健康管理率为72%。", "72%", REPORT),
        ("约80人参加会议。", "80人", REPORT),
        ("某市人民医院已有超过50家协作单位加入。", "50家", REPORT),
        ("全省卫生系统连续三年获评先进单位。", "三年", REPORT),  # 获评 after the number
        ("各医院要获评先进单位5家。", "5家", COMMITMENT),
        ("到2027年，每千人口执业医师数达到3.6人。", "3.6人", COMMITMENT),
    ],
)
def test_stance_of_cue_words(text: str, number: str, expected: str | None) -> None:
    assert _stance_of(text, number, reference_year=2025) == expected


@pytest.mark.parametrize(
    "text",
    [
        "全县婴儿死亡率保持在5‰以下。",
        "出生人口性别比稳定在107左右。",
        "县域就诊率保持在90%以上。",
    ],
)
def test_keep_words_decide_nothing_by_themselves(text: str) -> None:
    """保持在 and 稳定在 are neither future nor past: outside a review passage the number stays undecided."""
    number = next(token for token in ("5‰", "107", "90%") if token in text)
    assert _stance_of(text, number, reference_year=2025) is None


def test_keep_words_in_a_review_report_and_in_a_plan_commit() -> None:
    review = "会议指出，2024年全市卫生健康工作成效明显。\n2024年，全县婴儿死亡率保持在4‰以下，县域就诊率稳定在91%。"
    passages = review_passages(review, (), 2025)
    assert _stance_of(review, "4‰", review=passages, reference_year=2025) == REPORT
    assert _stance_of(review, "91%", review=passages, reference_year=2025) == REPORT
    plan = "2025年，要确保婴儿死亡率保持在4‰以下。"
    assert _stance_of(plan, "4‰", review=review_passages(plan, (), 2025), reference_year=2025) == COMMITMENT


def test_a_commitment_cue_in_the_clause_beats_a_review_passage() -> None:
    text = "过去的一年成效明显，今后要力争全科医生达到每万人口4人。"
    passages = review_passages(text, (), 2025)
    assert passages  # the paragraph opens on a review phrase
    assert _stance_of(text, "4人", review=passages, reference_year=2025) == COMMITMENT


def test_words_that_report_only_next_to_the_number() -> None:
    """共 reports in 共90人 and 共约90人, not in 县域医共体达标率达到90% (a plan's target)."""
    assert _stance_of("与会人员共90人。", "90人", reference_year=2025) == REPORT
    assert _stance_of("与会人员共约90人。", "90人", reference_year=2025) == REPORT
    assert _stance_of("紧密型县域医共体达标率达到90%以上。", "90%", reference_year=2025) is None


def test_a_streak_in_a_plan_is_no_report() -> None:
    """连续N年 reports only where the rule reads a report: 蝉联 after it, or a review passage."""
    assert find_reported_figures("开展“儿科服务年”活动，连续3年开展强化服务。", reference_year=2025) == []
    figures = find_reported_figures("全省连续三年蝉联先进省份。", reference_year=2025)
    assert [(f.value, f.unit, f.cue) for f in figures] == [(3, "年", "蝉联")]


def test_cue_words_inside_longer_words_do_not_count() -> None:
    """主要 is not 要, 为了 is not 了, 公共 is not 共."""
    assert _stance_of("主要负责人共15人出席。", "15人", reference_year=2025) == REPORT  # 共 and 出席, not 要
    assert _stance_of("为了提高公共服务能力，建设10家社区医院。", "10家", reference_year=2025) is None
    review = "会议指出，2024年，全县荣获计划生育工作先进单位，连续两年在考核中被评为优秀等次。"
    assert _stance_of(review, "两年", review=review_passages(review, (), 2025), reference_year=2025) == REPORT


def test_review_headings_open_and_plan_headings_close_a_passage() -> None:
    text = "\n".join(
        [
            "某县卫生健康局2024年工作总结及2025年工作计划",
            "一、2024年工作开展情况",
            "全年开展义诊活动36次，培训乡村医生420人次。",
            "二、2025年工作安排",
            "开展义诊活动40次。",
        ]
    )
    figures = find_reported_figures(text, reference_year=2025)
    assert [(f.value, f.unit) for f in figures] == [(36, "次"), (420, "人次")]
    assert all(f.cue in ("全年", "review_heading") for f in figures)


def test_a_paragraph_opening_on_an_earlier_year_is_a_review() -> None:
    text = "2023年，全市新增家庭医生团队58个，完成适龄儿童窝沟封闭1.2万人。\n2024年，全市新增家庭医生团队60个。"
    figures = find_reported_figures(text, reference_year=2024)
    assert [(f.value, f.unit, f.year) for f in figures] == [(58, "个", 2023), (1.2, "万人", 2023)]
    assert figures[1].base_value == 12000 and figures[1].base_unit == "人"


def test_scale_stays_with_the_printed_unit() -> None:
    figures = find_reported_figures("截至目前，全省已有4600万人签约家庭医生，筹集资金2.5亿元。", reference_year=2024)
    assert [(f.value, f.unit, f.base_value, f.base_unit) for f in figures] == [
        (4600, "万人", 46_000_000, "人"),
        (2.5, "亿元", 250_000_000, "元"),
    ]


def test_streaks_are_reported_durations() -> None:
    figures = find_reported_figures("某省平安医院建设已连续五年位居全国前列。", reference_year=2024)
    assert [(f.value, f.unit, f.cue) for f in figures] == [(5, "年", "已")]
    review = "会议指出，2023年全市卫生健康工作成效明显，连续六年获得省级表彰。"
    assert [(f.value, f.cue) for f in find_reported_figures(review, reference_year=2024)] == [(6, "获得")]


def test_names_built_from_numbers_are_not_figures() -> None:
    text = "会议传达了省委十二届三次全会精神，看望了参加第五次代表大会的代表。"
    assert find_reported_figures(text, reference_year=2024) == []


def test_bare_numbers_without_unit_are_not_figures() -> None:
    assert find_reported_figures("已完成河北、山西等9省份的培训。", reference_year=2024) == []


def test_comparators_are_read_as_for_targets() -> None:
    figures = find_reported_figures("共约60余人参加会议，已有超过200家企业入驻。", reference_year=2024)
    assert [(f.value, f.comparator) for f in figures] == [(60, "gt"), (200, "gt")]


def test_offsets_quote_the_text() -> None:
    text = "会议指出，2023年全区新建成健康村52个、健康社区17个。"
    for figure in find_reported_figures(text, reference_year=2024):
        assert text[figure.start : figure.end] == figure.raw_text


def test_a_quantity_is_a_target_or_a_reported_figure_never_both() -> None:
    """The same rule removes reported quantities from a plan's targets and finds them as figures."""
    text = "一、2024年工作开展情况\n全年召开专题会议6次。\n二、2025年工作计划\n新建社区卫生服务中心3家。"
    plan = {"opening_targets": [], "tasks": []}
    for start, end in ((text.index("全年"), text.index("\n二")), (text.index("新建"), len(text))):
        targets = [dict(t.__dict__) for t in extract_targets(text[start:end])]
        for t in targets:
            t["start"] += start
            t["end"] += start
        plan["tasks"].append({"targets": targets, "children": []})
    removed = drop_reported_targets(text, plan, review_sections=(), reference_year=2025)
    kept = [t["value"] for task in plan["tasks"] for t in task["targets"]]
    figures = [f.base_value for f in find_reported_figures(text, reference_year=2025)]
    assert removed == 1 and kept == [3] and figures == [6]


def test_reference_year_falls_back_in_order() -> None:
    assert reference_year("2019年某会议召开", [2021], 2020, 2022) == 2021
    assert reference_year("2019年某会议召开", [None], 2020, 2022) == 2020
    assert reference_year("2019年某会议召开", [], None, 2022) == 2022
    assert reference_year("3月5日，2019年某会议召开", [], None, None) == 2019
    assert reference_year("无年份", [], None, None) is None
