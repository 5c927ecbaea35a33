"""The `eventwire geocode` command."""

import json

from click.testing import CliRunner

from eventwire.cli import main


def test_geocode_text_prints_choice_and_reason() -> None:
    result = CliRunner().invoke(main, ["geocode", "Shelling hit Kherson in southern Ukraine."])
    assert result.exit_code == 0
    assert "Kherson" in result.output and "because" in result.output


def test_geocode_jsonl_in_and_out() -> None:
    line = json.dumps({"id": "x1", "text": "Floods hit Odesa, Ukraine."})
    result = CliRunner().invoke(
        main, ["geocode", "-", "--input-format", "jsonl", "--format", "jsonl"], input=line + "\n"
    )
    assert result.exit_code == 0
    records = [json.loads(x) for x in result.output.splitlines()]
    odesa = next(r for r in records if r["text"] == "Odesa")
    assert odesa["article_id"] == "x1" and odesa["country"] == "Ukraine"
    assert set(odesa) >= {"start", "end", "latitude", "longitude", "geonameid", "geo_precision"}


def test_geocode_bare_names_as_arguments() -> None:
    result = CliRunner().invoke(main, ["geocode", "Kyiv", "Uman", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(x) for x in result.output.splitlines()]
    assert [r["name"] for r in records] == ["Kyiv", "Uman"]
    assert len({r["article_id"] for r in records}) == 2  # one text per argument


def test_geocode_reads_files_like_extract(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cells = tmp_path / "cells.txt"
    cells.write_text("Semihatka/Henichesk\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["geocode", str(cells), "Chuhuiv, south of Kharkiv"])
    assert result.exit_code == 0, result.output
    assert "Henichesk" in result.output and "Chuhuyiv" in result.output


def test_geocode_reports_a_bad_text_and_goes_on() -> None:
    result = CliRunner().invoke(main, ["geocode", "Київ", "Uman"])
    assert result.exit_code == 1
    assert "<text>: not English" in result.output and "Uman" in result.output
