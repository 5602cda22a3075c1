"""Analysis tables over the tasks of every plan: themes, national→local alignment, year-over-year
continuity, plan terms, and the release figure.

Pure functions over plain inputs (AnalysisTask records built from the tasks and tokens tables); no
Dagster here. The taxonomy, stop-words, thresholds and tracked terms are data files
(pipeline/data/themes.toml, pipeline/data/analysis.toml).
"""
