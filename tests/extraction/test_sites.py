"""Which place of a sentence is the event's site: a place named as a side or as the state
("Kiev's forces", "Moscow-backed", "Khartoum's army") never is; a breakaway entity named
after "in" is, even when its militia is the actor."""

from __future__ import annotations

import pytest
from spacy.language import Language

import eventwire
from eventwire.extraction.sites import names_a_side
from eventwire.geo import Geoparser, load_geoparser
from eventwire.geo.resolve import km
from eventwire.model import Event


@pytest.fixture(scope="module")
def geoparser() -> Geoparser:
    return load_geoparser()


def _sides(nlp: Language, geoparser: Geoparser, text: str) -> dict[str, str | None]:
    doc = nlp(text)
    return {p.text: names_a_side(p, doc) for p in geoparser.places(doc)}


def _at(event: Event, lat: float, lon: float, within: float = 25.0) -> bool:
    assert event.latitude is not None and event.longitude is not None, event
    return km(event.latitude, event.longitude, lat, lon) <= within


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Kiev's armed forces shelled Horlivka overnight", "Kiev"),
        ("Damascus forces bombed Idlib on Tuesday", "Damascus"),
        ("Khartoum's army shelled El Fasher", "Khartoum"),
        ("Kiev government forces retook the town of Sloviansk", "Kiev"),
        ("the Moscow-backed rebels shelled Mariupol", "Moscow"),
        ("The Kyiv-controlled town of Avdiivka was shelled", "Kyiv"),
        ("Pro-Moscow separatists attacked Kramatorsk", "Moscow"),
    ],
)
def test_a_place_named_as_a_side_is_flagged(
    nlp: Language, geoparser: Geoparser, text: str, side: str
) -> None:
    sides = _sides(nlp, geoparser, text)
    assert sides[side] is not None
    assert [name for name, why in sides.items() if why is None]  # the real site stays


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Rebels backed by Rwanda - a charge Kigali rejects - took the town of Kavumu", "Kigali"),
        ("Rebels shelled the town of Sake on Friday. Kigali denied any role.", "Kigali"),
        ("Gunmen attacked a convoy near Gao, Bamako said on Sunday.", "Bamako"),
        ("Moscow accused Kyiv of shelling the Zaporizhzhia plant on Friday.", "Moscow"),
    ],
)
def test_a_capital_that_speaks_is_its_state(
    nlp: Language, geoparser: Geoparser, text: str, side: str
) -> None:
    """A capital as the subject of a verb of saying or taking a stance is its government
    speaking, never the site: not even the event's fallback place."""
    sides = _sides(nlp, geoparser, text)
    assert sides[side] is not None and "speaks for the state" in sides[side]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Yerevan said the truce had been agreed with Baku late on Wednesday.", "Baku"),
        ("Officials in Gao said talks with Bamako would resume in Algiers on Monday.", "Bamako"),
    ],
)
def test_a_capital_party_to_a_deal_or_talks_is_its_state(
    nlp: Language, geoparser: Geoparser, text: str, side: str
) -> None:
    """A capital after "with" on a word of agreeing or talking is its government as a party
    to the deal or the talks, not where they took place."""
    sides = _sides(nlp, geoparser, text)
    assert sides[side] is not None and "party" in sides[side]


def test_talks_held_in_a_capital_stay_there(nlp: Language, geoparser: Geoparser) -> None:
    sides = _sides(nlp, geoparser, "The two sides signed a truce in Addis Ababa on Monday.")
    assert sides["Addis Ababa"] is None


def test_protests_in_a_capital_stay_there(nlp: Language, geoparser: Geoparser) -> None:
    sides = _sides(nlp, geoparser, "Kampala protests turned violent as police said 40 were held")
    assert sides["Kampala"] is None
    sides = _sides(nlp, geoparser, "Ministers meeting in Bamako announced the group's dissolution")
    assert sides["Bamako"] is None  # where the speakers are, not who speaks


