"""spaCy components of the report pipeline, in the order they run.

Importing this package registers their factories with spaCy.
"""

from pipeline.components import entity_rules, extensions, figure_recognizer, relation_rules  # noqa: F401
