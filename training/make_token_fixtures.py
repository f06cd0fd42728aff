"""Writes tests/fixtures/tokens/*.json: pieces that genpatch_tokens.py (here) and src/music/tokens.ts
must tokenize identically. Each file is {name, source, format, meter, key, notes, tokens, decoded}.

Real pieces come from training/data (trimmed: a melody to its first 64 notes, a chorale to the notes
that start in its first 4 bars); edge cases are written out by hand below.
Run: /usr/bin/python3 training/make_token_fixtures.py
"""
from __future__ import annotations

import gzip
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import genpatch_tokens as gt  # noqa: E402

ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "tests", "fixtures", "tokens")

# (corpus tune name, why it is here); each reason is checked below so a corpus change cannot hollow it out.
IRISH = [
    ("CarmelMahoneyMulhairereel", "4/4 reel, off-grid 1/24-beat durations, ends mid-bar (pickup)"),
    ("FarrellOGarareel", "4/4 reel opening on a half-beat rest (pickup)"),
    ("BasketofEggs21666jig", "6/4 jig with off-grid durations, test split"),
    ("PaddyFahysJig", "6/8 jig with off-grid durations"),
    ("HawthornJigThe", "9/8 slip jig in E minor with rests"),
    ("BattleofAughrimpolkaThe", "2/4 polka, test split"),
    ("KilcumminSlide", "12/8 slide with rests"),
]
JSB = [
    ("train 90", "three voices enter late (rests in the grid)"),
    ("valid 39", "gaps inside voices and 16th notes"),
    ("test 1", "test split"),
]
MELODY_NOTES = 64
CHORALE_BEATS = 16


def load(corpus: str) -> dict:
    with gzip.open(os.path.join(HERE, "data", f"{corpus}.notes.json.gz"), "rt") as f:
        return {t["name"]: t for t in json.load(f)["tunes"]}


def off_grid(x: float, per_beat: int) -> bool:
    return abs(x * per_beat - round(x * per_beat)) > 1e-9


def melody_case(name: str, source: str, notes: list, meter, key) -> dict:
    tokens = gt.encode_melody(notes, meter, key)
    dec = gt.decode_melody(tokens)
    decoded = {"notes": dec["notes"], "meter": list(dec["meter"]), "key": dec["key"]}
    return {"name": name, "source": source, "format": "melody", "meter": list(meter), "key": key,
            "notes": notes, "tokens": tokens, "decoded": decoded}


def chorale_case(name: str, source: str, notes: list, meter) -> dict:
    tokens = gt.encode_chorale(notes, meter)
    dec = gt.decode_chorale(tokens)
    decoded = {"notes": dec["notes"], "meter": list(dec["meter"]), "key": None}
    return {"name": name, "source": source, "format": "chorale", "meter": list(meter), "key": None,
            "notes": notes, "tokens": tokens, "decoded": decoded}


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text).strip("-").lower()


def real_pieces() -> list[dict]:
    cases = []
    irish = load("irish")
    for name, why in IRISH:
        t = irish[name]
        rows = sorted(t["notes"], key=lambda n: (n[1], n[0]))[:MELODY_NOTES]
        notes = [{"pitch": p, "start": s, "duration": d} for p, s, d, _ in rows]
        if "off-grid" in why:
            assert any(off_grid(n["start"], 12) or off_grid(n["duration"], 12) for n in notes), name
        if "rest" in why:
            assert any(a["start"] + a["duration"] < b["start"] - 1e-9 for a, b in zip(notes, notes[1:])) or notes[0]["start"] > 0, name
        if "test split" in why:
            assert t["split"] == "test", name
        source = f"irish '{name}' ({t['split']}), first {len(notes)} notes: {why}"
        cases.append(melody_case(f"irish-{slug(name)}", source, notes, tuple(t["meter"]), t["key"]))
    jsb = load("jsb")
    for name, why in JSB:
        t = jsb[name]
        rows = sorted((n for n in t["notes"] if n[1] < CHORALE_BEATS), key=lambda n: (n[1], n[3], n[0]))
        notes = [{"pitch": p, "start": s, "duration": d, "voice": v} for p, s, d, v in rows]
        if "test split" in why:
            assert t["split"] == "test", name
        if "late" in why:
            assert sum(1 for v in range(4) if min(n["start"] for n in notes if n["voice"] == v) > 0) == 3, name
        source = f"jsb '{name}' ({t['split']}), notes starting in the first {CHORALE_BEATS} beats: {why}"
        cases.append(chorale_case(f"jsb-{slug(name)}", source, notes, tuple(t["meter"])))
    return cases


