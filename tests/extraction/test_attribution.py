import eventwire
from eventwire.extraction.attribution import find_claim, unverified_notice


def claim(nlp, text):
    found = find_claim(next(nlp(text).sents))
    return found.text if found else None


def test_trailing_said(nlp):
    assert claim(nlp, "Two shops burned down in the blast, the fire service said.") == (
        "the fire service"
    )


def test_according_to(nlp):
    assert claim(nlp, "Six people died, according to the provincial health office.") == (
        "the provincial health office"
    )


def test_leading_subject(nlp):
    assert claim(nlp, "The defence ministry said its units hit a fuel depot.") == (
        "The defence ministry"
    )


def test_pronoun_is_no_source(nlp):
    assert claim(nlp, "She said the windows shattered.") is None


def test_unverified_notice(nlp):
    for text in (
        "The report could not be independently verified.",
        "Those figures have not been independently confirmed.",
        "The claim was unverified.",
    ):
        assert unverified_notice(next(nlp(text).sents)) is not None, text
    assert unverified_notice(next(nlp("The mayor verified the list.").sents)) is None


def test_a_source_of_several_parties_is_all_of_them() -> None:
    (event,) = eventwire.extract(
        "Gunmen shot dead nine traders near the market on Friday, two witnesses and a "
        "local official said.",
        published="2024-05-04",
    )
    assert event.claimed_by == "two witnesses and a local official"


def test_a_closing_said_whose_speakers_the_parse_tore_off() -> None:
    # spaCy hangs "a nurse and a village elder" on the victims: "said" has no subject
    (event,) = eventwire.extract(
        "A car bomb exploded at a checkpoint in Baidoa on Sunday, killing at least eight "
        "people, five of them soldiers, a nurse and a village elder said.",
        published="2024-05-06",
    )
    assert event.claimed_by == "a nurse and a village elder"
    assert event.fatalities == 8
    # or makes the victims the subject of "said"
    doc_text = (
        "A suicide bomber drove a car packed with explosives into a military checkpoint at the "
        "southern entrance of the central town of Jowhar on Monday, killing at least seven "
        "people, three of them soldiers, a police officer and a hospital official said."
    )
    (event,) = eventwire.extract(doc_text, published="2024-05-06")
    assert event.claimed_by == "a police officer and a hospital official"


def test_a_toll_the_text_could_not_verify_is_kept_and_marked() -> None:
    """ "The army said four rebels were killed; the claim could not be independently
    verified": the parse hangs the killing under the negated "verified", but the notice marks
    a claim, not a denial; the toll stays, unverified, with who made it."""
    (event,) = eventwire.extract(
        "GOMA, Congo - Rebels and soldiers fought near Rutshuru on Monday. The army said six "
        "rebels were killed; the claim could not be independently verified.",
        published="2024-05-08",
    )
    assert event.fatalities == 6, event
    assert any(e.field == "verified" for e in event.evidence), event.evidence
