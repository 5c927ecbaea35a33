"""One event told twice in one story is one record: a headline and the story that retells it,
and a sentence with no cue of its own that must not carry a follow-up chain forward.

Texts written for these tests."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from events import make_event
from eventwire import extract
from eventwire.extraction.story import without_summaries

TUESDAY = date(2024, 6, 4)


def kinds(text: str) -> list[tuple[str, str | None]]:
    return [(e.event_type, e.location) for e in extract(text, published=TUESDAY)]


def test_a_headline_event_retold_after_the_dateline_is_one_event() -> None:
    text = (
        "Militia shelling kills 9 in Kharkiv as army jets pound Sumy\n\n"
        "KHARKIV, Ukraine (AP) — Russian troops shelled crowded neighborhoods of Kharkiv on "
        "Sunday, killing at least nine people, according to the regional governor, as Russia's "
        "military pressed its own air campaign in the north.\n\n"
        "Late on Friday, Russian warplanes bombed a crowded market in Sumy, killing four "
        "civilians, officials said."
    )
    events = [(e.event_type, e.location) for e in extract(text, published=TUESDAY)]
    explosions = [loc for t, loc in events if t == "Explosions/Remote violence"]
    # the headline's two strikes are the story's two strikes, not four events
    assert len(explosions) == 2, events


def test_a_headline_event_the_story_does_not_retell_is_kept() -> None:
    text = (
        "Protesters rally in Kyiv; drone strikes Sumy\n\n"
        "KYIV, Ukraine (Wire) — Russian drones struck a depot in Sumy on Sunday, killing "
        "three workers, the governor said. Officials gave no further details."
    )
    assert "Protests" in {t for t, _ in kinds(text)}


def test_a_sentence_without_cues_does_not_stretch_the_follow_up_window() -> None:
    # the last sentence reports a capture in a region: a new event, not more of the strike
    text = (
        "Russian drones struck a depot in Sumy on Sunday, killing three workers.\n\n"
        "The governor gave no further details. Officials did not comment on Monday.\n\n"
        "In the Donetsk region, Russian troops said they captured another village on Monday."
    )
    types = [t for t, _ in kinds(text)]
    assert types.count("Battles") == 1, types


def test_a_toll_right_after_its_event_still_follows_it() -> None:
    text = (
        "Russian drones struck a depot in Sumy on Sunday.\n\n"
        "The governor spoke on television. Three workers were killed."
    )
    events = extract(text, published=TUESDAY)
    assert len(events) == 1 and events[0].fatalities == 3, events


def test_a_sentence_naming_another_region_is_another_event() -> None:
    text = (
        "Russian artillery shelled Nikopol on Monday, killing two people, the governor said. "
        "In the Sumy region, Russian drones struck an energy facility, officials said."
    )
    events = extract(text, published=TUESDAY)
    assert len(events) == 2, [(e.location, e.fatalities) for e in events]
    assert [e.fatalities for e in events] == [2, None]


def test_a_sentence_naming_the_event_s_own_region_still_follows_it() -> None:
    text = (
        "Russian artillery shelled Nikopol on Monday, killing two people, the governor said. "
        "In the Dnipropetrovsk region, the shelling also damaged a school."
    )
    assert len(extract(text, published=TUESDAY)) == 1


def test_a_party_s_account_of_the_strike_is_no_second_strike() -> None:
    text = (
        "An airstrike on a house in Rafah killed nine people on Sunday, medics said. "
        "The army said it had targeted militants hiding in the building; it said it killed "
        "a commander, a claim that could not be verified."
    )
    events = extract(text, published=TUESDAY)
    assert len(events) == 1, [(e.sub_event_type, e.location, e.fatalities) for e in events]
    assert events[0].fatalities == 9


def test_an_account_with_a_day_of_its_own_is_another_event() -> None:
    text = (
        "An airstrike on a house in Rafah killed nine people on Sunday, medics said. "
        "The army said it had targeted militants with artillery on Saturday, killing two."
    )
    events = extract(text, published=TUESDAY)
    assert len(events) == 2, [(e.sub_event_type, e.location, e.fatalities) for e in events]


def test_a_placeless_clash_on_another_day_takes_the_toll_after_it() -> None:
    text = (
        "Gunmen set fire to a market in Sumy on Sunday, killing four traders, police said. "
        "On Monday, police fought the gunmen for hours in the old town. "
        "Officers killed three of them, police said."
    )
    events = extract(text, published=TUESDAY)
    got = [(e.event_type, e.event_date, e.fatalities) for e in events]
    assert ("Battles", "2024-06-03", 3) in got, got
    assert len(events) == 2, got


def test_a_placeless_clash_without_a_toll_makes_no_record() -> None:
    # no site told anywhere before it: a vague clause, kept only as pending a toll
    text = (
        "Gunmen set fire to a market on Sunday, killing four traders, police said. "
        "On Monday, police fought the gunmen for hours."
    )
    events = extract(text, published=TUESDAY)
    assert len(events) == 1 and events[0].fatalities == 4, events
    # its paragraph placed it just before ("in Sumy"): an event there, on its own day
    text = (
        "Gunmen set fire to a market in Sumy on Sunday, killing four traders, police said. "
        "On Monday, police fought the gunmen for hours in the old town."
    )
    events = extract(text, published=TUESDAY)
    assert [(e.location, e.sub_event_type, e.fatalities) for e in events][1:] == [
        ("Sumy", "Armed clash", None)
    ], events


def test_the_same_event_told_again_without_its_place_is_one_event() -> None:
    # told again paragraphs later, naming only the country: the placed event again
    text = (
        "Rebels attack army post in North Kivu\n\n"
        "GOMA, Congo (Wire) — ADF rebels attacked an army post near Beni on Sunday, killing "
        "four soldiers, the army said.\n\n"
        "The ADF has been active in the region for decades. Aid groups said displacement was "
        "rising.\n\n"
        "On Sunday, fighting between the army and rebels in Congo left four soldiers dead, a "
        "spokesman told reporters."
    )
    events = extract(text, published=TUESDAY)
    assert [e.location for e in events] == ["Beni"], [(e.location, e.event_date) for e in events]
    assert events[0].fatalities == 4


def test_an_unplaced_event_on_another_day_stays_its_own() -> None:
    text = (
        "JOS, Nigeria (Wire) — Gunmen opened fire on traders at the weekly market in Bokkos "
        "on Sunday, killing five people, police said.\n\n"
        "On Saturday, gunmen killed three farmers in Nigeria, a rights group said."
    )
    days = sorted(e.event_date or "" for e in extract(text, published=TUESDAY))
    assert days == ["2024-06-01", "2024-06-02"], days


def test_a_section_heading_takes_the_day_its_paragraph_tells() -> None:
    # a numbered release: the heading names the event, the paragraph under it gives its day;
    # the headline's arrest, with no place or day of its own, is the same arrest
    text = (
        "Police report: rebel commander arrested\n\n"
        "PROVINCIAL POLICE OFFICE - PRESS RELEASE | Cebu City, 16 June 2009\n\n"
        "1. ARREST IN TOLEDO CITY. On Monday, 15 June 2009, police officers arrested a "
        "ranking rebel commander at a house in Toledo City. He did not resist."
    )
    events = extract(text, published=date(2009, 6, 16))
    assert [(e.sub_event_type, e.location, e.event_date) for e in events] == [
        ("Arrests", "Toledo", "2009-06-15")
    ], [(e.sub_event_type, e.location, e.event_date) for e in events]


def test_a_long_story_s_event_placed_only_in_its_country_is_a_summary() -> None:
    filler = " ".join(
        f"Residents described sentence number {n} of the day to reporters." for n in range(12)
    )
    text = (
        "LIMA (Wire) - Police fired tear gas at protesters blocking a bridge in Juliaca on "
        "Monday, officials said. "
        + filler
        + " Security forces clashed with protesters in several regions of Peru on Monday."
    )
    events = extract(text, published=TUESDAY)
    assert events and all(e.admin1 is not None for e in events), [
        (e.sub_event_type, e.location) for e in events
    ]
    # a short report placed only in its country is kept
    short = extract("Security forces detained dozens of protesters in Peru on Monday.", TUESDAY)
    assert [e.country for e in short] == ["Peru"]


def test_one_kind_at_one_place_on_two_days_is_two_events() -> None:
    """ACLED codes one event per type, day and place: a crowd's attack on Saturday night and
    another on Monday night in one town are two events, not one told twice."""
    text = (
        "Youths attacked a hostel for asylum seekers in Kalmar with stones on Monday night, "
        "police said.\n\nOn Saturday night, youths had attacked the same hostel in Kalmar "
        "with stones and bottles."
    )
    got = sorted((e.event_date, e.location) for e in extract(text, published=TUESDAY))
    assert len(got) == 2 and got[0][0] != got[1][0], got


def test_a_long_story_s_event_in_a_capital_filed_under_no_division_is_placed() -> None:
    # a capital the gazetteer files under no first-level division is a place (precision 1), not
    # a country-wide summary: a long story keeps its event there and drops the one it places
    # only in the country
    arrest = make_event(
        event_id="ew-n",
        event_type="Strategic developments",
        sub_event_type="Arrests",
        country="Mauritania",
        admin1=None,
        location="Nouakchott",
        geo_precision=1,
        fatalities=None,
    )
    summary = replace(arrest, event_id="ew-c", location="Mauritania", geo_precision=3)
    clash = make_event(event_id="ew-z", country="Mauritania", admin1="Tiris Zemmour")
    assert without_summaries([clash, arrest, summary], sentences=20) == [clash, arrest]
    assert without_summaries([arrest, summary], sentences=20) == [arrest]


def test_two_tellings_of_one_fight_in_one_town_on_one_day_are_one_event() -> None:
    # ACLED codes one event per kind, place and day: a live blog's second entry on the
    # afternoon's fighting (another verb, another target) is not a second battle
    text = (
        "Ostrava under fire: live updates\n\n"
        "Our live coverage from Ostrava. All times are local.\n\n"
        "MONDAY, 3 JUNE\n\n"
        "15:40 - Gunmen shot at soldiers outside a warehouse in Ostrava, the defence ministry "
        "says.\n\n"
        "16:30 - Schools and shops are closing. Parents are told to keep children inside.\n\n"
        "18:20 - Gunmen attacked the barracks where soldiers' families live in Ostrava, "
        "according to local radio. The army says the families are safe."
    )
    battles = [e for e in extract(text, published=TUESDAY) if e.event_type == "Battles"]
    assert len(battles) == 1, [(e.sub_event_type, e.location, e.event_date) for e in battles]


def test_a_march_police_break_up_is_one_protest_of_the_graver_kind() -> None:
    text = (
        "About 300 nurses marched through central Tartu on Saturday to demand higher pay. "
        "In the afternoon, police in Tartu fired tear gas to disperse the nurses when they "
        "blocked the main bridge."
    )
    protests = [e for e in extract(text, published=TUESDAY) if e.event_type == "Protests"]
    assert [e.sub_event_type for e in protests] == ["Protest with intervention"], protests


def test_protests_in_one_town_on_two_days_stay_two() -> None:
    text = (
        "About 300 nurses marched through central Tartu on Saturday to demand higher pay. "
        "On Monday, police in Tartu fired tear gas to disperse nurses who blocked the main "
        "bridge."
    )
    protests = [e for e in extract(text, published=TUESDAY) if e.event_type == "Protests"]
    assert len(protests) == 2, [(e.sub_event_type, e.event_date) for e in protests]


def test_a_count_told_later_stands_for_a_vague_one() -> None:
    text = (
        "Troops raid militant hideout in Kasese\n\n"
        "KAMPALA (Wire) - Ugandan troops raided a militant hideout near Kasese on Monday, the "
        "army said. Several gunmen were killed and two were captured in the raid.\n\n"
        "The army said the hideout was used to plan attacks on the border. During the raid four "
        "gunmen were killed when they fired on the soldiers, the army spokesman said."
    )
    battles = [e for e in extract(text, published=TUESDAY) if e.event_type == "Battles"]
    assert [(e.fatalities, e.fatalities_min) for e in battles] == [(4, 4)], battles
    assert "4 killed" in battles[0].notes


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "On 20 May, police raided a house in Mao and arrested five suspects. Rifles and "
            "military uniforms were seized.",
            {"Arrests"},
        ),
        (
            "On 20 May, soldiers clashed with rebels near Mao. Two rifles and ammunition were "
            "recovered after the fighting.",
            {"Armed clash"},
        ),
        # seized by someone named, or somewhere else: an operation of its own
        (
            "On 20 May, police arrested five suspects in Mao. On 21 May, soldiers seized a cache "
            "of weapons in Bol.",
            {"Arrests", "Disrupted weapons use"},
        ),
    ],
)
def test_arms_seized_in_an_operation_are_part_of_it(text: str, kinds: set[str]) -> None:
    events = extract(text, published="2023-05-22")
    assert {e.sub_event_type for e in events} == kinds, events


def test_a_release_s_neutralised_enemies_are_its_dead() -> None:
    (event,) = extract(
        "On 20 May, a patrol near Mao came under fire from Boko Haram fighters. Nine terrorists "
        "were neutralised.",
        published="2023-05-22",
    )
    assert event.sub_event_type == "Armed clash" and event.fatalities == 9, event


def test_each_bullet_of_a_list_is_an_item_of_its_own() -> None:
    """A brief's bulleted incidents: the soldiers killed in the second item are not the toll of
    the church attack in the first."""
    text = (
        "Weekly security brief: Borno\n\n"
        "Maiduguri, 12 June 2024 - Incidents reported this week:\n\n"
        "- Gunmen attacked a church in Gwoza on Sunday\n"
        "- Four soldiers killed in an ambush, army says\n"
    )
    events = extract(text, published="2024-06-12")
    church = [e for e in events if e.sub_event_type == "Attack"]
    assert len(church) == 1 and church[0].fatalities is None, events
    assert [e.fatalities for e in events if e.event_type == "Battles"] == [4], events


def test_a_highlight_with_the_toll_of_an_event_below_is_that_event() -> None:
    """A report's highlight names a village the gazetteer lacks and no day: it stands at the
    dateline's town (named again in the next items) on the report's day. The body tells the attack with its day, its region
    and the same toll: one event, the body's."""
    text = (
        "Flash Update No. 4: violence in Ituri\n\n"
        "Bunia, 14 June 2024 - This update covers 11 to 13 June. Figures are preliminary.\n\n"
        "Highlights\n"
        "- At least 7 civilians killed in an attack on Ngabu village\n"
        "- Clashes reported near Lopa; casualty figures unconfirmed\n"
        "- Aid truck looted on the Bunia-Komanda road\n\n"
        "Situation overview\n"
        "On 12 June, armed men attacked Ngabu village in Ituri, killing at least 7 civilians "
        "and burning houses, according to local authorities."
    )
    events = extract(text, published="2024-06-14")
    attacks = [
        (e.sub_event_type, str(e.event_date), e.fatalities)
        for e in events
        if e.sub_event_type == "Attack"
    ]
    assert attacks == [("Attack", "2024-06-12", 7)], events


