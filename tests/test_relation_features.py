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


def test_the_subject_of_a_sentence_is_marked_for_its_clauses():
    # province-guangxi-2026: 北部湾港 opens the sentence whose clauses count its indicators
    text = "综合科考正式启动。北部湾港通达全球100多个国家及地区的200多个港口，集装箱航线突破百条。"
    port = (text.index("北部湾港"), text.index("北部湾港") + 4, "LOC")
    lines = (text.index("集装箱航线"), text.index("集装箱航线") + 5, "IND")
    f = features(text, [port, lines], Candidate(port, lines, "HAS_INDICATOR"))
    assert f["head_opens=sentence|HAS_INDICATOR"] == 1.0
    assert f["tail_opens=clause|HAS_INDICATOR"] == 1.0
    # a figure's head keeps the features it had: HAS_VALUE pairs get none of these
    fig = (text.index("百条"), text.index("百条") + 2, "FIG")
    assert not any(k.startswith(("head_opens", "tail_opens")) for k in features(
        text, [lines, fig], Candidate(lines, fig, "HAS_VALUE")))


def test_achieved_pairs_have_weights_of_their_own():
    # province-guangxi-2026: every ACHIEVED feature is repeated under its type
    text = "象州、宜州入选国家乡村振兴示范县。"
    place = (0, 2, "LOC")
    honour = (text.index("国家"), text.index("。"), "ACH")
    f = features(text, [place, honour], Candidate(place, honour, "ACHIEVED"))
    assert f["ACHIEVED|pair=LOC>ACH"] == 1.0 and f["ACHIEVED|trigger=入选"] == 1.0
    # province-hainan-2026: HAS_INDICATOR and HAS_VALUE pairs keep the shared features only
    text = "陵水黎安国际教育创新试验区初具规模，签约入驻国内外知名高校26所"
    zone = (0, 13, "LOC")
    ind = (text.index("国内外知名高校"), text.index("26所"), "IND")
    fig = (text.index("26所"), len(text), "FIG")
    spans = [zone, ind, fig]
    for cand in (Candidate(zone, ind, "HAS_INDICATOR"), Candidate(ind, fig, "HAS_VALUE")):
        assert not any("|" in k.split("=")[0] for k in features(text, spans, cand))


def test_refitting_the_relations_of_a_model_folder(tmp_path):
    import shutil

    from pipeline.paths import MODELS_DIR
    from pipeline.relations.model import RelationModel
    from pipeline.training.relations import main, relation_file

    folder = tmp_path / "hanlp-ner"
    folder.mkdir()
    for name in ("relations.pkl", "training.json"):
        shutil.copy(MODELS_DIR / "hanlp-ner" / name, folder / name)
    (folder / "relations.pkl").write_bytes(b"")  # what was there is replaced, not read
    assert relation_file(folder) == folder / "relations.pkl"
    assert main([str(folder)]) == 0
    model = RelationModel.load(folder / "relations.pkl")
    assert any(k.startswith("head_opens=") for k in model.weights)
    assert main([str(tmp_path / "missing")]) == 2


def _in_order(text: str, indicators: tuple[str, str], figures: tuple[str, str]) -> list[str]:
    """respectively_in_order of (first IND, first FIG), (second, second) and (second, first)."""
    first, second = ((text.index(x), text.index(x) + len(x), "IND") for x in indicators)
    a, b = ((text.index(x), text.index(x) + len(x), "FIG") for x in figures)
    spans = [first, second, a, b]
    return [next(k for k in features(text, spans, Candidate(head, tail, "HAS_VALUE")) if k.startswith("respectively"))
            for head, tail in ((first, a), (second, b), (second, a))]


