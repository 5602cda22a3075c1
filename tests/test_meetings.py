"""Tests of pipeline.parse.conference.report on the seed reports and on short reports of the same genre."""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from pipeline.parse.conference.report import MeetingReport, parse_meeting_report
from pipeline.text.clean import clean_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
COMMENTARY_CUES = ("去年", "今年", "相较", "对比", "相比", "新增加")

TITLES_2025 = [
    "坚持以党的二十届三中全会和习近平总书记关于健康中国建设的重要论述精神统一思想和行动",
    "以基层为重点推进城乡融合和区域均衡发展",
    "深化医药卫生体制改革，健全维护公益性的运行保障机制",
    "坚持预防为主，促进社会共治、医防协同、医防融合",
    "将2025-2027年确定为“儿科和精神卫生服务年”，持续推进扩人员、提能力、上水平、优服务",
    "坚持中西医并重，推进中医药传承创新发展",
    "研究促进生育政策，扩大老年健康服务供给，落实好一揽子生育支持政策",
    "加强科技创新和人才队伍建设",
    "统筹高质量发展和高水平安全",
    "助力促消费、稳增长、增后劲",
]
TITLES_2024 = [
    "坚定不移推进深化医改各项任务",
    "以基层为重点推进服务能力建设",
    "促进人口长期均衡发展",
    "充分发挥科技创新和人才队伍的重要支撑作用",
    "稳步推进健康中国行动落实落地",
    "促进中医药传承创新发展",
    "推进疾控体系高质量发展",
    "防范化解卫生健康领域重大风险",
    "统筹推进法治、应急处置、国际交流等重点工作",
]
TITLES_2026 = [
    "坚决将思想以及行动统一至党的二十届四中全会、中央经济工作会议精神那儿",
    "精准施行医疗卫生强基以及康复护理扩容提升工程",
    "竭尽全力去推进，促使深化医改政策实现落实",
    "持续施行一批全新的为民服务实事",
    "要全方位强化党的建设，以及医德医风建设",
    "实则加强宣传舆论引导工作",
    "持续加大重大疾病防控工作加强力度",
    "认真贯彻落实生育支持政策",
    "积极去推进中医药服务朝着全面发展的方向迈进",
    "需要大力发展卫生健康方面的新质生产力",
    "要深入地去排查，进而化解风险隐患",
]


@cache
def seed(prefix: str) -> tuple[str, date | None]:
    """The cleaned text and published date of the seed whose file name starts with `prefix`."""
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    cleaned = clean_text(path.read_text("utf-8"))
    published = date.fromisoformat(cleaned.published_date) if cleaned.published_date else None
    return cleaned.text, published


@cache
def seed_report(prefix: str) -> MeetingReport:
    text, published = seed(prefix)
    report = parse_meeting_report(text, published)
    assert report is not None
    return report


def parse(text: str, published: date | None = None) -> MeetingReport:
    report = parse_meeting_report(text, published)
    assert report is not None
    assert_spans_consistent(text, report)
    return report


def assert_spans_consistent(text: str, report: MeetingReport) -> None:
    """Every span points at what it claims: names, task texts, titles, commentary, sections."""
    assert [t.ordinal for t in report.tasks] == list(range(1, len(report.tasks) + 1))
    for official in report.officials:
        assert text[official.start : official.end] == official.name
    for task in report.tasks:
        body = text[task.start : task.end]
        assert body and body == body.strip()
        assert task.start <= task.title_start <= task.title_end <= task.end
        assert text[task.title_start : task.title_end].replace("\n", "") == task.title
        if task.marker:
            assert not body.startswith(task.marker)
    for previous, following in zip(report.tasks, report.tasks[1:], strict=False):
        assert previous.end <= following.start
    for note in report.commentary:
        assert not any(t.start < note.end and note.start < t.end for t in report.tasks)
    for section in report.sections:
        assert section.kind in ("review", "requirements") and section.start < section.end


