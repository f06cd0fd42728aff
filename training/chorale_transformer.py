"""Recipe: a GPT-2-style decoder over the chorale format of genpatch-events-v1 trained on the JSB
chorales, exported in the Hugging Face layout to public/models/chorale-transformer/ (config.json,
generation_config.json, tokenizer.json, tokenizer_config.json, model.safetensors, onnx/model.onnx
with an explicit key/value cache, manifest.json).

Pieces run up to ~2,600 tokens and the context holds n_positions = 1024: training uses windows of
up to 1024 inputs (whole pieces when they fit, else crops that cover the piece), and evaluation of a
longer piece slides a 1024-token window by 512 tokens, scoring each token once, with at least 512
tokens of context (the first window scores all of its tokens).

CPU:  /usr/bin/python3 training/chorale_transformer.py          (about 28 min on one thread)
GPU:  python3 training/chorale_transformer.py --device cuda --max-minutes 60
Test: /usr/bin/python3 training/chorale_transformer.py --smoke   (seconds; writes to a temp folder)
"""
from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import genpatch_tokens as gt  # noqa: E402
import hf_layout  # noqa: E402
from gpt2_model import GPT2Config, GPT2LM, config_dict, export_onnx, io_names, reference_check, stepping_error  # noqa: E402
from loop import fit  # noqa: E402
from safetensors_io import save_safetensors  # noqa: E402

MODEL_ID = "chorale-transformer"


def parse_args(argv=None):
    p = common.base_parser(__doc__.splitlines()[0])
    p.add_argument("--n-positions", type=int, default=1024)
    p.add_argument("--n-embd", type=int, default=128)
    p.add_argument("--n-layer", type=int, default=4)
    p.add_argument("--n-head", type=int, default=4)
    p.add_argument("--dropout", type=float, default=0.1)
    p.add_argument("--epochs", type=int, default=12)
    p.add_argument("--lr", type=float, default=1.5e-3)
    p.add_argument("--warmup", type=int, default=100, help="linear warm-up steps before the cosine decay")
    p.add_argument("--batch-tokens", type=int, default=4096, help="padded tokens per batch")
    p.add_argument("--stride", type=int, default=512, help="evaluation window stride for long pieces")
    p.add_argument("--transpose", type=int, default=5,
                   help="augment: move each training window by a random shift in [-N, N] semitones")
    args = p.parse_args(argv)
    if args.smoke:
        args.n_positions, args.n_embd, args.n_layer, args.n_head = 256, 32, 2, 2
        args.epochs, args.stride, args.warmup = 1, 128, 2
    return args


def windows(seq: list[int], width: int, rng: random.Random) -> list[list[int]]:
    """Crops of at most width + 1 tokens (width inputs) that together cover seq."""
    if len(seq) <= width + 1:
        return [seq]
    last = len(seq) - width - 1
    n = math.ceil((len(seq) - 1) / width)
    starts = [0, last] + [rng.randint(0, last) for _ in range(n - 2)]
    return [seq[s : s + width + 1] for s in starts]


def eval_windows(seq: list[int], width: int, stride: int) -> list[tuple[list[int], int]]:
    """(window, first scored target index in it) pairs: a sliding window that scores every target once."""
    if len(seq) <= width + 1:
        return [(seq, 0)]
    out, done, begin = [], 0, 0  # done = number of targets of seq already scored
    while done < len(seq) - 1:
        end = min(begin + width, len(seq) - 1)  # inputs seq[begin:end], targets seq[begin+1:end+1]
        out.append((seq[begin : end + 1], done - begin))
        done = end
        begin += stride
    return out


def loss(model: GPT2LM, x) -> torch.Tensor:
    """Mean next-token NLL of a padded batch of windows."""
    return common.token_nll(model(x[:, :-1])[0], x[:, 1:])


def train_batches(seqs: list[list[int]], width: int, args, device, rng: random.Random):
    """One epoch of padded batches of training windows, each moved by a random transposition if asked."""
    def make(epoch: int):
        crops = []
        for s in seqs:
            for w in windows(s, width, rng):
                shift = rng.randint(-args.transpose, args.transpose) if args.transpose else 0
                crops.append(common.transpose(w, shift) or w)
        return [common.pad([crops[i] for i in idx], device) for idx in common.batches_by_length(crops, args.batch_tokens, rng, 16)]
    return make


def evaluate(model: GPT2LM, seqs: list[list[int]], device, width: int, stride: int, batch_tokens: int) -> float:
    """Mean NLL per target token (after <bos>, <eos> included), long pieces by sliding window."""
    items = [w for s in seqs for w in eval_windows(s, width, stride)]
    total, n = 0.0, 0
    with torch.no_grad():
        for idx in common.batches_by_length([w for w, _ in items], batch_tokens, random.Random(0)):
            x = common.pad([items[i][0] for i in idx], device)
            y = x[:, 1:].clone()
            for row, i in enumerate(idx):
                y[row, : items[i][1]] = gt.PAD  # targets scored by an earlier window
            logits, _ = model(x[:, :-1])
            total += common.token_nll(logits, y, "sum").item()
            n += int((y != gt.PAD).sum())
    return total / n


