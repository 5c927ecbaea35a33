"""Casualty tolls of one event read from a sentence; aggregates and statistics give none."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tollcount import tolls

from eventwire.extraction.tolls import refers_back, toll_figures


@pytest.fixture(scope="module")
def nlp_sm(nlp: Language) -> Language:
    return nlp


@pytest.mark.parametrize(
    ("text", "fatalities", "injuries"),
    [
        ("Officials said three people were killed when a shell landed near the market.", 3, None),
        ("Seven people were killed in a drone strike on a fuel depot in the east.", 7, None),
        ("A rocket struck a school, killing four other people, the governor said.", 4, None),
        ("An airstrike hit the depot, killing one person.", 1, None),
        ("At least 14 were killed in the raid on the border village.", 14, None),
        ("Up to 8 soldiers were wounded in the shelling of the base.", None, 8),
        ("The strike killed 17 people, local officials said.", 17, None),
        ("Shelling kills five civilians in the northern town", 5, None),
        ("12 fighters killed in artillery fire on the ridge - agency", 12, None),
        ("A dozen villagers were killed when gunmen stormed the market.", 12, None),
        # a role named by the person's name in apposition, with no article: one person
        ("Troops killed rebel commander, Abu Yasir, near Sirte on Monday.", 1, None),
        ("Gunmen shot dead local councillor, Ahmed Musa, outside his home.", 1, None),
        # victims counted under "result in": a passive gerund, a vague count of a killing
        ("The raid in Khost on Sunday resulted in six Afghans being killed.", 6, None),
        # victims as the subject of the verb that reports their deaths
        ("Two soldiers were reported killed in the ambush.", 2, None),
        ("A Taliban commander was confirmed killed in the raid.", 1, None),
        ("Three insurgents were believed killed in the strike.", 3, None),
        ("Five villagers were reported wounded by the blast.", None, 5),
        # a group coordinated with the victims that has a participle of its own
        (
            "The siege ended with two suicide bombers killed in action and ten hostages freed.",
            2,
            None,
        ),
        ("The raid ended with three gunmen killed and six captives released.", 3, None),
        ("Youths beat to death a herder and a woman accused of witchcraft.", 2, None),
        (
            "Troops responded, resulting in two attackers killed in action and eight hostages "
            "rescued, police said.",
            2,
            None,
        ),
        ("The blast at the checkpoint resulted in two people being injured.", None, 2),
        (
            "The patrol returned fire, which resulted in the killing of several of the men.",
            10,
            None,
        ),
        # a vague count: ACLED codes "dozens" as 12 (its least reading, 24, is fatalities_min)
        ("Dozens of people were killed in the clashes.", 12, None),
        ("One police officer died in the ambush.", 1, None),
        ("A farmer was killed by a landmine outside the village.", 1, None),
        ("A district mayor was killed in the blast.", 1, None),
        ("A boy was wounded by shrapnel.", None, 1),
        ("A photographer was injured while covering the protest.", None, 1),
        ("4 civilians were killed and 6 others injured in the attack.", 4, 6),
        ("Troops shelled the village, killing 2 and injuring 7.", 2, 7),
        ("Artillery fire on the town: 5 dead, 11 wounded", 5, 11),
        ("The blast left 6 people dead.", 6, None),
        ("The fire claimed the lives of 8 workers.", 8, None),
        ("The death toll from the bridge collapse rose to 15.", 15, None),
        ("No casualties were reported.", 0, 0),
        ("There were no casualties in the attack.", 0, 0),
        ("Casualties unknown.", None, None),
        ("It was unclear if there were any casualties.", None, None),
        ("1 soldier was killed in the shelling.", 1, None),
        ("6 Russian soldiers were killed near the river.", 6, None),
        ("Rebel forces killed 3 government soldiers near the airport.", 3, None),
        ("Armed men attacked the post. Fatalities: 4.", 4, None),
        ("Militants ambushed a patrol, resulting in 3 fatalities.", 3, None),
        ("The clash caused 2 fatalities.", 2, None),
        ("There was 1 fatality.", 1, None),
        ("Gunmen attacked the camp, killing 3 herders and injuring 2.", 3, 2),
        ("UPDATE 2-Mortar fire hits town, three soldiers killed", 3, None),
        ("Sniper fire kills at least one in the besieged city - witness", 1, None),
        ("Booby trap kills one civilian, wounds another near the road", 1, 1),
        ("Two civilians and three soldiers were killed in the south.", 5, None),
        ("Police shot dead one suspect during the raid.", 1, None),
        ("A trader was shot and killed by unknown gunmen on the road.", 1, None),
        ("Residents lynched a suspected thief to death in the market.", 1, None),
        ("Between 4 and 9 people were killed in the village.", 4, None),
        ("Two guards died as well as three attackers.", 5, None),
        ("Three dead and four injured in the gas explosion.", 3, 4),
        ("The shelling leaves one fighter dead - local command", 1, None),
        ("Two Ukraine soldiers killed ahead of the vote", 2, None),
        # a march, not the month: "during a march" is the event's occasion, no period
        ("Police killed two demonstrators during a march in the capital.", 2, None),
        ("Three people were shot dead during the march to parliament.", 3, None),
        # a dateline's day before a dash counts no one ("Nov 8 - A … activist": one, not 8)
        ("RAJSHAHI, Nov 8 - A Jubo Dal activist was killed in a clash at Sirajganj.", 1, None),
        # an age standing for its person (the NER takes "two 17-year-olds" for a date)
        ("A 17-year-old was shot dead by gendarmes in Ratoma on Wednesday.", 1, None),
        ("Two 16-year-olds were killed when soldiers fired on the crowd.", 2, None),
        ("A 40-year-old was wounded and two 30-year-olds were killed in the raid.", 2, 1),
        ("Gunmen killed a farmer and a 70-year-old in the village on Sunday.", 2, None),
    ],
)
def test_figures(nlp_sm, text, fatalities, injuries):
    found = tolls(nlp_sm, text)
    assert found.get("fatalities") == fatalities, found
    assert found.get("injuries") == injuries, found


@pytest.mark.parametrize(
    "text",
    [
        "The agency has recorded at least 812 civilian deaths since the invasion on 3 May.",
        "The insurgency has killed more than 20,000 people since 2011.",
        "In total, 340 soldiers have been killed in the region.",
        # a total's opener qualifies each verb of its coordination
        "In total, 51 soldiers were killed and about thirty were wounded.",
        "Since January, 12 people died and 40 were injured in the clashes.",
        "Some 90 people have been killed so far this year.",
        "Analysts put the war's death toll at 40,000.",
        "The army said it had fired more than 700 missiles at the city.",
        "More than 1.6 million refugees have crossed the border.",
        "Aid could not reach the city of 250,000 people.",
        "A shell hit a twelve-story apartment block.",
        "Firefighters searched a five-storey office building.",
        "A convoy of 120 civilian cars left the town.",
        "A 27-year-old volunteer said she was scared.",
        "Engineers removed a 152mm shell from the field.",
        "Rebels fired 25 shells at the checkpoint.",
        "Troops were about 20 kilometers from the capital.",
        "It was the third round of talks.",
        "The fighting began in 2014 in the east.",
        "About 500,000 people fled the region.",
        "48 people were killed in the past month across the region.",
        "Police killed 40 people across the province during March.",
        "During the day 2 soldiers were killed at unspecified locations.",
        "Two rebels were killed during the day [fatalities split among 9 events].",
        "Soldiers killed about 30 oxen belonging to herders.",
        "A crowd tried to lynch a man suspected of theft.",
        "Drivers protested after one of their colleagues was killed in a road accident.",
        "Villagers attacked a herder accused of killing a farmer.",
    ],
)
def test_no_aggregate_or_statistic(nlp_sm, text):
    assert tolls(nlp_sm, text).get("fatalities") in (None, 0), text
    assert not tolls(nlp_sm, text).get("injuries")


def test_offsets_and_reason(nlp_sm):
    doc = nlp_sm("Artillery hit a hospital wing, killing at least 12 patients, officials said.")
    (figure,) = toll_figures(next(iter(doc.sents)))
    assert (figure.field, figure.value) == ("fatalities", 12)
    assert doc.text[figure.start : figure.end] == figure.text == "at least 12 patients"
    assert figure.reason == "'killing' ← 'at least 12 patients' = 12"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attack killed 35 people, officials said.", True),
        ("The strike also wounded 4 residents.", True),
        ("Two people were killed in the shelling.", True),
        ("Nine people were killed in a rocket attack on a radio mast.", False),
        ("Gunmen killed four villagers in the north.", False),
        ("A police sergeant was killed in the gunfight, he said.", True),
        ("Two bystanders died in the shootout.", True),
    ],
)
def test_refers_back(nlp_sm, text, expected):
    assert refers_back(next(iter(nlp_sm(text).sents))) is expected


def test_reference_article(nlp_sm, shared_dir):
    text = (shared_dir / "corpus/articles/000_1f5c841166c9d954.txt").read_text("utf-8")
    values = [
        f.value
        for sent in nlp_sm(text).sents
        for f in toll_figures(sent)
        if f.field == "fatalities"
    ]
    for expected in (2, 2, 1, 9, 20, 35, 1):
        assert expected in values
    assert [v for v in values if v in (2, 1, 9, 20, 35)] == [2, 2, 1, 1, 9, 1, 20, 35]
    assert not {596, 900, 160, 2_800_000, 430_000, 15} & set(values)


def test_a_perfect_tense_toll_after_an_operation_is_its_toll() -> None:
    # a perfect tense is a running total only when it sums a conflict up (tolls.running_total):
    # "three insurgents have been killed" after an operation is the operation's toll
    import eventwire

    (event,) = eventwire.extract(
        "Troops and police launched an assault on a militant camp in the hills near Buni Yadi "
        "on Friday. They searched the area for weapons. Initial reports indicate three "
        "insurgents have been killed.",
        published="2021-03-06",
    )
    assert event.fatalities == 3
    assert (
        eventwire.extract(
            "The insurgency has killed more than 300 people in the province.",
            published="2021-03-06",
        )
        == []
    )


def test_a_toll_in_a_claim_the_story_rejects_is_no_toll() -> None:
    # "Claims … that five soldiers died … are false": the content of a claim the story calls
    # false or rejects is no toll; a claim it only reports keeps its toll (marked as a claim)
    import eventwire

    for text in (
        "A roadside bomb damaged a patrol vehicle near Marka on Monday. Claims made by the "
        "militants on their websites that five soldiers died in the attack are false.",
        "Rebels ambushed an army convoy near Beni on Monday. The army dismissed claims that "
        "twelve soldiers were killed in the ambush.",
    ):
        (event,) = eventwire.extract(text, published="2024-05-07")
        assert event.fatalities is None, text
    (event,) = eventwire.extract(
        "Rebels ambushed an army convoy near Beni on Monday. The rebels claimed that twelve "
        "soldiers were killed in the ambush.",
        published="2024-05-07",
    )
    assert event.fatalities == 12
