"""Sidecar metadata: NAME.json beside an article gives its date, source, title and url."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.model import Article
from eventwire.read import InputError
from eventwire.read.inputs import read_inputs
from eventwire.read.sidecar import read_sidecar

STORY = "Russian forces shelled Kharkiv on Monday, killing two civilians, the governor said.\n"
OTHER = "Gunmen ambushed a supply convoy near Gao on Friday, killing two drivers, officials said.\n"
PAGE = b"""<!DOCTYPE html>
<html><head><title>Mortars hit Goma</title>
<meta property="og:site_name" content="Lake Kivu Post">
<meta property="article:published_time" content="2024-02-02T09:00:00Z"></head>
<body><nav>Home | Region</nav><article><h1>Mortars hit Goma</h1>
<p>Mortar rounds fell on a camp for displaced people outside Goma on Friday, killing four
people and wounding nine, the camp's manager said.</p><p>Aid groups suspended their work in the
camp for the rest of the day, a spokesman said.</p></article></body></html>
"""
OPTION = date(2022, 3, 20)
SIDECAR = {
    "published": "14 March 2022",
    "source": "Associated Press",
    "title": "Shelling in Kharkiv",
    "url": "https://example.org/kharkiv",
    "note": "fields it does not know are ignored",
}


def articles(paths: list[Path], **options: object) -> list[Article]:
    items = list(read_inputs([str(p) for p in paths], **options))  # type: ignore[arg-type]
    assert not [i for i in items if isinstance(i, InputError)]
    return [i for i in items if isinstance(i, Article)]


def test_a_sidecar_gives_the_text_its_metadata(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "a.json").write_text(json.dumps(SIDECAR))
    (article,) = articles([tmp_path / "a.txt"])
    assert (article.published, article.source, article.title, article.url) == (
        date(2022, 3, 14),
        "Associated Press",
        "Shelling in Kharkiv",
        "https://example.org/kharkiv",
    )


def test_a_mixed_folder_is_not_redated_by_one_option(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "a.json").write_text(json.dumps(SIDECAR))
    (tmp_path / "b.txt").write_text(OTHER)  # no sidecar: the option applies
    a, b = articles([tmp_path], published=OPTION, source="Wire")
    assert (a.published, a.source) == (date(2022, 3, 14), "Associated Press")
    assert (b.published, b.source) == (OPTION, "Wire")
    assert len([r for r in caplog.records if "published" in r.getMessage()]) == 1
    assert (
        f"{tmp_path / 'a.txt'}: published 2022-03-14 from the sidecar a.json,"
        " not --published (2022-03-20); --published-override forces --published" in caplog.text
    )


def test_published_override_forces_the_option(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "a.json").write_text(json.dumps(SIDECAR))
    (tmp_path / "page.html").write_bytes(PAGE)
    a, page = articles([tmp_path], published=OPTION, published_override=True)
    assert a.published == page.published == OPTION
    assert a.source == "Associated Press"  # only the date is forced


def test_the_pages_own_metadata_wins_over_its_sidecar(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "page.html").write_bytes(PAGE)
    (tmp_path / "page.json").write_text(json.dumps(SIDECAR))
    (page,) = articles([tmp_path / "page.html"], published=OPTION)
    assert (page.published, page.source) == (date(2024, 2, 2), "Lake Kivu Post")
    assert page.url == "https://example.org/kharkiv"  # the page names none
    assert "published 2024-02-02 from the page's own metadata, not the sidecar" in caplog.text


def test_a_bad_sidecar_is_warned_about_and_ignored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "a.json").write_text("{not json")
    (tmp_path / "b.txt").write_text(OTHER)
    (tmp_path / "b.json").write_text(json.dumps({"published": "03/04/2022", "source": 7}))
    a, b = articles([tmp_path], published=OPTION)
    assert a.published == b.published == OPTION and b.source is None
    assert f"{tmp_path / 'a.json'}: sidecar ignored (invalid JSON" in caplog.text
    assert f"{tmp_path / 'b.json'}: 'published' ignored: '03/04/2022' is ambiguous" in caplog.text
    assert f"{tmp_path / 'b.json'}: 'source' ignored (not a string)" in caplog.text


def test_no_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    assert read_sidecar(str(tmp_path / "a.txt")) is None
    (article,) = articles([tmp_path / "a.txt"])
    assert article.published is None and article.source is None