def main(argv=None) -> Path:
    args = parse_args(argv)
    device = common.setup(args)
    timer = common.Timer(args.max_minutes)
    corpus = common.load_corpus("jsb")
    splits = common.split_sequences(corpus, "chorale")
    if args.smoke:
        splits = {k: v[:16] if k == "train" else v[:4] for k, v in splits.items()}
    common.log("chorale-transformer: " + ", ".join(f"{k} {len(v)} pieces / {sum(map(len, v))} tokens" for k, v in splits.items()))

    c = GPT2Config(args.n_positions, args.n_embd, args.n_layer, args.n_head, args.dropout)
    model = GPT2LM(c).to(device)
    common.log(f"model: {common.param_count(model)} parameters on {device}")
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    rest = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": rest, "weight_decay": 0.0}],
                            lr=args.lr, betas=(0.9, 0.98))
    epoch_batches = train_batches(splits["train"], c.n_positions, args, device, random.Random(args.seed))
    planned = args.epochs * len(epoch_batches(0))

    def lr_at(step: int) -> float:
        if step < args.warmup:
            return args.lr * (step + 1) / args.warmup
        progress = max((step - args.warmup) / max(1, planned - args.warmup), timer.cpu_seconds() / timer.budget)
        return args.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress))))

    def score(split: str) -> float:
        return evaluate(model, splits[split], device, c.n_positions, args.stride, args.batch_tokens * 2)

    run = fit(model, opt, epoch_batches, lambda x: loss(model, x), lambda: score("valid"), epochs=args.epochs, timer=timer,
              max_steps_per_epoch=3 if args.smoke else 0, lr_at=lr_at, patience=3)
    seconds = timer.figures()
    metrics, baselines = common.final_metrics(score, splits)

    out = common.out_dir(args, MODEL_ID)
    out.mkdir(parents=True, exist_ok=True)
    model = model.cpu().eval()
    export(model, out, args)
    common.check_stepping(MODEL_ID, stepping_error(model, splits["test"][0][:24]), "stepping through the key/value cache")
    manifest = write_manifest(out, model, args, corpus, splits, metrics, baselines, run, seconds, device)
    common.log(f"wrote {out} ({sum(f['bytes'] for f in manifest['files'])} bytes)")
    return out


def export(model: GPT2LM, out: Path, args) -> None:
    """The Hugging Face layout: config, generation config, tokenizer, safetensors, onnx/model.onnx."""
    c = model.config
    hf_layout.write_config(out, c, {
        "vocabulary": gt.VOCAB_ID, "format": "chorale",
        "evaluation": f"pieces longer than {c.n_positions} tokens: sliding window, stride {args.stride}",
    })
    hf_layout.write_generation_config(out, c)
    hf_layout.write_tokenizer(out, c.n_positions)
    save_safetensors(model.state_dict(), out / "model.safetensors", {"genpatch_model": MODEL_ID})
    export_onnx(model, out / "onnx" / "model.onnx")


def write_manifest(out, model, args, corpus, splits, metrics, baselines, run, seconds, device, extra=None) -> dict:
    """The chorale transformer's manifest.json (contract with the key/value cache, data, metrics)."""
    c = model.config
    kv = ["batch", c.n_head, "past", c.n_embd // c.n_head]
    kv_out = ["batch", c.n_head, "past+seq", c.n_embd // c.n_head]
    inputs, outputs = io_names(c.n_layer)
    fields = {
        "id": out.name if args.out is not None else MODEL_ID,
        "title": "Chorale transformer (JSB chorales)",
        "kind": "token-transformer",
        "onnx": "onnx/model.onnx",
        "weights": "model.safetensors",
        "architecture": {"type": "gpt2", **config_dict(c)},
        "contract": {
            "inputs": [common.tensor_spec("input_ids", "int64", ["batch", "seq"]),
                       common.tensor_spec("attention_mask", "int64", ["batch", "past+seq"]),
                       common.tensor_spec("position_ids", "int64", ["batch", "seq"])]
                      + [common.tensor_spec(n, "float32", kv) for n in inputs[3:]],
            "outputs": [common.tensor_spec("logits", "float32", ["batch", "seq", gt.VOCAB_SIZE])]
                       + [common.tensor_spec(n, "float32", kv_out) for n in outputs[1:]],
            "state": [{"input": i, "output": o} for i, o in zip(inputs[3:], outputs[1:])],
            "max_positions": c.n_positions,
        },
        "vocabulary": common.vocabulary_block("chorale"),
        "recipe": common.recipe_command(),
        "data": common.data_block(corpus, splits, "standard Boulanger-Lewandowski split"),
        "metrics": {"unit": "nats per target token (after <bos>, <eos> included)",
                    "evaluation": f"pieces longer than {c.n_positions} tokens: sliding window of {c.n_positions}, "
                                  f"stride {args.stride}, each token scored once with >= {c.n_positions - args.stride} tokens of context",
                    **metrics, **({"baselines_add_k_ngram": baselines} if baselines else {})},
        "training": common.training_block(run, seconds, device, args, model, transpose=args.transpose),
        "check": reference_check(model, (splits.get("test") or splits["valid"])[0][:16]),
    }
    fields.update(extra or {})
    return common.write_manifest(out, fields)


if __name__ == "__main__":
    main()
