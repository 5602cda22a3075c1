"""Work-points and work-plan documents (工作要点, 工作计划, 行动计划) as plan statements."""

from pipeline.parse.work_points.plan import GENRE, work_points_statement

__all__ = ["GENRE", "work_points_statement"]