def test_coordinated_indicators_and_their_figures_in_order_after_fenbie():
    # province-beijing-2026; quoted indicators coordinate too (province-shanghai-2026)
    expected = ["respectively_in_order=True", "respectively_in_order=True", "respectively_in_order=False"]
    assert _in_order("适龄儿童入园率和普惠率分别达96%和92%。", ("适龄儿童入园率", "普惠率"), ("96%", "92%")) == expected
    assert _in_order("“上海标准”、“上海品牌”分别新增12项和44项", ("上海标准", "上海品牌"), ("12项", "44项")) == expected
    # one indicator before 分别: no such feature
    ind, fig = (0, 6, "IND"), (10, 12, "FIG")
    assert not any(k.startswith("respectively")
                   for k in features("地区生产总值分别增长5%。", [ind, fig], Candidate(ind, fig, "HAS_VALUE")))


def test_names_coordinated_with_a_holder_hold_the_same_honour():
    from pipeline.relations.model import RelationModel

    # province-guangxi-2026: 新增梧州、北海、防城港跨境电商综合试验区 (each place holds the designation)
    text = "新增梧州、北海、防城港跨境电商综合试验区。"
    spans = [(2, 4, "LOC"), (5, 7, "LOC"), (8, 11, "LOC"), (11, 20, "ACH")]
    # a model that only believes the nearest name: the decoding adds the names coordinated with it
    model = RelationModel({"nearest_left": 4.0}, -2.0)
    got = sorted(text[c.head[0]:c.head[1]] for c, _ in model.predict(text, spans) if c.rel_type == "ACHIEVED")
    assert got == ["北海", "梧州", "防城港"]
    # 分别 pairs names off with honours: no coordination (province-hainan-2026, shortened)
    text = "海口、五指山分别入选美丽城市先行区、美丽乡村先行区。"
    spans = [(0, 2, "LOC"), (3, 6, "LOC"), (10, 17, "ACH"), (18, 25, "ACH")]
    got = {(text[c.head[0]:c.head[1]], text[c.tail[0]:c.tail[1]]) for c, _ in model.predict(text, spans)}
    assert ("海口", "美丽城市先行区") not in got


def test_respectively_over_indicators_each_with_a_figure_and_over_two_figures_each():
    def in_order(text, spans, head, tail):
        got = features(text, spans, Candidate(head, tail, "HAS_VALUE"))
        return [k for k in got if k.startswith("respectively")]

    def at(text, piece, label):
        return (text.index(piece), text.index(piece) + len(piece), label)

    # province-henan-2026: 接待国内游客4.16亿人次、入境游客936万人次，分别增长6.7%、39.6%
    text = "接待国内游客4.16亿人次、入境游客936万人次，分别增长6.7%、39.6%。"
    home, abroad = at(text, "国内游客", "IND"), at(text, "入境游客", "IND")
    spans = [home, at(text, "4.16亿人次", "FIG"), abroad, at(text, "936万人次", "FIG"),
             at(text, "6.7%", "FIG"), at(text, "39.6%", "FIG")]
    assert in_order(text, spans, home, spans[4]) == ["respectively_in_order=True"]
    assert in_order(text, spans, abroad, spans[4]) == ["respectively_in_order=False"]
    assert in_order(text, spans, abroad, spans[5]) == ["respectively_in_order=True"]
    # province-shanghai-2023: 认定跨国公司地区总部、外资研发中心分别从771家、481家增加到1076家、636家
    text = "跨国公司地区总部、外资研发中心分别从771家、481家增加到1076家、636家。"
    hq, lab = at(text, "跨国公司地区总部", "IND"), at(text, "外资研发中心", "IND")
    figures = [at(text, f, "FIG") for f in ("771家", "481家", "1076家", "636家")]
    spans = [hq, lab, *figures]
    assert in_order(text, spans, hq, figures[2]) == ["respectively_in_order=True"]
    assert in_order(text, spans, lab, figures[3]) == ["respectively_in_order=True"]
    assert in_order(text, spans, hq, figures[3]) == ["respectively_in_order=False"]
    # national-state-council-2005: two indicators each with its figure, joined by a comma
    text = "城镇居民人均可支配收入9422元，农村居民人均纯收入2936元，扣除价格因素，分别实际增长7.7%和6.8%"
    town, country = at(text, "城镇居民人均可支配收入", "IND"), at(text, "农村居民人均纯收入", "IND")
    figures = [at(text, f, "FIG") for f in ("9422元", "2936元", "7.7%", "6.8%")]
    spans = [town, figures[0], country, figures[1], figures[2], figures[3]]
    assert in_order(text, spans, town, figures[2]) == ["respectively_in_order=True"]
    assert in_order(text, spans, country, figures[2]) == ["respectively_in_order=False"]
    # province-hainan-2026: an indicator with its figure before a comma and a coordination without one is no run
    text = "城镇调查失业率5.2%，城镇、农村居民人均可支配收入分别增长3.4%、5.2%"
    rate, town = at(text, "城镇调查失业率", "IND"), at(text, "城镇、农村居民人均可支配收入", "IND")
    spans = [rate, at(text, "5.2%", "FIG"), town, at(text, "3.4%", "FIG"), (text.rindex("5.2%"), len(text), "FIG")]
    assert in_order(text, spans, rate, spans[3]) == []


