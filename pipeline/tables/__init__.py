"""Core tables: pure functions from per-document results to the rows of each published table.

Input everywhere is a list of DocumentRecord (one per seed, in doc_id order); output is a list of
row dicts keyed by the columns declared in schemas/. Identifiers are derived from content (meeting,
ordinal, province, year, document), never from row positions in a table, so that adding an
unrelated document does not shift them.
"""
