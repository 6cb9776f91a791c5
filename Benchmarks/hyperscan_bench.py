#!/usr/bin/env python3
"""Hyperscan reference point for Benchmarks/run-compare.sh: compiles the exported portable
patterns into one database and scans a JSON Lines corpus, as one buffer and post by post.
Prints MB/s for each. Usage: hyperscan_bench.py PATTERNS CORPUS"""
import json, sys, time
import hyperscan

patterns_path, corpus_path = sys.argv[1], sys.argv[2]
expressions, flags, ids = [], [], []
for line in open(patterns_path, encoding="utf-8"):
    line = line.rstrip("\n")
    if not line:
        continue
    flag = hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SINGLEMATCH
    if line.startswith("(?i)"):
        line, flag = line[4:], flag | hyperscan.HS_FLAG_CASELESS
    expressions.append(line.encode("utf-8")); flags.append(flag); ids.append(len(ids))

# Hyperscan refuses some constructs; keep the patterns it accepts and say how many.
accepted = []
for expression, flag, identifier in zip(expressions, flags, ids):
    try:
        database = hyperscan.Database()
        database.compile(expressions=[expression], ids=[0], elements=1, flags=[flag])
        accepted.append((expression, flag, identifier))
    except Exception:
        pass
database = hyperscan.Database()
database.compile(expressions=[a[0] for a in accepted], ids=[a[2] for a in accepted], elements=len(accepted), flags=[a[1] for a in accepted])

data = open(corpus_path, "rb").read()
texts = [json.loads(line)["text"].encode("utf-8") for line in data.splitlines() if line.strip()]
hits = [0]
def on_match(identifier, start, end, flags, context):
    hits[0] += 1

start = time.perf_counter()
database.scan(data, match_event_handler=on_match)
whole = time.perf_counter() - start
start = time.perf_counter()
for text in texts:
    database.scan(text, match_event_handler=on_match)
per_post = time.perf_counter() - start
size = len(data) / 1e6
print(f"hyperscan patterns={len(accepted)}/{len(expressions)} whole_buffer={size / whole:.1f} MB/s per_post={size / per_post:.1f} MB/s")