def test_a_speaking_capital_is_no_fallback_site() -> None:
    events = eventwire.extract(
        "Residents of Bukavu stayed indoors on Monday. The rebels, backed by Rwanda according "
        "to the United Nations - a charge Kigali rejects - took the airport at Kavumu on "
        "Friday after a short fight with army units.",
        published="2025-02-17",
    )
    assert events and all(e.location != "Kigali" for e in events)


def test_a_capital_city_named_with_its_own_bodies_is_no_side(
    nlp: Language, geoparser: Geoparser
) -> None:
    # the city's own administration, and a capital as the object of "in"
    sides = _sides(nlp, geoparser, "Kyiv's military administration said a drone hit a house")
    assert sides == {"Kyiv": None}
    assert _sides(nlp, geoparser, "A drone hit a house in Kyiv")["Kyiv"] is None


def test_a_regional_city_before_forces_is_no_state(nlp: Language, geoparser: Geoparser) -> None:
    # only a national capital stands for a state: "Kherson forces" is no metonymy rule's business
    sides = _sides(nlp, geoparser, "A drone hit a house in Kherson as Kherson forces withdrew")
    assert set(sides.values()) == {None}


@pytest.mark.parametrize(
    ("text", "country", "lat", "lon"),
    [
        (
            "Air defences shot down 14 drones over the Belgorod region overnight, the ministry said.",
            "Russia",
            50.60,
            36.59,
        ),
        (
            "Shelling hit a market in the Kherson region on Monday, killing two.",
            "Ukraine",
            46.64,
            32.61,
        ),
        ("Gunmen killed four farmers in the Borno state on Sunday.", "Nigeria", 11.85, 13.16),
    ],
)
def test_the_x_region_is_a_site_whatever_its_tag(
    text: str, country: str, lat: float, lon: float
) -> None:
    events = eventwire.extract(text, published="2025-06-02")
    assert events and all(e.country == country for e in events)
    assert all(_at(e, lat, lon, within=150) for e in events)  # the region's seat, roughly


def test_kiev_forces_do_not_put_the_event_in_kyiv() -> None:
    events = eventwire.extract(
        "Two militiamen were killed in the DPR in shelling by Kiev's forces.",
        published="2016-05-21",
    )
    assert events and all(_at(e, 48.02, 37.80) for e in events)  # Donetsk, the DPR's seat


def test_a_breakaway_entity_after_in_is_the_site_though_its_militia_acts() -> None:
    events = eventwire.extract(
        "One militiaman killed in LPR in attack of sabotage group of Kiev forces",
        published="2016-05-21",
    )
    assert events and all(_at(e, 48.57, 39.31) for e in events)  # Luhansk


def test_other_capitals_as_their_states() -> None:
    events = eventwire.extract(
        "Khartoum's army shelled El Fasher on Monday, killing five civilians.",
        published="2024-05-14",
    )
    assert events and all(_at(e, 13.63, 25.35) for e in events)  # El Fasher, not Khartoum
    events = eventwire.extract(
        "Naypyidaw's troops torched a village in Sagaing region, killing three.",
        published="2023-03-02",
    )
    assert events and all(e.country == "Myanmar" for e in events)
    assert all(not _at(e, 19.75, 96.13, within=100) for e in events)  # not Naypyidaw


def test_a_capital_that_is_only_the_state_leaves_the_country() -> None:
    events = eventwire.extract(
        "Two civilians were killed in shelling by Damascus forces, activists said.",
        published="2019-06-01",
    )
    assert events
    for e in events:
        # not the city Damascus as the event's site: the event is known only to Syria (at its
        # capital's point, as ACLED codes a country-level event, geo_precision 3)
        assert e.country == "Syria" and e.location == "Syria" and e.geo_precision == 3


def test_moscow_backed_rebels_shell_a_town() -> None:
    events = eventwire.extract(
        "Moscow-backed rebels shelled Mariupol on Sunday, killing two civilians.",
        published="2015-01-25",
    )
    assert events and all(_at(e, 47.10, 37.55) for e in events)  # Mariupol


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("Three militiamen killed in DPR shelling - Lugansk news agency", "Lugansk news agency"),
        ("Mines kill two civilians near Horlivka: official", "official"),
        ("Booby trap kills a farmer near Kandi — Benin army", "Benin army"),
        ("the Russians shelled Toretsk and Kurakhivka - one dead, nine wounded", None),
        ("Russian military shelled the Kherson region - one person was killed", None),
        ("Kharkiv - Three killed in shelling", None),
        ("On 5 May, shelling hit Kyiv - Sviatoshynskyi. Casualties unknown.", None),
    ],
)
def test_a_headline_source_tag(nlp: Language, text: str, tag: str | None) -> None:
    from eventwire.extraction.sites import source_tag_start

    start = source_tag_start(nlp(text))
    assert (None if start is None else text[start:]) == tag