def test_an_event_dated_to_a_span_is_the_one_told_on_a_day_of_it() -> None:
    """A report's key point dates the fighting to a span ("on 3-6 May"); the body tells it
    on its day: one clash, on the day the body names. A march on a day outside the span in
    the same town stays its own."""
    text = (
        "Bamako: security situation report No. 5 (9 May 2024)\n\n"
        "KEY POINTS\n"
        "- Heavy fighting in Kati between the army and armed men on 3-6 May\n"
        "- Roads to the north closed\n\n"
        "SECURITY\n"
        "Fighting between the army and the armed men was heaviest in Kati on 6 May, residents "
        "said. On 9 May, several hundred people marched in Kati to demand security."
    )
    events = extract(text, published="2024-05-09")
    clashes = [str(e.event_date) for e in events if e.sub_event_type == "Armed clash"]
    assert clashes == ["2024-05-06"], events


def test_a_protest_that_turned_violent_is_one_riot_with_its_dead_and_wounded() -> None:
    """ "when a protest … turned violent": a violent demonstration; the crowd that attacked the
    officers is that riot's attacker, and the wounded told after its dead are its own too."""
    text = (
        "Four police officers were killed in Gaur on Tuesday when a protest against the new "
        "district map turned violent, officials said. Groups among the protesters attacked "
        "the officers with spears and axes. At least 20 officers were wounded."
    )
    events = extract(text, published="2024-09-04")
    assert [(e.sub_event_type, e.fatalities, e.injuries) for e in events] == [
        ("Violent demonstration", 4, 20)
    ], events


