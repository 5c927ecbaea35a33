"""The trained coder: its contract and its reading of sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.coding.coder import load_coder


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Fighter jets bombed a rebel camp outside the town at dawn, killing nine.",
            "Air/drone strike",
        ),
        ("Gunmen on motorbikes stormed the village and shot dead fourteen farmers.", "Attack"),
        (
            "A roadside bomb tore through a police pickup on the highway to the capital.",
            "Remote explosive/landmine/IED",
        ),
        (
            "Thousands marched peacefully through the capital demanding the minister resign.",
            "Peaceful protest",
        ),
        (
            "Engineers defused an explosive device planted under a bridge near the market.",
            "Disrupted weapons use",
        ),
        ("The two factions signed a ceasefire in the border town on Friday.", "Agreement"),
    ],
)
def test_reads_the_sub_type(text: str, label: str) -> None:
    (d,) = load_coder().decide([text])
    assert d.best_event == label, d.reason
    assert d.is_event


@pytest.mark.parametrize(
    "text",
    [
        "Floodwaters swept away forty homes and killed eleven people in the river valley.",
        "A gas cylinder exploded in a crowded restaurant, killing six diners.",
        "A bus overturned on a mountain road, killing 23 passengers.",
    ],
)
def test_disasters_are_no_event(text: str) -> None:
    (d,) = load_coder().decide([text])
    assert not d.is_event, d.reason
    assert d.label.startswith("none:")


def test_decision_carries_label_probability_and_words() -> None:
    text = "Artillery shells slammed into the market on Tuesday, killing four."
    (d,) = load_coder().decide([text])
    assert 0.0 < d.probability <= 1.0
    assert abs(sum(d.probabilities.values()) - 1.0) < 1e-4
    assert d.words and all(text[s:e] == w for s, e, w in d.words)
    assert all(w.strip(".,") == w for _, _, w in d.words)  # words, not punctuation
    assert d.label in d.reason and f"{d.probability:.2f}" in d.reason


def test_batch_keeps_order() -> None:
    texts = ["Police fired tear gas at marchers.", "An earthquake struck the coast."]
    batch = load_coder().decide(texts)
    alone = [load_coder().decide([t])[0] for t in texts]
    assert [d.label for d in batch] == [d.label for d in alone]
