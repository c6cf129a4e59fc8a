"""Benchmarks and the corpus generator: run from the repository root, never installed."""
