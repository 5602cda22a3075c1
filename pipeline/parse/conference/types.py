"""Result types of pipeline.parse.conference.report: a parsed report of a health work conference.

Every offset is a half-open character offset into the cleaned text the report was parsed from, so
that each fact can be traced back to the words that state it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pipeline.parse.conference.meeting_dates import MeetingDate

SPEECH = "speech"
WORK_REPORT = "work_report"
CHAIR = "chair"
SUMMARY = "summary"
INSTRUCTION = "instruction"

REVIEW = "review"
REQUIREMENTS = "requirements"

NATIONAL = "national"
PROVINCIAL = "provincial"
MUNICIPAL = "municipal"
COUNTY = "county"

MISSING = "missing"
MISMATCH = "mismatch"
MALFORMED = "malformed"


@dataclass(frozen=True)
class Official:
    """A named official and what they did at the meeting; start/end are the offsets of the name."""

    name: str
    title: str | None
    role: str  # speech | work_report | chair | summary | instruction
    start: int
    end: int

    def _replace_role(self, role: str) -> Official:
        return Official(self.name, self.title, role, self.start, self.end)


@dataclass(frozen=True)
class Section:
    """A meeting-level passage: the review of the past year or the requirements."""

    kind: str  # review | requirements
    start: int
    end: int


@dataclass(frozen=True)
class ReportedTask:
    """One key task, in order; text[start:end] is the task without its marker and commentary."""

    ordinal: int
    marker: str | None
    marker_value: int | None
    marker_issue: str | None  # None | missing | mismatch | malformed
    title: str
    start: int
    end: int
    title_start: int
    title_end: int


@dataclass(frozen=True)
class Commentary:
    """An editor's note attached to a task (e.g. a comparison with last year's tasks)."""

    task_ordinal: int
    start: int
    end: int


@dataclass(frozen=True)
class MeetingReport:
    """Everything parsed from one report of a health work conference."""

    name: str
    scope: str  # national | provincial | municipal | county
    region_code: str | None
    is_national_health_work_conference: bool
    work_year: int | None
    start_date: date | None
    end_date: date | None
    location: str | None
    lead_official: str | None
    officials: tuple[Official, ...]
    tasks: tuple[ReportedTask, ...]
    announced_task_count: int | None
    sections: tuple[Section, ...]
    commentary: tuple[Commentary, ...]
    flags: tuple[str, ...]
    # the meeting's date as printed, when it prints no year and none was known when it was read (3月15日，…召开…会议):
    # completed once the plan's work year is known (pipeline.parse.identity.complete_meeting); not a column
    printed_date: MeetingDate | None = None
