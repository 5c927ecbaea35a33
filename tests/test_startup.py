"""Start-up: `--help`, input errors and the store's commands load neither spaCy nor the model
(issue 14: an empty input's error came after about 4 s of model loading)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")
HEAVY = ("spacy", "thinc", "onnxruntime", "pandas", "numpy", "eventwire.pipeline")


def _run(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )


def _loaded_after(code: str) -> list[str]:
    """The heavy modules in sys.modules once `code` has run in a fresh interpreter."""
    probe = f"{code}\nimport sys\nprint('loaded:', *(m for m in {HEAVY!r} if m in sys.modules))"
    result = _run(probe)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1].split()[1:]


def _cli(*args: str) -> str:
    """Run `eventwire ARGS` in-process inside a fresh interpreter, without exiting it."""
    return (
        "from click.testing import CliRunner\n"
        "from eventwire.cli import main\n"
        f"r = CliRunner().invoke(main, {list(args)!r})\n"
        "print(r.exit_code, repr(r.output))\n"
    )


def test_importing_the_package_and_its_cli_loads_no_model() -> None:
    assert _loaded_after("import eventwire, eventwire.cli") == []


def test_export_and_store_modules_load_no_model() -> None:
    assert _loaded_after("import eventwire.export, eventwire.store") == []


def test_help_loads_no_model() -> None:
    assert _loaded_after(_cli("--help")) == []


def test_empty_input_fails_without_loading_the_model(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    env = {**os.environ, "PYTHONPATH": SRC}
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "eventwire", "extract", str(empty)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if not line.startswith("import time:")]
    assert errors == [f"eventwire: {empty}: empty input"]
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert not imported & set(HEAVY)


def test_events_of_a_store_loads_no_model(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite"
    create = f"from eventwire.store import open_store\nopen_store({str(db)!r}).close()\n"
    code = create + _cli("events", "--db", str(db), "--limit", "5")
    assert _loaded_after(code) == []


def test_spacy_is_imported_without_its_command_line() -> None:
    # spaCy's __init__ imports its CLI (typer, rich, httpx, weasel: ~0.5 s); eventwire skips it,
    # and spacy.info and `import spacy.cli` still work
    code = (
        "import sys, eventwire, spacy\n"
        "print(sorted(m for m in ('spacy.cli', 'typer', 'rich', 'weasel') if m in sys.modules))\n"
        "print(spacy.info()['spacy_version'] == spacy.__version__)\n"
        "import spacy.cli\n"
        "print(callable(spacy.cli.download))\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[]", "True", "True"]


def test_spacys_schemas_are_built_on_first_use_and_validate_as_ever() -> None:
    # pydantic's models made while spaCy is imported build their validators when first used
    # (~0.06 s of the import); pydantic's own default is as it was once spaCy is imported
    code = (
        "import eventwire, spacy, pydantic\n"
        "from spacy.schemas import validate_token_pattern\n"
        "print('defer_build' in pydantic.BaseModel.model_config)\n"
        "print(validate_token_pattern([{'ORTH': 'a'}]), validate_token_pattern([{'XX': 1}]))\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "False",
        "[] ['[pattern -> 0 -> XX] Extra inputs are not permitted']",
    ]
