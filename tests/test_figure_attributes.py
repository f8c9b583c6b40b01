"""Figure attributes (status, period, basis), document metadata and the gold that scores them.

Texts are real report text (corpus/raw); the short snippets marked as made-up test single cue words.
"""

import csv
import re
from pathlib import Path

import pytest

from pipeline.corpus.splits import attach_figure_attributes, split_ids
from pipeline.facts.metadata import division_code, read_metadata
from pipeline.figures.attributes import figure_attributes
from pipeline.figures.timeline import ReportTimeline, government_term
from pipeline.textnorm import normalise
from pipeline.timeexpr import plans_in, years_in

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "corpus" / "raw"
INDEX = list(csv.DictReader(open(RAW / "index.tsv", encoding="utf-8"), delimiter="\t"))


def _raw(doc_id: str) -> str:
    return (RAW / f"{doc_id}.txt").read_text(encoding="utf-8")


def test_years_and_five_year_plans():
    assert [y for _, y in years_in("一九五八年、２０２５年和2026年")] == [1958, 2025, 2026]
    plans = [r for _, r in plans_in("“十四五”时期，“十五五”规划，第二个五年计划，九五时期，第十五个五年规划纲要")]
    assert plans == [(2021, 2025), (2026, 2030), (1958, 1962), (1996, 2000), (2026, 2030)]
    assert plans_in("十五个重点项目") == []  # made-up: a count, not the tenth plan
    # the first five plans only in quotes (national-state-council-1986: “一五”时期, “ 五五”时期); made-up: 一五一十
    assert [r for _, r in plans_in("“一五”时期，“ 五五”时期")] == [(1953, 1957), (1976, 1980)]
    assert plans_in("一五一十地说") == []


@pytest.mark.parametrize("row", INDEX, ids=[r["id"] for r in INDEX])
def test_metadata_of_every_raw_report(row):
    meta = read_metadata((RAW / row["file"]).read_text(encoding="utf-8"), row["file"])
    assert (meta.level, meta.place, meta.year) == (row["level"], row["place"], int(row["year"]))
    if meta.level != "national":
        assert meta.division_code and len(meta.division_code) == 6


def test_most_metadata_comes_from_the_text_not_the_file_name():
    sources = [read_metadata((RAW / r["file"]).read_text(encoding="utf-8"), r["file"]).source for r in INDEX]
    assert all(s.get("level") in ("header", "body") for s in sources)
    assert sum(s.get("year") in ("header", "body") for s in sources) >= len(INDEX) // 2


@pytest.mark.parametrize("row", [r for r in INDEX if r["level"] == "province"],
                         ids=[r["id"] for r in INDEX if r["level"] == "province"])
def test_a_province_without_its_header_is_known_by_the_name_it_uses_most(row):
    text = (RAW / row["file"]).read_text(encoding="utf-8")
    body = text[text.index("各位代表"):]  # what a file copied without the title and session lines holds
    meta = read_metadata(body)
    assert (meta.level, meta.place) == ("province", row["place"])
    assert meta.source.get("place", meta.source["level"]) == "body" and meta.division_code  # place read with level


def test_a_place_only_the_file_name_gives():
    # made-up two-line text, named as the shared corpus names its files
    meta = read_metadata("各位代表：\n过去一年，全省地区生产总值增长5.5%。", "2026_浙江省_政府工作报告.txt")
    assert (meta.level, meta.place, meta.division_code, meta.year) == ("province", "浙江省", "330000", 2026)
    assert meta.source == {"place": "file name", "level": "file name", "year": "file name"}
    # a national report names many provinces, none often enough to be its own (national-state-council-2024)
    national = (RAW / "national-state-council-2024.txt").read_text(encoding="utf-8")
    assert read_metadata(national[national.index("各位代表"):]).place == "国务院"


def test_the_level_of_a_city_county_and_banner():
    from pipeline.facts.metadata import level_of_place

    # the gazetteer's levels: 浏阳市 and 昆山市 are county-level cities, 株洲市 a prefecture-level one
    assert [level_of_place(p) for p in ("浏阳市", "昆山市", "株洲市", "北京市", "长沙县", "准格尔旗", "石峰区")] == [
        "county", "county", "city", "province", "county", "county", "district"]
    # made-up header of a county-level city's report
    meta = read_metadata("政府工作报告\n——2026年1月8日在浏阳市第十八届人民代表大会第五次会议上\n"
                         "浏阳市人民政府市长\n各位代表：")
    assert (meta.level, meta.place, meta.division_code, meta.year) == ("county", "浏阳市", "430181", 2026)


def test_division_codes():
    assert division_code("河南省") == "410000"
    assert division_code("株洲市石峰区") == "430204"
    assert division_code("不存在省") is None  # made-up name


def _attributes(doc_id: str, figure: str, after: str = "") -> dict:
    text = _raw(doc_id)
    start = text.index(after + figure) + len(after) if after else text.index(figure)
    timeline = ReportTimeline.of(text, read_metadata(text, doc_id).year)
    return figure_attributes(text, start, start + len(figure), timeline)


def test_review_results_are_actual_for_the_past_year():
    # 一、“十四五”时期和2025年工作回顾 … 刚刚过去的2025年 … 城镇新增就业121.7万人
    assert _attributes("province-henan-2026", "121.7万人") == {"status": "actual", "period": "2025", "basis": None}


def test_plan_figures_are_targets_for_the_report_year():
    # national-2024, 二、2024年经济社会发展总体要求和政策取向: 国内生产总值增长5%左右
    got = _attributes("national-state-council-2024", "5%左右", "国内生产总值增长")
    assert got["status"] == "target" and got["period"] == "2024"


def test_a_supposition_covers_no_period_unless_it_names_one():
    # national-1955: 如果每件棉纱平均少用两斤棉花，全国每年就可以至少增产两万件 (§5b: no time given, empty)
    # against 只要全国劳动人民共同努力，…完成和超额完成在五年内工业生产增加产值百分之九十八点三的计划指标
    # (the plan's five years)
    assert _attributes("national-state-council-1955", "两万件", "全国每年就可以至少增产")["period"] is None
    assert _attributes("national-state-council-1955", "百分之九十八点三", "在五年内工业生产增加产值")["period"] \
        == "1953-1957"
    # national-1955: 如用之于铁路建设，则可以新建铁路三千公里以上 (what the money saved would build)
    railway = _attributes("national-state-council-1955", "三千公里以上", "如用之于铁路建设，则可以新建铁路")
    assert railway["period"] is None


def test_now_is_the_report_year():
    # national-1987: 目前在全国注册登记的各种经济联合体有32000多个 (full-width digits in the report)
    assert _attributes("national-state-council-1987", "３２０００多个", "各种经济联合体有")["period"] == "1987"


def test_this_year_after_a_year_written_earlier_in_the_sentence():
    # national-1981 (given in November): １９８０年…二千六百多项，今年又继续增加，已经应用于生产的比重达到５０％ is this
    # year's; 由今年预计的３％提高到４％ under １９８２年的计划 dates the start, and ４％ stays the plan year's
    assert _attributes("national-state-council-1981", "５０％", "应用于生产的比重达到")["period"] == "1981"
    assert _attributes("national-state-council-1981", "４％", "预计的３％提高到")["period"] == "1982"


def test_estimates_and_bases():
    # shifeng-2023: 预计全年…同比增长
    text = _raw("district-zhuzhou-shifeng-2023")
    timeline = ReportTimeline.of(text, 2023)
    i = text.index("预计")
    fig = next(re.finditer(r"\d+(?:\.\d+)?%", text[i:]))
    got = figure_attributes(text, i + fig.start(), i + fig.end(), timeline)
    assert got["status"] == "expected" and got["period"] == "2022"


