"""Japanese language data files (TOML), read through `importlib.resources`."""
