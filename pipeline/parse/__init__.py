"""Parsers by genre: each turns a cleaned text of its genre into plan statements (pipeline.parse.statements).

* conference/ — reports of health work conferences (national, provincial, municipal), their
  commentaries and paraphrases: meeting facts plus the plan's tasks;
* roundup/ — round-ups of provincial plans: one statement per province item;
* statements — the common shape of a plan statement and its task tree, plan ids and issuers.

Shared text utilities (cleaning, numbers, regions, dates, sentences) live in pipeline.text.
"""