def test_money_raised_for_a_project_named_after_it_has_that_project_as_head():
    from pipeline.relations.model import RelationModel

    # province-guangxi-2026: 筹措7亿元实施就业惠民工程，开展稳岗…
    text = "筹措7亿元实施就业惠民工程，开展稳岗扩岗行动。"
    money, works = (2, 5, "FIG"), (7, 13, "PROJ")
    model = RelationModel({}, -5.0)  # believes no pair: only the decoding step can link them
    got = [(text[c.head[0]:c.head[1]], text[c.tail[0]:c.tail[1]]) for c, _ in model.predict(text, [money, works])]
    assert got == [("就业惠民工程", "7亿元")]
    # money that is not raised or set aside (a result: 完成7亿元) keeps the classifier's decision
    text = "完成7亿元实施就业惠民工程，开展稳岗扩岗行动。"
    assert model.predict(text, [money, works]) == []


def test_a_total_has_the_indicator_just_counted_as_head():
    from pipeline.relations.model import RelationModel

    # province-anhui-2026: 新增境内上市公司62家，总数186家 (a recogniser marked 总数 as an IND too)
    text = "新增境内上市公司62家，总数186家、从全国第9位升至第7位。"
    listed, new, word, total = (2, 8, "IND"), (8, 11, "FIG"), (12, 14, "IND"), (14, 18, "FIG")
    assert text[word[0]:word[1]] == "总数" and text[total[0]:total[1]] == "186家"
    model = RelationModel({}, -5.0)  # believes no pair: only the decoding step can link them
    got = [(text[c.head[0]:c.head[1]], text[c.tail[0]:c.tail[1]])
           for c, _ in model.predict(text, [listed, new, word, total])]
    assert got == [("境内上市公司", "186家")]


def test_an_indicator_describing_the_name_after_its_figure_is_held_by_that_name():
    from pipeline.relations.model import RelationModel

    # province-shanxi-2026: 总投资超500亿元的晋北采煤沉陷区新能源基地加快建设
    text = "总投资超500亿元的晋北采煤沉陷区新能源基地加快建设。"
    investment, money, base = (0, 3, "IND"), (3, 9, "FIG"), (10, 22, "PROJ")
    assert text[money[0]:money[1]] == "超500亿元" and text[base[0]:base[1]] == "晋北采煤沉陷区新能源基地"
    model = RelationModel({}, -5.0)  # believes no pair: only the decoding step can link them

    def pairs(text: str) -> set[tuple[str, str]]:
        predicted = model.predict(text, [investment, money, base])
        return {(text[c.head[0]:c.head[1]], text[c.tail[0]:c.tail[1]]) for c, _ in predicted}

    assert ("晋北采煤沉陷区新能源基地", "总投资") in pairs(text)
    # without 的 the name is no longer described by the indicator (made up)
    assert ("晋北采煤沉陷区新能源基地", "总投资") not in pairs("总投资超500亿元，晋北采煤沉陷区新能源基地加快建设。")


