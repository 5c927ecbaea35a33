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
