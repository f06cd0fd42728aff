"""Token vocabulary genpatch-events-v1 (docs/tokens.md): the Python twin of src/music/tokens.ts.

Notes are dicts {"pitch": int, "start": float beats, "duration": float beats, "voice": int?}.
"""
from __future__ import annotations

import math

PAD, BOS, EOS, BAR = 0, 1, 2, 3
NOTE0 = 4
REST = 132
HOLD = 133
DUR0 = 133  # DUR_k = DUR0 + k, k = 1..48
MAX_DUR = 48
KEY_MAJ0 = 182
KEY_MIN0 = 194
METERS = ["2/2", "2/4", "3/4", "4/4", "6/4", "6/8", "9/8", "12/8", "3/2"]
METER0 = 206
METER_OTHER = 215
VOCAB_SIZE = 216
VOCAB_ID = "genpatch-events-v1"
TWELFTHS = 12
STEP = 3  # a 16th note in twelfths

MAJOR_MODES = {"major", "ionian", "lydian", "mixolydian"}
MINOR_MODES = {"minor", "dorian", "phrygian", "aeolian", "locrian"}


def token_name(i: int) -> str:
    """The readable name of token id i."""
    if i == PAD: return "<pad>"
    if i == BOS: return "<bos>"
    if i == EOS: return "<eos>"
    if i == BAR: return "BAR"
    if NOTE0 <= i < NOTE0 + 128: return f"NOTE_{i - NOTE0}"
    if i == REST: return "REST"
    if i == HOLD: return "HOLD"
    if DUR0 < i <= DUR0 + MAX_DUR: return f"DUR_{i - DUR0}"
    if KEY_MAJ0 <= i < KEY_MAJ0 + 12: return f"KEY_maj_{i - KEY_MAJ0}"
    if KEY_MIN0 <= i < KEY_MIN0 + 12: return f"KEY_min_{i - KEY_MIN0}"
    if METER0 <= i < METER0 + len(METERS): return f"METER_{METERS[i - METER0]}"
    if i == METER_OTHER: return "METER_other"
    raise ValueError(f"token id {i} is outside the vocabulary 0..{VOCAB_SIZE - 1}")


def meter_token(meter) -> int:
    text = f"{meter[0]}/{meter[1]}"
    return METER0 + METERS.index(text) if text in METERS else METER_OTHER


def key_token(key) -> int | None:
    """key: {"tonic": pitch class 0-11, "mode": str} or None."""
    if not key:
        return None
    mode = key["mode"].lower()
    if mode in MAJOR_MODES:
        return KEY_MAJ0 + key["tonic"] % 12
    if mode in MINOR_MODES:
        return KEY_MIN0 + key["tonic"] % 12
    raise ValueError(f"unknown mode {key['mode']!r}")


def bar_length(meter) -> int:
    """Twelfths in one bar of the meter (0 for a bar shorter than half a twelfth: no BAR tokens)."""
    if meter[0] < 1 or meter[1] < 1:
        raise ValueError(f"meter {meter[0]}/{meter[1]} must have a positive numerator and denominator")
    return _round(meter[0] * 48 / meter[1])


def _round(x: float) -> int:
    """Round half up: floor(x + 0.5), the same as Math.floor(x + 0.5) in tokens.ts (not Python's round)."""
    return int(math.floor(x + 0.5))


def _pitch(n) -> int:
    p = n["pitch"]
    if not (0 <= p < 128 and int(p) == p):
        raise ValueError(f"note pitch {p!r} is not a MIDI pitch 0..127")
    return int(p)


def encode_melody(notes, meter=(4, 4), key=None, eos=True) -> list[int]:
    """Melody format: <bos> [KEY] METER (NOTE|REST) DUR ... <eos>."""
    out = [BOS]
    kt = key_token(key)
    if kt is not None:
        out.append(kt)
    out.append(meter_token(meter))
    bar = bar_length(meter)
    t = 0

    def emit(first: int, cont: int, units: int):
        nonlocal t
        head = True
        while units > 0:
            c = min(units, MAX_DUR)
            if bar > 0 and t % bar == 0:
                out.append(BAR)
            out.append(first if head else cont)
            out.append(DUR0 + c)
            head = False
            t += c
            units -= c

    for n in sorted(notes, key=lambda n: (n["start"], n["pitch"])):
        s = _round(n["start"] * TWELFTHS)
        d = max(1, _round(n["duration"] * TWELFTHS))
        if s < t:
            d = s + d - t
            s = t
            if d <= 0:
                continue
        if s > t:
            emit(REST, REST, s - t)
        emit(NOTE0 + _pitch(n), HOLD, d)
    if eos:
        out.append(EOS)
    return out


