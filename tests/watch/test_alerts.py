"""Alert rules: their syntax, what they match, and firing once per event and toll."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from loopback import Loopback

from events import make_event
from eventwire.store import open_store
from eventwire.watch.alerts import Alerter, RuleError, alert_body, parse_rule
from eventwire.watch.checkpoint import Checkpoint, Claim


def test_a_rule_reads_conditions_and_actions() -> None:
    rule = parse_rule(
        'min_fatalities=5 type="Air/drone strike" near=50.45,30.52,100 post=http://h/x print'
    )
    assert dict(rule.conditions) == {
        "min_fatalities": "5",
        "type": "Air/drone strike",
        "near": "50.45,30.52,100",
    }
    assert rule.print_line and rule.posts == ("http://h/x",)
    assert parse_rule("country=UA").print_line  # no action: print
    assert not parse_rule("country=UA post=http://h/").print_line
    # the identity is the conditions in a fixed order, not the actions
    assert (
        parse_rule("country=UA min_fatalities=2 post=http://h/").key
        == parse_rule("min_fatalities=2 country=UA").key
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("min_fatalities=five", "whole number"),
        ("colour=red", "unknown condition 'colour'"),
        ("country=UA country=RU", "given twice"),
        ("near=50,30", "LAT,LON,KM"),
        ("near=95,30,10", "LAT -90..90"),
        ("post=ftp://h/", "http(s) URL"),
        ("country", "not NAME=VALUE"),
        ("type='Air", "No closing quotation"),
    ],
)
def test_a_bad_rule_says_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(RuleError, match=says.replace("(", r"\(").replace(")", r"\)")):
        parse_rule(text)


def test_conditions_all_hold() -> None:
    kharkiv = make_event()  # shelling of Kharkiv, Ukraine, 3 killed, by Russia's forces
    assert parse_rule("").matches(kharkiv)
    assert parse_rule('type="shelling/artillery/missile attack"').matches(kharkiv)
    assert parse_rule("type=ASSAULT country=UKR").matches(kharkiv)  # PLOVER; ISO code
    assert parse_rule("type='Explosions/Remote violence' country=ua").matches(kharkiv)
    assert not parse_rule("country=RU").matches(kharkiv)
    assert parse_rule("actor=russia").matches(kharkiv)
    assert not parse_rule("actor=belarus").matches(kharkiv)
    assert parse_rule("near=50.0,36.2,10").matches(kharkiv)  # ~5 km away
    assert not parse_rule("near=50.45,30.52,100").matches(kharkiv)  # Kyiv: ~410 km
    assert not parse_rule("near=50,36,10").matches(make_event(latitude=None, longitude=None))
    assert parse_rule("min_fatalities=3").matches(kharkiv)
    assert not parse_rule("min_fatalities=4").matches(kharkiv)
    assert not parse_rule("min_fatalities=0").matches(make_event(fatalities=None))
    assert not parse_rule("min_injuries=1").matches(kharkiv)  # no injury figure
    assert parse_rule("text=kharkiv").matches(kharkiv)
    assert not parse_rule("min_fatalities=3 country=RU").matches(kharkiv)  # all must hold


def test_a_rule_fires_once_per_event_and_again_when_its_toll_rises(tmp_path: Path) -> None:
    location = str(tmp_path / "store.sqlite")
    open_store(location).close()
    out = io.StringIO()
    checkpoint = Checkpoint(location)
    alerter = Alerter(
        [parse_rule("country=Ukraine"), parse_rule("min_fatalities=5")],
        checkpoint.claim_alert,
        out=out,
    )
    event = make_event(fatalities=None)
    assert alerter.consider(event) == 1  # the toll rule does not match yet
    assert alerter.consider(event) == 0  # the same event at the same toll: nothing
    assert alerter.consider(make_event(fatalities=3)) == 1  # a figure appears: a rise
    assert alerter.consider(make_event(fatalities=6, injuries=2)) == 2  # rises; 5 now matches
    assert alerter.consider(make_event(fatalities=4, injuries=2)) == 0  # lower: not a rise
    assert alerter.consider(make_event(fatalities=6, injuries=3)) == 2  # injuries rose
    assert alerter.consider(make_event(event_id="ew-b", fatalities=1)) == 1  # another event
    alerter.close()
    lines = out.getvalue().splitlines()
    assert len(lines) == 7
    assert lines[0].startswith("ALERT [country=Ukraine] new: 2025-06-03 Shelling")
    assert "toll rose from no toll given: " in lines[1] and lines[1].endswith("(1 source; ew-a)")
    assert "[min_fatalities=5] new:" in lines[3] and "6 killed, 2 injured" in lines[3]
    assert "toll rose from 6 killed, 2 injured" in lines[4]
    checkpoint.close()
    # a restart does not fire again what fired
    again = Checkpoint(location)
    assert again.claim_alert("country=Ukraine", "ew-a", 6, 3) is None
    assert again.claim_alert("country=Ukraine", "ew-a", 7, 3) == Claim(False, 6, 3)
    again.close()


def test_an_alert_posts_the_event_as_json(tmp_path: Path, loopback: Loopback) -> None:
    location = str(tmp_path / "store.sqlite")
    open_store(location).close()
    checkpoint = Checkpoint(location)
    out = io.StringIO()
    rule = parse_rule(f"min_fatalities=1 post={loopback.url}/hook")
    alerter = Alerter([rule], checkpoint.claim_alert, out=out)
    alerter.consider(make_event())
    alerter.close()  # waits for the POST
    assert out.getvalue() == ""  # post= only: no line
    (post,) = loopback.posts()
    assert post.path == "/hook" and post.headers["Content-Type"] == "application/json"
    sent = json.loads(post.body)
    assert sent["alert"] == {"rule": "min_fatalities=1", "why": "new", "previous": None}
    assert sent["event"]["event_id"] == "ew-a" and sent["event"]["fatalities"] == 3
    risen = json.loads(alert_body(rule, make_event(fatalities=5), Claim(False, 3, None)))
    assert risen["alert"]["previous"] == {"fatalities": 3, "injuries": None}
    checkpoint.close()


def test_a_dead_endpoint_is_reported_not_raised(tmp_path: Path) -> None:
    location = str(tmp_path / "store.sqlite")
    open_store(location).close()
    checkpoint = Checkpoint(location)
    log = io.StringIO()
    alerter = Alerter(
        [parse_rule("post=http://127.0.0.1:9/nothing-listens")],
        checkpoint.claim_alert,
        out=io.StringIO(),
        log=log,
    )
    alerter.consider(make_event())
    alerter.close()
    assert "alert POST to http://127.0.0.1:9/nothing-listens failed for ew-a" in log.getvalue()
    checkpoint.close()


@pytest.mark.postgres
def test_two_watchers_claim_a_firing_once(pg_url: str) -> None:
    open_store(pg_url).close()
    first, second = Checkpoint(pg_url), Checkpoint(pg_url)
    assert first.claim_alert("r", "ew-a", 3, None) == Claim(new=True)
    assert second.claim_alert("r", "ew-a", 3, None) is None
    assert second.claim_alert("r", "ew-a", 4, None) == Claim(False, 3, None)
    assert first.claim_alert("r", "ew-a", 4, None) is None
    first.close()
    second.close()
