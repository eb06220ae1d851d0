"""The Merkle tree of RFC 9162 §2.1: published vectors, and proofs over random trees.

The vectors are the Certificate Transparency reference tree (RFC 6962's leaves, shared by every
implementation; as in transparency-dev/merkle's proof/verify_test.go). The property tests build
random trees, prove inclusion and consistency between random sizes, and check that every
tampered proof (as transparency-dev's corrupt* probes do) is refused.
"""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from samjournal.audit_tree import (
    EMPTY_ROOT,
    Frontier,
    consistency_proof,
    inclusion_proof,
    leaf_hash,
    node_hash,
    root,
    verify_consistency,
    verify_inclusion,
)

LEAVES = [
    bytes.fromhex(h)
    for h in (
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    )
]
ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
INCLUSION = [  # (leaf, 1-based as published; tree size; audit path)
    (1, 8, ["96a296d2", "5f083f0a", "6b47aaf2"]),
    (6, 8, ["bc1a0643", "ca854ea1", "d37ee418"]),
    (3, 3, ["fac54203"]),
    (2, 5, ["6e340b9c", "5f083f0a", "bc1a0643"]),
]
CONSISTENCY = [  # (old size, new size, proof)
    (1, 8, ["96a296d2", "5f083f0a", "6b47aaf2"]),
    (6, 8, ["0ebc5d34", "ca854ea1", "d37ee418"]),
    (2, 5, ["5f083f0a", "bc1a0643"]),
    (6, 7, ["0ebc5d34", "b08693ec", "d37ee418"]),
]
DIGESTS = [leaf_hash(leaf) for leaf in LEAVES]
OTHER = hashlib.sha256(b"some other hash").digest()


def _mth(digests: list[bytes]) -> bytes:
    """MTH as RFC 9162 writes it, recursively: the reference for the frontier."""
    if not digests:
        return EMPTY_ROOT
    if len(digests) == 1:
        return digests[0]
    k = 1 << ((len(digests) - 1).bit_length() - 1)
    return node_hash(_mth(digests[:k]), _mth(digests[k:]))


def _tree(n: int, seed: int) -> list[bytes]:
    return [leaf_hash(f"{seed}:{i}".encode()) for i in range(n)]


def test_the_published_roots() -> None:
    assert root([]).hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    for n in range(1, 9):
        assert root(DIGESTS[:n]).hex() == ROOTS[n - 1]


def test_the_published_proofs() -> None:
    for leaf, size, path in INCLUSION:
        proof = inclusion_proof(leaf - 1, DIGESTS[:size])
        assert [p.hex()[:8] for p in proof] == path
        assert verify_inclusion(
            leaf - 1, size, DIGESTS[leaf - 1], proof, bytes.fromhex(ROOTS[size - 1])
        )
    for old, new, path in CONSISTENCY:
        proof = consistency_proof(old, DIGESTS[:new])
        assert [p.hex()[:8] for p in proof] == path
        old_root, new_root = bytes.fromhex(ROOTS[old - 1]), bytes.fromhex(ROOTS[new - 1])
        assert verify_consistency(old, new, old_root, new_root, proof)


