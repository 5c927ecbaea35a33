from eventwire.extraction.notes import write_note


def test_note_in_acled_style():
    note = write_note(
        "2022-03-14",
        "Shelling/artillery/missile attack",
        "ASSAULT",
        "Military Forces of Russia (2000-)",
        None,
        "Kharkiv",
        "Kharkiv",
        2,
        5,
        "the governor",
        False,
    )
    assert note.startswith("On 14 March 2022, Military Forces of Russia (2000-) shelled")
    assert "in Kharkiv." in note and "2 killed, 5 injured." in note
    assert note.endswith("The claim could not be independently verified.")


def test_note_for_talks_and_unknown_date():
    note = write_note(
        None, "Other", "CONSULT", None, None, "Geneva", "Geneva", None, None, None, None
    )
    assert note == "On an unknown date, unidentified actors held talks in Geneva."
