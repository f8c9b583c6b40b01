"""Sorted-key lookups and word starts, on a real report and the segmenter's real dictionary."""

from pathlib import Path

import numpy as np

from pipeline.sorted_lookup import WordStarts, code_points, positions

ROOT = Path(__file__).resolve().parents[1]


def test_positions_finds_present_keys_and_marks_absent_ones():
    keys = np.array([3, 7, 7, 20], dtype=np.int64)
    got = positions(keys, [7, 3, 20, 4, 25, -1])
    assert [keys[i] if i >= 0 else None for i in got] == [7, 3, 20, None, None, None]
    assert positions(np.array([], dtype=np.int64), [1, 2]).tolist() == [-1, -1]


def test_code_points_keep_a_lone_surrogate_when_asked():
    assert code_points("政府A").tolist() == [ord("政"), ord("府"), ord("A")]
    assert code_points("a\ud800", "surrogatepass").tolist() == [ord("a"), 0xD800]


def test_word_starts_are_every_position_where_a_word_begins():
    # the words of a real report's first sentences as a lexicon, one-character words among them
    text = (ROOT / "corpus" / "raw" / "province-henan-2026.txt").read_text(encoding="utf-8")[:3000]
    words = ["河南", "河南省", "人民政府", "政府工作报告", "高质量发展", "省", "万", "亿元", "增长"]
    starts = set(WordStarts.of(words)(text).tolist())
    begins = {i for i in range(len(text)) for w in words if text.startswith(w, i)}
    assert begins and begins <= starts
    # and no more than where a one-character word is or two characters begin a longer one
    firsts = {w[:2] for w in words if len(w) > 1} | {w for w in words if len(w) == 1}
    assert starts == {i for i in range(len(text)) if text[i] in firsts or text[i:i + 2] in firsts}


def test_the_union_of_two_sets_starts_where_either_does():
    text = "推进黄河流域生态保护和高质量发展，建设郑州国家中心城市"  # made up in a report's style
    union = WordStarts.of(["黄河流域"]).union(WordStarts.of(["郑州", "城"]))
    assert union(text).tolist() == sorted({text.index("黄河流域"), text.index("郑州"), text.index("城")})
