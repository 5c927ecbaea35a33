"""Event types of wars beyond Ukraine that the crowd-control, arson and seizure words used to
mislead: crowd-control munitions are no shelling, soldiers' arson with killings is no riot, a
seizure of explosives at an arrest is no bomb. Texts are our own."""

from datetime import date

import pytest
from spacy.language import Language

import eventwire
from eventwire.extraction.cues import find_cues
from eventwire.extraction.facts import story_facts
from eventwire.extraction.mentions import find_mentions
from eventwire.geo import load_geoparser


def kinds(text: str) -> list[tuple[str, str]]:
    return [
        (e.event_type, e.sub_event_type) for e in eventwire.extract(text, published="2024-03-05")
    ]


def test_soldiers_killing_villagers_and_burning_houses_is_violence_against_civilians():
    events = eventwire.extract(
        "Troops killed four men in the village of Kumbo on Friday before setting fire to at "
        "least eight houses, witnesses said.",
        published="2024-03-05",
    )
    assert [(e.event_type, e.sub_event_type) for e in events] == [
        ("Violence against civilians", "Attack")
    ]
    assert events[0].civilian_targeting


def test_soldiers_burning_houses_with_no_death_is_property_destruction():
    assert kinds(
        "Soldiers set fire to a dozen houses in the village of Kumbo on Friday, residents said."
    ) == [("Strategic developments", "Looting/property destruction")]


def test_arrests_with_seized_explosives_are_arrests_not_a_bomb():
    assert kinds(
        "Police arrested nine suspected members of the gang in Kano on Monday and seized "
        "pistols, ammunition and three kilograms of explosives."
    ) == [("Strategic developments", "Arrests")]


@pytest.mark.parametrize(
    "text",
    [
        "Police fired tear gas and smoke shells at hundreds of students who were marching "
        "in Dhaka on Sunday.",
        "Police fired tear gas, water cannon and stun grenades at the crowd in Dhaka on Sunday.",
    ],
)
def test_crowd_control_munitions_are_no_shelling(text):
    assert kinds(text)[0] == ("Protests", "Protest with intervention")


def test_a_peaceful_protest_told_beside_fighting_stays_peaceful():
    # the fighting told after the protest is another event, not the crowd's violence
    from eventwire.extraction.actors import Participants
    from eventwire.extraction.cues import Cue
    from eventwire.extraction.types import classify

    cues = [
        Cue("protest", 3, 4, "protested", "protest"),
        Cue("peaceful", 4, 5, "peacefully", "peacefully"),
        Cue("clash", 9, 10, "fighting", "fighting"),
    ]
    kind = classify(cues, Participants(None, None))
    assert kind is not None
    assert (kind.event_type, kind.sub_event_type) == ("Protests", "Peaceful protest")


def test_a_crowd_dispersing_peacefully_was_not_dispersed():
    assert kinds(
        "Hundreds of teachers demonstrated in front of the ministry in Niamey on Monday "
        "before dispersing peacefully."
    ) == [("Protests", "Peaceful protest")]


def test_a_chanting_gathering_is_a_protest():
    assert kinds(
        "Dozens of relatives gathered at the site of the blast in Quetta on Monday, "
        "chanting slogans against the government."
    ) == [("Protests", "Peaceful protest")]


def test_carrying_off_goods_is_looting():
    assert kinds(
        "Gunmen broke into shops in the market of Djibo on Thursday and carried off sugar "
        "and flour."
    ) == [("Strategic developments", "Looting/property destruction")]


def test_air_defences_destroying_drones_is_an_interception():
    assert kinds(
        "The Russian defence ministry said its air defences had destroyed 12 Ukrainian "
        "drones over the Kursk region overnight."
    ) == [("Strategic developments", "Disrupted weapons use")]


def test_an_air_defence_system_hit_is_a_strike_not_an_interception():
    assert kinds(
        "Ukraine's General Staff said on Friday its forces had struck a Russian air defence "
        "system in Crimea with missiles."
    ) == [("Explosions/Remote violence", "Shelling/artillery/missile attack")]


