"""The CLI's throwaway Dagster instance (pipeline.defs.instance.throwaway_instance): its in-memory storages start
as copies of empty ones, with the same tables and alembic stamp as Dagster's own, and each instance is its own."""

from __future__ import annotations

import threading

import dagster as dg
from dagster._core.storage.event_log import InMemoryEventLogStorage
from dagster._core.storage.runs import InMemoryRunStorage

from pipeline.defs.instance import throwaway_instance


def _dump(storage: object) -> list[str]:
    return list(storage._held_conn.connection.driver_connection.iterdump())


def test_the_storages_hold_the_tables_and_alembic_stamp_of_dagsters_own_in_memory_storages():
    instance = throwaway_instance()
    assert _dump(instance.run_storage) == _dump(InMemoryRunStorage())
    assert _dump(instance.event_log_storage) == _dump(InMemoryEventLogStorage())
    assert any(line.startswith('INSERT INTO "alembic_version"') for line in _dump(instance.run_storage))


def test_each_instance_keeps_its_own_runs_and_events_in_any_thread():
    @dg.op
    def one() -> int:
        return 1

    @dg.job
    def counted() -> None:
        one()

    first, second = throwaway_instance(), throwaway_instance()
    result = counted.execute_in_process(instance=first)
    assert result.success and len(first.get_runs()) == 1
    assert second.get_runs() == [] and second.all_logs(result.run_id) == []
    seen: list[tuple[int, bool]] = []

    def in_a_thread() -> None:  # another thread copies an empty storage of its own
        instance, dagsters = throwaway_instance(), InMemoryRunStorage()
        seen.append((len(instance.get_runs()), _dump(instance.run_storage) == _dump(dagsters)))
        instance.dispose()  # closed in the thread that opened them
        dagsters.dispose()

    thread = threading.Thread(target=in_a_thread)
    thread.start()
    thread.join()
    assert seen == [(0, True)]
