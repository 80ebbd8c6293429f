-- The canned questions of `seshdb ask` (src/seshdb/query/questions.cpp).
-- Each reads the v_* views of migrations/0002; filters are optional bound
-- parameters (NULL = not filtered): :project, :branch, :since, :until, :limit.

-- name: timeline
SELECT session_id, local_date AS date,
       CASE WHEN local_start IS NULL THEN NULL
            ELSE local_start || coalesce('-' || local_end, '') || coalesce(' ' || timezone, '') END AS time,
       duration_minutes AS minutes, project, branch, focus, title
FROM v_timeline
WHERE (:project IS NULL OR project LIKE :project ESCAPE '\')
  AND (:branch IS NULL OR branch LIKE :branch ESCAPE '\')
  AND (:since IS NULL OR local_date >= :since)
  AND (:until IS NULL OR local_date <= :until)
ORDER BY local_date DESC, started_at DESC, session_id DESC
LIMIT :limit;

-- name: show_session
SELECT session_id, local_date AS date, local_start AS start, local_end AS end, timezone, started_at, ended_at,
       duration_minutes AS minutes, project, branch, focus, title, path, line_start AS line
FROM v_timeline WHERE session_id = :id;

-- name: find_session_by_date
SELECT session_id FROM v_timeline
WHERE local_date = :date AND (:project IS NULL OR project LIKE :project ESCAPE '\')
ORDER BY started_at DESC, session_id DESC LIMIT 1;

-- name: find_latest_session
SELECT session_id FROM v_timeline
WHERE local_date IS NOT NULL AND (:project IS NULL OR project LIKE :project ESCAPE '\')
  AND (:branch IS NULL OR branch LIKE :branch ESCAPE '\')
ORDER BY local_date DESC, started_at DESC, session_id DESC LIMIT 1;

-- name: show_items
SELECT coalesce(sp.title, '(head)') AS section, sp.kind, it.text,
       CASE it.done WHEN 1 THEN 'done' WHEN 0 THEN 'open' END AS done, it.depth, it.line
FROM items it LEFT JOIN section_spans sp ON sp.id = it.section_id
WHERE it.session_id = :id ORDER BY it.line;

-- name: show_refs
SELECT 'commit' AS kind, sha AS ref, line, context AS text FROM commit_refs WHERE session_id = :id
UNION ALL
SELECT 'pr', '#' || number || coalesce(' ' || repo, ''), line, coalesce(action, '') FROM pr_refs WHERE session_id = :id
UNION ALL
SELECT 'finding', severity, line, title FROM issues WHERE session_id = :id
UNION ALL
SELECT 'file', path, line, coalesce(action, '') FROM file_refs WHERE session_id = :id
ORDER BY line;

-- name: standup
SELECT project, local_date AS date, kind, text, CASE done WHEN 1 THEN 'done' WHEN 0 THEN 'open' END AS done,
       path || ':' || line AS location
FROM v_section_items
WHERE kind IN ('work_completed', 'decisions', 'next_steps', 'blockers') AND depth = 0
  AND local_date >= :since AND (:until IS NULL OR local_date <= :until)
  AND (:project IS NULL OR project LIKE :project ESCAPE '\')
  AND (:branch IS NULL OR branch LIKE :branch ESCAPE '\')
ORDER BY project, local_date DESC,
         CASE kind WHEN 'work_completed' THEN 1 WHEN 'decisions' THEN 2 WHEN 'next_steps' THEN 3 ELSE 4 END, line
LIMIT :limit;

-- name: prs
SELECT number, repo, first_mention, last_mention, sessions, last_action, projects
FROM v_prs
WHERE (:project IS NULL OR EXISTS (SELECT 1 FROM pr_refs p JOIN sources s ON s.id = p.source_id
                                   WHERE p.number = v_prs.number AND s.project LIKE :project ESCAPE '\'))
  AND (:since IS NULL OR last_mention >= :since)
  AND (:until IS NULL OR first_mention <= :until)
ORDER BY last_mention DESC, number DESC
LIMIT :limit;

-- name: commits
SELECT sha, local_date AS date, project, branch, session_title, path || ':' || line AS location, context
FROM v_commits
WHERE (:project IS NULL OR project LIKE :project ESCAPE '\')
  AND (:branch IS NULL OR branch LIKE :branch ESCAPE '\')
  AND (:since IS NULL OR local_date >= :since)
  AND (:until IS NULL OR local_date <= :until)
ORDER BY local_date DESC, path, line
LIMIT :limit;

-- :ref is a lowercase hex prefix, like every stored sha, so the hashes that
-- start with it are exactly those from :ref up to :ref || 'g': a range the
-- commit_refs_sha index answers (LIKE :ref || '%' scanned every reference:
-- 3.6 s on the 1 GB bench database).
-- name: blame_commit
SELECT DISTINCT t.session_id, t.local_date AS date, t.project, t.branch, t.title, c.sha AS matched,
       t.path || ':' || c.line AS location
FROM commit_refs c JOIN v_timeline t ON t.session_id = c.session_id
WHERE c.sha >= :ref AND c.sha < :ref || 'g'
ORDER BY t.local_date DESC LIMIT :limit;

-- name: blame_pr
SELECT DISTINCT t.session_id, t.local_date AS date, t.project, t.branch, t.title,
       '#' || p.number || coalesce(' ' || p.action, '') AS matched, t.path || ':' || p.line AS location
FROM pr_refs p JOIN v_timeline t ON t.session_id = p.session_id
WHERE p.number = :number
ORDER BY t.local_date DESC LIMIT :limit;

-- name: blame_file
SELECT DISTINCT t.session_id, t.local_date AS date, t.project, t.branch, t.title,
       f.path || coalesce(' (' || f.action || ')', '') AS matched, t.path || ':' || f.line AS location
FROM file_refs f JOIN v_timeline t ON t.session_id = f.session_id
WHERE instr(f.path, :ref) > 0
ORDER BY t.local_date DESC LIMIT :limit;

-- name: blame_branch
SELECT t.session_id, t.local_date AS date, t.project, t.branch, t.title, t.branch AS matched,
       t.path || ':' || t.line_start AS location
FROM v_timeline t
WHERE t.branch = :ref
ORDER BY t.local_date DESC LIMIT :limit;

-- Age is counted to :today (the caller's date), not the view's 'now', so the
-- answer is reproducible "as of" a date. A finding's status (fixed by another
-- session or open) is not read from v_findings, whose rule compares the title
-- with every item of the project: query/step_completion.cpp computes the same
-- rule for the rows shown, from each project's fix_candidates (first 50 on the
-- 10 MiB bench corpus: 17.4 s through the view, 0.16 s; docs/benchmarks.md).
-- name: findings
SELECT severity, title, CAST(julianday(:today) - julianday(local_date) AS INTEGER) AS age_days,
       local_date AS date, project, branch, path || ':' || line AS location, session_id
FROM v_findings
WHERE (:severity IS NULL OR severity = :severity)
  AND (:project IS NULL OR project LIKE :project ESCAPE '\')
  AND (:branch IS NULL OR branch LIKE :branch ESCAPE '\')
  AND (:since IS NULL OR local_date >= :since)
  AND (:until IS NULL OR local_date <= :until)
ORDER BY severity, local_date DESC, line, finding_id;

-- The items of a project that can fix a finding (done, or saying fixed or
-- resolved), in date order ('' for undated ones, as v_findings compares them).
-- name: fix_candidates
SELECT local_date, session_id, text FROM (
  SELECT coalesce(s.local_date, '') AS local_date, it.session_id, it.id, it.done,
         coalesce(it.text, CAST(substr(CAST(s.body AS BLOB), it.body_offset + 1, it.body_bytes) AS TEXT)) AS text
  FROM item_spans it
  JOIN sessions s ON s.id = it.session_id
  JOIN sources src ON src.id = s.source_id
  WHERE src.project = :project_name)
WHERE done = 1 OR text LIKE '%fixed%' OR text LIKE '%resolved%'
ORDER BY local_date, id;

-- name: decisions
SELECT local_date AS date, project, branch, text AS decision, path || ':' || line AS location
FROM v_decisions
WHERE (:project IS NULL OR project LIKE :project ESCAPE '\')
  AND (:branch IS NULL OR branch LIKE :branch ESCAPE '\')
  AND (:since IS NULL OR local_date >= :since)
  AND (:until IS NULL OR local_date <= :until)
ORDER BY local_date DESC, line
LIMIT :limit;

-- next-steps: the steps in order, then (query/step_completion.cpp) which
-- later session completed each one, by the rule of v_next_steps.completed_in,
-- reading each project's work items once; the caller applies the filter that
-- needs it and the limit. A step is completed by any later work in its
-- project, whatever the other filters.
-- name: next_steps
SELECT project, local_date AS date, text AS next_step, done, latest, path || ':' || line AS location
FROM v_next_steps
WHERE (:project IS NULL OR project LIKE :project ESCAPE '\')
  AND (:branch IS NULL OR branch LIKE :branch ESCAPE '\')
  AND (:since IS NULL OR local_date >= :since)
  AND (:until IS NULL OR local_date <= :until)
ORDER BY project, latest DESC, local_date DESC, line;

-- name: work_completed_items
SELECT local_date, session_id, text
FROM v_section_items
WHERE kind = 'work_completed' AND local_date IS NOT NULL AND project = :project_name
ORDER BY local_date, item_id;

-- name: blockers
SELECT project, local_date AS date, text AS blocker, path || ':' || line AS location
FROM v_blockers
WHERE (:all = 1 OR standing = 1)
  AND (:project IS NULL OR project LIKE :project ESCAPE '\')
  AND (:branch IS NULL OR branch LIKE :branch ESCAPE '\')
  AND (:since IS NULL OR local_date >= :since)
  AND (:until IS NULL OR local_date <= :until)
ORDER BY local_date DESC, line
LIMIT :limit;

-- name: time
SELECT CASE :by WHEN 'week' THEN week WHEN 'month' THEN month ELSE local_date END AS period,
       CASE :group WHEN 'branch' THEN coalesce(branch, '(none)') ELSE project END AS grouped_by,
       round(sum(duration_minutes) / 60.0, 2) AS hours, count(*) AS sessions
FROM v_time
WHERE (:project IS NULL OR project LIKE :project ESCAPE '\')
  AND (:branch IS NULL OR branch LIKE :branch ESCAPE '\')
  AND (:since IS NULL OR local_date >= :since)
  AND (:until IS NULL OR local_date <= :until)
GROUP BY period, grouped_by
ORDER BY period DESC, hours DESC
LIMIT :limit;

-- name: metrics
-- Each metric name: how often it was read, over which dates, and its latest value.
SELECT name, group_concat(DISTINCT unit) AS units, count(*) AS readings, count(DISTINCT session_id) AS sessions,
       min(local_date) AS first_date, max(local_date) AS last_date,
       (SELECT l.value FROM v_metrics l
         WHERE l.name = g.name AND (:project IS NULL OR l.project LIKE :project ESCAPE '\')
           AND (:branch IS NULL OR l.branch LIKE :branch ESCAPE '\')
           AND (:since IS NULL OR l.local_date >= :since)
           AND (:until IS NULL OR l.local_date <= :until)
         ORDER BY l.local_date IS NULL, l.local_date DESC, l.metric_id DESC LIMIT 1) AS latest
FROM v_metrics g
WHERE (:project IS NULL OR project LIKE :project ESCAPE '\')
  AND (:branch IS NULL OR branch LIKE :branch ESCAPE '\')
  AND (:since IS NULL OR local_date >= :since)
  AND (:until IS NULL OR local_date <= :until)
GROUP BY name
ORDER BY readings DESC, name
LIMIT :limit;

-- name: metric_readings
-- One metric's readings (a LIKE pattern), newest first: its trend.
SELECT local_date AS date, project, name, value, unit, session_title AS session, path || ':' || line AS location
FROM v_metrics
WHERE name LIKE :metric ESCAPE '\'
  AND (:project IS NULL OR project LIKE :project ESCAPE '\')
  AND (:branch IS NULL OR branch LIKE :branch ESCAPE '\')
  AND (:since IS NULL OR local_date >= :since)
  AND (:until IS NULL OR local_date <= :until)
ORDER BY local_date IS NULL, local_date DESC, metric_id DESC
LIMIT :limit;

-- name: files
SELECT path, sessions, mentions, last_date, actions, projects
FROM v_files
WHERE (:project IS NULL OR instr(projects, :project) > 0)
  AND (:since IS NULL OR last_date >= :since)
ORDER BY sessions DESC, mentions DESC, path
LIMIT :limit;

-- name: stats
SELECT * FROM v_stats;
