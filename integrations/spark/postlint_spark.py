#!/usr/bin/env python3
"""Audit a data lake of posts with postlint on Apache Spark.

    spark-submit postlint_spark.py --input posts.parquet --output audit/ [--master local[2]]
    python3 postlint_spark.py --input posts.jsonl --output audit/ --region GB

A front end only: each partition's posts are piped as JSON Lines through one postlint
process in its streaming mode (`postlint check --input-format jsonl --format jsonl -`),
and its finding lines become rows. No lint logic lives here.

Writes, under --output:
  findings/   Parquet, one row per finding (FINDINGS_SCHEMA)
  problems/   Parquet, one row per post that could not be linted (null or non-string text,
              a rule failure), with postlint's message: such posts are reported, never lost
  aggregate/  Parquet, findings and flagged posts by category x rule x month

The postlint binary comes from $POSTLINT or PATH and is shipped to the executors with
SparkContext.addFile, as are --rules folders. The binary is deterministic and each partition
is linted alone, so a retried partition gives the same rows.
"""

import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import threading

FINDINGS_COLUMNS = [
    # (name, Spark SQL type)
    ("post_id", "string"),
    ("timestamp", "string"),
    ("month", "string"),
    ("rule", "string"),
    ("category", "string"),
    ("severity", "string"),
    ("message", "string"),
    ("match", "string"),
    ("offset", "int"),       # UTF-8 bytes from the start of the post's text
    ("length", "int"),       # UTF-8 bytes
    ("line", "int"),         # 1-based, within the post
    ("column", "int"),       # 1-based, Unicode scalars
    ("end_line", "int"),
    ("end_column", "int"),
    ("suggestions", "array<string>"),
    ("source", "string"),
    ("fix", "string"),
    ("fields", "map<string,string>"),  # --keep-col values
]
PROBLEMS_COLUMNS = [
    ("post_id", "string"),   # null for a JSON Lines record that could not be read
    ("partition", "int"),
    ("record", "int"),       # 1-based position of the post in its partition
    ("message", "string"),
    ("input", "string"),     # JSON Lines: the record's first 200 characters
]

# postlint names a bad record on stderr as `postlint: <stdin>:LINE:COLUMN: message`.
PROBLEM_LINE = re.compile(r"^postlint: <stdin>:(\d+):\d+: (.*)$")
SUMMARY_LINE = re.compile(r"^postlint: \d+ posts read, ")
MONTH = re.compile(r"^\d{4}-\d{2}")


def ddl(columns):
    return ", ".join(f"`{name}` {kind}" for name, kind in columns)


def find_binary():
    """The postlint binary: $POSTLINT, else the first on PATH."""
    binary = os.environ.get("POSTLINT") or shutil.which("postlint")
    if not binary or not os.access(binary, os.X_OK):
        sys.exit("postlint_spark: no postlint binary: set $POSTLINT or put postlint on PATH")
    return os.path.abspath(binary)


# MARK: - What one partition does (runs on the executors)

def encode_text(value):
    """The post's text as sent to postlint. Strings (and binary that is valid UTF-8) go as
    they are; null goes as null; anything else (numbers, booleans, arrays, structs, invalid
    UTF-8) goes as an object naming its type, so postlint reports the record as not text
    instead of linting a number's digits."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            return {"notText": "binary", "base64": base64.b64encode(bytes(value)).decode("ascii")}
    return {"notText": type(value).__name__}


def plain(value):
    """A pass-through value as JSON: strings as they are, others as text."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def post_record(row, settings, number):
    record = {"id": str(row[settings["id_col"]]) if settings["id_col"] and row[settings["id_col"]] is not None
              else f"{settings['partition']}-{number}",
              "text": encode_text(row[settings["text_col"]])}
    if settings["time_col"]:
        record["created_at"] = plain(row[settings["time_col"]])
    for name in settings["keep"]:
        record["keep:" + name] = plain(row[name])
    return record


def command(binary, settings, rules):
    cmd = [binary, "check", "--input-format", "jsonl", "--format", "jsonl", "-", "--fail-on", "never",
           "--skip-bad-records", "--no-config", "--jobs", "1"]
    if settings["raw"]:  # JSON Lines records go through as they are: postlint reads the fields
        cmd += ["--text-field", settings["text_col"]]
        if settings["id_col"]:
            cmd += ["--id-field", settings["id_col"]]
        if settings["keep"]:
            cmd += ["--keep-field", ",".join(settings["keep"])]
    else:
        cmd += ["--text-field", "text", "--id-field", "id"]
        if settings["keep"]:
            cmd += ["--keep-field", ",".join("keep:" + name for name in settings["keep"])]
    if settings["region"]:
        cmd += ["--region", settings["region"]]
    for folder in rules:
        cmd += ["--rules", folder]
    if settings["no_builtin_rules"]:
        cmd.append("--no-builtin-rules")
    return cmd


