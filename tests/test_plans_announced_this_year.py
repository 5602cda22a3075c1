"""Plans announced for this year or the next in running text, with no conference or work-points title:
今年/明年 … 将/要 followed by the measures, a count of aspects closed by a colon (抓好以下五个方面：), the
main tasks closed by a colon (明确了今年的重点任务：, 主要任务：), and a government work report's health
passage (政府工作报告提出，…); and the same cues before a review of a past period, which are no plan.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from pipeline.documents.extract import extract_document
from pipeline.text.clean import clean_text


def _read(raw: str) -> tuple[str, list[str]]:
    text = clean_text(raw).text
    payload = extract_document(text, kind=None, published="2024-03-01")
    tasks = [text[t["start"] : t["end"]] for plan in payload["plans"] for t in plan["tasks"]]
    return payload["kind"], tasks


@pytest.mark.parametrize(
    "raw",
    [
        "今年全市卫生工作将重点抓好以下五个方面：加快推进医药卫生体制改革；加强公共卫生服务体系建设；"
        "加强农村卫生服务网络建设；加强卫生人才队伍建设；全面提升医疗服务质量。",
        "记者从县卫健委获悉，今年我县将新建3所乡镇卫生院，改扩建15个村卫生室，加快推进紧密型县域医共体建设。",
        "明年，全区将持续深化公立医院改革，推进家庭医生签约服务扩面提质，完善疾病预防控制体系。",
        "日前，市卫健委印发《2019年全市卫生健康工作要点》，明确了今年的重点任务：一是深化医药卫生体制改革；"
        "二是加强公共卫生服务；三是提升基层服务能力。",
        "2012年全省卫生工作要点\n【摘要】主要任务：一是巩固完善基本药物制度；二是推进公立医院改革试点；"
        "三是加强基层医疗卫生机构建设。",
        "2019年工作打算\n主要任务：一是推进医共体建设；二是加强疾病防控；三是开展健康扶贫。",
        "政府工作报告提出，今年要实施健康优先发展战略，深化以公益性为导向的公立医院改革，加强基层医疗卫生服务能力建设。",
    ],
)
def test_work_announced_for_the_year_in_running_text_is_a_plan(raw: str) -> None:
    kind, tasks = _read(raw)
    assert kind == "plan_statement"
    assert len(tasks) >= 3
    assert not any(task.startswith(("：", ":", "，")) for task in tasks)  # the cue's colon is not an item's


@pytest.mark.parametrize(
    "raw",
    [
        "今年以来，我市已新建3所乡镇卫生院，改扩建15个村卫生室，家庭医生签约率达到75%。",  # work done
        "今年将于3月启动居民健康素养监测调查，具体安排另行通知。",  # a date, not work
        "市卫健委今年要求各医疗机构做好统计报表报送工作。",  # 要求 is no modal
        # a list after a cue that reviews a past period, or whose items read as results
        "2018年工作总结\n主要工作：一是推进医共体建设，二是加强疾病防控，三是开展健康扶贫。",
        "过去一年，主要工作有：一是推进医共体建设；二是加强疾病防控；三是开展健康扶贫。",
        "主要工作：一是全面完成了家庭医生签约任务；二是基层服务能力明显提升；三是公共卫生服务取得新成效。",
    ],
)
def test_work_done_or_a_date_this_year_is_no_plan(raw: str) -> None:
    assert _read(raw)[0] == "other"
