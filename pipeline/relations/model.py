"""The relation classifier: logistic regression over candidate-pair features, with a decision rule.

Decoding follows the schema: a FIG takes its single most likely head (if above the threshold), or the
project money is raised for (`funded_head`), or the indicator a total counts (`total_head`), or the part a share
is of (`share_head`); an ACH
takes every head above the threshold (coordinated holders); an IND takes its best owner above the
threshold.

scikit-learn fits the model (`train`); prediction is the logistic function of a dot product over the stored
weights, so the prediction path imports neither scikit-learn nor SciPy (half a second of start-up). A model
pickled by an earlier release (with the scikit-learn objects inside) is converted when loaded.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import linear
from pipeline.clauses import SENTENCE_MARKS, clause_start
from pipeline.figures.grammar import PURPOSE_VERBS
from pipeline.relations.candidates import JOINS, Candidate, SortedSpans, SpanT, candidates, features


def _default_thresholds() -> dict[str, float]:
    return {"HAS_VALUE": 0.5, "ACHIEVED": 0.5, "HAS_INDICATOR": 0.5}


@dataclass
class RelationModel:
    weights: dict[str, float]  # feature name → coefficient of the logistic regression
    bias: float
    thresholds: dict[str, float] = field(default_factory=_default_thresholds)

    @classmethod
    def from_sklearn(cls, vectorizer, classifier, thresholds: dict[str, float] | None = None) -> RelationModel:
        """The weights of a fitted `DictVectorizer` + binary `LogisticRegression`."""
        weights, bias = linear.sklearn_weights(vectorizer, classifier)
        return cls(weights, bias, dict(thresholds or _default_thresholds()))

    def probability(self, feats: dict[str, float]) -> float:
        return linear.probability(self.weights, self.bias, feats)

    def score(self, text: str, spans: list[SpanT] | SortedSpans) -> list[tuple[Candidate, float]]:
        index = spans if isinstance(spans, SortedSpans) else SortedSpans(spans)
        return [(c, self.probability(features(text, index, c))) for c in candidates(text, index)]

    def predict(self, text: str, spans: list[SpanT]) -> list[tuple[Candidate, float]]:
        """Relations kept by the decision rule, with their probabilities."""
        index = SortedSpans(spans)
        by_tail: dict[SpanT, list[tuple[Candidate, float]]] = {}
        for cand, p in self.score(text, index):
            by_tail.setdefault(cand.tail, []).append((cand, p))
        kept = []
        for tail, scored in by_tail.items():
            if tail[2] == "IND":
                scored = [cp for cp in scored if not counted_member(text, index, cp[0])
                          and not example_or_helper(text, cp[0])]
                if not scored:
                    continue
            scored.sort(key=lambda cp: -cp[1])
            threshold = self.thresholds[scored[0][0].rel_type]
            if tail[2] == "ACH":
                holders = [cp for cp in scored if cp[1] >= threshold and not beyond_a_figure(text, index, cp[0])
                           and not awarding_agent(text, cp[0])]
                holders = holders_of_its_clause(text, tail, holders)
                holders += [cp for cp in held_by_all(text, index, tail, scored) if cp not in holders]
                holders += [cp for cp in ranked_after_its_figure(text, index, tail, scored) if cp not in holders]
                holders = paired_off(text, index, tail, holders)
                kept.extend(holders)
                kept.extend(coordinated_holders(text, index, holders, scored))
            elif (funded := funded_head(text, index, tail, scored)) is not None:
                kept.append(funded)
            elif (total := total_head(text, index, tail, scored)) is not None:
                kept.append(total)
            elif (share := share_head(text, index, tail, scored)) is not None:
                kept.append(share)
            elif (described := described_holder(text, index, tail, scored)) is not None:
                kept.append(described)
            elif (lawmaker := lawmaking_government(text, tail, scored)) is not None:
                kept.append(lawmaker)
            elif scored[0][1] >= threshold:
                kept.append(scored[0])
                head = scored[0][0].head
                if tail[2] == "IND" and head[1] <= tail[0] and not index.between(head, tail):
                    # 庆阳、酒泉经济总量: the names coordinated with the holder hold it too (not
                    # 大运河、长城、西山永定河三条文化带, where a count makes the names the members of what follows)
                    kept.extend(coordinated_holders(text, index, [scored[0]], scored))
        return kept + honours_coordinated_with_held_ones(text, index, kept)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            pickle.dump(self, fh)

    @classmethod
    def load(cls, path: Path) -> RelationModel:
        with open(path, "rb") as fh:
            model = pickle.load(fh)
        if not isinstance(model, cls):
            raise TypeError(f"{path}: not a RelationModel")
        if not hasattr(model, "weights"):  # an earlier release's pickle: scikit-learn objects inside
            model = cls.from_sklearn(model.vectorizer, model.classifier, model.thresholds)
        return model


def _with_head(scored: list[tuple[Candidate, float]], head: SpanT) -> tuple[Candidate, float] | None:
    """The scored candidate with `head` as its head (a decoding step's choice), if there is one."""
    return next(((cand, p) for cand, p in scored if cand.head == head), None)


# 筹措7亿元实施就业惠民工程, 安排200亿元用于…: money raised or set aside for the project or measure named
# right after it
_FUNDING = re.compile(r"(?:筹措|安排|投入|统筹|下达|拨付|争取)$")
_FOR = re.compile(PURPOSE_VERBS)


def funded_head(text: str, index: SortedSpans, tail: SpanT,
                scored: list[tuple[Candidate, float]]) -> tuple[Candidate, float] | None:
    """The head of a FIG that is money for what follows it (筹措7亿元实施就业惠民工程: the PROJ or IND right
    after the purpose verb), where that pair is a candidate. In the train and dev gold all 13 such figures
    have that head."""
    if tail[2] != "FIG" or not _FUNDING.search(text, max(0, tail[0] - 2), tail[0]):
        return None
    i = index.index[tail] + 1
    if i >= len(index.spans) or index.spans[i][2] not in ("PROJ", "IND"):
        return None
    after = index.spans[i]
    if not _FOR.fullmatch(text, tail[1], after[0]):
        return None
    return _with_head(scored, after)


# 新增境内上市公司62家，总数186家; 净增各类经营主体155万户、总量达474万户: the total of the indicator just counted
_TOTAL_WORDS = ("总数", "总量", "总计", "总规模", "总数量", "总额", "规模")
_TOTAL = re.compile(rf"(?:^|(?<=[，、,]))(?:{'|'.join(_TOTAL_WORDS)})(?:首次|历史性)?(?:达到|达|为|超过|突破)?$")


def _indicator_before(text: str, index: SortedSpans, i: int, pos: int,
                      accept: Callable[[SpanT], bool]) -> SpanT | None:
    """The nearest IND that `accept`s, walking back from span `i` to the start of the sentence (or semicolon
    clause) that `pos` lies in."""
    begin = clause_start(text, pos, SENTENCE_MARKS)  # a head is looked for back to the sentence or a semicolon
    while i >= 0 and index.spans[i][0] >= begin:
        if index.spans[i][2] == "IND" and accept(index.spans[i]):
            return index.spans[i]
        i -= 1
    return None


def total_head(text: str, index: SortedSpans, tail: SpanT,
               scored: list[tuple[Candidate, float]]) -> tuple[Candidate, float] | None:
    """The head of a FIG given as a total (总数186家, 总量达474万户, 总额突破8000亿元, 规模近9.8万亿元): the nearest IND
    before it in its sentence other than the word 总数 itself, where that pair is a candidate, unless the total
    adds more to it (加上…，总额达到…). In the train and dev gold 11 of the 13 figures this gives a head have that
    head; the other two follow 总量达 after a count and its growth (新登记经营主体320万户、增长13%，
    总量达2037.7万户)."""
    if tail[2] != "FIG" or not _TOTAL.search(text, max(0, tail[0] - 8), tail[0]):
        return None
    # a recogniser's IND on the word 总数 itself is passed over (7 of the 9 link the indicator before it)
    head = _indicator_before(text, index, index.index[tail] - 1, tail[0],
                             lambda span: text[span[0]:span[1]] not in _TOTAL_WORDS)
    if head is None or "加上" in text[head[1]:tail[0]]:
        return None  # 加上…的亏损，总额达一百多亿元: the total of a sum, more than the indicator before it
    return _with_head(scored, head)


_HOLDERS = frozenset({"PROJ", "ORG", "ENT", "LOC"})


def described_holder(text: str, index: SortedSpans, tail: SpanT,
                     scored: list[tuple[Candidate, float]]) -> tuple[Candidate, float] | None:
    """The holder of an IND that describes it, with its figure, right before it (总投资超500亿元的[晋北采煤沉陷区新能源
    基地], 全长1.3万公里的[三个一号旅游公路]): the span after the figure and 的, where that pair is a candidate. In the
    train and dev gold all 8 such indicators have that holder."""
    i = index.index[tail]
    if tail[2] != "IND" or i + 2 >= len(index.spans):
        return None
    figure, holder = index.spans[i + 1], index.spans[i + 2]
    if figure[2] != "FIG" or figure[0] != tail[1] or holder[2] not in _HOLDERS or text[figure[1]:holder[0]] != "的":
        return None
    return _with_head(scored, holder)


# 国务院提请全国人大常委会审议法律议案13件，制定修订行政法规8件: the bills and regulations the State Council puts
# forward or makes are its own, though the NPC Standing Committee stands nearer (train and dev gold: 19 of 22 such
# indicators after 国务院 in their sentence link it)
_GOVERNMENT_MAKES = frozenset({"法律议案", "行政法规", "法律草案"})


def lawmaking_government(text: str, tail: SpanT,
                         scored: list[tuple[Candidate, float]]) -> tuple[Candidate, float] | None:
    """国务院 as the holder of the bills or regulations it puts forward or makes, counted later in its sentence,
    where that pair is a candidate."""
    name = text[tail[0]:tail[1]]
    if tail[2] != "IND" or name not in _GOVERNMENT_MAKES:
        return None
    # the first such count after 国务院 only: a later one is what it cleared or reviewed (…颁布行政法规150件；对…
    # 发布的756件行政法规进行全面清理), which the gold leaves unlinked
    return next(((cand, p) for cand, p in scored if cand.head[2] == "ORG" and cand.head[1] <= tail[0]
                 and text[cand.head[0]:cand.head[1]] == "国务院" and name not in text[cand.head[1]:tail[0]]), None)


# 已经有五百零四个县，占全国一千七百八十六个县的百分之二十八: the share is the counted 县's, not the whole's
_SHARE_OF = re.compile(r"占[^，。；,;占]{1,40}的$")


def share_head(text: str, index: SortedSpans, tail: SpanT,
               scored: list[tuple[Candidate, float]]) -> tuple[Candidate, float] | None:
    """The head of a FIG that is a share of a whole named with its own indicator (占全国一千七百八十六个县的百分之
    二十八): the nearest IND before 占 in its sentence, where that pair is a candidate. In the train and dev gold all
    4 such figures have that head, none the indicator of the whole."""
    if tail[2] != "FIG" or not (m := _SHARE_OF.search(text, max(0, tail[0] - 42), tail[0])):
        return None
    share = m.start()
    i = index.index[tail] - 1
    if not (i >= 0 and index.spans[i][2] == "IND" and index.spans[i][0] > share):
        return None  # no indicator of the whole between 占 and the figure
    head = _indicator_before(text, index, i, share, lambda span: span[1] <= share)
    return _with_head(scored, head) if head else None


def beyond_a_figure(text: str, index: SortedSpans, cand: Candidate) -> bool:
    """An IND holding an ACH across a figure and a nearer IND (进出口总额突破万亿元、增速居全国第5位: 增速 holds the
    rank, not 进出口总额). In the train and dev gold such a farther IND holds the ACH 20 times in 418, most of them
    through a coordination or a list, which this leaves."""
    head, tail = cand.head, cand.tail
    if head[2] != "IND" or head[1] > tail[0]:
        return False
    between = index.between(head, tail)
    figure = next((i for i, span in enumerate(between) if span[2] == "FIG"), None)
    if figure is None or not any(span[2] == "IND" for span in between[figure + 1:]):
        return False
    # 10所学校、12个专业群入选…, 残疾人康复服务率等5项指标居…: the figure counts the next IND of a coordination or a
    # list, and the IND before it holds the ACH too
    return text[head[1]:between[figure][0]] not in (*JOINS, "等")


def counted_member(text: str, index: SortedSpans, cand: Candidate) -> bool:
    """A name of a list that a count right after it sums up, with the indicator after the count (湛江、北海等十四个
    沿海港口城市, 机器人及智能制造、绿色石化4个集群): a member of what is counted, not its holder. In the train and
    dev gold such a listed name (after 、 / 和 / 及 or before 等) holds the indicator 3 times in 211; a name alone
    before a count often does (自贸试验区9项制度创新成果), so it is left to the classifier."""
    head, tail = cand.head, cand.tail
    between = index.between(head, tail) if head[1] <= tail[0] else []
    if not between or between[-1][2] != "FIG" or between[-1][1] != tail[0]:
        return False
    names = [head, *between[:-1]]  # the head and the names after it in the same list, up to the count
    if any(name[2] == "FIG" or text[name[1]:after[0]] not in JOINS
           for name, after in zip(names, names[1:], strict=False)):
        return False
    gap = text[names[-1][1]:between[-1][0]]
    listed = len(names) > 1 or any(text.startswith(join, head[0] - len(join)) for join in JOINS)
    return gap == "等" or (gap == "" and listed)


# “全闽乐购”等促消费活动: a quoted name closing a list before 等 is an example of the counted kind (the unquoted
# lists are a feature of the classifier); 苏联帮助我国建设的一百五十六个工业单位: the helper does not hold what it helps
# build. In the train and dev gold neither holds the IND (43 and 22 candidate pairs, none linked)
_EXAMPLE_OR_HELPER = re.compile(r"[”\"](?:、[^，。；、,;]{1,12})*等|帮助|援助|协助|支援")


def example_or_helper(text: str, cand: Candidate) -> bool:
    """Whether the head of a HAS_INDICATOR candidate before its IND is a quoted example before 等 or a helper."""
    return cand.head[1] <= cand.tail[0] and _EXAMPLE_OR_HELPER.match(text, cand.head[1]) is not None


_AWARDED_BY = re.compile(r"(?:评为|授予|命名为?|认定为|评选为|列为)")


# 连续4年获国务院考核优秀等次, 国务院实行最严格水资源管理制度考核连续7年优秀, 通过国务院安委会评估: the body that
# assesses (after 获 / 通过, or before 实行) gives the grade, the province holds it (train and dev gold: none of the
# 11 bodies before an assessment word holds the ACH but a museum ranked by one, 山西博物院位列…运行评估第一名)
_ASSESSED_BY = re.compile(r"[^，。；、]{0,16}?(?:考核|考评|督查|评估)")


def awarding_agent(text: str, cand: Candidate) -> bool:
    """The agent of a passive award (北京被联合国组织评为生物多样性魅力城市) or the assessor of an assessment
    (获国务院考核优秀等次): the body gives the honour, the subject holds it. In the train and dev gold such an agent
    never holds the ACH (2 of 2 passive awards, 3 of 3 assessors)."""
    head, tail = cand.head, cand.tail
    if head[1] > tail[0]:
        return False
    if text[head[0] - 1:head[0]] == "被" and _AWARDED_BY.match(text, head[1], tail[0]) is not None:
        return True
    return head[2] == "ORG" and (text[head[0] - 1:head[0]] in ("获", "经") or text[head[0] - 2:head[0]] == "通过"
                                 or text.startswith("实行", head[1])) \
        and _ASSESSED_BY.match(text, head[1], tail[0]) is not None


def holders_of_its_clause(text: str, tail: SpanT,
                          holders: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """The holders of an ACH without those in an earlier clause where one in the ACH's own clause holds it
    (陶瓷产业总产值突破900亿元，醴陵陶瓷获评国家地理标志产品: the honour is the product's). In the train and dev gold
    no ACH is held across a clause mark where its own clause names a span before it."""
    begin = clause_start(text, tail[0])  # where the ACH's own clause starts
    if not any(begin <= cp[0].head[1] <= tail[0] for cp in holders):
        return holders
    return [cp for cp in holders if cp[0].head[1] >= begin]


# 国家级数字领航企业18家、工业互联网平台46家，均居全国首位: 均 gives the rank to every indicator of the run before it
_ALL_HOLD = re.compile(r"均(?:居|位居|位列|列|保持|排名|稳居|处于|位于|进入)$")
_RUN_GAP = 3  # the most characters between two spans of the run (、, 增至, 分别达)


def held_by_all(text: str, index: SortedSpans, tail: SpanT,
                scored: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """The INDs of the run of indicators and figures right before an ACH that 均 gives to them all. In the train and
    dev gold such a run reaches 41 INDs, all 41 holders of the ACH (one more holder lies before a comma)."""
    verb = _ALL_HOLD.search(text, max(0, tail[0] - 4), tail[0])
    if verb is None:
        return []
    by_head = {cand.head: (cand, p) for cand, p in scored}
    out, edge = [], verb.start()
    for span in reversed(index.spans[:index.index[tail]]):
        gap = text[span[1]:edge]
        if span[2] not in ("IND", "FIG") or len(gap) > _RUN_GAP or any(c in SENTENCE_MARKS for c in gap) \
                or edge < verb.start() and ("，" in gap or "," in gap):
            break  # a comma ends the run, but for the one before 均 (…46家，均居): the clause before is another fact
        if span[2] == "IND" and span in by_head:
            out.append(by_head[span])
        edge = span[0]
    return out


# 农林牧渔业总产值超过1.3万亿元，稳居全国首位; 全社会研发经费投入增速年均超20%，连续三年居全国第一: the rank right
# after an indicator's figure is that indicator's
_RANK_VERB_AFTER_FIGURE = re.compile(r"[，、,]?(?:连续[0-9一二三四五六七八九十两]+年|连年|首次|继续|已)?"
                                     r"(?:稳居|位居|跃居|居|位列|排名|列|保持|进入|跻身)")
_FIGURE_AFTER_INDICATOR = 6  # the most characters between the indicator and its figure (增长, 年均超, 分别达到)


def ranked_after_its_figure(text: str, index: SortedSpans,
                            tail: SpanT, scored: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """The IND of an IND–FIG pair right before a rank (…超过1.3万亿元，稳居全国首位). In the train and dev gold such an
    IND holds the rank 49 times in 50 (the other a share whose indicator comes earlier); on the three folds held
    out of a tagger's fit, 33 of 33."""
    i = index.index[tail]
    if i < 2:
        return []
    indicator, figure = index.spans[i - 2], index.spans[i - 1]
    if indicator[2] != "IND" or figure[2] != "FIG" or figure[0] - indicator[1] > _FIGURE_AFTER_INDICATOR \
            or any(c in SENTENCE_MARKS for c in text[indicator[1]:figure[0]]) \
            or not _RANK_VERB_AFTER_FIGURE.fullmatch(text, figure[1], tail[0]):
        return []
    return [cp for cp in scored if cp[0].head == indicator]


# 浏阳市、宁乡市分别居第11位、第17位; 海口、五指山分别入选…先行区、…先行区: 分别 pairs the names off with the honours
_RESPECTIVELY_VERB = re.compile(r"分别(?:获评|获批|入选|荣获|获得|被评为|被认定为|创成|创建|成为"
                                r"|居|位居|位列|排名|跻身|列)")


def _coordinated_run(text: str, spans: list[SpanT], i: int) -> list[int]:
    """The indices of the spans coordinated with spans[i] by 、, 和, 及 … (A、B和C), spans[i] among them."""
    run = [i]
    while run[0] > 0 and spans[run[0] - 1][2] == spans[i][2] \
            and text[spans[run[0] - 1][1]:spans[run[0]][0]] in JOINS:
        run.insert(0, run[0] - 1)
    while run[-1] + 1 < len(spans) and spans[run[-1] + 1][2] == spans[i][2] \
            and text[spans[run[-1]][1]:spans[run[-1] + 1][0]] in JOINS:
        run.append(run[-1] + 1)
    return run


def paired_off(text: str, index: SortedSpans, tail: SpanT,
               holders: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """The holders of an ACH where a run of names before 分别 and a run of as many honours after it pair off by
    place (浏阳市、宁乡市分别居第11位、第17位: 宁乡市 holds 第17位 only). The train and dev gold pair them so in the one
    such sentence and never link across (its other runs after 分别 rank the indicators of a run of figures, whose
    holder is the one IND before them)."""
    spans = index.spans
    ranks = _coordinated_run(text, spans, index.index[tail])
    verb = _RESPECTIVELY_VERB.search(text, max(0, spans[ranks[0]][0] - 8), spans[ranks[0]][0])
    if len(ranks) < 2 or verb is None or verb.end() != spans[ranks[0]][0]:
        return holders
    last_name = ranks[0] - 1  # the span right before 分别 (nothing lies inside the verb)
    if last_name < 0 or spans[last_name][1] != verb.start() or spans[last_name][2] == "FIG":
        return holders
    names = _coordinated_run(text, spans, last_name)
    if len(names) != len(ranks):
        return holders
    own = spans[names[ranks.index(index.index[tail])]]
    return [cp for cp in holders if cp[0].head == own or cp[0].head not in {spans[j] for j in names}]


def honours_coordinated_with_held_ones(text: str, index: SortedSpans,
                                       kept: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """Holders for an ACH that nothing holds, coordinated after an ACH that is held (居全国第8位、中部第1位;
    荣获文华奖、荷花奖): the first one's holders hold it too. In the train and dev gold 6 of 7 such pairs share their
    holders (the seventh pairs them off after 分别, `paired_off`)."""
    spans = index.spans
    holders: dict[SpanT, list[tuple[Candidate, float]]] = {}
    for cand, p in kept:
        if cand.rel_type == "ACHIEVED":
            holders.setdefault(cand.tail, []).append((cand, p))
    added = []
    for i in range(1, len(spans)):
        first, then = spans[i - 1], spans[i]
        if first[2] != "ACH" or then[2] != "ACH" or text[first[1]:then[0]] != "、" or then in holders \
                or first not in holders or "分别" in text[max(0, first[0] - 6):first[0]]:
            continue
        holders[then] = [(Candidate(cand.head, then, "ACHIEVED"), p) for cand, p in holders[first]]
        added.extend(holders[then])
    return added


def coordinated_holders(text: str, index: SortedSpans, holders: list[tuple[Candidate, float]],
                        scored: list[tuple[Candidate, float]]) -> list[tuple[Candidate, float]]:
    """The names coordinated with a kept holder of an ACH (梧州、北海、防城港跨境电商综合试验区) or of an IND
    (庆阳、酒泉经济总量): each holds it too (guidelines §4), except where 分别 pairs them off with several
    honours. In the train gold 222 of the 225 names coordinated with a holder hold the same ACH; in the train and dev
    gold 43 of 44 hold the same IND."""
    kept = {cand.head for cand, _ in holders}
    by_head = {cand.head: (cand, p) for cand, p in scored}
    ordered = index.spans
    added = []
    for cand, _ in holders:
        if "分别" in text[min(cand.head[1], cand.tail[0]):max(cand.head[0], cand.tail[1])]:
            continue
        i = index.index[cand.head]
        run = _coordinated_run(text, ordered, i)
        at = run.index(i)
        for j in [*reversed(run[:at]), *run[at + 1:]]:  # the nearest first, leftwards then rightwards
            if ordered[j] not in kept and ordered[j] in by_head:
                kept.add(ordered[j])
                added.append(by_head[ordered[j]])
    return added


def record_spans(record: dict) -> list[SpanT]:
    return [(e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]]


def gold_pairs(record: dict) -> set[tuple[SpanT, SpanT, str]]:
    by_id = {e["id"]: (e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]}
    return {(by_id[r["from_id"]], by_id[r["to_id"]], r["type"]) for r in record["relations"]}


def training_matrix(records: list[dict]) -> tuple[list[dict], list[int]]:
    X, y = [], []
    for record in records:
        index = SortedSpans(record_spans(record))
        gold = gold_pairs(record)
        for cand in candidates(record["text"], index):
            X.append(features(record["text"], index, cand))
            y.append(int((cand.head, cand.tail, cand.rel_type) in gold))
    return X, y


def train(records: list[dict], c: float = 1.0) -> RelationModel:
    """Fit the logistic regression on the gold pairs of `records` (training only: imports scikit-learn)."""
    return RelationModel(*linear.fit(*training_matrix(records), c))
