import pytest

from eventwire.extraction.cues import find_cues
from eventwire.extraction.factuality import is_background


def reasons(nlp, text):
    doc = nlp(text)
    return {
        c.text: is_background(c, doc)
        for c in find_cues(next(doc.sents))
        if c.category != "casualty"
    }


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Earlier negotiations in Minsk did not produce an agreement.", "agreement"),
        ("The delegations plan to meet again on Friday.", "meet"),
        ("Rebels could launch an offensive within days, the general warned.", "offensive"),
        ("Past offensives have failed to take the ridge.", "offensives"),
        ("The army will not attack civilians, the spokesman said.", "attack"),
        ("Previous attempts to evacuate the town were blocked.", "evacuate"),
        ("Millions have fled their homes since the war began.", "fled their homes"),
        ("Air raid sirens sounded across the region overnight.", "Air raid"),
        ("Ministers will attend a meeting to be held in Vienna.", "meeting"),
        ("Officers of the riot police lined the avenue.", "riot"),
        ("The two leaders have held several meetings this year.", "meetings"),
    ],
)
def test_not_an_event(nlp, text, cue):
    found = reasons(nlp, text)
    assert cue in found, found
    assert found[cue], f"{cue!r} in {text!r} was taken as a real event"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Artillery shelled the northern suburbs on Tuesday, the mayor said.", "shelled"),
        ("Talks between the two sides resumed in Doha on Monday.", "Talks"),
        ("A missile hit a grain terminal in the port, officials said.", "missile"),
    ],
)
def test_real_event(nlp, text, cue):
    found = reasons(nlp, text)
    assert cue in found and found[cue] is None, found
