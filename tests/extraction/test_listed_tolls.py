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
