"""Named armed groups and other names of a state's forces get ACLED's name and their country;
a group named inside a noun phrase is the actor, and "its drones" are the reporting army's."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.evaluate import actor_country
from eventwire.extraction.actors import acled_name, find_actor_phrases, participants
from eventwire.extraction.cues import find_cues


@pytest.fixture(scope="module")
def nlp_sm() -> Language:
    from eventwire.nlp import load_nlp

    return load_nlp()


def agent_of(nlp: Language, text: str, year: int = 2024) -> tuple[str | None, str | None]:
    """The ACLED name of the agent of the sentence's first cue, and the country it is counted
    under."""
    sent = next(nlp(text).sents)
    cue = next(c for c in find_cues(sent) if c.category != "casualty")
    agent = participants(sent, cue.head_i, find_actor_phrases(sent)).agent
    if agent is None:
        return None, None
    return acled_name(agent, None, year, False), agent.country


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Houthi rebels shelled government positions west of Marib.",
            "Military Forces of Yemen (2017-) Houthi",
            "Yemen",
        ),
        (
            "Dissident FARC guerrillas attacked a police station in Cauca.",
            "FARC Dissidents (Colombia)",
            "Colombia",
        ),
        (
            "FARC dissidents attacked a police station in Cauca.",
            "FARC Dissidents (Colombia)",
            "Colombia",
        ),
        (
            "The IDF struck a house in Rafah.",
            "Military Forces of Israel (2022-)",
            "Israel",
        ),
        ("The Tatmadaw shelled a village in Sagaing.", "Military Forces of Myanmar", "Myanmar"),
        (
            "The U.S. Africa Command said it carried out an airstrike near Jilib.",
            "Military Forces of the United States",
            "United States",
        ),
        (
            "TTP militants attacked a checkpoint in North Waziristan.",
            "TTP: Tehrik-i-Taliban Pakistan",
            "Pakistan",
        ),
        (
            "Fighters of the Kachin Independence Army attacked an army post.",
            "KIA: Kachin Independence Army",
            "Myanmar",
        ),
        (
            "Syrian Democratic Forces clashed with Turkish-backed fighters near Manbij.",
            "SDF: Syrian Democratic Forces",
            "Syria",
        ),
        (
            "Rwanda-backed M23 rebels attacked Sake on Thursday.",
            "M23: March 23 Movement",
            "Democratic Republic of Congo",
        ),
        (
            "Mali's army said on Monday that its drones had struck 20 terrorists near Lere.",
            "Military Forces of Mali",
            "Mali",
        ),
        (
            "Ukraine's military said its drones destroyed a Russian air defense system in Crimea.",
            "Military Forces of Ukraine (2019-)",
            "Ukraine",
        ),
    ],
)
def test_named_agent(nlp_sm: Language, text: str, name: str, country: str | None) -> None:
    assert agent_of(nlp_sm, text) == (name, country)


def test_the_scorer_reads_the_country_of_the_new_names() -> None:
    assert actor_country("Military Forces of Yemen (2017-) Houthi") == "Yemen"
    assert actor_country("FARC Dissidents (Colombia)") == "Colombia"
    assert actor_country("PDF: People's Defense Force (Myanmar)") == "Myanmar"
    assert actor_country("Military Forces of the United States") == "United States"


def test_a_short_acronym_matches_only_in_capitals(nlp_sm: Language) -> None:
    sent = next(nlp_sm("The saf and the idf were mentioned in a poem.").sents)
    assert [a for a in find_actor_phrases(sent) if a.text.lower() in ("saf", "idf")] == []


def test_its_drones_without_a_reporting_army_stay_unknown(nlp_sm: Language) -> None:
    sent = next(nlp_sm("Its drones struck a depot near the river.").sents)
    (drones,) = [a for a in find_actor_phrases(sent) if a.text.lower().endswith("drones")]
    assert drones.country is None


def test_a_strike_from_afar_with_no_author_is_the_one_force_the_story_names_so() -> None:
    # "a strike on a car killed three men": the story names one force striking from afar
    # (Israel's aircraft), as ACLED codes a war's strikes where one side has the aircraft; a
    # story that names two such forces leaves it unidentified
    import eventwire

    text = (
        "Israeli aircraft struck dozens of targets across the Gaza Strip on Sunday, the army "
        "said.\n\nIn Deir al-Balah, a strike on a car killed three men on Sunday, according to "
        "the hospital.\n\nIn Khan Yunis, a strike on a house killed six members of one family "
        "on Sunday."
    )
    events = eventwire.extract(text, published="2025-10-20")
    struck = [e for e in events if e.fatalities]
    assert len(struck) == 2
    assert all(e.actor1 and e.actor1.startswith("Military Forces of Israel") for e in struck)
    assert all(
        "Israeli aircraft" in [x.text for x in e.evidence if x.field == "actor1"] for e in struck
    )
    text = (
        "Russian artillery shelled Kharkiv on Monday, the governor said. Ukrainian drones struck "
        "a depot in Belgorod on Monday. A shell hit a house in Kupiansk on Monday, killing two."
    )
    events = eventwire.extract(text, published="2024-05-07")
    [house] = [e for e in events if e.fatalities == 2]
    assert house.actor1 == "Unidentified Military Forces"


def test_a_headline_without_a_doer_takes_the_one_its_lead_names() -> None:
    import eventwire

    text = (
        "Gaza: strikes after Rafah attack\n\nGaza, Monday 20 October 2025\n\n"
        "Israeli aircraft struck dozens of targets across the Gaza Strip on Sunday, the army "
        "said."
    )
    [event] = eventwire.extract(text, published="2025-10-20")
    assert event.actor1 is not None and event.actor1.startswith("Military Forces of Israel")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Israel struck targets in Rafah on Monday, killing five.", "Israel"),
        ("Russia launched a missile attack on Kyiv on Monday, killing three.", "Russia"),
        ("Azerbaijan shelled villages near Stepanakert on Tuesday.", "Azerbaijan"),
    ],
)
def test_a_state_named_as_the_doer_of_an_act_of_force_is_its_forces(
    text: str, country: str
) -> None:
    import eventwire

    [event] = eventwire.extract(text, published="2024-05-07")
    assert event.actor1 is not None and event.actor1.startswith(f"Military Forces of {country}")
    # a state that talks is no army: "Russia and Ukraine held talks" keeps no military actor
    for e in eventwire.extract(
        "Russia and Ukraine held talks in Istanbul on Monday.", published="2024-05-07"
    ):
        assert not (e.actor1 or "").startswith("Military Forces")
