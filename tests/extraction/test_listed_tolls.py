"""A toll a sentence gives for several places it lists: shared out as ACLED does (evenly, the
remainder to the first places listed)."""

from __future__ import annotations

import eventwire
from eventwire.extraction.mentions import split_tolls
from eventwire.extraction.tolls import TollFigure


def _toll(value: int, field: str = "fatalities") -> TollFigure:
    return TollFigure(field, value, 0, 5, "x", "read")


def test_split_evenly_with_the_remainder_first() -> None:
    shares = [[t.value for t in split_tolls([_toll(10)], k, 3)] for k in range(3)]
    assert shares == [[4], [3], [3]]
    assert [[t.value for t in split_tolls([_toll(1)], k, 2)] for k in range(2)] == [[1], []]
    assert [t.value for t in split_tolls([_toll(0)], 1, 2)] == [0]  # "no one was killed"
    share = split_tolls([_toll(7), _toll(2, "injuries")], 0, 2)
    assert [(t.field, t.value) for t in share] == [("fatalities", 4), ("injuries", 1)]
    assert "split evenly among the 2 places" in share[0].reason


def test_a_toll_for_three_listed_towns() -> None:
    events = eventwire.extract(
        "Russian forces shelled Kupiansk, Vovchansk and Izium on Monday, killing ten civilians.",
        published="2023-02-06",
    )
    tolls = {e.location: e.fatalities for e in events}
    assert len(tolls) == 3 and sum(v or 0 for v in tolls.values()) == 10
    assert sorted((v or 0) for v in tolls.values()) == [3, 3, 4]
    assert events[0].fatalities == 4  # the first listed takes the remainder


def test_one_death_for_two_towns_goes_to_the_first() -> None:
    events = eventwire.extract(
        "Troops shelled Ngala and Dikwa in Borno state, killing one farmer and wounding three.",
        published="2021-09-01",
    )
    assert [e.fatalities or 0 for e in events] == [1, 0]
    assert [e.injuries or 0 for e in events] == [2, 1]


def test_a_single_site_keeps_its_whole_toll() -> None:
    events = eventwire.extract(
        "Gunmen attacked a market in Kidal on Friday, killing seven traders.",
        published="2022-04-01",
    )
    assert [e.fatalities for e in events] == [7]


def test_a_list_between_semicolons_gives_each_event_its_own_place_day_and_toll() -> None:
    """A recap or a headline that lists events between semicolons: each part with a place of
    its own is an event of its own, with the day and the toll its part tells (deaths told with
    no act of their own in one part are that part's event)."""
    events = eventwire.extract(
        "Our main stories again: three farmers killed on Sunday in Gusau; a clash near Tsafe "
        "on Monday with two soldiers dead; a trader kidnapped in Kaura Namoda on Tuesday.",
        published="2011-03-17",
    )
    got = sorted((e.location, e.event_date, e.fatalities) for e in events)
    assert got == [
        ("Gusau", "2011-03-13", 3),
        ("Kaura Namoda", "2011-03-15", None),
        ("Tsafe", "2011-03-14", 2),
    ], got


def test_one_scene_told_between_semicolons_stays_one_event() -> None:
    # only one part names a place: no list of events, one scene
    events = eventwire.extract(
        "On Sunday a procession was attacked with stones in Nuh; men from both sides fought "
        "with sticks, and cars were burned.",
        published="2023-08-01",
    )
    assert {(e.location, e.event_date) for e in events} == {("Nūh", "2023-07-30")}, events