def test_a_weapon_named_as_the_meeting_place_is_no_strike():
    assert kinds(
        "On Friday, several hundred supporters of the movement gathered at the site of the air "
        "strike in Mosul, chanting slogans and waving flags, before dispersing peacefully."
    ) == [("Protests", "Peaceful protest")]


@pytest.mark.parametrize(
    "text",
    [
        "More than 300 pistols and 20,000 bullets were seized at a checkpoint outside Gao on "
        "Tuesday, the army said.",
        "Soldiers captured 40 rifles, two mortar tubes and a stock of ammunition from a rebel "
        "camp near Beni on Friday.",
    ],
)
def test_arms_captured_are_disrupted_weapons_use_not_territory(text: str) -> None:
    assert kinds(text) == [("Strategic developments", "Disrupted weapons use")]


@pytest.mark.parametrize(
    "text",
    [
        "Police clashed with hundreds of protesters outside the parliament in Yerevan on "
        "Monday, firing tear gas and stun grenades, witnesses said.",
        "Security forces fought running battles with demonstrators in the centre of Conakry "
        "on Wednesday as the opposition march turned violent.",
    ],
)
def test_police_clashing_with_protesters_is_the_crowds_violent_demonstration(text):
    events = eventwire.extract(text, published="2024-05-10")
    assert [(e.sub_event_type, e.actor1.split(" (")[0]) for e in events] == [
        ("Violent demonstration", "Rioters")
    ]
    assert events[0].actor2 is not None and events[0].actor2.startswith("Police Forces")


def test_demonstrators_exchanging_gunfire_with_troops_fight_a_battle():
    assert kinds(
        "Soldiers and demonstrators armed with hunting rifles exchanged gunfire in the village "
        "of Kouande on Tuesday, leaving two dead."
    ) == [("Battles", "Armed clash")]


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab fighters took control of the town of Bulo Burde on Tuesday after the "
        "government garrison withdrew from its base there, residents said.",
        "Rebels seized the border post at Ngoura on Friday without a fight, the army having "
        "pulled out the night before.",
        # the words that deny the fighting are the handover's own, no negated event
        "Militia fighters entered the town of Bor without fighting on Thursday.",
        "Rebels captured the town of Bor on Thursday without firing a shot.",
        "The insurgents occupied the district centre on Sunday without any resistance.",
    ],
)
def test_a_place_taken_without_a_fight_is_a_non_violent_transfer(text):
    assert kinds(text) == [("Strategic developments", "Non-violent transfer of territory")]


def test_a_place_taken_after_a_battle_is_overtaken():
    assert kinds(
        "Tuareg rebels seized the garrison town of Aguelhok on Friday after three days of "
        "fighting with the army that left dozens dead."
    ) == [("Battles", "Non-state actor overtakes territory")]


def test_helicopter_raids_are_air_strikes():
    assert kinds(
        "Army choppers pounded insurgent hideouts in the hills near Kismayo on Saturday, "
        "killing 14 fighters, state television reported."
    ) == [("Explosions/Remote violence", "Air/drone strike")]


def test_troops_marching_into_a_town_make_no_protest():
    assert ("Protests", "Peaceful protest") not in kinds(
        "Government troops marched into the rebel stronghold of Jaffna on Tuesday and raised "
        "the national flag over the old fort, the defence ministry said."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers found a large cache of rifles and mortar rounds in a farmhouse near Kidal on "
        "Thursday, the army said.",
        "Police discovered a stash of explosives and detonators hidden under a bridge outside "
        "Mombasa, a spokesman said on Monday.",
    ],
)
def test_a_store_of_arms_found_is_disrupted_weapons_use(text):
    assert kinds(text) == [("Strategic developments", "Disrupted weapons use")]