def test_a_place_in_the_headline_source_tag_is_no_site() -> None:
    events = eventwire.extract(
        "Three militiamen killed in DPR in shelling by Ukrainian troops - Lugansk news agency",
        published="2016-05-21",
    )
    assert events and all(_at(e, 48.02, 37.80) for e in events)  # the DPR, not Luhansk
    # a tag that is the only place named still places the event
    events = eventwire.extract(
        "Two militiamen killed over past week - Donetsk", published="2018-07-06"
    )
    assert events and all(_at(e, 48.02, 37.80) for e in events)


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        # a region's own name ending in -i is no demonym ("Israeli", "Pakistani" are)
        ("Gunmen killed a trader at a market in Gorou (Karimama, Alibori) on Friday.", "Alibori"),
        ("Bandits shot two farmers dead in Tsafe, Zamfara, and in Gusau, Zamfara.", "Zamfara"),
    ],
)
def test_a_region_named_ending_in_i_is_a_site(text: str, admin1: str) -> None:
    events = eventwire.extract(text, published="2024-03-02")
    assert events and events[0].admin1 == admin1, events


def test_a_town_told_relative_to_is_the_site_when_no_other_town_is_named() -> None:
    events = eventwire.extract(
        "Soldiers recaptured three villages 20 km north of Jowhar in Middle Shabelle "
        "region on Friday, killing six militants.",
        published="2024-03-09",
    )
    assert events and events[0].location == "Jawhar" and events[0].geo_precision == 2
    # a town named as the site itself still wins over the one it is told relative to
    events = eventwire.extract(
        "Troops shelled Chuhuiv, 40 km southeast of Kharkiv, on Friday, killing two.",
        published="2024-03-09",
    )
    assert events and events[0].location == "Chuhuyiv" and events[0].geo_precision == 1


def test_a_road_s_end_is_no_site_beside_the_town_the_event_is_told_relative_to() -> None:
    # "about 15 km from Bandiagara on the road to Bankass": where the road goes is no site
    events = eventwire.extract(
        "A roadside bomb killed four soldiers about 15 kilometres from Bandiagara on the road "
        "to Bankass on Tuesday, the army said.",
        published="2024-03-09",
    )
    assert events and events[0].location == "Bandiagara" and events[0].geo_precision == 2
    # with no town told relative, the road's end is still the best the sentence gives
    events = eventwire.extract(
        "A roadside bomb killed four soldiers on the road to Bankass on Tuesday, the army said.",
        published="2024-03-09",
    )
    assert events and events[0].location == "Bankass"
    # a reference that only says where a town named lies leaves that town the site
    events = eventwire.extract(
        "A teacher from Bunia, north of Beni, was shot dead there on Sunday, officials said.",
        published="2024-03-09",
    )
    assert events and events[0].location == "Bunia"


def test_a_dateline_after_a_release_header_is_no_site() -> None:
    # a release whose header and dateline share a line: the capitals and the "(date) –" mark
    # where it was filed; the operation was in the province the sentence names
    text = (
        "Joint Command Evening Update May 3, 2012\n"
        "Joint Command 2012-05-S-011 For Immediate Release   MOSUL, Iraq (May 3, 2012) – "
        "Iraqi and coalition forces killed two insurgents during a patrol in Anbar province "
        "today."
    )
    (event,) = eventwire.extract(text, published="2012-05-03")
    assert event.admin1 == "Al Anbar", (event.location, event.admin1)


