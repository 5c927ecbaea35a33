"""An event is dated by the operation's day, not by the statement that tells of it."""

from __future__ import annotations

from datetime import date

import pytest

import eventwire
from eventwire.extraction.dates import find_dates


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # a statement's day before the operation's ("Today, forces confirmed … Sunday")
        (
            "Today, coalition forces confirmed a Taliban commander was arrested during an "
            "operation in Nawa district, Helmand province, Sunday.",
            "2012-05-09",
            "2012-05-06",
        ),
        (
            "The defence ministry announced on Thursday that its troops had repelled an "
            "attack on an army post near Menaka on Tuesday.",
            "2019-11-08",
            "2019-11-05",
        ),
        # … right after the verb of saying, with no "that" ("said on Monday its troops had")
        (
            "The army said on Monday its troops had pushed the rebels out of two villages "
            "west of Kindu on Saturday.",
            "2023-06-14",
            "2023-06-10",
        ),
        (
            "Police said on Friday gunmen had stormed a checkpoint near Gao on Wednesday, "
            "killing two officers.",
            "2022-04-10",
            "2022-04-06",
        ),
        # a day in a relative clause about a participant, whatever the parse hangs it on
        (
            "The worst clash of the week came on Tuesday, 8 March, when a checkpoint near Gao "
            "came under attack at dawn from gunmen who had crossed the river on Sunday.",
            "2022-03-13",
            "2022-03-08",
        ),
        # the day inside the object of a verb of comment: the confirmed event's, not the
        # confirmation's ("yesterday confirmed the arrest of … Oct. 19")
        (
            "BASRA, Iraq (Oct. 24, 2012) - Iraqi forces yesterday confirmed the arrest of a "
            "militia commander in Zubair district Oct. 19.",
            "2012-10-24",
            "2012-10-19",
        ),
        (
            "Today, police confirmed the killing of a bandit leader in an operation near "
            "Gusau on Sunday.",
            "2021-06-09",
            "2021-06-06",
        ),
        # the day on the verb of saying is the statement's: an event it tells with no day of
        # its own happened by then, so it takes that day, not the later report's
        (
            "Police said on Tuesday that gunmen killed two farmers near Gusau.",
            "2021-06-09",
            "2021-06-08",
        ),
        (
            "The interior ministry announced on Saturday that security forces had arrested "
            "three men in Abha on suspicion of helping the bomber.",
            "2015-08-10",
            "2015-08-08",
        ),
        # a day in the possessive is its own noun's: "Sunday's election" dates no protest
        (
            "On the second day of the protests, crowds marched through Bamako against "
            "Sunday's election results.",
            "2020-05-07",
            "2020-05-07",
        ),
        ("Sunday's blast in the market of Gao killed five people.", "2020-05-07", "2020-05-03"),
        # … whatever preposition the day's words take: "angry over Friday's killings" dates
        # the killings, "at Sunday's rally" the occasion of the cue's event
        (
            "Residents angry over Friday's killings burned tyres in Mtwara.",
            "2023-10-16",
            "2023-10-16",
        ),
        ("Protests over Sunday's election turned violent in Bamako.", "2023-10-16", "2023-10-16"),
        ("Police fired tear gas at Sunday's rally in Bamako.", "2023-10-16", "2023-10-15"),
        # … and a day given with "of": "the violence of the weekend" is the violence's day, the
        # arrests take the statement's; "the early hours of Saturday" places the cue's event
        (
            "On Monday 1 July, police in Shkoder said that nine people had been arrested for "
            "the violence of the weekend.",
            "2019-07-02",
            "2019-07-01",
        ),
        (
            "In the early hours of Saturday 29 June, unknown people set fire to a school in "
            "Bushat, near Shkoder.",
            "2019-07-02",
            "2019-06-29",
        ),
        (
            "On Monday 17 December an army unit tracked the attackers of Saturday and clashed "
            "with them near the forest edge west of Nyungwe; three attackers were killed.",
            "2018-12-20",
            "2018-12-17",
        ),
        (
            "The minister condemned the street violence of Saturday night in Bilbao, where "
            "hooded youths set fire to two buses and threw petrol bombs at a bank.",
            "2000-05-09",
            "2000-05-06",
        ),
        # the day of a noun phrase the cue ends, however the parser splits it
        (
            "The death toll from Sunday's market bombing in Kano rose to 30 on Tuesday.",
            "2023-10-18",
            "2023-10-15",
        ),
        # "an overnight raid … yesterday": the named day, not the night before publication
        (
            "Security forces arrested four suspected militants during an overnight raid in "
            "Baidoa yesterday.",
            "2018-02-14",
            "2018-02-13",
        ),
        # a day told inside the weekend the event was first dated to
        (
            "Arrests in Lyon\n\n"
            "The weekend began with detentions in Lyon. On Friday evening, police checked "
            "travellers at the main station and detained 12 of them.",
            "2024-03-11",
            "2024-03-08",
        ),
        # a clause that tells its own day beside a period's start: the day it tells
        (
            "The group that had held the approaches to the bridge since Monday 4 March "
            "withdrew on Thursday 7 March, and troops retook the bridge without a fight.",
            "2024-03-09",
            "2024-03-07",
        ),
        # a day in what the sentence says of a participant dates that, not the event
        (
            "Gunmen who had escaped from prison on Saturday attacked a police post in Kasese "
            "on Monday.",
            "2011-03-17",
            "2011-03-14",
        ),
        # a day before a month or a year of the same sentence: the month or year is background's
        (
            "Gunmen who had escaped from prison last month attacked a police post in Kasese "
            "on Monday.",
            "2011-03-17",
            "2011-03-14",
        ),
        (
            "Fighters of a gang that turned against the mayor after its leader was killed last "
            "year stormed the police station in Gonaives on Monday.",
            "2011-03-17",
            "2011-03-14",
        ),
        # a participant named by a past role ("a former mayor", "former employees") is no
        # past event: the sentence's day is the event's
        (
            "A former mayor was shot dead by gunmen in Chilpancingo on Sunday.",
            "2023-05-10",
            "2023-05-07",
        ),
        (
            "About 300 former employees of the sugar factory marched through Kisumu on Tuesday.",
            "2023-05-10",
            "2023-05-09",
        ),
        # "further clashes" are more of them, told as they happen: the day the sentence gives
        (
            "Further clashes broke out in Goma on Monday, killing three people.",
            "2023-05-10",
            "2023-05-08",
        ),
    ],
)
def test_operation_day(text: str, published: str, day: str) -> None:
    events = eventwire.extract(text, published=published)
    assert events, text
    assert events[0].event_date == day


