"""Event types and actors of events outside Ukraine: what ACLED codes by the nature of the
target and of the agent (armed or not), not by the weapon alone. Texts are our own."""

import pytest

import eventwire
from eventwire.model import Event

ABDUCTION = "Abduction/forced disappearance"


def events_of(text: str) -> list[Event]:
    return eventwire.extract(text, published="2023-05-10")


def kinds(text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.sub_event_type) for e in events_of(text)]


def test_a_mobs_killing_stays_mob_violence_and_targets_a_civilian():
    events = events_of(
        "On 7 May 2023, a crowd of residents beat a suspected cattle thief to death "
        "in the market of Parakou."
    )
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Riots", "Mob violence")]
    assert events[0].actor1 == "Rioters (Benin)"
    assert events[0].civilian_targeting


def test_a_number_of_people_killing_a_thief_is_mob_violence_even_with_a_toll():
    assert kinds(
        "On 7 May 2023, a number of people killed a suspected motorbike thief "
        "by burning him alive in Bohicon."
    ) == [("Riots", "Mob violence")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an armed gang's arson with deaths is an attack, not a riot
        (
            "Gangs set fire to a police station and several houses in Cite Soleil on Sunday, "
            "killing at least nine people.",
            ("Violence against civilians", "Attack"),
        ),
        # an armed group's clash with the police is a battle
        (
            "On Sunday, gang members clashed with police in the Delmas district of Port-au-Prince.",
            ("Battles", "Armed clash"),
        ),
        # the same words by an unarmed crowd are a riot
        (
            "On Sunday, angry youths set fire to the town hall in Kandi.",
            ("Riots", "Violent demonstration"),
        ),
    ],
)
def test_riot_words_by_an_armed_group_are_no_riot(text, expected):
    assert kinds(text)[0] == expected


def test_police_clearing_barricades_is_still_a_riot():
    # the police are no armed group whose barricade-clearing would be something else
    assert kinds(
        "On 7 May 2023, riots went on in Tchaourou as police fired tear gas to clear "
        "the barricades and disperse the crowd."
    )[0] == ("Riots", "Violent demonstration")


@pytest.mark.parametrize(
    "text",
    [
        "On 2 May 2023, gunmen shot dead the Fulani village chief of Kalale.",
        "On 2 May 2023, unknown gunmen stormed a Fulani camp near Segbana and shot two herders.",
        "On 2 May 2023, armed men attacked a Fulani camp outside Segbana and stole cattle.",
    ],
)
def test_a_community_named_as_target_is_civilians_not_its_militia(text):
    event = events_of(text)[0]
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor2 is not None and event.actor2.startswith("Civilians")
    assert event.civilian_targeting


def test_a_community_militia_as_agent_keeps_its_name():
    event = events_of("On 2 May 2023, Fulani militiamen attacked the village of Tede.")[0]
    assert event.actor1 is not None and event.actor1.startswith("Fulani Ethnic Militia")


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        (
            "On 2 May 2023, JNIM fighters attacked a Beninese military base in Koabagou "
            "before dawn.",
            "Military Forces of Benin (2016-)",
        ),
        (
            "On 2 May 2023, suspected militants attacked an army patrol near Tanguieta; "
            "nobody was hurt.",
            "Military Forces of Benin (2016-)",
        ),
        (
            "On 2 May 2023, gunmen attacked the civil prison in Kandi overnight.",
            "Police Forces of Benin (2016-)",
        ),
        (
            "On 2 May 2023, two armed robbers opened fire on police officers in Cotonou "
            "and were shot dead when the police returned fire.",
            "Police Forces of Benin (2016-)",
        ),
    ],
)
def test_an_attack_on_a_post_patrol_or_prison_of_the_state_is_a_battle(text, actor2):
    events = events_of(text)
    assert {(e.event_type, e.sub_event_type) for e in events} == {("Battles", "Armed clash")}
    assert events[0].actor2 == actor2
    assert events[0].actor1 is not None and not events[0].actor1.startswith("Police")


