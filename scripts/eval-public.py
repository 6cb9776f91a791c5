#!/usr/bin/env python3
"""Measure postlint's rule packs on public labelled datasets (local measurement only).

The datasets are not part of this repository and their posts must never be committed:
keep the downloaded files and everything this script writes outside the repository
(by default the converted files go to /work/eval-data/converted).

Each dataset argument is the local path of the dataset as fetched: either a folder that
holds the dataset's files at their paths in the source repository (a checkout, or files
extracted with `git archive`), or a bare git directory, optionally followed by
`@COMMIT` (default HEAD) to read the files at that commit.

  --sid-twitter PATH   "Suicidal Tweet Detection" set, Twitter-based, 1,787 tweets
                       labelled "Potential Suicide post" / "Not Suicide post"
                       (copy in github.com/SBU-Projects/suicidal-text-detection-model,
                       file Datasets/Suicide_Ideation_Dataset(Twitter-based).csv)
  --constraint PATH    CONSTRAINT@AAAI-2021 COVID-19 fake news (English), posts labelled
                       fake / real (copy in github.com/diptamath/covid_fake_news, files
                       data/Constraint_Train.csv, data/Constraint_Val.csv,
                       data/english_test_with_labels.csv)
  --tweeteval PATH     TweetEval (github.com/cardiffnlp/tweeteval): irony (all splits),
                       emotion (all splits), sentiment (val + test splits)

Every dataset is converted to postlint's labelled JSON Lines ({"id", "text", "labels",
"allow", "split", "group"}; `postlint eval FILE` reads them too), linted with
`postlint check --input-format jsonl --format jsonl`, and scored per dataset: posts,
posts flagged, recall on the posts that must be flagged, false alarms per category on
the posts that must not, and posts that already hold a crisis line.

Sets larger than --max-posts are sampled deterministically (the posts whose
sha256(dataset + id) sort first). No randomness, no network; Python 3 standard library.

Examples:
  python3 scripts/eval-public.py --postlint /tmp/postlint-before/postlint \\
      --sid-twitter /work/eval-data/raw/sid-twitter \\
      --constraint /work/eval-data/raw/constraint-covid \\
      --tweeteval /work/eval-data/raw/tweeteval
  # the rules of a working tree instead of the embedded ones:
  python3 scripts/eval-public.py --postlint .build/release/postlint \\
      --no-builtin-rules --rules Rules/ --tweeteval /work/eval-data/raw/tweeteval
  # local review (prints post text: never paste it into the repository):
  ... --show-flagged 50 --show-misses 30
"""

import argparse
import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from collections import Counter, OrderedDict

CATEGORIES = ["crisis-resources", "misinformation", "safe-messaging", "stigma", "toxic-positivity"]

# A crisis line or directory named in the post (heuristic, independent of postlint's own
# resource recognition): used to count posts that already hold one.
CRISIS_LINE = re.compile(
    r"(?<![\d-])988(?![\d-])|741[\s-]?741|116[\s-]?123|1[\s.-]?800[\s.-]?273[\s.-]?(?:8255|talk)"
    r"|(?<!\d)13[\s-]?11[\s-]?14(?!\d)|1[\s.-]?800[\s.-]?suicide|findahelpline|samaritans"
    r"|befrienders|crisis\s*text\s*line|text\s+home\s+to|crisis\s*(?:line|hotline|helpline)"
    r"|(?:suicide|crisis|mental[\s-]*health)\s*(?:prevention\s*)?(?:life\s*line|hot\s*line|help\s*line)"
    r"|national\s+suicide|suicide\s+prevention\s+line",
    re.IGNORECASE,
)

