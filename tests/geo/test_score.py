"""The scorers' matching rules (on texts written here, not on the gold files)."""

from eventwire.geo.score import _match, event_place
from eventwire.model import Place


def _place(start: int, text: str, kind: str = "city") -> Place:
    return Place(
        start, start + len(text), text, text, 0.0, 0.0, None, None, None, None, 1, kind, ""
    )


def test_gold_offsets_a_few_chars_off_still_match() -> None:
    places = [_place(10, "Aleppo")]
    gold = {"start": 13, "end": 19, "name": "Aleppo"}
    assert _match(gold, places, set(), "") == 0


def test_event_place_prefers_the_precise_place_after_in_or_near() -> None:
    text = "Russian forces struck near Zvanivka, Donetsk."
    places = [
        _place(0, "Russian", "demonym"),
        _place(27, "Zvanivka"),
        _place(37, "Donetsk", "admin1"),
    ]
    assert event_place(places, text).text == "Zvanivka"  # type: ignore[union-attr]
