"""Enterprise lists (`govreport_enterprise_lists`), on sentences of real reports."""

import spacy

from pipeline.components.enterprise_lists import enterprise_members


def members(text):
    return [text[s:e] for s, e in enterprise_members(text)]


def after_component(text, marked, label):
    """(text, label) of the entities after the component, where a recogniser had marked `marked` as `label`."""
    nlp = spacy.blank("zh")
    nlp.add_pipe("govreport_enterprise_lists")
    doc = nlp.make_doc(text)
    start = text.index(marked)
    doc.ents = [doc.char_span(start, start + len(marked), label, alignment_mode="expand")]
    return [(e.text, e.label_) for e in nlp(doc).ents]


def test_members_of_a_list_of_leading_firms():
    # province-henan-2026
    text = ("支持超聚变、中创智领、许继、平高等领军企业全面提升产业科技创新能力，"
            "支持平煤神马、洛轴等龙头企业牵头组建创新联合体。")
    assert members(text) == ["超聚变", "中创智领", "许继", "平高", "平煤神马", "洛轴"]


def test_a_count_of_firms_makes_a_list_of_firms():
    # district-zhuzhou-shifeng-2023
    text = "中车天力锻业、联诚电气科技等4家企业上榜国家级重点或国家级“小巨人”"
    assert members(text) == ["中车天力锻业", "联诚电气科技"]


def test_a_list_of_sectors_is_not_a_list_of_firms():
    # national-state-council-2012
    text = "突出抓好工业、交通、建筑、公共机构、居民生活等重点领域和千家重点耗能企业节能减排"
    assert members(text) == []


def test_central_and_provincial_state_firms_make_lists_of_firms():
    # province-beijing-2026, province-chongqing-2026
    assert members("服务保障中国中化、中国华能等一批中央企业迁入雄安") == ["中国中化", "中国华能"]
    assert members("引入国机集团、中国通用、中国国新等央企战略力量联合发") == ["国机集团", "中国通用", "中国国新"]
    # province-shanghai-2024: a bare 国企 after fields names no firms
    assert members("持续推进土地、园区等国企存量资产盘活") == []
    # province-chongqing-2026: a trade's word for its firms names firms too, a place read there gives way
    assert members("新长安”品牌，支持赛力斯、长城等车企提质放量") == ["赛力斯", "长城"]
    assert after_component("支持赛力斯、长城等车企提质放量", "长城", "LOC") == [("赛力斯", "ENT"), ("长城", "ENT")]


def test_the_component_relabels_and_replaces_recogniser_spans():
    nlp = spacy.blank("zh")
    nlp.add_pipe("govreport_enterprise_lists")
    text = "牧原、宇通、华兰等一批龙头企业向强而跃。"  # province-henan-2026
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(0, 2, "LOC", alignment_mode="expand")]
    doc = nlp(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("牧原", "ENT"), ("宇通", "ENT"), ("华兰", "ENT")]


def test_a_firm_word_after_a_batch_still_makes_a_list_of_firms():
    # province-henan-2026: 一批 before the firm word left the firm word unread
    text = "培育了超聚变、中创智领等一批行业领军企业，集聚了比亚迪、宁德时代等一批世界一流企业。"
    assert members(text) == ["超聚变", "中创智领", "比亚迪", "宁德时代"]


def test_kinds_of_firm_and_lists_across_a_comma_are_not_firms():
    # province-shanghai-2023: kinds of firm after 一批
    assert members("加快培育一批跨境电商、离岸贸易、数字贸易、外贸综合服务等新型国际贸易标杆企业") == []
    # national-state-council-2022 (normalised text: the comma is ASCII): 龙头企业 belongs to the next clause
    assert members("促进工业经济平稳运行,加强原材料、关键零部件等供给保障,实施龙头企业保链稳链工程") == []


def test_a_name_given_an_honour_for_enterprises_is_an_enterprise():
    from pipeline.components.enterprise_lists import enterprise_awardees

    def awardees(text):
        return [text[s:e] for s, e in enterprise_awardees(text)]

    # district-zhuzhou-shifeng-2023, province-guangxi-2026
    assert awardees("制造业单项冠军,天桥起重获评国家技术创新示范企业。") == ["天桥起重"]
    assert awardees("增长16.9%。柳工入选质量强国建设领军企业。") == ["柳工"]
    # counts and scopes are not names (made-up snippets)
    assert awardees("全市12家企业入选国家级专精特新“小巨人”企业，") == []
    assert awardees("我市入选全国民营经济示范企业，") == []