def test_a_place_and_date_in_a_field_of_a_byline_is_where_it_was_filed() -> None:
    # "By … | Parliament report | Edinburgh, Thursday 20 May 2021": the place opens a field of
    # a header line, so it is the story's dateline, and the town its lead names is the scene
    text = (
        "Debate over the weekend's disorder\n\n"
        "By our correspondent | Parliament report | Edinburgh, Thursday 20 May 2021\n\n"
        "Members argued on Wednesday over two days of unrest in Glasgow last week.\n\n"
        "On Saturday 15 May, groups threw bottles at police lines and damaged benches; police "
        "said 28 people were arrested."
    )
    events = eventwire.extract(text, published="2021-05-20")
    assert events and {e.location for e in events} == {"Glasgow"}, [
        (e.sub_event_type, e.location) for e in events
    ]


def test_a_capture_of_a_leader_is_an_arrest_where_the_operation_was() -> None:
    text = (
        "KANDAHAR, Afghanistan (Jan. 9) – A combined force captured a Taliban commander during "
        "an operation in Zhari district, Kandahar province, today. The commander directed "
        "roadside bomb cells. The force also detained two suspected insurgents."
    )
    events = eventwire.extract(text, published="2011-01-09")
    assert events and all(e.sub_event_type == "Arrests" for e in events)
    assert all(e.admin1 == "Kandahar" for e in events), [(e.location, e.admin1) for e in events]


@pytest.mark.parametrize(
    ("text", "location", "date"),
    [
        # a sentence sets the scene, the next tells the violence and names no place
        (
            "KADUNA, Nigeria - Gunmen killed two farmers in Zangon Kataf on Friday, police said."
            "\n\nOn Sunday, gunmen stopped a bus at a checkpoint outside Kafanchan. Three "
            "passengers were shot dead.",
            "Kafanchan",
            "2024-05-05",
        ),
        # ... and the toll is the new scene's, not the event of the paragraph before
        (
            "ABIDJAN, May 8 - Fighting between the army and militias continued in Abobo on "
            "Monday, residents said.\n\nMilitiamen set up a roadblock on the road into Bouake "
            "on 4 May. Two traders who refused to pay were beaten to death, witnesses said.",
            "Bouaké",
            "2024-05-04",
        ),
        # the scene moves inside a paragraph: the last place told before the event is its site
        (
            "GOMA, Congo - Rebels attacked an army post in Beni on Monday, killing two soldiers. "
            "The rebels then moved on to Butembo. Four civilians were hacked to death there.",
            "Butembo",
            "2024-05-06",
        ),
    ],
)
def test_an_event_that_names_no_place_is_where_its_paragraph_was(
    text: str, location: str, date: str
) -> None:
    first, last = eventwire.extract(text, published="2024-05-08")
    assert (last.location, str(last.event_date)) == (location, date), (first, last)
    assert last.fatalities in (2, 3, 4) and first.fatalities in (None, 0, 2)


def test_a_day_told_in_the_events_own_sentence_moves_no_scene() -> None:
    """A background day inside the event's sentence ("voted against him in January") is no new
    scene: the next sentence still tells the same protest."""
    text = (
        "On 3 March 2019, residents gathered outside the district office in Kandi to demand the "
        "prefect's removal, after councillors voted against him in January. The protesters "
        "fought with guards before police intervened."
    )
    (event,) = eventwire.extract(text, published="2019-03-03")
    assert (event.location, event.sub_event_type) == ("Kandi", "Violent demonstration")


def test_a_vague_clause_is_no_event_for_a_place_borrowed_from_before() -> None:
    """A deployment told with no day or toll of its own, under a place the sentences before
    it named, says too little to be an event; a detention is an act, and one."""
    vague = (
        "GOMA, Congo - Soldiers fought rebels near Beni on Monday, killing four. Residents of "
        "the town said troops were deployed on the main roads."
    )
    assert [e.sub_event_type for e in eventwire.extract(vague, published="2024-05-08")] == [
        "Armed clash"
    ]
    counted = (
        "Soldiers fought rebels near Beni on Monday, killing four.\n\nIn Butembo, the army "
        "searched a market. The force detained several suspects during the operation."
    )
    events = eventwire.extract(counted, published="2024-05-08")
    assert ("Butembo", "Arrests") in [(e.location, e.sub_event_type) for e in events]


