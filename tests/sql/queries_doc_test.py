#!/usr/bin/env python3
"""Runs every SQL example in docs/queries.md against a fixture database.

Usage: queries_doc_test.py SESHDB_BINARY SOURCE_DIR

Builds a fresh database from SOURCE_DIR/fixtures with SESHDB_BINARY, then
takes each ```sql block of SOURCE_DIR/docs/queries.md together with the
`<!-- expect: ... -->` comment that follows its `###` heading, runs it with
the stock `sqlite3` shell (`sqlite3 -bail -json DB`, SQL on stdin) and checks
the row count. Expectations:

    <!-- expect: N rows -->           exactly N rows (also "1 row")
    <!-- expect: at least N rows --> N or more rows
    <!-- expect: runs -->             any row count, but no error

Exits 0 when every block passes, 1 otherwise (or on a setup error). The last
line printed is always "N passed, M failed".
"""

import json
import os
import re
import shutil
import sqlite3 as sqlite3_module
import subprocess
import sys
import tempfile

MIN_BLOCKS = 12

HEADING_RE = re.compile(r"^###\s+(.*\S)\s*$")
EXPECT_RE = re.compile(r"^<!--\s*expect:\s*(.*?)\s*-->\s*$")
EXACT_RE = re.compile(r"^(\d+)\s+rows?$")
AT_LEAST_RE = re.compile(r"^at\s+least\s+(\d+)\s+rows?$")
FENCE_OPEN_RE = re.compile(r"^(`{3,}|~{3,})\s*(\S*)")


class Block:
    def __init__(self, question, line, expect_text, sql):
        self.question = question
        self.line = line  # line of the opening fence in queries.md
        self.expect_text = expect_text
        self.sql = sql


def parse_expectation(text):
    """Returns ('exact', n), ('at_least', n), ('runs', None) or None."""
    if text is None:
        return None
    t = " ".join(text.lower().split())
    if t == "runs":
        return ("runs", None)
    m = EXACT_RE.match(t)
    if m:
        return ("exact", int(m.group(1)))
    m = AT_LEAST_RE.match(t)
    if m:
        return ("at_least", int(m.group(1)))
    return None


def extract_blocks(markdown):
    """Returns (blocks, format_errors).

    A block belongs to the nearest `###` heading above it. The expectation is
    the first non-blank line after that heading. Each heading may own at most
    one sql block.
    """
    blocks = []
    errors = []
    lines = markdown.splitlines()
    question = None
    expect_text = None
    blocks_under_heading = 0
    awaiting_first_line = False
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE_OPEN_RE.match(line)
        if fence:
            marker, info = fence.group(1), fence.group(2).lower()
            start = i
            body = []
            i += 1
            closed = False
            while i < len(lines):
                stripped = lines[i].strip()
                if stripped.startswith(marker[0] * len(marker)) and \
                        stripped.strip(marker[0]) == "":
                    closed = True
                    break
                body.append(lines[i])
                i += 1
            i += 1  # past the closing fence
            awaiting_first_line = False
            if info != "sql":
                continue
            label = question or "(no ### heading above line %d)" % (start + 1)
            if not closed:
                errors.append("%s: ```sql block at line %d is never closed" % (label, start + 1))
                continue
            if question is None:
                errors.append("%s: ```sql block has no ### question heading" % label)
                continue
            blocks_under_heading += 1
            if blocks_under_heading > 1:
                errors.append("%s: more than one ```sql block under this question (line %d)"
                              % (question, start + 1))
                continue
            blocks.append(Block(question, start + 1, expect_text, "\n".join(body) + "\n"))
            continue

        heading = HEADING_RE.match(line)
        if heading:
            question = heading.group(1)
            expect_text = None
            blocks_under_heading = 0
            awaiting_first_line = True
        elif re.match(r"^#{1,2}\s", line):
            # A higher-level heading ends the current question.
            question = None
            expect_text = None
            blocks_under_heading = 0
            awaiting_first_line = False
        elif awaiting_first_line and line.strip():
            m = EXPECT_RE.match(line.strip())
            if m:
                expect_text = m.group(1)
            awaiting_first_line = False
        i += 1
    return blocks, errors


def run(cmd, **kwargs):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)


def count_statements(sql):
    """Counts the complete SQL statements in sql (comments alone do not count)."""
    count = 0
    start = 0
    for i, ch in enumerate(sql):
        if ch == ";" and sqlite3_module.complete_statement(sql[start:i + 1]):
            piece = sql[start:i + 1]
            # Drop comments and whitespace; a lone ';' is not a statement.
            piece = re.sub(r"--[^\n]*", "", piece)
            piece = re.sub(r"/\*.*?\*/", "", piece, flags=re.S)
            if piece.strip(" \t\r\n;"):
                count += 1
            start = i + 1
    rest = re.sub(r"--[^\n]*", "", sql[start:])
    rest = re.sub(r"/\*.*?\*/", "", rest, flags=re.S)
    if rest.strip():
        count += 1
    return count