def test_an_awardee_read_as_a_place_becomes_an_enterprise_unless_it_is_a_division():
    text = "增长16.9%。柳工入选质量强国建设领军企业。"  # province-guangxi-2026
    assert after_component(text, "柳工", "LOC") == [("柳工", "ENT")]
    text = "增长16.9%。柳州市入选全国民营经济示范企业名录的有关公司，"  # made up: a division stays a place
    assert after_component(text, "柳州市", "LOC") == [("柳州市", "LOC")]


def test_named_exchanges_are_enterprises_and_blocs_are_organisations():
    nlp = spacy.blank("zh")
    nlp.add_pipe("govreport_enterprise_lists")
    text = "设立北京证券交易所和广州期货交易所。支持深交所深化创业板改革。"  # national-2022, province-guangdong-2026
    assert after_component(text, "北京证券交易所", "ORG") == [
        ("北京证券交易所", "ENT"), ("广州期货交易所", "ENT"), ("深交所", "ENT")]
    text = "支持北京数据集团和国际大数据交易所发展。"  # province-beijing-2026: the name starts after 和
    assert [e.text for e in nlp(text).ents] == ["国际大数据交易所"]
    text = "加强与境内外证券交易所战略合作"  # province-anhui-2026: no name
    assert list(nlp(text).ents) == []
    # national-state-council-1978, -2016, -1993: a bloc, a development bank, a bloc of states
    for text, name in [("苏联领导集团口头上说愿意改善中苏关系", "苏联领导集团"),
                       ("亚洲基础设施投资银行正式成立", "亚洲基础设施投资银行"),
                       ("同七十七国集团的合作关系不断加强", "七十七国集团")]:
        assert after_component(text, name, "ENT") == [(name, "ORG")]


def test_well_known_enterprises_where_the_recogniser_marked_nothing():
    import pipeline
    from pipeline.components.enterprise_lists import EnterpriseLists

    nlp = pipeline.load("rules")  # the shipped segmenter: a name counts only as a whole run of words
    component = EnterpriseLists()
    text = "魏桥集团参与国家电网绿电消纳调峰"  # province-shandong-2026
    doc = component(nlp.make_doc(text))
    assert [(e.text, e.label_) for e in doc.ents] == [("魏桥集团", "ENT"), ("国家电网", "ENT")]
    text = "推进南京东路、陆家嘴、徐家汇、南"  # province-shanghai-2026: 京东 is inside 南京东路
    doc = component(nlp.make_doc(text))
    assert "京东" not in [e.text for e in doc.ents]
    # made-up sentence: provincial firms and city banks of the list, with a word that only contains one (全国美丽)
    text = "支持陕鼓集团、长沙银行和特变电工扩大产能，建设全国美丽河湖"
    doc = component(nlp.make_doc(text))
    assert [(e.text, e.label_) for e in doc.ents] == [("陕鼓集团", "ENT"), ("长沙银行", "ENT"), ("特变电工", "ENT")]


def test_a_well_known_name_takes_the_company_form_after_it():
    from pipeline.components.enterprise_lists import known_names
    from pipeline.gazetteer import Gazetteer
    from pipeline.paths import ENTERPRISES

    text = "国家电网公司和中国石化集团、中国移动"  # made up
    words = ["国家", "电网", "公司", "和", "中国", "石化", "集团", "、", "中国", "移动"]
    ends = [sum(map(len, words[:k + 1])) for k in range(len(words))]
    starts = {end - len(word) for word, end in zip(words, ends, strict=True)}
    spans = known_names(Gazetteer.from_file(ENTERPRISES), text, starts, set(ends))
    assert [text[a:b] for a, b in spans] == ["国家电网公司", "中国石化集团", "中国移动"]


def test_a_well_known_name_a_project_goes_on_from_is_the_project():
    import pipeline
    from pipeline.components.alignment import set_entities
    from pipeline.components.enterprise_lists import EnterpriseLists

    nlp = pipeline.load("rules")
    component = EnterpriseLists()
    text = "蔚来汽车第二先进制造基地落户新桥，国家电网省电力公司获评先进"  # made up
    doc = nlp.make_doc(text)
    # what a recogniser may leave: the plant without its company's name, a body after a firm's name
    plant, body = text.index("汽车第二"), text.index("省电力公司")
    set_entities(doc, [(plant, text.index("落户"), "PROJ"), (body, text.index("获评"), "ORG")])
    doc = component(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("蔚来汽车第二先进制造基地", "PROJ"), ("省电力公司", "ORG")]


def test_the_kind_of_firm_before_a_name_stays_outside_it():
    text = "智能网联新能源汽车形成以央企长安、民企赛力斯等为龙头"  # province-chongqing-2026
    assert after_component(text, "民企赛力斯", "ENT") == [("赛力斯", "ENT")]


