"""Session 4, genres other than conference reports: year-end summaries (their figures are reported, never
targets), work-points titles that lost their place's name, image remnants in page text, specialist meetings
named 局长会议, and plans stated in answers at a press event (有几个方面的工作要做：第一，…).

Every text here is written for the test (no seed, dev-set or tune text).
"""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.documents.extract import extract_document
from pipeline.parse.announced import announced_statement
from pipeline.parse.lists.rules import is_generic
from pipeline.parse.statements import task_tree_paths
from pipeline.parse.work_points.sections import section_role
from pipeline.text.clean import clean_text


def _extract(raw: str, published: str | None = None) -> tuple[str, dict]:
    text = clean_text(raw).text
    return text, extract_document(text, kind=None, published=published)


# --- year-end summaries: a review section gives no task and no target; its figures are reported -----------------


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("主要做法及成效", "review"),
        ("主要做法和成效", "review"),
        ("主要做法", "review"),
        ("工作亮点", "review"),
        ("取得的成绩", "review"),
        ("2024年工作成效", "review"),
        ("成效", "review"),
        ("经验做法", "review"),
        ("巩固成效", None),  # a verb before the noun: work to do
        ("推广经验做法", None),
        ("提升医改成效", None),
        ("主要做法及下一步工作计划", "tasks"),  # the plan part outranks the review part
    ],
)
def test_review_headings_built_of_practice_and_result_nouns(heading: str, role: str | None) -> None:
    assert section_role(heading) == role


SUMMARY_AND_PLAN = """桐庐县2024年卫生健康工作总结和2025年工作计划
2024年，我们坚持以人民健康为中心，扎实推进各项工作。
一、主要做法及成效
（一）抓好基层能力建设，夯实服务网底。
一是改造村卫生室36所。二是培训乡村医生420人次，家庭医生签约率达到78%。
（二）抓好公共卫生服务，守护群众健康。
全年完成免疫接种5.2万剂次，筛查高血压患者1800人。
二、2025年工作计划
（一）推进紧密型县域医共体建设。
力争县域就诊率达到90%。
（二）新建标准化村卫生室10所。
"""


def test_a_summary_section_gives_no_task_its_figures_are_reported_and_the_plan_keeps_its_targets() -> None:
    text, payload = _extract(SUMMARY_AND_PLAN)
    [plan] = payload["plans"]
    assert (plan["level"], plan["work_year"]) == ("county", 2025)
    assert [task["title"] for task in plan["tasks"]] == ["推进紧密型县域医共体建设", "新建标准化村卫生室10所"]
    assert "review_section_left_out" in plan["flag"].split(";")
    targets = {(row["value"], row["unit"]) for _, task in task_tree_paths(plan["tasks"]) for row in task["targets"]}
    targets |= {(row["value"], row["unit"]) for row in plan["opening_targets"]}
    assert (90, "%") in targets and (10, "所") in targets
    assert not {(36, "所"), (420, "人次"), (78, "%"), (1800, "人")} & targets
    reported = {(row["value"], row["unit"]) for row in payload["reported_figures"]}
    assert {(36, "所"), (420, "人次"), (78, "%"), (1800, "人")} <= reported
    for row in payload["reported_figures"]:
        assert text[row["start"] : row["end"]] == row["raw_text"]


def test_a_summary_cut_before_its_plan_part_has_no_task_and_no_target() -> None:
    cut = SUMMARY_AND_PLAN.split("二、2025年")[0]
    _, payload = _extract(cut)
    [plan] = payload["plans"]
    assert plan["tasks"] == [] and "no_tasks" in plan["flag"].split(";")
    assert plan["opening_targets"] == []
    assert len(payload["reported_figures"]) >= 4


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("区2023年卫生健康工作总结及2024年工作计划", "county"),
        ("县2025年卫生健康工作要点", "county"),
        ("旗2022年卫生工作计划", "county"),
        ("市2024年卫生健康工作要点", "municipal"),
        ("自治区2021年卫生健康工作要点", "provincial"),
    ],
)
def test_a_title_that_lost_its_place_name_gives_the_level_of_its_bare_word(title: str, level: str) -> None:
    raw = f"{title}\n一、加强基层医疗卫生服务能力建设\n二、推进公共卫生服务均等化\n三、深化医药卫生体制改革\n"
    _, payload = _extract(raw)
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"]) == (level, None)
    assert "level_from_bare_title" in plan["flag"].split(";")