def titles(report: MeetingReport) -> list[str]:
    return [t.title for t in report.tasks]


# --- seeds ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_seed_spans_are_consistent(prefix: str) -> None:
    text, _ = seed(prefix)
    assert_spans_consistent(text, seed_report(prefix))


def test_seed_000_official_report_2025() -> None:
    text, _ = seed("000")
    report = seed_report("000")
    assert report.name == "全国卫生健康工作会议"
    assert report.scope == "national" and report.region_code is None
    assert report.is_national_health_work_conference
    assert report.work_year == 2025
    assert (report.start_date, report.end_date) == (date(2024, 12, 30), date(2024, 12, 31))
    assert report.location == "北京"
    assert report.lead_official == "雷海潮"
    assert report.officials[0].title == "国家卫生健康委党组书记、主任"
    assert titles(report) == TITLES_2025
    assert [t.marker for t in report.tasks] == [f"{n}是" for n in "一二三四五六七八九十"]
    assert [t.marker_value for t in report.tasks] == list(range(1, 11))
    assert all(t.marker_issue is None for t in report.tasks)
    assert report.flags == ()
    # 三是 ends at its paragraph, 七是 before 八是 inside the last task paragraph
    assert text[report.tasks[2].start : report.tasks[2].end].endswith("腐败问题。")
    assert text[report.tasks[6].start : report.tasks[6].end].endswith("医养结合服务。")
    assert [s.kind for s in report.sections] == ["review", "requirements"]
    assert text[report.sections[0].start :].startswith("会议指出，2024年")


def test_seed_001_wechat_repost_keeps_commentary_apart() -> None:
    text, _ = seed("001")
    report = seed_report("001")
    assert report.announced_task_count == 10
    assert len(report.tasks) == 10
    assert [t.marker for t in report.tasks] == [str(n) for n in range(1, 11)]
    assert report.work_year == 2025 and report.start_date == date(2024, 12, 30)
    assert report.location == "北京" and report.lead_official == "雷海潮"
    assert titles(report) == TITLES_2025
    for task in report.tasks:
        body = text[task.start : task.end]
        assert not any(cue in body for cue in COMMENTARY_CUES), body
    assert [c.task_ordinal for c in report.commentary] == list(range(1, 11))
    for note in report.commentary:
        assert any(cue in text[note.start : note.end] for cue in COMMENTARY_CUES)
    # a task spans its heading and item lines
    first = text[report.tasks[0].start : report.tasks[0].end]
    assert first.startswith("坚持以党的二十届三中全会和\n") and first.endswith("落地见效")
    assert [s.kind for s in report.sections] == ["review"]
    assert "task_count_differs_from_announced" not in report.flags


def test_seed_002_nine_tasks_inside_one_paragraph() -> None:
    report = seed_report("002")
    assert report.is_national_health_work_conference
    assert report.work_year == 2024
    assert (report.start_date, report.end_date) == (date(2024, 1, 11), date(2024, 1, 12))
    assert "date_year_inferred" in report.flags
    assert report.location == "北京"
    assert report.lead_official == "马晓伟"
    roles = {(o.name, o.role) for o in report.officials}
    assert roles == {("马晓伟", "speech"), ("曾益新", "summary"), ("雷海潮", "chair")}
    assert titles(report) == TITLES_2024
    assert [s.kind for s in report.sections] == ["review", "requirements"]


def test_seed_003_roundup_is_not_a_meeting_report() -> None:
    text, published = seed("003")
    assert parse_meeting_report(text, published) is None


