-- Views of the SQLite copy of a release (pipeline/package/sqlite.py), for browsing; one statement per
-- paragraph. The tables themselves are exactly the release's tables.

CREATE VIEW task_list AS -- every task with its plan's level, region, issuer and work year and its themes (a JSON array); search_rowid is the task's rowid (tasks_fts.rowid)
SELECT t.rowid AS search_rowid, t.task_id, t.plan_id, p.level, coalesce(nullif(r.short_name, ''), r.name) AS region,
       p.issuer, p.work_year,
       (SELECT json_group_array(theme) FROM (SELECT tt.theme FROM task_themes tt WHERE tt.task_id = t.task_id ORDER BY tt.theme)) AS themes,
       t.depth, t.marker, t.title, t.text, t.n_children
FROM tasks t JOIN plans p ON p.plan_id = t.plan_id LEFT JOIN regions r ON r.code = p.region_code;

CREATE VIEW plan_list AS -- every plan with its region's name and its counts of tasks and targets
SELECT p.plan_id, p.level, coalesce(nullif(r.short_name, ''), r.name) AS region, p.issuer, p.work_year, p.title,
       p.n_tasks, p.n_leaf_tasks, (SELECT count(*) FROM targets tg WHERE tg.plan_id = p.plan_id) AS n_targets,
       p.n_sources, p.primary_doc_id
FROM plans p LEFT JOIN regions r ON r.code = p.region_code;
