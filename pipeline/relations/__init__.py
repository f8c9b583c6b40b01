"""Relation extraction: candidate (head, tail) pairs within a sentence and their features."""
