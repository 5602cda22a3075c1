"""Conference reports as real reports write them (session 3): who holds a 全区 meeting, a meeting held in a long
room name, a work year set off by a comma, requirements whose measures follow their headline, a speaker's 要求
fused with the first measure, a sentence that opens on an attitude, and the clauses that are no tasks
(attitudes after an adverb, closing calls, principles). Every text is written for these tests."""

from __future__ import annotations

import pytest

from pipeline.parse.conference.report import parse_meeting_report
from pipeline.parse.lists.rules import is_attitude, is_generic
from pipeline.text.clean import clean_text
from tests.list_reading import read_tasks, task_titles


def report(raw: str):
    found = parse_meeting_report(clean_text(raw).text)
    assert found is not None, raw
    return found


# --- who holds a 全区 meeting ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("titles", "code"),
    [
        ("区委常委、副区长李强出席会议并讲话，秀英区卫生健康委员会主任符海作工作报告。", "460105"),
        ("区长王芳出席会议并讲话。渝北区卫生健康委主任张三作工作报告。", "500112"),
        ("区政府副区长赵六出席会议并讲话。", None),  # a district, but which one the text does not say
    ],
)
def test_a_district_meeting_is_county_level(titles: str, code: str | None) -> None:
    found = report(f"2月6日，全区卫生健康工作会议召开。{titles}\n会议要求，要做实家庭医生签约服务；要加强妇幼健康服务。")
    assert (found.scope, found.region_code) == ("county", code)
    assert "district_meeting_from_titles" in found.flags


@pytest.mark.parametrize(
    "titles",
    [
        "自治区副主席黄华出席会议并讲话，自治区卫生健康委主任廖平作工作报告。",
        "卫生健康委主任廖平作工作报告。",  # no district body named: the reading of 全区 as before
    ],
)
def test_an_autonomous_region_meeting_stays_provincial(titles: str) -> None:
    found = report(f"1月8日，全区卫生健康工作会议在南宁召开。{titles}\n会议要求，要推进区域医疗中心建设。")
    assert found.scope == "provincial" and "district_meeting_from_titles" not in found.flags


# --- meeting sentence and work year ------------------------------------------------------------------


@pytest.mark.parametrize(
    "room", ["市卫生健康委机关五楼会议室", "县人民医院门诊楼十二楼学术报告厅", "市行政中心"]
)
def test_a_meeting_held_in_a_long_room_name_keeps_its_date_and_place(room: str) -> None:
    found = report(f"4月9日上午，潍坊市卫生健康工作视频会议在{room}召开。会议部署2020年重点工作。")
    assert str(found.start_date) == "2020-04-09" and found.location.endswith(room)


@pytest.mark.parametrize(
    "sentence",
    [
        "会议强调，2024年，全区卫生健康系统要推进医共体建设。",
        "会议要求，2024年，全市卫生健康战线将加快智慧医院建设。",
        "局长指出，2024年，我县卫生健康工作要聚焦基层。",
    ],
)
def test_a_work_year_set_off_by_a_comma_is_the_year_ahead(sentence: str) -> None:
    assert report("2月6日，全县卫生健康工作会议召开。\n" + sentence).work_year == 2024


def test_a_year_set_off_by_a_comma_that_only_reviews_or_requires_is_no_year_ahead() -> None:
    found = report("2月6日，全县卫生健康工作会议召开。\n会议指出，2023年，全县卫生健康系统取得新成效。会议要求，2023年，全县要求严格。")
    assert found.work_year is None


# --- requirements and their measures -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("requirement", "measures"),
    [
        # a double headline whose second clause names no work of its own announces the measures after it
        ("要突出工作重点，全面抓实卫生健康工作任务，完善健康策略，统筹推进健康城市建设。", ["完善健康策略", "统筹推进健康城市建设"]),
        (
            "要聚焦重点，扎实推进公立医院改革，全力做好传染病防控工作，加快医共体建设，强化基层人才培养，"
            "推动全县卫生健康事业高质量发展。",
            ["扎实推进公立医院改革", "全力做好传染病防控工作", "加快医共体建设", "强化基层人才培养"],  # four: many; the closing call is no measure
        ),
        ("必须积极应对老龄化，坚持以健康老龄化为主线，抓好托育服务体系建设，持续深化医养结合。", ["抓好托育服务体系建设", "持续深化医养结合"]),
    ],
)
def test_a_requirement_carries_the_measures_after_its_headline(requirement: str, measures: list[str]) -> None:
    text = "副市长要求，要提高站位，抓好落实。" + requirement + "要加强队伍建设，改进工作作风。"
    tasks = read_tasks(text)
    parent = next(t for t in tasks if t["text"].startswith(requirement[1:5]) or t["text"].startswith(requirement[2:6]))
    assert [c["title"] for c in parent["children"]] == measures
    assert {c["flag"] for c in parent["children"]} == {"list_prose_clauses"}


