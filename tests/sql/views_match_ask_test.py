#!/usr/bin/env python3
"""Every canned question gives the same answer from `seshdb ask` and from
its view in the stock sqlite3 shell.

usage: views_match_ask_test.py SESHDB_BINARY SOURCE_DIR
Builds a database from fixtures/ (three projects), then for each question
runs `seshdb ask NAME --format csv` and the same projection of the v_* view
through `sqlite3 -csv -header`, parses both as CSV and compares cell by cell.
Then, for three seeds, generates logs whose later sessions fix findings and
finish next steps in every way the rules must handle, and compares `ask
findings` and `ask next-steps` (which compute those links without the views'
pairwise comparison) with v_findings and v_next_steps.
"""
import csv
import io
import os
import random
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
    "metrics": (["tests*"], "SELECT local_date AS date, project, name, value, unit, session_title AS session, path || ':' || line AS location FROM v_metrics WHERE name LIKE 'tests%' ORDER BY local_date IS NULL, local_date DESC, metric_id DESC"),
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


NEXT_STEPS_VIEW = ("SELECT project, local_date AS date, text AS next_step, CASE WHEN done = 1 THEN 'done' "
                   "WHEN completed_in IS NOT NULL THEN 'completed later' ELSE 'open' END AS status, completed_in, "
                   "path || ':' || line AS location FROM v_next_steps {where} "
                   "ORDER BY project, latest DESC, local_date DESC, line")


def write_completion_logs(folder, seed):
    """Logs whose later sessions finish earlier next steps in every way the
    rule must handle: other case, the step inside a longer item, its first
    and last words cut, CJK without spaces, steps under 8 characters, several
    sessions on one day, a step finished the same day (not later), and a
    project that never finishes anything."""
    rng = random.Random(seed)
    words = ["parser", "cache", "retry", "index", "schema", "worker", "queue", "token", "import", "export",
             "the", "a", "of", "to", "for", "fix", "add", "move", "split", "test"]
    cjk = ["修复", "解析器", "缓存", "的", "问题", "测试", "索引", "迁移"]

    def phrase():
        if rng.random() < 0.15:
            return "".join(rng.choice(cjk) for _ in range(rng.randint(2, 6)))
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
        return text if rng.random() < 0.8 else text.replace(" ", rng.choice(["-", "_", "/", ". "]), 1)

    for project in ("alpha", "beta", "gamma"):
        steps = []
        findings = []
        lines = [f"# {project} log", ""]
        for day in range(1, 29):
            for sitting in range(rng.randint(1, 2)):
                lines += [f"## 2025-03-{day:02d} Sitting {sitting + 1}", "", "### Work Completed", ""]
                for _ in range(rng.randint(1, 5)):
                    if steps and project != "gamma" and rng.random() < 0.5:
                        step = rng.choice(steps)
                        cut = step[rng.randint(0, 2):len(step) - rng.randint(0, 2)] if len(step) > 6 else step
                        item = rng.choice([step, step.upper(), "Done: " + step, cut, "really " + cut + " now"])
                    else:
                        item = phrase()
                    lines.append(f"- {item}")
                lines += ["", "### Review Findings", ""]
                for _ in range(rng.randint(0, 3)):
                    title = phrase() if not findings or rng.random() < 0.6 else rng.choice(findings)
                    findings.append(title)
                    lines.append(f"- P{rng.randint(1, 3)}: {title}")
                if findings and rng.random() < 0.5:
                    # A later (or the same) sitting fixes one, or only mentions it.
                    title = rng.choice(findings)
                    lines += ["", "### Work Completed", "",
                              rng.choice([f"- Fixed {title}", f"- [x] {title.upper()}", f"- resolved: {title[1:-1]}",
                                          f"- looked at {title} again", f"- ✅ {title}"])]
                lines += ["", "### Next Steps", ""]
                for _ in range(rng.randint(1, 4)):
                    step = phrase()
                    steps.append(step)
                    lines.append(f"- [{'x' if rng.random() < 0.1 else ' '}] {step}")
                lines.append("")
        # A folder per project: the project of a log is its folder's name.
        os.makedirs(os.path.join(folder, project))
        with open(os.path.join(folder, project, "SESSION_LOG.md"), "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")