@pytest.mark.parametrize(
    "title",
    [
        "2025年卫生健康工作要点",
        "市场监管领域2025年卫生工作要点",
        "县域医共体2025年工作要点",
        "全市2025年卫生健康工作要点",
    ],
)
def test_no_bare_word_before_the_year_gives_no_bare_title_level(title: str) -> None:
    raw = f"{title}\n一、加强基层医疗卫生服务能力建设\n二、推进公共卫生服务均等化\n三、深化医药卫生体制改革\n"
    _, payload = _extract(raw)
    for plan in payload["plans"]:
        assert "level_from_bare_title" not in (plan["flag"] or "")


# --- image remnants in page text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "1.jpg",
        "2.JPG",
        "微信图片_20240110141611.jpg",
        "IMG_0032.png photo-2.jpeg",
        "banner.webp",
        "图片",
        "【点击查看大图】",
        "点击图片查看大图",
        "（图片）",
    ],  # fmt: skip
)
def test_a_line_of_image_file_names_or_a_picture_label_is_dropped(line: str) -> None:
    raw = f"会议召开。\n{line}\n副市长王明出席会议并讲话。"
    assert clean_text(raw).text == "会议召开。\n副市长王明出席会议并讲话。"


@pytest.mark.parametrize(
    "line",
    [
        "图为会议现场。",
        "附件：2025年工作要点.docx",
        "他说，文件名是1.jpg的照片已上传。",
        "图片新闻：全市卫生健康工作会议召开",
    ],
)
def test_captions_and_sentences_that_name_a_picture_stay(line: str) -> None:
    raw = f"会议召开。\n{line}\n副市长王明出席会议并讲话。"
    assert line.replace("：", "：") in clean_text(raw).text


def test_an_image_file_line_no_longer_becomes_a_numbered_task() -> None:
    raw = (
        "2025年全市卫生健康工作会议召开\n3月2日，我市召开2025年卫生健康工作会议。\n1.jpg\n"
        "副市长王明作出批示。\n2.jpg\n会议强调，2025年全市卫生健康系统要推进紧密型医联体建设，"
        "加强公共卫生体系建设，提升基层服务能力。"
    )
    text, payload = _extract(raw)
    titles = [task["text"] for plan in payload["plans"] for _, task in task_tree_paths(plan["tasks"])]
    assert titles and not any("jpg" in title for title in titles)


# --- specialist meetings named 局长会议 -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "scope"),
    [
        ("2023年全国中医药局长会议近日在京召开。", "national"),
        ("2024年全国卫生健康系统厅局长会议在京召开。", "national"),
        ("1月20日，全省疾控局长会议在长沙召开。", "provincial"),
    ],
)
def test_a_directors_meeting_is_a_meeting_that_states_a_plan(sentence: str, scope: str) -> None:
    raw = (
        f"{sentence}会议总结了上一年工作，部署了今年重点任务。局长李明出席会议并讲话。"
        "会议要求，一要深化综合改革，激发发展活力。二要加强服务体系建设，提升防病治病能力。三要加快人才队伍建设。"
    )
    _, payload = _extract(raw, "2024-01-25")
    assert payload["meeting"] is not None and payload["meeting"]["scope"] == scope
    [plan] = payload["plans"]
    assert [task["text"][:4] for task in plan["tasks"]] == ["深化综合", "加强服务", "加快人才"]