def test_a_requirement_of_one_measure_or_of_attitudes_has_no_children() -> None:
    text = "会议要求，要坚持“预防为主”的原则，慎终如始抓好疫情防控工作。要转变作风，凝心聚力，奋发有为。要加快医共体建设。"
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["坚持“预防为主”的原则", "加快医共体建设"]
    assert all(t["children"] == [] for t in tasks)


def test_a_requirement_ends_with_its_paragraph() -> None:
    text = "县长说，做好今年的工作，必须精准对接群众需求，确保开好头。\n县长要求，要加快医共体建设。要提升乡镇卫生院服务能力。"
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["加快医共体建设", "提升乡镇卫生院服务能力"]  # not the 必须 of the paragraph before


def test_a_requirement_not_led_by_a_verb_ends_the_one_before() -> None:
    text = "会议要求，要加快医共体建设，抓好人才培养。要提升乡镇卫生院服务能力，做好风险防范。要锤炼过硬本领，狠抓工作落实。"
    last = read_tasks(text)[-1]
    assert last["text"].startswith("提升乡镇卫生院服务能力") and "锤炼" not in last["text"]


# --- a speaker's 要求 fused with the first measure, a sentence opening on an attitude ------------------------


@pytest.mark.parametrize("speaker", ["副县长要求", "他强调", "局长李明要求"])
def test_a_speaker_fused_with_the_first_measure(speaker: str) -> None:
    text = f"{speaker}加快推进县域医共体建设，优化医疗资源配置，持续提升基层服务能力。"
    assert task_titles(text) == ["加快推进县域医共体建设", "优化医疗资源配置", "持续提升基层服务能力"]


def test_a_sentence_opening_on_an_attitude_keeps_its_measures() -> None:
    text = (
        "会议要求，全市上下要统一思想。\n"
        "市长要求牢固树立大卫生、大健康理念，始终把人民健康放在优先发展的战略位置，加快转变发展方式，优化资源配置，"
        "持续提升服务能力。要加强基层卫生人才培养，抓好乡村医生队伍建设。"
    )
    titles = task_titles(text)
    # 持续提升服务能力 closes the sentence and sums up its measures: no task (CONVENTIONS 9.4)
    assert titles[:3] == ["加快转变发展方式", "优化资源配置", "加强基层卫生人才培养"]
    assert not any(t.startswith(("牢固树立", "始终把")) for t in titles)


def test_a_requirement_that_opens_on_an_attitude_is_left_out_whole() -> None:
    text = "会议强调，要提高政治站位，全面增强工作意识，进一步增强主动性。要加快医共体建设。要推进智慧医院建设。"
    assert task_titles(text) == ["加快医共体建设", "推进智慧医院建设"]


# --- clauses that are no tasks -------------------------------------------------------------------------


@pytest.mark.parametrize("clause", ["坚决克服麻痹思想、厌战情绪", "切实克服松劲心态", "牢固树立大健康理念", "树牢底线思维"])
def test_attitudes_after_an_adverb(clause: str) -> None:
    assert is_attitude(clause, 0, len(clause))


@pytest.mark.parametrize("clause", ["坚决打赢疫情防控阻击战", "切实加强医疗质量管理", "树立一批基层卫生典型"])
def test_work_is_no_attitude(clause: str) -> None:
    assert not is_attitude(clause, 0, len(clause))


@pytest.mark.parametrize(
    "clause",
    [
        "确保如期完成“十四五”规划确定的目标任务",
        "全面完成全年目标任务",
        "始终把人民健康放在优先发展的战略位置",
        "坚持以人民为中心的发展理念",
        "全面落实新时代卫生与健康工作方针",
        "切实解决群众反映强烈的突出问题",
    ],
)
def test_closing_calls_and_principles_are_generic(clause: str) -> None:
    assert is_generic(clause, 0, len(clause))