def finding_row(finding):
    location = finding["location"]
    post = location.get("post", {})
    timestamp = post.get("timestamp")
    fields = {key[len("keep:"):] if key.startswith("keep:") else key: value
              for key, value in post.get("fields", {}).items()}
    return ("finding", (
        post.get("id"), timestamp, timestamp[:7] if timestamp and MONTH.match(timestamp) else None,
        finding["rule"], finding["category"], finding["severity"], finding["message"], finding["match"],
        location["offset"], location["length"], location["line"], location["column"],
        location["endLine"], location["endColumn"], finding.get("suggestions", []), finding.get("source"),
        finding.get("fix"), fields), None)


def lint_partition(index, rows, settings):
    """Pipes one partition's posts through postlint and yields its findings and problems."""
    from pyspark import SparkFiles, TaskContext

    settings = dict(settings, partition=index)
    binary = SparkFiles.get("postlint")
    if not os.access(binary, os.X_OK):
        os.chmod(binary, 0o755)
    rules = [SparkFiles.get(name) for name in settings["rule_files"]]
    proc = subprocess.Popen(command(binary, settings, rules), stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # NOTE: the only per-post state kept, to name the post of a bad record's line: the id of
    # each post sent, or (JSON Lines passed through) each line's first 200 characters.
    ids = []
    failure = []

    def feed():
        try:
            for row in rows:
                if settings["raw"]:
                    line = row[0]
                    ids.append(line[:200])
                    proc.stdin.write(line.encode("utf-8") + b"\n")
                    continue
                ids.append(None)
                record = post_record(row, settings, len(ids))
                ids[-1] = record["id"]
                proc.stdin.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        except BrokenPipeError:
            pass
        except BaseException as error:  # re-raised on the task's thread below
            failure.append(error)
        finally:
            try:
                proc.stdin.close()
            except BrokenPipeError:
                pass

    stderr_lines = []

    def drain():
        for raw in proc.stderr:
            stderr_lines.append(raw.decode("utf-8", "replace").rstrip("\n"))

    threads = [threading.Thread(target=feed, daemon=True), threading.Thread(target=drain, daemon=True)]
    for thread in threads:
        thread.start()
    # Tests only: the first attempt of partition 0 dies mid-stream, as a lost executor would.
    doomed = settings["fail_first_attempt"] and index == 0 and TaskContext.get().attemptNumber() == 0
    for count, raw in enumerate(proc.stdout):
        if doomed and count == 10:
            proc.kill()
            raise RuntimeError("postlint_spark: injected failure of a first attempt (--fail-first-attempt)")
        message = json.loads(raw)
        if message.get("type") == "finding":
            yield finding_row(message["finding"])
    code = proc.wait()
    for thread in threads:
        thread.join()
    if failure:
        raise failure[0]
    if code not in (0, 1):
        raise RuntimeError(f"postlint exited {code} on partition {index}:\n" + "\n".join(stderr_lines[-20:]))
    for line in stderr_lines:
        match = PROBLEM_LINE.match(line)
        if match:
            number = int(match.group(1))
            known = ids[number - 1] if 0 < number <= len(ids) else None
            post_id, record = (raw_id(known, settings), known) if settings["raw"] else (known, None)
            yield ("problem", None, (post_id, index, number, match.group(2), record))
        elif line and not SUMMARY_LINE.match(line):
            yield ("problem", None, (None, index, None, line[len("postlint: "):] if line.startswith("postlint: ") else line, None))


def raw_id(line, settings):
    """The id of a JSON Lines record postlint could not lint, where the line is JSON."""
    try:
        value = json.loads(line)
    except (TypeError, ValueError):
        return None
    if isinstance(value, dict) and settings["id_col"] in value and value[settings["id_col"]] is not None:
        return str(value[settings["id_col"]])
    return None


# MARK: - The driver

def read_posts(spark, path, input_format):
    kind = input_format or detect_format(path)
    if kind == "parquet":
        return spark.read.parquet(path)
    if kind == "jsonl":
        return spark.read.json(path)
    if kind == "csv":
        return spark.read.option("header", True).option("multiLine", True).option("escape", '"').csv(path)
    sys.exit(f"postlint_spark: cannot tell the format of '{path}'; give --input-format parquet|jsonl|csv")


def detect_format(path):
    name = path.rstrip("/").lower()
    for kind, endings in (("parquet", (".parquet", ".pq")), ("jsonl", (".jsonl", ".ndjson", ".json")),
                          ("csv", (".csv",))):
        if name.endswith(endings):
            return kind
    if os.path.isdir(path):
        names = [entry.lower() for entry in os.listdir(path)]
        for kind, endings in (("parquet", (".parquet",)), ("jsonl", (".jsonl", ".json")), ("csv", (".csv",))):
            if any(entry.endswith(endings) for entry in names):
                return kind
    return None


def audit(spark, args):
    """Lints `args.input` and writes findings/, problems/ and aggregate/ under `args.output`.
    Returns the findings and problems DataFrames."""
    kind = args.input_format or detect_format(args.input)
    if kind == "jsonl" and not args.parse_json:
        # NOTE: JSON Lines records are piped as they are: postlint reads the fields, exactly as a
        # single `postlint check` on the file does (no schema inference, no re-encoding).
        lines = spark.read.text(args.input)
        if args.partitions:
            lines = lines.repartition(args.partitions)
        settings = {"raw": True, "id_col": args.id_col, "text_col": args.text_col, "time_col": None,
                    "keep": args.keep_col}
        return lint_and_write(spark, lines, settings, args)
    posts = read_posts(spark, args.input, kind)
    for name in [args.text_col] + args.keep_col:
        if name not in posts.columns:
            sys.exit(f"postlint_spark: no column '{name}' in {args.input} (columns: {', '.join(posts.columns)})")
    id_col = args.id_col if args.id_col in posts.columns else None
    time_col = args.time_col if args.time_col in posts.columns else None
    if args.partitions:
        posts = posts.repartition(args.partitions)
    columns = [name for name in dict.fromkeys([id_col, args.text_col, time_col] + args.keep_col) if name]
    posts = posts.select(*columns)

    settings = {"raw": False, "id_col": id_col, "text_col": args.text_col, "time_col": time_col,
                "keep": args.keep_col}
    return lint_and_write(spark, posts, settings, args)


def lint_and_write(spark, frame, settings, args):
    from pyspark.sql import functions as F
    from pyspark.storagelevel import StorageLevel

    sc = spark.sparkContext
    sc.addFile(find_binary())
    sc.addPyFile(os.path.abspath(__file__))  # the executors import this module for lint_partition
    rule_files = []
    for folder in args.rules:
        sc.addFile(os.path.abspath(folder), recursive=True)
        rule_files.append(os.path.basename(os.path.abspath(folder).rstrip("/")))
    settings = dict(settings, region=args.region, rule_files=rule_files, no_builtin_rules=args.no_builtin_rules,
                    fail_first_attempt=args.fail_first_attempt)

    tagged = frame.rdd.mapPartitionsWithIndex(lambda index, rows: lint_partition(index, rows, settings))
    tagged = tagged.persist(StorageLevel.MEMORY_AND_DISK)
    findings = spark.createDataFrame(tagged.filter(lambda item: item[0] == "finding").map(lambda item: item[1]),
                                     schema=ddl(FINDINGS_COLUMNS))
    problems = spark.createDataFrame(tagged.filter(lambda item: item[0] == "problem").map(lambda item: item[2]),
                                     schema=ddl(PROBLEMS_COLUMNS))
    out = args.output.rstrip("/")
    findings.write.mode("overwrite").parquet(f"{out}/findings")
    problems.write.mode("overwrite").parquet(f"{out}/problems")
    written = spark.read.parquet(f"{out}/findings")
    aggregate = (written.groupBy("category", "rule", "month")
                 .agg(F.count(F.lit(1)).alias("findings"), F.countDistinct("post_id").alias("posts_flagged"))
                 .orderBy("category", "rule", "month"))
    aggregate.coalesce(1).write.mode("overwrite").parquet(f"{out}/aggregate")
    tagged.unpersist()
    return written, spark.read.parquet(f"{out}/problems")


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Audit posts with postlint on Spark.")
    parser.add_argument("--input", required=True, help="Parquet, JSON Lines or CSV file or folder (any Hadoop path)")
    parser.add_argument("--output", required=True, help="folder for findings/, problems/, aggregate/")
    parser.add_argument("--input-format", choices=["parquet", "jsonl", "csv"], help="default: from the name")
    parser.add_argument("--master", help="e.g. local[2]; default: what spark-submit gives, else local[*]")
    parser.add_argument("--text-col", default="text")
    parser.add_argument("--id-col", default="id", help="ignored when absent: ids are then partition-record")
    parser.add_argument("--time-col", default="created_at", help="timestamp column for months (if present)")
    parser.add_argument("--keep-col", default="", help="columns copied into each finding's fields (a,b)")
    parser.add_argument("--region", help="whose crisis lines count (US, GB, …)")
    parser.add_argument("--rules", action="append", default=[], help="extra rule folder (repeatable), shipped to executors")
    parser.add_argument("--no-builtin-rules", action="store_true")
    parser.add_argument("--partitions", type=int, help="repartition the input first (default: as read)")
    parser.add_argument("--partition-mb", type=int, help="input split size (spark.sql.files.maxPartitionBytes)")
    parser.add_argument("--fail-first-attempt", action="store_true", help=argparse.SUPPRESS)  # tests: retries
    parser.add_argument("--parse-json", action="store_true",
                        help="JSON Lines: read into a DataFrame first (default: records piped as they are)")
    args = parser.parse_args(argv)
    args.keep_col = [name for name in args.keep_col.split(",") if name]
    return args


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("postlint")
    if args.master:  # else spark-submit's --master, or local[*] under plain python3
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    if args.partition_mb:
        spark.conf.set("spark.sql.files.maxPartitionBytes", str(args.partition_mb * 1024 * 1024))
    try:
        findings, problems = audit(spark, args)
        print(f"postlint_spark: {findings.count()} findings, {problems.count()} problems, written under {args.output}",
              file=sys.stderr)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
