"""Conference reports (and their commentaries and paraphrases) as plan statements."""

from pipeline.parse.conference.fallback import find_conference
from pipeline.parse.conference.plan import conference_statement, meeting_field, mention_statement

__all__ = ["conference_statement", "find_conference", "meeting_field", "mention_statement"]
