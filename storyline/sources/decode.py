"""Bytes from the outside world → text, detecting the encoding instead of assuming UTF-8."""

from __future__ import annotations

import codecs

import charset_normalizer

# Russian single-byte encodings that charset detectors confuse on short texts
# (koi8-r is often taken for shift_jis). Both map Cyrillic to bytes 0xC0-0xFF,
# with case inverted between them, so the share of lowercase letters decides.
CYRILLIC_ENCODINGS = ("cp1251", "koi8_r")


class Undecodable(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data`, returning (text, encoding name). Raises Undecodable for binary data."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    if looks_binary(data):
        raise Undecodable("binary content (NUL or control bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lossy = data.decode("utf-8", errors="replace")
    if lossy.count("\ufffd") <= max(2, len(lossy) // 1000):
        return lossy, "utf-8"  # UTF-8 with a few broken bytes (a cut or a bad copy): keep it
    cyrillic = decode_cyrillic(data)
    if cyrillic:
        return cyrillic
    best = charset_normalizer.from_bytes(data[:1_000_000]).best()
    if best is None:
        raise Undecodable("no text encoding fits these bytes")
    return data.decode(best.encoding, errors="replace"), best.encoding


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for byte in head if byte < 32 and byte not in b"\t\n\r\f\v\x1b")
    return control > len(head) * 0.05


def decode_cyrillic(data: bytes) -> tuple[str, str] | None:
    """The Russian single-byte decoding with the most natural letter case, if any fits."""
    high = sum(1 for byte in data[:65536] if byte >= 0xC0)
    if high < 0.2 * len(data[:65536]):
        return None
    scored = []
    for encoding in CYRILLIC_ENCODINGS:
        text = data.decode(encoding, errors="replace")
        letters = [char for char in text[:65536] if "\u0400" <= char <= "\u04ff"]
        lower = sum(1 for char in letters if char.islower())
        scored.append((lower / max(len(letters), 1), encoding, text))
    share, encoding, text = max(scored)
    return (text, encoding) if share > 0.6 else None