def test_a_release_with_no_publication_date_is_dated_by_its_own_title_and_number() -> None:
    # "May 11:" opens the title and the release number holds the year: the report's own day,
    # from which "last night" counts when no publication date came with the text
    from eventwire.extraction.dates import report_day

    text = (
        "May 11: Coalition Forces Conduct Operations in the North\n"
        "Joint Command 2010-05-CA-039 For Immediate Release\n\n"
        "In Kunduz last night, a joint security force detained two suspected insurgents."
    )
    assert str(report_day(text)) == "2010-05-11"
    (event,) = eventwire.extract(text)
    assert event.event_date == "2010-05-10"
    # a dateline with its year dates the report; with neither year nor number, nothing does
    assert str(report_day("KABUL, Afghanistan (March 12, 2011) – Forces …")) == "2011-03-12"
    assert report_day("KABUL, Afghanistan (Jan. 28) – Forces detained a man today.") is None
    # a release numbered in January for a December day is the year before's
    assert str(report_day("Dec. 31: Operations\n2010-01-CA-002 For Immediate Release")) == (
        "2009-12-31"
    )


def test_an_event_told_without_a_day_takes_the_day_told_before_it() -> None:
    # a later paragraph tells the lead's fighting in detail, with no day of its own: the day is
    # the story's (Sunday), not the report's (Monday)
    text = (
        "ADEN (Wire) - Rebels pressed their offensive on the government-held city of Taiz on "
        "Sunday, officials said.\n\n"
        "The officials said the rebels attacked army positions in Mawiyah district, east of "
        "Taiz, killing six soldiers."
    )
    events = eventwire.extract(text, published="2021-02-15")
    assert {e.event_date for e in events} == {"2021-02-14"}, [
        (e.sub_event_type, e.location, e.event_date) for e in events
    ]


@pytest.mark.parametrize(
    ("follow_up", "day"),
    [
        # the next sentence names the event again by its noun and tells its day
        (
            "The bomb went off at about 9 pm on Wednesday as guests were arriving, an officer said.",
            "2024-05-08",
        ),
        ("The blast happened shortly after midnight on Tuesday, witnesses said.", "2024-05-07"),
        # a sentence about something else keeps the report's day for the event
        ("The hall's owner said on Wednesday that he would rebuild it.", "2024-05-09"),
    ],
)
def test_an_event_with_no_day_takes_the_day_its_next_sentence_tells_of_it(follow_up, day):
    text = (
        "Bomb kills 12 at wedding in Kirkuk\n\n"
        "KIRKUK, Iraq, May 9 (Reuters) - A car bomb exploded outside a wedding hall in the "
        "northern city of Kirkuk, killing 12 guests, police said on Thursday.\n\n" + follow_up
    )
    events = eventwire.extract(text, published="2024-05-09")
    assert [e.event_date for e in events] == [day]


def _days(text: str, published: str) -> dict[str, str]:
    return {e.sub_event_type: e.event_date for e in eventwire.extract(text, published=published)}


def test_an_undated_sentence_takes_the_day_its_paragraph_told() -> None:
    # the day is told in the sentence before, which reports no event of its own
    text = (
        "Army statement\n\n"
        "KIGOMA, 20 March 2019 - On Monday 18 March, an army patrol following the trail of "
        "the kidnappers made contact with an armed group in a forest near Kasulu. In the "
        "exchange of fire that followed, three members of the armed group were killed, the "
        "army said."
    )
    days = _days(text, "2019-03-20")
    assert days.get("Armed clash") == "2019-03-18", days