def test_a_release_s_issue_date_is_no_day_of_its_headline_event() -> None:
    """ "Media release, Friday 10 May 2019" under the headline dates the release: the headline's
    arrests are the ones the body tells on Thursday, one event."""
    text = (
        "Police say 14 held in Puttalam over attacks on shops\n\n"
        "POLICE MEDIA DIVISION\n"
        "Media release, Friday 10 May 2019\n\n"
        "On Thursday, police teams arrested 14 persons in Puttalam in connection with the "
        "attacks on shops on Tuesday. They were remanded until 20 May."
    )
    events = extract(text, published="2019-05-10")
    arrests = [str(e.event_date) for e in events if e.sub_event_type == "Arrests"]
    assert arrests == ["2019-05-09"], events


_FRONT_PAGE = (
    "THE MORNING STAR - Front page: Five dead in gun battle outside Marsabit\n\n"
    "THE MORNING STAR | Monday 6 March 2023 | Front page\n\n"
    "FIVE DEAD IN GUN BATTLE OUTSIDE MARSABIT\n"
    "Five men were killed on Thursday in a gun battle between two armed groups of cattle "
    "raiders about 10 km east of Marsabit, the county commissioner said on Friday.\n\n"
    "TWO SHOT DEAD AT WEDDING IN MOYALE\n"
    "Gunmen burst into a wedding party in Moyale on Saturday night and shot dead two "
    "guests, police said. The attackers fled on motorbikes.\n\n"
    "TEACHERS MARCH IN THE TOWN CENTRE\n"
    "About 300 teachers marched through the centre of Isiolo on Sunday to demand unpaid "
    "salaries. The march ended peacefully at the county offices.\n"
)


