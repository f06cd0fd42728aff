"""Unit tests of the recipes' building blocks on real data (run by training/smoke.py, or alone:
/usr/bin/python3 training/test_recipes.py). Each test_* raises AssertionError on failure."""
from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import common  # noqa: E402
import genpatch_tokens as gt  # noqa: E402
from chorale_transformer import eval_windows, windows  # noqa: E402
from gpt2_model import GPT2Config, GPT2LM  # noqa: E402
from gpt2_model import stepping_error as gpt2_stepping_error  # noqa: E402
from lstm_model import MelodyLSTM  # noqa: E402
from lstm_model import stepping_error as lstm_stepping_error  # noqa: E402
from midi_notes import chorale_notes, melody_notes, read_midi  # noqa: E402
from safetensors_io import load_safetensors, save_safetensors  # noqa: E402

FIXTURES = HERE / "fixtures"


def test_midi_fixtures_encode_like_the_corpus():
    """The vendored MIDI files, read with mido, give exactly the corpus's melody tokens."""
    corpus = {t["name"]: t for t in common.load_corpus("irish")["tunes"]}
    files = sorted(FIXTURES.glob("*.mid"))
    assert len(files) == 3, f"expected 3 MIDI fixtures in {FIXTURES}, found {len(files)}"
    for path in files:
        song = read_midi(path)
        got = gt.encode_melody(melody_notes(song["parts"]), song["meter"], song["key"])
        want = common.encode_tune(corpus[path.stem], "melody")
        assert got == want, f"{path.name}: tokens differ from the corpus tune {path.stem}"


def test_chorale_notes_rank_voices_by_pitch():
    """A single polyphonic part is split into voices by pitch rank at each onset."""
    part = [{"pitch": p, "start": 0.0, "duration": 1.0} for p in (48, 72, 60, 67)]
    voices = {n["pitch"]: n["voice"] for n in chorale_notes([part])}
    assert voices == {72: 0, 67: 1, 60: 2, 48: 3}, voices


def test_eval_windows_score_every_target_once():
    """The sliding evaluation window scores each target once, with >= width - stride context."""
    for length in (5, 1025, 1026, 2603):
        seq = list(range(length))
        scored = []
        for w, first in eval_windows(seq, 1024, 512):
            assert len(w) <= 1025
            targets = w[1:][first:]
            if scored:
                assert w.index(targets[0]) >= 512, "a later window scores a token with short context"
            scored += targets
        assert scored == seq[1:], f"length {length}: targets scored {len(scored)}, expected {length - 1}"


def test_training_windows_cover_long_pieces():
    """Training crops of a long piece start at 0, end at its last token and fit the context."""
    seq = list(range(2603))
    crops = windows(seq, 1024, random.Random(0))
    assert crops[0][0] == 0 and crops[1][-1] == 2602
    assert all(len(c) == 1025 for c in crops) and len(crops) == 3


def test_transpose_moves_notes_and_keys():
    """Transposition shifts NOTE tokens, rotates the KEY tonic and refuses to leave 0..127."""
    seq = [gt.BOS, gt.KEY_MAJ0 + 7, gt.METER0 + 3, gt.NOTE0 + 67, gt.DUR0 + 12, gt.EOS]
    assert common.transpose(seq, 5) == [gt.BOS, gt.KEY_MAJ0 + 0, gt.METER0 + 3, gt.NOTE0 + 72, gt.DUR0 + 12, gt.EOS]
    assert common.transpose([gt.NOTE0 + 125], 5) is None


def test_safetensors_round_trip():
    """Weights written as safetensors read back bit for bit."""
    model = MelodyLSTM(8, 16, 2)
    with tempfile.TemporaryDirectory() as d:
        save_safetensors(model.state_dict(), Path(d) / "w.safetensors", {"k": "v"})
        back, meta = load_safetensors(Path(d) / "w.safetensors")
    assert meta["k"] == "v"
    for name, t in model.state_dict().items():
        assert torch.equal(t, back[name]), name


def test_state_stepping_equals_one_call():
    """Both models give the same logits token by token (state / KV cache) as in one call."""
    torch.manual_seed(0)
    seq = common.encode_tune(common.load_corpus("jsb")["tunes"][0], "chorale")[:20]
    assert lstm_stepping_error(MelodyLSTM(16, 32, 2), seq) < 1e-5
    assert gpt2_stepping_error(GPT2LM(GPT2Config(64, 32, 2, 2, 0.0)), seq) < 1e-5


def test_gpt2_attention_mask_ignores_left_padding():
    """A left-padded row of a batch gets the same logits as the unpadded sequence alone."""
    torch.manual_seed(0)
    model = GPT2LM(GPT2Config(64, 32, 2, 2, 0.0)).eval()
    seq = torch.tensor([[gt.BOS, gt.METER0 + 3, gt.BAR, gt.NOTE0 + 72, gt.NOTE0 + 67]])
    pad = 3
    ids = torch.cat([torch.zeros(1, pad, dtype=torch.long), seq], 1)
    mask = torch.tensor([[0] * pad + [1] * seq.shape[1]])
    pos = torch.clamp(torch.arange(ids.shape[1]) - pad, min=0)[None]
    with torch.no_grad():
        alone, _ = model(seq)
        padded, _ = model(ids, mask, pos)
    assert float((alone - padded[:, pad:]).abs().max()) < 1e-5


def run_all() -> list[tuple[str, str | None]]:
    """(test name, error or None) for every test_* function of this module."""
    results = []
    for name, fn in sorted(globals().items()):
        if name.startswith("test_") and callable(fn):
            try:
                fn()
                results.append((name, None))
            except Exception as e:  # a test failing in any way is reported, not raised
                results.append((name, f"{type(e).__name__}: {e}"))
    return results


if __name__ == "__main__":
    torch.set_num_threads(1)
    res = run_all()
    for name, err in res:
        print(f"{'ok  ' if err is None else 'FAIL'} {name}{'' if err is None else ': ' + err}")
    failed = sum(err is not None for _, err in res)
    print(f"{len(res) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