@pytest.mark.parametrize("clause", ["完成村卫生室标准化建设", "把家庭医生签约服务纳入绩效考核", "解决乡村医生待遇保障"])
def test_work_is_not_generic(clause: str) -> None:
    assert not is_generic(clause, 0, len(clause))


def test_a_verb_and_joined_counts_is_no_measure() -> None:
    text = "会议要求，要加强规划引领，全面夯实卫生健康工作基础，扎实推进6大任务、20项具体工作，积极争取上级支持，做好项目谋划。要加快医共体建设。"
    titles = [c["title"] for t in read_tasks(text) for c in t["children"]]
    assert "扎实推进6大任务、20项具体工作" not in titles and "积极争取上级支持" in titles


def test_an_enumeration_sized_by_a_quoted_count_has_no_stray_quotes() -> None:
    text = "会议强调，今年全市要力促医药卫生体制改革、中医药传承创新、综合执法监督“三项重点突破”，打好健康扶贫、医养结合“两大攻坚战”。"
    tasks = read_tasks(text)
    assert [c["title"] for c in tasks[0]["children"]] == ["医药卫生体制改革", "中医药传承创新", "综合执法监督"]
    assert [c["title"] for c in tasks[1]["children"]] == ["健康扶贫", "医养结合"]


# --- meetings named in other ways ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("8月13日，全市卫生健康半年工作电视电话会议召开，部署下半年重点工作。", "全市卫生健康半年工作电视电话会议"),
        ("7月2日，全县卫生健康上半年工作会议召开，部署下半年工作。", "全县卫生健康上半年工作会议"),
    ],
)
def test_a_period_of_the_year_in_the_name_is_no_year(raw: str, name: str) -> None:
    assert report(raw).name == name


def test_a_symposium_a_health_body_holds_with_its_counties() -> None:
    found = report("1月9日，市卫健委召开县区卫健委主任座谈会，对下一阶段重点任务进行谋划。会议强调，要加快医共体建设。")
    assert found.name == "县区卫健委主任座谈会" and found.scope == "municipal"


# --- requirements whose first clause is no measure, and framing before the work ------------------------------


def test_a_requirement_opening_on_a_stance_keeps_the_measures_after_it() -> None:
    text = (
        "会议强调，要加快医共体建设，推进县域医疗次中心建设，抓好人才引进。"
        "要深刻把握新形势新要求，全力做好健康乡村建设，抓实抓细卫生乡镇创建，提高农村服务水平。"
    )
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["加快医共体建设", "深刻把握新形势新要求"]
    assert [c["title"] for c in tasks[1]["children"]] == ["全力做好健康乡村建设", "抓实抓细卫生乡镇创建", "提高农村服务水平"]


def test_a_sentence_of_one_stance_and_one_measure_is_no_requirement() -> None:
    text = "会议强调，要加快医共体建设，推进县域医疗次中心建设。要持续推进中医药发展，抓好人才培养。要锤炼过硬本领，改进作风。"
    assert task_titles(text) == ["加快医共体建设", "持续推进中医药发展"]


@pytest.mark.parametrize(
    "framing",
    [
        "以深化医改为主线，",
        "以“强基层、建机制”为着力点，",
        "以信息化建设为抓手，以创建卫生城市为契机，",
        "以习近平新时代中国特色社会主义思想为指导，坚持新时代党的卫生与健康工作方针，",
    ],
)
def test_a_requirement_starts_at_its_work_after_framing(framing: str) -> None:
    text = f"会议要求，全县要{framing}加快建立分级诊疗制度，推进医共体建设。要加强公共卫生体系建设。"
    assert task_titles(text) == ["加快建立分级诊疗制度", "加强公共卫生体系建设"]


def test_a_requirement_of_framing_and_exhortation_only_is_no_task() -> None:
    text = "会议要求，要以习近平新时代中国特色社会主义思想为指导，坚持新时代党的卫生与健康工作方针，大力推动卫生健康事业高质量发展。要加快医共体建设。要加强公共卫生体系建设。"
    assert task_titles(text) == ["加快医共体建设", "加强公共卫生体系建设"]


def test_an_item_led_by_a_goal_that_names_work_stays() -> None:
    text = "会议要求，一是以公立医院改革为重点，全面深化医改；二是以基层为重点，推进分级诊疗。"
    assert task_titles(text) == ["以公立医院改革为重点", "以基层为重点"]


