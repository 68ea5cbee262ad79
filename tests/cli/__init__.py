"""Tests of the ingest flow and the command line over the store."""