def test_a_crowd_its_paragraph_placed_is_an_event_there() -> None:
    """A live blog's entry names its city, then tells the crowd with no place of its own: the
    paragraph placed it, so it is no vague clause."""
    text = (
        "Live: protests in Bamako\n\n"
        "Tue 12 May, 09:40 — Our correspondent is in Bamako. Crowds are already gathering in "
        "the main square for a second day of protests against the election results."
    )
    events = eventwire.extract(text, published="2020-05-13")
    assert ("Bamako", "Peaceful protest", "2020-05-12") in [
        (e.location, e.sub_event_type, str(e.event_date)) for e in events
    ], events


def test_an_event_the_text_places_only_in_its_country_stands_at_the_capital() -> None:
    # ACLED's geo_precision 3: known only to the country, coded at its national capital
    (event,) = eventwire.extract(
        "Security forces arrested 30 opposition activists in Benin on Monday, the opposition said.",
        published="2021-04-14",
    )
    assert event.location == "Benin" and event.geo_precision == 3
    assert event.latitude is not None and event.longitude is not None
    assert abs(event.latitude - 6.50) < 0.2 and abs(event.longitude - 2.60) < 0.2  # Porto-Novo
    assert any("capital Porto-Novo" in e.reason for e in event.evidence if e.field == "location")


@pytest.mark.parametrize(
    "text",
    [
        "WAJIR, Kenya - Gunmen stormed a police post in this northern town on Tuesday. "
        "Commandos flown in from the capital reached the post at noon and fought the "
        "attackers for two hours.",
        "GULU, Uganda - Rebels attacked an army barracks in Gulu on Friday. Reinforcements sent "
        "from Kampala arrived in the evening and fought them until dawn.",
    ],
)
def test_where_the_fighters_came_from_is_no_site(text: str) -> None:
    """ "Commandos flown in from the capital", "reinforcements sent from Kampala": the place
    they came from is not where they fought."""
    events = eventwire.extract(text, published="2024-05-11")
    assert events and {e.location for e in events} <= {"Wajir", "Gulu"}, events


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Three rockets were fired from Gaza at Sderot on Sunday, police said.", "Sderot"),
        ("On Tuesday, a drone launched from Yemen struck a building in Eilat.", "Eilat"),
        (
            "Russian forces fired artillery from Belgorod at the village of Velyka Pysarivka "
            "on Monday, wounding two women.",
            "Velyka Pysarivka",
        ),
    ],
)
def test_where_weapons_were_fired_from_is_no_site(text: str, site: str) -> None:
    """ "Rockets fired from Gaza at Sderot", "a drone launched from Yemen": ACLED codes a strike
    where it landed, not where it was launched."""
    events = eventwire.extract(text, published="2024-05-08")
    assert events and {e.location for e in events} == {site}, events


def test_where_the_doers_are_based_is_no_site() -> None:
    """ "Jets based in N'Djamena", "a militia stationed in Beni": where they are based is not
    where they struck; "jets struck rebels in N'Djamena" struck there."""
    text = (
        "On Sunday 3 February, French Mirage 2000 jets based in N'Djamena struck a rebel "
        "column about 50 km north-west of Amdjarass."
    )
    assert [e.location for e in eventwire.extract(text, published="2019-02-18")] == ["Amdjarass"]
    text = "On Sunday 3 February, French jets struck rebels in N'Djamena."
    assert [e.location for e in eventwire.extract(text, published="2019-02-18")] == ["N'Djamena"]


def test_a_capital_s_court_that_acts_is_the_state_not_the_site(
    nlp: Language, geoparser: Geoparser
) -> None:
    sides = _sides(nlp, geoparser, "Minutes after a Cairo court sentenced 21 men, crowds marched.")
    assert sides.get("Cairo"), sides
    sides = _sides(nlp, geoparser, "Hundreds of relatives protested outside a Cairo court.")
    assert not sides.get("Cairo"), sides