def decode_melody(tokens) -> dict:
    """Tokens (melody format) back to {"notes", "meter", "key"}; times in beats."""
    notes, meter, key = [], (4, 4), None
    t = 0
    i = 0
    last_note = None  # index into notes of the note that ended at t, if the previous event was a note
    while i < len(tokens):
        tok = tokens[i]
        if tok == EOS:
            break
        if METER0 <= tok < METER0 + len(METERS):
            a, b = METERS[tok - METER0].split("/")
            meter = (int(a), int(b))
        elif KEY_MAJ0 <= tok < KEY_MAJ0 + 12:
            key = {"tonic": tok - KEY_MAJ0, "mode": "major"}
        elif KEY_MIN0 <= tok < KEY_MIN0 + 12:
            key = {"tonic": tok - KEY_MIN0, "mode": "minor"}
        elif (NOTE0 <= tok < NOTE0 + 128) or tok in (REST, HOLD):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and DUR0 < nxt <= DUR0 + MAX_DUR:
                k = nxt - DUR0
                if tok == REST or (tok == HOLD and last_note is None):
                    last_note = None
                elif tok == HOLD:
                    notes[last_note]["duration"] += k / TWELFTHS
                else:
                    notes.append({"pitch": tok - NOTE0, "start": t / TWELFTHS, "duration": k / TWELFTHS})
                    last_note = len(notes) - 1
                t += k
                i += 1
        i += 1
    return {"notes": notes, "meter": meter, "key": key}


def encode_chorale(notes, meter=(4, 4), eos=True) -> list[int]:
    """Chorale format: <bos> METER ([BAR] S A T B)... <eos> on a 16th-note grid."""
    steps = 0
    grid = [dict() for _ in range(4)]  # voice -> {step: pitch onset}
    ends = [dict() for _ in range(4)]  # voice -> {onset step: end step}
    for n in sorted(notes, key=lambda n: (n["start"], n["pitch"])):
        v = n.get("voice") or 0
        if not 0 <= v < 4:
            raise ValueError(f"chorale voice {v} is outside 0..3")
        s = _round(n["start"] * 4)
        e = max(s + 1, _round((n["start"] + n["duration"]) * 4))
        if e <= 0:
            continue  # wholly before the start of the piece
        s = max(s, 0)
        grid[v][s] = _pitch(n)
        ends[v][s] = e
        steps = max(steps, e)
    out = [BOS, meter_token(meter)]
    bar_steps = bar_length(meter) // STEP
    lanes = []
    for v in range(4):
        lane = [REST] * steps
        onsets = sorted(grid[v])
        for j, s in enumerate(onsets):
            # The later start wins: a note is cut where the next one of its voice starts.
            stop = ends[v][s] if j + 1 == len(onsets) else min(ends[v][s], onsets[j + 1])
            lane[s] = NOTE0 + grid[v][s]
            for x in range(s + 1, stop):
                lane[x] = HOLD
        lanes.append(lane)
    for s in range(steps):
        if bar_steps > 0 and s % bar_steps == 0:
            out.append(BAR)
        for v in range(4):
            out.append(lanes[v][s])
    if eos:
        out.append(EOS)
    return out


def decode_chorale(tokens) -> dict:
    """Tokens (chorale format) back to {"notes" with voice, "meter"}; times in beats."""
    notes, meter = [], (4, 4)
    current = [None, None, None, None]
    count = 0
    for tok in tokens:
        if tok == EOS:
            break
        if METER0 <= tok < METER0 + len(METERS):
            a, b = METERS[tok - METER0].split("/")
            meter = (int(a), int(b))
            continue
        if not ((NOTE0 <= tok < NOTE0 + 128) or tok in (REST, HOLD)):
            continue
        v, step = count % 4, count // 4
        if tok == HOLD and current[v] is not None:
            notes[current[v]]["duration"] += 0.25
        elif NOTE0 <= tok < NOTE0 + 128:
            notes.append({"pitch": tok - NOTE0, "start": step / 4, "duration": 0.25, "voice": v})
            current[v] = len(notes) - 1
        else:
            current[v] = None
        count += 1
    return {"notes": notes, "meter": meter}
