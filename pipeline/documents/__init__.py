"""Per-document work, from a seed file to its extraction payload: the seeds folder and its manifest (seeds),
the stages raw → clean → segment → extract (stages) with their on-disk results (store), the extraction
entry point (extract) and the progress the per-document steps report (progress)."""