# Posts that touch mental health (for the share of misinformation inside the packs' scope).
MENTAL_HEALTH = re.compile(
    r"\b(?:depress\w*|anxi\w*|mental\w*|suicid\w*|autis\w*|adhd|psychiat\w*|antidepress\w*|ssris?"
    r"|schizo\w*|bipolar|ptsd|self[- ]harm|insomnia|brain)\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- reading sources

class Source:
    """A fetched dataset: a folder, or a bare git directory with an optional @COMMIT."""

    def __init__(self, spec):
        self.spec = spec
        path, commit = spec, None
        if "@" in spec and not os.path.exists(spec):
            path, commit = spec.rsplit("@", 1)
        self.path = path
        self.git = os.path.isfile(os.path.join(path, "HEAD")) and os.path.isdir(os.path.join(path, "objects"))
        self.commit = None
        if self.git:
            rev = commit or "HEAD"
            self.commit = subprocess.run(
                ["git", "--git-dir", path, "rev-parse", rev + "^{commit}"],
                check=True, capture_output=True, text=True).stdout.strip()
        elif commit:
            sys.exit(f"eval-public: {path} is not a git directory, so @{commit} cannot be used")
        elif not os.path.isdir(path):
            sys.exit(f"eval-public: no such folder: {path}")

    def read(self, rel):
        if self.git:
            out = subprocess.run(["git", "--git-dir", self.path, "show", f"{self.commit}:{rel}"],
                                 capture_output=True)
            if out.returncode != 0:
                sys.exit(f"eval-public: {rel} not found at {self.commit} in {self.path}")
            return out.stdout
        full = os.path.join(self.path, rel)
        if not os.path.isfile(full):
            sys.exit(f"eval-public: missing file {full}")
        with open(full, "rb") as f:
            return f.read()

    def describe(self):
        return f"{self.path} @ {self.commit}" if self.git else self.path


def text_of(data):
    text = data.decode("utf-8-sig")
    return text.replace("\r\n", "\n")


def repair_mojibake(s):
    """UTF-8 read as Latin-1 ('iÃ¢Â€Â™m'): re-decode when that is exactly what happened."""
    if not re.search(r"[\u00c2-\u00f4][\u0080-\u00bf]", s):
        return s
    try:
        return s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


# ---------------------------------------------------------------- converters
# Each returns a list of records: id, text, labels, allow, split, group.

def record(rid, text, labels, split, group):
    return OrderedDict([("id", rid), ("text", text), ("labels", labels), ("allow", []),
                        ("split", split), ("group", group)])


def load_sid_twitter(src):
    rel = "Datasets/Suicide_Ideation_Dataset(Twitter-based).csv"
    rows = list(csv.reader(io.StringIO(text_of(src.read(rel)))))
    header, rows = rows[0], rows[1:]
    assert header[:2] == ["Tweet", "Suicide"], header
    out = []
    for i, row in enumerate(rows, 1):
        text = repair_mojibake(row[0]).strip()
        label = row[1].strip().lower()
        positive = label.startswith("potential") or label.startswith("exact")
        group = "suicidal" if positive else "not-suicidal"
        # A crisis post that already names a crisis line must not get the missing-resource
        # finding; one that does not must.
        labels = ["crisis-resources"] if positive and not CRISIS_LINE.search(text) else []
        out.append(record(f"sid-{i:05d}", text, labels, "all", group))
    return [r for r in out if r["text"]], [rel]


def load_constraint(src):
    files = [("train", "data/Constraint_Train.csv"), ("val", "data/Constraint_Val.csv"),
             ("test", "data/english_test_with_labels.csv")]
    out = []
    for split, rel in files:
        for row in csv.DictReader(io.StringIO(text_of(src.read(rel)))):
            text = row["tweet"].strip()
            label = row["label"].strip().lower()
            assert label in ("fake", "real"), label
            out.append(record(f"constraint-{split}-{int(row['id']):05d}", text,
                              ["misinformation"] if label == "fake" else [], split, label))
    return [r for r in out if r["text"]], [rel for _, rel in files]


def load_tweeteval_task(src, task, splits):
    mapping = {}
    for line in text_of(src.read(f"datasets/{task}/mapping.txt")).splitlines():
        if line.strip():
            k, v = line.split("\t", 1)
            mapping[k.strip()] = v.strip()
    out, used = [], [f"datasets/{task}/mapping.txt"]
    for split in splits:
        texts = text_of(src.read(f"datasets/{task}/{split}_text.txt")).split("\n")
        labels = text_of(src.read(f"datasets/{task}/{split}_labels.txt")).split("\n")
        if texts and texts[-1] == "":
            texts.pop()
        if labels and labels[-1] == "":
            labels.pop()
        assert len(texts) == len(labels), (task, split, len(texts), len(labels))
        used += [f"datasets/{task}/{split}_text.txt", f"datasets/{task}/{split}_labels.txt"]
        for i, (t, l) in enumerate(zip(texts, labels), 1):
            out.append(record(f"tweeteval-{task}-{split}-{i:05d}", t.strip(), [], split,
                              mapping.get(l.strip(), l.strip())))
    return [r for r in out if r["text"]], used


# ---------------------------------------------------------------- running postlint

def sample(records, name, limit):
    if len(records) <= limit:
        return records, f"all {len(records):,}"
    key = lambda r: hashlib.sha256(f"{name}\0{r['id']}".encode()).hexdigest()
    keep = set(r["id"] for r in sorted(records, key=key)[:limit])
    return [r for r in records if r["id"] in keep], \
        f"{limit:,} of {len(records):,} (sha256(dataset, id) order)"


def run_postlint(args, path):
    cmd = [args.postlint, "check", "--no-config", "--input-format", "jsonl", "--format", "jsonl",
           "--fail-on", "never", "--skip-bad-records", "--text-field", "text", "--id-field", "id"]
    if args.no_builtin_rules:
        cmd.append("--no-builtin-rules")
    for d in args.rules or []:
        cmd += ["--rules", d]
    if args.region:
        cmd += ["--region", args.region]
    cmd.append(path)
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"eval-public: postlint failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    findings, summary = {}, None
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        if obj.get("type") == "finding":
            f = obj["finding"]
            findings.setdefault(f["location"]["post"]["id"], []).append(f)
        elif obj.get("type") == "summary":
            summary = obj["summary"]
    return findings, summary, cmd


def rate(n, d):
    return f"{n}/{d} = {100.0 * n / d:.1f}%" if d else f"{n}/0"


def score(name, kind, records, findings):
    """Figures for one dataset, as a JSON-able dict."""
    cats_of = {rid: sorted(set(f["category"] for f in fs)) for rid, fs in findings.items()}
    res = OrderedDict()
    res["posts"] = len(records)
    flagged = [r for r in records if r["id"] in cats_of]
    res["flagged"] = len(flagged)
    res["flagged_per_1000"] = round(1000.0 * len(flagged) / len(records), 2) if records else 0
    res["flagged_by_category"] = OrderedDict(
        (c, sum(1 for r in records if c in cats_of.get(r["id"], []))) for c in CATEGORIES)
    res["findings_by_rule"] = OrderedDict(sorted(Counter(
        f["rule"] for r in records for f in findings.get(r["id"], [])).items()))
    res["with_crisis_line"] = sum(1 for r in records if CRISIS_LINE.search(r["text"]))
    groups = OrderedDict()
    for g in sorted(set(r["group"] for r in records)):
        rs = [r for r in records if r["group"] == g]
        gg = OrderedDict()
        gg["posts"] = len(rs)
        gg["flagged"] = sum(1 for r in rs if r["id"] in cats_of)
        gg["by_category"] = OrderedDict(
            (c, sum(1 for r in rs if c in cats_of.get(r["id"], []))) for c in CATEGORIES)
        gg["with_crisis_line"] = sum(1 for r in rs if CRISIS_LINE.search(r["text"]))
        groups[g] = gg
    res["groups"] = groups
    # Recall per labelled category, and false alarms (a category reported on a post that
    # is not labelled with it), as `postlint eval` counts them.
    per_cat = OrderedDict()
    for c in CATEGORIES:
        pos = [r for r in records if c in r["labels"]]
        neg = [r for r in records if c not in r["labels"]]
        tp = sum(1 for r in pos if c in cats_of.get(r["id"], []))
        fp = sum(1 for r in neg if c in cats_of.get(r["id"], []))
        if pos or fp:
            per_cat[c] = OrderedDict([("labelled", len(pos)), ("found", tp), ("false_alarms", fp),
                                      ("unlabelled", len(neg))])
    res["per_category"] = per_cat
    if kind == "crisis":
        pos = [r for r in records if r["group"] == "suicidal"]
        line = [r for r in pos if CRISIS_LINE.search(r["text"])]
        need = [r for r in pos if not CRISIS_LINE.search(r["text"])]
        res["crisis"] = OrderedDict([
            ("suicidal_posts", len(pos)),
            ("suicidal_with_crisis_line", len(line)),
            ("suicidal_with_crisis_line_still_flagged",
             sum(1 for r in line if "crisis-resources" in cats_of.get(r["id"], []))),
            ("suicidal_without_crisis_line", len(need)),
            ("recall_crisis_resources",
             sum(1 for r in need if "crisis-resources" in cats_of.get(r["id"], []))),
            ("suicidal_flagged_any", sum(1 for r in pos if r["id"] in cats_of)),
        ])
    if kind == "misinfo":
        fake = [r for r in records if r["group"] == "fake"]
        real = [r for r in records if r["group"] == "real"]
        res["misinfo"] = OrderedDict([
            ("fake", len(fake)),
            ("fake_flagged_misinformation",
             sum(1 for r in fake if "misinformation" in cats_of.get(r["id"], []))),
            ("real", len(real)),
            ("real_flagged_misinformation",
             sum(1 for r in real if "misinformation" in cats_of.get(r["id"], []))),
            ("real_flagged_any", sum(1 for r in real if r["id"] in cats_of)),
            ("fake_mental_health", sum(1 for r in fake if MENTAL_HEALTH.search(r["text"]))),
            ("fake_mental_health_flagged_misinformation",
             sum(1 for r in fake if MENTAL_HEALTH.search(r["text"])
                 and "misinformation" in cats_of.get(r["id"], []))),
            ("real_mental_health", sum(1 for r in real if MENTAL_HEALTH.search(r["text"]))),
            ("real_mental_health_flagged_misinformation",
             sum(1 for r in real if MENTAL_HEALTH.search(r["text"])
                 and "misinformation" in cats_of.get(r["id"], []))),
        ])
    return res


def load_judgements(path):
    """Hand judgements of posts (by id only, no text): dataset, id, verdict, category, note."""
    by = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            ds, rid, verdict, cat = parts[:4]
            by.setdefault(ds, []).append((rid, verdict, cat))
    return by


def judge(records, findings, rows):
    """For each verdict: how many judged posts, how many have a finding of the judged category now."""
    ids = set(r["id"] for r in records)
    out, missing = OrderedDict(), 0
    for rid, verdict, cat in rows:
        if rid not in ids:
            missing += 1
            continue
        v = out.setdefault(verdict, OrderedDict([("posts", 0), ("flagged_in_category", 0), ("flagged_any", 0)]))
        v["posts"] += 1
        cats = set(f["category"] for f in findings.get(rid, []))
        v["flagged_in_category"] += 1 if cat in cats else 0
        v["flagged_any"] += 1 if cats else 0
    order = ["true", "arguable", "false-alarm", "should-flag", "ambiguous", "not-crisis"]
    out = OrderedDict(sorted(out.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99, kv[0])))
    if missing:
        out["not-in-sample"] = OrderedDict([("posts", missing)])
    return out