@pytest.mark.parametrize("marker", ["一是要", "一要"])
def test_a_marked_list_whose_items_open_with_a_modal(marker: str) -> None:
    second = "二是要" if marker == "一是要" else "二要"
    text = f"副市长提出具体要求：{marker}不断完善基本药物制度；{second}扎实推进人事制度改革。"
    tasks = read_tasks(text)
    assert [t["flag"] for t in tasks] == ["list_marked", "list_marked"]
    assert [t["marker"] for t in tasks] == [marker[:2], second[:2]]


def test_a_numbered_point_that_is_a_requirement_word_is_no_marker() -> None:
    text = "会议提出统一是要求，一是要求各地加快医共体建设；二是要求各地推进智慧医院建设。"
    assert all(t["marker"] not in ("一是", "二是") for t in read_tasks(text))


@pytest.mark.parametrize(
    "clause",
    ["推动形成风清气正的行业氛围", "营造尊医重卫的良好氛围", "全面抓实卫生健康工作任务", "全面夯实卫生健康工作基础", "努力实现人人享有基本医疗卫生服务的目标"],
)
def test_more_closing_calls_are_generic(clause: str) -> None:
    assert is_generic(clause, 0, len(clause))


@pytest.mark.parametrize("clause", ["抓常态长效，做好疫情防控", "抓医防融合，完善公卫体系", "科学谋划中长期规划"])
def test_single_character_and_planning_verbs_lead_items(clause: str) -> None:
    from pipeline.parse.lists.rules import directive_at

    assert directive_at(clause, 0, len(clause)) is not None


# --- the area a slogan names, the work year of 2012年要…, counted comma lists, nested marked lists ----------------


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("3月4日，县卫健局召开2024年卫生健康工作会议。会议要求，要全面加强健康竹溪建设。", "420324"),
        ("10月30日，我市召开新型农村合作医疗工作会议。会议强调，要为构建和谐福鼎作出贡献。", "350982"),
    ],
)
def test_a_meeting_whose_area_only_a_slogan_names(raw: str, code: str) -> None:
    found = report(raw)
    assert (found.scope, found.region_code) == ("county", code) and "region_from_area_slogan" in found.flags


def test_a_slogan_of_a_prefecture_does_not_make_a_municipal_meeting_a_county_one() -> None:
    found = report("1月9日，全市卫生健康工作会议召开。会议强调，要加快健康六安建设。")
    assert (found.scope, found.region_code) == ("municipal", "341500")


def test_no_county_from_a_word_that_only_looks_like_a_name() -> None:
    found = report("3月4日，全县卫生健康工作会议召开。会议要求，要维护中华人民共和国公民健康权益。")
    assert found.region_code is None and "region_from_area_slogan" not in found.flags


@pytest.mark.parametrize("sentence", ["会议提出，2012年要重点做好八个方面工作。", "局长指出，2012年将继续深化医改。"])
def test_a_year_followed_by_what_is_to_be_done(sentence: str) -> None:
    assert report("2月17日上午，全市卫生工作会议召开。\n" + sentence).work_year == 2012


def test_a_counted_list_of_comma_clauses_keeps_its_catch_all_item() -> None:
    text = "会议提出，今年要重点做好四个方面工作：深化医改，抓好项目建设，做好疾病防控，统筹做好其它各项工作。"
    tasks = read_tasks(text)
    assert [t["title"] for t in tasks] == ["深化医改", "抓好项目建设", "做好疾病防控", "统筹做好其它各项工作"]
    assert {t["flag"] for t in tasks} == {"list_announced_clauses"}


def test_a_counted_list_whose_clauses_do_not_match_the_count_is_not_taken_as_counted() -> None:
    text = "会议提出，今年要重点做好三个方面工作：深化医改，抓好项目建设，做好疾病防控，加强人才培养，推进信息化。"
    assert {t["flag"] for t in read_tasks(text)} != {"list_announced_clauses"}


def test_a_marked_list_inside_a_reported_task_becomes_its_children() -> None:
    from pipeline.documents.extract import extract_document

    text = clean_text(
        "2月20日，全市卫生工作会议召开。副市长出席会议并讲话。\n"
        "副市长对今年工作提出要求：一是加强基层卫生服务，推进乡镇卫生院建设；"
        "二是突出重点，强化措施。第一，完善公共卫生服务体系；第二、加快社区卫生服务建设；第三，严格医疗质量监管。"
        "三是加强领导，明确职责。"
    ).text
    [plan] = extract_document(text, kind=None, published=None)["plans"]
    second = plan["tasks"][1]
    assert [c["title"] for c in second["children"]] == ["完善公共卫生服务体系", "加快社区卫生服务建设", "严格医疗质量监管"]
    assert [c["marker"] for c in second["children"]] == ["第一", "第二、", "第三"]
    assert all(text[c["start"] : c["end"]] == c["text"] for c in second["children"])
    assert plan["tasks"][0]["children"] == [] and plan["tasks"][2]["children"] == []


