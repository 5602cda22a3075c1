"""Counts that name a set of things are no commitments unless a verb creates them.

A number may count things the reader already knows by a name: a N大 set (县域资源共享五大中心), documents named by
their title (两个《议事规则》), things spelt out right after (四条原则，即…), an enumeration the clause names in part
(A、B等7个应用). Each is a target only when a verb of its clause makes the counted things new (建设, 制定, 编制…);
the verbs are data (pipeline/data/targets.toml [exclusion_exceptions], [verbs] deliverable).
Every sentence here is written for the test.
"""

from __future__ import annotations

import pytest

from pipeline.text.clean import clean_text
from pipeline.text.targets.extract import excluded_spans, extract_targets, find_programmes


def _values(text: str) -> list[tuple[float, str | None]]:
    cleaned = clean_text(text).text
    found = extract_targets(cleaned)
    for target in found:
        assert cleaned[target.start : target.end] == target.raw_text
    return [(target.value, target.unit) for target in found]


@pytest.mark.parametrize(
    "text",
    [
        "深化紧密型医联体和县域资源共享五大中心建设。",  # a known set, deepened
        "统筹推进市域检验检查三大中心运行。",
        "依托区域影像、心电两大中心开展远程诊断。",
        "落实两个《议事规则》，严格执行“三重一大”决策制度。",
        "认真执行3项《工作规范》。",
        "宣贯《基本医疗卫生与健康促进法》等4部《法规》。",
        "公立医院改革的四条关键原则，即一个“不变”和“三项重点”。",
        "我们总结了三个方面，分别是强基层、优服务、控费用。",
        "持续迭代电子健康卡、预约诊疗、检查互认等7个应用。",
        "推广甲县、乙县等10个县的经验。",
    ],
)
def test_a_count_naming_a_known_set_is_no_target(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("推进四大省级区域医疗中心建设。", 4),  # a verb right before the set: a count to reach
        ("建设全市三大区域医疗中心。", 3),  # the scope between the verb and the count
        ("2026年要构建四大健康数据库。", 4),
        ("制定两个《实施办法》。", 2),  # the documents are new
        ("年内出台3项《管理规范》。", 3),
        ("新建3所医院，即东区医院、西区医院和南区医院。", 3),  # the things spelt out are built
        ("培养200名全科医生，分别为农村订单定向100名、转岗培训100名。", 200),
        ("编制全民健康规划、中医药发展规划，以及人才队伍、数智健康等7个专项规划。", 7),  # a deliverable over a comma
        ("年内编制护理、康复和人才等5个专项规划。", 5),
    ],
)
def test_a_count_that_a_verb_makes_new_stays_a_target(text: str, value: float) -> None:
    assert value in [found for found, _ in _values(text)]


def test_an_enumeration_over_a_comma_takes_the_verb_of_the_clause_before_only_after_a_joiner() -> None:
    # without a joiner the clause after the comma is a new clause: 迭代 there does not make apps new
    assert _values("编制全民健康规划，持续迭代电子健康卡、预约诊疗等7个应用。") == []
    assert _values("推广甲省经验，以及乙县、丙县等10个县的做法。") == []


def test_each_named_set_exclusion_is_reported_and_none_is_a_programme_count() -> None:
    text = "深化县域资源共享五大中心建设，落实两个《议事规则》，把握四条原则，即公益、协同、创新、开放。"
    reasons = {reason for _, _, reason in excluded_spans(clean_text(text).text)}
    assert {"n_da_sets", "named_documents", "namely"} <= reasons
    assert [p.n_parts for p in find_programmes(clean_text(text).text) if p.n_parts] == []


@pytest.mark.parametrize(
    "text",
    [
        "突出两个主题，深化医改促发展。",
        "一、突出两个主题，深化医改促发展",  # the marker's 、 separates nothing
        "增强“四个意识”，做到“两个维护”。",
        "坚持三条原则。",
        "推进八大类重点人群签约服务。",  # known kinds, no verb adding kinds
        "县级三大类医疗机构能力提升。",
        "二要打赢两场硬仗，打好健康扶贫保卫战。",  # battles and kinds of development named by their count
        "三要促进三个发展，推动工作提能增效。",
    ],
)
def test_counts_of_ideas_and_of_known_kinds_are_no_targets(text: str) -> None:
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("2025年将新增3大类医用耗材纳入集中带量采购。", 3, "类"),  # kinds added
        ("一、甲县、乙县两个县建成紧密型医共体", None, None),  # a real enumeration after a marker stays named
        ("突出两个主题，新建3家社区医院。", 3, "家"),
    ],
)
def test_kinds_added_are_targets_and_a_marker_does_not_hide_an_enumeration(text: str, value, unit) -> None:
    assert _values(text) == ([(value, unit)] if value is not None else [])


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("对口帮扶甲县人民医院、县中医院和县妇幼保健院3家县直医疗机构。", 3, "家"),
        ("省人民医院托管东城、西城两个社区卫生服务中心。", 2, "个"),
        ("组织城市医院结对帮扶东乡、西乡、南乡等12个乡镇卫生院。", 12, "个"),
    ],
)
def test_a_count_of_named_things_the_plan_serves_stays_a_target(text: str, value: float, unit: str) -> None:
    assert (value, unit) in _values(text)


def test_named_things_that_are_not_served_stay_no_target() -> None:
    assert _values("深入开展产前筛查、脊柱侧弯防控和便民服务三项民生工程。") == []
    assert _values("推广东城、西城两个社区卫生服务中心的经验。") == []


@pytest.mark.parametrize(
    "text",
    [
        "根据《关于印发实施方案的通知》（黔府办发〔201930号）精神，新建村卫生室30个。",  # a bracket lost in the page
        "按照国卫医发〔2024〕7号文件要求，建成120个胸痛中心。",
        "落实浙政发[2021]105号部署，建成120个胸痛中心。",
    ],
)
def test_a_document_number_cited_is_no_target(text: str) -> None:
    assert [value for value, _ in _values(text)] in ([30.0], [120.0])
    reasons = {reason for _, _, reason in excluded_spans(clean_text(text).text)}
    assert "document_numbers" in reasons


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("打造10所以上标准化村卫生室。", [(10.0, "所")]),  # 所 then 以上: the measure word, not 所以
        ("建成5所以内的试点医院。", [(5.0, "所")]),
        ("全年举办2场义诊活动，新建3个发展中心。", [(2.0, "场"), (3.0, "个")]),  # things counted stay targets
        ("新建3所乡镇卫生院，所以要加强管理。", [(3.0, "所")]),  # 所以 (so) after a comma counts nothing
    ],
)
def test_suo_before_yishang_is_the_measure_word(text: str, expected: list[tuple[float, str]]) -> None:
    assert _values(text) == expected