def test_a_heading_line_lends_no_preposition_to_the_dated_line_below() -> None:
    # "… JOIN IN" ends a heading: "IN\nOn Friday" is no date of the heading
    text = (
        "Weekly digest\n\nTirana, Sunday 9 June 2024\n\n"
        "DURRES: DOCKERS JOIN IN\n"
        "On Friday, several thousand dock workers rallied peacefully in the port of Durres, "
        "demanding higher wages."
    )
    assert _days(text, "2024-06-09").get("Peaceful protest") == "2024-06-07"


def test_a_day_after_in_mid_sentence_dates_its_own_clause_a_day_before() -> None:
    import datetime as dt

    from eventwire.extraction.dates import find_dates

    text = (
        "Government artillery pounded rebel positions in the hills for several hours on "
        "Sunday, a day after two soldiers were killed in fighting near the border. Two days "
        "after the shelling, police arrested four men in the town. Dozens were wounded in "
        "the market that day. The talks came a day after the ambush."
    )
    found = {d.text: str(d.date) for d in find_dates(text, dt.date(2001, 6, 14))}
    assert found["on Sunday"] == "2001-06-10"
    assert found["a day after"] == "2001-06-09"  # the fighting, the day before Sunday
    assert found["Two days after"] == "2001-06-11"  # opening its sentence: after the day told
    assert found["that day"] == "2001-06-11"
    # mid-sentence with no day told before it in its sentence: it dates nothing
    assert list(found).count("a day after") == 1


def test_a_section_heading_does_not_take_the_day_of_the_item_before() -> None:
    text = (
        "POLICE PRESS RELEASE | Davao City, 16 June 2016\n\n"
        "1. AMBUSH IN MAKILALA. On Sunday, 12 June 2016, a police patrol was ambushed by "
        "armed men near Makilala. Two officers were killed.\n\n"
        "2. ARREST IN KIDAPAWAN. On Monday, 13 June 2016, police arrested a rebel leader "
        "in a boarding house in Kidapawan."
    )
    assert _days(text, "2016-06-16").get("Arrests") == "2016-06-13"


def test_an_event_told_further_down_with_no_day_takes_the_lead_s_day() -> None:
    # the lead tells the day; two paragraphs on, another incident is told with none
    text = (
        "Troops fire on marchers\n\n"
        "LUSAKA, March 10 (Reuters) - Soldiers fired on opposition marchers in the northern "
        "town of Kasama on Sunday, killing at least five people, hospital officials said on "
        "Tuesday.\n\n"
        "The opposition had called the marches after the electoral commission declared the "
        "president the winner of last month's vote.\n\n"
        "In Mansa, youths set fire to the local office of the ruling party and threw stones "
        "at police, witnesses said."
    )
    events = eventwire.extract(text, published="2015-03-10")
    (mansa,) = [e for e in events if e.location == "Mansa"]
    assert mansa.event_date == "2015-03-08"  # not the dateline's 10 March
    (day,) = [x for x in mansa.evidence if x.field == "event_date"]
    assert day.borrowed_day and day.reason.startswith("the lead's day")


def test_a_raid_with_its_own_day_and_a_stated_zero_toll_is_an_event() -> None:
    # the second raid names no site of its own ("the depot") and its toll is "no one"
    text = (
        "Ministry of Defence statement\n\n"
        "Dushanbe, 20 May 2014.\n\n"
        "1. On Monday, 12 May 2014, enemy aircraft bombed the fuel depot at Kulob. One "
        "guard was killed and two were wounded.\n\n"
        "2. On Wednesday, 14 May 2014, enemy aircraft bombed the depot again in the early "
        "morning. No one was killed in this second raid.\n\n"
        + " ".join(
            f"Paragraph {n} of the statement thanks the people for their calm." for n in range(12)
        )
    )
    days = sorted(e.event_date for e in eventwire.extract(text, published="2014-05-20"))
    assert days == ["2014-05-12", "2014-05-14"], days


def test_a_live_blogs_entry_is_dated_by_the_day_heading_above_it() -> None:
    """In a live blog, an entry stamped with a time only ("19:45 — Crowds have poured …") is
    dated by the day heading above it, not by the report's day."""
    text = (
        "Port city crisis live: talks resume as troops wait\n\n"
        "LIVE — The standoff in Port Harcot, day by day. Times are local.\n\n"
        "Thursday 12 June\n"
        "10:30 — The mayor is expected to meet union leaders at noon.\n"
        "19:45 — Hundreds of dock workers marched through the centre of Lagos chanting "
        "slogans against the mayor. Our reporter saw no police.\n"
        "Friday 13 June\n"
        "08:15 — Talks have been paused until noon.\n"
        "Saturday 14 June\n"
        "09:10 — Shops are reopening in the centre.\n"
    )
    events = eventwire.extract(text, published="2025-06-14")
    marches = [e for e in events if e.event_type == "Protests"]
    assert [e.event_date for e in marches] == ["2025-06-12"]