def test_a_withdrawal_alone_is_a_non_violent_transfer():
    # the transfer's own words, with no capture told beside them
    assert kinds("Government troops withdrew from the town of Koro on Sunday.") == [
        ("Strategic developments", "Non-violent transfer of territory")
    ]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # a state's army takes a place: it regains it, whichever stage read the capture
        (
            "Syrian army units and allied fighters captured on Friday a village in the "
            "countryside of Idlib, state media said.",
            "Government regains territory",
        ),
        # a rival authority's forces (ACLED: "Military Forces of Yemen (2017-) Houthi") are
        # not the government's: their capture overtakes territory
        (
            "Houthi rebels took full control of the district of Harad in Hajjah province on "
            "Monday after days of fighting with tribesmen.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_a_capture_is_typed_by_who_takes_it(text: str, sub: str) -> None:
    events = eventwire.extract(text, published="2021-02-24")
    assert sub in [e.sub_event_type for e in events], [(e.sub_event_type, e.actor1) for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "A combined security force captured a Haqqani Network facilitator and one suspected "
        "insurgent in Sabari district, Khost province, yesterday.",
        "Coalition forces seized a Taliban financier in Nad Ali district yesterday.",
        "The security force captured two al-Shabaab operatives near Kismayo yesterday.",
    ],
)
def test_an_armed_network_member_captured_is_arrested(text: str) -> None:
    """A military release names the people it takes by their role in an armed network
    (facilitator, financier, operative, courier, emir): a capture of one is an arrest on the
    day the release tells, not a place taken."""
    events = eventwire.extract(text, published="2011-05-23")
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Arrests", "2011-05-22")]


def test_a_crowd_a_state_force_attacked_is_a_protest_broken_up_not_a_riot():
    def typed(text: str) -> list[str]:
        return [e.sub_event_type for e in eventwire.extract(text, published="2024-08-12")]

    assert typed("On Wednesday 17 July, police attacked protesters with batons in Khulna.") == [
        "Protest with intervention"
    ]
    assert typed("On Wednesday 17 July, protesters attacked police with stones in Khulna.") == [
        "Violent demonstration"
    ]


def test_rioters_and_protesters_who_clash_with_any_force_fight_no_battle():
    """Rioters and protesters are a crowd, not a side of a battle, whatever force they fought
    (soldiers as well as police), and a demonym before them tells their nationality, not a
    state's forces; gunmen who clash with soldiers still fight a battle."""

    def coded(text: str) -> list[tuple[str, str | None]]:
        return [
            (e.sub_event_type, e.actor1) for e in eventwire.extract(text, published="2021-05-20")
        ]

    assert coded("Palestinian rioters clashed with IDF troops in Nablus on Tuesday.") == [
        ("Violent demonstration", "Rioters (Palestine)")
    ]
    assert coded("Soldiers clashed with demonstrators in Mandalay on Tuesday.")[0][0] == (
        "Violent demonstration"
    )
    assert coded("Gunmen clashed with soldiers near Maiduguri on Tuesday.")[0][0] == "Armed clash"


def test_a_state_s_strike_named_by_its_demonym_alone_is_that_state_s():
    # "Russian airstrikes hit Idlib": no actor noun in the sentence, the demonym names the side
    events = eventwire.extract("Russian airstrikes hit Idlib on Tuesday.", published="2021-05-20")
    assert [e.actor1 for e in events] == ["Military Forces of Russia (2000-) Air Force"]


def test_a_death_that_describes_whom_a_crowd_came_for_is_no_violence_of_the_crowd():
    # "to remember the man killed on Saturday": the crowd's cause, not a killing by the crowd
    assert kinds(
        "About 200 people gathered outside the town hall in Kisumu on Sunday to remember the "
        "fisherman killed on Saturday."
    ) == [("Protests", "Peaceful protest")]


