"""Targets of whole plan passages written for the purpose: a work-points 主要目标 list and round-up paragraphs.

Every target the passage states must be found with its value, unit and comparator, and nothing else:
programme counts, ages, list announcements and baselines stay out.
"""

from pipeline.text.clean import clean_text
from pipeline.text.targets.extract import Target, extract_targets, find_programmes

WORK_POINTS = """2026年全省卫生健康工作要点
一、总体要求
围绕“一个目标、三大任务”，抓好以下五个方面工作：
二、主要任务
（一）主要目标。到2027年底，全省人均预期寿命达到79.2岁，孕产妇死亡率、婴儿死亡率分别控制在9/10万、4‰以下。
每千人口执业（助理）医师数达到3.3人，每万人口全科医生数达到4人。县域内就诊率达到90%以上，基层医疗卫生机构诊疗量占比不低于65%。
新增普惠托位2万个。家庭医生签约服务覆盖率提高2个百分点。个人卫生支出占卫生总费用的比重控制在27%以内。
1.全市二级以上公立医院平均住院日缩短至7.5天以内。
2.每个村卫生室至少配备1名乡村医生。
3.打造社区医院10家，实施健康江淮16个专项行动。"""

ROUNDUP = """1月17日，安徽省卫生健康工作会议召开。会议指出，2025年，全省将新建20家县域医疗次中心，招聘乡村医生1000名，力争县域就诊率达到92%，实施健康安徽15个专项行动，办好10件民生实事。
1月20日，江苏省卫生健康工作会议在南京召开。会议要求，今年要推动每个县（市）至少建成2个县域医疗卫生次中心，为50万名65岁以上老年人免费体检，建成“城区15分钟、农村30分钟”急救圈，在落实国家12项便民措施基础上，推出8项省级惠民举措。"""


def _read(text: str) -> list[tuple[float, str | None, str, str | None]]:
    cleaned = clean_text(text).text
    targets: list[Target] = extract_targets(cleaned)
    for t in targets:
        assert cleaned[t.start : t.end] == t.raw_text
    return [(t.value, t.unit, t.comparator, t.indicator) for t in targets]


def test_work_points_main_targets_list() -> None:
    assert _read(WORK_POINTS) == [
        (79.2, "岁", "eq", "人均预期寿命"),
        (9, "/10万", "le", "孕产妇死亡率"),
        (4, "‰", "le", "婴儿死亡率"),
        (3.3, "人", "eq", "执业（助理）医师数"),
        (4, "人", "eq", "全科医生数"),
        (90, "%", "ge", "县域内就诊率"),
        (65, "%", "ge", "基层医疗卫生机构诊疗量占比"),
        (20000, "个", "eq", "普惠托位"),
        (2, "百分点", "eq", "家庭医生签约服务覆盖率"),
        (27, "%", "le", "个人卫生支出占卫生总费用的比重"),
        (7.5, "天", "le", "二级以上公立医院平均住院日"),
        (1, "名", "ge", "乡村医生"),
        (10, "家", "eq", "社区医院"),
    ]
    targets = extract_targets(clean_text(WORK_POINTS).text)
    assert targets[0].year == 2027  # 到2027年底: the deadline, not the work year
    assert [t.per_unit for t in targets if t.per_unit] == ["每千人口", "每万人口", "每个村卫生室"]
    assert [p.n_parts for p in find_programmes(clean_text(WORK_POINTS).text) if p.n_parts] == [16]


def test_round_up_paragraphs() -> None:
    assert _read(ROUNDUP) == [
        (20, "家", "eq", "县域医疗次中心"),
        (1000, "名", "eq", "乡村医生"),
        (92, "%", "eq", "县域就诊率"),
        (2, "个", "ge", "县域医疗卫生次中心"),
        (500000, "名", "eq", "65岁以上老年人免费体检"),
        (15, "分钟", "le", "城区急救圈"),
        (30, "分钟", "le", "农村急救圈"),
    ]
    programmes = find_programmes(clean_text(ROUNDUP).text)
    assert [(p.name, p.n_parts, p.quoted_from) for p in programmes if p.n_parts] == [
        ("健康安徽15个专项行动", 15, None),
        ("10件民生实事", 10, None),
        ("国家12项便民措施", 12, "国家"),
        ("8项省级惠民举措", 8, None),
    ]


def _plan_targets(text: str) -> list[tuple[float, str | None, str]]:
    """Targets of every plan statement the parsers find in `text` (openings and tasks at every depth)."""
    from pipeline.documents.extract import extract_document

    found = []

    def visit(tasks: list[dict]) -> None:
        for task in tasks:
            found.extend(task["targets"])
            visit(task["children"])

    for plan in extract_document(clean_text(text).text, kind=None, published=None)["plans"]:
        found.extend(plan["opening_targets"])
        visit(plan["tasks"])
    return sorted((t["value"], t["unit"], t["comparator"]) for t in found)


def test_the_parsed_plans_of_unseen_texts_carry_their_targets() -> None:
    header = "关于印发2026年全省卫生健康工作要点的通知\n某卫发〔2026〕3号\n各市卫生健康委：\n"
    work_points = header + WORK_POINTS.split("\n", 1)[1]
    assert _plan_targets(work_points) == sorted((v, u, c) for v, u, c, _ in _read(WORK_POINTS))
    assert _plan_targets(ROUNDUP) == sorted((v, u, c) for v, u, c, _ in _read(ROUNDUP))
