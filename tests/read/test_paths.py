"""Reading files, directories and stdin as text or JSON Lines; bad items reported, rest read."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.model import Article, text_id
from eventwire.read import InputError, read_paths

ONE = "Russian missiles struck an airfield near Vinnytsia on Sunday, the air force said."
TWO = "Two soldiers were killed when their vehicle hit a mine near Bakhmut."
THREE = "Protesters blocked the main road into the city for the third day in a row."
DAY = date(2022, 3, 14)


def collect(items: list[Article | InputError]) -> tuple[list[Article], list[InputError]]:
    return [i for i in items if isinstance(i, Article)], [
        i for i in items if isinstance(i, InputError)
    ]


def test_text_files_with_options(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ONE)
    (tmp_path / "b.txt").write_text(TWO)
    paths = [str(tmp_path / "b.txt"), str(tmp_path / "a.txt")]
    items = list(read_paths(paths, published=DAY, source="Wire"))
    assert [a.text for a in items if isinstance(a, Article)] == [TWO, ONE]
    assert all(isinstance(a, Article) and (a.published, a.source) == (DAY, "Wire") for a in items)


def test_jsonl_batch_with_bad_lines(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    lines = [
        json.dumps({"id": "a1", "text": ONE, "published": "2022-03-13", "source": "AP"}).encode(),
        b'{"id": "bad-json", "text": "Shelling kills two",',
        json.dumps({"id": "a2", "text": TWO}).encode(),
        json.dumps({"id": "no-text", "title": "Shelling kills two"}).encode(),
        b"",  # a blank line is skipped
        b"\x89PNG\r\x1a\x00\x00\x00\rIHDR\x00\xff",
        json.dumps(
            {"id": "fr", "text": "Deux civils ont été tués dans la nuit à Kherson."}
        ).encode(),
        json.dumps({"id": 7, "text": THREE, "published": "2022-03-15T08:30:00Z"}).encode(),
        json.dumps({"id": "a4", "text": TWO, "published": "7:58 AM ET"}).encode(),
        json.dumps(["not", "an", "object"]).encode(),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_paths([str(path)], published=DAY, source="Wire", input_format="jsonl"))
    articles, errors = collect(items)
    assert [(a.article_id, a.published, a.source) for a in articles] == [
        ("a1", date(2022, 3, 13), "AP"),
        ("a2", DAY, "Wire"),
        ("7", date(2022, 3, 15), "Wire"),
        ("a4", DAY, "Wire"),  # a 'published' naming no day is ignored, with a warning
    ]
    assert [a.text for a in articles] == [ONE, TWO, THREE, TWO]
    assert f"{path}:9: 'published' ignored: '7:58 AM ET' names no single day" in caplog.text
    where = {e.source.rsplit(":", 1)[1]: str(e) for e in errors}
    assert where["2"].startswith("invalid JSON: ")
    assert where["4"] == "missing 'text'"
    assert where["6"].startswith("binary data")
    assert where["7"] == "not English (looks like French)"
    assert where["10"] == "not a JSON object but an array"
    assert all(e.source.startswith(str(path) + ":") for e in errors)
    # items come out in input order
    order = [i.article_id if isinstance(i, Article) else i.source for i in items]
    assert order[:3] == ["a1", f"{path}:2", "a2"]


def test_jsonl_published_as_written(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    lines = [
        {"id": "a", "text": ONE, "published": "14 March 2022"},
        {"id": "b", "text": TWO, "published": "Mar 14, 2022"},
        {"id": "c", "text": THREE, "published": "03/04/2022"},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    articles, _ = collect(list(read_paths([str(path)], input_format="jsonl")))
    assert [a.published for a in articles] == [date(2022, 3, 14), date(2022, 3, 14), None]
    assert f"{path}:3: 'published' ignored: '03/04/2022' is ambiguous" in caplog.text


def test_jsonl_without_id_gets_text_hash() -> None:
    stdin = io.BytesIO(json.dumps({"text": ONE}).encode() + b"\n")
    [article] = read_paths(["-"], input_format="jsonl", stdin=stdin)
    assert isinstance(article, Article) and article.article_id == text_id(ONE)


def test_stdin_text_and_errors_named_stdin() -> None:
    [article] = read_paths(["-"], stdin=io.BytesIO(ONE.encode()))
    assert isinstance(article, Article) and article.text == ONE
    [error] = read_paths(["-"], stdin=io.BytesIO(b"  \n"))
    assert isinstance(error, InputError) and error.source == "<stdin>"
    [error] = read_paths(["-"], input_format="jsonl", stdin=io.BytesIO(b"{\n"))
    assert isinstance(error, InputError) and error.source == "<stdin>:1"


def test_stdin_too_large() -> None:
    stdin = io.BytesIO(b"Shelling kills two in eastern city. " * 300_000)
    [error] = read_paths(["-"], stdin=stdin)
    assert isinstance(error, InputError) and str(error) == "too large: 10.8 MB (limit 5 MB)"


def test_large_file_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as out:
        out.truncate(10_500_000)  # sparse: the size alone must refuse it
    [error] = read_paths([str(path)])
    assert isinstance(error, InputError) and str(error) == "too large: 10.5 MB (limit 5 MB)"


def test_directory_recursed_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(TWO)
    (tmp_path / "a.txt").write_text(ONE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text(json.dumps({"id": "c1", "text": THREE}) + "\n")
    (tmp_path / "sub" / "empty.txt").write_text("")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("ignored")
    items = list(read_paths([str(tmp_path)]))
    articles, errors = collect(items)
    assert [a.text for a in articles] == [ONE, TWO, THREE]
    assert articles[2].article_id == "c1"
    assert [(e.source, str(e)) for e in errors] == [
        (str(tmp_path / "sub" / "empty.txt"), "empty input")
    ]


def test_missing_file_and_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "ok.txt").write_text(ONE)
    items = list(
        read_paths([str(tmp_path / "nope.txt"), str(tmp_path / "empty"), str(tmp_path / "ok.txt")])
    )
    assert isinstance(items[0], InputError) and str(items[0]) == "no such file or directory"
    assert isinstance(items[1], InputError) and "no .txt or .jsonl" in str(items[1])
    assert isinstance(items[2], Article)


def test_gzip_jsonl_is_one_error(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "batch.jsonl"
    path.write_bytes(gzip.compress((json.dumps({"text": ONE}) + "\n").encode() * 50))
    [error] = read_paths([str(path)], input_format="jsonl")
    assert isinstance(error, InputError) and "gzip" in str(error) and error.source == str(path)


def test_empty_jsonl() -> None:
    [error] = read_paths(["-"], input_format="jsonl", stdin=io.BytesIO(b"\n\n"))
    assert isinstance(error, InputError) and str(error).startswith("empty input")


def test_unknown_input_format() -> None:
    with pytest.raises(ValueError):
        list(read_paths(["-"], input_format="xml"))


def test_articles_know_where_they_were_read_from(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ONE)
    batch = tmp_path / "b.jsonl"
    batch.write_text(
        json.dumps({"id": "given", "text": TWO}) + "\n" + json.dumps({"text": THREE}) + "\n"
    )
    a, given, unnamed = collect(list(read_paths([str(tmp_path)])))[0]
    assert (a.name, a.reference()) == (str(tmp_path / "a.txt"), str(tmp_path / "a.txt"))
    assert given.reference() == "given"  # the id given wins
    assert unnamed.reference() == f"{batch}:2"
    assert Article(text=ONE, url="https://example.org/a").reference() == "https://example.org/a"
    assert Article(text=ONE).reference() == Article(text=ONE).article_id  # nothing else: the hash
