"""The headings of an interpretation of a plan (政策解读): how it was drafted frames the plan and gives no task, and a
heading opened by the document's short name (《规划》编制背景) has the role of what follows (work_points.sections)."""

from __future__ import annotations

import pytest

from pipeline.parse.work_points.sections import section_role


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("起草依据", "framing"),
        ("编制依据", "framing"),
        ("《规划》编制依据", "framing"),
        ("《实施方案》起草背景", "framing"),
        ("《规划》编制背景", "review"),
        ("《规划》发展目标", "goals"),
        ("《方案》的主要任务", "tasks"),
        ("《行动计划》保障措施", "safeguards"),
        ("加强组织领导", None),
        ("《规划》宣传解读工作", None),
        ("开展《条例》宣传贯彻", None),
    ],
)
def test_interpretation_headings(heading: str, role: str | None) -> None:
    assert section_role(heading) == role
