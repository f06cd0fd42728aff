"""Reads Standard MIDI Files (with mido, Debian's python3-mido) into the tokenizer's note dicts:
parts per (track, channel), the first time signature and key signature, and the notes arranged
as a melody (highest note of each onset) or as four chorale voices."""
from __future__ import annotations

from pathlib import Path

import mido

LETTERS = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}


def parse_key(text: str) -> dict:
    """mido's key names ('G', 'Em', 'Bb', 'F#m') as {"tonic", "mode"}."""
    minor = text.endswith("m")
    name = text[:-1] if minor else text
    tonic = LETTERS[name[0]] + name[1:].count("#") - name[1:].count("b")
    return {"tonic": tonic % 12, "mode": "minor" if minor else "major"}


def read_midi(path: Path) -> dict:
    """{"parts": [[note]], "meter": (num, den), "key": dict | None} with times in beats."""
    mid = mido.MidiFile(str(path))
    tpb = mid.ticks_per_beat
    parts: dict[tuple[int, int], list[dict]] = {}
    meter, key = None, None
    for ti, track in enumerate(mid.tracks):
        tick, sounding = 0, {}
        for msg in track:
            tick += msg.time
            if msg.type == "time_signature" and meter is None:
                meter = (msg.numerator, msg.denominator)
            elif msg.type == "key_signature" and key is None:
                key = parse_key(msg.key)
            elif msg.type in ("note_on", "note_off"):
                slot = (msg.channel, msg.note)
                if msg.type == "note_on" and msg.velocity > 0:
                    sounding.setdefault(slot, []).append(tick)
                elif sounding.get(slot):
                    start = sounding[slot].pop(0)
                    if tick > start:
                        parts.setdefault((ti, msg.channel), []).append(
                            {"pitch": msg.note, "start": start / tpb, "duration": (tick - start) / tpb})
    notes = [sorted(p, key=lambda n: (n["start"], n["pitch"])) for _, p in sorted(parts.items())]
    return {"parts": [p for p in notes if p], "meter": meter or (4, 4), "key": key}


def melody_notes(parts: list[list[dict]]) -> list[dict]:
    """The part with the most notes, keeping only the highest note of each onset."""
    if not parts:
        return []
    top: dict[float, dict] = {}
    for n in max(parts, key=len):
        if n["start"] not in top or n["pitch"] > top[n["start"]]["pitch"]:
            top[n["start"]] = n
    return [top[s] for s in sorted(top)]


def chorale_notes(parts: list[list[dict]]) -> list[dict]:
    """Four voices (0 = soprano … 3 = bass): with four or more parts, the four largest ordered by
    mean pitch from high to low; otherwise the notes of each onset by pitch rank (highest = 0)."""
    if len(parts) >= 4:
        chosen = sorted(parts, key=len, reverse=True)[:4]
        chosen.sort(key=lambda p: -sum(n["pitch"] for n in p) / len(p))
        return [{**n, "voice": v} for v, p in enumerate(chosen) for n in p]
    onsets: dict[float, list[dict]] = {}
    for n in (n for p in parts for n in p):
        onsets.setdefault(n["start"], []).append(n)
    out = []
    for start in sorted(onsets):
        for rank, n in enumerate(sorted(onsets[start], key=lambda n: -n["pitch"])):
            out.append({**n, "voice": min(rank, 3)})
    return out