def test_a_standing_committees_directors_meeting_is_no_health_meeting() -> None:
    raw = "3月5日，市人大常委会主任会议在市行政中心召开。会议听取了有关工作汇报，要求做好立法工作。"
    _, payload = _extract(raw, "2024-03-06")
    assert payload["meeting"] is None


# --- plans stated in answers at a press event -----------------------------------------------------------------


def test_an_answer_that_has_several_things_to_do_lists_them_at_their_markers() -> None:
    found = announced_statement(
        clean_text(
            "3月6日，全国两会“部长通道”在人民大会堂举行。国家卫生健康委主任答记者问。\n"
            "今年在慢病防治方面，主要有几个方面的工作要做：第一，在全国县以上医院建立登记报告制度；"
            "第二，推广早筛查、早诊断、早治疗，降低死亡率；第三，要保证药品供应。\n谢谢大家。"
        ).text,
        date(2024, 3, 6),
    )
    assert found is not None and found["level"] == "national"
    assert [task["marker"] for task in found["tasks"]] == ["第一", "第二", "第三"]
    assert [task["text"][:4] for task in found["tasks"]] == ["在全国县", "推广早筛", "要保证药"]


@pytest.mark.parametrize(
    "cue",
    ["今年全省有四项工作要抓：", "下一步，我们有三件事要办：", "明年全市主要有以下几个方面的工作需要做："],
)
def test_other_ways_of_saying_there_is_work_to_do(cue: str) -> None:
    found = announced_statement(
        clean_text(f"{cue}一是扩大优质医疗资源；二是加强基层服务能力；三是完善公共卫生体系。").text, date(2024, 1, 9)
    )
    assert found is not None and len(found["tasks"]) == 3


@pytest.mark.parametrize(
    "text",
    [
        "去年全省有四个方面的工作取得突破：一是医改深化；二是基层加强；三是服务提升。",  # no work to do: a review
        "我们有几个方面的体会：第一，党的领导是根本；第二，人民至上是关键。",
    ],
)
def test_having_things_that_are_not_work_to_do_states_no_plan(text: str) -> None:
    assert announced_statement(clean_text(text).text, date(2024, 1, 9)) is None


# --- relaying a meeting's requirements is no task ---------------------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "全面落实全省卫生健康大会和全国、全省卫生健康工作会议要求",
        "认真贯彻全市卫生健康工作会议要求",
        "落实全国疾控工作大会要求",
    ],
)
def test_relaying_a_meetings_requirements_is_generic(clause: str) -> None:
    assert is_generic(clause, 0, len(clause))


@pytest.mark.parametrize("clause", ["落实医疗质量安全核心制度要求", "落实会议纪要制度"])
def test_carrying_out_rules_that_are_no_meetings_is_not_generic(clause: str) -> None:
    assert not is_generic(clause, 0, len(clause))


# --- who issues a work-points plan that a news item quotes ------------------------------------------------------


def _points(lead: str, title: str) -> dict:
    raw = (
        f"{lead}\n{title}\n一、研究制订的文件\n（一）制订营养健康食堂建设指南。\n（二）制订托育机构管理办法。\n"
        "二、组织开展的活动\n（三）开展全民健康素养促进活动。\n"
    )
    _, payload = _extract(raw)
    assert payload["kind"] == "work_points"
    [plan] = payload["plans"]
    return plan


def test_a_national_programmes_committee_that_issues_the_points_makes_them_national() -> None:
    plan = _points(
        "据新华社消息，近日，健康中国行动推进委员会印发《健康中国行动2023年工作要点》。《工作要点》全文如下：",
        "健康中国行动2023年工作要点",
    )
    assert (plan["level"], plan["region_code"], plan["work_year"]) == ("national", None, 2023)
    assert plan["issuer"] == "健康中国行动推进委员会"
    assert plan["title"] == "健康中国行动2023年工作要点"  # the lead ending on a colon is no title


