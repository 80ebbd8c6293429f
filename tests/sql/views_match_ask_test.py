#!/usr/bin/env python3
"""Every canned question gives the same answer from `seshdb ask` and from
its view in the stock sqlite3 shell.

usage: views_match_ask_test.py SESHDB_BINARY SOURCE_DIR
Builds a database from fixtures/ (three projects), then for each question
runs `seshdb ask NAME --format csv` and the same projection of the v_* view
through `sqlite3 -csv -header`, parses both as CSV and compares cell by cell.
"""
import csv
import io
import os
import subprocess
import sys
import tempfile

TODAY = "2026-01-15"

# question -> (ask arguments, SQL over the view that must give the same table)
CASES = {
    "timeline": ([], "SELECT session_id, local_date AS date, CASE WHEN local_start IS NULL THEN NULL ELSE local_start || coalesce('-' || local_end, '') || coalesce(' ' || timezone, '') END AS time, duration_minutes AS minutes, project, branch, focus, title FROM v_timeline ORDER BY local_date DESC, started_at DESC, session_id DESC"),
    "prs": ([], "SELECT number, repo, first_mention, last_mention, sessions, last_action, projects FROM v_prs ORDER BY last_mention DESC, number DESC"),
    "commits": ([], "SELECT sha, local_date AS date, project, branch, session_title, path || ':' || line AS location, context FROM v_commits ORDER BY local_date DESC, path, line"),
    "findings": ([], f"SELECT severity, status, title, CAST(julianday('{TODAY}') - julianday(local_date) AS INTEGER) AS age_days, local_date AS date, project, branch, path || ':' || line AS location FROM v_findings ORDER BY severity, local_date DESC, line"),
    "decisions": ([], "SELECT local_date AS date, project, branch, text AS decision, path || ':' || line AS location FROM v_decisions ORDER BY local_date DESC, line"),
    "next-steps": ([], "SELECT project, local_date AS date, text AS next_step, CASE WHEN done = 1 THEN 'done' WHEN completed_in IS NOT NULL THEN 'completed later' ELSE 'open' END AS status, completed_in, path || ':' || line AS location FROM v_next_steps WHERE (latest = 1 AND coalesce(done, 0) = 0) OR completed_in IS NOT NULL ORDER BY project, latest DESC, local_date DESC, line"),
    "blockers": (["--all"], "SELECT project, local_date AS date, text AS blocker, path || ':' || line AS location FROM v_blockers ORDER BY local_date DESC, line"),
    "time": (["--by", "month"], "SELECT month AS period, project AS grouped_by, round(sum(duration_minutes) / 60.0, 2) AS hours, count(*) AS sessions FROM v_time GROUP BY period, grouped_by ORDER BY period DESC, hours DESC"),
    "files": ([], "SELECT path, sessions, mentions, last_date, actions, projects FROM v_files ORDER BY sessions DESC, mentions DESC, path"),
    "stats": ([], "SELECT * FROM v_stats"),
}


def rows(text):
    return [[cell for cell in row] for row in csv.reader(io.StringIO(text))]


def normalise(table):
    # 41.8 and 41.80 are the same number; compare numbers as numbers.
    out = []
    for row in table:
        cells = []
        for cell in row:
            try:
                cells.append(repr(float(cell)) if cell.strip() != "" and not cell.isalpha() else cell)
            except ValueError:
                cells.append(cell)
        out.append(cells)
    return out


def main():
    seshdb, source = sys.argv[1], sys.argv[2]
    env = dict(os.environ, SESHDB_TODAY=TODAY)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "views.db")
        fixtures = os.path.join(source, "fixtures")
        for args in (["ingest", os.path.join(fixtures, "journal-sessions.md"), "--project", "inventory"],
                     ["ingest", os.path.join(fixtures, "tasks-and-tables.md"), "--project", "queue"],
                     ["ingest", fixtures, "--exclude", "README.md", "--exclude", "journal-sessions.md",
                      "--exclude", "tasks-and-tables.md", "--project", "misc"]):
            subprocess.run([seshdb, "--db", db] + args + ["-q"], check=True, env=env)
        passed = failed = 0
        for name, (extra, sql) in CASES.items():
            ask = subprocess.run([seshdb, "--db", db, "ask", name, "--format", "csv", "--limit", "100000"] + extra,
                                 capture_output=True, text=True, env=env)
            shell = subprocess.run(["sqlite3", "-csv", "-header", db, sql], capture_output=True, text=True)
            if shell.returncode != 0:
                print(f"FAIL {name}: sqlite3: {shell.stderr.strip()}")
                failed += 1
                continue
            a, b = normalise(rows(ask.stdout)), normalise(rows(shell.stdout))
            if a != b or len(a) < 2:
                print(f"FAIL {name}: seshdb ask and the view differ ({len(a) - 1} vs {len(b) - 1} rows)")
                for x, y in zip(a, b):
                    if x != y:
                        print(f"  ask:  {x}\n  view: {y}")
                        break
                failed += 1
            else:
                passed += 1
        print(f"{passed} passed, {failed} failed")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