def test_returning_fire_is_no_shelling():
    types = {
        e.sub_event_type
        for e in events_of(
            "On 2 May 2023, a gunman shot at officers guarding the police station in Banikoara "
            "and the officers fired back, killing him."
        )
    }
    assert types == {"Armed clash"}


@pytest.mark.parametrize(
    "text",
    [
        "On 1 May 2023, a number of locals beat and killed a presumed thief in Parakou.",
        "On 1 May 2023, a number of people assaulted and killed a motorbike thief in Bohicon.",
        "On 1 May 2023, locals in Tanguieta severely wounded an old man accused of witchcraft.",
        "On 1 May 2023, two individuals beat a woman to death in Natitingou, accusing her "
        "of sorcery.",
        "On 1 May 2023, a number of youths assaulted policemen who were arresting a farmer in Lalo.",
        "On 1 May 2023, Sunni and Tijani Muslims clashed outside the mosque in Malanville.",
    ],
)
def test_violence_by_people_who_are_no_armed_organisation_is_mob_violence(text):
    event = events_of(text)[0]
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")
    assert event.actor1 is not None and event.actor1.startswith("Rioters")


def test_a_mob_beating_a_man_targets_a_civilian():
    event = events_of(
        "On 1 May 2023, locals in Tanguieta severely wounded an old man accused of witchcraft."
    )[0]
    assert event.actor2 is not None and event.actor2.startswith("Civilians")
    assert event.civilian_targeting


def test_a_crowd_gathering_to_demand_a_release_is_a_protest():
    event = events_of(
        "On 1 May 2023, a crowd of supporters of the mayor gathered in front of the central "
        "police station in Parakou to demand his release."
    )[0]
    assert event.event_type == "Protests"


def test_unknown_individuals_with_guns_stay_an_armed_group():
    event = events_of("On 1 May 2023, unknown individuals shot dead a trader in Kandi.")[0]
    assert event.event_type == "Violence against civilians"
    assert event.actor1 == "Unidentified Armed Group (Benin)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 1 May 2023, the primary school of Koabagou was closed because of security threats.",
            ("Strategic developments", "Change to group/activity"),
        ),
        (
            "On 1 May 2023, the authorities closed the border crossing at Malanville.",
            ("Strategic developments", "Change to group/activity"),
        ),
        (
            "On 1 May 2023, an armed group preached in the mosque of a village near Karimama.",
            ("Strategic developments", "Other"),
        ),
        (
            "On 1 May 2023, suspected JNIM militants recruited young men in Kandi.",
            ("Strategic developments", "Other"),
        ),
        (
            "On 1 May 2023, soldiers carried out an operation near the base in Porga.",
            ("Strategic developments", "Other"),
        ),
        # a unit that leaves its command changes the group itself
        (
            "On 1 May 2023, the officers of the police command in Kandi declared themselves in "
            "mutiny and closed the doors of their barracks.",
            ("Strategic developments", "Change to group/activity"),
        ),
        (
            "On 1 May 2023, a colonel and 40 soldiers defected to the rebels in Kandi.",
            ("Strategic developments", "Change to group/activity"),
        ),
    ],
)
def test_non_violent_developments_are_events(text, expected):
    assert kinds(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Negotiators in Doha have so far failed to close the gaps between the two sides.",
        "Schools have suspended classes, and many shops in Culiacan have closed early.",
    ],
)
def test_closing_anything_else_is_no_security_measure(text):
    assert ("Strategic developments", "Change to group/activity") not in kinds(text)


def test_farmers_raiding_a_camp_are_a_communal_militia():
    event = events_of(
        "On 1 May 2023, a group of farmers attacked a Fulani camp near Cobly, wounding three people."
    )[0]
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor1 == "Unidentified Communal Militia (Benin)"
    assert event.civilian_targeting