@pytest.mark.parametrize(
    ("lead", "title", "expected"),
    [
        (
            "湖北省卫生健康委日前印发了《2024年全省卫生健康工作要点》。",
            "2024年全省卫生健康工作要点",
            ("provincial", "420000"),
        ),
        (
            "近日，健康湖南行动推进委员会印发《健康湖南行动2022年工作要点》。",
            "健康湖南行动2022年工作要点",
            ("provincial", "430000"),
        ),
        ("国家中医药管理局正式印发《2021年中医药工作要点》。", "2021年中医药工作要点", ("national", None)),
    ],
)
def test_the_body_that_issues_the_points_gives_their_level(lead: str, title: str, expected: tuple) -> None:
    plan = _points(lead, title)
    assert (plan["level"], plan["region_code"]) == expected


# --- a single region's government work report: the region its title names --------------------------------------


def test_a_report_digest_whose_regions_disagree_takes_the_region_its_title_names() -> None:
    found = announced_statement(
        clean_text(
            "2024年甘肃加快健康甘肃建设\n兵团广播电视台\n1月25日，省十四届人大二次会议开幕。省长代表省人民政府"
            "作政府工作报告。\n报告说，2024年，我省加快健康甘肃建设，推进国家区域医疗中心建设，全面推进紧密型县域"
            "医共体建设，加强老年人健康服务。\n"
        ).text,
        date(2024, 1, 25),
    )
    assert found is not None
    assert (found["level"], found["region_code"]) == ("provincial", "620000")
    assert "region_from_title" in found["flag"].split(";")


def test_a_title_that_names_no_one_region_decides_nothing() -> None:
    found = announced_statement(
        clean_text(
            "两地卫生健康合作新进展\n兵团广播电视台\n1月25日，省人民代表大会开幕。省长作政府工作报告。\n"
            "报告说，2024年，甘肃将推进国家区域医疗中心建设，全面推进紧密型县域医共体建设，加强老年人健康服务。\n"
        ).text,
        date(2024, 1, 25),
    )
    assert found is not None and "region_from_title" not in (found["flag"] or "")


# --- new-year addresses of a health authority's head ------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "2025年新年致辞——佳木斯市卫生健康委党组书记、主任 王明\n岁月不居，时节如流。告别了难忘的2024年。"
            "\n2024年，我们凝心聚力，全面推进健康佳木斯建设，开展健康知识普及行动。",
            ("municipal", "230800", 2025),
        ),
        (
            "桐庐县卫生健康局局长李华发表2024年新年贺词\n分享至\n值此辞旧迎新之际，我代表县卫生健康局致以新年的祝福！"
            "\n即将过去的2023年，我们全面提升了医疗卫生服务能力。",
            ("county", "330122", 2024),
        ),
        (
            "新年献词\n湖南省卫生健康委员会党组书记、主任 张强\n新年的钟声即将敲响。过去的一年，我们砥砺前行。",
            ("provincial", "430000", 2026),
        ),
    ],  # fmt: skip
)
def test_a_health_authoritys_new_year_address_states_the_years_plan(raw: str, expected: tuple) -> None:
    _, payload = _extract(raw, "2025-12-30")
    assert payload["kind"] == "plan_statement"
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == expected
    assert plan["tasks"] == [] and "plan_text_not_reached" in plan["flag"].split(";")
    assert plan["opening_targets"] == []


@pytest.mark.parametrize(
    "raw",
    [
        "2025年新年致辞——市人民医院院长 王明\n岁月不居。2024年，医院门诊量稳步增长。",  # a hospital, no authority
        "2025年新年贺词——某某科技有限公司董事长\n感谢全体员工。",
        "市卫生健康委召开新年座谈会\n1月3日，市卫生健康委召开座谈会，总结2024年工作。",  # no address at all
        "市卫生健康委主任王明谈新年工作\n记者：您在新年致辞中提到了什么？\n王明：我们将深化医改。",  # a sentence names it
        "王明在全市卫生健康工作会议上的讲话\n同志们：今天我们召开会议，总结去年的工作，部署今年的任务，动员全系统干部职工"
        "凝心聚力、真抓实干，奋力推动卫生健康事业高质量发展，为建设健康城市、保障人民群众生命安全和身体健康作出新的更大贡献。\n市卫生健康委新年致辞",  # too far down
    ],
)
def test_texts_that_are_no_health_authoritys_new_year_address_state_no_plan_from_it(raw: str) -> None:
    from pipeline.parse.new_year import new_year_address

    assert new_year_address(clean_text(raw).text, date(2025, 1, 2)) is None