def test_seed_004_garbled_markers() -> None:
    text, published = seed("004")
    assert published == date(2026, 1, 17)
    report = seed_report("004")
    assert report.work_year == 2026
    assert (report.start_date, report.end_date) == (date(2026, 1, 5), date(2026, 1, 5))
    assert report.location == "北京"
    assert report.lead_official == "雷海潮"
    assert ("曾益新", "summary") in {(o.name, o.role) for o in report.officials}
    assert len(report.tasks) == 11
    assert titles(report) == TITLES_2026
    markers = [(t.marker, t.marker_value, t.marker_issue) for t in report.tasks]
    assert markers == [
        ("一要", 1, None),
        ("二是", 2, None),
        ("三是", 3, None),
        ("四是", 4, None),
        ("第一个方面是", 1, "mismatch"),
        ("六啊", 6, "malformed"),
        ("七是", 7, None),
        (None, None, "missing"),
        ("九是", 9, None),
        (None, None, "missing"),
        ("十一月一日", 11, "malformed"),
    ]
    assert [t.ordinal for t in report.tasks if t.marker_issue] == [5, 6, 8, 10, 11]
    eighth = text[report.tasks[7].start : report.tasks[7].end]
    assert eighth.startswith("一要认真贯彻落实生育支持政策") and "七要" in eighth
    assert text[report.tasks[10].start :].startswith("要深入地去排查")
    assert [s.kind for s in report.sections] == ["review", "requirements"]


# --- reports of the same genre --------------------------------------------------------------------

PROVINCIAL = """全省卫生健康工作会议召开
1月10日，2025年全省卫生健康工作会议在长沙召开。会议总结2024年全省卫生健康工作，部署2025年重点工作。\
省委书记张三对会议作出批示。省卫生健康委党组书记、主任李明作工作报告。副省长王芳出席会议并讲话。\
会议由省卫生健康委副主任李四主持。
会议指出，2024年全省卫生健康系统扎实推进各项工作，学习推广三明医改经验，取得明显成效。
会议强调，2025年要重点抓好以下工作。一是深化医药卫生体制改革，推广三明医改经验。\
二是加强基层医疗卫生服务能力建设，推进县域医共体建设。三是做好重点传染病防控。
会议要求，各地要狠抓落实，确保各项任务落地见效。
各市州卫生健康委主要负责同志参加会议。"""


def test_provincial_report() -> None:
    report = parse(PROVINCIAL)
    assert report.name == "全省卫生健康工作会议"
    assert report.scope == "provincial" and report.region_code == "430000"
    assert not report.is_national_health_work_conference
    assert report.work_year == 2025 and report.start_date == date(2025, 1, 10)
    assert report.location == "长沙"
    roles = [(o.name, o.title, o.role) for o in report.officials]
    assert roles == [
        ("张三", "省委书记", "instruction"),
        ("李明", "省卫生健康委党组书记、主任", "work_report"),
        ("王芳", "副省长", "speech"),
        ("李四", "省卫生健康委副主任", "chair"),
    ]
    assert report.lead_official == "王芳"
    assert [t.marker for t in report.tasks] == ["一是", "二是", "三是"]
    assert titles(report) == [
        "深化医药卫生体制改革，推广三明医改经验",
        "加强基层医疗卫生服务能力建设，推进县域医共体建设",
        "做好重点传染病防控",
    ]
    assert [s.kind for s in report.sections] == ["review", "requirements"]


def test_lead_official_falls_back_to_the_work_report() -> None:
    text = PROVINCIAL.replace("副省长王芳出席会议并讲话。", "")
    assert parse(text).lead_official == "李明"


def test_province_named_in_the_meeting_name() -> None:
    text = "近日，湖南省卫生健康工作会议召开。\n会议强调，一是深化医改。二是强化基层。"
    report = parse(text, date(2025, 2, 20))
    assert (report.scope, report.region_code, report.name) == (
        "provincial",
        "430000",
        "湖南省卫生健康工作会议",
    )
    assert report.start_date is None and "date_missing" in report.flags
    assert report.work_year == 2025