def test_a_recognised_firm_needs_a_sign_of_a_firm():
    # province-shanxi-2026, province-yunnan-2026: products and a railway the recogniser read as firms
    assert after_component("手撕钢、核电钢、煤海蛟龙、T1000碳纤维等新技术新产品实现突破，", "手撕钢", "ENT") == []
    assert after_component("中老铁路等25个案例获评全球最佳减贫案例。", "中老铁路", "ENT") == []
    # province-fujian-2026: a division read as a firm is the place
    assert after_component("莆田、平潭案例入选全国海洋生态保护修复典型。", "莆田", "ENT") == [("莆田", "LOC")]
    # province-liaoning-2026: a merger is done by firms; a company-like ending or a well-known name needs no more
    assert ("鞍凌钢", "ENT") in after_component("鞍本钢、鞍凌钢实现重组，央地合作持续深化，", "鞍凌钢", "ENT")
    assert after_component("支持天兵科技做大做优。", "天兵科技", "ENT") == [("天兵科技", "ENT")]
    assert after_component("推动比亚迪做大做优。", "比亚迪", "ENT") == [("比亚迪", "ENT")]


def test_a_change_the_firm_goes_through_stays_outside_its_name():
    # national-state-council-2010: a tagger held out of its fit read the reform into the bank's name
    text = "国家开发银行商业化转型和农业银行股份制改革扎实推进。"
    both = [("国家开发银行", "ENT"), ("农业银行", "ENT")]  # the other, unmarked, is found as a well-known name
    assert after_component(text, "国家开发银行商业化转型", "ENT") == both
    assert after_component(text, "农业银行股份制改革", "ENT") == both
    # made-up snippet: the company form is part of the name
    assert after_component("支持国家电网公司做大做优。", "国家电网公司", "ENT") == [("国家电网公司", "ENT")]


def test_a_provincial_group_named_by_its_trade_is_an_enterprise():
    from pipeline.components.enterprise_lists import provincial_groups
    from pipeline.divisions import division_names

    # province-guizhou-2026
    text = "因地制宜发展壮大特色产业。做强省纺织集团，纺织产业增加值增长15%左右。"
    assert [text[a:b] for a, b in provincial_groups(text, division_names())] == ["省纺织集团"]
    assert ("省纺织集团", "ENT") in after_component(text, "纺织产业增加值", "IND")
    # 江西省纺织集团 (made-up): the 省 of a province's name is no start
    assert provincial_groups("做强江西省纺织集团，", division_names()) == []


def test_a_group_the_government_founds_or_builds_up_is_an_enterprise():
    from pipeline.components.enterprise_lists import founded_groups

    # province-anhui-2026; national-state-council-1992: 组建企业集团 names a kind
    text = "做强城市生命线产业发展集团，快速拓展市场空间"
    assert [text[a:b] for a, b in founded_groups(text)] == ["城市生命线产业发展集团"]
    assert ("城市生命线产业发展集团", "ENT") in after_component(text, "市场空间", "IND")
    assert founded_groups("要继续组建企业集团") == []


def test_a_plant_in_a_sentence_about_building_it_is_a_project():
    # national-state-council-1956: the works to be built, which a tagger read as the firm
    text = ("规模巨大的包头钢铁公司、武汉钢铁公司、新疆石油公司、兰州炼油厂、洛阳第一拖拉机厂等重大建设项目，"
            "将在本年开始兴建或者继续修建。")
    assert after_component(text, "包头钢铁公司", "ENT") == [("包头钢铁公司", "PROJ")]
    # national-state-council-1955: the company acting as a firm stays ENT
    text = "例如本溪钢铁公司的生产工人只占职工总数的百分之五十六，管理机构人员约占职工总数的四分之一。"
    assert after_component(text, "本溪钢铁公司", "ENT") == [("本溪钢铁公司", "ENT")]
    # national-state-council-1954: the company whose works were built owns them and stays ENT
    text = "已全部或者部分完工並投入生産的有十七項，包括鞍山鋼鐵公司的大型軋鋼廠、無縫鋼管廠、薄板廠"
    assert after_component(text, "鞍山鋼鐵公司", "ENT") == [("鞍山鋼鐵公司", "ENT")]