def test_armed_farmers_and_herders_clashing_are_two_militias_in_battle():
    event = events_of(
        "On 1 May 2023, armed farmers and herders clashed near Malanville, leaving two dead."
    )[0]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert event.actor1 == event.actor2 == "Unidentified Communal Militia (Benin)"
    assert not event.civilian_targeting


def test_unarmed_farmers_and_herders_fighting_are_rioters_on_both_sides():
    event = events_of("On 1 May 2023, farmers and herders fought near Malanville.")[0]
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")
    assert event.actor2 is None and not event.civilian_targeting


def test_a_group_of_gunmen_are_gunmen():
    event = events_of("On 1 May 2023, a group of gunmen killed two farmers near Kandi.")[0]
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor1 == "Unidentified Armed Group (Benin)"


def test_the_object_of_the_killing_is_the_target():
    event = events_of(
        "On 1 May 2023, soldiers and volunteer fighters entered a village near Djibo that they "
        "accused of hiding the attackers and killed at least 20 civilians."
    )[0]
    assert event.actor2 == "Civilians (Burkina Faso)"
    assert event.civilian_targeting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 1 May 2023, a group of youths demonstrated and clashed with forest guards in Kalale.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 1 May 2023, the demonstrators attacked a motorcyclist in Save.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 1 May 2023, hundreds of people staged a violent demonstration in Cotonou.",
            ("Riots", "Violent demonstration"),
        ),
        # stones thrown at someone, no demonstration: a mob
        (
            "On 1 May 2023, residents stoned a police vehicle in Malanville.",
            ("Riots", "Mob violence"),
        ),
        # what a protest is against is no intervention in it
        (
            "On 1 May 2023, students in Aplahoue demonstrated over the arrest of two classmates.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "On 1 May 2023, traders marched in Parakou against the arbitrary arrests of their "
            "colleagues.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "On 1 May 2023, police fired tear gas at demonstrators in Nairobi.",
            ("Protests", "Protest with intervention"),
        ),
        (
            "On 1 May 2023, police opened fire on protesters in Nairobi.",
            ("Protests", "Protest with intervention"),
        ),
    ],
)
def test_demonstrations_and_crowds(text, expected):
    assert kinds(text)[0] == expected


def test_a_second_verb_shares_the_first_ones_subject():
    # the residents caught and beat him: a crowd's violence, not an unknown attacker's
    event = events_of("On 1 May 2023, residents caught and beat a suspected thief in Parakou.")[0]
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence")
    assert event.actor1 == "Rioters (Benin)"


@pytest.mark.parametrize(
    "text",
    [
        "On 1 May 2023, suspected armed farmers killed a herder near Ouake.",
        "On 1 May 2023, a group of herders equipped with machetes attacked and wounded a farmer "
        "near Sinende.",
        "On 1 May 2023, villagers armed with hunting rifles attacked a herder camp near Sinende.",
    ],
)
def test_people_of_a_community_who_carry_arms_are_a_communal_militia(text):
    event = events_of(text)[0]
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor1 == "Unidentified Communal Militia (Benin)"


def test_gunmen_killing_a_police_officer_is_a_battle():
    event = events_of(
        "On 1 May 2023, unidentified gunmen robbed a police officer at Toui and killed him."
    )[0]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_the_dead_of_an_arson_on_a_police_station_may_be_anyone():
    event = events_of(
        "Gangs set fire to a police station and several houses in Cite Soleil on Sunday, "
        "killing at least nine people."
    )[0]
    assert event.event_type == "Violence against civilians"


@pytest.mark.parametrize(
    "text",
    [
        "Dockers in Mombasa began a general strike on Monday over unpaid wages. "
        "On Tuesday the strike shut the container terminal in Mombasa.",
        "Teachers went on strike in Kisumu on Monday. "
        "Hundreds joined the strike in Kisumu on Wednesday, the union said.",
    ],
)
def test_a_strike_by_workers_told_again_is_no_blow_struck(text):
    # once the story has told a strike by workers, its bare "strike" is that strike
    found = kinds(text)
    assert found and all(t == "Protests" for t, _ in found), found


