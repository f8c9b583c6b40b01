"""Map a HanLP tagger's labels to the project's schema (`pipeline.schema.SPAN_LABELS`).

A model trained by `pipeline.training.hanlp_ner` already speaks our labels. A pretrained HanLP NER
(MSRA: NR/NS/NT; OntoNotes: PERSON/GPE/ORG…; PKU/People's Daily: nr/ns/nt) does not: places map to LOC,
organisations to ORG or ENT, people are not spans in our schema (corpus/GUIDELINES.md), and anything
else (dates, money, percents) is left to the figure grammar, which also normalises what it finds.
"""

from __future__ import annotations

import re

from pipeline.schema import SPAN_LABELS

ORG_TAGS = frozenset({"NT", "ORG", "ORGANIZATION", "ORGANISATION"})
LOC_TAGS = frozenset({"NS", "LOC", "LOCATION", "GPE", "FAC"})
DROPPED_TAGS = frozenset({"NR", "PER", "PERSON"})

# An organisation whose name ends like a business is an enterprise (GUIDELINES: ENT = companies and groups,
# and the gold corpus labels commercial and policy banks ENT); central banks, the World Bank and the
# G20 (二十国集团) are public bodies (ORG in the gold corpus), hence the exceptions.
ENT_NAME = re.compile("(?:公司|集团|股份|银行|商行|酒店|厂)$|有限|控股")
NOT_ENT = re.compile("(?:人民银行|中央银行|世界银行|国家银行|国集团)$")


def org_or_ent(text: str) -> str:
    """ENT for a business name (…公司, …集团, …股份, a bank), ORG otherwise."""
    return "ENT" if ENT_NAME.search(text) and not NOT_ENT.search(text) else "ORG"


def map_label(tag: str, text: str) -> str | None:
    """Our label for a span a HanLP model tagged `tag`, or None when the schema has no such span.

    Our own labels pass through, except that an ORG with a business name becomes ENT: the corpus has few
    ENT examples (about one in fifteen ORG/ENT spans), so the tagger tends to call companies ORG."""
    if tag == "ORG":
        return org_or_ent(text)
    if tag in SPAN_LABELS:
        return tag
    upper = tag.upper()
    if upper in ORG_TAGS:
        return org_or_ent(text)
    if upper in LOC_TAGS:
        return "LOC"
    return None
