#!/usr/bin/env python3
"""Scores the parser on the probe logs and guards what it writes.

tests/probes/<set>/ holds logs written for this project by blind probes
(authors who never read the parser), each with a hand-checked truth
NAME.json in the corpus truth format (../shared/corpus/truth/README.md).

Two checks, both against files committed beside this script:

1. Scores (baseline.json): for each log, whether seshdb finds every true
   session, how many it gets right in every field (date, start, end, zone,
   duration, branch), how many extra sessions it reports, and whether its
   PR numbers, commit hashes and severity counts equal the truth. A file
   that does worse than its baseline on any of these fails the test; one
   that does better is reported, for --update to record.

2. Output pin (parser_output.pin): a digest of every row the parser makes
   ingest write (sessions, spans, fields, references, findings, metrics)
   for the probes, fixtures/ and tests/fuzz/parser_seeds, beside
   k_parser_version. Output that changes while the version stays the same
   fails: a database built by an older seshdb would keep stale rows, since
   ingest re-parses only on a new parser version.

usage: score_probes.py SESHDB_BINARY SOURCE_DIR [--update] [--verbose]
"""
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter

FIELDS = ["local_date", "start_time", "end_time", "timezone", "duration_minutes", "branch"]
HERE = os.path.dirname(os.path.abspath(__file__))


def lint(binary, paths):
    """`seshdb lint --json` of many files; one JSON object per file, by path."""
    out = subprocess.run([binary, "lint", "--json", *paths], capture_output=True, text=True, timeout=600)
    results = {}
    for line in out.stdout.splitlines():
        if line.strip():
            got = json.loads(line)
            results[os.path.abspath(got["path"])] = got
    return results


def score_file(truth, got):
    """The measures of one log against its truth, as compare.py of the probes defined them."""
    gs = {s["line"]: s for s in got.get("sessions", [])}
    ts = {s["heading_line"]: s for s in truth["sessions"]}
    found = right = 0
    problems = []
    for line, t in ts.items():
        g = gs.get(line)
        if not g:
            problems.append(f"missing session at line {line} ({t['local_date']})")
            continue
        found += 1
        bad = []
        for f in FIELDS:
            tv, gv = t.get(f), g.get(f)
            alts = t.get(f + "_alt", [])
            if f == "timezone" and t.get("timezone_file"):
                alts = alts + [t["timezone_file"]]
            if f == "timezone" and gv is None and tv == t.get("timezone_file") and g.get("tz_rule") == "file":
                continue
            if tv != gv and gv not in alts:
                bad.append(f"{f}: got {gv!r} want {tv!r}")
        if t.get("timezone_file") and g.get("start_time") and g.get("tz_rule") != "file":
            bad.append(f"file zone {t['timezone_file']!r} not applied")
        if t.get("date_year_inferred") and not g.get("date_year_inferred"):
            bad.append("date_year_inferred: got False want True")
        if bad:
            problems.append(f"line {line}: " + "; ".join(bad))
        else:
            right += 1
    extra = [line for line in gs if line not in ts]
    problems += [f"extra session at line {line}" for line in extra]
    tp, gp = set(truth.get("pr_numbers", [])), {p["number"] for p in got.get("prs", [])}
    tc, gc = set(truth.get("commit_hashes", [])), {c["sha"].lower() for c in got.get("commits", [])}
    tsv = {k: v for k, v in truth.get("severity_counts", {}).items() if v}
    gsv = dict(Counter(f["severity"] for f in got.get("findings", [])))
    if tp != gp:
        problems.append(f"PRs: missing {sorted(tp - gp)} extra {sorted(gp - tp)}")
    if tc != gc:
        problems.append(f"commits: missing {sorted(tc - gc)} extra {sorted(gc - tc)}")
    if tsv != gsv:
        problems.append(f"severities: got {dict(sorted(gsv.items()))} want {dict(sorted(tsv.items()))}")
    measures = {"sessions": len(ts), "found": found, "right": right, "extra": len(extra),
                "prs": tp == gp, "commits": tc == gc, "severities": tsv == gsv}
    return measures, problems


def worse(now, before):
    """The measures on which `now` does worse than `before`."""
    out = [k for k in ("found", "right") if now[k] < before[k]]
    out += ["extra"] if now["extra"] > before["extra"] else []
    out += [k for k in ("prs", "commits", "severities") if before[k] and not now[k]]
    return out


