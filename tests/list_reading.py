"""Helpers of the list reader's tests: read a text's tasks and check every row quotes its own span."""

from pipeline.parse.lists import list_tasks


def read_tasks(text: str) -> list[dict]:
    """The tasks of `text`, after checking that each one (children too) quotes its half-open span and
    that its title lies inside its text."""
    tasks = list_tasks(text)
    for task in tasks + [c for t in tasks for c in t["children"]]:
        assert text[task["start"] : task["end"]] == task["text"]
        assert task["title"] in task["text"]
    return tasks


def task_titles(text: str) -> list[str]:
    return [task["title"] for task in read_tasks(text)]