def test_a_strike_with_its_weapon_named_stays_a_blow_in_a_story_of_a_general_strike():
    found = kinds(
        "Transport workers began a national strike in Aden on Monday. "
        "A drone strike hit a car in Mukalla on Tuesday, killing two men."
    )
    assert ("Explosions/Remote violence", "Air/drone strike") in found


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        # people an armed group seizes or "detains" are abducted; the state's are arrested
        ("On Tuesday, jihadists seized about twenty villagers near Niono.", ABDUCTION),
        ("Rebels captured 12 farmers near Bunia on Tuesday.", ABDUCTION),
        ("Al-Shabaab militants detained two aid workers in Baidoa on Tuesday.", ABDUCTION),
        ("Police detained two aid workers in Baidoa on Tuesday.", "Arrests"),
        (
            "On Thursday, agents of the National Criminal Investigation Service detained four "
            "men in Pemba.",
            "Arrests",
        ),
    ],
)
def test_people_taken_by_an_armed_group_are_abducted(text, sub):
    assert [s for _, s in kinds(text)] == [sub]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gun fired at close range is a shooting, as "opened fire" is: an attack on people…
        (
            "Two men came to the farmer's house in Tocoa on Sunday night. When he opened the "
            "door, one of them fired four times and killed him.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "A man fired a pistol at worshippers leaving a mosque in Kano on Friday, wounding "
            "two of them.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On Tuesday evening a gunman fired several shots at a bus stop in Malmo, injuring a "
            "teenager.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "In the centre of Brussels on Monday, he chased the fans into a hotel lobby and "
            "fired again before he fled on a scooter, wounding a taxi driver.",
            ("Violence against civilians", "Attack"),
        ),
        # … and a fight when those it is fired at are armed
        (
            "On Monday, squatters fired shotguns at police officers who had come to evict them "
            "from a ranch near Santa Cruz.",
            ("Battles", "Armed clash"),
        ),
        # an army's or an unnamed fire on a town stays shelling
        (
            "Russian forces fired on Kherson overnight, damaging a dozen homes.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
    ],
)
def test_a_gun_fired_at_close_range_is_a_shooting_not_shelling(text, expected):
    assert kinds(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "6. Shop strike in Bukan\n\nOn Thursday most shops and bazaar stalls in Bukan stayed "
        "closed to protest the death sentences.",
        "A transport strike paralysed Lagos on Monday.",
        "A two-day general strike called by the unions shut banks in Kathmandu on Monday.",
    ],
)
def test_a_strike_named_by_who_stops_work_is_no_blow(text):
    assert ("Explosions/Remote violence", "Shelling/artillery/missile attack") not in kinds(text)


def test_a_gun_fired_at_a_gathered_crowd_makes_no_riot_of_it():
    # who fired at a crowd that came to demand something did not riot (the protest's rules
    # read a crowd shot at, not the gunshot's)
    text = (
        "About 300 miners gathered at the mine offices in Maamba on Friday to demand their "
        "pay. Two supervisors who were in the office block fired shotguns towards the crowd. "
        "Thirteen workers sustained pellet wounds."
    )
    assert all(event_type != "Riots" for event_type, _ in kinds(text))