def print_report(name, meta, res, out):
    w = out.write
    w(f"\n== {name}: {meta['title']}\n")
    w(f"   source: {meta['source']}\n   files: {', '.join(meta['files'])}\n")
    w(f"   sample: {meta['sample']}; converted: {meta['converted']}\n")
    w(f"   posts {res['posts']:,}; flagged {res['flagged']:,} "
      f"({res['flagged_per_1000']:.1f} per 1,000); holding a crisis line {res['with_crisis_line']:,}\n")
    if "crisis" in res:
        c = res["crisis"]
        w(f"   suicidal posts {c['suicidal_posts']:,}: crisis-resources finding on those without a "
          f"crisis line (recall) {rate(c['recall_crisis_resources'], c['suicidal_without_crisis_line'])}; "
          f"already holding a crisis line {c['suicidal_with_crisis_line']} "
          f"(of which still flagged {c['suicidal_with_crisis_line_still_flagged']}); "
          f"any finding {rate(c['suicidal_flagged_any'], c['suicidal_posts'])}\n")
    if "misinfo" in res:
        m = res["misinfo"]
        w(f"   fake: misinformation finding (recall) {rate(m['fake_flagged_misinformation'], m['fake'])}\n")
        w(f"   real: misinformation finding (false alarm) {rate(m['real_flagged_misinformation'], m['real'])}; "
          f"any finding {rate(m['real_flagged_any'], m['real'])}\n")
        w(f"   posts touching mental health: fake flagged misinformation "
          f"{rate(m['fake_mental_health_flagged_misinformation'], m['fake_mental_health'])}; real flagged "
          f"misinformation {rate(m['real_mental_health_flagged_misinformation'], m['real_mental_health'])}\n")
    w(f"   {'group':<16}{'posts':>7}{'flagged':>9}{'/1000':>8}  " +
      "".join(f"{c[:12]:>13}" for c in CATEGORIES) + "\n")
    for g, gg in res["groups"].items():
        per = 1000.0 * gg["flagged"] / gg["posts"] if gg["posts"] else 0
        w(f"   {g:<16}{gg['posts']:>7}{gg['flagged']:>9}{per:>8.1f}  " +
          "".join(f"{gg['by_category'][c]:>13}" for c in CATEGORIES) + "\n")
    if res["per_category"]:
        w(f"   {'category':<18}{'labelled':>9}{'found':>7}{'recall':>8}{'false alarms':>14}{'per 1,000 unlabelled':>22}\n")
        for c, pc in res["per_category"].items():
            rec = f"{pc['found'] / pc['labelled']:.3f}" if pc["labelled"] else "-"
            fa = 1000.0 * pc["false_alarms"] / pc["unlabelled"] if pc["unlabelled"] else 0
            w(f"   {c:<18}{pc['labelled']:>9}{pc['found']:>7}{rec:>8}{pc['false_alarms']:>14}{fa:>22.1f}\n")
    if res.get("judged"):
        w("   hand-judged posts (verdict: posts, with a finding of the judged category now, with any finding now):\n")
        for v, jv in res["judged"].items():
            w(f"     {v:<14}{jv['posts']:>5}" + (f"{jv['flagged_in_category']:>6}{jv['flagged_any']:>6}" if "flagged_any" in jv else "") + "\n")
    if res["findings_by_rule"]:
        w("   findings by rule: " + ", ".join(f"{k} {v}" for k, v in res["findings_by_rule"].items()) + "\n")