def test_a_digest_item_takes_the_place_that_heads_it() -> None:
    """A security digest heads each item with its town, dateline-fashion; an item that names
    no town of its own happened there (a region in brackets belongs to the heading)."""
    text = (
        "Weekly security digest, Borno and Yobe, 9 June\n\n"
        "Compiled from local sources; figures are provisional.\n\n"
        "DAMBOA - Jihadists ambushed a military convoy outside the town on Tuesday, "
        "killing five soldiers, a military source said.\n\n"
        "POTISKUM (YOBE) - Traders blocked the main market road on Wednesday to protest "
        "against new taxes. The protest was peaceful.\n\n"
        "GUBIO - Suspected bandits abducted 14 farmers on Thursday morning, residents said."
    )
    events = eventwire.extract(text, published="2024-06-09")
    got = {(e.location, e.sub_event_type) for e in events}
    assert {"Damboa", "Potiskum", "Gubio"} <= {loc for loc, _ in got}, got
    # one dateline alone still names where the story was filed, not the event's site
    (event,) = eventwire.extract(
        "MAIDUGURI - Jihadists killed five soldiers in an ambush near Damboa on Tuesday.",
        published="2024-06-09",
    )
    assert event.location == "Damboa", event


def test_a_section_heading_line_places_the_paragraphs_under_it() -> None:
    """A daily summary heads each section with a line naming its day and town; the events
    under it that name no town of their own happened there, until the next heading."""
    text = (
        "Kunduz daily summary\n\n"
        "KUNDUZ PROVINCE - DAILY SECURITY SUMMARY\n"
        "Issued by the governor's media office, Tuesday 10 August 2021.\n\n"
        "Sunday 8 August — Imam Sahib\n"
        "In the afternoon, mortar rounds fired by the Taliban landed near the bazaar. Two "
        "shopkeepers were killed.\n\n"
        "Monday 9 August — Khanabad\n"
        "Heavy fighting continued on Monday near the district centre. Four soldiers were killed.\n"
        "The remaining police withdrew towards Kunduz city during the night."
    )
    events = eventwire.extract(text, published="2021-08-10")
    got = {(str(e.event_date), e.event_type, e.location) for e in events}
    assert ("2021-08-08", "Explosions/Remote violence", "Imām Şāḩib") in got, got
    assert ("2021-08-09", "Battles", "Khanabad") in got, got
    assert all(e.location != "Kunduz" or e.event_type != "Battles" for e in events), got


def test_a_numbered_heading_gives_its_items_their_town_and_day() -> None:
    """ "2. KHANABAD — Monday 9 August": the item below tells its event with no town and no
    day of its own; the heading gives both. A byline's town heads nothing."""
    text = (
        "Weekly protest monitor: Kunduz\n\n"
        "By our correspondent, KUNDUZ\n\n"
        "1. IMAM SAHIB — Sunday 8 August\n"
        "Several hundred traders gathered outside the district office to protest against new "
        "taxes. Police fired tear gas to disperse them.\n\n"
        "2. KHANABAD — Monday 9 August\n"
        "About 200 women marched to the governor's compound to demand news of detained "
        "relatives. The march ended peacefully."
    )
    events = eventwire.extract(text, published="2021-08-12")
    got = {(str(e.event_date), e.sub_event_type, e.location) for e in events}
    assert got == {
        ("2021-08-08", "Protest with intervention", "Imām Şāḩib"),
        ("2021-08-09", "Peaceful protest", "Khanabad"),
    }, got