def test_trivial_consistency_as_the_rfc_has_it() -> None:
    a, b = ROOTS[0], ROOTS[1]
    assert verify_consistency(0, 0, EMPTY_ROOT, EMPTY_ROOT, [])
    assert verify_consistency(0, 5, EMPTY_ROOT, bytes.fromhex(b), [])
    assert verify_consistency(3, 3, bytes.fromhex(a), bytes.fromhex(a), [])
    assert not verify_consistency(3, 3, bytes.fromhex(a), bytes.fromhex(b), [])
    assert not verify_consistency(1, 1, EMPTY_ROOT, EMPTY_ROOT, [EMPTY_ROOT])  # not empty
    assert not verify_consistency(2, 1, bytes.fromhex(a), bytes.fromhex(b), [])  # time travel
    assert not verify_consistency(1, 2, bytes.fromhex(a), bytes.fromhex(b), [])  # no proof


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 300), st.integers(0, 2**16))
def test_the_frontier_is_the_rfc_recursion(n: int, seed: int) -> None:
    digests = _tree(n, seed)
    tree = Frontier()
    for i, d in enumerate(digests):
        tree = tree.append(d)
        if i % 37 == 0 or i == n - 1:
            assert tree.root() == _mth(digests[: i + 1])
    assert Frontier.from_bytes(tree.size, tree.to_bytes()) == tree
    assert root(digests) == _mth(digests)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_inclusion_proofs_hold_and_tampered_ones_do_not(data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 600), label="size")
    index = data.draw(st.integers(0, n - 1), label="index")
    digests = _tree(n, data.draw(st.integers(0, 2**16)))
    top = root(digests)
    proof = inclusion_proof(index, digests)
    assert verify_inclusion(index, n, digests[index], proof, top)
    for wrong in _corrupt(proof, top):
        assert not verify_inclusion(index, n, digests[index], wrong, top)
    for i, size in (
        (index - 1, n),
        (index + 1, n),
        (index ^ 2, n),
        (index, n * 2),
        (index, n // 2),
    ):
        if (i, size) != (index, n) and not (size == n and digests[i % n] == digests[index]):
            assert not verify_inclusion(i, size, digests[index], proof, top)
    assert not verify_inclusion(index, n, OTHER, proof, top)
    assert not verify_inclusion(index, n, digests[index], proof, OTHER)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_consistency_proofs_hold_and_tampered_ones_do_not(data: st.DataObject) -> None:
    new = data.draw(st.integers(1, 600), label="new size")
    old = data.draw(st.integers(1, new), label="old size")
    digests = _tree(new, data.draw(st.integers(0, 2**16)))
    old_root, new_root = root(digests[:old]), root(digests)
    proof = consistency_proof(old, digests)
    assert verify_consistency(old, new, old_root, new_root, proof)
    if old == new:
        assert proof == []
        return
    for wrong in _corrupt(proof, old_root, new_root):
        assert not verify_consistency(old, new, old_root, new_root, wrong)
    for size1, size2 in ((old - 1, new), (old + 1, new), (old ^ 2, new), (old, new * 2)):
        if (size1, size2) != (old, new) and size1 > 0:
            assert not verify_consistency(size1, size2, old_root, new_root, proof)
    assert not verify_consistency(old, new, OTHER, new_root, proof)
    assert not verify_consistency(old, new, old_root, OTHER, proof)
    assert not verify_consistency(old, new, new_root, old_root, proof)
    # A log that changed any one of the old leaves cannot prove it extends the old head.
    changed = list(digests)
    changed[data.draw(st.integers(0, old - 1), label="changed leaf")] = OTHER
    rewritten = consistency_proof(old, changed)
    assert not verify_consistency(old, new, old_root, root(changed), rewritten)


def _corrupt(proof: list[bytes], *roots: bytes) -> list[list[bytes]]:
    """transparency-dev's probes: garbage before or after, a flipped bit, a part removed."""
    out = [[*proof, b""], [b"", *proof], [*proof, OTHER]]
    out += [[*proof, r] for r in roots] + [[r, *proof] for r in roots]
    if proof:
        out += [proof[:-1], [proof[0], *proof]]
    for i in range(len(proof)):
        flipped = bytearray(proof[i])
        flipped[0] ^= 16
        out.append([*proof[:i], bytes(flipped), *proof[i + 1 :]])
    return out


def test_a_proof_holds_hashes_and_nothing_else() -> None:
    """What travels: 32-byte node hashes of the tree, none of them a leaf's content, none the
    plain hash of an event someone could guess (the journal's leaves are keyed MACs)."""
    events = [
        f'[{i},"2026-01-01T10:00:0{i % 10}+00:00","lise","view","family","3"]' for i in range(40)
    ]
    macs = [hashlib.sha256(b"secret key" + e.encode()).digest() for e in events]
    digests = [leaf_hash(m) for m in macs]
    guessable = {leaf_hash(e.encode()) for e in events} | {
        hashlib.sha256(e.encode()).digest() for e in events
    }
    for old in range(1, 40):
        proof = consistency_proof(old, digests)
        assert all(isinstance(p, bytes) and len(p) == 32 for p in proof)
        assert not set(proof) & guessable
        assert not any(e.encode() in b"".join(proof) for e in events)
        assert not set(proof) & set(macs)  # not even the MACs themselves, only their hashes
