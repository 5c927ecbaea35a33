"""eventwire: war and crisis news reports in, geolocated, source-attributed event data out."""