def test_a_front_pages_item_headings_give_way_to_the_items_they_head() -> None:
    events = extract(_FRONT_PAGE, published="2023-03-06")
    told = sorted((e.event_date, e.location) for e in events)
    # one event per item, dated by its own words: no "Two shot dead" on the lead's Thursday,
    # no bare "Five dead" Attack beside the battle
    assert told == [("2023-03-02", "Marsabit"), ("2023-03-04", "Moyale"), ("2023-03-05", "Isiolo")]


def test_a_section_heading_that_gives_the_day_or_place_is_its_items_record() -> None:
    text = (
        "Army communique: operations in the north\n\n"
        "ARMED FORCES GENERAL STAFF - Communique No. 12\n\n"
        "1. Landmine attack near Marsabit (Monday, 6 March)\n"
        "At 09:15 rebels detonated an improvised landmine under a patrol vehicle, wounding "
        "three soldiers, who were taken to hospital in good condition.\n\n"
        "2. Arms cache recovered near Moyale (Tuesday, 7 March)\n"
        "Guided by a former rebel, troops recovered four rifles and 800 rounds of ammunition "
        "hidden in a cave in the hills, the army said.\n"
    )
    told = {(e.sub_event_type, e.event_date) for e in extract(text, published="2023-03-09")}
    assert ("Remote explosive/landmine/IED", "2023-03-06") in told


BULLETIN = (
    "Morning bulletin | Radio Llano, Arauca | Thursday 23 July 2020\n\n"
    "[PRESENTER] Good morning. The headlines: a teacher is hurt by a landmine in Saravena. "
    "Soldiers clash with rebels near Tame. First, the details.\n\n"
    "[PRESENTER] In Saravena, a 35-year-old teacher was wounded on Monday when she stepped on "
    "a landmine on the road to her school. She was taken to hospital in Arauca.\n\n"
    "[REPORTER] In Tame, the army says troops clashed yesterday with guerrillas in a rural "
    "area of the municipality. One soldier was killed."
)


def test_a_bulletins_headlines_are_the_events_its_items_tell_with_their_days() -> None:
    """A teaser dated only by the bulletin's day is the item told below with its own day
    (`story._same_day`); the item after a transcript's speaker label ("[PRESENTER]") is the
    broadcast's own words, not an editor's bracketed note."""
    events = extract(BULLETIN, published=date(2020, 7, 23))
    got = sorted((e.sub_event_type, e.location, e.event_date) for e in events)
    assert got == [
        ("Armed clash", "Tame", "2020-07-22"),
        ("Remote explosive/landmine/IED", "Saravena", "2020-07-20"),
    ], got


def test_a_numbered_items_run_in_heading_gives_way_to_the_item() -> None:
    # "1. Attack on a police post in Ventanas. On Tuesday …": the heading, with no verb of its
    # own, names the item's event; the item's own day and place are the event's
    text = (
        "Police report: a week of operations in Los Rios\n\n"
        "National Police | Press release No. 19 | Babahoyo | Saturday 20 January 2024\n\n"
        "1. Attack on a police post in Ventanas. On Tuesday 16 January, at about 23:40, an "
        "explosive device was detonated next to the wall of the police post of the El Paraiso "
        "neighbourhood of Ventanas. The blast damaged the gate and two patrol cars.\n\n"
        "2. Arrests in Montalvo. On Friday 19 January, in raids on seven houses in Montalvo, "
        "agents arrested 14 alleged gang members for extortion.\n"
    )
    told = _days_and_kinds(text, "2024-01-20")
    assert told == [
        ("2024-01-16", "Remote explosive/landmine/IED"),
        ("2024-01-19", "Arrests"),
    ], told


def test_a_headings_event_with_no_day_takes_its_items_first_day() -> None:
    # "2. Shelling of Tartar district. On Tuesday 27 October, villages … were shelled": the
    # heading's event is of the item's day, not of the report's
    text = (
        "Defence ministry briefing No. 33\n\n"
        "Ministry of Defence | Morning briefing | Baku | Thursday 29 October 2020\n\n"
        "1. Situation on the front. Fighting of varying intensity continued along the front "
        "line, the ministry said, without giving places or figures.\n\n"
        "2. Shelling of Tartar district. On Tuesday 27 October, from about 06:00, villages of "
        "Tartar district were shelled with artillery, the ministry said. Eleven houses and a "
        "school were damaged; one civilian was wounded.\n"
    )
    shelling = [
        e.event_date
        for e in extract(text, published="2020-10-29")
        if e.sub_event_type == "Shelling/artillery/missile attack"
    ]
    assert shelling == ["2020-10-27"], shelling


def test_a_toll_summed_up_over_a_span_is_the_event_told_on_a_day_of_it() -> None:
    # a lead that sums up ("at the end of August, killing 12") and the body's day: one event,
    # whatever kind each telling's words make it; a toll told on another day stays its own
    text = (
        "Fighting in the north\n\nBy our correspondent | Monday 27 September 2021\n\n"
        "Militia fighters attacked the town of Tambura at the end of August, killing 12 "
        "people, officials said.\n\n"
        "On Monday 30 August, soldiers clashed with militia fighters on the road into Tambura. "
        "Twelve people were killed in the fighting, the county commissioner said.\n"
    )
    events = extract(text, published="2021-09-27")
    assert [(e.event_date, e.sub_event_type, e.fatalities) for e in events] == [
        ("2021-08-30", "Armed clash", 12)
    ]
    text = text.replace("at the end of August", "on Monday 16 August")
    assert len(extract(text, published="2021-09-27")) == 2