def test_a_new_year_address_that_reaches_its_plan_is_read_by_the_year_ahead_cue() -> None:
    raw = (
        "2025年新年致辞——佳木斯市卫生健康委党组书记、主任 王明\n岁月不居，时节如流。\n"
        "新的一年，我们将重点抓好以下三个方面工作：一是深化医改；二是强化基层；三是守护公共卫生安全。"
    )
    _, payload = _extract(raw, "2024-12-31")
    [plan] = payload["plans"]
    assert len(plan["tasks"]) == 3 and "plan_text_not_reached" not in (plan["flag"] or "")


# --- national specialist meetings of fields named without 卫生 --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("12月3日，国家卫生健康委妇幼司在郑州召开全国婚前孕前保健工作推进会。", "全国婚前孕前保健工作推进会"),
        ("3月21日，全国爱卫会办公室会议在京召开。", "全国爱卫会办公室会议"),
        ("4月8日，全国出生缺陷防治工作视频会议召开。", "全国出生缺陷防治工作视频会议"),
    ],
)
def test_a_meeting_of_a_health_field_named_without_wei_sheng_is_read(sentence: str, name: str) -> None:
    raw = (
        f"{sentence}国家卫生健康委副主任李明出席会议并讲话。会议要求，各地要进一步加强人才培养和网络建设，"
        "强化规范服务和质量监管，深入推进出生缺陷防治工作。"
    )
    _, payload = _extract(raw, "2024-04-10")
    assert payload["meeting"] is not None
    assert (payload["meeting"]["name"], payload["meeting"]["scope"]) == (name, "national")


def test_a_meeting_of_no_health_field_is_still_not_read() -> None:
    raw = "3月21日，全国安全生产办公室会议在京召开。会议要求，各地要加强隐患排查，强化执法检查，深入推进专项整治。"
    _, payload = _extract(raw, "2024-03-22")
    assert payload["meeting"] is None


# --- a year-ahead overview by a health authority, its measures in the paragraphs after it -----------------------


OVERVIEW = (
    "{title}\n人民网1月24日电 {lead}\n"
    "2024年是实现“十四五”规划目标任务的关键一年。王明介绍，{body}将落实政府工作报告安排部署，加快“四大建设”，"
    "深化“三项改革”，奋力开创卫生健康事业高质量发展新局面。\n"
    "加快“四大建设”方面，将加快健康城市建设，开展18个专项行动攻坚，启动首批10个示范县建设。\n"
    "深化“三项改革”方面，要深化医药卫生体制改革，促进“三医”联动，推进公立医院改革。\n"
)


def test_a_provincial_authoritys_overview_then_its_measures() -> None:
    raw = OVERVIEW.format(
        title="省政协委员王明：建设卫生健康强省", lead="（记者李华）四川省政协会议在成都开幕。", body="省卫生健康委"
    )
    text, payload = _extract(raw, "2024-01-24")
    assert payload["kind"] == "plan_statement"
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"], plan["work_year"]) == ("provincial", "510000", 2024)
    assert "list_after_overview" in plan["flag"].split(";")
    starts = [task["text"][:4] for task in plan["tasks"]]
    assert {"加快健康", "开展18", "启动首批", "深化医药", "促进“三"} <= set(starts)
    assert not any(task["start"] < text.index("加快“四大建设”方面") for task in plan["tasks"])  # not the overview


