"""Checks genpatch_tokens.py against the shared fixtures (tests/fixtures/tokens/*.json, which
tests/music/tokens.test.ts checks the TypeScript tokenizer against) and a few properties of the
format. Prints `N passed, N failed`; exits 1 on any failure.
Run: /usr/bin/python3 training/test_tokens.py
"""
from __future__ import annotations

import glob
import json
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import genpatch_tokens as gt  # noqa: E402

FIXTURES = os.path.join(os.path.dirname(HERE), "tests", "fixtures", "tokens")


def encode(case: dict, notes=None) -> list[int]:
    notes = case["notes"] if notes is None else notes
    if case["format"] == "melody":
        return gt.encode_melody(notes, tuple(case["meter"]), case["key"])
    return gt.encode_chorale(notes, tuple(case["meter"]))


def decode(case: dict, tokens: list[int]) -> dict:
    if case["format"] == "melody":
        d = gt.decode_melody(tokens)
        return {"notes": d["notes"], "meter": list(d["meter"]), "key": d["key"]}
    d = gt.decode_chorale(tokens)
    return {"notes": d["notes"], "meter": list(d["meter"]), "key": None}


def check_fixture(case: dict) -> None:
    tokens = encode(case)
    assert tokens == case["tokens"], f"tokens differ at index {first_difference(tokens, case['tokens'])}"
    assert all(0 <= t < gt.VOCAB_SIZE for t in tokens)
    names = [gt.token_name(t) for t in tokens]
    assert names[0] == "<bos>" and names[-1] == "<eos>"
    decoded = decode(case, tokens)
    assert decoded == case["decoded"], "decoded notes differ"
    # Decoding then encoding again gives the same tokens (the meter of METER_other is not carried).
    again = encode(case, decoded["notes"])
    assert again == tokens, f"re-encoding differs at index {first_difference(again, tokens)}"


def first_difference(a: list[int], b: list[int]) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def check_vocabulary() -> None:
    names = [gt.token_name(i) for i in range(gt.VOCAB_SIZE)]
    assert len(set(names)) == gt.VOCAB_SIZE
    assert names[gt.NOTE0 + 60] == "NOTE_60" and names[gt.DUR0 + 48] == "DUR_48" and names[215] == "METER_other"
    for bad in (-1, gt.VOCAB_SIZE):
        try:
            gt.token_name(bad)
        except ValueError:
            continue
        raise AssertionError(f"token_name({bad}) did not raise")


def check_rounding() -> None:
    # Half a twelfth rounds up, as floor(x + 0.5) does in both implementations (Python's round() would give 2).
    tokens = gt.encode_melody([{"pitch": 60, "start": 0, "duration": 2.5 / 12}], (4, 4))
    assert tokens[4] == gt.DUR0 + 3, tokens
    assert gt.bar_length((3, 32)) == 5


def check_errors() -> None:
    for call in (lambda: gt.encode_melody([{"pitch": 128, "start": 0, "duration": 1}]),
                 lambda: gt.encode_chorale([{"pitch": 60, "start": 0, "duration": 1, "voice": 4}]),
                 lambda: gt.key_token({"tonic": 0, "mode": "blues"})):
        try:
            call()
        except ValueError:
            continue
        raise AssertionError("invalid input did not raise ValueError")


def main() -> int:
    tests = [("vocabulary", check_vocabulary), ("rounding", check_rounding), ("errors", check_errors)]
    files = sorted(glob.glob(os.path.join(FIXTURES, "*.json")))
    if not files:
        print(f"no fixtures in {FIXTURES}: run training/make_token_fixtures.py")
    for path in files:
        with open(path) as f:
            case = json.load(f)
        tests.append((f"fixture {case['name']}", lambda case=case: check_fixture(case)))
    passed = failed = 0
    for name, fn in tests:
        try:
            fn()
            passed += 1
        except Exception:  # report every failure, keep going
            failed += 1
            print(f"FAIL {name}")
            traceback.print_exc(limit=2)
    if not files:
        failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
