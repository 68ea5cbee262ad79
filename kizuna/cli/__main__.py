"""`python -m kizuna.cli …` runs the command line."""

from kizuna.cli import main

main()