def test_a_city_authority_named_in_the_overview_gives_its_region() -> None:
    raw = OVERVIEW.format(title="2024年工作计划", lead="（记者李华）", body="杭州市卫生健康委")
    _, payload = _extract(raw, "2024-01-24")
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"]) == ("municipal", "330100")


@pytest.mark.parametrize(
    "raw",
    [
        # no year-ahead frame: a news item on what a body will do next week
        "义诊活动\n市卫生健康委将于下周组织专家下乡义诊。\n活动将开展健康咨询，发放宣传资料，免费测量血压。\n",
        # the year-ahead frame, but no authority says what it will do
        "新年展望\n2024年是关键一年。专家认为，医改将进入深水区。\n医院要加强管理，提升服务，改善群众就医体验。\n",
    ],
)
def test_no_overview_cue_without_a_year_ahead_frame_and_an_authority(raw: str) -> None:
    assert announced_statement(clean_text(raw).text, date(2024, 1, 24)) is None


# --- regions: a county named in a slogan of a work-points plan; a reporter's dateline is no region of the plan ----


def test_a_county_work_points_plan_takes_the_one_county_its_slogan_names() -> None:
    raw = (
        "区2024年卫生健康工作计划\n一、推进健康临川建设\n（一）深化国家卫生城市创建成果。\n（二）推进医共体建设。\n"
        "二、加强公共卫生体系建设\n"
    )
    _, payload = _extract(raw)
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"]) == ("county", "361002")
    assert "region_from_area_slogan" in plan["flag"].split(";")


def test_a_county_plan_whose_slogans_name_no_one_county_stays_unresolved() -> None:
    raw = "区2024年卫生健康工作计划\n一、推进健康城区建设\n二、加强公共卫生体系建设\n三、深化医改\n"
    _, payload = _extract(raw)
    [plan] = payload["plans"]
    assert (plan["level"], plan["region_code"]) == ("county", None)
    assert "region_unresolved" in plan["flag"].split(";")


@pytest.mark.parametrize(
    "dateline", ["大众网记者孙杰济南报道", "人民网济南1月23日电", "新华社济南1月23日电（记者王明）"]
)
def test_the_city_of_a_reporters_dateline_is_not_the_plans_region(dateline: str) -> None:
    found = announced_statement(
        clean_text(
            f"速读报告丨山东今年县级医院将达到三级水平\n{dateline}\n1月23日，山东省人大会议开幕，省长作政府工作报告。\n"
            "2024年，全省将实施公共卫生服务能力提升行动，加快疾控中心标准化建设，开展医防融合慢性病管理试点。\n"
        ).text,
        date(2024, 1, 23),
    )
    assert found is not None and (found["level"], found["region_code"]) == ("provincial", "370000")


def test_a_city_named_in_the_text_itself_still_makes_a_city_plan() -> None:
    found = announced_statement(
        clean_text(
            "济南今年将新建一批社区医院\n大众网记者孙杰报道\n2024年，济南市将新建社区医院10家，"
            "加快疾控中心标准化建设，开展医防融合慢性病管理试点。\n"
        ).text,
        date(2024, 1, 23),
    )
    assert found is not None and (found["level"], found["region_code"]) == ("municipal", "370100")


# --- a document site's size and page count are no targets --------------------------------------------------------


@pytest.mark.parametrize("line", ["2023-11-28 999+ 51.29KB 15页 海报", "共12页", "1.2MB 8页 预览"])
def test_a_document_sites_size_and_page_count_are_no_targets(line: str) -> None:
    from pipeline.text.targets.extract import extract_targets

    assert extract_targets(clean_text(line).text) == []


def test_pages_a_plan_commits_to_print_are_kept_apart_from_page_furniture() -> None:
    from pipeline.text.targets.extract import extract_targets

    found = [(row.value, row.unit) for row in extract_targets("全县新建村卫生室15所，发放健康教育折页2万份。")]
    assert (15, "所") in found and (20000, "份") in found
