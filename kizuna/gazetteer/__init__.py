"""Known actors as data: one TOML file per kind (see `kizuna.resolve.gazetteer`)."""