def test_a_day_after_a_semicolon_dates_only_its_own_clause() -> None:
    """ "… raided houses, beating occupants; dozens were detained, most released by Monday":
    the clause after the semicolon tells its own time; the raid keeps the day told before."""
    text = (
        "At dawn on Saturday, police cleared the protest camp at the port of Sidi Ifni. "
        "Residents say the police then raided houses in the upper town, beating occupants and "
        "breaking furniture; dozens were detained, most released by Monday."
    )
    events = eventwire.extract(text, published="2008-06-10")
    raids = [e for e in events if any(v.text == "beating" for v in e.evidence)]
    assert [e.event_date for e in raids] == ["2008-06-07"], [
        (e.sub_event_type, e.event_date) for e in events
    ]


def test_a_key_facts_list_opened_by_days_dates_nothing_below_it() -> None:
    """A bulleted list of key facts whose items open on days ("- Friday: … - Saturday: …")
    is no log for the paragraphs after it: their "on Monday" is the report's Monday, not the
    Monday before the list's last day."""
    text = (
        "Depot raid in Kasese: what we know\n\n"
        "Explainer | Tuesday 15 March 2011\n\n"
        "KEY FACTS\n"
        "- Friday: gunmen shot dead a guard at the gate of the fuel depot in Kasese.\n"
        "- Saturday: a grenade was thrown into the market in Fort Portal, wounding three.\n\n"
        "Who was arrested?\n"
        "Police said that on Monday morning they arrested six men in Kasese in a search "
        "operation.\n"
    )
    days = _days(text, "2011-03-15")
    assert days.get("Arrests") == "2011-03-14", days


def test_days_out_of_order_are_no_log() -> None:
    """Lines that open on days out of order ("Monday 14 March: …", then "Saturday 12 March:
    …", "Sunday 13 March: …") are a list of facts, not a log: "yesterday" below them is the
    report's."""
    found = find_dates(
        "Monday 14 March: troops fought rebels near Beni.\n"
        "Saturday 12 March: a mine hit a truck near Butembo.\n"
        "Sunday 13 March: gunmen raided a clinic in Oicha.\n"
        "Police arrested two men in Beni yesterday, a spokesman said.",
        date(2011, 3, 15),
    )
    assert {d.text: str(d.date) for d in found}["yesterday"] == "2011-03-14"


def test_a_weekday_with_its_day_of_the_month_dates_without_on() -> None:
    found = find_dates("Last Sunday, the 6th, there was a clash near Adre.", date(2022, 2, 10))
    assert [(d.text, str(d.date)) for d in found] == [("Last Sunday, the 6th", "2022-02-06")]
    assert find_dates("The 6th brigade moved to Adre.", date(2022, 2, 10)) == []


def test_the_author_named_again_tells_the_events_day() -> None:
    """ "The bomber … detonated explosives … on Wednesday" after a lead dated only by its
    statement ("police said Thursday"): the author named again by a definite noun tells the
    event told before, and its day."""
    text = (
        "Bomb kills 12 at wedding in Kirkuk\n\n"
        "KIRKUK, Iraq, May 9 (Reuters) - A suicide bomber blew himself up outside a wedding hall "
        "in the northern city of Kirkuk, killing 12 guests, police said Thursday.\n\n"
        "The bomber, disguised as a woman, walked past a security guard at about 9 pm on "
        "Wednesday and detonated explosives strapped to his body."
    )
    events = eventwire.extract(text, published="2024-05-09")
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Suicide bomb", "2024-05-08")]


def test_the_lead_s_event_keeps_its_day_after_its_toll_sentences() -> None:
    # a release's lead tells its event's day; the next section tells that event again with
    # its toll, and the mention that took those sentences is still the lead's: the disorder
    # told further down with no day is dated by it, not by the release's own day
    text = (
        "Update on incidents in Galway city\n\n"
        "Regional Police, Press Office, Sunday 9th March 2025. Police are investigating a "
        "knife attack on Shop Street, Galway, yesterday afternoon.\n\n"
        "Shop Street\n"
        "At about 2pm, a man armed with a knife attacked three people outside a bank. All "
        "three were injured. Two of them remain in hospital, one in a serious condition.\n\n"
        "Disorder\n"
        "Later in the evening, a crowd gathered at the scene. Some in the crowd attacked "
        "officers with bottles and set fire to two police vans in Galway."
    )
    events = eventwire.extract(text, published="2025-03-09")
    assert events
    riots = [e for e in events if e.event_type == "Riots"]
    assert riots and all(e.event_date == "2025-03-08" for e in riots), [
        (e.event_date, e.sub_event_type) for e in events
    ]


