"""Shared plumbing of the symbolic training recipes: command line, corpora as token sequences,
batching, evaluation in nats per token, and model folders with a sha256 manifest.

Metrics convention (docs/tokens.md): the negative log-likelihood is averaged over every target
token of a piece, i.e. every token after <bos> (so <bos> is never a target) up to and including
<eos>; it is in nats.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import random
import shlex
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

import genpatch_tokens as gt
import ngram

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "training" / "data"
MODELS = ROOT / "public" / "models"


def base_parser(description: str) -> argparse.ArgumentParser:
    """The flags every recipe shares; recipes add their own (dims, epochs, learning rate)."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--device", default="cpu", help="cpu, cuda or cuda:N (default cpu)")
    p.add_argument("--threads", type=int, default=1, help="CPU threads for PyTorch (default 1)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--smoke", action="store_true",
                   help="a few steps with tiny dimensions on a few pieces, exported to a temporary folder")
    p.add_argument("--out", type=Path, default=None, help="model folder to write (default public/models/<id>)")
    p.add_argument("--max-minutes", type=float, default=28.0,
                   help="stop training after this many CPU minutes (process time) and export the best weights so far")
    return p


def setup(args) -> torch.device:
    """Applies --threads and --seed and returns the torch device; fails clearly if CUDA is missing."""
    torch.set_num_threads(max(1, args.threads))
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device(args.device)
    if device.type == "cuda" and not torch.cuda.is_available():
        sys.exit(f"--device {args.device}: this PyTorch ({torch.__version__}) sees no CUDA GPU")
    return device


def out_dir(args, model_id: str) -> Path:
    """Where the recipe writes: --out, a fresh temp folder for --smoke, else public/models/<id>."""
    if args.out is not None:
        return Path(args.out)
    if args.smoke:
        return Path(tempfile.mkdtemp(prefix=f"genpatch-{model_id}-smoke-"))
    return MODELS / model_id


def load_corpus(corpus_id: str) -> dict:
    """training/data/<id>.notes.json.gz: {id, credit, tunes: [{name, split, meter, key, notes}]}."""
    path = DATA / f"{corpus_id}.notes.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


def tune_notes(tune: dict) -> list[dict]:
    """A tune's compact [pitch, start, duration, voice] rows as the tokenizer's note dicts."""
    return [{"pitch": p, "start": s, "duration": d, "voice": v} for p, s, d, v in tune["notes"]]


def encode_tune(tune: dict, fmt: str) -> list[int]:
    """Token ids of one tune in the 'melody' or 'chorale' format."""
    meter = tuple(tune["meter"]) if tune.get("meter") else (4, 4)
    if fmt == "melody":
        return gt.encode_melody(tune_notes(tune), meter, tune.get("key"))
    if fmt == "chorale":
        return gt.encode_chorale(tune_notes(tune), meter)
    raise ValueError(f"unknown token format {fmt!r} (expected 'melody' or 'chorale')")


def split_sequences(corpus: dict, fmt: str, valid_every: int = 0) -> dict[str, list[list[int]]]:
    """Token sequences by the tunes' `split` field. With valid_every = n and no 'valid' split in the
    corpus, every n-th train tune (in name order) is held out as 'valid'."""
    splits: dict[str, list[list[int]]] = {}
    tunes = corpus["tunes"]
    has_valid = any(t["split"] == "valid" for t in tunes)
    train_names = sorted(t["name"] for t in tunes if t["split"] == "train")
    held = set(train_names[::valid_every]) if valid_every and not has_valid else set()
    for t in tunes:
        split = "valid" if t["name"] in held else t["split"]
        splits.setdefault(split, []).append(encode_tune(t, fmt))
    return splits


def transpose(seq: list[int], shift: int) -> list[int] | None:
    """seq moved by `shift` semitones (NOTE and KEY tokens); None if a note leaves 0..127."""
    if shift == 0:
        return seq
    out = []
    for tok in seq:
        if gt.NOTE0 <= tok < gt.NOTE0 + 128:
            p = tok - gt.NOTE0 + shift
            if not 0 <= p < 128:
                return None
            tok = gt.NOTE0 + p
        elif gt.KEY_MAJ0 <= tok < gt.KEY_MAJ0 + 12:
            tok = gt.KEY_MAJ0 + (tok - gt.KEY_MAJ0 + shift) % 12
        elif gt.KEY_MIN0 <= tok < gt.KEY_MIN0 + 12:
            tok = gt.KEY_MIN0 + (tok - gt.KEY_MIN0 + shift) % 12
        out.append(tok)
    return out


def batches_by_length(seqs: list[list[int]], max_tokens: int, rng: random.Random, max_batch: int = 64):
    """Index lists of sequences of similar length, each padded batch at most max_tokens tokens,
    in a random order."""
    order = sorted(range(len(seqs)), key=lambda i: (len(seqs[i]), rng.random()))
    out, cur, longest = [], [], 0
    for i in order:
        n = len(seqs[i])
        if cur and (max(longest, n) * (len(cur) + 1) > max_tokens or len(cur) >= max_batch):
            out.append(cur)
            cur, longest = [], 0
        cur.append(i)
        longest = max(longest, n)
    if cur:
        out.append(cur)
    rng.shuffle(out)
    return out


def pad(seqs: list[list[int]], device) -> torch.Tensor:
    """A [batch, longest] int64 tensor, right-padded with <pad> (id 0)."""
    n = max(len(s) for s in seqs)
    x = torch.full((len(seqs), n), gt.PAD, dtype=torch.long)
    for i, s in enumerate(seqs):
        x[i, : len(s)] = torch.tensor(s, dtype=torch.long)
    return x.to(device)


