"""Bytes and text checked into Articles, bad input refused with a one-line message."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from eventwire.model import text_id
from eventwire.read import MAX_BYTES, InputError, article_from_bytes, validate_text
from eventwire.read.articles import parse_day, publication_date

STORY = (
    "Russian forces shelled the southern city of Mykolaiv overnight, killing two civilians"
    " and wounding five, the regional governor said on Monday."
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def refusal(data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        article_from_bytes(data, name="in.txt")
    assert caught.value.source == "in.txt"
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_article_from_utf8_bytes() -> None:
    article = article_from_bytes(
        STORY.encode(), name="a.txt", published=date(2022, 3, 14), source="Wire", url="u"
    )
    assert article.text == STORY
    assert article.article_id == text_id(STORY)
    assert (article.published, article.source, article.url, article.language) == (
        date(2022, 3, 14),
        "Wire",
        "u",
        "en",
    )


def test_bom_is_dropped_and_given_id_kept() -> None:
    article = article_from_bytes(b"\xef\xbb\xbf" + STORY.encode(), name="a", article_id="x1")
    assert article.text == STORY and article.article_id == "x1"


def test_short_english_headline_passes() -> None:
    assert article_from_bytes(b"Shelling kills two in eastern city", name="h").text


def test_empty() -> None:
    assert refusal(b"") == "empty input"


def test_whitespace_only() -> None:
    assert refusal(b" \n\t\r\n  ") == "empty input (only whitespace)"


def test_png_is_binary() -> None:
    assert refusal(PNG) == "binary data (a PNG image)"


def test_nul_bytes_are_binary() -> None:
    assert refusal(b"Shelling kills two\x00\x00\x01in eastern city") == "binary data (NUL bytes)"


def test_gzip_and_utf16_are_named() -> None:
    assert "gzip" in refusal(b"\x1f\x8b\x08\x00junk")
    assert "UTF-16" in refusal(STORY.encode("utf-16"))


def test_latin1_is_not_utf8() -> None:
    data = "Shelling hit the café district of Kherson.".encode("latin-1")
    assert refusal(data) == "not UTF-8 text (byte 0xe9 at offset 20)"


def test_ten_megabytes_is_too_large() -> None:
    data = (STORY + "\n").encode() * (10_500_000 // (len(STORY) + 1) + 1)
    assert len(data) > 2 * MAX_BYTES
    assert refusal(data) == f"too large: {len(data) / 1e6:.1f} MB (limit 5 MB)"


def test_cyrillic() -> None:
    text = "Унаслідок обстрілу Миколаєва загинули двоє цивільних, ще п'ятеро поранені."
    assert refusal(text.encode()) == "not English (looks like Cyrillic/Ukrainian)"


def test_french_and_german() -> None:
    french = "Deux civils ont été tués dans la nuit par des frappes russes sur Mykolaïv."
    german = "In der Nacht wurden bei russischen Angriffen auf Mykolajiw zwei Zivilisten getötet."
    assert refusal(french.encode()) == "not English (looks like French)"
    assert refusal(german.encode()) == "not English (looks like German)"


def test_validate_text() -> None:
    validate_text(STORY)
    for bad in ("", "   ", "a\x00b c d", "Les forces russes ont bombardé la ville de Kherson."):
        with pytest.raises(InputError) as caught:
            validate_text(bad)
        assert caught.value.source == "<text>"


def test_control_characters_are_binary() -> None:
    with pytest.raises(InputError, match="control characters"):
        validate_text("Shelling\x01\x02\x03\x04 kills two\x05\x06\x07\x08")


def test_error_survives_pickling() -> None:
    err = pickle.loads(pickle.dumps(InputError("empty input", "<stdin>:3")))
    assert (str(err), err.source) == ("empty input", "<stdin>:3")
    assert isinstance(err, ValueError)


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2022-03-14", date(2022, 3, 14)),
        ("2022-03-14T23:30:00-05:00", date(2022, 3, 14)),  # the day as written
        ("Dec 17, 2016 5:05 PM", date(2016, 12, 17)),
        ("17 December 2016", date(2016, 12, 17)),
        ("DEC. 14, 2016", date(2016, 12, 14)),
        ("8:56 AM, Dec 12, 2016", date(2016, 12, 12)),
        ("Mon, 14 Mar 2022 10:00:00 GMT", date(2022, 3, 14)),
        ("11/28/2016", date(2016, 11, 28)),
        ("15/03/2022", date(2022, 3, 15)),
        ("7:58 AM ET", None),  # a time, no day
        ("March 2022", None),  # a month, no day
        ("2022", None),
        ("03/04/2022", None),  # 3 April or 4 March
        ("yesterday", None),
        ("", None),
    ],
)
def test_publication_date(value: str, day: date | None) -> None:
    assert publication_date(value) == day


@pytest.mark.parametrize("value", ["14 March 2022", "2022-03-14", "Mar 14, 2022", "March 14 2022"])
def test_parse_day_takes_the_forms_people_write(value: str) -> None:
    assert parse_day(value) == date(2022, 3, 14)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("03/04/2022", "'03/04/2022' is ambiguous: 4 March 2022 or 3 April 2022?"),
        ("March 2022", "names no single day"),
        ("soon", "not a date: 'soon'"),
        ("2022-02-30", "not a date"),
    ],
)
def test_parse_day_refuses_with_a_reason(value: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_day(value)
    assert message in str(caught.value) and "YYYY-MM-DD" in str(caught.value)
