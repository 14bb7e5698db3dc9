"""Disjoint sets of the numbers 0 … n-1 (union-find), each named by its smallest member: the
mentions of one happening, joined pair by pair, named by the first of them."""

from __future__ import annotations


class DisjointSets:
    """Sets of ``0 … size-1``, each one number alone at first."""

    __slots__ = ("parent",)

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        """The smallest member of ``i``'s set."""
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        """One set of ``a``'s and ``b``'s."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
