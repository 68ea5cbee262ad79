"""Tests of the store: schema, migrations, writer and queries."""
