#!/usr/bin/env python3
"""Deterministic generator of realistic developer session-log markdown corpora.

Usage:
    python3 bench/gen_corpus.py --out DIR --size-mb 10 [--seed 42] [--force] [--verify]

Writes many .md files under DIR (one sub-folder per fake project) until the
total size reaches --size-mb, and writes exact ground-truth counts to the
sibling file DIR.truth.json (outside DIR so it is never ingested).

Same seed + same size => byte-identical output. Standard library only.
See bench/README.md for the formats and the truth-file keys.
"""

import argparse
import datetime
import json
import os
import random
import re
import shutil
import sys
import time

GENERATOR_VERSION = 1

RARE_WORD = "zyzzogeton"      # in ~0.1% of sessions
COMMON_WORD = "frobnicate"    # in ~40% of sessions
RARE_P = 0.001
COMMON_P = 0.40

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

FUNCTION_WORDS = """
the to and of a in for is on that with was this it we as be by from not are
at now all when after so but into then which only also each more new still
before no can will should would could need just one two both same other over
under than about because while without again first last every any some most
instead already until since here there they them their our its if or has have
had were been being do does did done make made get got set out up down off
""".split()

DEV_WORDS = """
session sessions parser parse parsing parsed index indexes indexing query
queries database schema migration migrations table tables column columns row
rows insert update delete select join trigger triggers transaction commit
rollback cache caching cached invalidation eviction latency throughput memory
allocation allocator buffer buffers stream streams reader writer file files
path paths directory directories config configuration option options flag
flags argument arguments command commands output input error errors warning
warnings exception exceptions handler handlers callback callbacks event events
queue queues worker workers thread threads mutex lock locks deadlock race
condition conditions async sync await promise future futures task tasks job
jobs scheduler timer timeout timeouts retry retries backoff request requests
response responses client clients server servers endpoint endpoints route
routes router middleware auth authentication authorization token tokens
session_id user users account accounts permission permissions role roles
policy policies audit logging logger logs metric metrics tracing trace traces
span spans dashboard alert alerts monitor monitoring health check checks probe
deploy deployment deployments release releases rollout canary staging
production environment environments container containers image images cluster
clusters node nodes pod pods service services network networking socket
sockets packet protocol header headers payload payloads encoding decoding
serializer serialization json yaml toml csv markdown heading headings bullet
bullets list lists fence fences block blocks inline link links anchor anchors
table_name regex regexes pattern patterns match matches matching capture group
groups token tokenizer tokenizers lexer lexers grammar ast tree trees node_id
visitor visitors walker iterator iterators range ranges slice slices vector
vectors map maps set sets hash hashes hashing key keys value values pair pairs
struct structs class classes interface interfaces trait traits template
templates generic generics type types typedef alias aliases enum enums variant
variants union pointer pointers reference references ownership lifetime
lifetimes borrow borrowing move moves copy copies clone clones constructor
destructor method methods function functions lambda closure closures scope
scopes namespace namespaces module modules package packages dependency
dependencies library libraries crate crates build builds compiler compilers
linker linking toolchain cmake makefile target targets binary binaries
artifact artifacts pipeline pipelines workflow workflows action actions
runner runners matrix lint linter linters formatter format formatting style
review reviews reviewer reviewers comment comments feedback nit nits refactor
refactoring refactored cleanup cleaned simplify simplified rename renamed
extract extracted inline inlined split merged merge merging rebase rebased
branch branches tag tags changelog readme docs documentation guide tutorial
example examples snippet snippets test tests testing tested unit integration
fixture fixtures mock mocks stub stubs assert assertion assertions coverage
benchmark benchmarks profile profiling profiler flamegraph hotspot hotspots
regression regressions flaky flakiness bisect bisected crash crashes panic
segfault overflow underflow leak leaks sanitizer valgrind debugger breakpoint
stacktrace backtrace symbol symbols debug release optimized optimization
optimize vectorize inlining unrolling prefetch alignment padding layout struct
field fields offset offsets length size sizes capacity growth resize realloc
arena pool pools slab chunk chunks page pages sqlite fts5 virtual snippet rank
ranking bm25 score scores relevance search searches searching filter filters
sort sorted sorting order ordering limit pagination cursor cursors batch
batches bulk import export ingest ingestion ingested incremental full rebuild
reindex vacuum analyze pragma journal wal checkpoint fsync durability
consistency integrity constraint constraints foreign primary unique nullable
default defaults fallback heuristic heuristics edge case cases corner boundary
unicode utf8 ascii whitespace newline newlines indentation tab tabs spaces
trailing leading prefix suffix substring delimiter separator quote quotes
escape escaping unescape normalize normalization lowercase uppercase locale
timezone timestamp timestamps date dates duration durations interval
intervals window windows epoch calendar month year week weekday weekend
morning afternoon evening deadline milestone sprint backlog ticket tickets
issue issues bug bugs fix fixes fixed fixing patch patches hotfix workaround
regression_test root cause analysis investigation investigated reproduce
reproduced repro minimal verbose quiet progress spinner terminal tty color
colors ansi prompt shell script scripts bash zsh python rust golang cpp
header_only stdlib posix windows_build macos linux docker kubernetes
terraform ansible nginx postgres redis kafka grpc http https tls certificate
certificates proxy gateway balancer load stress soak chaos resilience
availability latency_budget sla slo quota quotas rate throttle throttling
backpressure concurrency parallel parallelism sequential ordering idempotent
idempotency atomic atomics volatile fence_post barrier semaphore channel
channels actor actors message messages broker subscriber publisher topic
topics partition partitions replica replicas leader follower election
consensus raft snapshot snapshots compaction tombstone tombstones bloom
filter_chain trie btree lsm heap stack arena_alloc inode mmap pread pwrite
syscall syscalls kernel userspace driver firmware device devices sensor
frontend backend fullstack component components props state reducer store
hook hooks render rendering layout_engine widget widgets button modal form
forms validation validator schema_check migration_plan rollout_plan feature
features toggle toggles experiment experiments cohort analytics telemetry
privacy consent redact redaction secret secrets vault rotation credential
credentials onboarding handoff standup retro planning estimate estimates
scope_creep tradeoff tradeoffs decision decisions rationale constraint_solver
prototype spike proof concept design designs diagram architecture boundary_layer
adapter adapters facade proxy_layer decorator observer strategy factory
builder singleton registry plugin plugins extension extensions hook_point
""".split()

