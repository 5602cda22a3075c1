-- Open this release in DuckDB:  cd <release folder> && duckdb -init open.sql
-- (or, in any DuckDB session started in the release folder: .read open.sql)
CREATE OR REPLACE VIEW documents AS SELECT * FROM read_parquet('data/documents.parquet');
CREATE OR REPLACE VIEW sentences AS SELECT * FROM read_parquet('data/sentences.parquet');
CREATE OR REPLACE VIEW tokens AS SELECT * FROM read_parquet('data/tokens.parquet');
CREATE OR REPLACE VIEW regions AS SELECT * FROM read_parquet('data/regions.parquet');
CREATE OR REPLACE VIEW provinces AS SELECT * FROM read_parquet('data/provinces.parquet');
CREATE OR REPLACE VIEW plans AS SELECT * FROM read_parquet('data/plans.parquet');
CREATE OR REPLACE VIEW plan_sources AS SELECT * FROM read_parquet('data/plan_sources.parquet');
CREATE OR REPLACE VIEW tasks AS SELECT * FROM read_parquet('data/tasks.parquet');
CREATE OR REPLACE VIEW task_sources AS SELECT * FROM read_parquet('data/task_sources.parquet');
CREATE OR REPLACE VIEW commentary AS SELECT * FROM read_parquet('data/commentary.parquet');
CREATE OR REPLACE VIEW meetings AS SELECT * FROM read_parquet('data/meetings.parquet');
CREATE OR REPLACE VIEW meeting_sources AS SELECT * FROM read_parquet('data/meeting_sources.parquet');
CREATE OR REPLACE VIEW meeting_officials AS SELECT * FROM read_parquet('data/meeting_officials.parquet');
CREATE OR REPLACE VIEW meeting_sections AS SELECT * FROM read_parquet('data/meeting_sections.parquet');
CREATE OR REPLACE VIEW targets AS SELECT * FROM read_parquet('data/targets.parquet');