def test_the_headline_s_event_dated_in_the_lead_dates_the_events_below() -> None:
    # the headline's event takes its day from the lead below it; the event told two
    # paragraphs on with no day of its own is dated by it, not by the dateline
    text = (
        "Traders march against market fees in Mombasa\n\n"
        "MOMBASA, May 4 - Hundreds of traders marched through central Mombasa on Monday to "
        "protest against new market fees, chanting and waving branches.\n\n"
        "Residents told reporters by telephone that police later fired live rounds at the "
        "crowd near the Likoni ferry, wounding two men.\n\n"
        "The county police commander could not be reached for comment."
    )
    events = eventwire.extract(text, published="2021-05-04")
    # one protest: the march, and the live rounds fired at its crowd (the graver kind)
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"]
    assert {e.event_date for e in events} == {"2021-05-03"}, [
        (e.event_date, e.sub_event_type) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # "a day after" dates the raid its clause tells: the sentence's event is Tuesday's
        (
            "MAPUTO, Oct. 23 (wire) - On Tuesday, a day after the raid on the base, gunmen "
            "attacked a police post in Inhaminga, police said.",
            "2013-10-22",
        ),
        # … and the event in its clause is the day before the day told
        (
            "MAPUTO, Oct. 23 (wire) - Troops shelled a village near Inhaminga on Tuesday, a "
            "day after two soldiers were killed in an ambush there.",
            "2013-10-22",
        ),
    ],
)
def test_a_day_after_an_event_dates_that_event_not_the_sentence(text: str, day: str) -> None:
    days = [e.event_date for e in eventwire.extract(text, published="2013-10-23")]
    assert days[0] == day, days


def test_an_event_told_as_the_time_of_another_takes_its_own_day() -> None:
    # the lead dates the march, and tells the bomb only as its time ("… after a car bomb
    # exploded"): the bomb is Wednesday's, as its own telling says, not Thursday's
    text = (
        "Car bomb in Saravena: a guard dead\n\n"
        "SARAVENA, Jan. 21 (wire) - Hundreds of people walked through the centre of Saravena "
        "on Thursday afternoon, carrying candles, less than a day and a half after a car bomb "
        "exploded outside a building used by social organisations in the town. The bomb went "
        "off on Wednesday, killing a guard."
    )
    (bomb,) = [e for e in eventwire.extract(text, published="2022-01-21") if e.fatalities]
    assert bomb.event_date == "2022-01-19"


def test_an_event_told_just_before_another_keeps_the_sentence_s_day() -> None:
    # no days between them: the gathering is Sunday's, as the intervention is
    text = (
        "TEHRAN, Oct. 3 (wire) - On Sunday 2 October, security forces surrounded the university "
        "in Tehran after students gathered on the campus chanting slogans."
    )
    days = {e.event_date for e in eventwire.extract(text, published="2022-10-03")}
    assert days == {"2022-10-02"}, days


def test_an_obituarys_lead_dates_the_attack_the_story_then_tells() -> None:
    text = (
        "Obituary: Amos Wekesa, 61, the teacher who ran the village choir\n\n"
        "OBITUARY | Rift Valley Weekly | Saturday 10 November 2018\n\n"
        "Amos Wekesa, who taught at the primary school in Eldoret for thirty years and was "
        "killed on the road to Iten on Friday 2 November, was buried the next day. He was 61.\n\n"
        "Mr Wekesa was one of four passengers killed when gunmen opened fire on a minibus on "
        "the road west of Iten. Nine others were wounded.\n"
    )
    events = eventwire.extract(text, published="2018-11-10")
    attack = next(e for e in events if e.fatalities == 4)
    assert attack.event_date == "2018-11-02"


def test_the_day_of_another_statement_does_not_date_the_event() -> None:
    """A day that dates a statement made in another clause ("the next day the district police
    said an inquiry had been opened") is no day of the event the first clause tells."""
    events = eventwire.extract(
        "On Tuesday 16 July a student was shot dead at the university gate in Rangpur. "
        "Police at first said the student died when protesters threw stones; the next day "
        "the district police said an inquiry had been opened.",
        published="2024-07-26",
    )
    assert events and all(e.event_date != "2024-07-27" for e in events)
    assert all(
        "next day" not in ev.text for e in events for ev in e.evidence if ev.field == "event_date"
    )


def test_the_day_of_what_an_event_came_after_is_not_its_own() -> None:
    # "After the change of government on Tuesday, demonstrations took place": the change's
    # day; the demonstrations came after it
    text = (
        "After the change of government in the capital on Tuesday 7 February, demonstrations "
        "took place in Addu City."
    )
    events = eventwire.extract(text, published="2012-02-10")
    assert events and all(e.event_date != "2012-02-07" for e in events), events
    # … but a time of the day before its day is the event's own ("before dawn on Saturday")
    text = (
        "Hundreds of militiamen attacked the Muslim quarter of Bangassou before dawn on "
        "Saturday, burning houses, witnesses said."
    )
    assert [e.event_date for e in eventwire.extract(text, published="2017-05-16")] == ["2017-05-13"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the doers of the part after a semicolon are the people its part before told
        (
            "On Saturday 31 October two women carrying explosive belts tried to enter the town "
            "of Bol through the southern checkpoint; one of them detonated her charge, killing "
            "a gendarme.",
            "2015-10-31",
        ),
        (
            "On Saturday 31 October gunmen stormed a farm near Bol; they burned the stores at "
            "Baga Sola.",
            "2015-10-31",
        ),
    ],
)
def test_a_part_that_goes_on_with_those_told_takes_their_day(text: str, day: str) -> None:
    events = eventwire.extract(text, published="2015-11-09")
    assert events and all(e.event_date == day for e in events), events