CHINESE_SENTENCES = [
    "修复了数据库连接池在高并发下的死锁问题。",
    "重构了解析器，现在可以正确处理嵌套的代码块。",
    "性能测试显示索引速度提升了大约三倍。",
    "明天需要和团队讨论一下缓存失效的策略。",
    "这个问题的根本原因是时区转换不正确。",
    "添加了全文搜索的单元测试，覆盖率提高到百分之八十五。",
    "部署到预发布环境后发现内存泄漏。",
    "代码审查中指出了几个边界情况需要处理。",
    "决定暂时不支持旧版本的日志格式。",
    "把配置文件从硬编码改成了环境变量。",
    "日志里出现了很多重复的会话记录，需要去重。",
    "今天主要在调试持续集成流水线的超时问题。",
    "更新了文档，补充了命令行参数的说明。",
    "与产品经理确认了下一个迭代的需求范围。",
    "迁移脚本在大数据量时运行太慢，需要分批处理。",
]

TITLE_VERBS = """Fix Add Refactor Implement Investigate Debug Optimize Migrate Document
Review Cleanup Harden Speed-up Wire Prototype Redesign Stabilize Extend Port
Benchmark Split Simplify Replace Remove Support""".split()

COMMIT_TYPES = ["fix", "feat", "refactor", "test", "docs", "chore", "perf", "build", "ci"]

FILE_EXTS = ["cpp", "h", "hpp", "py", "md", "sql", "ts", "rs", "go", "json", "yaml", "toml", "sh"]
TOP_DIRS = ["src", "include", "tests", "lib", "scripts", "docs", "cmd", "internal", "app", "tools"]

TIMEZONES = ["PST", "PST", "PST", "PDT", "EST", "UTC"]

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

STYLES = [
    "session_colon_time",   # ## Session: 2025-12-04 ~1:00-2:15 PM PST
    "date_emdash",          # ## 2025-12-04 — Title
    "date_pipe_branch",     # ## 2025-12-04 | feat/x | Title
    "h3_month_name",        # ### Dec 4, 2025: Title   (under ## Session History)
    "session_number",       # ## Session 12 (2025-12-04)
    "iso_timestamp",        # ## 2025-12-04T13:00:00Z Title
]
H2_STYLES = [s for s in STYLES if s != "h3_month_name"]

SEVERITY_LABELS = {
    "P0": ["**Blockers (P0):**", "**Critical (P0 - Production Down):**"],
    "P1": ["**Critical Issues (P1 - Block Merge):**", "**High Priority (P1):**"],
    "P2": ["**Important (P2):**", "**Should Fix (P2):**"],
    "P3": ["**Minor (P3):**", "**Nice to Have (P3):**"],
}

MULTI_FILE_NAMES = [
    "docs/SESSION_LOG.md", "SESSION_LOG.md", "docs/DEVLOG.md", "notes/sessions.md",
    "docs/archive/SESSION_LOG_2024.md", "SESSIONS.md", "docs/dev/journal.md",
]