def test_a_firm_arriving_is_the_project_it_brings():
    # province-tibet-2026, province-shandong-2026: a firm that settles in the province (D7)
    text = "雅下水电工程开工建设，中国雅江集团落户西藏。"
    assert after_component(text, "中国雅江集团", "ENT") == [("中国雅江集团", "PROJ")]
    text = "完善省市县金融直连服务机制，德邦证券、富泽人寿成功落户，恒丰银行稳健发展"
    assert after_component(text, "德邦证券", "ENT")[0] == ("德邦证券", "PROJ")
    # province-chongqing-2026: the firm is also the subject of the next clause, acting as one
    text = "新央企中国长安汽车集团落户重庆，获得国家首批L3级自动驾驶车型准入许可"
    assert after_component(text, "中国长安汽车集团", "ENT") == [("中国长安汽车集团", "ENT")]


def test_a_class_of_firms_is_no_enterprise():
    # national-state-council-1998, province-guangxi-2026: words a tagger read as firms' names
    assert after_component("防止简单拼凑集团和盲目扩大规模", "拼凑集团", "ENT") == []
    assert after_component("保持高风险银行机构全面清零", "高风险银行", "ENT") == []
    # province-shanghai-2023: the bare word is no firm either
    assert after_component("民生保障等领域一批国企集团组建成立", "集团", "ENT") == []
    assert after_component("民生保障等领域一批国企集团组建成立", "国企集团", "ENT") == []
    # province-yunnan-2026: a name that holds such a word stays a firm
    assert after_component("有序组建云南农村商业银行。", "云南农村商业银行", "ENT") == [("云南农村商业银行", "ENT")]


def test_a_firm_cut_before_its_plant_or_combine_takes_its_whole_name():
    # national-state-council-1955: the combine being rebuilt is the works (D7), the plant acting is the firm
    text = "在改建鞍山钢铁联合企业的同时，将进行武汉和包头两个钢铁联合企业的建设"
    assert after_component(text, "鞍山钢铁", "ENT") == [("鞍山钢铁联合企业", "PROJ")]
    text = "例如大连工矿车辆厂第一季度生产的五十吨敞车"
    assert after_component(text, "大连工矿", "ENT") == [("大连工矿车辆厂", "ENT")]
    # made up: a word that counts plants is no part of the name
    assert after_component("宝钢集团等钢厂压减产能", "宝钢集团", "ENT") == [("宝钢集团", "ENT")]


def test_a_name_opening_with_a_state_and_no_firm_ending_is_the_state():
    # national-state-council-1954 (traditional characters, read through the simplified map as the pipeline does):
    # a tagger read the states of the Cold War's blocs as firms
    assert after_component("把西德拖入西方國家的軍事集團", "西德拖", "ENT") == [("西德", "LOC")]
    assert after_component("在企圖拼凑日本反動勢力、南朝鮮李承晚集團", "南朝鮮", "ENT") == [("南朝鮮", "LOC")]
    # made up: a firm named after its country keeps its ending
    assert after_component("日本丰田汽车公司扩大产能", "日本丰田汽车公司", "ENT") == [("日本丰田汽车公司", "ENT")]


def test_a_legal_form_ends_the_full_name_of_a_firm():
    # made up, in the manner of a county report: no report of the corpus writes a legal form
    from pipeline.components.enterprise_lists import with_legal_forms

    def extended(text, pieces):
        spans = [(text.index(p), text.index(p) + len(p), label) for p, label in pieces]
        return [(text[a:b], label) for a, b, label in with_legal_forms(text, spans)]

    text = "株洲天桥起重股份有限公司入选省级专精特新企业"
    # the name before the form, and a tagger's piece of the form itself
    assert extended(text, [("株洲天桥起重", "ENT"), ("限公司", "ENT"), ("省级专精特新企业", "ACH")]) == [
        ("株洲天桥起重股份有限公司", "ENT"), ("省级专精特新企业", "ACH")]
    # a place and a name that adjoin are one name; a form in brackets is taken in
    text = "湖南华菱钢铁（集团）有限责任公司完成重组"
    assert extended(text, [("湖南", "LOC"), ("华菱钢铁", "ENT")]) == [("湖南华菱钢铁（集团）有限责任公司", "ENT")]
    # a unit between the firm's name and the form; a firm read as a project is a company by its form
    assert extended("中国建筑第五工程局有限公司中标", [("中国建筑", "ENT")]) == [("中国建筑第五工程局有限公司", "ENT")]
    assert extended("中车株洲电力机车有限公司研制的新一代地铁列车下线", [("中车株洲电力机车", "PROJ")]) == [
        ("中车株洲电力机车有限公司", "ENT")]
    # an indicator read across the firm's name: the firm and the indicator
    assert extended("蓝思科技（浏阳）有限公司新增产值20亿元", [("蓝思科技（浏阳）有限公司新增产值", "IND")]) == [
        ("蓝思科技（浏阳）有限公司", "ENT"), ("新增产值", "IND")]
    # a piece of the form with no name before it is dropped; a text without a form is left as it is
    assert extended("引进一批有限公司", [("限公司", "ENT")]) == []
    assert extended("天桥起重入选", [("天桥起重", "ENT")]) == [("天桥起重", "ENT")]


