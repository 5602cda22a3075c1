"""A bare 要 right after a comma opens a requirement of its own inside a sentence of requirements, once the
requirement before it holds a head and its measures (pipeline/parse/lists/modal.py, lists.toml [shape]
min_clauses_before_comma_requirement). Sentences written for the purpose."""

from __future__ import annotations

from pipeline.parse.lists import read_lists
from pipeline.parse.lists.modal import modal_items


def _items(text: str) -> list[str]:
    return [text[p.start : p.end].rstrip("。") for p in modal_items(text, 0, len(text))]


def _tree(text: str) -> list[tuple[str, list[str]]]:
    return [(text[i.start : i.end].rstrip("。"), [text[c.start : c.end] for c in i.children]) for i in read_lists(text, 0, len(text))]


def test_a_bare_yao_after_a_head_and_its_measures_opens_a_new_requirement() -> None:
    text = (
        "会议强调，要坚持以人民健康为中心，全面深化医共体建设，推进优质资源下沉，进一步强化慢病管理，"
        "要筑牢基层网底，通过标准化卫生室建设提升村级服务能力。要以此次会议为新起点，奋力开创新局面。"
    )
    tree = _tree(text)
    assert tree[0] == ("坚持以人民健康为中心，全面深化医共体建设，推进优质资源下沉，进一步强化慢病管理", ["全面深化医共体建设", "推进优质资源下沉", "进一步强化慢病管理"])
    assert tree[1] == ("筑牢基层网底，通过标准化卫生室建设提升村级服务能力", [])


def test_other_verbs_another_issuer_and_ascii_commas() -> None:
    text = "市长要求,要聚焦群众就医难题,加快建设区域医疗中心,完善分级诊疗制度,推进家庭医生签约服务,要加强疾控体系建设,健全传染病监测预警机制。"
    assert _items(text) == [
        "聚焦群众就医难题,加快建设区域医疗中心,完善分级诊疗制度,推进家庭医生签约服务",
        "加强疾控体系建设,健全传染病监测预警机制",
    ]


def test_three_requirements_in_one_sentence() -> None:
    text = (
        "省卫生健康委强调，要守牢安全底线，健全应急预案，加强物资储备，开展应急演练，要优化医疗服务，"
        "改善就医环境，简化就诊流程，推广预约诊疗，要深化医改，推进医保支付方式改革。"
    )
    items = _items(text)
    assert [item[:6] for item in items] == ["守牢安全底线", "优化医疗服务", "深化医改，推"]


def test_a_bare_yao_after_a_short_requirement_stays_in_it() -> None:
    # 要A，B，要C…: after a head and one measure the 要 repeats the modal and opens nothing
    text = "会议要求，要加快推进县域医共体建设，完善家庭医生签约服务，要加强疾控体系建设，提升应急处置能力。要推进医改。"
    assert _items(text) == ["加快推进县域医共体建设，完善家庭医生签约服务，要加强疾控体系建设，提升应急处置能力", "推进医改"]


def test_words_with_yao_and_a_yao_not_right_after_the_comma_open_nothing() -> None:
    lead = "会议要求，要做好疫情防控，加强部门协作，落实联防联控机制，完善监测网络，"
    for tail in ("需要加强基层培训", "重要的是压实责任", "主要抓好人员管理", "只要落实到位就能见效", "要求各地加强协作", "要素保障更加有力", "也要加强宣传引导"):
        text = f"{lead}{tail}。要推进医改。"
        assert _items(text) == [f"{lead[6:]}{tail}", "推进医改"], tail


def test_a_yao_inside_a_quoted_slogan_opens_nothing() -> None:
    text = "会议要求，要牢记使命，加强队伍建设，提升服务能力，践行“要守护健康，要服务群众”的宗旨，改进作风。要推进医改。"
    assert _items(text)[0].endswith("改进作风")
    assert len(_items(text)) == 2


def test_an_aim_then_its_means_after_yao_stays_one_requirement() -> None:
    # 要…，要通过…: a means, led by no directive verb
    text = "会议要求，要提升基层服务能力，补齐人才短板，完善设备配置，强化绩效考核，要通过人才下沉带动乡村医生成长。要推进医改。"
    assert _items(text)[0].endswith("要通过人才下沉带动乡村医生成长")


def test_a_yao_in_the_next_sentence_after_a_time_word_is_no_comma_requirement() -> None:
    # …。当前，要…: a sentence of its own; the comma rule reads only inside the sentence of the requirement before
    text = (
        "全省各级各部门要深入实施健康行动，持续巩固健康扶贫成果，不断深化三医联动改革，着力抓好医共体建设。"
        "当前，要毫不放松做好常态化疫情防控工作，加强疾病预防控制体系建设。"
    )
    assert _items(text) == []