def test_a_rank_after_a_figure_belongs_to_the_nearer_indicator():
    from pipeline.relations.candidates import Candidate, SortedSpans
    from pipeline.relations.model import beyond_a_figure

    def spans_of(text, *pieces):
        return [(text.index(p), text.index(p) + len(p), label) for p, label in pieces]

    # province-anhui-2026: 进出口总额突破万亿元、增速居全国第5位 (增速 holds the rank)
    text = "进出口总额突破万亿元、增速居全国第5位，"
    total, figure, rate, rank = spans_of(text, ("进出口总额", "IND"), ("万亿元", "FIG"), ("增速", "IND"),
                                         ("全国第5位", "ACH"))
    index = SortedSpans([total, figure, rate, rank])
    assert beyond_a_figure(text, index, Candidate(total, rank, "ACHIEVED"))
    assert not beyond_a_figure(text, index, Candidate(rate, rank, "ACHIEVED"))
    # province-chongqing-2026: 10所学校、12个专业群入选… (a coordination: both hold it)
    text = "10所学校、12个专业群入选国家第二期“双高建设计划”"
    schools, count, groups, plan = spans_of(text, ("学校", "IND"), ("12个", "FIG"), ("专业群", "IND"),
                                            ("国家第二期“双高建设计划”", "ACH"))
    index = SortedSpans([schools, count, groups, plan])
    assert not beyond_a_figure(text, index, Candidate(schools, plan, "ACHIEVED"))


def test_a_rank_given_to_all_by_jun_goes_to_every_indicator_of_the_run_before_it():
    from pipeline.relations.model import RelationModel

    def spans_of(text, *pieces):
        return [(text.index(p), text.index(p) + len(p), label) for p, label in pieces]

    # province-shandong-2026: 国家级数字领航企业18家、工业互联网平台46家，均居全国首位 (均: both hold the rank)
    text = "上天发射卫星137颗。国家级数字领航企业18家、工业互联网平台46家，均居全国首位。"
    spans = spans_of(text, ("卫星", "IND"), ("137颗", "FIG"), ("国家级数字领航企业", "IND"), ("18家", "FIG"),
                     ("工业互联网平台", "IND"), ("46家", "FIG"), ("全国首位", "ACH"))
    # a model that only believes the nearest indicator: 均 adds the rest of the run, not the previous sentence's
    model = RelationModel({"nearest_left": 4.0}, -2.0)
    got = sorted(text[c.head[0]:c.head[1]] for c, _ in model.predict(text, spans) if c.rel_type == "ACHIEVED")
    assert got == ["国家级数字领航企业", "工业互联网平台"]
    # province-jiangxi-2026: a comma inside the run ends it (the urbanisation rate is another fact)
    text = "常住人口城镇化率提高至64.8%，城市建成区园林绿化覆盖率、绿地率分别达46.84%、43.46%，均居全国第2，"
    spans = spans_of(text, ("常住人口城镇化率", "IND"), ("64.8%", "FIG"), ("城市建成区园林绿化覆盖率", "IND"),
                     ("绿地率", "IND"), ("46.84%", "FIG"), ("43.46%", "FIG"), ("全国第2", "ACH"))
    got = sorted(text[c.head[0]:c.head[1]] for c, _ in model.predict(text, spans) if c.rel_type == "ACHIEVED")
    assert "常住人口城镇化率" not in got and "城市建成区园林绿化覆盖率" in got
    text = "上天发射卫星137颗。国家级数字领航企业18家、工业互联网平台46家，均居全国首位。"
    text = text.replace("均居", "居")  # made up: without 均 the rank stays with the nearest
    spans = spans_of(text, ("卫星", "IND"), ("137颗", "FIG"), ("国家级数字领航企业", "IND"), ("18家", "FIG"),
                     ("工业互联网平台", "IND"), ("46家", "FIG"), ("全国首位", "ACH"))
    got = sorted(text[c.head[0]:c.head[1]] for c, _ in model.predict(text, spans) if c.rel_type == "ACHIEVED")
    assert got == ["工业互联网平台"]


