"""Linking: entity resolution, fact keys and the graph."""