def show_posts(title, records, findings, n, out, name):
    if n <= 0 or not records:
        return
    key = lambda r: hashlib.sha256(f"{name}\0{r['id']}".encode()).hexdigest()
    chosen = sorted(records, key=key)[:n]
    out.write(f"\n-- {name}: {title}: {len(chosen)} of {len(records)} (LOCAL REVIEW ONLY, do not commit)\n")
    for r in sorted(chosen, key=lambda r: r["id"]):
        fs = findings.get(r["id"], [])
        tag = "; ".join(f"{f['rule']} [{f['match']}]" for f in fs) or "no finding"
        out.write(f"{r['id']} ({r['group']}) {tag}\n    {r['text']!r}\n")


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n", 2)[2], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--postlint", required=True, help="the postlint binary to measure")
    ap.add_argument("--no-builtin-rules", action="store_true", help="passed to postlint")
    ap.add_argument("--rules", action="append", metavar="DIR", help="passed to postlint (repeatable)")
    ap.add_argument("--region", help="passed to postlint")
    ap.add_argument("--sid-twitter", metavar="PATH", help="Suicidal Tweet Detection set (see above)")
    ap.add_argument("--constraint", metavar="PATH", help="CONSTRAINT-2021 COVID-19 fake news (see above)")
    ap.add_argument("--tweeteval", metavar="PATH", help="TweetEval (see above)")
    ap.add_argument("--work", default="/work/eval-data/converted",
                    help="where converted JSON Lines and findings go (outside the repository)")
    ap.add_argument("--max-posts", type=int, default=20000, help="per dataset (default 20000)")
    ap.add_argument("--json", metavar="FILE", help="also write every figure as JSON to FILE")
    ap.add_argument("--judgements", metavar="FILE",
                    help="TSV of hand-judged post ids (dataset, id, verdict, category, note): "
                         "reports how many of them are flagged by this binary")
    ap.add_argument("--show-flagged", type=int, default=0, metavar="N",
                    help="print N flagged posts per dataset with their findings (local review)")
    ap.add_argument("--show-misses", type=int, default=0, metavar="N",
                    help="print N labelled posts with no finding of their category (local review)")
    args = ap.parse_args()

    plans = []  # (name, kind, title, source, loader)
    if args.sid_twitter:
        s = Source(args.sid_twitter)
        plans.append(("sid-twitter", "crisis", "Suicidal Tweet Detection (Twitter-based)", s,
                      lambda s=s: load_sid_twitter(s)))
    if args.constraint:
        s = Source(args.constraint)
        plans.append(("constraint-covid", "misinfo", "CONSTRAINT-2021 COVID-19 fake news (English)", s,
                      lambda s=s: load_constraint(s)))
    if args.tweeteval:
        s = Source(args.tweeteval)
        plans.append(("tweeteval-irony", "ordinary", "TweetEval irony (SemEval-2018 task 3), all splits", s,
                      lambda s=s: load_tweeteval_task(s, "irony", ["train", "val", "test"])))
        plans.append(("tweeteval-emotion", "ordinary", "TweetEval emotion (SemEval-2018 task 1), all splits", s,
                      lambda s=s: load_tweeteval_task(s, "emotion", ["train", "val", "test"])))
        plans.append(("tweeteval-sentiment", "ordinary", "TweetEval sentiment (SemEval-2017 task 4), val+test", s,
                      lambda s=s: load_tweeteval_task(s, "sentiment", ["val", "test"])))
    if not plans:
        ap.error("give at least one dataset (--sid-twitter, --constraint, --tweeteval)")

    repo = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    work = os.path.realpath(args.work)
    if work == repo or work.startswith(repo + os.sep):
        sys.exit("eval-public: --work must be outside the repository (post text must never be committed)")
    os.makedirs(work, exist_ok=True)

    version = subprocess.run([args.postlint, "--version"], capture_output=True, text=True).stdout.strip()
    rl = [args.postlint, "rules", "list"] + (["--no-builtin-rules"] if args.no_builtin_rules else [])
    for d in args.rules or []:
        rl += ["--rules", d]
    rules = subprocess.run(rl, capture_output=True, text=True).stdout.strip().splitlines()
    judgements = load_judgements(args.judgements) if args.judgements else None
    out = sys.stdout
    out.write(f"postlint {args.postlint} (version {version}; {rules[-1] if rules else '? rules'})"
              f"{' --no-builtin-rules' if args.no_builtin_rules else ''}"
              f"{''.join(' --rules ' + d for d in args.rules or [])}\n")

    report = OrderedDict([("postlint", args.postlint), ("version", version),
                          ("rules", rules[-1] if rules else None),
                          ("no_builtin_rules", args.no_builtin_rules), ("rule_dirs", args.rules or []),
                          ("datasets", OrderedDict())])
    for name, kind, title, src, loader in plans:
        records, files = loader()
        records, how = sample(records, name, args.max_posts)
        path = os.path.join(work, f"{name}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        findings, summary, cmd = run_postlint(args, path)
        with open(os.path.join(work, f"{name}.findings.jsonl"), "w", encoding="utf-8") as f:
            for rid in sorted(findings):
                for fd in findings[rid]:
                    f.write(json.dumps(fd, ensure_ascii=False, sort_keys=True) + "\n")
        if summary and summary.get("postsRead") != len(records):
            out.write(f"   warning: postlint read {summary.get('postsRead')} posts of {len(records)}\n")
        if summary and summary.get("badRecords"):
            out.write(f"   warning: {summary['badRecords']} bad records skipped by postlint\n")
        res = score(name, kind, records, findings)
        if judgements and name in judgements:
            res["judged"] = judge(records, findings, judgements[name])
        meta = OrderedDict([("title", title), ("source", src.describe()), ("files", files),
                            ("sample", how), ("converted", path)])
        print_report(name, meta, res, out)
        report["datasets"][name] = OrderedDict([("meta", meta), ("figures", res)])
        flagged = [r for r in records if r["id"] in findings]
        show_posts("flagged posts", flagged, findings, args.show_flagged, out, name)
        misses = [r for r in records if any(c not in set(f["category"] for f in findings.get(r["id"], []))
                                            for c in r["labels"])]
        show_posts("labelled posts missed", misses, findings, args.show_misses, out, name)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
