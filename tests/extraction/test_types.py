import pytest

import eventwire
from eventwire.extraction.actors import find_actor_phrases, participants
from eventwire.extraction.cues import find_cues
from eventwire.extraction.types import classify, known_types


def decide(nlp, text):
    sent = next(nlp(text).sents)
    cues = find_cues(sent)
    deciding = [c for c in cues if c.category != "casualty"]
    who = participants(sent, deciding[0].head_i, find_actor_phrases(sent))
    kind = classify(cues, who)
    assert kind is not None, text
    return kind.event_type, kind.sub_event_type, kind.plover


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Enemy artillery pounded the town overnight.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "A drone dropped explosives on a tractor near the river.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "Government warplanes carried out an airstrike and fired rockets at the camp.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "A farmer stepped on a landmine while ploughing his field.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "A suicide bomber blew himself up at the checkpoint.",
            ("Explosions/Remote violence", "Suicide bomb"),
        ),
        (
            "Someone threw a grenade into the courtyard of the police station.",
            ("Explosions/Remote violence", "Grenade"),
        ),
        ("Rebels clashed with soldiers on the outskirts of the town.", ("Battles", "Armed clash")),
        (
            "The army shelled and then stormed rebel positions near the dam.",
            ("Battles", "Armed clash"),
        ),
        (
            "Government troops recaptured the border town from the insurgents.",
            ("Battles", "Government regains territory"),
        ),
        (
            "Militants kidnapped three aid workers on the highway.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        ("Gunmen shot dead a shopkeeper in the market.", ("Violence against civilians", "Attack")),
        (
            "Thousands of nurses marched through the capital to demand higher pay.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "Police fired tear gas to disperse students protesting outside the ministry.",
            ("Protests", "Protest with intervention"),
        ),
        # the force that disperses a march polices it: the march is the crowd's
        (
            "A march of opposition supporters in Kiffa was dispersed by the gendarmerie before "
            "it reached the prefecture.",
            ("Protests", "Protest with intervention"),
        ),
        (
            "Rioters threw stones at police and burned tyres during a protest over fuel prices.",
            ("Riots", "Violent demonstration"),
        ),
        ("A mob of villagers beat a suspected thief in the square.", ("Riots", "Mob violence")),
        ("Police arrested four suspects in the port city.", ("Strategic developments", "Arrests")),
        (
            "Soldiers arrested 15 men in overnight raids on two villages.",
            ("Strategic developments", "Arrests"),
        ),
        (
            "Police detained 30 people in dawn raids across the capital.",
            ("Strategic developments", "Arrests"),
        ),
        (
            "Troops raided the camp, killing two men and arresting five.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Air defence units shot down two drones over the refinery.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "Sappers defused a roadside bomb found near the school.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "Militants looted the clinic and burned the pharmacy.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "Anti-aircraft gunners shot down an enemy helicopter over the valley.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "Army units destroyed a fuel depot outside the city.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "A boy was hurt when a piece of unexploded ordnance went off in a field.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "Customs officers seized a cache of weapons hidden in a lorry.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "Farmers and herders clashed over a grazing field near the river.",
            ("Riots", "Mob violence"),
        ),
        # no demonstration: ACLED's mob violence (rioters outside a demonstration context)
        (
            "Angry residents stoned a police car at the junction.",
            ("Riots", "Mob violence"),
        ),
        (
            "Protesters stoned a police car at the junction.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "The two governments signed a ceasefire agreement in the capital.",
            ("Strategic developments", "Agreement"),
        ),
    ],
)
def test_types(nlp, text, expected):
    assert decide(nlp, text)[:2] == expected


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Delegations from the two sides held a new round of talks in Geneva.", "CONSULT"),
        ("A convoy evacuated 300 civilians from the besieged town.", "AID"),
        ("The union announced a fresh round of sanctions against the regime.", "SANCTION"),
    ],
)
def test_non_violent_strategic_developments(nlp, text, plover):
    event_type, sub, got = decide(nlp, text)
    assert (event_type, sub, got) == ("Strategic developments", "Other", plover)


def test_every_decided_type_is_in_the_taxonomy():
    from eventwire.extraction.types import DECISION_ORDER

    types = known_types()
    assert len(types) == 6 and sum(len(v) for v in types.values()) == 25
    for _, event_type, sub, _ in DECISION_ORDER:
        assert sub in types[event_type]


@pytest.mark.parametrize(
    "text",
    [
        "Government troops captured the town of Koro on Sunday and marched deeper into the "
        "rebel-held hills.",
    ],
)
def test_an_armys_march_is_no_protest(nlp, text):
    # the rules alone: an armed side's march, with no violence but a capture beside it
    assert decide(nlp, text)[0] != "Protests"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A video showed police officers hitting residents of the estate on Sunday morning.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Police fired at a car that failed to stop at a checkpoint, killing the driver.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Police fired on gunmen who had stormed the station.",
            ("Battles", "Armed clash"),
        ),
        # soldiers who fire on people shoot them, as the police do
        (
            "Soldiers fired on civilians fleeing the town of Mtwara, killing three.",
            ("Violence against civilians", "Attack"),
        ),
        # armies and weapons keep their type, and so does an army's fire at a place
        (
            "Russian forces hit the town with rockets overnight.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "Troops fired on the village of Mikindani on Monday, killing three.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
    ],
)
def test_police_do_not_shell(nlp, text, expected):
    # the rules alone: the police's blows and shots are an attack, or a fight with armed men
    assert decide(nlp, text)[:2] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gunmen shot dead six unarmed customs officers at a border post before dawn.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Gunmen shot dead six customs officers at a border post before dawn.",
            ("Battles", "Armed clash"),
        ),
    ],
)
def test_officers_the_text_calls_unarmed_are_civilians(nlp, text, expected):
    assert decide(nlp, text)[:2] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Police stopped a car at a roadblock near the border and found three petrol bombs.",
        "Soldiers searching the farm discovered two mortars and a box of grenades.",
        "A roadside bomb was recovered by engineers before it could explode.",
        # (a weapon found is no attack: it was taken before it was used)
        "Soldiers found two rifles and a rocket launcher in the house.",
    ],
)
def test_a_weapon_found_or_seized_is_disrupted(nlp, text):
    assert decide(nlp, text)[:2] == ("Strategic developments", "Disrupted weapons use")


