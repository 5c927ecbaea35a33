import pytest

from eventwire.extraction.actors import (
    acled_name,
    find_actor_phrases,
    participants,
    period_name,
)
from eventwire.extraction.cues import find_cues


def agent_of(nlp, text):
    sent = next(nlp(text).sents)
    cue = next(c for c in find_cues(sent) if c.category != "casualty")
    who = participants(sent, cue.head_i, find_actor_phrases(sent))
    return who.agent


@pytest.mark.parametrize(
    ("text", "kind", "country"),
    [
        ("Russian forces shelled the village overnight.", "military", "Russia"),
        ("The village was shelled by Ukrainian troops.", "military", "Ukraine"),
        (
            "Ten people died when a missile launched by Russian forces hit a mall.",
            "military",
            "Russia",
        ),
        ("Beninese soldiers clashed with militants near the park.", "military", "Benin"),
        ("Police arrested two protesters in the capital.", "police", None),
        ("Unknown gunmen abducted a trader on the highway.", "armed_group", None),
    ],
)
def test_agent(nlp, text, kind, country):
    agent = agent_of(nlp, text)
    assert agent is not None and (agent.kind, agent.country) == (kind, country)


def test_subject_wins_over_a_later_passive_agent(nlp):
    agent = agent_of(nlp, "Russian forces attacked the hill but were repelled by Ukrainian units.")
    assert agent.country == "Russia"


def test_named_group(nlp):
    agent = agent_of(nlp, "Suspected JNIM militants ambushed a patrol near the border.")
    assert agent.group == "JNIM: Group for Support of Islam and Muslims"


def test_acled_names_with_regime_period(nlp):
    [forces] = [a for a in find_actor_phrases(next(nlp("Russian forces fired.").sents))]
    assert acled_name(forces, "Ukraine", 2023, air=True) == (
        "Military Forces of Russia (2000-) Air Force"
    )
    assert period_name("Ukraine", 2016) == " (2014-2019)"
    assert period_name("Ukraine", 2023) == " (2019-)"
    assert period_name("Atlantis", 2023) == ""


def test_weapon_takes_its_side_from_its_modifier_not_from_the_target(nlp):
    forces = [a for a in find_actor_phrases(next(nlp("A Russian drone strike hit Sumy.").sents))]
    assert forces[0].country == "Russia"
    [missile] = find_actor_phrases(next(nlp("A missile hit Odesa.").sents))
    assert acled_name(missile, "Ukraine", 2024, air=False) == "Unidentified Military Forces"