def test_a_town_far_from_the_event_does_not_stand_for_its_site() -> None:
    """ "in a cafe in Diyala province, 80 km north-east of Baghdad": Baghdad is too far to stand
    for the site (it would for "20 km north of"); the province the sentence names does."""
    (event,) = eventwire.extract(
        "A suicide bomber blew himself up in a cafe in Diyala province, 80 km north-east of "
        "Baghdad, on Monday, killing nine people, police said.",
        published="2016-01-12",
    )
    assert event.location != "Baghdad" and event.admin1 == "Diyala", event


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # a journey's end is not where the people who set off acted
        ("A convoy of protesters set off for Tunis on Saturday from Sidi Bouzid.", "Sidi Bouzid"),
        ("On Sunday marchers in Gafsa left for Tunis, chanting against the government.", "Gafsa"),
        (
            "On Sunday marchers headed for Tunis from Gafsa, chanting against the government.",
            "Gafsa",
        ),
        # people's home town beside the place where they gather
        (
            "On Sunday several hundred people, many from Kasserine, gathered in Thala to protest.",
            "Thala",
        ),
        # "set fire to" is no leaving
        ("On Sunday rioters set fire to a bus in Sfax.", "Sfax"),
    ],
)
def test_where_people_set_off_to_or_come_from_is_no_site(text: str, site: str) -> None:
    events = eventwire.extract(text, published="2011-01-24")
    assert events and {e.location for e in events} == {site}, [
        (e.sub_event_type, e.location) for e in events
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On Sunday, soldiers detained four traders at the market and flew them to Gao.",
        "On Sunday, soldiers detained four traders at the market and took them to Gao.",
        "On Sunday, gunmen shot dead two traders at the market; their bodies were taken to Gao.",
    ],
)
def test_where_people_were_carried_off_to_is_no_site(text: str) -> None:
    # "flew them to Gao": where the detained were taken, not where they were detained
    events = eventwire.extract(text, published="2011-01-24")
    assert events and all(e.location != "Gao" for e in events), [e.location for e in events]


def test_a_numbered_item_that_opens_with_its_place_and_day_places_its_event() -> None:
    """ "3.2 Tambura, 9 September." opens an item of a report: where and when the item's event
    happened, not a dateline (which names where a story was filed)."""
    text = (
        "Weekly protection update, 6-19 September 2021\n\n"
        "3. Incidents\n"
        "3.1 Yambio, 7 September. A trader was beaten by soldiers at a checkpoint.\n"
        "3.2 Tambura, 9 September. Three displaced persons who had left the camp to collect "
        "food were shot dead about two kilometres from the site."
    )
    events = eventwire.extract(text, published="2021-09-20")
    killed = [e for e in events if e.fatalities == 3]
    assert killed and all(e.location == "Tambura" for e in killed), [
        (e.sub_event_type, e.location, e.event_date) for e in events
    ]
    assert all(e.event_date == "2021-09-09" for e in killed)


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # a place in the participle clause of what the event followed or answered is that
        # other event's: the verdict's Darwin, the election's Lomé
        (
            "On Friday, following the verdict delivered in Darwin that day, about 300 people "
            "gathered outside the court in Alice Springs and marched to the mall.",
            "Alice Springs",
        ),
        ("Hundreds protested in Kara on Sunday over the election held in Lomé last week.", "Kara"),
        # … or told with that other event's noun: the vote's Paris
        (
            "After the vote in Paris on the constitutional bill, riots broke out in Noumea.",
            "Nouméa",
        ),
        # … and the site when the sentence names no other
        (
            "After the verdict delivered in Darwin, about 300 people marched through the city.",
            "Darwin",
        ),
    ],
)
def test_a_place_of_the_event_told_as_the_reason_is_not_the_site(text: str, site: str) -> None:
    (event,) = eventwire.extract(text, published="2022-03-24")
    assert event.location == site, event.location