def test_a_summary_of_several_events_told_by_day_and_town_is_none_of_its_own() -> None:
    # "In the five days around the vote, …" with no day or town of its own, where the story
    # tells two such clashes by day and town: their summary, no third event
    text = (
        "Violence in Borno\n\n"
        "In the five days around Monday's polls in Borno state, gunmen clashed with soldiers "
        "at checkpoints, officials said.\n\n"
        "On Saturday, gunmen fired on an army checkpoint in Bama and soldiers returned "
        "fire, the army said.\n\n"
        "On Sunday, armed men fought with soldiers near a polling centre in Konduga, the "
        "army said."
    )
    got = [(e.sub_event_type, e.location) for e in extract(text, published=date(2025, 5, 14))]
    assert sorted(loc for _, loc in got) == ["Bama", "Konduga"], got


def test_a_teaser_dated_by_the_span_its_lead_covers_is_the_item_that_tells_its_day() -> None:
    # "- A man beaten to death by residents in Soloma." under a lead about "this week": dated
    # only by the lead's span, it is the item told below with its own day
    from eventwire.extraction.story import fold_repeats
    from eventwire.model import BORROWED_DAY, Evidence

    lead_s = Evidence("event_date", "art-a", 0, 9, "this week", BORROWED_DAY[1] + "'this week'")
    place = Evidence("location", "art-a", 40, 47, "Kharkiv", "named in the sentence")
    teaser = make_event(
        event_date="2024-10-22", time_precision=2, fatalities=None, evidence=[lead_s, place]
    )
    item = make_event(event_date="2024-10-17", time_precision=1)
    item.evidence.append(place)
    assert len(fold_repeats([teaser, item])) == 1
    # told only to a span of its own ("last week"), it stays apart from a day's event
    own = Evidence("event_date", "art-a", 0, 9, "last week", "'last week' → week")
    spanned = make_event(
        event_date="2024-10-10", time_precision=2, fatalities=None, evidence=[own, place]
    )
    assert len(fold_repeats([spanned, item])) == 2


def test_a_summary_box_s_items_are_the_events_the_story_then_tells() -> None:
    """ "In brief: …" lists the column's events ahead of their telling: its items take no day
    from the paragraph before (the lead's past event) and fold into the items told by day."""
    text = (
        "Kivu week: an ambush near Rutshuru, a market torched in Beni\n\n"
        "Eastern Congo security column | Published Tuesday 11 March 2025\n\n"
        "This column covers the week after the attack of 1 March in Butembo, which remains the "
        "deadliest day of the year for the army. That attack is not part of this column.\n\n"
        "In brief: soldiers were ambushed on the road north of Rutshuru; militiamen set fire to "
        "the market in Beni.\n\n"
        "MONDAY 3 MARCH - RUTSHURU\n"
        "Fighters ambushed an army convoy on the road north of Rutshuru on Monday afternoon, "
        "killing three soldiers, an officer said.\n\n"
        "TUESDAY 4 MARCH - BENI\n"
        "Militiamen set fire to the central market in Beni on Tuesday night, residents said. "
        "No one was hurt.\n\n"
        "The provincial governor said the situation was under control."
    )
    events = [(e.event_date, e.location) for e in extract(text, published=date(2025, 3, 11))]
    assert ("2025-03-04", "Beni") in events, events
    assert not [day for day, _ in events if day == "2025-03-01"], events
    assert [place for _, place in events].count("Beni") == 1, events


def test_a_section_heading_set_off_by_a_blank_line_gives_way_to_its_section() -> None:
    """A wire story's section headings stand on a line of their own with a blank line below
    ("BANNU BLAST", two words, over a bomb in Bannu district; "DRONE STRIKE NEAR MIRAN SHAH",
    whose town the section names only to tell where its site is): each names the event its
    section tells with its own day and place, no event of its own on the lead's day."""
    text = (
        "Protesters block highway over Kurram road closure\n\n"
        "PESHAWAR, Thursday 16 January 2025 (Wire)\n\n"
        "Hundreds of people blocked the main highway in Parachinar on Tuesday to protest "
        "against the closure of the road to the city, organisers said.\n\n"
        "A government helicopter service has flown some medicines into the town, but residents "
        "say it is far from enough.\n\n"
        "BANNU BLAST\n\n"
        "Separately, three policemen were killed on Sunday when a roadside bomb struck their "
        "vehicle in Bannu district, police said. Four others were wounded.\n\n"
        "Rights groups have criticised the government's handling of the crisis.\n\n"
        "DRONE STRIKE NEAR MIRAN SHAH\n\n"
        "In a separate incident on Monday, a military drone struck a car on the road near "
        "Datta Khel, west of Miran Shah, killing one man, residents said. The army did not "
        "comment.\n"
    )
    told = _days_and_kinds(text, "2025-01-16")
    assert told == [
        ("2025-01-12", "Remote explosive/landmine/IED"),
        ("2025-01-13", "Air/drone strike"),
        ("2025-01-14", "Peaceful protest"),
    ], told


def test_a_day_logs_heading_that_names_no_place_gives_way_to_its_item() -> None:
    """ "WEDNESDAY 9 OCTOBER: DETENTIONS" names a day and a kind of event, no place: the item
    below tells the detentions in Ciudad Ojeda, and the heading is no second arrest at the
    place the story named before it."""
    text = (
        "The week in the oil towns: a blockade, two detentions and a vigil\n\n"
        "Weekly review | Saturday 12 October 2024 | Our newsroom\n\n"
        "Here, day by day, is what happened in the state between Monday and Friday, as our "
        "reporters saw it and as relatives and officials told it.\n\n"
        "TUESDAY 8 OCTOBER: A ROAD BLOCKED\n\n"
        "In Cabimas, about a hundred oil workers blocked the coastal road for four hours with "
        "tyres and branches to demand unpaid wages, and dispersed peacefully in the afternoon "
        "after the mayor promised to meet them.\n\n"
        "WEDNESDAY 9 OCTOBER: DETENTIONS\n\n"
        "Military counter-intelligence agents detained two union delegates at their homes in "
        "Ciudad Ojeda before dawn, their families said, and took them to an unknown location "
        "without showing a warrant.\n"
    )
    told = [
        ("2024-10-08", "Peaceful protest", "Cabimas"),
        ("2024-10-09", "Arrests", "Ciudad Ojeda"),
    ]
    assert _days_kinds_and_places(text, "2024-10-12") == told


