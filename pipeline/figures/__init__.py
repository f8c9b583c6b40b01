"""Figures: finding quantities in report text and normalising them to value/unit/qualifier/change."""

from pipeline.figures.grammar import FigureMatch, find_figures, parse_figure
from pipeline.figures.normalise import Figure, normalise_figure, normalise_span

__all__ = ["Figure", "FigureMatch", "find_figures", "normalise_figure", "normalise_span", "parse_figure"]
