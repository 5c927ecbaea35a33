"""`event_query`: the filters as typed, read once for the CLI (`eventwire events`) and the API."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.store import BadFilter, EventQuery, event_query


def test_filters_as_typed() -> None:
    assert event_query() == EventQuery()
    assert event_query(since="", event_type="", country="", actor="", near="", text="") == (
        EventQuery()
    )
    got = event_query(
        since="2025-06-01", until="2025-06-30", event_type="Battles", near="50,36.2,25", text="x"
    )
    assert (got.since, got.until, got.event_type) == (
        date(2025, 6, 1),
        date(2025, 6, 30),
        "Battles",
    )
    assert (got.near, got.text, got.limit, got.offset) == ((50.0, 36.2, 25.0), "x", None, 0)


@pytest.mark.parametrize(
    ("fields", "name", "message"),
    [
        ({"since": "June"}, "since", "not a YYYY-MM-DD date"),
        ({"until": "2025-13-01"}, "until", "not a YYYY-MM-DD date"),
        ({"near": "1,2"}, "near", "not LAT,LON,KM"),
        ({"near": "nan,0,10"}, "near", "LAT,LON,KM must be finite numbers"),
        ({"near": "91,0,10"}, "near", "LAT in -90..90, LON in -180..180, KM at least 0"),
        ({"near": "0,0,-1"}, "near", "LAT in -90..90, LON in -180..180, KM at least 0"),
    ],
)
def test_a_bad_filter_names_itself(fields: dict[str, str], name: str, message: str) -> None:
    with pytest.raises(BadFilter) as raised:
        event_query(**fields)
    assert (raised.value.name, raised.value.message) == (name, message)
    assert str(raised.value) == f"{message}: {next(iter(fields.values()))}"


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["--since", "June"], "--since"),
        (["--near", "abc"], "--near"),
        (["--near", "91,0,10"], "--near"),
    ],
)
def test_the_cli_reports_a_bad_filter_as_a_usage_error(args: list[str], shown: str) -> None:
    result = CliRunner().invoke(main, ["events", "--db", "/nonexistent.sqlite", *args])
    assert result.exit_code == 2
    assert shown in result.output and args[1] in result.output