def build_database(seshdb, source_dir, db):
    fixtures = os.path.join(source_dir, "fixtures")
    steps = [
        ["ingest", os.path.join(fixtures, "journal-sessions.md"), "--project", "inventory", "-q"],
        ["ingest", os.path.join(fixtures, "tasks-and-tables.md"), "--project", "queue", "-q"],
        ["ingest", fixtures, "--exclude", "README.md", "--exclude", "journal-sessions.md",
         "--exclude", "tasks-and-tables.md", "--project", "misc", "-q"],
    ]
    for args in steps:
        cmd = [seshdb, "--db", db] + args
        try:
            p = run(cmd)
        except OSError as e:
            sys.stderr.write("setup failed: cannot run %s: %s\n" % (seshdb, e))
            return False
        if p.returncode != 0:
            sys.stderr.write("setup failed: %s exited %d\n%s%s" % (
                " ".join(cmd), p.returncode,
                p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")))
            return False
    return True


def count_rows(output):
    """Counts rows in sqlite3 -json output; empty output means 0 rows.

    Blocks hold one statement (check_block makes sure), so there is at most
    one JSON array; should there be more, the last one is the answer.
    """
    text = output.strip()
    if not text:
        return 0
    decoder = json.JSONDecoder()
    pos = 0
    last = None
    while pos < len(text):
        value, end = decoder.raw_decode(text, pos)
        if not isinstance(value, list):
            raise ValueError("expected a JSON array, got %s" % type(value).__name__)
        last = value
        pos = end
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return len(last) if last is not None else 0


def check_block(sqlite3, db, block):
    """Returns None when the block passes, else a message."""
    expectation = parse_expectation(block.expect_text)
    if expectation is None:
        if block.expect_text is None:
            return ("no <!-- expect: ... --> line right after the heading "
                    "(want 'N rows', 'at least N rows' or 'runs')")
        return "unreadable expectation %r" % block.expect_text
    statements = count_statements(block.sql)
    if statements != 1:
        return "the block holds %d SQL statements; write exactly one per question" % statements
    p = run([sqlite3, "-bail", "-json", db], input=block.sql.encode("utf-8"))
    stdout = p.stdout.decode("utf-8", "replace")
    stderr = p.stderr.decode("utf-8", "replace").strip()
    if p.returncode != 0 or stderr:
        return "sqlite3 failed (exit %d): %s" % (p.returncode, stderr or "(no message)")
    try:
        rows = count_rows(stdout)
    except ValueError as e:
        return "could not read sqlite3 -json output: %s" % e
    kind, n = expectation
    if kind == "exact" and rows != n:
        return "expected %d row%s, got %d" % (n, "" if n == 1 else "s", rows)
    if kind == "at_least" and rows < n:
        return "expected at least %d rows, got %d" % (n, rows)
    return None


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: %s SESHDB_BINARY SOURCE_DIR\n" % os.path.basename(argv[0]))
        print("0 passed, 1 failed")
        return 1
    seshdb, source_dir = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    doc = os.path.join(source_dir, "docs", "queries.md")
    sqlite3 = shutil.which("sqlite3")
    if sqlite3 is None:
        sys.stderr.write("FAIL: the sqlite3 shell is not on PATH\n")
        print("0 passed, 1 failed")
        return 1
    try:
        with open(doc, encoding="utf-8") as f:
            markdown = f.read()
    except OSError as e:
        sys.stderr.write("FAIL: cannot read %s: %s\n" % (doc, e))
        print("0 passed, 1 failed")
        return 1

    blocks, format_errors = extract_blocks(markdown)
    passed = 0
    failed = 0
    for message in format_errors:
        print("FAIL  %s" % message)
        failed += 1
    if len(blocks) < MIN_BLOCKS:
        print("FAIL  %s has %d ```sql blocks, want at least %d" % (doc, len(blocks), MIN_BLOCKS))
        failed += 1

    tmp = tempfile.mkdtemp(prefix="seshdb-queries-doc-")
    try:
        db = os.path.join(tmp, "docs.db")
        if not build_database(seshdb, source_dir, db):
            print("FAIL  could not build the fixture database")
            print("%d passed, %d failed" % (passed, failed + 1))
            return 1
        for block in blocks:
            problem = check_block(sqlite3, db, block)
            if problem is None:
                passed += 1
                print("ok    %s" % block.question)
            else:
                failed += 1
                print("FAIL  %s (queries.md line %d): %s" % (block.question, block.line, problem))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
