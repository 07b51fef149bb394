"""Snapshot (golden-file) tests of every output format."""