def test_the_doers_of_a_part_are_its_own() -> None:
    """The parse hangs "Hundreds" across the semicolon as a subject of "dispersed": the doers
    of the part after it are still "they", people its part before told."""
    text = "Hundreds of students protested in Dhaka on Monday; they were dispersed by police."
    days = [e.event_date for e in eventwire.extract(text, published="2024-05-30")]
    assert days == ["2024-05-27"], days


def test_the_day_a_report_was_presented_is_the_report_s() -> None:
    text = (
        "Soldiers fired on Totonicapan protesters, the ombudsman says\n\n"
        "The ombudsman presented on Wednesday a report on the shooting of protesters on the "
        "highway on 4 October, concluding that soldiers fired live rounds at an unarmed crowd."
    )
    days = [e.event_date for e in eventwire.extract(text, published="2012-11-01")]
    assert days == ["2012-10-04"], days


def test_an_event_ranked_against_others_on_a_day_of_its_own_dates_its_paragraph() -> None:
    # "The biggest raid … began on Monday 6 May": a superlative ranks the event, it does not
    # sum up others ("the worst fighting in years" does), so its day is the paragraph's
    text = (
        "Raids in the north\n\nBy our correspondent | Monday 27 May 2024\n\n"
        "The largest raid of the spring began early on Monday 6 May, when troops entered "
        "Kidal before dawn. Almost at once, gunmen fired on the column from the rooftops, and "
        "the fighting lasted for three hours.\n"
    )
    events = eventwire.extract(text, published="2024-05-27")
    clash = next(e for e in events if e.sub_event_type == "Armed clash")
    assert clash.event_date == "2024-05-06", clash.event_date


def test_an_attack_told_in_a_year_long_past_is_history() -> None:
    text = (
        "Sabah standoff ends\n\nKUALA LUMPUR, Tuesday 5 March 2013\n\n"
        "Malaysian jets bombed positions near Lahad Datu on Tuesday. In 1985, armed men attacked "
        "Lahad Datu, robbing a bank and killing at least 21 people, an attack still remembered "
        "in the town.\n"
    )
    events = eventwire.extract(text, published="2013-03-05")
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_a_day_inside_a_relative_clause_dates_only_that_clause() -> None:
    # "former rebels who signed reconciliation deals in 2018": the deals' year, not the day the
    # checkpoints were taken
    text = (
        "Fighting in the south\n\nBy our correspondent | Friday 30 July 2021\n\n"
        "In Tafas, local fighters - many of them former rebels who signed reconciliation deals "
        "in 2018 - attacked and took over at least three army checkpoints on Thursday and "
        "captured the soldiers inside, residents said.\n"
    )
    events = eventwire.extract(text, published="2021-07-30")
    assert events and all(e.event_date == "2021-07-29" for e in events), [
        (e.sub_event_type, e.event_date) for e in events
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The worst attack came on Friday, August 25, two days after the vote, in a village "
        "outside Bindura. Gunmen dragged a party activist from his home and beat him to death.",
        "Trouble returned on Friday, August 25, a week after the provincial elections. "
        "Rebels attacked an army post outside Bindura, killing two soldiers.",
    ],
)
def test_a_day_glossed_by_another_gives_its_own_day_to_what_follows(text: str) -> None:
    """ "on Friday, August 25, two days after the vote": the gloss dates the vote, and the
    sentences after it go on from Friday."""
    events = eventwire.extract(text, published="2023-09-14")
    assert events and {e.event_date for e in events} == {"2023-08-25"}, [
        (e.sub_event_type, e.event_date) for e in events
    ]