# --- numbered requirements with their measures, areas inside an item, more officials ------------------------


def test_a_numbered_requirement_carries_its_measures() -> None:
    text = (
        "副市长要求：一要围绕中心、服务大局，持续巩固医改成果，全面提升服务能力，加快推动人才队伍建设。"
        "二要剖析形势，提高认识，进一步增强做好卫生健康工作的责任感和紧迫感。"
    )
    tasks = read_tasks(text)
    assert [c["title"] for c in tasks[0]["children"]] == ["持续巩固医改成果", "全面提升服务能力", "加快推动人才队伍建设"]
    assert tasks[1]["children"] == []  # an attitude and a sense of duty are no measures


def test_a_numbered_point_that_is_not_a_requirement_keeps_its_comma_reading() -> None:
    text = "会议部署：一是深化医改，推进分级诊疗，完善医保支付方式改革；二是加强公共卫生，做好传染病防控。"
    assert all(t["children"] == [] for t in read_tasks(text))


def test_areas_named_inside_an_item_are_its_children_when_written_as_work() -> None:
    text = "局长强调，今年要深化改革，着力在推进公立医院改革、完善分级诊疗、加强基层人才培养等方面实现新突破，推进健康城市建设。"
    tasks = read_tasks(text)  # here the text's only list: the areas are its tasks (areas.area_items)
    titles = [t["title"] for t in tasks] + [c["title"] for t in tasks for c in t["children"]]
    assert {"推进公立医院改革", "完善分级诊疗", "加强基层人才培养"} <= set(titles)
    text = "局长强调，要抓好疫情防控，推进基层建设；要深化改革，着力在推进公立医院改革、完善分级诊疗、加强基层人才培养等方面实现新突破。"
    parent = next(t for t in read_tasks(text) if t["title"].startswith("深化改革"))
    assert [c["title"] for c in parent["children"]] == ["推进公立医院改革", "完善分级诊疗", "加强基层人才培养"]


@pytest.mark.parametrize(
    "item",
    [
        "着力在公立医院改革、分级诊疗、基层人才培养、中医药发展等方面实现新突破",
        "力争在医共体建设、智慧医疗、公共卫生等领域取得新进展",
        "在疾病防控、医疗服务、卫生应急、人才科技等方面继续加强协作",
    ],
)
def test_fields_named_inside_an_item_leave_it_one_task(item: str) -> None:
    text = f"局长强调，今年要深化改革，{item}，推进健康城市建设。"
    assert all(t["children"] == [] for t in read_tasks(text))


def test_two_areas_inside_an_item_are_no_nested_list() -> None:
    text = "局长强调，今年要深化改革，着力在公立医院改革、分级诊疗等方面实现新突破，推进健康城市建设。"
    assert all(t["children"] == [] for t in read_tasks(text))


def test_a_clause_led_by_ba_in_a_sentence_of_measures() -> None:
    text = "局长强调，今年全系统要加强三级卫生网络建设，全面启动县级公立医院改革，把药品统一配送工作延伸到村。"
    assert task_titles(text)[-1] == "把药品统一配送工作延伸到村"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("副县长王明在讲话中指出，今年要深化医改。", "王明"),
        ("县委书记李红在会上强调，要加快医共体建设。", "李红"),
        ("副县长赵刚讲话\n", "赵刚"),
    ],
)
def test_officials_who_speak_in_other_words(sentence: str, name: str) -> None:
    found = report("3月2日，全县卫生工作会议召开。\n" + sentence + "会议部署了2024年工作。")
    assert (name, "speech") in {(o.name, o.role) for o in found.officials}


@pytest.mark.parametrize("clause", ["坚持以人民健康为中心", "始终坚持以人民为中心", "进一步增强做好卫生工作的责任感和紧迫感", "推进卫生健康事业系统升级、全面进步"])
def test_principles_and_duties_are_generic(clause: str) -> None:
    assert is_generic(clause, 0, len(clause))


@pytest.mark.parametrize("clause", ["提高认识", "不断强化政治担当", "持续求进", "锤炼过硬本领", "持续改进作风"])
def test_more_attitudes(clause: str) -> None:
    assert is_attitude(clause, 0, len(clause))