def test_made_up_cues():
    text = ("一、2025年工作回顾\n全市生产总值比上年增长5.2%，年均增长6%，比2020年增长30%。\n"
            "二、2026年工作安排\n力争增长5%左右。")
    timeline = ReportTimeline.of(text, 2026)  # made-up report in four lines

    def at(fig, nth=0):
        start = [i for i in range(len(text)) if text.startswith(fig, i)][nth]
        return figure_attributes(text, start, start + len(fig), timeline)

    assert at("5.2%") == {"status": "actual", "period": "2025", "basis": "比上年"}
    assert at("6%")["basis"] == "年均"
    assert at("30%")["basis"] == "比2020年" and at("30%")["period"] == "2025"
    assert at("5%左右") == {"status": "target", "period": "2026", "basis": None}


ATTRIBUTE_TABLES = sorted(p.stem for p in (ROOT / "corpus" / "figure_attributes").glob("*.tsv")
                          if p.stem != "annotators")


def test_every_dev_and_test_report_has_attribute_gold():
    assert set(split_ids()["dev"] + split_ids()["test"]) <= set(ATTRIBUTE_TABLES)


@pytest.mark.parametrize("doc_id", ATTRIBUTE_TABLES)
def test_gold_attributes_cover_every_gold_figure(doc_id):
    from pipeline.records import read_jsonl

    record = next(read_jsonl(ROOT / "corpus" / "gold" / f"{doc_id}.jsonl"))
    attach_figure_attributes(record)
    figs = [e for e in record["entities"] if e["label"] == "FIG"]
    assert figs and all(e["status"] in ("actual", "expected", "target", "unknown") for e in figs)


def test_a_gold_attribute_row_off_the_gold_spans_is_an_error(tmp_path):
    from pipeline.records import read_jsonl

    doc_id = "district-zhuzhou-shifeng-2023"
    (tmp_path / "figure_attributes").mkdir()
    src = (ROOT / "corpus" / "figure_attributes" / f"{doc_id}.tsv").read_text(encoding="utf-8").splitlines()
    start, end, *rest = src[1].split("\t")
    src[1] = "\t".join([start, str(int(end) + 1), *rest])
    (tmp_path / "figure_attributes" / f"{doc_id}.tsv").write_text("\n".join(src) + "\n", encoding="utf-8")
    record = next(read_jsonl(ROOT / "corpus" / "gold" / f"{doc_id}.jsonl"))
    with pytest.raises(ValueError, match="figure_attributes"):
        attach_figure_attributes(record, tmp_path)


def test_records_carry_attributes_and_metadata(nlp_rules):
    from pipeline.extract import extract_record

    text = _raw("district-zhuzhou-shifeng-2023")
    record = extract_record(nlp_rules, text, "district-zhuzhou-shifeng-2023")
    assert record["meta"]["level"] == "district" and record["meta"]["division_code"] == "430204"
    assert record["meta"]["year"] == 2023
    figs = [e for e in record["entities"] if e["label"] == "FIG"]
    assert figs and all({"status", "period", "basis"} <= set(e) for e in figs)
    assert sum(e["status"] == "actual" for e in figs) > len(figs) / 2


def test_the_dev_split_carries_the_gold_attributes_on_every_figure():
    from pipeline.corpus.splits import load_split

    figs = [e for r in load_split("dev") for e in r["entities"] if e["label"] == "FIG"]
    assert len(figs) > 1000 and all("status" in e for e in figs)


def test_a_dash_after_a_number_is_a_range_not_a_minus():
    from pipeline.figures import find_figures, normalise_figure

    text = "国内生产总值增长6.5%-7%，居民消费价格涨幅3%左右"  # national-2016's target, with an ASCII dash
    values = [normalise_figure(m, text).value for m in find_figures(text)]
    assert values[:2] == [6.5, 7.0]
    assert [normalise_figure(m, "气温-5℃").value for m in find_figures("气温-5℃")] in ([], [-5.0])  # made-up


def test_compared_with_a_year_is_a_basis():
    # the sentence is national-2006's; the heading above it is made up
    text = "二、过去五年工作回顾\n2005年与2000年相比，国内生产总值增长57.3%，年均增长9.5%。"
    timeline = ReportTimeline.of(text, 2006)
    start = text.index("57.3%")
    # the growth between the two years compared covers the years after the earlier one (guidelines §5b, v1.20)
    assert figure_attributes(text, start, start + 5, timeline) == {"status": "actual", "period": "2001-2005",
                                                                   "basis": "比2000年"}


def test_a_report_read_in_windows_reads_its_figures_with_the_whole_report(nlp_rules):
    from pipeline.extract import extract_record

    text = (ROOT / "corpus" / "raw" / "province-henan-2026.txt").read_text(encoding="utf-8")

    def attributes(window_chars):
        record = extract_record(nlp_rules, text, "henan", window_chars=window_chars)
        return [(e["start_offset"], e["status"], e["period"], e["basis"]) for e in record["entities"]
                if e["label"] == "FIG"]

    whole, windowed = attributes(10**7), attributes(3000)
    assert windowed == whole and {"actual", "target"} <= {status for _, status, _, _ in whole}



def test_a_short_report_dated_by_its_file_name_only_dates_its_figures(nlp_rules):
    from pipeline.extract import extract_record

    # national-state-council-1975: 5,214 characters (one window) and no year in its text
    text = (ROOT / "corpus" / "raw" / "national-state-council-1975.txt").read_text(encoding="utf-8")
    assert read_metadata(normalise(text)).year is None

    def period_of(doc_id, figure):
        record = extract_record(nlp_rules, text, doc_id)
        return next(e["period"] for e in record["entities"] if e["label"] == "FIG" and e["text"] == figure)

    # 全国解放以来，尽管我国人口增加百分之六十: from the liberation to the last year under review
    assert period_of("national-state-council-1975", "百分之六十") == "1950-1974"
    assert period_of("report", "百分之六十") is None  # nothing dates the report

def test_a_report_flattened_onto_one_line_keeps_its_sections():
    # province-shanghai-2024 is one line: “……的新期待！ 二、2024年主要任务 ……”
    assert _attributes("province-shanghai-2024", "4.72万亿元") == {"status": "actual", "period": "2023", "basis": None}
    got = _attributes("province-shanghai-2024", "5%左右", "全市生产总值增长")
    assert got == {"status": "target", "period": "2024", "basis": None}


def test_the_plan_part_runs_on_through_topical_headings():
    # national-2015: 二、2015年工作总体部署, then 四、协调推动经济稳定增长和结构优化
    got = _attributes("national-state-council-2015", "4776亿元", "今年中央预算内投资增加到")
    assert got["status"] == "target" and got["period"] == "2015"


def test_from_a_dated_start_to_an_end():
    # province-shanghai-2023, 过去五年: 轨道交通运营线路总长从2017年的666公里增加到831公里
    assert _attributes("province-shanghai-2023", "666公里")["period"] == "2017"
    assert _attributes("province-shanghai-2023", "831公里", "666公里增加到")["period"] == "2022"


def test_last_and_next_year_words():
    # national-2017: 财政赤字2.38万亿元，比去年增加2000亿元 (a basis, not a period)
    got = _attributes("national-state-council-2017", "2000亿元", "比去年增加")
    assert got == {"status": "target", "period": "2017", "basis": "比上年"}
    # national-2007: 中央财政支出将由上年18亿元增加到95亿元，明年将安排200亿元
    assert _attributes("national-state-council-2007", "200亿元", "明年将安排")["period"] == "2008"


def test_parenthesised_headings_when_a_report_has_no_others():
    # national-1958: （一）一九五七年经济战线上的胜利 reviews, （二）争取一九五八年国民经济的新跃进 plans
    text = _raw("national-state-council-1958")
    timeline = ReportTimeline.of(text, 1958)
    assert [s.kind for s in timeline.sections[:2]] == ["review", "plan"]
    got = _attributes("national-state-council-1958", "一百四十五亿七千七百万元", "拟定为")
    assert got["status"] == "target" and got["period"] == "1958"