def digests(binary, source_dir):
    """sha256 of the logs ingest reads from the probes, fixtures and parser seeds,
    and of every row it writes for them, ids replaced by what they stand for
    (a source's path, a session's ordinal)."""
    probes = os.path.join(source_dir, "tests/probes")
    inputs = [os.path.join(probes, d) for d in sorted(os.listdir(probes)) if os.path.isdir(os.path.join(probes, d))]
    inputs += [os.path.join(source_dir, p) for p in ("fixtures", "tests/fuzz/parser_seeds")]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "pin.db")
        run = subprocess.run([binary, "--db", db, "ingest", "--quiet", "--project", "pin", *inputs],
                             capture_output=True, text=True, timeout=600)
        if run.returncode not in (0, 1):
            sys.exit(f"FAIL: ingest for the output pin exited {run.returncode}: {run.stderr.strip()[:400]}")
        con = sqlite3.connect(db)
        paths = {i: os.path.relpath(p, source_dir) for i, p in con.execute("SELECT id, path FROM sources")}
        inputs_digest = hashlib.sha256()
        for path in sorted(paths.values()):
            inputs_digest.update(path.encode() + b"\0" + open(os.path.join(source_dir, path), "rb").read() + b"\0")
        ordinals = {i: (paths[s], o) for i, s, o in con.execute("SELECT id, source_id, ordinal FROM sessions")}
        digest = hashlib.sha256()
        for (path, count, warnings, outside) in sorted(
                (paths[i], c, w, o) for i, c, w, o in
                con.execute("SELECT id, session_count, warning_count, outside_text FROM sources")):
            digest.update(repr((path, count, warnings, outside)).encode())
        for table in ("sessions", "section_spans", "item_spans", "fields", "commit_refs", "pr_refs", "issues",
                      "file_refs", "metrics"):
            columns = [c[1] for c in con.execute(f"PRAGMA table_info({table})")]
            rows = []
            for row in con.execute(f"SELECT * FROM {table}"):
                named = dict(zip(columns, row))
                kept = []
                for column in columns:
                    value = named[column]
                    if column == "source_id":
                        value = paths[value]
                    elif column == "session_id":
                        value = ordinals.get(value)
                    elif column == "id" or column.endswith("_id"):
                        continue  # row ids follow the order rows are written in, not what they say
                    kept.append(value)
                rows.append(repr(kept))
            digest.update(table.encode())
            for row in sorted(rows):
                digest.update(row.encode())
        con.close()
    return inputs_digest.hexdigest(), digest.hexdigest()


def parser_version(source_dir):
    text = open(os.path.join(source_dir, "src/seshdb/version.hpp"), encoding="utf-8").read()
    return int(re.search(r"k_parser_version\s*=\s*(\d+)", text).group(1))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    update, verbose = "--update" in sys.argv, "--verbose" in sys.argv
    if len(args) != 2:
        sys.exit(__doc__)
    binary, source_dir = os.path.abspath(args[0]), os.path.abspath(args[1])
    baseline_path = os.path.join(HERE, "baseline.json")
    pin_path = os.path.join(HERE, "parser_output.pin")
    baseline = json.load(open(baseline_path)) if os.path.exists(baseline_path) else {}

    sets = sorted(d for d in os.listdir(HERE) if os.path.isdir(os.path.join(HERE, d)))
    scores, failures, better = {}, [], []
    print(f"{'probe set':34} {'files':>5} {'sessions':>8} {'found':>5} {'right':>5} {'extra':>5}  PRs commits severities")
    for name in sets:
        folder = os.path.join(HERE, name)
        logs = sorted(os.path.join(folder, f[:-5]) for f in os.listdir(folder) if f.endswith(".json"))
        results = lint(binary, logs)
        totals = Counter()
        for log in logs:
            key = f"{name}/{os.path.basename(log)}"
            truth = json.load(open(log + ".json", encoding="utf-8"))
            got = results.get(os.path.abspath(log))
            if got is None:
                failures.append(f"{key}: lint printed nothing for it")
                continue
            measures, problems = score_file(truth, got)
            scores[key] = measures
            totals.update({k: int(v) for k, v in measures.items()})
            if key in baseline:
                lost = worse(measures, baseline[key])
                if lost:
                    failures.append(f"{key}: worse on {', '.join(lost)} (was {baseline[key]}, now {measures})")
                    failures += [f"    {p}" for p in problems]
                elif measures != baseline[key]:
                    better.append(key)
            else:
                better.append(key)
            if verbose and problems:
                print(f"  {key}:\n" + "\n".join(f"      {p}" for p in problems))
        print(f"{name:34} {len(logs):5} {totals['sessions']:8} {totals['found']:5} {totals['right']:5} {totals['extra']:5}"
              f"  {totals['prs']:3} {totals['commits']:7} {totals['severities']:10}")
    all_totals = Counter()
    for m in scores.values():
        all_totals.update({k: int(v) for k, v in m.items()})
    print(f"{'TOTAL':34} {len(scores):5} {all_totals['sessions']:8} {all_totals['found']:5} {all_totals['right']:5}"
          f" {all_totals['extra']:5}  {all_totals['prs']:3} {all_totals['commits']:7} {all_totals['severities']:10}")

    # The pin: "VERSION INPUTS OUTPUT". Output may change under the same
    # version only where the inputs changed too (a probe log added or fixed).
    version = parser_version(source_dir)
    inputs, output = digests(binary, source_dir)
    pinned = open(pin_path).read().split() if os.path.exists(pin_path) else ["0", "", ""]
    stale_output = pinned[0] == str(version) and pinned[1] == inputs and pinned[2] != output
    if update:
        if stale_output:
            sys.exit(f"FAIL: the parser's output changed but k_parser_version is still {version}: "
                     "bump it in src/seshdb/version.hpp first, so ingest re-parses older databases")
        json.dump(scores, open(baseline_path, "w"), indent=1, sort_keys=True)
        open(pin_path, "w").write(f"{version} {inputs} {output}\n")
        print(f"updated {os.path.relpath(baseline_path)} and {os.path.relpath(pin_path)} (parser version {version})")
        return 0
    if stale_output:
        failures.append(f"the parser's output changed but k_parser_version is still {version}: bump it in "
                        "src/seshdb/version.hpp, then run this script with --update")
    elif [str(version), inputs, output] != pinned:
        failures.append(f"{os.path.relpath(pin_path)} is stale (pinned for parser version {pinned[0]}; a new version "
                        "or changed inputs): run this script with --update")
    if better:
        print(f"{len(better)} file(s) do better than the baseline (run with --update to record): "
              + ", ".join(better[:8]) + (" …" if len(better) > 8 else ""))
    if failures:
        print("FAIL:\n" + "\n".join(failures))
        return 1
    print(f"ok: no probe file does worse than its baseline; output pinned at parser version {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
