"""Keeping the record current: poll feeds and pages, read each new item once, store it.

    config.load_sources / config.WatchedSource   what to poll, how often, with what defaults
    polite.PoliteClient                           conditional GETs, robots.txt, a pause per host
    rounds.run_round                              one pass over the sources that are due
    loop.watch                                    rounds until stopped (SIGTERM, Ctrl-C) or --once

Its state (validators, failures, items read) lives in the store (`store.watching`), so a
restart resumes where the last run stopped.
"""