CODE_SNIPPETS = [
    ("cpp", ["for (const auto& line : lines) {", "    if (line.starts_with(\"## \")) {",
             "        flush_session();", "    }", "}"]),
    ("sql", ["CREATE VIRTUAL TABLE sessions_fts USING fts5(", "    title, body,",
             "    content='sessions', content_rowid='id'", ");"]),
    ("python", ["def parse_heading(line):", "    m = HEADING_RE.match(line)",
                "    return m.group(1) if m else None"]),
    ("bash", ["cmake -S . -B build -DCMAKE_BUILD_TYPE=Release", "cmake --build build -j",
              "ctest --test-dir build --output-on-failure"]),
    ("json", ["{", "  \"sessions\": 42,", "  \"files\": 3,", "  \"errors\": []", "}"]),
]

HEX7_RE = re.compile(r"^[0-9a-f]{7}$")


def build_vocab(seed):
    """Return (words, cum_weights) with a Zipf-Mandelbrot rank distribution."""
    vr = random.Random(seed * 7919 + 17)
    seen = set()
    real = []
    for w in FUNCTION_WORDS + DEV_WORDS:
        if w not in seen:
            seen.add(w)
            real.append(w)
    # Derived words: prefix + dev root + suffix ("reindexer", "prefetching", ...).
    roots = [w for w in DEV_WORDS if "_" not in w and 3 <= len(w) <= 8 and w.isalpha()
             and (not w.endswith("s") or w.endswith("ss"))]
    prefixes = ["", "", "", "re", "un", "pre", "sub", "auto", "multi", "over", "inter",
                "de", "co", "micro", "meta", "post", "non", "mis", "cross"]
    suffixes = ["", "er", "ers", "ing", "ed", "able", "ize", "izer", "less", "ness",
                "ish", "ly", "ment", "ity", "ive", "wise", "like"]
    derived = []
    while len(derived) < 2400:
        root = vr.choice(roots)
        pre = vr.choice(prefixes)
        suf = vr.choice(suffixes)
        if not pre and not suf:
            continue
        if suf and suf[0] in "aeiouy" and root.endswith("e"):
            root = root[:-1]
        w = pre + root + suf
        if w in seen:
            continue
        seen.add(w)
        derived.append(w)
    # A smaller tail of short pronounceable pseudo-words (project/tool names).
    onsets = ["b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k",
              "l", "m", "n", "p", "pr", "qu", "r", "s", "sh", "sk", "sp", "st", "t", "tr",
              "v", "w", "z"]
    vowels = ["a", "e", "i", "o", "u", "ai", "ou", "y"]
    codas = ["", "", "", "n", "r", "l", "s", "t", "x", "m", "k"]
    pseudo = []
    while len(pseudo) < 800:
        w = "".join(vr.choice(onsets) + vr.choice(vowels) + vr.choice(codas)
                    for _ in range(vr.choice((2, 2, 3))))
        if w in seen or not 4 <= len(w) <= 10:
            continue
        seen.add(w)
        pseudo.append(w)
    tail = derived + pseudo
    vr.shuffle(tail)
    head = real[:len(FUNCTION_WORDS)]
    mid = real[len(FUNCTION_WORDS):]
    vr.shuffle(mid)
    words = head + mid + tail
    # Safety: vocabulary must never produce marker words or commit-like tokens.
    words = [w for w in words
             if RARE_WORD not in w and COMMON_WORD not in w and not HEX7_RE.match(w)
             and "#" not in w]
    cum = []
    acc = 0.0
    for r in range(len(words)):
        acc += 1.0 / (r + 2.7) ** 1.05
        cum.append(acc)
    return words, cum


# --------------------------------------------------------------------------
# Generator
# --------------------------------------------------------------------------

