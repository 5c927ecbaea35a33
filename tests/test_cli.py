"""`eventwire extract` from a user's seat: formats, stdin, JSON Lines batches and bad input."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from eventwire.cli import main

STORY = (
    "Shelling hits market in Kharkiv\n\n"
    "Russian artillery shelled a market in the eastern city of Kharkiv on Sunday, killing four "
    "people and wounding nine, the regional governor said.\n"
)


@pytest.fixture()
def run():
    runner = CliRunner()

    def invoke(*args, stdin=None):
        return runner.invoke(main, list(args), input=stdin, catch_exceptions=False)

    return invoke


def test_jsonl_from_stdin(run):
    result = run("extract", "-", "--published", "2025-03-03", "--format", "jsonl", stdin=STORY)
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(events) == 1
    e = events[0]
    assert e["sub_event_type"] == "Shelling/artillery/missile attack"
    assert e["event_date"] == "2025-03-02" and e["fatalities"] == 4 and e["injuries"] == 9
    assert e["location"] and e["country"] == "Ukraine"
    assert e["claimed_by"] == "the regional governor"


def test_csv_has_acled_header(run, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, "utf-8")
    result = run("extract", str(path), "--published", "2025-03-03", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("event_id_cnty,event_date,year,")


def test_geojson(run):
    result = run("extract", "-", "--published", "2025-03-03", "--format", "geojson", stdin=STORY)
    data = json.loads(result.stdout)
    assert data["type"] == "FeatureCollection" and data["features"][0]["geometry"]


def test_table_is_what_an_analyst_reads(run):
    result = run("extract", "-", "--published", "2025-03-03", "--format", "table", stdin=STORY)
    assert "2025-03-02" in result.stdout and "4 killed" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Des obus sont tombés sur la ville, a déclaré le maire.".encode("latin-1"), "UTF-8"),
        ("Артилерія обстріляла місто вночі, повідомив голова області.".encode(), "not English"),
    ],
)
def test_bad_input_gets_one_line_and_nonzero_exit(run, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(STORY, "utf-8")
    result = run("extract", str(bad), str(good), "--published", "2025-03-03", "--format", "jsonl")
    assert result.exit_code != 0
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and message in errors[0] and "bad.txt" in errors[0]
    assert len(result.stdout.splitlines()) == 1  # the good file is still processed


def test_huge_input_is_refused(run, tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_text("Shelling was reported in the town. " * 300_000, "utf-8")  # ~10 MB
    result = run("extract", str(huge), "--format", "jsonl")
    assert result.exit_code != 0 and "too large" in result.stderr


def test_jsonl_batch_reports_the_bad_line_and_goes_on(run):
    lines = [
        json.dumps({"id": "a1", "text": STORY, "published": "2025-03-03", "source": "Wire"}),
        "{not json",
        json.dumps(
            {"id": "a3", "text": STORY.replace("Kharkiv", "Sumy"), "published": "2025-03-10"}
        ),
    ]
    result = run(
        "extract",
        "-",
        "--input-format",
        "jsonl",
        "--format",
        "jsonl",
        stdin="\n".join(lines) + "\n",
    )
    assert result.exit_code != 0
    assert "<stdin>:2" in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["article_id"] for e in events] == ["a1", "a3"]
    assert events[0]["sources"] == ["Wire"]
    assert events[1]["event_date"] == "2025-03-09"


def test_bad_published_date(run):
    result = run("extract", "-", "--published", "March 3", stdin=STORY)
    assert result.exit_code != 0


def test_ambiguous_published_date_is_refused_with_its_readings(run):
    result = run("extract", "-", "--published", "03/04/2022", stdin=STORY)
    assert result.exit_code == 2
    assert "ambiguous: 4 March 2022 or 3 April 2022" in result.output


def test_published_as_people_write_it():
    from eventwire.cli import parse_day

    days = {parse_day(v) for v in ("14 March 2022", "2022-03-14", "Mar 14, 2022")}
    assert days == {date(2022, 3, 14)}


def test_python_api_takes_a_written_date():
    from eventwire import extract

    text = "Russian forces shelled Kharkiv on Sunday, killing two civilians."
    assert [e.event_date for e in extract(text, published="Mar 14, 2022")] == ["2022-03-13"]
    with pytest.raises(ValueError, match="ambiguous"):
        extract(text, published="03/04/2022")


def test_python_api_rejects_empty_text():
    from eventwire import extract
    from eventwire.read import InputError

    with pytest.raises(InputError):
        extract("   ")


def test_published_override_needs_published(run):
    result = run("extract", "-", "--published-override", stdin=STORY)
    assert result.exit_code == 2 and "--published-override needs --published" in result.output


def test_every_format_names_the_article(run, tmp_path):
    path = tmp_path / "kharkiv.txt"
    path.write_text(STORY)
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": "wire-17", "text": STORY.replace("four", "five")}) + "\n")
    common = ("--published", "2025-03-03", "--format")
    lines = run("extract", str(path), str(batch), *common, "jsonl").stdout.splitlines()
    assert [json.loads(line)["article"] for line in lines] == [str(path), "wire-17"]
    rows = run("extract", str(path), *common, "csv").stdout.splitlines()
    header, row = rows[0].split(","), rows[1].split(",")
    assert header[-2:] == ["article_id", "article"] and row[-1] == str(path)
    geo = json.loads(run("extract", str(path), *common, "geojson").stdout)
    assert geo["features"][0]["properties"]["article"] == str(path)
    table = run("extract", str(batch), *common, "table").stdout
    assert "article" in table and "wire-17" in table
    # text from stdin has no name: the hash stands in
    (event,) = [
        json.loads(x)
        for x in run("extract", "-", *common, "jsonl", stdin=STORY).stdout.splitlines()
    ]
    assert event["article"] == event["article_id"]