def test_a_review_paragraph_inside_a_plan_section_covers_itself_only():
    # 二、2010年主要任务 holds a paragraph opening 一年来，我们大力发展公益性文化事业…; the plans after it stay plans
    assert _attributes("national-state-council-2010", "433亿元", "中央财政拟投入") == {
        "status": "target", "period": "2010", "basis": None}


def test_a_sentence_opening_with_past_year_reviews_to_the_paragraphs_end():
    # …至关重要。过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%… under the 2011 plan heading
    attrs = _attributes("national-state-council-2011", "10.3%", "国内生产总值增长")
    assert (attrs["status"], attrs["period"]) == ("actual", "2010")


def test_from_a_to_b_under_a_five_year_review_dates_a_before_the_five_years():
    assert _attributes("province-shanghai-2026", "4.16万亿元", "全市生产总值从")["period"] == "2020"
    assert _attributes("province-shanghai-2026", "5.67万亿元")["period"] == "2025"


def test_facts_about_the_country_in_a_plan_section_are_actual():
    assert _attributes("national-state-council-2022", "2.9亿", "我国有")["status"] == "actual"


def test_new_firms_over_five_years_cover_the_five_years():
    assert _attributes("province-henan-2026", "10.1万家", "自贸试验区新设企业")["period"] == "2021-2025"
    assert _attributes("province-shanghai-2023", "4343台", "加装电梯")["period"] == "2018-2022"


def test_numbered_list_items_are_not_headings():
    # 四、巩固和发展安定团结的政治局面 is followed by a list 一、继续深入批评…；二、认真进行…； (national 1987)
    text = _raw("national-state-council-1987")
    starts = [s.start for s in ReportTimeline.of(text, 1987).sections]
    assert text.index("一、继续深入批评") not in starts
    assert len(starts) == 3  # 一、二、四、 (三、 runs into its paragraph on one long line of the source)


def test_a_heading_on_the_economic_situation_reviews_the_past_year():
    # （一）关于经济形势 in the 1985 report: 1984年，…原煤产量达到七亿七千多万吨
    assert _attributes("national-state-council-1985", "七亿七千多万吨", "原煤产量达到") == {
        "status": "actual", "period": "1984", "basis": None}
    attrs = _attributes("national-state-council-1987", "５２０５万吨", "钢产量达到")
    assert (attrs["status"], attrs["period"]) == ("actual", "1986")


def test_the_level_a_plan_starts_from_is_actual():
    # 城乡居民基础养老金标准统一由55元提高到70元 (national 2015, the plan for the year)
    assert _attributes("national-state-council-2015", "55元", "统一由")["status"] == "actual"
    assert _attributes("national-state-council-2015", "70元", "55元提高到")["status"] == "target"
    # 今年国家从粮食风险基金中拿出100亿元 (national 2004): 从 names a source, not a starting level
    assert _attributes("national-state-council-2004", "100亿元", "粮食风险基金中拿出")["status"] == "target"


def test_compared_with_last_year_is_a_basis_not_a_past_cue():
    # 今年中央财政安排社会保障支出2019亿元，比去年增加247亿元 (national 2007): a budget for the year
    assert _attributes("national-state-council-2007", "247亿元", "2019亿元，比去年增加")["status"] == "target"


def test_last_year_after_from_dates_the_starting_level():
    # plan for 2015: 赤字率从去年的2.1%提高到2.3% — 去年 is 2014, not the year before it
    assert _attributes("national-state-council-2015", "2.1%", "赤字率从去年的")["period"] == "2014"
    # review of 2016: 工业企业利润由上年下降2.3%转为增长8.5% — 上年 is the year before the one reviewed
    assert _attributes("national-state-council-2017", "2.3%", "由上年下降")["period"] == "2015"


def test_n_years_running_covers_the_years_before_the_report():
    # national 2015: 贫困地区农村学生上重点高校人数连续两年增长10%以上
    assert _attributes("national-state-council-2015", "10%以上", "连续两年增长")["period"] == "2013-2014"


def test_years_ahead_of_a_target():
    # 争取在三年内把我国人口自然增长率降到百分之一以下 (1978): the three years from the report's
    assert _attributes("national-state-council-1978", "百分之一以下", "增长率降到")["period"] == "1978-1980"
    # 五年内增加卫生专业人员六十万人 (1982): 五年内 is the five-year plan the report falls in (the sixth)
    assert _attributes("national-state-council-1982", "六十万人", "卫生专业人员")["period"] == "1981-1985"


def test_a_plan_after_bi_is_the_basis_and_its_end_a_year():
    # 1996, reviewing the eighth plan: 比“七五”时期增长一倍以上; 贫困人口由“七五”末的8500万
    assert _attributes("national-state-council-1996", "一倍以上", "时期增长")["period"] == "1991-1995"
    assert _attributes("national-state-council-1996", "８５００万", "末的")["period"] == "1990"


def test_to_a_year_long_past_is_no_target():
    # 1978: 从一九六六年到一九七六年的十一年中，…仍然有三分之一的省、市、自治区 … (a record, not a plan)
    assert _attributes("national-state-council-1978", "三分之一", "仍然有")["status"] == "actual"


def test_a_range_written_out_dates_the_start_and_the_end():
    # 1985 (full-width digits, read as the pipeline reads them, normalised):
    # 从１９７８年到１９８３年，城乡居民的平均消费水平，由一百七十五元提高到二百八十八元
    text = normalise(_raw("national-state-council-1985"))
    timeline = ReportTimeline.of(text, 1985)
    for figure, year in (("一百七十五元", "1978"), ("二百八十八元", "1983")):
        start = text.index("由一百七十五元提高到二百八十八元") + text[text.index("由一百七十五元"):].index(figure)
        assert figure_attributes(text, start, start + len(figure), timeline)["period"] == year
    # 2010: “十一五”前四年累计单位国内生产总值能耗下降14.38%
    assert _attributes("national-state-council-2010", "14.38%", "能耗下降")["period"] == "2006-2009"


def test_money_set_aside_for_n_years():
    # province-guangxi-2026, the plan for 2026: 深化拓展“人工智能+”，三年安排450亿元
    assert _attributes("province-guangxi-2026", "450亿元", "三年安排")["period"] == "2026-2028"
    from pipeline.figures.attributes import _YEARS_AHEAD

    assert _YEARS_AHEAD.search("2026年内完成改造") is None  # made-up: a year, not six years


def test_an_average_rate_covers_the_years_under_review():
    # national 2001, reviewing 1996-2000: 国内生产总值2000年达89404亿元，平均每年增长8.3%
    assert _attributes("national-state-council-2001", "8.3％", "平均每年增长")["period"] == "1996-2000"
    # 2000年…实现利润2392亿元，为1997年的2.9倍: 1997 is the base of the multiple, 2000 its year
    assert _attributes("national-state-council-2001", "2.9倍", "为1997年的")["period"] == "2000"


def test_two_years_compared_date_the_start_and_the_end():
    # national 1987 (full-width digits, normalised as the pipeline reads them):
    # １９８６年同１９７８年相比，国民生产总值由３４８０亿元增加到９３８０亿元，按可比价格计算增长１０２％
    text = normalise(_raw("national-state-council-1987"))
    timeline = ReportTimeline.of(text, 1987)
    sentence = text.index("国民生产总值由3480亿元")
    for figure, period in (("3480亿元", "1978"), ("9380亿元", "1986"), ("102%", "1979-1986")):
        start = text.index(figure, sentence)
        assert figure_attributes(text, start, start + len(figure), timeline)["period"] == period


