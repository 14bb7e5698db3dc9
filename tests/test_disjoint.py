"""Disjoint sets: each set named by its smallest member, whatever the order of the joins."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline.disjoint import DisjointSets

PAIRS = st.lists(st.tuples(st.integers(0, 29), st.integers(0, 29)), max_size=40)


@given(PAIRS)
def test_each_set_is_named_by_its_smallest_member(pairs: list[tuple[int, int]]) -> None:
    sets = DisjointSets(30)
    for a, b in pairs:
        sets.join(a, b)
    # the same sets, found by walking the joins
    together = {i: {i} for i in range(30)}
    for a, b in pairs:
        merged = together[a] | together[b]
        for member in merged:
            together[member] = merged
    for i in range(30):
        assert sets.find(i) == min(together[i])
