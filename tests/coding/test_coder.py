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


def test_words_are_weighed_as_scikit_learn_does() -> None:
    # the coder's own TF-IDF (no scikit-learn at run time) gives the numbers it was trained on
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from eventwire.coding.coder import LEXICAL_SCALE, WORD, Lexicon

    texts = [
        "Rioters hurled stones at police, who fired tear gas; police said 12 were hurt.",
        "Coalition aircraft struck a mortar team in the district, killing three insurgents.",
        "Troops withdrew and rebels entered the town without a fight.",
    ]
    tfidf = TfidfVectorizer(sublinear_tf=True, token_pattern=WORD.pattern).fit(texts)
    words = [str(w) for w in tfidf.get_feature_names_out()]
    lexicon = Lexicon(words, tfidf.idf_)
    expected = tfidf.transform(texts).toarray() * LEXICAL_SCALE
    for row, text in enumerate(texts):
        got = np.zeros(len(words))
        for column, value in lexicon.weights(text).items():
            got[column] = value
        assert np.allclose(got, expected[row], atol=1e-6)


def test_a_named_instrument_counts_among_the_deciding_words() -> None:
    # the words' view: what a clause names ("air strike") can decide, and is shown as evidence
    text = "Insurgents firing mortars at the base were killed by a precision air strike."
    (d,) = load_coder().decide([text])
    assert d.best_event == "Air/drone strike", d.reason
    assert {"air", "strike"} & {w.lower() for _, _, w in d.words}, d.reason