def test_a_rank_right_after_an_indicators_figure_is_that_indicators():
    from pipeline.relations.model import RelationModel

    def spans_of(text, *pieces):
        return [(text.index(p), text.index(p) + len(p), label) for p, label in pieces]

    # a model that believes no pair: the rule alone links the rank
    model = RelationModel({}, -5.0)
    # province-shandong-2026
    text = "主要指标好于预期。农林牧渔业总产值超过1.3万亿元，稳居全国首位；"
    spans = spans_of(text, ("农林牧渔业总产值", "IND"), ("1.3万亿元", "FIG"), ("全国首位", "ACH"))
    got = [(text[c.head[0]:c.head[1]], text[c.tail[0]:c.tail[1]]) for c, _ in model.predict(text, spans)
           if c.rel_type == "ACHIEVED"]
    assert got == [("农林牧渔业总产值", "全国首位")]
    # province-hainan-2026: a run of years before the verb
    text = "全社会研发经费投入增速年均超20%，连续三年居全国第一。"
    spans = spans_of(text, ("全社会研发经费投入增速", "IND"), ("超20%", "FIG"), ("全国第一", "ACH"))
    assert [c.head for c, _ in model.predict(text, spans) if c.rel_type == "ACHIEVED"] == [spans[0]]
    # another verb between the figure and the honour is no rank of the indicator (made up)
    text = "农林牧渔业总产值超过1.3万亿元，获评全国首位。"
    spans = spans_of(text, ("农林牧渔业总产值", "IND"), ("1.3万亿元", "FIG"), ("全国首位", "ACH"))
    assert not [c for c, _ in model.predict(text, spans) if c.rel_type == "ACHIEVED"]


def test_a_share_of_a_whole_belongs_to_the_part():
    from pipeline.relations.model import RelationModel

    # national-state-council-1960: …已经有五百零四个县，占全国一千七百八十六个县的百分之二十八
    text = "已经有五百零四个县，占全国一千七百八十六个县的百分之二十八；"
    pieces = [("五百零四个", "FIG"), ("县", "IND"), ("一千七百八十六个", "FIG"), ("县", "IND"), ("百分之二十八", "FIG")]
    spans, at = [], 0
    for piece, label in pieces:
        start = text.index(piece, at)
        spans.append((start, start + len(piece), label))
        at = start + len(piece)
    model = RelationModel({}, -5.0)  # believes no pair: only the decoding step links the share
    got = [(c.head, text[c.tail[0]:c.tail[1]]) for c, _ in model.predict(text, spans)]
    assert got == [(spans[1], "百分之二十八")]  # the first 县, the part, not the whole's


def test_the_agent_of_a_passive_award_does_not_hold_it():
    from pipeline.relations.model import RelationModel

    # province-beijing-2026: 北京被联合国组织评为生物多样性魅力城市 (北京 holds it; the UN body gives it)
    text = "生态文明建设全面展开，北京被联合国组织评为生物多样性魅力城市。"
    beijing = (text.index("北京"), text.index("北京") + 2, "LOC")
    un = (text.index("联合国组织"), text.index("联合国组织") + 5, "ORG")
    honour = (text.index("生物多样性"), text.index("城市。") + 2, "ACH")
    model = RelationModel({}, 5.0)  # believes every pair: only the decoding step can refuse one
    got = {text[c.head[0]:c.head[1]] for c, _ in model.predict(text, [beijing, un, honour]) if c.rel_type == "ACHIEVED"}
    assert got == {"北京"}