def test_this_was_the_five_years_of_reviews_the_five_years():
    # province-shanghai-2021 (one line): …这是人民生活显著改善的五年。居民人均可支配收入从5万元增加到7.2万元
    assert _attributes("province-shanghai-2021", "5万元", "可支配收入从")["period"] == "2015"
    # province-guangdong-2026 opens paragraphs with 这是经济实力持续提升的五年。
    text = _raw("province-guangdong-2026")
    timeline = ReportTimeline.of(text, 2026)
    assert timeline.section_at(text.index("这是经济实力持续提升的五年") + 20).period == "2021-2025"


def test_a_report_presenting_a_five_year_plan_plans_its_years():
    # 1982, 作关于我国国民经济和社会发展第六个五年计划的报告; under 二、关于基本建设的规模、重点和企业的技术改造
    # (a heading that names neither review nor plan): 煤炭工业建设，五年投资一百七十九亿元
    got = _attributes("national-state-council-1982", "一百七十九亿元", "五年投资")
    assert got["status"] == "target" and got["period"] == "1981-1985"
    # and so do the words before its first heading: 在这个期间，我国工农业总产值计划增长百分之二十一点七
    got = _attributes("national-state-council-1982", "百分之二十一点七", "总产值计划增长")
    assert got["status"] == "target" and got["period"] == "1981-1985"
    # a report that does not present one keeps such a section undecided
    text = "各位代表：\n一、关于基本建设\n煤炭工业建设，五年投资一百七十九亿元。"  # made up
    timeline = ReportTimeline.of(text, 1982)
    assert timeline.sections[0].kind is None