def n(pitch, start, duration, voice=None):
    d = {"pitch": pitch, "start": start, "duration": duration}
    if voice is not None:
        d["voice"] = voice
    return d


def edge_cases() -> list[dict]:
    return [
        melody_case("edge-melody-gaps-overlaps", "hand-written: gaps become REST, overlaps are cut, a note inside the previous one "
                    "and the upper note of a chord are dropped, a zero-length note lasts one twelfth, a note starting before 0 "
                    "is cut, half-twelfth times round up; D dorian reads as D minor",
                    [n(62, -0.25, 0.5), n(64, 0.5, 1), n(67, 0.75, 0.25), n(60, 2, 1), n(72, 2, 0.5),
                     n(65, 3.5, 0), n(0, 1 / 24, 0.5 + 1 / 24), n(127, 4 + 1 / 24, 1 / 3), n(69, 4.5, 0.75)],
                    (4, 4), {"tonic": 2, "mode": "dorian"}),
        melody_case("edge-melody-long-notes", "hand-written: notes and rests over 4 beats split into HOLD/REST parts "
                    "across bar lines; G mixolydian reads as G major",
                    [n(67, 0, 5), n(69, 15, 9.5), n(71, 24.5, 0.5), n(72, 25, 12)], (3, 4), {"tonic": 7, "mode": "mixolydian"}),
        melody_case("edge-melody-5-4", "hand-written: 5/4 has no token of its own (METER_other) but bars still follow it; no key",
                    [n(60 + i % 7, i * 0.75, 0.75) for i in range(16)], (5, 4), None),
        melody_case("edge-melody-7-8-triplets", "hand-written: 7/8 (METER_other) with triplets and dotted notes",
                    [n(62, 0, 1 / 3), n(64, 1 / 3, 1 / 3), n(66, 2 / 3, 1 / 3), n(67, 1, 0.75), n(69, 1.75, 0.25),
                     n(71, 2, 1.5), n(72, 3.5, 3.5)], (7, 8), {"tonic": 9, "mode": "minor"}),
        melody_case("edge-melody-empty", "hand-written: no notes", [], (6, 8), {"tonic": 0, "mode": "major"}),
        chorale_case("edge-chorale-overlaps", "hand-written: in one voice the later start wins (an earlier note is cut, "
                     "nothing continues after the later one ends), notes without voice go to voice 0, starts and ends round "
                     "to the 16th grid, a tiny note lasts one step, a note before 0 is cut, the tenor is silent; 3/4",
                     [n(72, 0, 3, 0), n(74, 1, 0.5, 0), n(67, 0, 1.1, 1), n(65, 1.125, 0.01, 1), n(48, -0.5, 1.5, 3),
                      n(50, 2, 2), n(43, 2.9, 3.2, 3)], (3, 4)),
        chorale_case("edge-chorale-5-4", "hand-written: 5/4 chorale (METER_other, 20 steps a bar)",
                     [n(60 + v * -5, b, 1.25, v) for v in range(4) for b in (0, 1.25, 2.5, 3.75, 5, 6.25)], (5, 4)),
        chorale_case("edge-chorale-empty", "hand-written: no notes", [], (4, 4)),
    ]


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    for old in os.listdir(OUT):
        if old.endswith(".json"):
            os.remove(os.path.join(OUT, old))
    cases = real_pieces() + edge_cases()
    for case in cases:
        with open(os.path.join(OUT, case["name"] + ".json"), "w") as f:
            json.dump(case, f, separators=(",", ":"))
            f.write("\n")
    print(f"wrote {len(cases)} fixtures to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
