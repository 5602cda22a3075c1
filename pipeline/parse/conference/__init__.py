"""Conference reports (and their commentaries and paraphrases) as plan statements."""

from pipeline.parse.conference.plan import conference_statement, meeting_field

__all__ = ["conference_statement", "meeting_field"]
