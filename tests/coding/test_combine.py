"""Rules and coder combined: the coder vetoes disasters and retypes only when sure."""

from __future__ import annotations

from eventwire.coding.coder import Decision
from eventwire.coding.combine import code_type, proposed_type
from eventwire.extraction.cues import Cue
from eventwire.extraction.types import EventType

CUE = Cue("artillery", 0, 1, "shelled", "shell")
SHELLING = EventType(
    "Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT", CUE, "rule"
)


def decision(probabilities: dict[str, float]) -> Decision:
    label = max(probabilities, key=lambda k: probabilities[k])
    events = {k: v for k, v in probabilities.items() if not k.startswith("none")}
    best = max(events, key=lambda k: events[k])
    return Decision(
        label=label,
        probability=probabilities[label],
        p_event=sum(events.values()),
        best_event=best,
        p_best_event=events[best],
        plover="ASSAULT",
        words=(),
        probabilities=probabilities,
    )


def test_rules_alone_ignore_the_coder() -> None:
    d = decision({"none:industrial_disaster": 0.9, "Air/drone strike": 0.1})
    coded = code_type(SHELLING, d, mode="rules")
    assert coded is not None and coded.kind is SHELLING


def test_a_disaster_is_dropped() -> None:
    d = decision({"none:industrial_disaster": 0.6, "Shelling/artillery/missile attack": 0.4})
    assert code_type(SHELLING, d, mode="notes") is None


def test_a_sure_coder_retypes() -> None:
    d = decision({"Air/drone strike": 0.95, "Shelling/artillery/missile attack": 0.05})
    coded = code_type(SHELLING, d, mode="notes")
    assert coded is not None
    assert coded.kind.sub_event_type == "Air/drone strike"
    assert coded.kind.event_type == "Explosions/Remote violence"
    assert coded.kind.reason.startswith("coder:")


def test_an_unsure_coder_keeps_the_rules() -> None:
    d = decision({"Air/drone strike": 0.55, "Shelling/artillery/missile attack": 0.45})
    coded = code_type(SHELLING, d, mode="notes")
    assert coded is not None and coded.kind is SHELLING


def test_coder_alone_follows_the_coder() -> None:
    d = decision({"Air/drone strike": 0.55, "Shelling/artillery/missile attack": 0.45})
    coded = code_type(SHELLING, d, mode="coder")
    assert coded is not None and coded.kind.sub_event_type == "Air/drone strike"


def test_an_armed_author_is_no_accident() -> None:
    # "the Russians struck an aircraft factory, starting a large fire"
    d = decision({"none:industrial_disaster": 0.7, "Air/drone strike": 0.3})
    assert code_type(SHELLING, d, armed_agent=True, mode="notes") is not None


def test_an_analysts_label_is_not_retyped() -> None:
    label = EventType("Battles", "Armed clash", "ASSAULT", Cue("label", 0, 2, "Clash", "x"), "l")
    d = decision({"Air/drone strike": 0.95, "Armed clash": 0.05})
    coded = code_type(label, d, mode="notes")
    assert coded is not None and coded.kind is label


def test_a_sure_coder_proposes_what_the_rules_missed() -> None:
    sure = decision({"Arrests": 0.95, "none:statement": 0.05})
    unsure = decision({"Arrests": 0.6, "none:statement": 0.4})
    coded = proposed_type(sure, CUE, mode="notes")
    assert coded is not None and coded.kind.sub_event_type == "Arrests"
    assert proposed_type(unsure, CUE, mode="notes") is None
    assert proposed_type(sure, CUE, mode="rules") is None


def test_a_later_sentence_read_as_a_statement_is_no_event() -> None:
    d = decision({"none:statement": 0.7, "Attack": 0.3})
    assert code_type(SHELLING, d, later=True, mode="notes") is None
    # the story's first sentence, or one with a death toll of its own, stays
    assert code_type(SHELLING, d, later=False, mode="notes") is not None


def test_talks_are_not_vetoed() -> None:
    # the corpus calls talks "diplomacy"; ACLED codes them (Strategic developments, Other)
    d = decision({"none:diplomacy": 0.9, "Other": 0.1})
    assert code_type(SHELLING, d, later=True, mode="notes") is not None


def test_news_is_coder_led_for_what_is_an_event() -> None:
    unsure_none = decision({"none:statement": 0.45, "none:history": 0.2, "Attack": 0.35})
    # no sureness is needed, but in a story's first sentence, which tells its news (LEAD)
    assert code_type(SHELLING, unsure_none, mode="news") is None
    assert code_type(SHELLING, unsure_none, mode="news", lead=True) is not None
    sure_none = decision({"none:statement": 0.8, "Attack": 0.2})
    assert code_type(SHELLING, sure_none, mode="news", lead=True) is None
    assert code_type(SHELLING, unsure_none, mode="notes") is not None
    talks = decision({"none:diplomacy": 0.9, "Other": 0.1})
    assert code_type(SHELLING, talks, mode="news") is not None
    fire = decision({"none:industrial_disaster": 0.9, "Air/drone strike": 0.1})
    assert code_type(SHELLING, fire, armed_agent=True, mode="news") is not None