def token_nll(logits: torch.Tensor, targets: torch.Tensor, reduction: str = "mean") -> torch.Tensor:
    """Cross-entropy of logits [B, T, V] against targets [B, T], <pad> targets ignored."""
    return torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1),
                                             ignore_index=gt.PAD, reduction=reduction)


def count_targets(seqs: list[list[int]]) -> int:
    """Number of scored tokens: all but the leading <bos> of each sequence."""
    return sum(len(s) - 1 for s in seqs)


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_json(path: Path, value) -> None:
    """Writes pretty JSON with a trailing newline."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_manifest(folder: Path, fields: dict) -> dict:
    """Writes folder/manifest.json: `fields` plus `files` (path, sha256, bytes) for every file of the
    folder except manifest.json itself. Returns the manifest."""
    files = []
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.name != "manifest.json":
            files.append({"path": p.relative_to(folder).as_posix(), "sha256": sha256_file(p), "bytes": p.stat().st_size})
    head = {k: fields[k] for k in ("id", "title", "kind")}
    manifest = {**head, "files": files, **{k: v for k, v in fields.items() if k not in head}}
    write_json(folder / "manifest.json", manifest)
    return manifest


def recipe_command() -> str:
    """The command line that ran this recipe, relative to the repository root."""
    script = Path(sys.argv[0]).resolve()
    try:
        script = script.relative_to(ROOT)
    except ValueError:
        pass
    return shlex.join(["python3", str(script), *sys.argv[1:]])


def data_block(corpus: dict, splits: dict[str, list[list[int]]], note: str = "") -> dict:
    """The manifest's `data`: corpus, credit/licence, and per split the pieces and token counts."""
    block = {
        "corpus": corpus["id"],
        "file": corpus.get("file", f"training/data/{corpus['id']}.notes.json.gz"),
        "credit": corpus["credit"],
        "splits": {k: {"pieces": len(v), "tokens": sum(map(len, v)), "targets": count_targets(v)} for k, v in splits.items()},
    }
    if note:
        block["note"] = note
    return block


def vocabulary_block(fmt: str) -> dict:
    """The manifest's `vocabulary` for a token format."""
    return {"id": gt.VOCAB_ID, "size": gt.VOCAB_SIZE, "format": fmt}


def tensor_spec(name: str, dtype: str, shape: list) -> dict:
    """One entry of a contract's inputs/outputs; symbolic dims are strings ('batch', 'seq', 'past')."""
    return {"name": name, "dtype": dtype, "shape": shape}


class Timer:
    """Wall-clock and CPU seconds since creation; the budget counts CPU seconds of this process
    (all its threads), so a run on a busy shared machine trains as much as on an idle one."""

    def __init__(self, max_minutes: float):
        self.start = time.time()
        self.cpu_start = time.process_time()
        self.budget = max_minutes * 60

    def seconds(self) -> float:
        """Wall-clock seconds elapsed."""
        return time.time() - self.start

    def cpu_seconds(self) -> float:
        """CPU seconds used by this process since creation."""
        return time.process_time() - self.cpu_start

    def figures(self) -> dict:
        """{"seconds": wall, "cpu_seconds": cpu} rounded, for the manifest."""
        return {"seconds": round(self.seconds(), 1), "cpu_seconds": round(self.cpu_seconds(), 1)}

    def over(self) -> bool:
        """True once the CPU budget is spent."""
        return self.cpu_seconds() > self.budget


def log(msg: str) -> None:
    """Progress line, flushed at once (the full runs log to a file)."""
    print(msg, flush=True)


def param_count(model: torch.nn.Module) -> int:
    """Number of distinct trainable values (tied weights counted once)."""
    return sum(p.numel() for p in model.parameters())


def fmt_nll(x: float) -> str:
    """NLL per token with its perplexity, for logs."""
    return f"{x:.4f} nats/token (ppl {math.exp(x):.2f})"


def final_metrics(score, splits: dict[str, list[list[int]]]) -> tuple[dict, dict]:
    """NLL per token of the trained model on each split (`score(split)`), and the add-k n-gram
    baselines on the same splits, both logged: the figures a token model's manifest carries."""
    metrics = {k: round(score(k), 4) for k in ("train", "valid", "test")}
    log("final: " + ", ".join(f"{k} {fmt_nll(v)}" for k, v in metrics.items()))
    baselines = ngram.baselines(splits["train"], splits["valid"], splits["test"])
    log("n-gram baselines (test): " + ", ".join(f"{k} {v['test']:.4f}" for k, v in baselines.items()))
    return metrics, baselines


def check_stepping(model_id: str, err: float, how: str) -> None:
    """Logs how far one-step-at-a-time inference (`how`) is from one full call, and stops the recipe
    when it is over 1e-4: an export whose state/cache stepping drifts would generate wrongly."""
    log(f"{how} vs one call: max |difference| {err:.2e}")
    if err > 1e-4:
        sys.exit(f"{model_id}: {how} differs from a full call by {err}")


def training_block(run: dict, seconds: dict, device, args, model: torch.nn.Module, **extra) -> dict:
    """The manifest's "training" section: what `fit` reported, the time taken, where and how."""
    return {"steps": run["steps"], "epochs": run["epochs"], "best_epoch": run["best_epoch"],
            **seconds, "device": str(device), "threads": args.threads,
            "seed": args.seed, "params": param_count(model), "smoke": bool(args.smoke),
            **extra, "history": run["history"]}
