"""A minimal Standard MIDI File (format 0) writer: timed channel events at 960 ticks per second."""
from __future__ import annotations

import struct

TICKS_PER_BEAT = 480
TEMPO_US = 500_000  # 120 bpm, so one tick is 1/960 s
TICKS_PER_SECOND = TICKS_PER_BEAT * 1_000_000 // TEMPO_US
BEND_RANGE = 2.0  # semitones: the General MIDI default pitch-bend range


def _vlq(n: int) -> bytes:
    out = [n & 0x7F]
    n >>= 7
    while n:
        out.append(0x80 | (n & 0x7F))
        n >>= 7
    return bytes(reversed(out))


def bend_value(semitones: float) -> int:
    """14-bit pitch-bend value for a bend in semitones (clamped to ±BEND_RANGE)."""
    return max(0, min(16383, round(8192 + semitones / BEND_RANGE * 8192)))


def bend_semitones(value: int) -> float:
    """The bend in semitones that a 14-bit pitch-bend value plays."""
    return (value - 8192) / 8192 * BEND_RANGE


def write_midi(path: str, events: list[tuple[int, bytes]], channel_program: int | None = None) -> None:
    """Writes events (tick, status+data bytes) sorted by tick, with an optional program change at tick 0."""
    track = bytearray()
    track += b"\x00\xff\x51\x03" + TEMPO_US.to_bytes(3, "big")
    if channel_program is not None:
        track += b"\x00" + bytes([0xC0, channel_program])
    last = 0
    for tick, data in sorted(events, key=lambda e: e[0]):
        track += _vlq(tick - last) + data
        last = tick
    track += b"\x00\xff\x2f\x00"
    with open(path, "wb") as f:
        f.write(b"MThd" + struct.pack(">IHHH", 6, 0, 1, TICKS_PER_BEAT))
        f.write(b"MTrk" + struct.pack(">I", len(track)) + bytes(track))