@pytest.mark.parametrize(
    ("text", "published", "days"),
    [
        # a day in a participle about people is theirs: Tuesday is the attack's
        (
            "On Tuesday, gunmen believed to be relatives of the herders killed on Monday "
            "attacked a homestead outside Wau, killing a woman, officials said.",
            "2025-02-20",
            ["2025-02-18"],
        ),
        # people named by what befell them take no day of the sentence: the burial's is not
        # the killing's, which the story told before
        (
            "Traders killed in Wau market\n\nJUBA, Thursday 20 February 2025\n\n"
            "Gunmen killed five traders at the market in Wau on Monday, police said.\n\n"
            "Relatives of the five killed at the market buried them on Wednesday.\n",
            "2025-02-20",
            ["2025-02-17"],
        ),
        # ... nor does a passive verb's day ("were buried") or an adjective's people
        (
            "Two soldiers were killed near Toukountouna on Friday. The two soldiers killed near "
            "Toukountouna were buried with military honours on Monday in Natitingou.",
            "2025-11-03",
            ["2025-10-31"],
        ),
        (
            "Gunmen killed four miners near Huamachuco on Tuesday, police said. The families of "
            "the four murdered workers were still waiting on Friday for the bodies.",
            "2025-06-14",
            ["2025-06-10"],
        ),
        # an event told before named as what its victims went through: the burial's day or the
        # march's is theirs
        (
            "Gunmen attacked a village near Goundi on Tuesday, killing eight people, the governor "
            "said. On Sunday, the victims of the village attack near Goundi were buried in the "
            "presence of the prefect.",
            "2025-05-19",
            ["2025-05-13"],
        ),
        (
            "Gunmen ambushed a bus near Kainantu on Tuesday, killing three passengers. On "
            "Thursday, the families of the victims of Tuesday's ambush met the governor.",
            "2025-05-17",
            ["2025-05-13"],
        ),
        # the day a statement was signed is the statement's
        (
            "The air force, in a statement signed by its spokesman on Saturday, said it had "
            "struck bandit hideouts in the Binji area on Thursday.",
            "2025-01-06",
            ["2025-01-02"],
        ),
    ],
)
def test_a_day_told_of_someone_or_something_else_is_theirs(
    text: str, published: str, days: list[str]
) -> None:
    events = eventwire.extract(text, published=published)
    assert [e.event_date for e in events] == days, events


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # the participle says what the cue's own noun is: its day
        (
            "The mission welcomes the agreement reached yesterday in Yei between the local "
            "commanders of the two armies.",
            "2025-02-19",
        ),
        # a heading with no verb of its own tells the participle's day
        ("Monday: a chief killed near Wau\n\nThe army blamed a militia.", "2025-02-17"),
    ],
)
def test_a_participle_s_own_day_stays(text: str, day: str) -> None:
    events = eventwire.extract(text, published="2025-02-20")
    assert events and events[0].event_date == day, events


def test_a_year_before_the_day_told_is_history() -> None:
    """ "At the spot where, one year earlier, three of their colleagues were ambushed": a year
    counted back from the day the story tells dates the ambush to history (months are counted
    too: "two months later")."""
    text = (
        "A year after the ambush\n\nCANETE, Monday 28 April 2025\n\n"
        "At nine o'clock on Sunday morning, a line of police officers stood to attention on a "
        "rural road outside Canete, at the spot where, one year earlier, three of their "
        "colleagues were ambushed and shot dead in their patrol car.\n\n"
        "On Saturday night, unknown men burned two trucks near Canete, police said.\n"
    )
    events = eventwire.extract(text, published="2025-04-28")
    assert [(e.event_date, e.sub_event_type) for e in events] == [
        ("2025-04-26", "Looting/property destruction")
    ]
    days = find_dates(
        "They met on Monday 3 March. Two months later, they met again.", date(2025, 6, 1)
    )
    assert [d.date.isoformat() for d in days] == ["2025-03-03", "2025-05-02"]


@pytest.mark.parametrize(
    ("text", "published", "days"),
    [
        # a chronicle told day by day: the report's weekday told next after a day more than a
        # week back is the day after it, as the days after it go on from there
        (
            "Clashes in the northwest: a week in review\n\nDEBRE TABOR\n\n"
            "On Monday, March 10, Fano fighters attacked an army post on the edge of Debre "
            "Tabor, killing two soldiers, residents said.\n\nWORETA\n\n"
            "On Tuesday, soldiers arrested twelve young men in Woreta, accusing them of "
            "supporting the militia.\n\n"
            "On Wednesday, a drone strike hit a minibus near Woreta, killing five passengers.\n",
            "2025-03-18",
            ["2025-03-10", "2025-03-11", "2025-03-12"],
        ),
        # a feature's day headings from "of last week" on: "FRIDAY" is the Friday after it
        # (the next heading is last Saturday), not the day before the paper
        (
            "Ten days on the cattle road\n\nWeekend feature | Toliara | Saturday 13 July 2024\n\n"
            "WEDNESDAY OF LAST WEEK: THE RAID\n\n"
            "Raiders with rifles attacked a hamlet outside Sakaraha at nightfall, killing three "
            "villagers and driving away the cattle, the gendarmes said.\n\n"
            "FRIDAY: THE PURSUIT\n\n"
            "Gendarmes caught up with the raiders in the hills near Ankazoabo and exchanged fire "
            "with them for an hour, the gendarmerie said.\n\n"
            "LAST SATURDAY: THE MARCH\n\n"
            "About 300 villagers marched through Sakaraha to demand protection for their herds, "
            "organisers said.\n",
            "2024-07-13",
            ["2024-07-03", "2024-07-05", "2024-07-06"],
        ),
        # the same weekday again in the next paragraph, with no day told between: that day
        (
            "Teachers protest across the country\n\n"
            "On Tuesday, July 30, riot police fired tear gas at teachers who had blocked an "
            "avenue in Valencia.\n\n"
            "Also on Tuesday, police detained 14 teachers at a sit-in outside the education "
            "office in Maracaibo.\n",
            "2024-08-12",
            ["2024-07-30", "2024-07-30"],
        ),
    ],
)
def test_a_weekday_told_after_a_dated_day_goes_on_from_it(
    text: str, published: str, days: list[str]
) -> None:
    """A weekday whose name is the report's own, told after a day a week or more before the
    report, is read from that day when the story goes on from it."""
    events = eventwire.extract(text, published=published)
    assert sorted(e.event_date for e in events) == days, [
        (e.sub_event_type, e.event_date) for e in events
    ]


