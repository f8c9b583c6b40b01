"""Features of the relation classifier on real report phrases."""

from pipeline.relations.candidates import Candidate, features


def test_a_name_before_deng_is_marked_as_a_list_example():
    # province-henan-2026: 南阳 is one of the 4 cities, not their holder
    text = "加快南阳等4个国家现代流通战略支点城市建设"
    loc = (2, 4, "LOC")
    ind = (text.index("国家"), text.index("城市") + 2, "IND")
    f = features(text, [loc, ind], Candidate(loc, ind, "HAS_INDICATOR"))
    assert f["head_lists_deng=True"] == 1.0
    # province-henan-2026: 郑州机场 holds the indicator that follows it
    text = "郑州机场年货邮吞吐量突破100万吨。"
    org = (0, 4, "PROJ")
    ind = (4, 10, "IND")
    assert features(text, [org, ind], Candidate(org, ind, "HAS_INDICATOR"))["head_lists_deng=False"] == 1.0