@pytest.mark.parametrize(
    "text",
    [
        "National strike, day seven: live updates from Cali and Bogota",
        "Dock workers began a nationwide strike over pay on Monday.",
    ],
)
def test_a_labour_strike_is_a_protest(nlp, text):
    assert decide(nlp, text)[0] == "Protests"


@pytest.mark.parametrize(
    "text",
    [
        "On Saturday, several dozen relatives gathered outside the hospital, demanding answers.",
        "About 1,000 people assembled on the town square at lunchtime.",
        "Hundreds gathered outside the court as the verdict was read.",
    ],
)
def test_a_crowd_that_gathers_is_a_protest_cue(nlp, text):
    assert decide(nlp, text)[0] == "Protests"


@pytest.mark.parametrize(
    "text", ["Investigators gathered evidence at the site.", "Troops gathered near the border."]
)
def test_gathering_without_a_crowd_is_no_protest(nlp, text):
    sent = next(nlp(text).sents)
    assert not any(c.category == "protest" for c in find_cues(sent))


@pytest.mark.parametrize(
    "text",
    [
        "Two fixed-wing aircraft engaged the insurgent positions on the ridge.",
        "A helicopter gunship engaged the militants as they fled towards the river.",
    ],
)
def test_aircraft_that_engage_strike_from_the_air(nlp, text):
    assert decide(nlp, text)[:2] == ("Explosions/Remote violence", "Air/drone strike")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A gunman with a rifle walked through the old town, firing at people outside bars.",
            ("Violence against civilians", "Attack"),
        ),
        ("Militants fired on an army checkpoint near the bridge.", ("Battles", "Armed clash")),
        (
            "Witnesses saw a man with a rifle walking through the lanes and firing at people.",
            ("Violence against civilians", "Attack"),
        ),
        # an army's fire, or a heavy weapon named, stays shelling
        (
            "Russian forces fired on the village overnight.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "Militants fired mortars at the base.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
    ],
)
def test_shots_fired_with_no_heavy_weapon(nlp, text, expected):
    assert decide(nlp, text)[:2] == expected


def test_a_parked_car_is_no_bomb(nlp):
    text = "A man was shot dead while sitting in his parked car in the port district on Thursday."
    assert decide(nlp, text)[:2] == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    "text",
    [
        "Rebels captured an abandoned army base outside the town on Monday.",
        "Militants seized a deserted checkpoint on the road to the border.",
    ],
)
def test_a_deserted_place_taken_is_a_transfer(nlp, text):
    # a place its defenders had left changed hands without a fight
    assert decide(nlp, text)[:2] == ("Strategic developments", "Non-violent transfer of territory")


@pytest.mark.parametrize(
    "text",
    [
        "A militia coalition handed control of the mining town of Kamituga to the army on "
        "Tuesday, officials said.",
        "The separatists ceded control of the district to federal troops under the deal.",
        "The rebels relinquished control of the border crossing at Rusizi on Friday.",
    ],
)
def test_control_given_up_is_a_transfer(nlp, text):
    # the side that held the place gave it up: it changed hands without a fight
    assert decide(nlp, text)[:2] == ("Strategic developments", "Non-violent transfer of territory")


@pytest.mark.parametrize(
    ("text", "subs"),
    [
        (
            "The handover of Kidal to the army went ahead on Friday, the ministry said.",
            ["Non-violent transfer of territory"],
        ),
        (
            "Kalbajar district was handed over to Azerbaijan on Wednesday, the ministry said.",
            ["Non-violent transfer of territory"],
        ),
        # a place handed over, not things or people
        ("Police handed over the seized goods to customs in Gao on Monday.", []),
    ],
)
def test_a_place_handed_over_is_a_transfer(text, subs):
    events = eventwire.extract(text, published="2020-12-02")
    assert [e.sub_event_type for e in events] == subs


@pytest.mark.parametrize(
    "text",
    [
        "Two men of a smuggling ring were killed in a shootout with customs officers near Nador.",
        "Witnesses said two groups in pickups were shooting at each other outside the market.",
        "A band of youths and the night watchmen exchanged fire behind the depot in Kisii.",
    ],
)
def test_a_fight_with_guns_on_both_sides_is_no_mob(nlp, text):
    """Those who fight with guns on both sides are armed, however plainly the story names
    them ("two groups", "a band of youths"): an armed clash, not a crowd's mob violence."""
    assert decide(nlp, text)[1] == "Armed clash", text


def test_a_crowd_that_beats_a_man_is_still_a_mob(nlp):
    assert decide(nlp, "A group of villagers beat a suspected thief to death.")[1] == "Mob violence"
