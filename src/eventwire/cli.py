"""The `eventwire` command: a thin click skin over the Python API."""

from __future__ import annotations

import click


@click.group()
@click.version_option(package_name="eventwire")
def main() -> None:
    """War and crisis news reports in, geolocated, source-attributed event data out."""


# Each command below calls one documented function of the package.
# extract: owned by the extraction core (eventwire.pipeline)
# geocode: owned by the geoparser (eventwire.geo)
# eval:    owned by eventwire.evaluate