def test_a_round_ups_headings_on_lines_of_their_own_give_way_to_their_items() -> None:
    """A district round-up heads each item with a line of its own between blank lines, in
    title case ("KATSINA: Troops neutralise four bandits in Faskari forest"): each heading is
    the item below it, told with its day ("on Tuesday"), not an event on the round-up's day
    that takes the item's words with it."""
    text = (
        "North-West: bandits kill farmers in Katsina; police arrest six in Zaria\n\n"
        "The Morning Ledger | Security | Kano, Friday, March 8, 2024 | From our correspondents "
        "in Katsina and Zaria\n\n"
        "Insecurity persisted across the North-West this week, our correspondents report.\n\n"
        "KATSINA: Troops neutralise four bandits in Faskari forest\n\n"
        "Troops of the Nigerian Army on Tuesday raided a bandits' camp in the Faskari forest. "
        "The army's spokesman said the soldiers came under fire and responded with superior "
        "firepower. He said four of the bandits were neutralised, while others escaped with "
        "gunshot wounds. The camp was destroyed.\n\n"
        "KADUNA: Six suspects arrested in Zaria\n\n"
        "Operatives of the Kaduna State Police Command on Wednesday arrested six suspects in "
        "Zaria said to be informants of the bandits. He said they would be charged to court "
        "after investigation.\n"
    )
    told = [("2024-03-05", "Armed clash", "Faskari"), ("2024-03-06", "Arrests", "Zaria")]
    assert _days_kinds_and_places(text, "2024-03-08") == told


def test_a_timeline_box_tells_again_the_events_of_the_story() -> None:
    """A "TIMELINE:" box retells the story's events a line each, in words of its own: its
    "Clashes between DPP and MCP supporters in Mzuzu; one dead" on 16 September is the
    stabbing told in the story on that day in Mzuzu, whatever kind its words give it, and its
    march is the march told above."""
    text = (
        "After the vote, a fortnight that tested Malawi\n\n"
        "Opinion | The Lakeshore Times | Saturday 28 September 2024\n\n"
        "The first blow fell in Mzuzu. On Monday 16 September, supporters of the two main "
        "parties fought with sticks and stones outside a tallying centre in the city, and a "
        "24-year-old vendor was stabbed to death. Police arrived an hour later and made no "
        "arrests.\n\n"
        "On Monday 23 September, about 300 women marched peacefully through Dedza to call for "
        "calm, carrying banners and singing hymns.\n\n"
        "TIMELINE: a fortnight of tension\n"
        "- Mon 16 Sept: Clashes between DPP and MCP supporters in Mzuzu; one dead.\n"
        "- Mon 23 Sept: Women's peace march in Dedza.\n\n"
        "What the numbers do not say\n\n"
        "The police say the country is calm. That is true only if one does not count the "
        "families who are mourning.\n"
    )
    got = sorted((e.event_date, e.location) for e in extract(text, published="2024-09-28"))
    assert got == [("2024-09-16", "Mzuzu"), ("2024-09-23", "Dedza")], got


def test_a_tally_after_a_colon_tells_again_what_the_story_told() -> None:
    """ "That is one week: a headman and two rangers dead, a grenade thrown, a march.": a list
    after a colon, with no event before it, sums the story up; its grenade is the one told on
    Thursday in Yala, not another on the report's day. An item the story tells nowhere else
    stays an event."""
    text = (
        "Gunmen kill village headman in Pattani\n\n"
        "PATTANI, Saturday 7 October 2023 (Wire)\n\n"
        "Gunmen shot dead a village headman outside his house in Sai Buri district on Tuesday, "
        "police said. On Wednesday, a bomb hidden under a road exploded beside a patrol of "
        "rangers near Rueso, killing two of them. On Thursday, a grenade was thrown into a tea "
        "shop in Yala, wounding four people. About 200 villagers marched in Pattani town on "
        "Friday to demand an end to the violence.\n\n"
        "Residents say they are tired. That is one week: a headman and two rangers dead, a "
        "grenade thrown, a march.\n"
    )
    told = _days_and_kinds(text, "2023-10-07")
    assert told == [
        ("2023-10-03", "Attack"),
        ("2023-10-04", "Remote explosive/landmine/IED"),
        ("2023-10-05", "Grenade"),
        ("2023-10-06", "Peaceful protest"),
    ], told
    alone = text.replace(
        "On Thursday, a grenade was thrown into a tea shop in Yala, wounding four people. ", ""
    )
    assert "Grenade" in {e.sub_event_type for e in extract(alone, published="2023-10-07")}


def _days_kinds_and_places(text: str, published: str) -> list[tuple[object, ...]]:
    """The events' days, sub-event types and places, in order."""
    events = extract(text, published=published)
    return sorted((e.event_date, e.sub_event_type, e.location) for e in events)


def _days_and_kinds(text: str, published: str) -> list[tuple[str | None, str | None]]:
    """The events' days and sub-event types, in order."""
    return sorted((e.event_date, e.sub_event_type) for e in extract(text, published=published))


def test_an_event_told_at_its_region_s_namesake_town_is_the_one_told_at_its_village() -> None:
    """ "Gunmen killed two farmers in Sumy border raid", then the raid at its village: the
    headline names the region, which shares its name with its city; same kind, day and deaths
    in that region are one event, at the village."""
    text = (
        "Gunmen killed two farmers in Sumy border raid, governor says\n\n"
        "KYIV, Friday 8 March 2024\n\n"
        "Armed men who crossed the border on Thursday killed two farmers, the regional governor "
        "said on Friday. The men opened fire on a tractor near the village of Velyka Pysarivka "
        "on Thursday morning, killing the driver and his son, the governor said.\n"
    )
    events = extract(text, published="2024-03-08")
    attacks = [(e.event_date, e.location, e.fatalities) for e in events if e.fatalities]
    assert attacks == [("2024-03-07", "Velyka Pysarivka", 2)], attacks


