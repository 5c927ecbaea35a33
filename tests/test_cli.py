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


def test_a_text_over_spacys_limit_is_extracted_with_the_rest_of_its_batch(run):
    # 1.2 million characters: the story, prose, then an inline image's base64 lines (long
    # tokens, so that the test parses in seconds; plain prose that long takes about 90 s)
    prose = (
        "Officials said the talks on grain exports would continue next week in the capital,"
        " and that no decision on the matter had been taken yet by the ministers.\n\n"
    ) * 15
    line = "iVBORw0KGgoAAAANSUhEUgAAB4AAAAQ4CAYAAADo08FDAAAgAElEQVR4nOzdd3wU1f7"
    blob = ("\n".join([line] * 100) + "\n\n") * (1_200_000 // (101 * len(line)) + 1)
    big = STORY.replace("Kharkiv", "Sumy") + "\n" + prose + blob
    assert len(big) > 1_200_000
    lines = [
        json.dumps({"id": "a1", "text": STORY, "published": "2025-03-03"}),
        json.dumps({"id": "big", "text": big, "published": "2025-03-03"}),
        json.dumps(
            {"id": "a3", "text": STORY.replace("Kharkiv", "Kherson"), "published": "2025-03-03"}
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
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["article_id"] for e in events] == ["a1", "big", "a3"]
    assert [e["location"] for e in events] == ["Kharkiv", "Sumy", "Kherson"]
    for span in events[1]["evidence"]:  # offsets index the original text
        assert big[span["start"] : span["end"]] == span["text"]


def test_an_article_whose_extraction_fails_is_named_and_the_batch_goes_on(run, monkeypatch):
    from eventwire import pipeline

    real = pipeline._read

    def failing(doc, article, geoparser):
        if article.article_id == "bad":
            raise MemoryError("out of memory")
        return real(doc, article, geoparser)

    monkeypatch.setattr(pipeline, "_read", failing)
    lines = [
        json.dumps({"id": key, "text": STORY.replace("Kharkiv", city), "published": "2025-03-03"})
        for key, city in (("a1", "Kharkiv"), ("bad", "Sumy"), ("a3", "Kherson"))
    ]
    result = run(
        "extract", "-", "--input-format", "jsonl", "--format", "jsonl", stdin="\n".join(lines)
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == "eventwire: bad: extraction failed: MemoryError: out of memory"
    assert [json.loads(line)["article_id"] for line in result.stdout.splitlines()] == ["a1", "a3"]


def test_a_feeds_malformed_entry_is_named_and_its_good_entries_extracted(run, tmp_path):
    feed = tmp_path / "wire.rss"
    feed.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Shelling hits market in Kharkiv</title><description>Russian artillery"
        " shelled a market in the eastern city of Kharkiv on Sunday, killing four people, the"
        " regional governor said.</description></item>\n"
        "<item><title>Odesa port hit</title><!-- broken <description>Drones.</description></item>\n"
        "<item><title>Drone strike on Sumy</title><description>Russian drones struck a fuel depot"
        " in the city of Sumy on Sunday, killing two people, the regional governor said."
        "</description></item></channel></rss>\n",
        "utf-8",
    )
    result = run("extract", str(feed), "--published", "2025-03-03", "--format", "jsonl")
    assert result.exit_code == 1
    assert f'{feed}#2: malformed feed entry "Odesa port hit"' in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [e["location"] for e in events] == ["Kharkiv", "Sumy"]
    assert all(e["sources"] == ["Wire"] for e in events)


def test_no_empty_table_after_an_error(run, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("extract", str(empty), "--format", "table")
    assert result.exit_code == 1 and "empty input" in result.stderr
    assert result.stdout == ""


def test_country_names_and_codes_give_the_same_events_and_misses_get_hints(run, tmp_path):
    sudan = tmp_path / "sudan.txt"
    sudan.write_text(
        "RSF shells El Fasher\n\nThe Rapid Support Forces shelled a camp for displaced people in"
        " El Fasher, in Sudan's North Darfur state, on Sunday, killing six people, a local aid"
        " group said.\n",
        "utf-8",
    )
    ukraine = tmp_path / "ukraine.txt"
    ukraine.write_text(STORY, "utf-8")
    db = str(tmp_path / "s.sqlite")
    assert (
        run("ingest", str(sudan), str(ukraine), "--db", db, "--published", "2025-03-03").exit_code
        == 0
    )

    def ids(*options):
        result = run("events", "--db", db, "--format", "jsonl", *options)
        assert result.exit_code == 0, result.output
        return [json.loads(line)["event_id"] for line in result.stdout.splitlines()], result

    by_name, _ = ids("--country", "Sudan")
    assert by_name and ids("--country", "SD")[0] == ids("--country", "sdn")[0] == by_name
    assert ids("--country", "UA")[0] == ids("--country", "Ukraine")[0] != by_name
    none, result = ids("--country", "Sudn")
    assert none == [] and "no stored event has --country 'Sudn'; nearest: Sudan" in result.stderr
    none, result = ids("--type", "shelling")
    assert none == [] and "nearest: Shelling/artillery/missile attack" in result.stderr
    assert ids("--type", "shelling/ARTILLERY/missile attack")[0]


def test_a_folder_reports_each_input_it_skips_by_name(run, tmp_path):
    (tmp_path / "good.txt").write_text(STORY, "utf-8")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "french.txt").write_text(
        "Des obus sont tombés sur la ville de Kharkiv dimanche, a déclaré le maire. Les"
        " habitants sont dans les abris et les secours sont sur place.",
        "utf-8",
    )
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run("extract", str(tmp_path), "--published", "2025-03-03", "--format", "jsonl")
    assert result.exit_code == 1
    said = {line.split(": ")[1].rsplit("/", 1)[1]: line for line in result.stderr.splitlines()}
    assert set(said) == {"empty.txt", "french.txt", "scan.pdf", "image.txt"}
    assert "empty input" in said["empty.txt"] and "looks like French" in said["french.txt"]
    assert "skipped: binary data (a PDF document" in said["scan.pdf"]
    assert "binary data (a PNG image)" in said["image.txt"]
    assert len(result.stdout.splitlines()) == 1  # the good article's event


def test_events_that_match_nothing_get_a_line_not_an_empty_table(run, tmp_path):
    story = tmp_path / "kharkiv.txt"
    story.write_text(STORY, "utf-8")
    db = str(tmp_path / "s.sqlite")
    assert run("ingest", str(story), "--db", db, "--published", "2025-03-03").exit_code == 0
    result = run("events", "--db", db, "--format", "table", "--country", "SD")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.startswith("eventwire: no stored event has --country 'Sudan'")
    result = run("events", "--db", db, "--format", "table", "--since", "2030-01-01")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == "eventwire: no stored event matches the filters\n"
    assert "Kharkiv" in run("events", "--db", db, "--format", "table").stdout
    # machine formats stay well-formed when empty: a header, an empty collection
    csv = run("events", "--db", db, "--format", "csv", "--country", "SD").stdout
    assert csv.startswith("event_id_cnty,") and len(csv.splitlines()) == 1


def test_since_and_until_take_the_dates_people_write(run, tmp_path):
    story = tmp_path / "kharkiv.txt"
    story.write_text(STORY, "utf-8")
    db = str(tmp_path / "s.sqlite")
    assert run("ingest", str(story), "--db", db, "--published", "2025-03-03").exit_code == 0

    def found(*options):
        result = run("events", "--db", db, "--format", "jsonl", *options)
        assert result.exit_code == 0, result.output
        return len(result.stdout.splitlines())

    stored = found()
    assert stored > 0
    assert found("--since", "1 March 2025", "--until", "Mar 3, 2025") == stored
    assert found("--since", "2025-03-04") == found("--until", "28 February 2025") == 0
    result = run("events", "--db", db, "--since", "03/04/2025")
    assert result.exit_code == 2
    assert "--since" in result.output and "ambiguous" in result.output
    assert "2025-03-04 or 2025-04-03" in result.output


def test_extract_that_finds_no_event_says_so_instead_of_an_empty_table(run, tmp_path):
    calm = tmp_path / "calm.txt"
    calm.write_text(
        "The weather in the capital was mild on Monday and the markets were calm, traders said"
        " after the close of business.\n",
        "utf-8",
    )
    result = run("extract", str(calm), "--format", "table")
    assert result.exit_code == 0 and result.stdout == ""
    assert "no events found in 1 article" in result.stderr