@pytest.mark.parametrize(
    ("text", "site"),
    [
        # a road named by its ends runs between them: the town it is near is the site
        (
            "Gunmen ambushed a bus on the Kabul-Jalalabad highway near Sarobi on Monday, "
            "killing four.",
            "Sarōbī",
        ),
        ("Protesters blocked the Nairobi-Mombasa highway at Mtito Andei on Monday.", "Mtito Andei"),
        # … and, with no other place, where it starts
        ("Gunmen ambushed a bus on the Goma-Rutshuru road on Monday, killing four.", "Goma"),
    ],
)
def test_a_road_s_ends_are_no_site_beside_a_town_on_it(text: str, site: str) -> None:
    (event,) = eventwire.extract(text, published="2020-11-04")
    assert event.location == site, event.location


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "On Saturday, a lorry struck an explosive device on the track between Tillia and "
            "Tassara, about 30 kilometres from Tassara, officials said.",
            "Tassara",
        ),
        (
            "Gunmen ambushed a bus on the road between Torit and Kapoeta, about 30 km from "
            "Kapoeta, on Sunday, killing two passengers.",
            "Kapoeta",
        ),
    ],
)
def test_the_end_of_a_road_the_event_is_told_from_is_its_site(text: str, site: str) -> None:
    """ "On the track between Tillia and Tassara, about 30 kilometres from Tassara": the town
    the event is told relative to, near it (geo_precision 2), not the road's other end."""
    (event,) = eventwire.extract(text, published="2025-03-24")
    assert (event.location, event.geo_precision) == (site, 2), event


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "Separatist fighters ambushed an army patrol near Muyuka on Monday, the army said. "
            "Three soldiers died on the spot and two others were wounded and evacuated to the "
            "regional hospital in Buea.",
            "Muyuka",
        ),
        (
            "Gunmen attacked a bus near Kapoeta on Sunday, officials said. Four passengers were "
            "killed and six were taken to hospital in Torit.",
            "Kapoeta",
        ),
        (
            "Militants attacked a checkpoint near Bannu on Sunday. Two policemen were killed and "
            "three others were rushed to the district hospital in Lakki Marwat.",
            "Bannu",
        ),
    ],
)
def test_the_town_of_the_hospital_the_hurt_were_taken_to_is_no_site(text: str, site: str) -> None:
    """ "… evacuated to the regional hospital in Buea": where the wounded were taken is no site
    (however the parse hangs "in Buea"); the toll is the attack's, told where it happened."""
    events = eventwire.extract(text, published="2021-05-10")
    assert [(e.location, e.fatalities is not None) for e in events] == [(site, True)], events


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (
            "On Friday, relatives at the morgue in Trujillo identified four miners who were shot "
            "dead on Thursday in Parcoy.",
            "Parcoy",
        ),
        (
            "On Wednesday, 15 January, the day of the inauguration of the president in Maputo, "
            "several thousand people marched in the centre of Quelimane.",
            "Quelimane",
        ),
    ],
)
def test_a_place_told_of_the_dead_s_morgue_or_of_what_a_day_was_is_no_site(
    text: str, site: str
) -> None:
    """ "at the morgue in Trujillo": where the dead were taken; "the day of the inauguration in
    Maputo": what the day was, told with its own place. Neither is where the event happened."""
    events = eventwire.extract(text, published="2025-01-17")
    assert [e.location for e in events] == [site], events


def test_the_town_of_a_hospital_or_a_group_that_tells_the_toll_is_no_site() -> None:
    """ "…, the Institute of Health Sciences in Dharan said": the hospital the hurt were
    brought to speaks from its town; the toll is the shooting's, told where it happened."""
    text = (
        "Police opened fire on protesters in Itahari on Monday. Two young men were killed and "
        "at least 17 people were wounded, the BP Koirala Institute of Health Sciences in "
        "Dharan said."
    )
    events = eventwire.extract(text, published="2025-09-11")
    assert [(e.location, e.fatalities) for e in events] == [("Īṭahari̇̄", 2)], events


@pytest.mark.parametrize(
    "text",
    [
        # the people's home named in a list, or with the word for its unit after or before it
        "On 3 June, several hundred displaced people, most of them women from Macomia and "
        "Chiure districts, gathered outside the provincial government building in Pemba to "
        "demand food.",
        "On 3 June, several hundred women from the districts of Macomia and Chiure gathered "
        "outside the governor's office in Pemba to demand food.",
    ],
)
def test_where_the_crowd_comes_from_is_not_where_it_gathers(text: str) -> None:
    events = eventwire.extract(text, published="2024-06-10")
    assert [e.location for e in events] == ["Pemba"], [
        (e.location, e.sub_event_type) for e in events
    ]


def test_a_continent_is_no_site() -> None:
    events = eventwire.extract(
        "Truce frays as fighting resumes\n\nWIRE | Meridian World Wire, Asia service | Monday "
        "18 June 2018\n\nKABUL, June 18 - The Taliban ordered their fighters back to the "
        "battlefield on Monday, a day after a suicide bombing killed dozens of people.",
        published="2018-06-18",
    )
    assert events and all(e.location != "Asia" and e.country for e in events)
