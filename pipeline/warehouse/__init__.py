"""The DuckDB warehouse: writing and reading the published tables typed and keyed by schemas/ (database), and
the table checks generated from schemas/ and run as SQL (checks)."""