def test_the_body_that_assesses_does_not_hold_the_grade():
    from pipeline.relations.model import RelationModel

    model = RelationModel({}, 5.0)  # believes every pair: only the decoding step can refuse one

    def holders(text: str, body: str, grade: str) -> set[str]:
        spans = [(text.index(body), text.index(body) + len(body), "ORG"),
                 (text.index(grade), text.index(grade) + len(grade), "ACH")]
        return {text[c.head[0]:c.head[1]] for c, _ in model.predict(text, spans) if c.rel_type == "ACHIEVED"}

    # province-guangdong-2026, province-jiangxi-2026: the State Council grades the province
    assert holders("最严格水资源管理制度，连续4年获国务院考核优秀等次。", "国务院", "优秀等次") == set()
    text = "赣江干流断面连续5年保持Ⅱ类水质，国务院实行最严格水资源管理制度考核连续7年优秀。"
    assert holders(text, "国务院", "优秀") == set()
    # made up: a body that wins without assessing holds the honour
    assert holders("国务院获评全国先进集体。", "国务院", "全国先进集体") == {"国务院"}


def test_an_honour_whose_own_clause_names_its_holder_is_not_held_from_an_earlier_clause():
    from pipeline.relations.model import RelationModel

    def holders(text, pieces):
        spans = [(text.index(p), text.index(p) + len(p), label) for p, label in pieces]
        model = RelationModel({}, 5.0)  # believes every pair: only the decoding step can refuse one
        return {text[c.head[0]:c.head[1]] for c, _ in model.predict(text, spans) if c.rel_type == "ACHIEVED"}

    # made up: the product in the honour's own clause holds it, not the indicator of the clause before
    text = "陶瓷产业总产值突破900亿元，醴陵陶瓷获评国家地理标志产品。"
    assert holders(text, [("陶瓷产业总产值", "IND"), ("900亿元", "FIG"), ("醴陵陶瓷", "LOC"),
                          ("国家地理标志产品", "ACH")]) == {"醴陵陶瓷"}
    # made up: with nothing named in its own clause, the holder of the honour may come before the comma
    text = "塞罕坝林场持续扩绿，荣获联合国“土地生命奖”。"
    assert holders(text, [("塞罕坝林场", "ORG"), ("联合国“土地生命奖”", "ACH")]) == {"塞罕坝林场"}


def test_names_listed_before_respectively_pair_off_with_the_honours_after_it():
    from pipeline.relations.model import RelationModel

    def pairs(text, pieces):
        spans = [(text.index(p), text.index(p) + len(p), label) for p, label in pieces]
        model = RelationModel({}, 5.0)  # believes every pair: only the decoding step can refuse one
        return {(text[c.head[0]:c.head[1]], text[c.tail[0]:c.tail[1]]) for c, _ in model.predict(text, spans)
                if c.rel_type == "ACHIEVED"}

    # province-hainan-2026 (the gold pairs them off)
    text = "海口、五指山分别入选全国首批美丽城市先行区、美丽乡村先行区。"
    assert pairs(text, [("海口", "LOC"), ("五指山", "LOC"), ("全国首批美丽城市先行区", "ACH"),
                        ("美丽乡村先行区", "ACH")]) == {("海口", "全国首批美丽城市先行区"),
                                                       ("五指山", "美丽乡村先行区")}
    # made up: ranks of a county report
    text = "浏阳市、宁乡市分别居第11位、第17位。"
    assert pairs(text, [("浏阳市", "LOC"), ("宁乡市", "LOC"), ("第11位", "ACH"), ("第17位", "ACH")]) == {
        ("浏阳市", "第11位"), ("宁乡市", "第17位")}
    # made up: without 分别 every name holds every honour
    text = "浏阳市、宁乡市入选全国百强县、全国文明城市。"
    assert len(pairs(text, [("浏阳市", "LOC"), ("宁乡市", "LOC"), ("全国百强县", "ACH"), ("全国文明城市", "ACH")])) == 4


