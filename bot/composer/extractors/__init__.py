"""Typed answer extractors: each proposes candidates of one kind from a sentence."""
