"""Airports and ports named by their place (pipeline.components.transport_hubs), on real report text."""

from pipeline.components.transport_hubs import transport_hubs
from pipeline.divisions import division_names

DIVISIONS = division_names()


def found(text: str) -> list[str]:
    return [text[s:e] for s, e in transport_hubs(text, DIVISIONS)]


def test_airports_and_ports_named_by_a_place():
    # province-anhui-2026, province-hebei-2026, province-hainan-2026
    assert found("支持合肥机场、芜宣机场提升货运能力") == ["合肥机场"]  # 芜宣 is no division: left to the recogniser
    assert found("加快打造黄骅港多功能、综合性、现代化港口") == ["黄骅港"]
    assert found("加快三亚新机场建设") == ["三亚新机场"]


def test_cities_named_for_a_port_harbour_words_and_hong_kong_are_left():
    assert found("连云港、防城港等沿海城市") == []  # the cities (made-up list)
    assert found("唐山港口货物吞吐量、香港") == []  # made up: 港口 is a harbour, 香港 no port of a division
    assert found("推进机场改扩建") == []
