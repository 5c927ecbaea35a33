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
        ({"since": "June"}, "since", "'June' names no single day"),
        ({"until": "2025-13-01"}, "until", "not a date: '2025-13-01'"),
        ({"since": "03/04/2022"}, "since", "'03/04/2022' is ambiguous"),
        ({"near": "1,2"}, "near", "not LAT,LON,KM"),
        ({"near": "nan,0,10"}, "near", "LAT,LON,KM must be finite numbers"),
        ({"near": "91,0,10"}, "near", "LAT in -90..90, LON in -180..180, KM at least 0"),
        ({"near": "0,0,-1"}, "near", "LAT in -90..90, LON in -180..180, KM at least 0"),
    ],
)
def test_a_bad_filter_names_itself(fields: dict[str, str], name: str, message: str) -> None:
    with pytest.raises(BadFilter) as raised:
        event_query(**fields)
    assert raised.value.name == name and raised.value.message.startswith(message)
    assert next(iter(fields.values())) in str(raised.value)
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("written", ["2022-03-14", "14 March 2022", "Mar 14, 2022", "14/03/2022"])
def test_since_and_until_read_the_dates_people_write(written: str) -> None:
    query = event_query(since=written, until=written)
    assert query.since == query.until == date(2022, 3, 14)


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
