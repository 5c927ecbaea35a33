"""Coding: the trained event coder and the ACLED/PLOVER coding of a mention."""