class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.words, self.cum = build_vocab(seed)
        self.nouns = self.words[len(FUNCTION_WORDS):len(FUNCTION_WORDS) + len(DEV_WORDS)]
        self._buf = []
        self._pos = 0
        self.pending = []          # marker words waiting to be placed in the current session
        # truth accumulators
        self.commits_all = set()
        self.commit_refs = 0
        self.prs_all = set()
        self.pr_refs = 0
        self.findings = {"P0": 0, "P1": 0, "P2": 0, "P3": 0}
        self.sessions_by_style = {s: 0 for s in STYLES}
        self.fake_headings = 0
        self.duration_total = 0
        self.sessions_with_duration = 0
        self.rare_sessions = 0
        self.common_sessions = 0
        self.rare_occ = 0
        self.common_occ = 0
        self.date_min = None
        self.date_max = None

    # ---- word drawing ----------------------------------------------------
    def draw(self, n):
        if self._pos + n > len(self._buf):
            self._buf = self.rng.choices(self.words, cum_weights=self.cum, k=max(65536, n))
            self._pos = 0
        out = self._buf[self._pos:self._pos + n]
        self._pos += n
        return out

    def noun(self):
        return self.rng.choice(self.nouns)

    def sentence(self, lo=6, hi=18, allow_markers=True):
        rng = self.rng
        ws = self.draw(rng.randint(lo, hi))
        r = rng.random()
        if r < 0.12:
            ws[rng.randrange(len(ws))] = "`%s_%s()`" % (self.noun(), self.noun())
        elif r < 0.18:
            ws[rng.randrange(len(ws))] = "`%s`" % self.path()
        if allow_markers and self.pending and rng.random() < 0.3:
            ws.insert(rng.randrange(1, len(ws) + 1), self.pending.pop())
        s = " ".join(ws)
        return s[0].upper() + s[1:] + "."

    def sentences(self, n):
        return " ".join(self.sentence() for _ in range(n))

    def path(self):
        rng = self.rng
        parts = [rng.choice(TOP_DIRS)]
        for _ in range(rng.randint(0, 2)):
            parts.append(self.noun())
        name = self.noun()
        if rng.random() < 0.05:
            return "/".join(parts[:-1] + ["CMakeLists.txt"]) if len(parts) > 1 else "CMakeLists.txt"
        return "/".join(parts + ["%s.%s" % (name, rng.choice(FILE_EXTS))])

    def title(self):
        rng = self.rng
        ws = [rng.choice(TITLE_VERBS)] + [self.noun() for _ in range(rng.randint(1, 4))]
        return " ".join(ws).replace("_", " ")

    def branch(self):
        rng = self.rng
        pre = rng.choice(["feature", "feat", "fix", "bugfix", "chore", "refactor", "perf"])
        return "%s/%s" % (pre, "-".join(self.noun().replace("_", "-")
                                       for _ in range(rng.randint(1, 3))))

    # ---- references ------------------------------------------------------
    def new_hash(self):
        rng = self.rng
        while True:
            h = "%07x" % rng.getrandbits(28)
            if any(c.isdigit() for c in h) and any(c.isalpha() for c in h):
                return h

    def commit(self, proj):
        """Return a commit hash reference (mostly new, sometimes a repeat)."""
        if proj["commits"] and self.rng.random() < 0.1:
            h = self.rng.choice(proj["commits"])
        else:
            h = self.new_hash()
            proj["commits"].append(h)
        self.commits_all.add(h)
        self.commit_refs += 1
        return h

    def pr(self, proj):
        if proj["prs"] and self.rng.random() < 0.15:
            n = self.rng.choice(proj["prs"])
        else:
            proj["next_pr"] += self.rng.randint(1, 3)
            n = proj["next_pr"]
            proj["prs"].append(n)
        self.prs_all.add(n)
        self.pr_refs += 1
        return n

    # ---- sessions --------------------------------------------------------
    def duration_text(self, minutes):
        rng = self.rng
        if minutes >= 60 and minutes % 30 == 0 and rng.random() < 0.5:
            h = minutes // 60
            if minutes % 60 == 0:
                return "~%d hour%s" % (h, "" if h == 1 else "s")
            return "~%d.5 hours" % h
        return "~%d minutes" % minutes

    @staticmethod
    def clock(m):
        h = (m // 60) % 24
        ap = "AM" if h < 12 else "PM"
        return "%d:%02d" % (h % 12 or 12, m % 60), ap

    def heading(self, style, date, sess_no, title, branch, start_min, dur):
        ds = date.isoformat()
        if style == "session_colon_time":
            s, ap1 = self.clock(start_min)
            e, ap2 = self.clock(start_min + dur)
            tz = self.rng.choice(TIMEZONES)
            if ap1 == ap2:
                return "## Session: %s ~%s-%s %s %s" % (ds, s, e, ap1, tz)
            return "## Session: %s ~%s %s-%s %s %s" % (ds, s, ap1, e, ap2, tz)
        if style == "date_emdash":
            return "## %s \u2014 %s" % (ds, title)
        if style == "date_pipe_branch":
            return "## %s | %s | %s" % (ds, branch, title)
        if style == "h3_month_name":
            return "### %s %d, %d: %s" % (MONTHS[date.month - 1], date.day, date.year, title)
        if style == "session_number":
            return "## Session %d (%s)" % (sess_no, ds)
        if style == "iso_timestamp":
            return "## %sT%02d:%02d:00Z %s" % (ds, (start_min // 60) % 24, start_min % 60, title)
        raise ValueError(style)

    def fake_fence(self, lines):
        """A code fence containing session-like headings that must not count."""
        rng = self.rng
        y = rng.choice((2024, 2025))
        fake_date = datetime.date(y, rng.randint(1, 12), rng.randint(1, 28)).isoformat()
        lines.append(rng.choice(["Template for new entries:", "Example of the expected format:",
                                 "The parser choked on this input:"]))
        lines.append("")
        lines.append(rng.choice(["```markdown", "```md", "```"]))
        k = rng.randint(1, 2)
        for i in range(k):
            if rng.random() < 0.5:
                lines.append("## Session: %s ~9:00-10:30 AM PST" % fake_date)
            else:
                lines.append("## %s \u2014 Example session title" % fake_date)
            lines.append("")
            lines.append("**Duration**: ~90 minutes")
            lines.append("**Focus**: <what you worked on>")
            lines.append("")
        lines.append("```")
        lines.append("")
        self.fake_headings += k

    def session(self, proj, style, date, sess_no):
        rng = self.rng
        sub = "####" if style == "h3_month_name" else "###"
        title = self.title()
        branch = self.branch()
        dur = rng.randrange(20, 301, 5) if rng.random() < 0.3 else rng.randrange(30, 241, 15)
        start = rng.randrange(7 * 60, 21 * 60, 15)

        # Decide marker words for this session up-front.
        self.pending = []
        if rng.random() < COMMON_P:
            self.pending.append(COMMON_WORD)
            if rng.random() < 0.15:
                self.pending.append(COMMON_WORD)
        if rng.random() < RARE_P:
            self.pending.append(RARE_WORD)
        rng.shuffle(self.pending)

        L = [self.heading(style, date, sess_no, title, branch, start, dur), ""]
        self.sessions_by_style[style] += 1
        if self.date_min is None or date < self.date_min:
            self.date_min = date
        if self.date_max is None or date > self.date_max:
            self.date_max = date

        # metadata block
        if rng.random() < 0.95:
            key = "**Duration:**" if rng.random() < 0.15 else "**Duration**:"
            L.append("%s %s" % (key, self.duration_text(dur)))
            self.duration_total += dur
            self.sessions_with_duration += 1
        if rng.random() < 0.9:
            L.append("**Branch**: %s" % (("`%s`" % branch) if rng.random() < 0.2 else branch))
        L.append("**Focus**: %s" % self.sentence(5, 12))
        L.append("")

        if rng.random() < 0.35:
            L.append("%s Summary" % sub)
            L.append("")
            L.append(self.sentences(rng.randint(2, 5)))
            L.append("")

        # Work Completed
        L.append("%s Work Completed" % sub)
        L.append("")
        for _ in range(rng.randint(2, 8)):
            r = rng.random()
            if r < 0.05:
                L.append("- \u2705 %s" % rng.choice(CHINESE_SENTENCES))
                continue
            text = self.sentence(5, 14)
            if r < 0.20:
                text = "PR #%d Merged: %s" % (self.pr(proj), text)
            elif r < 0.38:
                text = "%s (PR #%d)" % (text[:-1], self.pr(proj))
            elif r < 0.50:
                text = "%s (Commit: %s)" % (text[:-1], self.commit(proj))
            mark = "\u2705 " if rng.random() < 0.85 else ""
            L.append("- %s%s" % (mark, text))
            for _ in range(rng.choice((0, 0, 0, 1, 2, 3))):
                L.append("  - %s" % self.sentence(4, 12))
        L.append("")

        r = rng.random()
        if r < 0.30:
            L.append("Commit: %s" % self.commit(proj))
            L.append("")
        elif r < 0.50:
            L.append("Commits: %s" % ", ".join(self.commit(proj) for _ in range(rng.randint(2, 5))))
            L.append("")
        elif r < 0.65:
            n = rng.randint(2, 6)
            L.append("```bash")
            L.append("$ git log --oneline -%d" % n)
            for _ in range(n):
                msg = " ".join(self.draw(rng.randint(2, 6)))
                L.append("%s %s: %s" % (self.commit(proj), rng.choice(COMMIT_TYPES), msg))
            L.append("```")
            L.append("")

        if rng.random() < 0.05:
            L.append(rng.choice(CHINESE_SENTENCES) + rng.choice(["", rng.choice(CHINESE_SENTENCES)]))
            L.append("")

        # Key Findings
        if rng.random() < 0.22:
            L.append("%s Key Findings" % sub)
            L.append("")
            sevs = [s for s, p in (("P0", 0.15), ("P1", 0.7), ("P2", 0.7), ("P3", 0.35))
                    if rng.random() < p]
            if not sevs:
                sevs = ["P2"]
            for sev in sevs:
                L.append(rng.choice(SEVERITY_LABELS[sev]))
                if rng.random() < 0.3:
                    L.append("")
                n = rng.randint(1, 4)
                numbered = sev in ("P0", "P1") or rng.random() < 0.5
                for i in range(n):
                    item = self.sentence(5, 14)
                    if rng.random() < 0.3:
                        item = "`%s` - %s" % (self.path(), item)
                    L.append(("%d. %s" % (i + 1, item)) if numbered else ("- %s" % item))
                self.findings[sev] += n
                L.append("")

        if rng.random() < 0.03:
            self.fake_fence(L)

        if rng.random() < 0.06:
            lang, code = rng.choice(CODE_SNIPPETS)
            L.append("```%s" % lang)
            L.extend(code)
            L.append("```")
            L.append("")

        # Key Decisions
        if rng.random() < 0.7:
            L.append("%s Key Decisions" % sub)
            L.append("")
            for _ in range(rng.randint(1, 4)):
                L.append("- **%s**: %s" % (self.title(), self.sentence(6, 16)))
            L.append("")

        # Next Steps
        if rng.random() < 0.85:
            L.append("%s Next Steps" % sub)
            L.append("")
            for i in range(rng.randint(1, 5)):
                L.append("%d. %s" % (i + 1, self.sentence(4, 12)))
            L.append("")

        # Files Modified
        if rng.random() < 0.55:
            L.append("%s Files Modified" % sub)
            L.append("")
            for _ in range(rng.randint(1, 7)):
                if rng.random() < 0.5:
                    L.append("- `%s` - %s" % (self.path(), self.sentence(3, 9, allow_markers=False)))
                else:
                    L.append("- `%s`" % self.path())
            L.append("")

        # Stats
        if rng.random() < 0.45:
            L.append("%s Stats" % sub)
            L.append("")
            tests = rng.randint(20, 2500)
            L.append("- Tests: %d passing (+%d new)" % (tests, rng.randint(0, 40)))
            if rng.random() < 0.5:
                L.append("- Coverage: %d%%" % rng.randint(55, 98))
            L.append("- Lines: +%d / -%d" % (rng.randint(1, 900), rng.randint(0, 600)))
            if rng.random() < 0.4:
                L.append("- Files changed: %d" % rng.randint(1, 40))
            L.append("")

        # Any marker word not yet placed goes into a trailing notes line.
        if self.pending:
            words = self.pending
            self.pending = []
            ws = self.draw(rng.randint(5, 12))
            for w in words:
                ws.insert(rng.randrange(1, len(ws) + 1), w)
            s = " ".join(ws)
            L.append("**Notes**: %s." % (s[0].upper() + s[1:]))
            L.append("")

        text = "\n".join(L) + "\n"
        # Count what we emitted (markers never occur anywhere else).
        rc = text.count(RARE_WORD)
        cc = text.count(COMMON_WORD)
        if rc:
            self.rare_sessions += 1
            self.rare_occ += rc
        if cc:
            self.common_sessions += 1
            self.common_occ += cc
        return text

    # ---- files -----------------------------------------------------------
    def preamble(self, proj, style):
        rng = self.rng
        L = []
        if rng.random() < 0.9:
            L.append("# %s %s" % (proj["title"], rng.choice(["Session Log", "Development Log",
                                                             "Dev Journal", "Work Sessions"])))
            L.append("")
            L.append(self.sentences(rng.randint(1, 3)))
            L.append("")
        if rng.random() < 0.3:
            L.append("## Overview")
            L.append("")
            L.append(self.sentences(rng.randint(2, 4)))
            L.append("")
        if rng.random() < 0.2:
            L.append("## Session Template")
            L.append("")
            self.fake_fence(L)
        if style == "h3_month_name" or rng.random() < 0.15:
            L.append("## Session History")
            L.append("")
            if rng.random() < 0.4:
                L.append(self.sentence())
                L.append("")
        return "\n".join(L) + ("\n" if L else "")

    def trailer(self):
        rng = self.rng
        if rng.random() < 0.12:
            L = ["## Backlog", ""]
            for _ in range(rng.randint(2, 6)):
                L.append("- [ ] %s" % self.sentence(4, 10))
            L.append("")
            return "\n".join(L) + "\n"
        return ""


CORPUS_FIRST_DAY = datetime.date(2024, 1, 1)
CORPUS_DAYS = 730          # sessions start 2024-01-01; very long logs may run past 2025


def random_start_date(rng, span_days=0):
    """A start date such that start + span_days stays inside the corpus window."""
    room = max(0, CORPUS_DAYS - 1 - span_days)
    return CORPUS_FIRST_DAY + datetime.timedelta(days=rng.randint(0, room))


def generate(out_dir, size_mb, seed):
    target = int(size_mb * 1024 * 1024)
    g = Gen(seed)
    rng = g.rng
    total_bytes = 0
    per_file = []
    n_sessions = 0
    proj_idx = 0

    def write(rel, chunks, nsess, style, kind):
        nonlocal total_bytes, n_sessions
        data = "".join(chunks).encode("utf-8")
        full = os.path.join(out_dir, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
        total_bytes += len(data)
        n_sessions += nsess
        per_file.append({"path": rel, "bytes": len(data), "sessions": nsess,
                         "style": style, "kind": kind})

    while total_bytes < target:
        proj_idx += 1
        pname = "proj-%02d" % proj_idx
        proj = {"name": pname, "commits": [], "prs": [], "next_pr": rng.randint(1, 2000),
                "title": " ".join(g.noun() for _ in range(rng.randint(1, 2))).title()}
        n_multi = rng.randint(1, 3)
        multi_names = rng.sample(MULTI_FILE_NAMES, n_multi)
        n_single = rng.randint(0, 25)
        plan = [("multi", m) for m in multi_names] + [("single", None)] * n_single
        rng.shuffle(plan)
        single_no = 0
        for kind, name in plan:
            if total_bytes >= target:
                break
            if kind == "multi":
                style = rng.choice(STYLES)
                alt = rng.choice(H2_STYLES) if (style != "h3_month_name" and rng.random() < 0.15) else None
                if rng.random() < 0.15:
                    nsess = rng.randint(2, 19)
                else:
                    nsess = rng.randint(20, 300)
                min_sess = min(nsess, 20)
                separator = rng.random() < 0.5
                newest_first = rng.random() < 0.4
                offsets = []
                off = 0
                for i in range(nsess):
                    offsets.append(off)
                    off += rng.choice((0, 0, 1, 1, 1, 2, 3, 5))
                start = random_start_date(rng, offsets[-1])
                sess = []   # (date, style) in chronological order
                for o in offsets:
                    sess.append((start + datetime.timedelta(days=o),
                                 alt if (alt and rng.random() < 0.3) else style))
                order = list(range(nsess))
                if newest_first:
                    order.reverse()
                chunks = [g.preamble(proj, style)]
                fbytes = len(chunks[0].encode("utf-8"))
                emitted = 0
                for idx in order:
                    d, st = sess[idx]
                    t = g.session(proj, st, d, idx + 1)
                    if separator and emitted:
                        t = "---\n\n" + t
                    chunks.append(t)
                    fbytes += len(t.encode("utf-8"))
                    emitted += 1
                    if emitted >= min_sess and total_bytes + fbytes >= target:
                        break
                chunks.append(g.trailer())
                write("%s/%s" % (pname, name), chunks, emitted,
                      style + ("+" + alt if alt else ""), "multi")
            else:
                single_no += 1
                style = rng.choice(H2_STYLES)
                date = random_start_date(rng)
                chunks = []
                if rng.random() < 0.6:
                    chunks.append("# %s session notes\n\n" % proj["title"])
                chunks.append(g.session(proj, style, date, rng.randint(1, 400)))
                slug = "-".join(g.noun().replace("_", "-") for _ in range(rng.randint(1, 3)))
                sub = rng.choice(["docs/sessions", "notes", "sessions", "docs/log"])
                rel = "%s/%s/%s-%s-%03d.md" % (pname, sub, date.isoformat(), slug, single_no)
                write(rel, chunks, 1, style, "single")

    truth = {
        "generator": "seshdb bench/gen_corpus.py",
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "size_mb_requested": size_mb,
        "files": len(per_file),
        "bytes": total_bytes,
        "sessions": n_sessions,
        "single_session_files": sum(1 for f in per_file if f["kind"] == "single"),
        "multi_session_files": sum(1 for f in per_file if f["kind"] == "multi"),
        "projects": proj_idx,
        "distinct_commits": len(g.commits_all),
        "commit_refs": g.commit_refs,
        "distinct_prs": len(g.prs_all),
        "pr_refs": g.pr_refs,
        "findings": dict(g.findings),
        "findings_total": sum(g.findings.values()),
        "rare_word": RARE_WORD,
        "rare_word_sessions": g.rare_sessions,
        "rare_word_occurrences": g.rare_occ,
        "common_word": COMMON_WORD,
        "common_word_sessions": g.common_sessions,
        "common_word_occurrences": g.common_occ,
        "sessions_by_style": dict(g.sessions_by_style),
        "sessions_with_duration": g.sessions_with_duration,
        "duration_minutes_total": g.duration_total,
        "fake_headings_in_fences": g.fake_headings,
        "date_min": g.date_min.isoformat() if g.date_min else None,
        "date_max": g.date_max.isoformat() if g.date_max else None,
        "per_file": per_file,
    }
    return truth


# --------------------------------------------------------------------------
# Independent re-scan of the written corpus (self-check of the truth file)
# --------------------------------------------------------------------------

SESSION_HEAD_RE = re.compile(r"^(#{2,3}) .*(\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2} \d{1,2}, \d{4})")
HEAD_RE = re.compile(r"^(#{1,6}) ")
COMMIT_RE = re.compile(r"(?<![0-9A-Za-z_])[0-9a-f]{7}(?![0-9A-Za-z_])")
PR_RE = re.compile(r"\bPR #(\d+)\b")
SEV_RE = re.compile(r"^\*\*[^*]*\(P([0-3])\b[^*]*:?\*\*:?\s*$")
ITEM_RE = re.compile(r"^(\d+\.|-) ")


def verify(out_dir, truth):
    files = nbytes = sessions = 0
    commits, prs = set(), set()
    findings = {"P0": 0, "P1": 0, "P2": 0, "P3": 0}
    rare = common = 0
    for root, dirs, fnames in os.walk(out_dir):
        dirs.sort()
        for fn in sorted(fnames):
            if not fn.endswith(".md"):
                continue
            p = os.path.join(root, fn)
            with open(p, "rb") as f:
                raw = f.read()
            files += 1
            nbytes += len(raw)
            text = raw.decode("utf-8")
            for m in COMMIT_RE.finditer(text):
                h = m.group(0)
                if re.search(r"\d", h) and re.search(r"[a-f]", h):
                    commits.add(h)
            for m in PR_RE.finditer(text):
                prs.add(int(m.group(1)))
            in_fence = False
            cur = None          # (level, [lines]) of the open session
            sev = None
            done = []

            def close():
                if cur is not None:
                    done.append("\n".join(cur[1]))

            for line in text.split("\n"):
                if line.startswith("```"):
                    in_fence = not in_fence
                    sev = None
                    if cur is not None:
                        cur[1].append(line)
                    continue
                if not in_fence:
                    hm = HEAD_RE.match(line)
                    if hm:
                        sev = None
                        lvl = len(hm.group(1))
                        sm = SESSION_HEAD_RE.match(line)
                        if sm:
                            close()
                            cur = (lvl, [line])
                            sessions += 1
                            continue
                        if cur is not None and lvl <= cur[0]:
                            close()
                            cur = None
                    else:
                        svm = SEV_RE.match(line)
                        if svm:
                            sev = "P" + svm.group(1)
                        elif sev is not None:
                            if ITEM_RE.match(line):
                                findings[sev] += 1
                            elif line.strip():
                                sev = None
                if cur is not None:
                    cur[1].append(line)
            close()
            for s in done:
                if RARE_WORD in s:
                    rare += 1
                if COMMON_WORD in s:
                    common += 1
    got = {"files": files, "bytes": nbytes, "sessions": sessions,
           "distinct_commits": len(commits), "distinct_prs": len(prs),
           "findings": findings, "rare_word_sessions": rare, "common_word_sessions": common}
    ok = True
    for k, v in got.items():
        if truth[k] != v:
            ok = False
            print("VERIFY MISMATCH %s: truth=%r rescan=%r" % (k, truth[k], v), file=sys.stderr)
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="output corpus directory")
    ap.add_argument("--size-mb", type=float, required=True, help="target total size in MiB")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--force", action="store_true",
                    help="delete --out first if it exists and is non-empty")
    ap.add_argument("--verify", action="store_true",
                    help="re-scan the written corpus independently and compare with the truth")
    args = ap.parse_args()

    out_dir = os.path.normpath(args.out)
    if os.path.isdir(out_dir) and os.listdir(out_dir):
        if not args.force:
            sys.exit("error: %s exists and is not empty (use --force to replace it)" % out_dir)
        shutil.rmtree(out_dir)
    os.makedirs(out_dir, exist_ok=True)

    t0 = time.time()
    truth = generate(out_dir, args.size_mb, args.seed)
    truth_path = out_dir + ".truth.json"
    with open(truth_path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(truth, f, indent=2, ensure_ascii=False)
        f.write("\n")
    dt = time.time() - t0
    print("wrote %d files, %d bytes, %d sessions in %.1fs -> %s (truth: %s)"
          % (truth["files"], truth["bytes"], truth["sessions"], dt, out_dir, truth_path),
          file=sys.stderr)
    if args.verify:
        if not verify(out_dir, truth):
            sys.exit(1)
        print("verify: OK (independent re-scan matches truth)", file=sys.stderr)


if __name__ == "__main__":
    main()
