#!/usr/bin/env python3
"""Lists Rust functions longer than a limit (default 100 lines), longest first.

Usage: scripts/longest-fns.py [SRC_DIR] [LIMIT]. Counts from the `fn` line to its closing
brace by brace matching (string and char literals and comments skipped well enough for this
code base). Used for issue 8's "no function over about 100 lines" measure.
"""
import re
import sys
from pathlib import Path

root = Path(sys.argv[1] if len(sys.argv) > 1 else "src")
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 100
FN = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?fn\s+(\w+)")


def strip(line):
    # drop string/char literals and line comments so braces inside them do not count
    line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
    line = re.sub(r"'(\\.|[^'\\])'", "''", line)
    return line.split("//")[0]


out = []
for f in sorted(root.rglob("*.rs")):
    lines = f.read_text().splitlines()
    i = 0
    while i < len(lines):
        m = FN.match(lines[i])
        if not m:
            i += 1
            continue
        depth, started, j = 0, False, i
        while j < len(lines):
            s = strip(lines[j])
            if not started and ";" in s and "{" not in s:
                break  # a declaration without a body
            depth += s.count("{") - s.count("}")
            started = started or "{" in s
            if started and depth <= 0:
                break
            j += 1
        n = j - i + 1
        if n > limit:
            out.append((n, f"{f}:{i + 1}", m.group(5)))
        i += 1
for n, where, name in sorted(out, reverse=True):
    print(f"{n:5} {name:32} {where}")
print(f"{len(out)} functions over {limit} lines")