def test_a_compilation_of_posts_each_under_its_source_in_brackets() -> None:
    """ "[Radio Beni page] Monday 3 March, 9:15 am - Gunmen attacked …": a post's source in
    brackets is a label, not an editor's note; the post tells its event, on its stamp's day
    (and its "today" is that day)."""
    text = (
        "Kivu in posts: a week of attacks and protests\n\n"
        "Regional desk | Goma | Saturday 8 March 2025 | Compiled from public posts\n\n"
        "Each week our desk collects public posts from local pages and official accounts and "
        "publishes them in the order they appeared.\n\n"
        "[Radio Beni page] Monday 3 March, 9:15 am - Gunmen attacked the village of Mavivi "
        "overnight, killing four farmers. The army says it is pursuing the attackers.\n\n"
        "[Civil society of Butembo, on X] Wednesday 5 March, 2:40 pm - Hundreds of traders "
        "marched to the town hall in Butembo today to protest against a new market tax. The "
        "march was peaceful.\n\n"
        "[Police spokesman page] Thursday 6 March, 6:00 pm - Police in Goma arrested seven "
        "suspected members of a robbery gang and seized two rifles.\n"
    )
    events = eventwire.extract(text, published="2025-03-08")
    told = sorted((e.event_date, e.sub_event_type) for e in events)
    assert told == [
        ("2025-03-03", "Attack"),
        ("2025-03-05", "Peaceful protest"),
        ("2025-03-06", "Arrests"),
    ], told


def test_a_day_after_a_noun_spelt_like_a_verb_of_saying_is_the_events() -> None:
    """ "… rammed a vehicle into a check post on the Bannu–Miranshah road on Monday morning":
    the post is a place, not a verb of posting whose day the date would be."""
    text = (
        "PESHAWAR, Feb 14 (KNS): The southern districts witnessed another violent week.\n\n"
        "BANNU: Five soldiers embraced martyrdom when a suicide bomber rammed an "
        "explosive-laden vehicle into a security forces' check post on the Bannu–Miranshah "
        "road on Monday morning. Six people, including the bomber, died in the attack, "
        "officials said.\n"
    )
    got = [
        (e.event_date, e.sub_event_type) for e in eventwire.extract(text, published="2025-02-14")
    ]
    assert got == [("2025-02-10", "Suicide bomb")], got


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "On the 12th of October, JNIM ambushed an army supply convoy north of Niono.",
            "2024-10-12",
        ),
        (
            "On the 3rd of November, gunmen stopped a bus near San and took four traders.",
            "2024-11-03",
        ),
        ("Fighters attacked a village near Bankass on the 27th of October.", "2024-10-27"),
    ],
)
def test_the_nth_of_a_month_dates_its_event(text: str, day: str) -> None:
    """ "On the 12th of October, …": the day's own ordinal is no other noun the day would
    belong to ("the violence of the weekend"), so the day dates the event."""
    got = [str(e.event_date) for e in eventwire.extract(text, published="2024-11-20")]
    assert got == [day], got


@pytest.mark.parametrize(
    "text",
    [
        # the day of what the doers are investigating is that event's, not their act's; the
        # sentence after it goes on with the act's day
        "Further arrests\n\nOn Monday 22 July, officers investigating the riot of 15 July "
        "arrested two men at their homes in Swords. Both were detained and later charged.",
        "On Monday 22 July, two men were arrested in Swords in connection with the riot of 15 "
        "July. Both were detained and later charged.",
        # … or what it was "over"
        "Police arrested two men in Swords on Monday over Saturday's riot outside the hotel.",
        "On Monday 22 July, police arrested two men in Swords over the riot at the hotel on "
        "Saturday.",
    ],
)
def test_the_day_of_what_an_arrest_is_about_is_not_the_arrest_s(text: str) -> None:
    events = eventwire.extract(text, published="2024-07-23")
    assert [(e.sub_event_type, e.event_date) for e in events] == [("Arrests", "2024-07-22")], events


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers shot dead the suspected gunman in Friday night's attack on the bus station "
        "in a house outside Gombe on Sunday morning, the army said.",
        "Police shot the presumed attacker in Friday's stabbing near the market in a field "
        "outside Kisumu on Sunday.",
    ],
)
def test_the_day_of_the_event_that_names_a_suspect_is_not_the_act_on_him(text: str) -> None:
    """ "the suspected bomber in Friday night's attack": the day names the man, by what he
    did; what was done to him is the day the sentence gives it."""
    events = eventwire.extract(text, published="2024-03-11")
    assert [e.event_date for e in events] == ["2024-03-10"], events
