"""The Merkle tree of RFC 9162 §2.1 over the audit log: hashes, heads and proofs, nothing else.

Leaf hash SHA-256(0x00 || leaf), node hash SHA-256(0x01 || left || right), MTH of any size, and
inclusion and consistency proofs with the RFC's own verification algorithms (§2.1.3.2,
§2.1.4.2). The tree is append-only: a `Frontier` (the roots of the perfect subtrees along the
right edge, O(log n) hashes) is all an append needs, so the journal never rereads its log to
extend it. A proof holds only node hashes: it reveals no event (the journal's leaves are keyed
MACs, see samjournal/audit.py, so even a single-leaf hash cannot be guessed from a known event).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()  # MTH({}) = SHA-256()


def leaf_hash(leaf: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + leaf).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than n (n > 1): where MTH splits D[n]."""
    return 1 << ((n - 1).bit_length() - 1)


@dataclass(frozen=True, slots=True)
class Frontier:
    """The right edge of a tree of `size` leaves: one subtree root per set bit of `size`,
    the largest (leftmost) first."""

    size: int = 0
    peaks: tuple[bytes, ...] = ()

    def append(self, leaf_digest: bytes) -> Frontier:
        """The frontier after one more leaf (given as its leaf hash): O(log n) node hashes."""
        peaks = list(self.peaks)
        carry, size = leaf_digest, self.size
        while size & 1:  # each trailing one bit is a perfect subtree the new leaf completes
            carry = node_hash(peaks.pop(), carry)
            size >>= 1
        peaks.append(carry)
        return Frontier(self.size + 1, tuple(peaks))

    def root(self) -> bytes:
        """MTH of the tree: the peaks folded right to left (the left subtree of every split
        is the largest perfect one, so this is the RFC's recursion)."""
        if not self.peaks:
            return EMPTY_ROOT
        root = self.peaks[-1]
        for peak in reversed(self.peaks[:-1]):
            root = node_hash(peak, root)
        return root

    def to_bytes(self) -> bytes:
        return b"".join(self.peaks)

    @classmethod
    def from_bytes(cls, size: int, data: bytes) -> Frontier:
        peaks = tuple(data[i : i + HASH_SIZE] for i in range(0, len(data), HASH_SIZE))
        if size < 0 or len(peaks) != size.bit_count() or len(data) % HASH_SIZE:
            raise ValueError("frontier does not match its size")
        return cls(size, peaks)

    @classmethod
    def of(cls, leaf_digests: Sequence[bytes]) -> Frontier:
        frontier = cls()
        for digest in leaf_digests:
            frontier = frontier.append(digest)
        return frontier


class TreeBuilder:
    """A frontier grown in place, for a pass over a whole log (no object per leaf)."""

    def __init__(self) -> None:
        self.size = 0
        self._peaks: list[bytes] = []

    def add(self, leaf_digest: bytes) -> bytes:
        """Add a leaf; the root of the perfect subtree it completes (the new last peak)."""
        carry, size, peaks, sha = leaf_digest, self.size, self._peaks, hashlib.sha256
        while size & 1:
            carry = sha(b"\x01" + peaks.pop() + carry).digest()
            size >>= 1
        peaks.append(carry)
        self.size += 1
        return carry

    def frontier(self) -> Frontier:
        return Frontier(self.size, tuple(self._peaks))

    def root(self) -> bytes:
        return self.frontier().root()


def root(leaf_digests: Sequence[bytes]) -> bytes:
    """MTH(D[n]) of leaves given as leaf hashes."""
    tree = TreeBuilder()
    for digest in leaf_digests:
        tree.add(digest)
    return tree.root()


# -- proofs (RFC 9162 §2.1.3.1 and §2.1.4.1) ----------------------------------------------------


def inclusion_proof(index: int, leaf_digests: Sequence[bytes]) -> list[bytes]:
    """PATH(m, D[n]): the audit path of leaf `index` (0-based) in the tree of these leaves."""
    n = len(leaf_digests)
    if not 0 <= index < n:
        raise ValueError("leaf index outside the tree")
    proof: list[bytes] = []
    lo, hi = 0, n
    while hi - lo > 1:  # PATH, unrolled: descend towards the leaf, keep each sibling's MTH
        k = _split(hi - lo)
        if index - lo < k:
            proof.append(root(leaf_digests[lo + k : hi]))
            hi = lo + k
        else:
            proof.append(root(leaf_digests[lo : lo + k]))
            lo += k
    proof.reverse()  # the RFC lists the path from the leaf upwards
    return proof


def consistency_proof(old_size: int, leaf_digests: Sequence[bytes]) -> list[bytes]:
    """PROOF(m, D[n]): that the tree of the first `old_size` leaves is a prefix of this one."""
    return proof_between(old_size, len(leaf_digests), lambda lo, hi: root(leaf_digests[lo:hi]))


def proof_between(old_size: int, size: int, mth: Callable[[int, int], bytes]) -> list[bytes]:
    """PROOF(m, D[n]) with `mth(lo, hi)` giving MTH(D[lo:hi]) (from leaves, or from stored
    subtree roots: every range asked for starts at a multiple of a power of two >= its size)."""
    if not 0 <= old_size <= size:
        raise ValueError("old size outside the tree")
    if old_size in (0, size):
        return []
    proof: list[bytes] = []
    m, lo, hi, whole = old_size, 0, size, True  # SUBPROOF(m, D[lo:hi], whole), unrolled
    while m != hi - lo:
        k = _split(hi - lo)
        if m <= k:
            proof.append(mth(lo + k, hi))
            hi = lo + k
        else:
            proof.append(mth(lo, lo + k))
            m, lo, whole = m - k, lo + k, False
    if not whole:
        proof.append(mth(lo, hi))
    proof.reverse()  # SUBPROOF appends the deeper parts first
    return proof


def range_root(lo: int, hi: int, perfect: Callable[[int, int], bytes]) -> bytes:
    """MTH(D[lo:hi]) for `lo` aligned as in proof_between, from the roots of its perfect
    subtrees (`perfect(lo, hi)` for hi - lo a power of two), largest first, folded."""
    pieces, at, rest = [], lo, hi - lo
    while rest:
        k = 1 << (rest.bit_length() - 1)
        pieces.append(perfect(at, at + k))
        at, rest = at + k, rest - k
    result = pieces[-1]
    for piece in reversed(pieces[:-1]):
        result = node_hash(piece, result)
    return result


def verify_inclusion(
    index: int, size: int, digest: bytes, proof: Sequence[bytes], root_hash: bytes
) -> bool:
    """RFC 9162 §2.1.3.2: whether `digest` (a leaf hash) is leaf `index` of the tree."""
    if not 0 <= index < size or any(len(p) != HASH_SIZE for p in proof):
        return False
    fn, sn, r = index, size - 1, digest
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn, sn = fn >> 1, sn >> 1
        else:
            r = node_hash(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root_hash


def verify_consistency(
    old_size: int, new_size: int, old_root: bytes, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """RFC 9162 §2.1.4.2: whether the tree (new_size, new_root) extends (old_size, old_root)."""
    if not 0 <= old_size <= new_size or any(len(p) != HASH_SIZE for p in proof):
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    if old_size == 0:
        return not proof  # every tree extends the empty one
    if not proof:
        return False
    path = list(proof)
    if old_size & (old_size - 1) == 0:  # an exact power of two: the old root is a node here
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn, sn = fn >> 1, sn >> 1
        else:
            sr = node_hash(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return fr == old_root and sr == new_root and sn == 0