def test_city_report_is_municipal_never_provincial() -> None:
    text = (
        "2月20日，全市卫生健康工作会议在长沙召开。会议总结2024年工作，部署2025年重点任务。"
        "湖南省卫生健康委有关负责同志到会指导。市卫生健康委党组书记、主任赵强作工作报告。\n"
        "会议强调，一要持续深化医改；二要提升基层服务能力；三是扎实推进健康长沙建设。\n"
        "会议要求，全市卫生健康系统要勇于担当、真抓实干。"
    )
    report = parse(text)
    assert report.scope == "municipal" and report.region_code == "430100"
    assert report.name == "全市卫生健康工作会议"
    assert report.lead_official == "赵强"
    assert [t.marker for t in report.tasks] == ["一要", "二要", "三是"]


def test_city_named_in_the_meeting_name() -> None:
    text = (
        "1月15日，长沙市卫生健康工作会议召开。会议部署了2025年重点工作。\n"
        "会议提出：1.深化医改；2.强化基层；3.守牢安全底线。"
    )
    report = parse(text)
    assert (report.scope, report.region_code) == ("municipal", "430100")
    assert titles(report) == ["深化医改", "强化基层", "守牢安全底线"]


def test_specialist_national_meeting_is_not_the_nhwc() -> None:
    text = (
        "2025年全国疾病预防控制工作会议在北京召开\n"
        "1月8日，2025年全国疾病预防控制工作会议在北京召开。国家疾控局党组书记、局长王贺胜出席会议并讲话。\n"
        "会议指出，2024年全国疾控系统扎实推进疾控体系改革，取得积极进展。\n"
        "会议部署了2025年重点工作：一是加强传染病监测预警。二是提升应急处置能力。三是推进疾控机构标准化建设。"
    )
    report = parse(text)
    assert report.name == "全国疾病预防控制工作会议"
    assert report.scope == "national" and report.region_code is None
    assert not report.is_national_health_work_conference
    assert report.lead_official == "王贺胜"
    assert report.start_date == date(2025, 1, 8) and report.work_year == 2025
    assert len(report.tasks) == 3


def test_parenthesised_markers_one_paragraph_each() -> None:
    text = (
        "3月1日，全省卫生健康工作会议在南京召开，部署2025年卫生健康重点工作。\n"
        "会议提出，2025年重点做好以下四个方面工作：\n"
        "（一）持续深化医药卫生体制改革。推进“三医”协同发展和治理。\n"
        "（二）强化公共卫生体系建设，提升重大疫情防控能力。\n"
        "（三）推进中医药传承创新发展。\n"
        "（四）加强卫生健康人才队伍建设，完善激励机制。\n"
        "会议要求，全省卫生健康系统要以钉钉子精神抓好落实。"
    )
    report = parse(text)
    assert report.region_code == "320000" and report.announced_task_count == 4
    assert [t.marker for t in report.tasks] == ["（一）", "（二）", "（三）", "（四）"]
    assert titles(report)[0] == "持续深化医药卫生体制改革"
    first = text[report.tasks[0].start : report.tasks[0].end]
    assert first == "持续深化医药卫生体制改革。推进“三医”协同发展和治理。"
    assert "task_count_differs_from_announced" not in report.flags


def test_parenthesised_markers_inline() -> None:
    text = (
        "1月6日，全省卫生健康工作会议在福州召开。\n"
        "会议强调，（一）深化医改。（二）强化基层，推进强基工程。（三）守牢安全底线。"
    )
    report = parse(text)
    assert [t.marker_value for t in report.tasks] == [1, 2, 3]
    assert titles(report) == ["深化医改", "强化基层，推进强基工程", "守牢安全底线"]


def test_mixed_yao_and_shi_markers() -> None:
    text = (
        "1月6日，全省卫生健康工作会议在合肥召开，部署2025年工作。\n"
        "会议强调，一要坚持人民至上。二要深化医改，推进“三医”协同。三是守牢安全底线。"
    )
    report = parse(text)
    assert [(t.marker, t.marker_issue) for t in report.tasks] == [
        ("一要", None),
        ("二要", None),
        ("三是", None),
    ]
    assert titles(report) == ["坚持人民至上", "深化医改，推进“三医”协同", "守牢安全底线"]