@pytest.mark.parametrize(
    "text, sub_event_type",
    [
        # fighters driven from a place: the place taken by whoever drove them
        (
            "Government troops drove the insurgents out of three villages near Mocimboa da "
            "Praia on Sunday, the army said.",
            "Government regains territory",
        ),
        (
            "The army dislodged the militants from their hilltop positions outside Diffa on "
            "Saturday.",
            "Government regains territory",
        ),
        (
            "Rebel fighters chased the soldiers out of the garrison town of Bambari on Friday.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_fighters_driven_from_a_place_lose_it(text, sub_event_type):
    assert ("Battles", sub_event_type) in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "The customs service expelled two smugglers' lorries from the port of Cotonou on Friday.",
        "The farmer drove his cattle out of the flooded field near Kano on Monday.",
        "The ministry pushed back the deadline for the vote to March.",
    ],
)
def test_driving_out_what_is_no_fighter_takes_no_place(text):
    assert not [k for k in kinds(text) if "territory" in k[1]]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # a launch whose object is an act of violence fires no missile: the act tells the event
        (
            "Gang members launched an attack on the police station in Dessalines on Sunday, "
            "killing two officers.",
            "Armed clash",
        ),
        (
            "Rebels launched a raid on an army camp near Beni on Monday, killing four soldiers.",
            "Armed clash",
        ),
        (
            "The militants launched rockets at Sderot on Monday.",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_a_launched_attack_is_the_attack(text: str, sub: str) -> None:
    assert [s for _, s in kinds(text)] == [sub]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # a charge its bearer set off, killing himself: a suicide bomb
        (
            "On Friday, a man approached the police post at the entrance to Khasavyurt on foot "
            "and set off an explosive device hidden under his jacket, killing two officers and "
            "himself.",
            "Suicide bomb",
        ),
        # the coder reads a fight in "fight the militants … setting the villages on fire"; the
        # rules read villages attacked, ACLED's violence against civilians
        (
            "Islamist militants have attacked three villages in northern Cameroon, leaving 14 "
            "people dead and 9 wounded, according to vigilantes. A vigilante helping the army "
            "fight the militants said the gunmen invaded Kolofata, Amchide and Limani, "
            "slaughtering their victims before setting the villages on fire",
            "Attack",
        ),
        # a capture the next sentence says met a withdrawal: it met no one
        (
            "Jihadist fighters seized control of the border crossing near Tessalit on Thursday, a "
            "local official said. The group is now in control of the crossing, following the "
            "withdrawal of government forces from the post.",
            "Non-violent transfer of territory",
        ),
    ],
)
def test_what_the_sentence_around_the_cue_tells_types_it(text: str, sub: str) -> None:
    assert [s for _, s in kinds(text)] == [sub]


def test_an_attack_with_poison_gas_ranked_in_its_war_is_one_chemical_attack():
    """ "one of the worst attacks with poisonous gas in the war": one attack, ranked among the
    war's, and its toll is that attack's."""
    events = eventwire.extract(
        "In one of the worst attacks with poisonous gas in the six-year civil war, at least 70 "
        "people have been killed in the rebel-held town of Douma, a monitoring group said on "
        "Sunday.",
        published="2024-03-05",
    )
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Chemical weapon", 70)]


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Security forces launched an operation in the mountains on Monday.", False),
        ("The army launched a campaign against smugglers near Kidal.", False),
        ("The militants launched rockets at Sderot on Monday.", True),
        ("Hezbollah launched three drones at an army base.", True),
    ],
)
def test_a_launch_of_no_weapon_fires_no_missile(nlp: Language, text: str, fires: bool) -> None:
    """ "Security forces launched an operation", "launched a campaign": a launch whose object
    is no weapon is no strike cue; rockets and drones launched are."""
    sent = next(nlp(text).sents)
    launched = [c for c in find_cues(sent) if c.text == "launched"]
    assert bool(launched) == fires, launched


