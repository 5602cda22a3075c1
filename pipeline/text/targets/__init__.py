"""Numeric targets in cleaned text: the extractor and its Target record (extract), the lexicon it reads from
pipeline/data/targets.toml (lexicon), number mentions (mentions), indicator phrases (phrases, indicator),
comparators (comparators), formulas such as 每千人口 (formulas), what is not a target (exclusions) and named
programmes with their count of parts (programmes)."""
