"""Round-ups of provincial plans: one plan statement per province item."""

from pipeline.parse.roundup.plan import roundup_statements

__all__ = ["roundup_statements"]
