"""Fine-tunes a shipped model folder (melody-lstm or chorale-transformer) on a folder of MIDI files
and exports a new model folder with its manifest, which records the parent's sha256.

  /usr/bin/python3 training/finetune.py --model public/models/melody-lstm --midi ~/my-tunes \\
      --out public/models/melody-lstm-mine
Every *.mid / *.midi under --midi is read (mido); every 10th file (at least one, when there are two
or more) is held out to measure the NLL before and after and to stop early.
"""
from __future__ import annotations

import argparse
import json
import random
from functools import partial
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import chorale_transformer as ct  # noqa: E402
import common  # noqa: E402
import genpatch_tokens as gt  # noqa: E402
import gpt2_model  # noqa: E402
import lstm_model  # noqa: E402
import melody_lstm as ml  # noqa: E402
from loop import fit  # noqa: E402
from midi_notes import chorale_notes, melody_notes, read_midi  # noqa: E402
from safetensors_io import save_safetensors  # noqa: E402


def parse_args(argv=None) -> argparse.Namespace:
    p = common.base_parser(__doc__.splitlines()[0])
    p.add_argument("--model", type=Path, required=True, help="parent model folder (with manifest.json)")
    p.add_argument("--midi", type=Path, required=True, help="folder of .mid/.midi files (searched recursively)")
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--lr", type=float, default=3e-4)
    p.add_argument("--batch-tokens", type=int, default=4096, help="padded tokens per batch")
    p.add_argument("--streams", type=int, default=32, help="melody LSTM: parallel rows of the token stream")
    p.add_argument("--bptt", type=int, default=64, help="melody LSTM: tokens per back-propagation chunk")
    p.add_argument("--transpose", type=int, default=0, help="augment: random shift in [-N, N] semitones")
    args = p.parse_args(argv)
    if args.smoke:
        args.epochs = 1
    if args.out is None and not args.smoke:
        p.error("--out is required: the new model folder (e.g. public/models/<name>)")
    return args


def midi_sequences(folder: Path, fmt: str) -> tuple[list[str], list[list[int]]]:
    """File names and token sequences of every readable MIDI file under folder."""
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".mid", ".midi"))
    names, seqs = [], []
    for path in files:
        try:
            song = read_midi(path)
        except (OSError, ValueError, EOFError, KeyError) as e:
            common.log(f"skipping {path}: not a readable MIDI file ({e})")
            continue
        if fmt == "melody":
            seq = gt.encode_melody(melody_notes(song["parts"]), song["meter"], song["key"])
        else:
            seq = gt.encode_chorale(chorale_notes(song["parts"]), song["meter"])
        if len(seq) > 3:
            names.append(path.relative_to(folder).as_posix())
            seqs.append(seq)
        else:
            common.log(f"skipping {path}: no notes")
    if not seqs:
        sys.exit(f"finetune: no MIDI file with notes under {folder}")
    return names, seqs


def split(names: list[str], seqs: list[list[int]]) -> tuple[dict, dict]:
    """Train/valid sequences and file names: every 10th file held out (one at least when n >= 2)."""
    n = len(seqs)
    held = set(range(0, n, 10)) if n >= 10 else ({n - 1} if n >= 2 else set())
    train = [i for i in range(n) if i not in held] or list(range(n))
    valid = sorted(held) or train
    return ({"train": [seqs[i] for i in train], "valid": [seqs[i] for i in valid]},
            {"train": [names[i] for i in train], "valid": [names[i] for i in valid]})


def main(argv=None) -> Path:
    args = parse_args(argv)
    device = common.setup(args)
    timer = common.Timer(args.max_minutes)
    parent = json.loads((args.model / "manifest.json").read_text())
    kind, fmt = parent["kind"], parent["vocabulary"]["format"]
    if kind == "token-lstm":
        model, _ = lstm_model.load_folder(args.model)
    elif kind == "token-transformer":
        model, _ = gpt2_model.load_folder(args.model)
    else:
        sys.exit(f"finetune: {args.model} is a {kind!r} model; only token-lstm and token-transformer can be fine-tuned")
    model = model.to(device)
    names, seqs = midi_sequences(args.midi, fmt)
    splits, files = split(names, seqs)
    common.log(f"fine-tuning {parent['id']} on {len(seqs)} MIDI files: train {len(splits['train'])}, valid {len(splits['valid'])}")

    if kind == "token-lstm":
        score = partial(ml.evaluate, model, device=device, batch_tokens=args.batch_tokens)
        loss_fn = ml.stream_loss(model)
        batches = ml.stream_batches(splits["train"], args, device, random.Random(args.seed))
    else:
        width = model.config.n_positions
        args.stride = width // 2
        score = partial(ct.evaluate, model, device=device, width=width, stride=args.stride, batch_tokens=args.batch_tokens)
        loss_fn = partial(ct.loss, model)
        batches = ct.train_batches(splits["train"], width, args, device, random.Random(args.seed))

    model.eval()
    before = {k: round(score(v), 4) for k, v in splits.items()}
    common.log(f"before: valid {common.fmt_nll(before['valid'])}")
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    run = fit(model, opt, batches, loss_fn, lambda: score(splits["valid"]), epochs=args.epochs, timer=timer,
              max_steps_per_epoch=3 if args.smoke else 0, patience=3)
    seconds = timer.figures()
    after = {k: round(score(v), 4) for k, v in splits.items()}
    common.log(f"after: valid {common.fmt_nll(after['valid'])}")
    out = export(model, kind, args, parent, files, splits, before, after, run, seconds, device)
    common.log(f"wrote {out}")
    return out


def export(model, kind, args, parent, files, splits, before, after, run, seconds, device) -> Path:
    """Writes the new model folder with the parent's recipe's exporter and a manifest naming the parent."""
    out = common.out_dir(args, f"{parent['id']}-finetuned")
    out.mkdir(parents=True, exist_ok=True)
    model = model.cpu().eval()
    corpus = {"id": f"midi:{args.midi.name}", "file": str(args.midi), "credit": "user-supplied MIDI files"}
    parent_files = {f["path"]: f["sha256"] for f in parent["files"]}
    extra = {
        "id": out.name if args.out is not None else f"{parent['id']}-finetuned",
        "title": f"{parent['title']}, fine-tuned on {len(files['train'])} MIDI files",
        "parent": {"id": parent["id"], "folder": str(args.model),
                   "manifest_sha256": common.sha256_file(args.model / "manifest.json"),
                   "onnx_sha256": parent_files[parent["onnx"]], "weights_sha256": parent_files[parent["weights"]]},
        "data": common.data_block(corpus, splits, "valid = every 10th file in name order (one at least)"),
        "metrics": {"unit": "nats per target token (after <bos>, <eos> included)",
                    "before": before, "after": after, "held_out_files": files["valid"]},
    }
    if kind == "token-lstm":
        save_safetensors(model.state_dict(), out / "weights.safetensors", {"genpatch_model": out.name})
        lstm_model.export_onnx(model, out / "model.onnx")
        ml.write_manifest(out, model, args, corpus, splits, after, None, run, seconds, device, extra)
    else:
        ct.export(model, out, args)
        ct.write_manifest(out, model, args, corpus, splits, after, None, run, seconds, device, extra)
    return out


if __name__ == "__main__":
    main()