def test_an_honour_coordinated_after_a_held_one_has_the_same_holders():
    from pipeline.relations.model import RelationModel

    def pairs(text, pieces):
        spans = [(text.index(p), text.index(p) + len(p), label) for p, label in pieces]
        model = RelationModel({}, -5.0)  # believes no pair: only the decoding steps link
        return {(text[c.head[0]:c.head[1]], text[c.tail[0]:c.tail[1]]) for c, _ in model.predict(text, spans)
                if c.rel_type == "ACHIEVED"}

    # made up, after the ranks of provincial reports: the rank right after the count's figure is its indicator's
    # (`ranked_after_its_figure`), and so is the rank coordinated with it
    text = "总数达到86家，居全国第8位、中部第1位。"
    got = pairs(text, [("总数", "IND"), ("86家", "FIG"), ("全国第8位", "ACH"), ("中部第1位", "ACH")])
    assert got == {("总数", "全国第8位"), ("总数", "中部第1位")}


def test_names_coordinated_with_the_holder_of_an_indicator_hold_it_too():
    from pipeline.relations.model import RelationModel

    def spans_of(text, *pieces):
        return [(text.index(p), text.index(p) + len(p), label) for p, label in pieces]

    model = RelationModel({"nearest_left": 4.0}, -2.0)  # believes only the nearest name
    # province-gansu-2026: 庆阳、酒泉经济总量突破千亿元 (the gold: both cities hold it; 43 of 44 such names do)
    text = "庆阳、酒泉经济总量突破千亿元。"
    spans = spans_of(text, ("庆阳", "LOC"), ("酒泉", "LOC"), ("经济总量", "IND"), ("千亿元", "FIG"))
    got = sorted(text[c.head[0]:c.head[1]] for c, _ in model.predict(text, spans) if c.rel_type == "HAS_INDICATOR")
    assert got == ["庆阳", "酒泉"]
    # province-beijing-2026: a count makes the names the members of what follows, not its holders
    text = "大运河、长城、西山永定河三条文化带建设扎实推进。"
    spans = spans_of(text, ("大运河", "LOC"), ("长城", "LOC"), ("西山永定河", "LOC"), ("三条", "FIG"),
                     ("文化带", "IND"))
    got = [text[c.head[0]:c.head[1]] for c, _ in model.predict(text, spans) if c.rel_type == "HAS_INDICATOR"]
    assert len(got) <= 1


def test_a_listed_name_summed_up_by_a_count_does_not_hold_the_indicator_counted():
    from pipeline.relations.model import RelationModel

    def spans_of(text, *pieces):
        return [(text.index(p), text.index(p) + len(p), label) for p, label in pieces]

    model = RelationModel({}, 5.0)  # believes every pair: only the decoding step can refuse one
    # national-state-council-1984: 广州、湛江、北海等十四个沿海港口城市 (the gold: 3 of 86 listed names hold it)
    text = "进一步开放广州、湛江、北海等十四个沿海港口城市和海南岛。"
    spans = spans_of(text, ("湛江", "LOC"), ("北海", "LOC"), ("十四个", "FIG"), ("沿海港口城市", "IND"))
    assert [c for c, _ in model.predict(text, spans) if c.rel_type == "HAS_INDICATOR"] == []
    # province-chongqing-2026: a name alone before the count holds what it counts
    text = "自贸试验区9项制度创新成果在全国集中复制推广。"
    spans = spans_of(text, ("自贸试验区", "LOC"), ("9项", "FIG"), ("制度创新成果", "IND"))
    got = [text[c.head[0]:c.head[1]] for c, _ in model.predict(text, spans) if c.rel_type == "HAS_INDICATOR"]
    assert got == ["自贸试验区"]


def test_a_quoted_example_before_deng_or_a_helper_does_not_hold_the_indicator():
    from pipeline.relations.model import RelationModel

    def holders(text, *pieces):
        spans = [(text.index(p), text.index(p) + len(p), label) for p, label in pieces]
        return [text[c.head[0]:c.head[1]] for c, _ in RelationModel({}, 5.0).predict(text, spans)
                if c.rel_type == "HAS_INDICATOR"]

    # province-fujian-2026, national-state-council-1955 (the gold: 43 and 22 such pairs, none linked)
    assert holders("开展“全闽乐购”等促消费活动近万场", ("全闽乐购", "PROJ"), ("促消费活动", "IND"),
                   ("近万场", "FIG")) == []
    assert holders("苏联帮助我国建设的一百五十六个工业单位", ("苏联", "LOC"), ("一百五十六个", "FIG"),
                   ("工业单位", "IND")) == []
    # made up: the name itself holds it
    assert holders("“全闽乐购”活动带动消费791亿元", ("全闽乐购", "PROJ"), ("带动消费", "IND"), ("791亿元", "FIG")) == [
        "全闽乐购"]


