import pytest

import pipeline


@pytest.fixture(scope="session")
def nlp_rules():
    """The rule baseline with the shipped segmenter."""
    return pipeline.load("rules")
