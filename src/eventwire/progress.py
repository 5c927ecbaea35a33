"""Progress of the long commands on stderr: a bar with articles/s on a terminal, else nothing
(the command prints its one-line summary at the end instead)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.progress import Task


def rate(count: int, seconds: float) -> str:
    """A rate as people read it: "0.4", "3.2", "27" (never "0" for a slow run)."""
    value = count / seconds if seconds > 0 else 0.0
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def _rate_column() -> Any:
    from rich.progress import ProgressColumn
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Articles per second over the run so far."""

        def render(self, task: Task) -> Text:
            elapsed = task.elapsed or 0.0
            return Text(f"{rate(int(task.completed), elapsed)} articles/s", style="progress.data")

    return RateColumn()


@contextmanager
def article_progress(
    label: str, total: int | None, show: bool | None = None
) -> Iterator[tuple[Any, Any]]:
    """A rich Progress on stderr and its one task, shown on a terminal unless `show` says;
    advance it with `progress.update(task, advance=1, counts="…")`. With `show` False, rich
    is not even imported (a one-paragraph extract starts without it)."""
    if show is False:
        yield _Quiet(), 0
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    show = console.is_terminal if show is None else show
    with Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        _rate_column(),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
        console=console,
        disable=not show,
    ) as progress:
        task = progress.add_task(label, total=total, counts="")
        yield progress, task


class _Quiet:
    """A progress that shows nothing."""

    def update(self, task: int, **fields: Any) -> None:
        pass