def test_a_total_after_a_change_is_the_same_indicators_unless_it_adds_more():
    from pipeline.relations.model import RelationModel

    def spans_of(text, *pieces):
        return [(text.index(p), text.index(p) + len(p), label) for p, label in pieces]

    model = RelationModel({}, -5.0)  # believes no pair: only the decoding step can link them
    # province-guangxi-2026: the total is the trade's (a recogniser marked the word 总额 too)
    text = "外贸进出口增长8.4%，总额突破8000亿元、排西部第二。"
    spans = spans_of(text, ("外贸进出口", "IND"), ("8.4%", "FIG"), ("总额", "IND"), ("8000亿元", "FIG"))
    got = [(text[c.head[0]:c.head[1]], text[c.tail[0]:c.tail[1]]) for c, _ in model.predict(text, spans)]
    assert got == [("外贸进出口", "8000亿元")]
    # national-state-council-1979: 加上… makes the total a sum of more than the share before it
    text = ("今年政府对农业的投资比重由去年的百分之十点七提高到百分之十四，"
            "加上用于农业的其他各项资金，总额达到一百七十四亿元。")
    spans = spans_of(text, ("政府对农业的投资比重", "IND"), ("百分之十四", "FIG"), ("一百七十四亿元", "FIG"))
    got = [(text[c.head[0]:c.head[1]], text[c.tail[0]:c.tail[1]]) for c, _ in model.predict(text, spans)]
    assert ("政府对农业的投资比重", "一百七十四亿元") not in got


def test_the_state_council_holds_the_bills_and_regulations_it_counts():
    from pipeline.relations.model import RelationModel

    model = RelationModel({}, -5.0)  # believes no pair: only the decoding step can link them

    def holders(text: str, names: list[tuple[str, str]]) -> set[tuple[str, str]]:
        spans, at = [], 0
        for name, label in names:
            at = text.index(name, at)
            spans.append((at, at + len(name), label))
            at += len(name)
        return {(text[c.head[0]:c.head[1]], text[c.tail[0]:c.tail[1]] + f"@{c.tail[0]}")
                for c, _ in model.predict(text, spans) if c.rel_type == "HAS_INDICATOR"}

    # national-state-council-2009: the Standing Committee stands nearer, the State Council puts them forward
    text = "国务院提请全国人大常委会审议了社会保险法、防震减灾法等8件法律议案，制定或修订了30件行政法规。"
    names = [("国务院", "ORG"), ("全国人大常委会", "ORG"), ("8件", "FIG"), ("法律议案", "IND"), ("30件", "FIG"),
             ("行政法规", "IND")]
    assert holders(text, names) == {("国务院", f"法律议案@{text.index('法律议案')}"),
                                    ("国务院", f"行政法规@{text.index('行政法规')}")}
    # national-state-council-2003: a later count of regulations is what was cleared, not made
    text = ("国务院提出法律议案50件，颁布行政法规150件；适应发展社会主义市场经济和加入世贸组织的要求，"
            "对2000年底以前发布的756件行政法规进行全面清理。")
    names = [("国务院", "ORG"), ("法律议案", "IND"), ("50件", "FIG"), ("行政法规", "IND"), ("150件", "FIG"),
             ("756件", "FIG"), ("行政法规", "IND")]
    assert holders(text, names) == {("国务院", f"法律议案@{text.index('法律议案')}"),
                                    ("国务院", f"行政法规@{text.index('行政法规')}")}
