"""An error inside another message (a bundle's signature inside "the tag manifest's signature
fails") is worded in that message's language; it was its bokmål text in English refusals
(outside review s10)."""

from __future__ import annotations

from samjournal.errors import BundleRejected
from samjournal.messages import error_text, inner, keyed


def test_an_error_inside_a_message_is_worded_in_its_language() -> None:
    inside = keyed(BundleRejected, "signature_does_verify")
    outer = keyed(BundleRejected, "tag_manifest_signature_fails", exc=inner(inside))
    english = error_text(outer, "en")
    assert "the signature does not verify" in english
    assert "signaturen" not in english
    assert "signaturen stemmer ikke" in error_text(outer, "nb")


def test_any_other_error_inside_a_message_is_its_text() -> None:
    assert inner(UnicodeDecodeError("ascii", b"\xff", 0, 1, "bad")) == (
        "'ascii' codec can't decode byte 0xff in position 0: bad"
    )
