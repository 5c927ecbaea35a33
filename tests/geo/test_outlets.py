"""A news outlet's name is not a place: "the Saba news agency", "the Kyiv Independent"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Three killed in air strikes, the Saba news agency says\n\nThree people were killed in "
        "air strikes overnight, the Houthi-run Saba news agency said on Tuesday.",
        "Air strikes kill three\n\nThree people were killed in air strikes overnight, the Saba "
        "agency reported, citing officials.",
        "Strikes reported\n\nAir strikes hit a port overnight, Saba reported, citing the rebels' "
        "health office. Xinhua said there were casualties.",
    ],
)
def test_an_outlet_is_no_place(places_of, text: str) -> None:  # type: ignore[no-untyped-def]
    places = places_of(text)
    assert "Saba" not in places and "Xinhua" not in places


def test_a_place_named_outlet_is_no_place_but_the_place_itself_is(places_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Drone debris falls on houses\n\nDebris from a downed drone fell on houses in Bucha "
        "overnight, the Kyiv Independent reported. The Kyiv Post said two people were hurt, and "
        "Idlib TV showed the wreckage."
    )
    places = places_of(text)
    assert places["Bucha"].country_code == "UA"
    assert "Kyiv" not in places and "Idlib" not in places


def test_a_cue_still_makes_the_outlet_name_a_place(places_of) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Storm hits island\n\nA storm damaged houses in the town of Saba, officials said, "
        "according to the Xinhua news agency."
    )
    assert "Saba" in places_of(text)
