"""What the CLI shows while a run goes: per-document progress with counts and ETA, then finished steps.

Uses rich (a dependency of Dagster): one bar per per-document stage (documents done / total, time
left), one bar for the run's steps (assets and checks). On a terminal the bars update in place;
elsewhere (CI, a pipe) they are printed once at the end.
"""

from __future__ import annotations

import logging

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

STAGES = {"raw": "documents read", "clean": "documents cleaned", "segment": "documents segmented",
          "extract": "documents extracted"}  # fmt: skip


class RunDisplay:
    """Progress bars of one run; `document_done` is a pipeline.documents.progress listener."""

    def __init__(self, documents: int, steps: int) -> None:
        self.console = Console(stderr=True, highlight=False)
        self.progress = Progress(
            TextColumn("      {task.description:<22}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("elapsed"),
            TimeElapsedColumn(),
            TextColumn("left"),
            TimeRemainingColumn(),
            console=self.console,
        )
        self.stages = {
            stage: self.progress.add_task(label, total=documents, start=False) for stage, label in STAGES.items()
        }
        self.steps = self.progress.add_task("steps (assets, checks)", total=steps)
        self.failed_steps: list[str] = []

    def __enter__(self) -> RunDisplay:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def document_done(self, stage: str, doc_id: str) -> None:
        if stage in self.stages:
            task = self.stages[stage]
            if not self.progress.tasks[task].started:
                self.progress.start_task(task)  # elapsed time and ETA count from the stage's first document
            self.progress.advance(task)

    def step_finished(self, step_key: str, succeeded: bool) -> None:
        self.progress.advance(self.steps)
        if not succeeded:
            self.failed_steps.append(step_key)
            self.console.print(f"      FAIL {step_key}")


class StepHandler(logging.Handler):
    """Feeds a RunDisplay from the Dagster run's log records (one per finished step)."""

    def __init__(self, display: RunDisplay) -> None:
        super().__init__()
        self.display = display

    def emit(self, record: logging.LogRecord) -> None:
        event = (getattr(record, "dagster_meta", None) or {}).get("dagster_event")
        if event is not None and event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
            self.display.step_finished(event.step_key, event.event_type_value == "STEP_SUCCESS")