@pytest.mark.parametrize(
    "opener", ["In a separate incident, a", "Separately, a", "Also on Sunday, a"]
)
def test_a_sentence_that_opens_with_another_event_s_words_is_another_event(opener: str) -> None:
    """ "In a separate incident", "Separately", "Also on Sunday": the sentence tells another
    event, even with no place of its own and a violent cue that could go on the one before."""
    text = (
        "Soldiers fought militants near Dori on Sunday, killing six of them, the army said. "
        f"{opener} grenade was thrown into a crowded market, wounding a woman and her son."
    )
    kinds = sorted(e.sub_event_type or "" for e in extract(text, published="2024-05-13"))
    assert kinds == ["Armed clash", "Grenade"], kinds


def test_a_summary_box_s_items_give_way_to_the_events_the_report_tells() -> None:
    """A situation report's highlights tell ahead what its body tells: each item gives way to
    the body's event of its kind in its region, and the fighting the box sums up around two
    towns is no event of its own."""
    text = (
        "Situation Report No. 9: attack on Bria camp\n\n"
        "Relief consortium | Bangui, 12 March 2024\n\n"
        "HIGHLIGHTS\n\n"
        "- Two displaced people were killed in an attack on the camp in Bria on 5 March.\n"
        "- Fighting between the army and the militia around Bria and Ippy led to new "
        "displacement.\n\n"
        "SITUATION OVERVIEW\n\n"
        "The security situation in Haute-Kotto deteriorated during the period covered.\n\n"
        "On the morning of Tuesday 5 March, armed men entered the displacement camp near the "
        "airfield in Bria and opened fire on residents, killing two people and wounding five. "
        "Consortium teams helped to evacuate the wounded.\n\n"
        "On Thursday 7 March, soldiers clashed with militia fighters on the road north of Bria, "
        "about 12 km from the town. Three fighters were killed, according to local officials. "
        "Humanitarian partners suspended their activities in the area for two days.\n"
    )
    told = _days_and_kinds(text, "2024-03-12")
    assert told == [("2024-03-05", "Attack"), ("2024-03-07", "Armed clash")], told


def test_a_place_and_a_few_words_run_into_a_paragraph_head_its_item() -> None:
    """ "Bossangoa: market looted. On Friday 8 March, …": a label run into its paragraph, its
    place, a colon and a few words in lower case, heads the item below it and gives way to
    the item's event (it is not an event of the day told in the paragraph before it)."""
    text = (
        "Weekly security note: Nana-Grebizi and Ouham\n\n"
        "Relief consortium | Bangui, Monday 11 March 2024\n\n"
        "The security situation deteriorated during the week in both prefectures, partners "
        "report.\n\n"
        "Kaga-Bandoro: post overrun. On Wednesday 6 March, armed men attacked and took control "
        "of the gendarmerie post at the northern entrance of Kaga-Bandoro after an exchange of "
        "fire. One gendarme was killed, according to the prefecture.\n\n"
        "Bossangoa: market looted. On Friday 8 March, a group of armed men looted shops at the "
        "central market of Bossangoa before withdrawing to the bush. No one was hurt, traders "
        "said.\n"
    )
    told = _days_and_kinds(text, "2024-03-11")
    assert told == [
        ("2024-03-06", "Non-state actor overtakes territory"),
        ("2024-03-08", "Looting/property destruction"),
    ], told


# a fight told with its day and place, then a sentence about arms with neither of its own
_CLASH = (
    "Gunmen killed in clash with army in Mopti region\n\n"
    "On Monday, soldiers exchanged fire with armed men near Djenné for about an hour, "
    "killing four of them, the army said. One soldier was wounded. "
)


@pytest.mark.parametrize(
    "haul",
    [
        "Soldiers seized two rifles and a quantity of ammunition at the scene.",
        "Weapons, ammunition and explosives were recovered, the police said.",
        "The unit later found three assault rifles and a rocket launcher next to the bodies.",
    ],
)
def test_arms_taken_in_the_fight_just_told_are_its_haul(haul: str) -> None:
    events = [(e.sub_event_type, e.location) for e in extract(_CLASH + haul, published=TUESDAY)]
    assert [s for s, _ in events] == ["Armed clash"], events


@pytest.mark.parametrize(
    "own",
    [
        "Engineers later defused a roadside bomb found near the camp.",
        "Also on Monday, police stopped a truck and seized forty rifles hidden under sacks of rice.",
    ],
)
def test_a_device_defused_or_a_seizure_with_its_own_day_is_an_act_of_its_own(own: str) -> None:
    events = [e.sub_event_type for e in extract(_CLASH + own, published=TUESDAY)]
    assert "Disrupted weapons use" in events, events


@pytest.mark.parametrize(
    "beside",
    [
        "days after a similar raid nearby",
        "a week after an ambush on the same road",
    ],
)
def test_a_toll_goes_to_the_event_its_killing_clause_names(beside: str) -> None:
    text = (
        "Gunmen killed 12 people in an overnight attack on the village of Mangu Halle in "
        f"Nigeria's Plateau state, police said on Wednesday, {beside}."
    )
    tolls = [e.fatalities for e in extract(text, published=TUESDAY)]
    assert 12 in tolls, tolls


@pytest.mark.parametrize(
    "later",
    [
        "A third soldier died of his wounds on Sunday in a military hospital in Baghdad.",
        "One of the wounded died on Monday at the regional hospital in Kirkuk.",
        "A soldier wounded in the blast succumbed to his injuries in Erbil on Monday.",
    ],
)
def test_a_death_of_wounds_days_later_is_the_event_s_dead_not_another_event(later: str) -> None:
    text = (
        "KIRKUK, Iraq - A roadside bomb struck an army patrol near al-Hawijah on Saturday, "
        "killing two soldiers and wounding three, the army said.\n\n" + later
    )
    events = [(e.sub_event_type, e.event_date) for e in extract(text, published=TUESDAY)]
    assert events == [("Remote explosive/landmine/IED", "2024-06-01")], events


