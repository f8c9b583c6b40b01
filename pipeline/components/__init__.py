"""spaCy components of the report pipeline, in the order they run.

Importing this package registers their factories with spaCy.
"""

from pipeline.components import (  # noqa: F401
    destinations,
    enterprise_lists,
    entity_rules,
    events,
    extensions,
    figure_normaliser,
    figure_recognizer,
    government_bodies,
    honours,
    institutions,
    project_lists,
    regions,
    relation_classifier,
    relation_rules,
    scenic_spots,
    span_constraints,
    transport_hubs,
)
