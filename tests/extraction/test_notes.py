from events import make_event
from eventwire.extraction.notes import write_note


def test_note_in_acled_style():
    note = write_note(
        make_event(
            event_date="2022-03-14",
            actor2=None,
            admin1="Kharkiv",
            location="Kharkiv",
            fatalities=2,
            injuries=5,
            verified=False,
        )
    )
    assert note.startswith("On 14 March 2022, Military Forces of Russia (2000-) shelled")
    assert "shelled or fired missiles in Kharkiv." in note and "2 killed, 5 injured." in note
    assert note.endswith("The claim could not be independently verified.")


def test_note_for_talks_and_unknown_date():
    note = write_note(
        make_event(
            event_date=None,
            sub_event_type="Other",
            plover="CONSULT",
            actor1=None,
            actor2=None,
            location="Geneva",
            admin1="Geneva",
            fatalities=None,
            claimed_by=None,
        )
    )
    assert note == "On an unknown date, unidentified actors held talks in Geneva."
