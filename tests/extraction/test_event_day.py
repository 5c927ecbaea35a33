"""An event is dated by the operation's day, not by the statement that tells of it."""

from __future__ import annotations

import pytest

import eventwire


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # a statement's day before the operation's ("Today, forces confirmed … Sunday")
        (
            "Today, coalition forces confirmed a Taliban commander was arrested during an "
            "operation in Nawa district, Helmand province, Sunday.",
            "2012-05-09",
            "2012-05-06",
        ),
        (
            "The defence ministry announced on Thursday that its troops had repelled an "
            "attack on an army post near Menaka on Tuesday.",
            "2019-11-08",
            "2019-11-05",
        ),
        # "an overnight raid … yesterday": the named day, not the night before publication
        (
            "Security forces arrested four suspected militants during an overnight raid in "
            "Baidoa yesterday.",
            "2018-02-14",
            "2018-02-13",
        ),
    ],
)
def test_operation_day(text: str, published: str, day: str) -> None:
    events = eventwire.extract(text, published=published)
    assert events, text
    assert events[0].event_date == day