@pytest.mark.parametrize(
    "text",
    [
        "The house of a council official in Matsapha was petrol-bombed late on Tuesday; the "
        "lounge burned.",
        "Unknown people firebombed the office of the opposition party in Kaunas on Sunday night.",
        "Late on Friday the car of a magistrate was fire-bombed outside his home in Salto.",
    ],
)
def test_a_building_petrol_bombed_is_arson_not_a_bomb(text):
    assert kinds(text) == [("Strategic developments", "Looting/property destruction")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a vehicle that hits something crashes: no blow, no event…
        ("A woman died on Tuesday when her car hit a utility pole on PR-2 in Aguada.", []),
        ("A driver died on Sunday when his lorry hit a bus near the Ezulwini bridge.", []),
        # … but a vehicle that hits a mine meets the mine's blast
        (
            "A truck carrying soldiers hit a landmine near Kidal on Monday, killing two.",
            [("Explosions/Remote violence", "Remote explosive/landmine/IED")],
        ),
        # an aircraft named by a civil use strikes nothing
        (
            "A fire broke out in the pine forest above Podstrana on Monday; it was put out by "
            "firefighters and a water-bombing aircraft.",
            [],
        ),
        # what an "anti-" unit fights is its name, not its deed
        (
            "The anti-kidnapping unit of the police arrested a woman at her home in Concepcion "
            "on Wednesday.",
            [("Strategic developments", "Arrests")],
        ),
        # a word inside a body's name names what the body deals with, no act
        (
            "The Civil Aviation Authority said flights to Juba would resume on Monday after a "
            "technical fault.",
            [],
        ),
        (
            "The Humanitarian Aid Commission in Khartoum said on Tuesday that it had "
            "registered 40 new agencies.",
            [],
        ),
        # … but an armed body's name tells who struck
        (
            "The Nigerian Air Force said it carried out strikes on a camp near Kukawa on Tuesday.",
            [("Explosions/Remote violence", "Air/drone strike")],
        ),
        # a road accident stays one even where the coder would read a blast in its words
        ("A bus veered off the highway near Mbale on Sunday, killing four passengers.", []),
        ("An army lorry overturned outside Garissa on Wednesday, injuring six soldiers.", []),
        # a rally called off did not happen, whatever the coder reads
        (
            "The teachers' union cancelled Monday's rally outside parliament in Harare, saying "
            "it feared violence.",
            [],
        ),
        # a state's note of protest is diplomacy, no one in the street
        (
            "Shells fell on a field on the edge of Batken on Saturday. The foreign ministry sent "
            "a note of protest.",
            [("Explosions/Remote violence", "Shelling/artillery/missile attack")],
        ),
    ],
)
def test_words_of_violence_that_name_no_violence(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a crowd met by a force in a later clause of its own sentence: one protest, met
        (
            "Students marched in Jinja on Monday; a girl was hit by a rubber bullet when police "
            "dispersed them.",
            [("Protests", "Protest with intervention")],
        ),
        (
            "Workers gathered at the mine gate in Ndola on Tuesday; police arrested five of them.",
            [("Protests", "Protest with intervention")],
        ),
        (
            "Nurses demonstrated outside the hospital in Lilongwe on Friday; police broke up the "
            "gathering with batons.",
            [("Protests", "Protest with intervention")],
        ),
        # … not a force that only watched, nor an arrest of someone else
        (
            "Nurses demonstrated outside the hospital in Lilongwe on Friday; police watched "
            "from a distance.",
            [("Protests", "Peaceful protest")],
        ),
        (
            "Teachers marched in Blantyre on Monday; police arrested a suspected robber in "
            "another part of the city.",
            [("Protests", "Peaceful protest"), ("Strategic developments", "Arrests")],
        ),
    ],
)
def test_a_crowd_met_in_a_later_clause_of_its_sentence(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # damage done by a hand no one has named is property destruction, no riot
        (
            "Overnight into Wednesday, someone threw stones through the windows of the party "
            "office in Pleven.",
            [("Strategic developments", "Looting/property destruction")],
        ),
        (
            "Early on Saturday someone threw a petrol bomb at a shop run by a Syrian family in "
            "Larnaca.",
            [("Strategic developments", "Looting/property destruction")],
        ),
        (
            "Unknown people set fire to two classrooms at a school in Mzuzu on Wednesday night.",
            [("Strategic developments", "Looting/property destruction")],
        ),
        # … but a crowd that throws stones riots
        (
            "Protesters threw stones at the police in Ruse on Monday.",
            [("Riots", "Violent demonstration")],
        ),
    ],
)
def test_damage_by_a_hand_no_one_named(text, expected):
    assert kinds(text) == expected
