"""Recipe: a token LSTM language model of melodies (melody format of genpatch-events-v1) trained on
the Irish dance tunes, exported to public/models/melody-lstm/ (model.onnx with explicit h/c state,
weights.safetensors, manifest.json).

CPU:  /usr/bin/python3 training/melody_lstm.py            (about 25 min on one thread)
GPU:  python3 training/melody_lstm.py --device cuda --max-minutes 60
Test: /usr/bin/python3 training/melody_lstm.py --smoke     (seconds; writes to a temp folder)
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
import genpatch_tokens as gt  # noqa: E402
from loop import fit  # noqa: E402
from lstm_model import MelodyLSTM, export_onnx, reference_check, stepping_error  # noqa: E402
from safetensors_io import save_safetensors  # noqa: E402

MODEL_ID = "melody-lstm"


def parse_args(argv=None):
    p = common.base_parser(__doc__.splitlines()[0])
    p.add_argument("--embed", type=int, default=64)
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--layers", type=int, default=2)
    p.add_argument("--dropout", type=float, default=0.3)
    p.add_argument("--epochs", type=int, default=24)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--streams", type=int, default=128, help="parallel rows of the training token stream")
    p.add_argument("--bptt", type=int, default=64, help="tokens per back-propagation chunk")
    p.add_argument("--batch-tokens", type=int, default=20000, help="padded tokens per evaluation batch")
    p.add_argument("--transpose", type=int, default=0,
                   help="augment: move each training tune by a random shift in [-N, N] semitones")
    args = p.parse_args(argv)
    if args.smoke:
        args.embed, args.hidden, args.epochs, args.streams, args.bptt = 16, 32, 1, 8, 32
    return args


def evaluate(model: MelodyLSTM, seqs: list[list[int]], device, batch_tokens: int) -> float:
    """Mean NLL per target token (after <bos>, <eos> included) over whole pieces."""
    total, n = 0.0, 0
    with torch.no_grad():
        for idx in common.batches_by_length(seqs, batch_tokens, random.Random(0)):
            x = common.pad([seqs[i] for i in idx], device)
            logits, _, _ = model(x[:, :-1])
            total += common.token_nll(logits, x[:, 1:], "sum").item()
            n += int((x[:, 1:] != gt.PAD).sum())
    return total / n


def stream_batches(seqs, args, device, rng: random.Random):
    """Truncated back-propagation through time: each epoch the tunes (shuffled, transposed if asked)
    are joined into one token stream, cut into `streams` parallel rows, and served as chunks of
    `bptt` targets, (chunk [rows, bptt + 1], starts_epoch)."""
    def make(epoch: int):
        order = [seqs[i] for i in rng.sample(range(len(seqs)), len(seqs))]
        if args.transpose:
            order = [common.transpose(s, rng.randint(-args.transpose, args.transpose)) or s for s in order]
        flat = [t for s in order for t in s]
        rows = max(1, min(args.streams, len(flat) // (args.bptt + 1)))
        width = len(flat) // rows
        grid = torch.tensor(flat[: rows * width], dtype=torch.long).view(rows, width).to(device)
        return [(grid[:, i : i + args.bptt + 1], i == 0) for i in range(0, width - 1, args.bptt)]
    return make


def stream_loss(model: MelodyLSTM):
    """Loss over stream chunks that carries the LSTM state (detached) from one chunk to the next."""
    state = None

    def loss(batch) -> torch.Tensor:
        nonlocal state
        x, starts_epoch = batch
        if starts_epoch:
            state = None
        logits, h, c = model(x[:, :-1], *(state or (None, None)))
        state = (h.detach(), c.detach())
        return common.token_nll(logits, x[:, 1:])
    return loss


def main(argv=None) -> Path:
    args = parse_args(argv)
    device = common.setup(args)
    timer = common.Timer(args.max_minutes)
    corpus = common.load_corpus("irish")
    splits = common.split_sequences(corpus, "melody", valid_every=20)
    if args.smoke:
        splits = {k: v[:24] if k == "train" else v[:8] for k, v in splits.items()}
    common.log("melody-lstm: " + ", ".join(f"{k} {len(v)} tunes / {sum(map(len, v))} tokens" for k, v in splits.items()))

    model = MelodyLSTM(args.embed, args.hidden, args.layers, args.dropout).to(device)
    common.log(f"model: {common.param_count(model)} parameters on {device}")
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)

    run = fit(model, opt, stream_batches(splits["train"], args, device, random.Random(args.seed)), stream_loss(model),
              lambda: evaluate(model, splits["valid"], device, args.batch_tokens), epochs=args.epochs, timer=timer,
              max_steps_per_epoch=3 if args.smoke else 0, halve_on_plateau=True, patience=3)
    seconds = timer.figures()
    metrics, baselines = common.final_metrics(lambda k: evaluate(model, splits[k], device, args.batch_tokens), splits)

    out = common.out_dir(args, MODEL_ID)
    out.mkdir(parents=True, exist_ok=True)
    model = model.cpu().eval()
    save_safetensors(model.state_dict(), out / "weights.safetensors", {"genpatch_model": MODEL_ID})
    export_onnx(model, out / "model.onnx")
    common.check_stepping(MODEL_ID, stepping_error(model, splits["test"][0][:40]), "stepping one token at a time")
    manifest = write_manifest(out, model, args, corpus, splits, metrics, baselines, run, seconds, device)
    common.log(f"wrote {out} ({sum(f['bytes'] for f in manifest['files'])} bytes)")
    return out


def write_manifest(out, model, args, corpus, splits, metrics, baselines, run, seconds, device, extra=None) -> dict:
    """The melody LSTM's manifest.json (contract, vocabulary, recipe, data, metrics, training)."""
    L, H = model.lstm.num_layers, model.lstm.hidden_size
    state = [L, 1, H]
    fields = {
        "id": out.name if args.out is not None else MODEL_ID,
        "title": "Melody LSTM (Irish dance tunes)",
        "kind": "token-lstm",
        "onnx": "model.onnx",
        "weights": "weights.safetensors",
        "architecture": model.architecture(),
        "contract": {
            "inputs": [common.tensor_spec("input_ids", "int64", [1, "seq"]),
                       common.tensor_spec("h0", "float32", state), common.tensor_spec("c0", "float32", state)],
            "outputs": [common.tensor_spec("logits", "float32", [1, "seq", gt.VOCAB_SIZE]),
                        common.tensor_spec("hn", "float32", state), common.tensor_spec("cn", "float32", state)],
            "state": [{"input": "h0", "output": "hn"}, {"input": "c0", "output": "cn"}],
        },
        "vocabulary": common.vocabulary_block("melody"),
        "recipe": common.recipe_command(),
        "data": common.data_block(corpus, splits, "valid = every 20th train tune in name order (held out for early stopping)"),
        "metrics": {"unit": "nats per target token (after <bos>, <eos> included)",
                    **metrics, **({"baselines_add_k_ngram": baselines} if baselines else {})},
        "training": common.training_block(run, seconds, device, args, model, lr=args.lr, transpose=args.transpose,
                                          batching=f"truncated BPTT: {args.streams} parallel streams of shuffled tunes, {args.bptt}-token chunks"),
        "check": reference_check(model, (splits.get("test") or splits["valid"])[0][:16]),
    }
    fields.update(extra or {})
    return common.write_manifest(out, fields)


if __name__ == "__main__":
    main()
