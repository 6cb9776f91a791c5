"""postlint on real Spark (local[2]): the same findings as one postlint run, and posts
whose text is null or not a string reported, not lost.

Run by integrations/spark/test.sh, which makes the virtual environment, finds java and
builds the binary ($POSTLINT)."""

import collections
import json
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))

import postlint_spark  # noqa: E402

POSTS = int(os.environ.get("POSTLINT_SPARK_TEST_POSTS", "100000"))


def corpus_script():
    for candidate in (os.environ.get("POSTLINT_MAKE_CORPUS"),
                      os.path.join(REPO, "..", "shared", "bench", "make_corpus.py"),
                      "/work/shared/bench/make_corpus.py"):
        if candidate and os.path.isfile(candidate):
            return candidate
    pytest.fail("make_corpus.py not found (shared/bench beside the repository, or $POSTLINT_MAKE_CORPUS)")


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # local[2, 2]: two cores, and a failed task is tried once more (as on a cluster).
    session = (SparkSession.builder.master("local[2,2]").appName("postlint-tests")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "4")
               .config("spark.driver.memory", "1g")
               .getOrCreate())
    yield session
    session.stop()


def run_audit(spark, tmp_path, path, *extra):
    args = postlint_spark.parse_args(["--input", str(path), "--output", str(tmp_path / "out"), *extra])
    return postlint_spark.audit(spark, args)


def key(post_id, rule, offset, length, line, column, end_line, end_column, severity, message, match, suggestions):
    return (post_id, rule, offset, length, line, column, end_line, end_column, severity, message, match,
            tuple(suggestions))


def test_findings_equal_a_single_postlint_run(spark, tmp_path):
    corpus = tmp_path / "posts.jsonl"
    subprocess.run([sys.executable, corpus_script(), "--posts", str(POSTS), "--format", "jsonl", "--out", str(corpus)],
                   check=True, stdout=subprocess.DEVNULL)
    single = subprocess.run([postlint_spark.find_binary(), "check", "--format", "jsonl", "--fail-on", "never",
                             "--no-config", str(corpus)], check=True, capture_output=True)
    expected = collections.Counter()
    for raw in single.stdout.splitlines():
        message = json.loads(raw)
        if message["type"] != "finding":
            continue
        finding, location = message["finding"], message["finding"]["location"]
        expected[key(location["post"]["id"], finding["rule"], location["offset"], location["length"],
                     location["line"], location["column"], location["endLine"], location["endColumn"],
                     finding["severity"], finding["message"], finding["match"], finding["suggestions"])] += 1
    assert sum(expected.values()) > POSTS // 20, "the corpus should give many findings"

    findings, problems = run_audit(spark, tmp_path, corpus, "--partitions", "3")
    actual = collections.Counter(
        key(r.post_id, r.rule, r.offset, r.length, r.line, r.column, r.end_line, r.end_column, r.severity,
            r.message, r.match, r.suggestions)
        for r in findings.collect())
    assert problems.count() == 0
    assert sum(actual.values()) == sum(expected.values())
    assert actual == expected

    aggregate = spark.read.parquet(str(tmp_path / "out" / "aggregate"))
    assert aggregate.groupBy().sum("findings").collect()[0][0] == sum(expected.values())
    assert aggregate.filter("month is null").count() == 0, "make_corpus posts all have created_at"

    # A partition whose first attempt dies mid-stream is retried by Spark: the same findings.
    retried, problems = run_audit(spark, tmp_path, corpus, "--partitions", "3", "--fail-first-attempt")
    assert problems.count() == 0
    assert collections.Counter(
        key(r.post_id, r.rule, r.offset, r.length, r.line, r.column, r.end_line, r.end_column, r.severity,
            r.message, r.match, r.suggestions)
        for r in retried.collect()) == expected


def test_null_and_non_string_text_are_reported_not_lost(spark, tmp_path):
    from pyspark.sql.types import BinaryType, LongType, StringType, StructField, StructType

    strings = [("s1", "Good vibes only! Everything happens for a reason.", "ann"),
               ("s2", None, "bob"),
               ("s3", "", "cat"),
               ("s4", "A quiet walk today.", None),
               ("s5", None, "dan")]
    schema = StructType([StructField("id", StringType()), StructField("text", StringType()),
                         StructField("author", StringType())])
    path = tmp_path / "strings.parquet"
    spark.createDataFrame(strings, schema).write.parquet(str(path))
    findings, problems = run_audit(spark, tmp_path, path, "--keep-col", "author")
    flagged = {row.post_id for row in findings.collect()}
    reported = {row.post_id: row.message for row in problems.collect()}
    assert flagged == {"s1"}
    assert {row.fields["author"] for row in findings.collect()} == {"ann"}
    assert set(reported) == {"s2", "s5"}
    assert all("not text" in message for message in reported.values()), reported

    numbers = spark.createDataFrame([("n1", 42), ("n2", None)],
                                    StructType([StructField("id", StringType()), StructField("text", LongType())]))
    path = tmp_path / "numbers.parquet"
    numbers.write.parquet(str(path))
    findings, problems = run_audit(spark, tmp_path, path)
    assert findings.count() == 0
    assert {row.post_id for row in problems.collect()} == {"n1", "n2"}

    blobs = spark.createDataFrame([("b1", bytearray("committed suicide".encode())), ("b2", bytearray(b"\xff\xfe bad")),
                                   ("b3", None)],
                                  StructType([StructField("id", StringType()), StructField("text", BinaryType())]))
    path = tmp_path / "blobs.parquet"
    blobs.write.parquet(str(path))
    findings, problems = run_audit(spark, tmp_path, path)
    assert {row.post_id for row in findings.collect()} == {"b1"}
    assert {row.post_id for row in problems.collect()} == {"b2", "b3"}


def test_json_lines_records_that_cannot_be_linted_are_reported_with_their_id(spark, tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_text("\n".join([
        '{"id": "j1", "text": "good vibes only", "author": "ann", "created_at": "2025-02-03T00:00:00Z"}',
        'not json at all',
        '{"id": "j2", "text": null}',
        '{"id": 7, "text": ["a", "list"]}',
        '',
        '{"id": "j3", "text": "A calm day."}',
    ]) + "\n")
    findings, problems = run_audit(spark, tmp_path, path, "--keep-col", "author")
    rows = findings.collect()
    assert [(row.post_id, row.month, row.fields) for row in rows] == [("j1", "2025-02", {"author": "ann"})]
    reported = sorted((row.record, row.post_id, row.message) for row in problems.collect())
    assert [(record, post_id) for record, post_id, _ in reported] == [(2, None), (3, "j2"), (4, "7")]
    assert "not valid JSON" in reported[0][2] and "not text" in reported[1][2]
