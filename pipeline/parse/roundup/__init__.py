"""Round-ups of provincial plans: one plan statement per province item, in either layout."""

from pipeline.parse.roundup.paragraphs import parse_paragraph_roundup
from pipeline.parse.roundup.plan import roundup_statements

__all__ = ["parse_paragraph_roundup", "roundup_statements"]