def ask_and_view(seshdb, env, db, question, extra, sql):
    """The same question from `seshdb ask` and from its view, as parsed CSV."""
    ask = subprocess.run([seshdb, "--db", db, "ask", question, "--format", "csv"] + extra,
                         capture_output=True, text=True, env=env)
    shell = subprocess.run(["sqlite3", "-csv", "-header", db, sql], capture_output=True, text=True)
    if shell.returncode != 0:
        print(f"  sqlite3: {shell.stderr.strip()}")
    return normalise(rows(ask.stdout)), normalise(rows(shell.stdout))


def report_difference(label, a, b, detail):
    print(f"FAIL {label}: {len(a) - 1} vs {len(b) - 1} rows, {detail}")
    for x, y in zip(a, b):
        if x != y:
            print(f"  ask:  {x}\n  view: {y}")
            break


def compare_linked_questions(seshdb, env, tmp, seed):
    """seshdb ask findings and next-steps (which link rows to later items
    without the views) against v_findings and v_next_steps in sqlite3, on
    logs made to exercise both rules."""
    folder = os.path.join(tmp, f"completions-{seed}")
    os.makedirs(folder)
    write_completion_logs(folder, seed)
    db = os.path.join(tmp, f"completions-{seed}.db")
    subprocess.run([seshdb, "--db", db, "ingest", folder, "-q"], check=True, env=env)
    failed = 0
    findings_view = CASES["findings"][1].replace("ORDER BY", "{where} ORDER BY") + ", finding_id {limit}"
    # (ask arguments, WHERE of the view, LIMIT of the view, fewest 'fixed' rows the case must show)
    for extra, where, limit, at_least in (
            (["--limit", "100000"], "", "", 5),
            (["--open", "--limit", "100000"], "WHERE status = 'open'", "", 0),
            (["--project", "gamma", "--severity", "P2", "--limit", "7"],
             "WHERE project = 'gamma' AND severity = 'P2'", "LIMIT 7", 0)):
        a, b = ask_and_view(seshdb, env, db, "findings", extra, findings_view.format(where=where, limit=limit))
        fixed = sum(1 for row in b[1:] if row[1] == "fixed")
        if a != b or len(b) < 5 or fixed < at_least:
            report_difference(f"findings {extra} on generated logs (seed {seed})", a, b, f"{fixed} fixed")
            failed += 1
    # (ask arguments, WHERE of the view, fewest 'completed later' rows the case must show)
    for extra, where, at_least in (
            (["--all"], "", 10),
            ([], "WHERE (latest = 1 AND coalesce(done, 0) = 0) OR completed_in IS NOT NULL", 10),
            (["--project", "beta", "--since", "2025-03-10"],
             "WHERE project = 'beta' AND local_date >= '2025-03-10' "
             "AND ((latest = 1 AND coalesce(done, 0) = 0) OR completed_in IS NOT NULL)", 3)):
        a, b = ask_and_view(seshdb, env, db, "next-steps", extra + ["--limit", "100000"],
                            NEXT_STEPS_VIEW.format(where=where))
        completed = sum(1 for row in b[1:] if row[3] == "completed later")
        if a != b or completed < at_least:
            report_difference(f"next-steps {extra} on generated logs (seed {seed})", a, b,
                              f"{completed} completed later")
            failed += 1
    return failed


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
            a, b = ask_and_view(seshdb, env, db, name, ["--limit", "100000"] + extra, sql)
            if a != b or len(a) < 2:
                report_difference(f"{name}: seshdb ask and the view differ", a, b, "on fixtures")
                failed += 1
            else:
                passed += 1
        for seed in (1, 2, 3):
            if compare_linked_questions(seshdb, env, tmp, seed):
                failed += 1
            else:
                passed += 1
        print(f"{passed} passed, {failed} failed")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
