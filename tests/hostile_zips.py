"""Zip archives forged so that Python's zipfile raises something other than BadZipFile.

Every reader of an untrusted archive (bundles, backups) must still answer with its own clear
error; the tests feed it these.
"""

from __future__ import annotations

import struct


def future_version(archive: bytes) -> bytes:
    """Sets "version needed to extract" to 8.4: zipfile raises NotImplementedError, not
    BadZipFile (found by the bundle fuzzer)."""
    forged = bytearray(archive)
    struct.pack_into("<H", forged, forged.rindex(b"PK\x01\x02") + 6, 84)
    return bytes(forged)


def huge_offset(archive: bytes) -> bytes:
    """A zip64 extra field puts the entry's header at 2**64 - 1: seek() raises OverflowError."""
    forged = bytearray(archive)
    central = forged.rindex(b"PK\x01\x02")
    name_length = struct.unpack_from("<H", forged, central + 28)[0]
    struct.pack_into("<I", forged, central + 42, 0xFFFFFFFF)  # "see the zip64 extra field"
    extra = struct.pack("<HHQ", 1, 8, 2**64 - 1)
    forged[central + 46 + name_length : central + 46 + name_length] = extra
    struct.pack_into("<H", forged, central + 30, len(extra))
    end = forged.rindex(b"PK\x05\x06")
    size = struct.unpack_from("<I", forged, end + 12)[0]
    struct.pack_into("<I", forged, end + 12, size + len(extra))  # the central directory grew
    return bytes(forged)
