"""`python -m pipeline build|publish|validate|instance|open`: the commands (main), which Dagster runs a build
makes (runs), what a run shows while it goes (progress), whether the build folder is current (fingerprint) and
opening a release in DuckDB (opening)."""