def test_year_only_from_the_published_date() -> None:
    text = (
        "全省卫生健康工作会议召开\n"
        "一月九日，全省卫生健康工作会议在杭州召开。会议总结了过去一年的工作，部署了今年的重点工作。"
        "省卫生健康委主任王五讲话。\n"
        "会议强调，一是坚持以人民健康为中心。二是推动优质医疗资源扩容下沉。"
    )
    report = parse(text, published=date(2025, 1, 15))
    assert report.start_date == date(2025, 1, 9)
    assert report.work_year == 2025
    assert "date_year_inferred" in report.flags
    assert report.region_code == "330000" and report.lead_official == "王五"


def test_december_meeting_before_a_january_report() -> None:
    text = "12月28日，全市卫生健康工作会议在宁波召开。\n会议强调，一是推进医疗卫生强基工程。二是做好冬春季传染病防控。"
    report = parse(text, published=date(2025, 1, 3))
    assert report.start_date == date(2024, 12, 28)
    assert report.work_year == 2025
    assert report.scope == "municipal" and report.region_code == "330200"


def test_wechat_numbered_list_with_commentary() -> None:
    text = (
        "【解读】全省卫生健康工作会议释放新信号\n"
        "2025年1月12日，全省卫生健康工作会议在成都召开。会上公布了3项重点任务。\n"
        "会议强调，要推动卫生健康事业高质量发展。\n"
        "做好今年工作，关键在于落实以下三项任务：\n"
        "1\n深化医药卫生体制改革，\n推动“三医”协同\n推广三明医改经验\n"
        "对比去年，今年更加突出“三医”协同。\n"
        "2\n以基层为重点推进\n服务能力建设\n实施医疗卫生强基工程\n"
        "今年新增了强基工程的内容。\n其中，强基工程是重点。\n"
        "3\n做好重点传染病防控\n提升监测预警能力\n"
        "与2024年相比，监测预警被放在更突出的位置。\n"
        "会议要求，全省卫生健康系统要真抓实干。"
    )
    report = parse(text)
    assert report.region_code == "510000" and report.announced_task_count == 3
    assert titles(report) == [
        "深化医药卫生体制改革，推动“三医”协同",
        "以基层为重点推进服务能力建设",
        "做好重点传染病防控",
    ]
    bodies = [text[t.start : t.end] for t in report.tasks]
    assert bodies[1] == "以基层为重点推进\n服务能力建设\n实施医疗卫生强基工程"
    assert not any(cue in body for body in bodies for cue in COMMENTARY_CUES)
    notes = [(c.task_ordinal, text[c.start : c.end]) for c in report.commentary]
    assert notes == [
        (1, "对比去年，今年更加突出“三医”协同。"),
        (2, "今年新增了强基工程的内容。\n其中，强基工程是重点。"),
        (3, "与2024年相比，监测预警被放在更突出的位置。"),
    ]
    assert [s.kind for s in report.sections] == ["requirements"]


def test_garbled_paragraph_list() -> None:
    text = (
        "1月7日，全省卫生健康工作会议在昆明召开，部署2025年重点工作。\n"
        "会议着重强调，要推动高质量发展。\n"
        "一是深化医改，推进“三医”协同发展和治理。\n"
        "第二个方面是，要强化基层服务能力。\n"
        "三啊，加强公共卫生体系建设。\n"
        "要大力发展中医药事业，推进中西医协同。\n"
        "五是守牢安全底线，做好安全生产工作。\n"
        "会议作了要求，全省卫生健康系统要抓好落实。"
    )
    report = parse(text)
    assert [(t.marker, t.marker_value, t.marker_issue) for t in report.tasks] == [
        ("一是", 1, None),
        ("第二个方面是", 2, "malformed"),
        ("三啊", 3, "malformed"),
        (None, None, "missing"),
        ("五是", 5, None),
    ]
    assert titles(report)[1] == "要强化基层服务能力"