def test_a_death_in_hospital_told_with_the_shooting_is_placed_at_the_hospital_s_town() -> None:
    text = "A man died in hospital in Gao on Monday after soldiers shot him at a checkpoint."
    assert [e.location for e in extract(text, published=TUESDAY)] == ["Gao"]


@pytest.mark.parametrize("label", ["KEY FINDINGS", "KEY DEVELOPMENTS", "Key messages"])
def test_a_report_s_key_findings_are_a_summary_box(label: str) -> None:
    """An observers' statement opens with its findings ("KEY FINDINGS ¶ - … bombings near
    candidates' offices in Zomba and Mangochi killed nine people"): the body tells each on its
    day, one event each, and a numbered section below the box ("1. Polling day") is no item
    of it."""
    text = (
        "Statement on election-related violence\n\n"
        "Observation mission to Malawi | Lilongwe, 20 May 2025\n\n"
        "This statement covers violence around the polls.\n\n"
        f"{label}\n"
        "- Two bombings near candidates' offices in Zomba and Mangochi killed nine people.\n"
        "- Most polling stations were calm.\n\n"
        "1. Campaign period\n"
        "On 12 May, a bomb exploded outside a candidate's office in Zomba, killing five "
        "people. About an hour later, a second bomb went off near an office in Mangochi, "
        "killing four.\n"
    )
    events = extract(text, published="2025-05-20")
    got = sorted((e.location, str(e.event_date)) for e in events)
    assert got == [("Mangochi", "2025-05-12"), ("Zomba", "2025-05-12")], events


@pytest.mark.parametrize(
    "later",
    [
        "Thousands attended the funeral in Nabatieh on Monday of the two men killed on Sunday.",
        "The bodies of the two men killed near Tebnine were handed to their families.",
    ],
)
def test_the_dead_of_an_event_told_before_are_no_event_of_their_own(later: str) -> None:
    text = (
        "An Israeli drone struck a car near Tebnine on Sunday, killing two men, the civil "
        f"defence said. Separately, shelling hit the outskirts of Kfar Kila on Sunday. {later}"
    )
    assert [e.fatalities for e in extract(text, published=TUESDAY)] == [2, None]


def test_the_dead_named_so_in_a_story_s_first_sentence_are_its_event() -> None:
    text = "Thousands attended the funeral in Tebnine on Monday of the two men killed on Sunday."
    assert [e.fatalities for e in extract(text, published=TUESDAY)] == [2]


def test_dead_told_with_no_article_are_another_event() -> None:
    text = (
        "An Israeli drone struck a car near Tebnine on Sunday, killing two men, the civil "
        "defence said. In Nabatieh, three men were killed on Monday."
    )
    assert [e.fatalities for e in extract(text, published=TUESDAY)] == [2, 3]


def test_a_place_handed_over_and_taken_on_one_day_is_one_taking() -> None:
    text = (
        "GOMA, Feb 7 - Government troops pulled out of Rutshuru on Monday morning, a local "
        "official said.\nFighting has displaced more than half a million people in North Kivu "
        "since last year. Aid agencies say camps around Goma are overflowing.\n"
        "M23 rebels took control of Rutshuru on Monday evening, residents said."
    )
    events = extract(text, published=TUESDAY)
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_a_place_handed_over_on_another_day_stays_a_handover() -> None:
    text = (
        "GOMA, Feb 7 - Government troops pulled out of Rutshuru on Monday morning, a local "
        "official said.\nFighting has displaced more than half a million people in North Kivu "
        "since last year.\nM23 rebels took control of Kiwanja on Saturday, residents said."
    )
    kinds_ = {e.sub_event_type for e in extract(text, published=TUESDAY)}
    assert "Non-violent transfer of territory" in kinds_, kinds_


_FILLER = (
    "The commission thanked voters for their patience. Turnout was high in most districts. "
    "Observers from the regional body visited polling centres in the north. Counting went "
    "on through the night. Results will be announced within eight days. "
)


@pytest.mark.parametrize(
    ("claim", "rejected"),
    [
        (
            "The commission has noted reports on social media claiming that ballot boxes were "
            "burned at a tally centre in Dedza on Wednesday.",
            "The commission has verified that these reports are false.",
        ),
        (
            "Rebels claimed that their fighters shot down an army helicopter near Dedza on "
            "Wednesday.",
            "The army rejected the claim.",
        ),
    ],
)
def test_a_claim_the_next_sentence_calls_false_is_no_event(claim: str, rejected: str) -> None:
    text = "Statement on the elections\n\n" + _FILLER * 2 + claim + " " + rejected + " " + _FILLER
    assert extract(text, published=TUESDAY) == []


def test_a_claim_the_next_sentence_leaves_standing_is_an_event() -> None:
    text = (
        "Statement on the elections\n\n"
        + _FILLER * 2
        + "Residents reported that ballot boxes were burned at a tally centre in Dedza on "
        "Wednesday. Police said the fire was being investigated. " + _FILLER
    )
    assert [e.location for e in extract(text, published=TUESDAY)] == ["Dedza"]


def test_a_post_placed_by_the_story_is_the_event_its_region_tells_with_its_own_place() -> None:
    """A log's first post places a grenade only where the story is (the province's town); the
    police update tells it again at its own town of that province, the same day: one event, at
    the town."""
    text = (
        "A week of violence in Narathiwat\n\n"
        "Community page | Narathiwat | Saturday 27 April 2024\n\n"
        "Monday 22 April, 23:10. Loud explosions at the ranger base near the market, a grenade "
        "attack, residents say. Two rangers were hurt.\n\n"
        "Tuesday 23 April, 08:00. Police update: in Rueso, a grenade was thrown over the fence "
        "of the ranger base on Monday night, wounding two rangers.\n"
    )
    events = extract(text, published="2024-04-27")
    assert [(e.sub_event_type, e.location) for e in events] == [("Grenade", "Rueso")], events
