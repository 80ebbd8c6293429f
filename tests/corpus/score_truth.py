#!/usr/bin/env python3
"""Scores the parser against the hand-checked truth in ../shared/corpus/truth.

For every truth file, runs `seshdb lint --json` on its log and compares:
sessions (matched by heading line), local dates, UTC start times, commit
hashes and PR numbers. Prints a table and fails when any score is below the
thresholds the parser issue sets. Skips (exit 0, with a clear message) when
../shared is absent.

usage: score_truth.py SESHDB_BINARY SHARED_DIR [--verbose]
"""
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone

THRESHOLDS = {
    "session_f1": 0.95,
    "date_acc": 0.95,
    "start_acc": 0.90,
    "commit_p": 0.95,
    "commit_r": 0.90,
    "pr_p": 0.95,
    "pr_r": 0.90,
}

# Fixed offsets of the zones the truth files use; the truth gives local time
# and zone as written, the parser gives UTC.
ZONES = {"UTC": 0, "Z": 0, "GMT": 0, "PST": -480, "PDT": -420, "MST": -420, "MDT": -360, "CST": -360,
         "CDT": -300, "EST": -300, "EDT": -240, "CET": 60, "CEST": 120}


def truth_utc_start(session):
    if not session.get("local_date") or not session.get("start_time"):
        return None
    zone = session.get("timezone")
    if zone is None:
        return "unknown-zone"
    if zone in ZONES:
        offset = ZONES[zone]
    elif zone[0] in "+-":
        sign = -1 if zone[0] == "-" else 1
        hh, mm = zone[1:].replace(":", "")[:2], zone[1:].replace(":", "")[2:4] or "0"
        offset = sign * (int(hh) * 60 + int(mm))
    else:
        return "unknown-zone"
    local = datetime.strptime(session["local_date"] + " " + session["start_time"], "%Y-%m-%d %H:%M")
    utc = local - timedelta(minutes=offset)
    return utc.replace(tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:00Z")


def ratio(hit, total):
    return 1.0 if total == 0 else hit / total


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    binary, shared = sys.argv[1], sys.argv[2]
    verbose = "--verbose" in sys.argv
    truth_dir = os.path.join(shared, "corpus", "truth")
    if not os.path.isdir(truth_dir):
        print(f"SKIP: {truth_dir} not found; the corpus truth test needs ../shared beside the checkout")
        return 0
    totals = {k: [0, 0] for k in ("sess_tp", "sess_truth", "sess_found", "date", "start", "commit", "pr")}
    totals = {"sess_tp": 0, "sess_truth": 0, "sess_found": 0, "date_ok": 0, "date_n": 0, "start_ok": 0,
              "start_n": 0, "commit_tp": 0, "commit_found": 0, "commit_truth": 0, "pr_tp": 0, "pr_found": 0,
              "pr_truth": 0}
    print(f"{'file':60} {'sess':>9} {'date':>6} {'start':>6} {'commits(p/r)':>14} {'prs(p/r)':>12}")
    for name in sorted(os.listdir(truth_dir)):
        if not name.endswith(".json"):
            continue
        truth = json.load(open(os.path.join(truth_dir, name), encoding="utf-8"))
        log_path = os.path.join(shared, "corpus", truth["file"])
        out = subprocess.run([binary, "lint", "--json", log_path], capture_output=True, text=True, check=True).stdout
        got = json.loads(out)
        found = {s["line"]: s for s in got["sessions"]}
        partial = truth.get("sessions_partial", False)
        truth_sessions = truth["sessions"]
        tp = [s for s in truth_sessions if s["heading_line"] in found]
        totals["sess_tp"] += len(tp)
        totals["sess_truth"] += truth["session_count"] if not partial else len(truth_sessions)
        totals["sess_found"] += len(got["sessions"]) if not partial else len(got["sessions"]) * len(truth_sessions) / max(1, truth["session_count"])
        date_ok = start_ok = start_n = 0
        for s in tp:
            g = found[s["heading_line"]]
            date_ok += g["local_date"] == s.get("local_date")
            expected = truth_utc_start(s)
            if expected is not None and expected != "unknown-zone":
                start_n += 1
                start_ok += g["started_at"] == expected
            elif expected is None:
                start_n += 1
                start_ok += g["started_at"] is None
            if verbose and (g["local_date"] != s.get("local_date") or (expected not in (None, "unknown-zone") and g["started_at"] != expected)):
                print(f"   L{s['heading_line']}: date {g['local_date']} vs {s.get('local_date')}, start {g['started_at']} vs {expected}")
        totals["date_ok"] += date_ok
        totals["date_n"] += len(tp)
        totals["start_ok"] += start_ok
        totals["start_n"] += start_n
        got_commits = {c["sha"] for c in got["commits"]}
        want_commits = set(truth.get("commit_hashes", []))
        got_prs = {p["number"] for p in got["prs"]}
        want_prs = set(truth.get("pr_numbers", []))
        totals["commit_tp"] += len(got_commits & want_commits)
        totals["commit_found"] += len(got_commits)
        totals["commit_truth"] += len(want_commits)
        totals["pr_tp"] += len(got_prs & want_prs)
        totals["pr_found"] += len(got_prs)
        totals["pr_truth"] += len(want_prs)
        print(f"{truth['file'][:60]:60} {len(tp):>3}/{truth['session_count']:>2}+{len(got['sessions']) - len(tp):<2} "
              f"{ratio(date_ok, len(tp)):6.2f} {ratio(start_ok, start_n):6.2f} "
              f"{ratio(len(got_commits & want_commits), len(got_commits)):6.2f}/{ratio(len(got_commits & want_commits), len(want_commits)):<6.2f} "
              f"{ratio(len(got_prs & want_prs), len(got_prs)):5.2f}/{ratio(len(got_prs & want_prs), len(want_prs)):<5.2f}")
        if verbose:
            missing = [s["heading_line"] for s in truth_sessions if s["heading_line"] not in found]
            extra = [l for l in found if l not in {s["heading_line"] for s in truth_sessions}]
            if missing or extra:
                print(f"   sessions missing at lines {missing}, extra at {extra}")
            if got_commits ^ want_commits:
                print(f"   commits extra {sorted(got_commits - want_commits)} missing {sorted(want_commits - got_commits)}")
            if got_prs ^ want_prs:
                print(f"   prs extra {sorted(got_prs - want_prs)} missing {sorted(want_prs - got_prs)}")
    precision = ratio(totals["sess_tp"], totals["sess_found"])
    recall = ratio(totals["sess_tp"], totals["sess_truth"])
    scores = {
        "session_f1": 0 if precision + recall == 0 else 2 * precision * recall / (precision + recall),
        "date_acc": ratio(totals["date_ok"], totals["date_n"]),
        "start_acc": ratio(totals["start_ok"], totals["start_n"]),
        "commit_p": ratio(totals["commit_tp"], totals["commit_found"]),
        "commit_r": ratio(totals["commit_tp"], totals["commit_truth"]),
        "pr_p": ratio(totals["pr_tp"], totals["pr_found"]),
        "pr_r": ratio(totals["pr_tp"], totals["pr_truth"]),
    }
    failed = False
    for key, value in scores.items():
        ok = value >= THRESHOLDS[key]
        failed |= not ok
        print(f"{key:11} {value:.3f} (needs {THRESHOLDS[key]:.2f}) {'ok' if ok else 'BELOW'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