# --- a continuation page that opens on a speaker's requirements ------------------------------------------------


def test_a_continuation_page_opening_on_a_speakers_requirements_states_a_plan() -> None:
    from pipeline.documents.extract import extract_document

    text = clean_text(
        "（上接第二版）县长强调，要加快推进医共体建设，强化县级医院龙头作用，提升乡镇卫生院能力，推进村卫生室标准化建设。"
        "要扎实做好疾病防控，加强传染病监测预警，抓好慢性病管理，推进健康县城建设，做好健康教育。"
    ).text
    payload = extract_document(text, kind=None, published=None)
    [plan] = payload["plans"]
    assert [t["title"] for t in plan["tasks"]] == ["加快推进医共体建设", "扎实做好疾病防控"]
    assert [c["title"] for c in plan["tasks"][1]["children"]] == ["加强传染病监测预警", "抓好慢性病管理", "推进健康县城建设", "做好健康教育"]


def test_a_page_opening_on_a_speakers_review_states_no_plan_by_that_cue() -> None:
    from pipeline.documents.extract import extract_document

    text = clean_text("（上接第二版）县长指出，过去一年全县卫生健康工作取得显著成效，医共体建设稳步推进。").text
    assert extract_document(text, kind=None, published=None)["plans"] == []


def test_a_requirements_measures_come_before_an_enumeration_inside_it() -> None:
    text = (
        "县长强调，要聚集各方合力，紧扣县委、县政府的工作部署和三个指导性文件确定的目标任务，加快深化健康促进模式改革，"
        "全面推进药品集中采购，依法加强综合监管。要加快医共体建设，推进县域医疗次中心建设。"
    )
    first = read_tasks(text)[0]
    assert [c["title"] for c in first["children"]] == ["加快深化健康促进模式改革", "全面推进药品集中采购", "依法加强综合监管"]


@pytest.mark.parametrize(
    "clause",
    ["深入领会此次会议精神和三个指导性文件的核心要义", "树立大卫生、大健康的观念", "抓好贯彻落实", "确保各项任务件件有着落、事事有成效"],
)
def test_relaying_and_closing_clauses_of_a_speech(clause: str) -> None:
    assert is_generic(clause, 0, len(clause))


def test_a_basic_path_frames_the_work() -> None:
    from pipeline.parse.lists.rules import is_framing

    assert is_framing("以“三医联动”协同为基本路径，", 0, 14)


# --- measures joined by 、, requirements that only relay -------------------------------------------------------


def test_two_measures_joined_by_a_pause_mark_are_two_tasks() -> None:
    text = "她强调，要依法组织实施生育政策，积极推进生育服务管理改革、逐步完善目标管理责任制，加强妇幼健康体系建设。"
    assert task_titles(text) == ["依法组织实施生育政策", "积极推进生育服务管理改革", "逐步完善目标管理责任制", "加强妇幼健康体系建设"]


def test_an_enumeration_of_nouns_after_one_verb_stays_one_task() -> None:
    text = "她强调，要深化“三医”联动改革，做好中医药守正创新、传承发展工作，推进医共体建设。"
    assert "做好中医药守正创新、传承发展工作" in task_titles(text)


def test_a_requirement_that_only_relays_and_encourages_is_no_task() -> None:
    text = (
        "她强调，要认真贯彻党的全会精神，准确把握中央决定的深刻内涵，充分认识工作取得的巨大成就，增强做好工作的信心；"
        "要注重宣传引导，扎实做好生育服务证制度改革，加强妇幼健康体系建设；要加快医共体建设。"
    )
    titles = task_titles(text)
    assert titles[0] == "注重宣传引导" and not any(t.startswith("认真贯彻") for t in titles)


def test_a_requirement_with_a_principle_and_a_measure_stays() -> None:
    text = "会议要求，要坚持“预防为主”的原则，慎终如始抓好疫情防控工作。要加快医共体建设。"
    assert task_titles(text) == ["坚持“预防为主”的原则", "加快医共体建设"]


@pytest.mark.parametrize("clause", ["积极应对新形势带来的机遇和挑战", "切实把这件惠民生的好事办好", "增强做好工作的信心和决心", "准确把握中央决定的深刻内涵"])
def test_encouragements_are_generic(clause: str) -> None:
    assert is_generic(clause, 0, len(clause))
