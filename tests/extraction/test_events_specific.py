"""An event record needs something of its own: a day, a site or a toll. A clause later in a long
story that has none of them ("Troops have been deployed", "talks were held", "families were
evacuated") is a comment or a development too vague to place, not an event.

Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from eventwire import extract

TUESDAY = date(2024, 6, 4)


def summary(text: str) -> list[tuple[str, str | None, int | None]]:
    return [(e.sub_event_type, e.location, e.fatalities) for e in extract(text, published=TUESDAY)]


def test_a_vague_clause_later_in_the_story_is_no_event() -> None:
    for vague in (
        "The government deployed more troops to the province.",
        "Elders held talks with the commanders to end the fighting.",
        "Hundreds of families were evacuated, the governor said.",
    ):
        text = (
            "Gunmen attacked the market in Kidal, Mali, on Monday, killing seven traders, "
            f"officials said.\n\nThe region has been unstable for years. {vague}"
        )
        got = summary(text)
        assert got == [("Attack", "Kidal", 7)], (vague, got)


def test_a_clause_with_a_day_site_or_toll_of_its_own_stays() -> None:
    for specific in (
        "On Sunday, elders held talks with the commanders in Gao.",
        "Soldiers clashed with rebels in Gao, killing three.",
    ):
        text = (
            "Gunmen attacked the market in Kidal, Mali, on Monday, killing seven traders, "
            f"officials said.\n\n{specific}"
        )
        assert len(summary(text)) == 2, (specific, summary(text))


def test_the_event_named_again_with_the_is_no_second_event() -> None:
    for again in (
        "The raid left the market in ruins, witnesses said.",
        "Hundreds of traders fled to the hills during the attack.",
        "The governor said the attack on Kidal proved the army had failed.",
    ):
        text = (
            "Gunmen attacked the market in Kidal, Mali, on Monday, killing seven traders, "
            f"officials said.\n\n{again}"
        )
        got = summary(text)
        assert got == [("Attack", "Kidal", 7)], (again, got)


def test_a_new_attack_with_a_day_of_its_own_stays() -> None:
    text = (
        "Gunmen attacked the market in Kidal, Mali, on Monday, killing seven traders, "
        "officials said.\n\nThe attack on Sunday in Gao killed two soldiers."
    )
    assert len(summary(text)) == 2, summary(text)


def test_attacks_in_earlier_years_and_since_clauses_are_history() -> None:
    for history in (
        "In the town of Gao, residents remember two massacres in 1998 and 2011.",
        "Thousands have died since the militia began shelling Gao on Sunday.",
    ):
        text = (
            "Gunmen attacked the market in Kidal, Mali, on Monday, killing seven traders, "
            f"officials said.\n\n{history}"
        )
        got = summary(text)
        assert got == [("Attack", "Kidal", 7)], (history, got)


def test_the_verb_of_the_event_named_again_is_no_second_event() -> None:
    text = (
        "An air strike killed five people near Kidal, Mali, on Monday, residents said.\n\n"
        "The strike hit a truck on the road outside Kidal shortly after noon, a witness said."
    )
    got = summary(text)
    assert len(got) == 1 and got[0][1] == "Kidal", got


def test_the_place_a_source_speaks_from_is_not_the_event_s() -> None:
    text = (
        "Insurgents attacked an army base near Kidal, Mali, on Monday, officials said.\n\n"
        "A security source in Bamako, the capital, said six soldiers and nine insurgents "
        "were killed."
    )
    got = summary(text)
    assert [(g[1], g[2]) for g in got] == [("Kidal", 15)], got


def test_a_fight_that_went_on_into_the_next_day_is_one_event() -> None:
    text = (
        "Gunmen stormed a police post in Kidal, Mali, on Sunday night, officials said.\n\n"
        "The gunfight continued into Monday morning; three policemen and eight gunmen were "
        "killed there, officials said."
    )
    got = summary(text)
    assert [(g[1], g[2]) for g in got] == [("Kidal", 11)], got


def test_the_toll_goes_to_the_event_that_killed() -> None:
    text = (
        "Gunmen ambushed a bus near Kidal, Mali, on Monday, killing nine passengers, "
        "residents said.\n\nA drone strike on a truck near Gao killed four traders on Sunday, "
        "residents told AFP, as fighting between troops and rebels flared again across the region."
    )
    got = summary(text)
    assert ("Air/drone strike", "Gao", 4) in got, got


def test_a_clause_with_its_own_day_in_a_one_town_story_is_set_in_that_town() -> None:
    """A story that named one town: a later clause with a day of its own and no site is an
    event there ("The violence began on Saturday night, when youths attacked the reception
    centre"); in a story of two towns it stays vague unless its headline names one of them."""
    one_town = (
        "Crowd burns hostel in Kalmar\n\n"
        "KALMAR, Sweden (Wire) - Youths set fire to a hostel for asylum seekers in Kalmar on "
        "Monday night, police said.\n\n"
        "The violence began on Saturday night, when a crowd of about 200 youths attacked the "
        "reception centre next door with stones and bottles."
    )
    got = [(e.event_date, e.location) for e in extract(one_town, published="2024-05-08")]
    assert ("2024-05-04", "Kalmar") in got, got
    # (a headline that names no town: once the story names two, the clause is set nowhere)
    two_towns = one_town.replace(
        "police said.", "police said. Another hostel was attacked in Vaxjo on Monday."
    ).replace("Crowd burns hostel in Kalmar", "Crowds burn asylum hostels")
    got = [(e.event_date, e.location) for e in extract(two_towns, published="2024-05-08")]
    assert all(day != "2024-05-04" for day, _ in got), got


def test_a_crowd_with_a_day_and_no_town_gathers_in_the_story_s_main_town() -> None:
    """A story that names one town more than any other (twice at least) is about it: a crowd
    told with a day of its own and no town ("in the square in front of the Assembly")
    gathered there; a crowd in a story whose towns are named as often stays vague."""
    story = (
        "Teachers' strike: the ombudsman's findings\n\n"
        "The office reviewed 146 complaints from teachers in Curitiba and Ponta Grossa. It "
        "sat in Curitiba.\n\n"
        "From the morning of Monday 27 April, several thousand teachers gathered in the square "
        "in front of the Assembly and set up tents for a vigil."
    )
    got = [
        (e.sub_event_type, e.event_date, e.location) for e in extract(story, published="2015-05-26")
    ]
    assert ("Peaceful protest", "2015-04-27", "Curitiba") in got, got
    even = story.replace("It sat in Curitiba.", "It sat in Ponta Grossa and Curitiba.")
    got = [(e.event_date, e.location) for e in extract(even, published="2015-05-26")]
    assert ("2015-04-27", "Curitiba") not in got, got


def test_a_log_entry_or_a_paragraph_s_day_sets_its_clause_in_the_one_town() -> None:
    """The day a clause takes from its log entry's heading or from the sentence before it
    ("By nightfall, …") is a day of its own too: in a story that named one town, the clause is
    an event there."""
    log = (
        "Live: Tallinn after a night of rioting\n\n"
        "Monday, 23 April\n\n"
        "19:10 - The square outside the war memorial is full.\n\n"
        "22:40 - Protesters are throwing bottles and stones at riot police in front of the "
        "monument.\n\n"
        "Tuesday, 24 April\n\n"
        "07:30 - Street cleaners are sweeping up broken glass."
    )
    got = [
        (e.sub_event_type, e.event_date, e.location) for e in extract(log, published="2007-04-24")
    ]
    assert ("Violent demonstration", "2007-04-23", "Tallinn") in got, got
    story = (
        "Night of unrest in Tallinn\n\n"
        "TALLINN - The trouble began on Thursday, when officials fenced off the war memorial.\n\n"
        "By nightfall, groups of youths had built barricades and were throwing stones at "
        "the police."
    )
    got = [
        (e.sub_event_type, e.event_date, e.location) for e in extract(story, published="2007-04-28")
    ]
    assert ("Violent demonstration", "2007-04-26", "Tallinn") in got, got


def test_a_toll_at_the_scene_a_few_sentences_on_is_the_event_s() -> None:
    story = (
        "Bus bombed at Varna airport\n\n"
        "VARNA - An explosion tore through a bus parked outside the airport terminal in Varna "
        "at 17:25 on Wednesday, police said. The bus was one of several waiting to carry "
        "tourists to their hotels. Its driver had just started the engine. Five passengers "
        "were killed at the scene, and 30 were wounded.\n\n"
        "Police are questioning witnesses."
    )
    got = [(e.location, e.fatalities, e.injuries) for e in extract(story, published="2024-06-06")]
    assert got == [("Varna", 5, 30)], got


def test_a_datelines_town_is_the_one_town_until_the_story_names_another() -> None:
    """A story that names no town but its dateline's: a clause with a day of its own and no
    site is an event in the dateline's town; a clause in a sentence that names another town
    is not set there (a release filed in the capital about a district)."""
    story = (
        "Grenade hurled at rally\n\n"
        "ANTANANARIVO - Tension remained high on Sunday.\n\n"
        "On Saturday, a grenade was thrown at supporters of the mayor as they left a rally, "
        "wounding four."
    )
    got = {(e.event_date, e.location) for e in extract(story, published="2009-02-08")}
    assert got == {("2009-02-07", "Antananarivo")}, got
    release = (
        "Patrol repels attack in Zhari\n\n"
        "KABUL, Afghanistan (May 3, 2011) - A combined patrol repelled an insurgent attack "
        "while on patrol in Zhari district of Kandahar province today."
    )
    got = [e.location for e in extract(release, published="2011-05-03")]
    assert "Kabul" not in got, got
    # a story that named a region first is about that region, not the dateline's town
    wire = (
        "Gunmen kill 12 villagers in northern Benin, army says\n\n"
        "COTONOU (Reuters) - Gunmen killed 12 villagers in an overnight raid on a village in "
        "northern Benin, the army said on Wednesday.\n\n"
        "The attackers arrived on motorcycles late on Tuesday and opened fire on residents."
    )
    got = [e.location for e in extract(wire, published="2025-05-28")]
    assert "Cotonou" not in got, got


def test_an_air_strike_called_in_during_a_fight_is_an_event_of_its_own() -> None:
    release = (
        "Patrol repels attack in Zhari\n\n"
        "KANDAHAR, Afghanistan (May 3, 2011) - A combined patrol came under fire from "
        "insurgents in Zhari district of Kandahar province today. The patrol returned fire "
        "with rifles and mortars. Two helicopters then engaged the insurgent positions with "
        "rockets. Four insurgents were killed in the engagement."
    )
    got = {e.sub_event_type for e in extract(release, published="2011-05-03")}
    assert got == {"Armed clash", "Air/drone strike"}, got


def test_what_the_subject_was_doing_meanwhile_sets_the_scene() -> None:
    # "while conducting a patrol in X": X is where the attack was repelled
    release = (
        "Patrol repels attack\n\n"
        "A combined patrol repelled an insurgent attack while conducting a security patrol in "
        "Zhari district of Kandahar province on Tuesday."
    )
    got = {e.location for e in extract(release, published="2011-05-04")}
    assert got == {"Zharey"}, got


def test_a_release_s_place_of_issue_is_no_event_s_site() -> None:
    """ "PRESS RELEASE - Juba, 21 February 2016": the place before the header's date is where the
    release was issued; the events are at the town the release names, even in paragraphs that
    say only "the site"."""
    release = (
        "Mission condemns attack on displaced people at Bor site\n\n"
        "UNITED NATIONS MISSION IN SOUTH SUDAN\n"
        "PRESS RELEASE - Juba, 21 February 2016\n\n"
        "The Mission condemns the violence at the protection site next to its base in Bor.\n\n"
        "On the morning of Thursday 18 February, armed men entered the site through a breach "
        "in the fence, fired on residents and set fire to shelters."
    )
    got = {e.location for e in extract(release, published="2016-02-21")}
    assert got == {"Bor"}, got
    from eventwire.extraction.sites import is_dateline
    from eventwire.model import Place

    start = release.index("Juba")
    juba = Place(
        start,
        start + 4,
        "Juba",
        "Juba",
        4.85,
        31.58,
        "South Sudan",
        "SS",
        None,
        None,
        1,
        "city",
        "",
    )
    assert is_dateline(juba, release)


def test_a_clause_with_its_own_day_is_set_in_the_headline_s_town() -> None:
    """Once a story has named two towns, an undated-site clause with a day of its own is set in
    the one town its headline names (the town the story is about), not in the country."""
    story = (
        "Families shelter in Bangassou mosque after militia attack\n\n"
        "BANGUI (Wire) - Hundreds of militiamen attacked the Muslim quarter of Bangassou before "
        "dawn on Saturday, witnesses said. Helicopters were sent from Bangui with "
        "reinforcements.\n\n"
        "On Sunday, someone threw a grenade over the wall of the mosque, killing two people."
    )
    got = {(e.sub_event_type, e.location) for e in extract(story, published="2017-05-16")}
    assert ("Grenade", "Bangassou") in got, got


def test_the_fire_that_led_to_the_encounter_is_no_event_of_its_own() -> None:
    # "after he fired at officers": how the encounter the main clause tells began, told by
    # someone the sentence named; a time clause with a subject and a day of its own is another
    # event
    text = (
        "Police shot dead a suspect in Kakamega on Sunday after he fired at officers, the "
        "county commander said."
    )
    events = extract(text, published=date(2024, 5, 7))
    assert [(e.location, e.fatalities) for e in events] == [("Kakamega", 1)]
    text = (
        "Soldiers killed two gunmen near Gao on Thursday when they attacked a checkpoint on "
        "the road to Bourem, the army said."
    )
    assert len(extract(text, published=date(2024, 5, 7))) == 1
    text = (
        "Troops shelled rebel positions near Kidal on Thursday after rebels ambushed an army "
        "convoy on Monday."
    )
    assert len(extract(text, published=date(2024, 5, 7))) == 2


def test_who_tells_the_event_is_no_side_of_it() -> None:
    # ("an army spokesman": the army's word names who speaks, no soldiers under fire)
    for text in (
        "Gunmen shot dead two people in Jos on Sunday evening, an army spokesman said.",
        "Unknown gunmen killed a 52-year-old in Jos on Sunday evening, the state police "
        "spokesman told reporters.",
    ):
        [event] = extract(text, published=date(2024, 5, 7))
        assert event.actor2 == "Civilians (Nigeria)"


def test_a_conjoined_clause_with_a_day_of_its_own_is_another_event() -> None:
    # "…, and on Sunday some 2,000 marched …": a subject and a day of its own (ACLED codes one
    # event a day); "… and fired tear gas" or "… and the crowd left on Sunday"'s bare
    # conjuncts with no day stay the clause's
    text = (
        "On Saturday about 800 teachers rallied outside the county offices in Kisumu, and on "
        "Sunday some 2,000 people marched through Nakuru to demand the release of their union "
        "leader."
    )
    events = extract(text, published=date(2024, 5, 7))
    assert sorted((e.event_date, e.location) for e in events) == [
        ("2024-05-04", "Kisumu"),
        ("2024-05-05", "Nakuru"),
    ]
    text = "Police fired tear gas at protesters in Kisumu on Saturday and arrested twelve of them."
    assert len(extract(text, published=date(2024, 5, 7))) == 1


def test_a_sentence_that_tells_when_and_where_the_event_happened_is_no_new_event() -> None:
    # "The strike happened on … about 10 kilometres from Bure on the road to Dangila, the
    # health worker said": the strike told before (a relating verb with the event as its
    # subject), near the town it is told relative to (not the road's end), and the health
    # worker who tells it is no striking worker
    text = (
        "Drone strike on minibus near Bure kills seven\n\n"
        "Addis Ababa, Thursday 15 February 2024\n\n"
        "A drone strike hit a minibus on the road near Bure, in Ethiopia's Amhara region, "
        "killing seven passengers, relatives and a health worker said.\n\n"
        "The strike happened on the afternoon of Sunday, February 4, about 10 kilometres from "
        "Bure on the road to Dangila, the health worker said."
    )
    events = extract(text, published=date(2024, 2, 15))
    assert [(e.event_date, e.sub_event_type, e.location, e.fatalities) for e in events] == [
        ("2024-02-04", "Air/drone strike", "Burē", 7)
    ]


def test_what_the_victim_was_doing_and_the_war_around_it_are_no_event_nor_side() -> None:
    # "as he left a meeting": the scene of the killing, no talks; "the latest victim of a war
    # between the guerrillas and a gang": the sides of the war, not of this killing
    text = (
        "Gunmen shot dead a leader of small-scale gold miners on Saturday as he left a meeting "
        "in Simiti, in Colombia's Bolivar department, the latest victim of a war between the "
        "country's last big guerrilla army and its largest drug-trafficking gang."
    )
    [event] = extract(text, published=date(2024, 8, 8))
    assert (event.sub_event_type, event.actor2) == ("Attack", "Civilians (Colombia)")
