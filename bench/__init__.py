"""Benchmarks: one script per stage, scored on ../shared/data beside the peer tools.

The data is read in place and never copied into the repository; every script
exits 0 with a message when the data folder is absent.
"""