def test_sub_list_inside_a_task_is_not_the_task_list() -> None:
    text = (
        "1月10日，全省卫生健康工作会议在西宁召开。\n"
        "会议强调，一是深化医改，（1）推进甲；（2）推进乙；（3）推进丙。二是强化基层。"
    )
    report = parse(text)
    assert titles(report) == ["深化医改", "强化基层"]
    assert text[report.tasks[0].start : report.tasks[0].end].endswith("（3）推进丙。")


def test_chinese_numeral_dates() -> None:
    text = "二〇二四年十二月三十日至三十一日，全国卫生健康工作会议在京召开。\n会议强调，一是深化医改。二是强化基层。"
    report = parse(text)
    assert (report.start_date, report.end_date) == (date(2024, 12, 30), date(2024, 12, 31))
    assert report.work_year == 2025 and report.location == "北京"


@pytest.mark.parametrize(
    "text",
    [
        "各地认真贯彻落实全国卫生健康工作会议精神，扎实推进各项工作。",
        "1月5日，全国工商和市场监管工作会议在北京召开。\n会议强调，一是优化营商环境。二是强化监管。",
    ],
)
def test_texts_that_report_no_health_work_conference(text: str) -> None:
    assert parse_meeting_report(text) is None


def test_announced_count_that_differs_is_flagged() -> None:
    text = (
        "1月6日，全省卫生健康工作会议在太原召开。会议部署了以下三项重点任务。\n会议强调，一是深化医改。二是强化基层。"
    )
    report = parse(text)
    assert report.announced_task_count == 3 and len(report.tasks) == 2
    assert "task_count_differs_from_announced" in report.flags


def test_no_cue_words_split_a_task_title() -> None:
    report = parse(PROVINCIAL)
    assert all(not re.search(r"[。；]$", t.title) for t in report.tasks)


def test_name_variants_and_official_phrasings() -> None:
    text = (
        "1月9日，湖南省2025年卫生健康工作会议以视频形式召开。"
        "省卫生健康委主任李明同志出席会议并讲话。"
        "省卫生健康委副主任王五作题为《坚持人民至上 推动高质量发展》的工作报告。\n"
        "会议强调，一是深化医改。二是强化基层。"
    )
    report = parse(text)
    assert report.name == "湖南省卫生健康工作会议"
    assert (report.scope, report.region_code, report.work_year) == ("provincial", "430000", 2025)
    assert report.start_date == date(2025, 1, 9) and report.location is None
    assert [(o.name, o.role) for o in report.officials] == [("李明", "speech"), ("王五", "work_report")]


def test_unknown_year_is_flagged_not_guessed() -> None:
    text = "1月9日，全省卫生健康工作会议在长沙召开。\n会议强调，一是深化医改。二是强化基层。"
    report = parse(text)
    assert report.start_date is None and report.work_year is None
    assert {"date_missing", "work_year_unknown"} <= set(report.flags)
    assert "date_year_inferred" not in report.flags


def test_the_year_named_as_the_start_of_a_period_with_a_requirement_is_the_work_year() -> None:
    """2026年是…开局之年，要…: the work year, so a date printed without a year takes it; the same phrase
    opening a review (2025年是…收官之年，一年来…) is no work year."""
    ahead = parse(
        "4月17日，全国卫生健康体改工作电视电话会议在京召开。会议强调，2026年是“十五五”开局之年，要推进医改。\n"
    )
    assert ahead.work_year == 2026 and ahead.start_date == date(2026, 4, 17)
    review = parse(
        "4月17日，全国卫生健康体改工作电视电话会议在京召开。会议指出，2025年是“十四五”收官之年，一年来成效显著。\n"
    )
    assert review.work_year is None