def test_the_reader_scored_on_the_gold_figures_of_a_split(capsys):
    from pipeline.corpus.attribute_accuracy import accuracy, main
    from pipeline.corpus.splits import load_split

    record = next(r for r in load_split("dev") if r["id"] == "district-zhuzhou-shifeng-2023")
    right, total = accuracy([record])
    assert total == sum(e["label"] == "FIG" for e in record["entities"]) > 30
    assert right["status"] / total > 0.9  # the rules were tuned on dev: a floor, not the figure reported
    assert main(["dev", "--errors", "period"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["document", "FIGs", "status", "period", "basis"]
    assert any(line.startswith("all ") for line in out.splitlines())
    with pytest.raises(SystemExit):
        main(["test"])


def test_the_items_of_a_list_take_the_year_of_its_introduction():
    # national-1955: 主要农业产品一九五七年的计划产量及其比一九五二年增长的情况如下列：\n粮食：达到…\n棉花：达到…
    assert _attributes("national-state-council-1955", "三千二百七十万担", "棉花：达到")["period"] == "1957"
    # a sentence after the list is no item: 一九五七年 is not its year
    text = "主要产品一九五七年的产量如下列：\n钢：达到四百万吨。\n铁路建设方面，修建新线四千公里。"  # made up
    timeline = ReportTimeline.of(text, 1955)
    start = text.index("四千公里")
    assert figure_attributes(text, start, start + 4, timeline)["period"] != "1957"
    start = text.index("四百万吨")
    assert figure_attributes(text, start, start + 4, timeline)["period"] == "1957"


def test_a_plan_named_after_a_range_of_years_dates_the_figure():
    # national-1982: 一九五三年到一九八○年二十八年中…，六五计划期间要求每年递增百分之四
    got = _attributes("national-state-council-1982", "百分之四", "六五计划期间要求每年递增")
    assert got["period"] == "1981-1985"


def test_a_review_that_says_its_figures_are_estimates():
    # national-1958: 根据预计数字（实际完成的统计数字，要在以后才能作出），一九五七年… opens the review
    got = _attributes("national-state-council-1958", "一千八百二十六万吨", "原煤增产了")
    assert got["status"] == "expected" and got["period"] == "1957"
    text = "一、过去一年的工作\n全年粮食产量达到三千七百亿斤。"  # made up: no such sentence, a result
    start = text.index("三千七百亿斤")
    assert figure_attributes(text, start, start + 6, ReportTimeline.of(text, 1958))["status"] == "actual"


def test_a_fact_dated_in_the_year_before_a_plan_report_is_actual():
    # national-1955 (a plan report): 一九五四年底已发展到将近五十万个 (将近, nearly, is no 将)
    got = _attributes("national-state-council-1955", "五十万个", "一九五四年底已发展到将近")
    assert got == {"status": "actual", "period": "1954", "basis": None}


def test_a_start_year_dates_only_the_starting_level():
    # national-1982: 到一九八五年全日制高等学校招生数将从一九八○年的二十八万人增加到四十万人，增长百分之四十二点二
    assert _attributes("national-state-council-1982", "二十八万人", "从一九八○年的")["period"] == "1980"
    assert _attributes("national-state-council-1982", "四十万人", "二十八万人增加到")["period"] == "1985"
    assert _attributes("national-state-council-1982", "百分之四十二点二", "四十万人，增长")["period"] == "1985"


def test_the_plan_years_so_far_are_results():
    # national-1955, a report on the plan for 1953-1957: 两年平均每年增长百分之十一点九 (1953 and 1954 are over)
    got = _attributes("national-state-council-1955", "百分之十一点九", "两年平均每年增长")
    assert got["status"] == "actual" and got["period"] == "1953-1954"
    got = _attributes("national-state-council-1955", "一百三十六个", "两年中投入生产的限额以上的工业建设单位有")
    assert got["status"] == "actual" and got["period"] == "1953-1954"
    # the years ahead are no years so far (made up)
    text = "一、今后五年的任务\n今后两年中新建铁路二千公里。"
    start = text.index("二千公里")
    assert figure_attributes(text, start, start + 4, ReportTimeline.of(text, 1955))["status"] == "target"


def test_a_done_verb_in_the_clause_is_a_result_even_after_a_plan_cue():
    # national-1955 (a plan report): 两个年度计划都超额完成，一九五四年工业总产值比一九五二年增长了百分之五十三点七
    got = _attributes("national-state-council-1955", "百分之五十三点七", "一九五二年增长了")
    assert got["status"] == "actual" and got["period"] == "1954"
    # national-2015, a plan: 赤字率从去年的2.1%提高到2.3% (去年 names the start, the figure is a target)
    assert _attributes("national-state-council-2015", "2.3%", "提高到")["status"] == "target"


def test_level_with_last_year_is_a_basis_not_a_date():
    # province-shanghai-2020, the targets for 2020: 一般公共预算收入与上年基本持平，…比例保持在4%左右
    got = _attributes("province-shanghai-2020", "4%左右", "比例保持在")
    assert got["status"] == "target" and got["period"] == "2020"


def test_the_figures_own_clause_names_its_year():
    # national-2007: “十一五”期间，关停5000万千瓦小火电机组，今年要关停1000万千瓦
    assert _attributes("national-state-council-2007", "1000万千瓦", "今年要关停")["period"] == "2007"
    # national-2007: 从2003年到2006年年均超收2040亿元，其中去年超收2573亿元
    assert _attributes("national-state-council-2007", "2573亿元", "其中去年超收")["period"] == "2006"
    # national-2011: 今后五年，…在明显提高质量和效益的基础上年均增长7% (基础上年均 holds no 上年)
    assert _attributes("national-state-council-2011", "7%", "效益的基础上年均增长")["period"] == "2011-2015"


def test_the_base_year_of_constant_prices_is_no_date():
    # national-1958, the plan for 1958: …六百八十八亿三千万元（按一九五七年不变价格计算），比一九五七年增长百分之六点一
    got = _attributes("national-state-council-1958", "百分之六点一", "比一九五七年增长")
    assert got["period"] == "1958" and got["basis"] == "比1957年"


def test_the_two_years_up_to_a_named_year():
    # national-1982: 一九八二年预计比一九八一年增长百分之五，两年平均每年递增百分之五点三
    assert _attributes("national-state-council-1982", "百分之五点三", "两年平均每年递增")["period"] == "1981-1982"
    # national-1982, on the plan for 1981-1985: 这两年取得重大科技成果六千多项
    got = _attributes("national-state-council-1982", "六千多项", "这两年取得重大科技成果")
    assert got == {"status": "actual", "period": "1981-1982", "basis": None}


def test_an_estimate_as_the_base_of_a_target_and_a_plan_exceeded():
    # national-1958, the plan for 1958: …拟定为…，比一九五七年的预计数增加了二十二亿元 (a target against an estimate)
    assert _attributes("national-state-council-1958", "二十二亿元", "预计数增加了")["status"] == "target"
    # national-1958, the review of 1957 (根据预计数字 opens it): 一九五七年进出口贸易总额，比原计划超过百分之四
    assert _attributes("national-state-council-1958", "百分之四", "比原计划超过")["status"] == "expected"


def test_an_estimate_given_as_such_is_expected():
    # national-1958: 一九五八年的社会购买力估算为四百九十四亿元左右
    assert _attributes("national-state-council-1958", "四百九十四亿元左右")["status"] == "expected"
    # national-1955: 根据社会购买力估算，社会商品零售额要比一九五四年增长… (the estimate is the base of a target)
    got = _attributes("national-state-council-1955", "百分之二十七", "零售额要比一九五四年增长")
    assert got["status"] == "target"


def test_a_year_since_which_is_no_date_of_the_figure():
    # national-2022: 2013年以来新增的涉税市场主体去年纳税达到4.76万亿元 (去年 dates it; 2013年以来 is its start)
    assert _attributes("national-state-council-2022", "4.76万亿元", "去年纳税达到")["period"] == "2021"


def test_the_government_term():
    # the report of an election year is the outgoing government's; any other falls in the term begun before it
    assert [government_term(y) for y in (2013, 2015, 2017, 2018, 2023, 1985)] == [
        (2008, 2012), (2013, 2017), (2013, 2017), (2013, 2017), (2018, 2022), (1983, 1987)]
    # national-2015: 本届政府减少1/3 (the State Council elected in 2013, not the five years before 2015)
    assert _attributes("national-state-council-2015", "1/3", "本届政府减少")["period"] == "2013-2017"
    # national-2017: …本届政府减少行政审批事项三分之一目标的基础上，去年又取消165项…，清理规范192项: 去年 dates it
    assert _attributes("national-state-council-2017", "192项", "清理规范")["period"] == "2016"


def test_the_ten_year_plan_and_world_shares():
    # national-1978: 按照十年规划，在这十年里，…农业主要作业机械化水平达到百分之八十五以上: a level to be reached
    # by the end of the plan of 1976-1985 (§5b level or flow)
    assert _attributes("national-state-council-1978", "百分之八十五以上", "水平达到")["period"] == "1985"
    text = "按照十年规划，要新建和续建一百二十个大型项目。"  # made up: a flow over the ten years
    start = text.index("一百二十个")
    timeline = ReportTimeline.of(text, 1978)
    assert figure_attributes(text, start, start + 5, timeline)["period"] == "1976-1985"
    # national-1996: 我国以占世界７％的耕地，养育着世界２２％的人口 (a general fact: no period)
    assert _attributes("national-state-council-1996", "７％", "以占世界")["period"] is None
    assert _attributes("national-state-council-1996", "２２％", "养育着世界")["period"] is None
    # national-2015: 高速铁路运营里程达1.6万公里，占世界的60%以上。 (a share at the time: dated)
    assert _attributes("national-state-council-2015", "60%以上", "占世界的")["period"] is not None


def test_a_level_takes_the_end_of_its_years_a_flow_the_whole_span():
    # national-2011, 十二五 targets: 城镇化率从47.5％提高到51.5% is the level 2015 is to reach (§5b level or flow)
    assert _attributes("national-state-council-2011", "51.5%", "提高到")["period"] == "2015"
    # … 新增公路63.9万公里，其中高速公路3.3万公里: the part of a five-year flow covers the five years too
    assert _attributes("national-state-council-2011", "3.3万公里", "其中高速公路")["period"] == "2006-2010"
    # province-beijing-2026, 十五五: 城镇调查失业率控制在5%以内 is held through the years, not reached at their end
    assert _attributes("province-beijing-2026", "5%以内", "控制在")["period"] == "2026-2030"


def test_a_heading_reviewing_the_term_covers_the_term():
    text = "一、本届政府工作回顾\n城镇新增就业3000万人。\n"  # made up: a mid-term report's review of the term
    timeline = ReportTimeline.of(text, 2010)  # the government elected in 2008, not the five years before 2010
    start = text.index("3000万人")
    assert figure_attributes(text, start, start + 6, timeline)["period"] == "2008-2012"


def test_a_heading_that_plans_the_years_ahead_covers_them():
    # province-shanghai-2023: 二、今后五年工作的总体要求和主要目标; the levels to be reached take the last year (§5b)
    text = _raw("province-shanghai-2023")
    timeline = ReportTimeline.of(text, 2023)
    assert timeline.section_at(text.index("今后五年工作的总体要求") + 20).period == "2023-2027"
    assert _attributes("province-shanghai-2023", "1200家", "跨国公司地区总部达到")["period"] == "2027"
    # 增加值 names a measure, not a flow: 比重提高到18% is a level too
    assert _attributes("province-shanghai-2023", "18%", "全市生产总值的比重提高到")["period"] == "2027"


def test_a_year_with_a_letter_for_its_zero_is_read_in_normalised_text_too():
    # made up: some reports write the zero of 一九〇五 as a full-width letter, which normalisation folds to O
    assert [y for _, y in years_in(normalise("一九Ｏ五年"))] == [1905]


def test_a_change_from_the_year_before_a_span_is_the_last_years_level_against_it():
    # national-1955, the plan for 1953-1957: 货物周转量将达到一百五十三亿吨公里，即比一九五二年增长三点二倍
    assert _attributes("national-state-council-1955", "三点二倍", "即比一九五二年增长")["period"] == "1957"
    # province-guangxi-2026, the review of 2021-2025: 有效发明专利比2020年增长58.1%
    attrs = _attributes("province-guangxi-2026", "58.1%", "有效发明专利比2020年增长")
    assert (attrs["period"], attrs["basis"]) == ("2025", "比2020年")
    # made up: against a year that is not the one before the span, the span's reading stays
    text = "一、过去五年工作回顾\n五年累计新增耕地比2018年多出200万亩。\n"
    start = text.index("200万亩")
    attrs = figure_attributes(text, start, start + 5, ReportTimeline.of(text, 2026))
    assert (attrs["period"], attrs["basis"]) == ("2021-2025", "比2018年")


def test_a_deadline_at_the_end_of_a_plan_covers_the_plans_years():
    # national-state-council-1982, the sixth five-year plan: 计划在一九八五年底前建成投产八千万吨
    attrs = _attributes("national-state-council-1982", "八千万吨", "计划在一九八五年底前建成投产")
    assert attrs["period"] == "1981-1985"
    # national-state-council-2004: 确保完成2005年前裁减军队员额20万 (no plan ends in 2005 there: the year stays)
    assert _attributes("national-state-council-2004", "20万", "裁减军队员额")["period"] == "2005"



def test_a_range_of_years_with_months_between_stays_a_range():
    # national-state-council-1958: 原定一九五七年十月到一九五八年九月底增加灌溉面积九千二百多万亩
    assert _attributes("national-state-council-1958", "九千二百多万亩", "九月底增加灌溉面积")["period"] == "1957-1958"


def test_a_base_year_is_no_period():
    # national-state-council-1955: 工业总产值要在一九五四年的基数上增长百分之二十九 (a target for 1955-1957, not 1954)
    assert _attributes("national-state-council-1955", "百分之二十九", "一九五四年的基数上增长")["period"] == "1955-1957"


def test_from_only_where_a_change_starts():
    # national-state-council-1955: 一九五三年私营工业（不包括个体手工业）的从业人员有二百多万人 (从业 is employment)
    assert _attributes("national-state-council-1955", "二百多万人", "的从业人员有")["period"] == "1953"
    # national-state-council-2004: 今年国家从粮食风险基金中拿出100亿元 (从 a fund, no 到 after the figure)
    assert _attributes("national-state-council-2004", "100亿元", "从粮食风险基金中拿出")["period"] == "2004"


def test_a_clause_opening_with_two_years_is_the_plans_years_so_far():
    # national-state-council-1955, on the plan for 1953-1957: 两年铁路的货物周转量增长百分之五十五
    attrs = _attributes("national-state-council-1955", "百分之五十五", "两年铁路的货物周转量增长")
    assert (attrs["status"], attrs["period"]) == ("actual", "1953-1954")


def test_topical_sections_after_last_years_review_are_this_years_work():
    # national-state-council-1997: 一、１９９６年国内工作的回顾, then 四、积极发展科技教育文化和各项社会事业 …
    attrs = _attributes("national-state-council-1997", "４００万人", "全年再减少青壮年文盲")
    assert (attrs["status"], attrs["period"]) == ("target", "1997")
    # … where the state of the country is still a fact: 全国有２４万多户 (国有小企业)
    assert _attributes("national-state-council-1997", "２４万多户", "全国有")["status"] == "actual"


def test_this_years_aims_end_a_review_without_headings():
    # made up: a short report with no headings, a review paragraph, then this year's aims
    text = ("过去一年，全省生产总值增长5.5%左右。\n"
            "今年主要预期目标是：全省生产总值增长5%以上。力争数字经济核心产业增加值增长8%。\n")
    timeline = ReportTimeline.of(text, 2026)
    got = {}
    for figure in ("5.5%左右", "5%以上", "8%"):
        start = text.index(figure)
        attrs = figure_attributes(text, start, start + len(figure), timeline)
        got[figure] = (attrs["status"], attrs["period"])
    assert got == {"5.5%左右": ("actual", "2025"), "5%以上": ("target", "2026"), "8%": ("target", "2026")}


def _read(doc_id: str, *figures: tuple[str, str]) -> list[tuple[str, str | None]]:
    """(status, period) of each (figure, text just before it) in a raw report."""
    return [(a["status"], a["period"]) for a in (_attributes(doc_id, f, after) for f, after in figures)]


def test_a_report_without_headings_reviews_the_year_before_and_its_two_years():
    # national-state-council-1979: 一、伟大的历史性转变 names no year; 这两年中 (1977-1978) the start at 1976
    assert _read("national-state-council-1979", ("二千零四十六万吨", "钢产量由"), ("三千一百七十八万吨", "增加到"),
                 ("百分之五十五点三", "增长"), ("百分之十六", "社会商品零售总额增长")) == [
        ("actual", "1976"), ("actual", "1978"), ("actual", "1977-1978"), ("actual", "1977-1978")]
    # national-state-council-1960 (no headings): 一九五八年和一九五九年…，粮食两年增长…，棉花两年增长…
    assert _read("national-state-council-1960", ("百分之四十七", "棉花两年增长"), ("五亿四千万亩", "两年造林"),
                 ("五百零四个", "已经有")) == [("actual", "1958-1959"), ("actual", "1958-1959"), ("actual", "1959")]
    # 今年…由去年的10.7%提高到14%: this year's plan, its start last year's
    assert _read("national-state-council-1979", ("百分之十点七", "由去年的"), ("百分之十四", "提高到")) == [
        ("actual", "1978"), ("target", "1979")]


def test_a_report_given_at_the_years_end_reviews_that_year():
    # national-state-council-1981 (November, …１９８２年的计划…, 明年): 过去的一年 is 1981, not yet closed
    text = _raw("national-state-council-1981")
    assert ReportTimeline.of(text, 1981).reviewed_year == 1981
    assert ReportTimeline.of(_raw("national-state-council-1985"), 1985).reviewed_year == 1984
    assert _read("national-state-council-1981", ("１０％以上", "糖料产量将比去年增长")) == [("expected", "1981")]


def test_the_country_as_it_is_has_no_year():
    # national-state-council-1986 (twice), and dev national-state-council-2022
    assert _read("national-state-council-1986", ("十亿多", "我国有")) == [("actual", None)]
    assert _attributes("national-state-council-2022", "2.9亿", "我国有")["period"] is None


def test_last_year_dates_the_start_of_a_raise_not_its_end():
    # national-state-council-2008: 今年中央财政用于教育的投入，将由去年的1076亿元增加到1562亿元
    assert _read("national-state-council-2008", ("1076亿元", "将由去年的"), ("1562亿元", "增加到")) == [
        ("actual", "2007"), ("target", "2008")]


def test_five_years_totals_and_ranges_compared_with():
    # national-state-council-2008, reviewing 2003-2007: 五年新增电力装机3.5亿千瓦，是1950年到2002年53年的总和；
    # 新增公路19.2万公里 (the range is what it is compared with); 五年中央财政用于科技的投入达到3406亿元
    assert _read("national-state-council-2008", ("19.2万公里", "新增公路"), ("3406亿元", "")) == [
        ("actual", "2003-2007"), ("actual", "2003-2007")]
    # national-state-council-1986: 五年内新增发电装机容量一千九百五十万千瓦，采煤能力八千万砘，… (the list goes on
    # adding); 一九七九和一九八○两年合计近三百亿元; “一五”时期平均每年增长百分之四点五
    assert _read("national-state-council-1986", ("八千万砘", "采煤能力"), ("近三百亿元", "两年合计"),
                 ("百分之四点五", "“一五”时期平均每年增长")) == [
        ("actual", "1981-1985"), ("actual", "1979-1980"), ("actual", "1953-1957")]


def test_estimates_and_a_plan_named_inside_a_word():
    # national-state-council-1979: 据有关部门初步估算, 收入估计将增加: estimates
    assert _read("national-state-council-1979", ("二、三百亿度", ""), ("一百三十亿元左右", "")) == [
        ("expected", "1979"), ("expected", "1979")]
    # 纲要 (the programme) is no 要 of a target: 达到和超过纲要这个规定的，已经有五百零四个县
    assert _attributes("national-state-council-1960", "五百零四个", "已经有")["status"] == "actual"


def test_since_a_year_five_years_and_levels_reduced_to():
    # national-state-council-2003, reviewing 1998-2002: 1998年以来，国有企业下岗职工达2700多万人; 五年建成新线5944公里，
    # 复线4603公里; 农村贫困人口由4960万人减少到2820万人 (a level at the end); 人口自然增长率降到6.45‰ (no 增长 flow)
    assert _read("national-state-council-2003", ("2700多万人", "下岗职工达"), ("4603公里", "复线"),
                 ("2820万人", "减少到"), ("6.45‰", "")) == [
        ("actual", "1998-2002"), ("actual", "1998-2002"), ("actual", "2002"), ("actual", "2002")]
    # province-anhui-2026, on 十四五: 全省城镇化率提升5.27个百分点 (a change over the five years)
    assert _read("province-anhui-2026", ("5.27个百分点", "城镇化率提升")) == [("actual", "2021-2025")]


def test_the_year_a_multiple_is_of_is_no_date():
    # national-state-council-1954 (traditional characters): 電力一百零八億度，等於一九四九年的二點五倍；
    # 原煤八千一百九十九萬噸
    assert _read("national-state-council-1954", ("二點五倍", "電力一百零八億度，等於一九四九年的"),
                 ("八千一百九十九萬噸", "原煤")) == [("actual", "1954"), ("actual", "1954")]


def test_a_plan_measured_against_is_no_target():
    # national-state-council-1956, reviewing 1955: 产品销售收入比年度计划增加了２％
    assert _attributes("national-state-council-1956", "２％", "产品销售收入比年度计划增加了")["status"] == "actual"


def test_a_years_review_after_the_five_years_and_flows_in_them():
    # province-jiangsu-2026: 一、“十四五”时期和2025年工作回顾 reviews the five years first, then 各位代表，刚刚过去的
    # 2025年，… opens the year's own review; 牵头建设44家全国重点实验室 is built over the five years, 研发投入强度达
    # 3.38%左右 (no 投入 of money) a level at their end
    assert _read("province-jiangsu-2026", ("6%", "规上工业企业利润增长"), ("44家", "牵头建设"),
                 ("3.38%左右", "研发投入强度达")) == [("actual", "2025"), ("actual", "2021-2025"), ("actual", "2025")]
    # national-state-council-1993: 一、改革开放和现代化建设取得伟大成就的五年 reviews 1988-1992
    assert _read("national-state-council-1993", ("百分之七点九", "五年平均每年增长")) == [("actual", "1988-1992")]


def test_levels_a_plan_reaches_and_the_last_years():
    # national-state-council-2016, the 十三五 targets: 森林覆盖率达到23.04%, 届时，我国经济总量超过90万亿元 (2020);
    # in the review of 2015: 近三年淘汰落后炼钢炼铁产能9000多万吨 (2013-2015)
    assert _read("national-state-council-2016", ("23.04%", "森林覆盖率达到"), ("90万亿元", "经济总量超过"),
                 ("9000多万吨", "近三年淘汰落后炼钢炼铁产能")) == [
        ("target", "2020"), ("target", "2020"), ("actual", "2013-2015")]


def test_how_provincial_reports_of_2026_lay_out_their_years():
    # province-gansu-2026: headings without numbers (“十四五”时期工作回顾, “十五五”时期的主要目标任务, 2026年重点工作)
    timeline = ReportTimeline.of(_raw("province-gansu-2026"), 2026)
    assert [(s.kind, s.period) for s in timeline.sections][:3] == [
        ("review", "2021-2025"), ("plan", "2026-2030"), ("plan", "2026")]
    # province-fujian-2026: 2025年是“十四五”收官之年。一年来，… reviews 2025;
    # 三、一鼓作气勇争先，全力推动“十五五”开好局、
    # 起好步 plans 2026
    assert _read("province-fujian-2026", ("9家", "新增"), ("1500个以上", "滚动实施")) == [
        ("actual", "2025"), ("target", "2026")]
    # province-liaoning-2026: 二、“十五五”时期目标任务和2026年工作安排 … 今年是“十五五”开局之年，…
    assert _read("province-liaoning-2026", ("4%左右", "社会消费品零售总额增长")) == [("target", "2026")]
    # province-hainan-2026: 刚刚过去的2025年，是“十四五”收官之年，… (the year, not the plan)
    hainan = ReportTimeline.of(_raw("province-hainan-2026"), 2026)
    assert [(p.kind, p.period) for p in hainan.paragraphs[:2]] == [(None, None), ("review", "2025")]
    # province-qinghai-2026: 2025年是“十四五”收官之年，是青海发展历程中很不平凡的一年。… (the year, not the plan)
    assert _read("province-qinghai-2026", ("4.1%", "地区生产总值增长")) == [("actual", "2025")]


def test_the_years_so_far_inside_this_years_plan():
    # national-state-council-2000, in the plan for 2000: 两年来通过财政向银行发行2100亿元长期国债，带动4200多亿元…
    # (the two years up to 1999); 已建成的主要有：加固大江大河大湖堤防近6100公里 (done, no plan)
    assert _read("national-state-council-2000", ("2100亿元", "两年来通过财政向银行发行"), ("4200多亿元", "带动")) == [
        ("actual", "1998-1999"), ("actual", "1998-1999")]
    assert _attributes("national-state-council-2000", "近6100公里", "加固大江大河大湖堤防")["status"] == "actual"


def test_things_an_action_produced_over_the_five_years():
    # province-gansu-2026, “十四五”时期工作回顾: 优化重组全国重点实验室14家。组建13家… and 出让矿业权755宗 count what
    # the five years produced (2021-2025); 新能源…产业产值达到1006.6亿元 is the level reached at their end
    assert _read("province-gansu-2026", ("14家", "优化重组全国重点实验室"), ("755宗", "出让矿业权"),
                 ("1006.6亿元", "产业产值达到")) == [
        ("actual", "2021-2025"), ("actual", "2021-2025"), ("actual", "2025")]
    # 开通国际货运班列线路26条, 处置批而未供土地171.6万亩 (province-guangdong-2026): lines opened, land dealt with
    assert _read("province-gansu-2026", ("26条", "开通国际货运班列线路")) == [("actual", "2021-2025")]
    assert _read("province-guangdong-2026", ("171.6万亩", "处置批而未供土地")) == [("actual", "2021-2025")]


def test_a_plans_level_after_da_or_in_a_list_is_the_level_at_its_end():
    # province-guizhou-2026, the targets of 2026-2030: 常住人口城镇化率达63%左右, 拥有量达3.3件 (levels of 2030);
    # province-gansu-2026: 增加值占地区生产总值比重分别超过2%、5% (each level of the list)
    assert _read("province-guizhou-2026", ("63%左右", "常住人口城镇化率达"), ("3.3件", "拥有量达")) == [
        ("target", "2030"), ("target", "2030")]
    assert _read("province-gansu-2026", ("5%", "比重分别超过2%、")) == [("target", "2030")]


def test_a_count_opening_its_clause_of_what_won_an_honour_is_over_the_years():
    # province-jiangsu-2026, review of 2021-2025: 16所高校、48个学科入选“双一流”建设名单 (the five years' selections);
    # province-hainan-2026: 43个社区获评“全国示范性老年友好型社区”; a stock at the end of a clause stays the level
    # reached (province-jiangxi-2026: 规模以上工业企业接近2万家)
    assert _read("province-jiangsu-2026", ("16所", "居全国前列，")) == [("actual", "2021-2025")]
    assert _read("province-hainan-2026", ("43个", "开展医养结合，")) == [("actual", "2021-2025")]
    assert _read("province-jiangxi-2026", ("2万家", "规模以上工业企业接近")) == [("actual", "2025")]


def test_the_rate_of_what_was_built_is_a_level():
    # province-chongqing-2026, review of 2021-2025: 巴渝和美乡村建成率达到65% is the rate reached, not a flow of 建成
    assert _read("province-chongqing-2026", ("65%", "巴渝和美乡村建成率达到")) == [("actual", "2025")]


def test_the_national_programme_for_agriculture_runs_from_1956_to_1967():
    # national-state-council-1960: 全国农业发展纲要要求：从一九五六年开始，在十二年内，粮食每亩平均年产量…分别达到
    # 四百斤、五百斤和八百斤 (the levels of its last year); 分别在七年或者十二年内，基本上消灭的植物病害和虫害有十一种
    # (its years)
    assert _read("national-state-council-1960", ("四百斤", "分别达到"), ("八百斤", "五百斤和"),
                 ("十一种", "虫害有")) == [("target", "1967"), ("target", "1967"), ("target", "1956-1967")]


def test_a_five_year_review_opened_inside_a_paragraph_runs_over_the_items_after_it():
    # province-guizhou-2026, 一、2025年和“十四五”时期工作回顾: …标志着“十四五”规划顺利收官。回望过去五年，… then
    # the items （一）…（十） of the five years: 一般公共预算收入、税收收入年均分别增长4.5%、3%
    assert _attributes("province-guizhou-2026", "4.5%", "税收收入年均分别增长")["period"] == "2021-2025"
    # the year's own results before that paragraph stay the year: 城镇新增就业62.6万人
    assert _attributes("province-guizhou-2026", "62.6万人", "城镇新增就业")["period"] == "2025"


def test_an_undated_start_takes_the_year_of_the_dated_start_before_it():
    # national-1956: 国营机器拖拉机站由１９５４年的８９个增加到１３８个，拖拉机由７７８标准台增加到２，３７７标准台
    text = normalise(_raw("national-state-council-1956"))  # read as the pipeline reads it: １９５４ → 1954
    start = text.index("拖拉机由778标准台") + len("拖拉机由")
    timeline = ReportTimeline.of(text, 1956)
    assert figure_attributes(text, start, start + len("778标准台"), timeline)["period"] == "1954"
    # province-shandong-2026: 占全国比重由2020年的7.2%提升至7.4%，在北方地区占比由20.5%提升至21.1%
    assert _attributes("province-shandong-2026", "20.5%", "在北方地区占比由")["period"] == "2020"
    # the end of the change stays the review's last year
    assert _attributes("province-shandong-2026", "21.1%", "20.5%提升至")["period"] == "2025"


def _normalised_attributes(doc_id: str, figure: str, after: str) -> dict:
    text = normalise(_raw(doc_id))  # read as the pipeline reads it (traditional characters, full-width marks)
    start = text.index(after + figure) + len(after)
    timeline = ReportTimeline.of(text, read_metadata(text, doc_id).year)
    return figure_attributes(text, start, start + len(figure), timeline)


def test_now_dates_a_figure_to_the_report_year():
    # national-1954 (a review of 1953): 目前，国营和合作社营商业在社会商品零售总额中的比重已占百分之五十左右
    assert _normalised_attributes("national-state-council-1954", "百分之五十左右", "比重已占")["period"] == "1954"
    # national-1960: 一九五八年初全国有七十四万多个高级农业生产合作社，现在已经合并改组成为二万四千多个人民公社
    assert _normalised_attributes("national-state-council-1960", "二万四千多个", "改组成为")["period"] == "1960"
    assert _normalised_attributes("national-state-council-1960", "七十四万多个", "全国有")["period"] == "1958"


def test_a_change_between_two_years_compared_covers_the_years_after_the_earlier():
    # national-1983 (a review of 1978-1982): 一九八二年同一九七八年相比，我国粮食增长百分之十六，棉花增长百分之六十六
    assert _normalised_attributes("national-state-council-1983", "百分之十六", "我国粮食增长")["period"] == "1979-1982"
    # national-1993: １９９２年同１９８７年相比，钢产量增长百分之四十二，达到８０００万吨 (the level is 1992's)
    assert _normalised_attributes("national-state-council-1993", "百分之四十二", "钢产量增长")["period"] == "1988-1992"
    assert _normalised_attributes("national-state-council-1993", "8000万吨", "达到")["period"] == "1992"
    # …平均每年增加二百五十三亿元，比一九七八年前的二十六年平均每年增加四十九亿元: compared with other years
    assert _normalised_attributes("national-state-council-1983", "四十九亿元", "平均每年增加")["period"] != "1979-1982"


def test_a_year_compared_with_dates_nothing():
    # national-1981: 1980年同完成经济恢复的1952年相比,工农业总产值增长八点一倍 (the growth up to 1980)
    assert _normalised_attributes("national-state-council-1981", "八点一倍", "工农业总产值增长")["period"] == "1980"
    # province-shanxi-2026: 全年GDP增长4%,快于2024年1.8个百分点 (2025's growth, compared with 2024's)
    assert _normalised_attributes("province-shanxi-2026", "1.8个百分点", "快于2024年")["period"] == "2025"
    # national-2012: 中央财政安排资金1713亿元,是2010年的2.2倍,全年城镇保障性住房基本建成432万套 (2011's, not 2010's)
    assert _normalised_attributes("national-state-council-2012", "432万套", "基本建成")["period"] == "2011"
    # national-2003: 2002年高等学校在校生1600万人,是1997年的2.3倍;五年内全国本专科毕业生1300万人 (the five years)
    assert _normalised_attributes("national-state-council-2003", "1300万人", "本专科毕业生")["period"] == "1998-2002"
    # national-1983 (a review of 1978-1982): 中等职业学校在校生总数三年来增加两倍 (the last three years: 1980-1982)
    assert _normalised_attributes("national-state-council-1983", "两倍", "三年来增加")["period"] == "1980-1982"


def test_the_first_years_and_the_long_years_so_far():
    # national-1957 (the plan for 1953-1957 in its fifth year): 钢产量前三年共增加了一百五十万吨 (its first three)
    assert _normalised_attributes("national-state-council-1957", "一百五十万吨", "钢产量前三年共增加了")["period"] \
        == "1953-1955"
    # … but 而1956年就增加了一百六十一万吨 after it is 1956's
    assert _normalised_attributes("national-state-council-1957", "一百六十一万吨", "而1956年就增加了")["period"] \
        == "1956"
    # national-1983 (the sixth plan, 1981-1985, has run two years): 前四年内…能源消费总量平均每年只增长百分之一点九
    assert _normalised_attributes("national-state-council-1983", "百分之一点九", "平均每年只增长")["period"] \
        == "1979-1982"
    # the same report's review of 1978-1982: 四年中城镇集体所有制单位就业职工增加六百零三万人 (the last four)
    assert _normalised_attributes("national-state-council-1983", "六百零三万人", "就业职工增加")["period"] \
        == "1979-1982"
    # national-1957: 七年来我国派遣了七千多人; national-1975: 全国解放以来，尽管我国人口增加百分之六十
    assert _normalised_attributes("national-state-council-1957", "七千多人", "七年来我国派遣了")["period"] \
        == "1950-1956"
    assert _normalised_attributes("national-state-council-1975", "百分之六十", "我国人口增加")["period"] \
        == "1950-1974"
    # national-1979: 超过了建国以来的最高水平，总产量达到… compares with the years since and keeps its own
    assert _normalised_attributes("national-state-council-1979", "三亿零四百七十五万吨", "总产量达到")["period"] \
        == "1978"
    # national-1957: 第一个五年合计为二十八万人 names the plan without 计划
    assert _normalised_attributes("national-state-council-1957", "二十八万人", "第一个五年合计为")["period"] \
        == "1953-1957"


def test_a_compared_years_own_value_and_the_traditional_jiao():
    # national-1960: 一九五九年的产量达到五百零二万吨，比一九五七年的三百一十二万吨 (1957's own catch)
    assert _normalised_attributes("national-state-council-1960", "三百一十二万吨", "比一九五七年的")["period"] \
        == "1957"
    # national-1957, partly traditional: 手工業总产值达到一百一十七亿元，較1955年增長了16％ (1956's growth)
    got = _normalised_attributes("national-state-council-1957", "16%", "較1955年增長了")
    assert got["period"] == "1956" and got["basis"] == "比1955年"


def test_this_year_and_the_next_and_a_record_since_a_year():
    # national-2020: 今明两年职业技能培训3500万人次以上 (2020 and 2021)
    assert _normalised_attributes("national-state-council-2020", "3500万人次以上", "今明两年职业技能培训")["period"] \
        == "2020-2021"
    # national-2011 (a review of 2006-2010): 实施两年新增4万亿元的投资计划，其中，新增中央投资1.18万亿元 (the last two)
    assert _normalised_attributes("national-state-council-2011", "1.18万亿元", "新增中央投资")["period"] == "2009-2010"
    # national-2012: 农民人均纯收入实际增速为1985年以来最高；…全年人均增加1680元 (2011's, not since 1985)
    assert _normalised_attributes("national-state-council-2012", "1680元", "全年人均增加")["period"] == "2011"