@pytest.mark.parametrize(
    "text",
    [
        # a force that clears a blockade with tear gas meets a protest
        "On Saturday, police used tear gas and a water cannon to clear a road block set up by "
        "farmers at the entrance to Temuco, where they were demanding land.",
        "On Monday police cleared a roadblock by taxi drivers on the highway at La Chorrera, "
        "using tear gas.",
        # … and so does one that disperses a crowd named by its count
        "On Monday, police used tear gas to disperse hundreds of people who had blocked the "
        "highway at La Chorrera. Police said 38 people were detained.",
    ],
)
def test_a_blockade_cleared_by_force_is_a_protest_met_by_force(text: str) -> None:
    assert kinds(text)[:1] == [("Protests", "Protest with intervention")]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # people, not a place, taken: told in the passive too
        ("Twelve villagers were captured by soldiers near Myeik on Monday.", "Arrests"),
        (
            "The town of Myeik was seized by rebels on Monday.",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_a_person_taken_in_the_passive_is_no_place_taken(text: str, sub: str) -> None:
    assert [s for _, s in kinds(text)] == [sub]


def test_a_flash_strike_is_a_protest() -> None:
    """Myanmar's "flash strike": a crowd that marches for minutes and scatters, no blow struck."""
    text = (
        "Young people staged a flash strike in Dawei on Monday, marching briefly before scattering."
    )
    assert kinds(text) == [("Protests", "Peaceful protest")]


@pytest.mark.parametrize(
    "text",
    [
        "Islamic State fighters fired 60 mortar rounds containing poisonous gases on Kurdish "
        "forces in the hills near Sinjar.",
        "The jihadists launched about 30 rockets carrying mustard gas on Peshmerga positions "
        "south of Kirkuk.",
    ],
)
def test_a_munition_that_carries_a_chemical_is_a_chemical_weapon(nlp: Language, text: str) -> None:
    """What a munition carries names the weapon: the chemical in the munition's modifier
    decides over the mortar or the rocket, in the rules' reading (and over the coder's)."""
    doc = nlp(text)
    facts = story_facts(doc, load_geoparser().places(doc), date(2016, 3, 10))
    assert [m.kind.sub_event_type for m in find_mentions(facts)] == ["Chemical weapon"]
    assert [s for _, s in kinds(text)] == ["Chemical weapon"]


def test_an_armed_group_s_arson_with_people_hurt_is_an_attack() -> None:
    """An armed group's arson is no riot; with people beaten or killed it is an attack (the
    rules' reading: settlers who raid a village are an identity militia), and with no one hurt,
    property destroyed."""
    from eventwire.extraction.actors import find_actor_phrases, participants
    from eventwire.extraction.types import classify
    from eventwire.nlp import load_nlp

    nlp = load_nlp()
    for text, sub in (
        (
            "Settlers attacked houses on the outskirts of Sinjil, setting fire to two cars and "
            "beating three residents.",
            "Attack",
        ),
        (
            "Gang members set fire to a police station in Ouanaminthe.",
            "Looting/property destruction",
        ),
    ):
        doc = nlp(text)
        sent = next(doc.sents)
        cues = find_cues(sent)
        arson = next(c for c in cues if c.category == "riot")
        kind = classify(cues, participants(sent, arson.head_i, find_actor_phrases(sent)))
        assert kind is not None and kind.sub_event_type == sub, (text, kind)


@pytest.mark.parametrize(
    "text",
    [
        "A gendarme was killed in Divo on Saturday, officials said.",
        "A terrorist was killed in the village of Kumbo on Friday, the army said.",
        "An insurgent died of his wounds in Kumbo on Friday, the army said.",
    ],
)
def test_one_combatant_killed_with_no_weapon_named_is_fighting(text: str) -> None:
    # the singular of a combatant word, as plurals always were: no attack on a civilian
    assert kinds(text) == [("Battles", "Armed clash")]


@pytest.mark.parametrize(
    "text",
    [
        "Taliban forces attacked Pakistani border posts near Spin Boldak on Sunday, officials said.",
        "Militants attacked a border post near Aguelhok on Sunday, the army said.",
        "Jihadists attacked two army camps near Aguelhok on Sunday, the army said.",
    ],
)
def test_an_attack_on_an_army_s_posts_is_a_battle_with_it(text: str) -> None:
    # the posts and camps of an army, in the plural or on a border: no attack on civilians
    assert kinds(text) == [("Battles", "Armed clash")]


@pytest.mark.parametrize(
    "text",
    [
        "In Mitsamiouli on Sunday, supporters of an opposition candidate stormed a polling "
        "station and burned the ballot box.",
        "Opposition supporters attacked a police station in Kampala on Sunday.",
    ],
)
def test_a_crowd_with_a_cause_that_fights_is_a_violent_demonstration(text: str) -> None:
    # supporters and protesters are no armed side: storming or attacking is their riot
    assert kinds(text) == [("Riots", "Violent demonstration")]


def test_rival_supporters_who_clash_are_mob_violence() -> None:
    text = "Supporters of the two main parties clashed in Mzuzu on Monday, police said."
    assert kinds(text) == [("Riots", "Mob violence")]