def test_a_firm_named_with_its_legal_form_through_the_component():
    # made up: the recogniser stopped before the form; a firm arriving is the project it brings (D7)
    assert after_component("株洲千金药业股份有限公司获评国家技术创新示范企业", "株洲千金药业", "ENT") == [
        ("株洲千金药业股份有限公司", "ENT")]
    assert after_component("宁德时代新能源科技股份有限公司落户", "宁德时代新能源科技", "PROJ") == [
        ("宁德时代新能源科技股份有限公司", "PROJ")]


def test_a_place_coordinated_with_a_firm_is_a_firm():
    # made up: a firm named after its city, read as the place, beside a firm
    from pipeline.components.enterprise_lists import firms_coordinated
    from pipeline.divisions import division_names

    text = "五粮液、泸州老窖入选中国品牌价值500强"
    spans = [(0, 3, "ENT"), (4, 8, "LOC"), (10, 20, "ACH")]
    assert [(text[a:b], label) for a, b, label in firms_coordinated(text, spans, division_names())] == [
        ("五粮液", "ENT"), ("泸州老窖", "ENT"), ("中国品牌价值500强", "ACH")]
    # a division stays a place (national-state-council-1982 names the mines 开滦、抚顺 by their towns)
    text = "开滦、抚顺"
    assert firms_coordinated(text, [(0, 2, "ENT"), (3, 5, "LOC")], division_names()) == [(0, 2, "ENT"), (3, 5, "LOC")]


def test_a_well_known_firm_read_as_a_place_or_opening_an_indicator():
    # made up: a firm named after its city, read as the place; a firm's figure read with the firm
    assert after_component("泸州老窖入选中国品牌价值500强", "泸州老窖", "LOC") == [("泸州老窖", "ENT")]
    assert after_component("泸州老窖营业收入增长10%", "泸州老窖营业收入", "IND") == [
        ("泸州老窖", "ENT"), ("营业收入", "IND")]
    # made up: firms listed before their shared measure are one ENT each, never an IND opening with 、
    assert after_component("五粮液、泸州老窖营业收入分别增长10%、15%", "五粮液、泸州老窖营业收入", "IND") == [
        ("五粮液", "ENT"), ("泸州老窖", "ENT"), ("营业收入", "IND")]
    # made up: a list that goes on past the known names stays as the recogniser read it
    assert after_component("五粮液、蜀南酒业营业收入增长10%", "五粮液、蜀南酒业营业收入", "IND") == [
        ("五粮液、蜀南酒业营业收入", "IND")]
    # province-guizhou-2026: a kind of firm named after a company's product stays one IND
    text = "培育150家以上华为云生态企业"
    assert after_component(text, "华为云生态企业", "IND") == [("华为云生态企业", "IND")]


def test_a_well_known_firm_whose_name_opens_with_a_place_read_as_the_place():
    # province-guizhou-2026: the recogniser read 中国 of 中国商飞 as the country
    text = "培育更多企业进入中国商飞供应体系"
    assert after_component(text, "中国", "LOC") == [("中国商飞", "ENT")]
    # national-state-council-1981: before a measure of its trade the name is the country's trade
    text = "曾经有人断言，中国石油产量要逐渐减少"
    assert after_component(text, "中国", "LOC") == [("中国", "LOC")]
    # made up: a place right before a firm's name that is no well-known name stays
    assert after_component("支持中国天桥起重发展", "中国", "LOC") == [("中国", "LOC")]


def test_a_well_known_enterprise_read_as_a_figure_is_the_firm():
    # made up: 三一 opens with numerals, and the recogniser read the name as a count
    assert after_component("引进三一集团全球研发中心等重大项目45个", "三一集团", "FIG") == [("三一集团", "ENT")]



def test_the_longest_name_ends_by_a_limit():
    # made-up names: the limit keeps the scan inside a span, whose end may cut a longer name
    from pipeline.gazetteer import Gazetteer

    names = Gazetteer({"国家开发", "国家开发银行"})
    assert names.longest_at("国家开发银行转型", 0) == 6
    assert names.longest_at("国家开发银行转型", 0, 5) == 4
    assert names.longest_at("国家开发银行转型", 0, 3) == 0