def test_in_news_the_coder_types_unless_it_merely_guesses() -> None:
    # "Syrian government forces captured a central town … and marched deep into the
    # province": the rules' cue may be any word ("marched"); the coder reads the clause
    likelier = decision({"Air/drone strike": 0.4, "Shelling/artillery/missile attack": 0.35})
    coded = code_type(SHELLING, likelier, followed_up=True, mode="news")
    assert coded is not None and coded.kind.sub_event_type == "Air/drone strike"
    guess = decision({"Air/drone strike": 0.25, "Attack": 0.25, "Armed clash": 0.25, "Other": 0.25})
    coded = code_type(SHELLING, guess, mode="news")
    assert coded is not None and coded.kind is SHELLING
    # in a note, a mention the rules followed into later sentences keeps their type
    sure = decision({"Air/drone strike": 0.9, "Shelling/artillery/missile attack": 0.1})
    coded = code_type(SHELLING, sure, followed_up=True, mode="notes")
    assert coded is not None and coded.kind is SHELLING


def test_an_attack_on_armed_men_stays_a_battle() -> None:
    # "Gunmen attacked a police post, killing two officers": the coder reads "attacked";
    # ACLED's codebook makes it an armed clash, which the rules read from the target
    clash = EventType("Battles", "Armed clash", "ASSAULT", CUE, "rule")
    d = decision({"Attack": 0.6, "Armed clash": 0.4})
    coded = code_type(clash, d, armed_agent=True, armed_target=True, mode="news")
    assert coded is not None and coded.kind is clash
    coded = code_type(clash, d, armed_agent=True, armed_target=False, mode="news")
    assert coded is not None and coded.kind.sub_event_type == "Attack"


def test_a_named_remote_weapon_is_not_retyped_as_an_attack() -> None:
    # "Russian shelling of Odesa killed eight civilians": Explosions/Remote violence, with
    # civilian targeting, however much the coder reads "killed eight civilians"
    d = decision({"Attack": 0.45, "Shelling/artillery/missile attack": 0.4, "Armed clash": 0.15})
    coded = code_type(SHELLING, d, armed_agent=True, mode="news")
    assert coded is not None and coded.kind is SHELLING


def test_in_news_a_death_toll_the_rules_kept_is_no_statement() -> None:
    # "The soldier defended himself, killing the insurgent." read as a statement: the rules set
    # totals, history and a party's claims aside themselves, so a toll they kept is an event's
    statement = decision({"none:statement": 0.6, "Armed clash": 0.4})
    assert code_type(SHELLING, statement, mode="news") is None
    assert code_type(SHELLING, statement, mode="news", killed=True) is not None
    # a disaster or a crime with its dead is still none
    for label in ("none:natural_disaster", "none:crime"):
        assert (
            code_type(SHELLING, decision({label: 0.7, "Attack": 0.3}), mode="news", killed=True)
            is None
        )


def test_a_person_captured_stays_an_arrest() -> None:
    # "forces captured the top militia commander": the parse read a person taken, the coder's
    # bag of words only "captured"
    arrest = EventType(
        "Strategic developments",
        "Arrests",
        "COERCE",
        Cue("arrest", 0, 1, "captured", "capture"),
        "rule",
    )
    d = decision({"Non-state actor overtakes territory": 0.55, "Arrests": 0.45})
    coded = code_type(arrest, d, mode="news")
    assert coded is not None and coded.kind.sub_event_type == "Arrests"


def test_a_crowd_s_fight_is_no_battle_whatever_the_coder_reads() -> None:
    # "Rioters clashed with soldiers": the rules read rioters as a side; a battle needs two
    # armed, organised sides, so the coder's "Armed clash" does not retype it
    riot = EventType(
        "Riots",
        "Violent demonstration",
        "PROTEST",
        Cue("clash", 1, 2, "clashed", "clash"),
        "rule",
    )
    d = decision({"Armed clash": 0.77, "Violent demonstration": 0.23})
    coded = code_type(riot, d, mode="news", crowd_side=True)
    assert coded is not None and coded.kind.sub_event_type == "Violent demonstration"
    coded = code_type(riot, d, mode="news")
    assert coded is not None and coded.kind.sub_event_type == "Armed clash"
