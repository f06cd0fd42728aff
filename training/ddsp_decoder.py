#!/usr/bin/env python3
"""Trains a DDSP decoder (f0, loudness → harmonic + noise controls) and exports it per docs/ddsp.md.

  /usr/bin/python3 training/ddsp_decoder.py --instrument sax             # → public/models/ddsp-sax
  /usr/bin/python3 training/ddsp_decoder.py --instrument violin          # → public/models/ddsp-violin
  /usr/bin/python3 training/ddsp_decoder.py --instrument sax --smoke --out /tmp/x   # < 60 s, vendored notes

See docs/ddsp-training.md for the data, model, loss and results.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time

import numpy as np
import soundfile as sf
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ddsp import export  # noqa: E402
from ddsp.data_violin import label_check, prepare_violin  # noqa: E402
from ddsp.evaluate import (average_harmonic_spectrum, baseline_resynthesis, evaluate,  # noqa: E402
                           resynthesize)
from ddsp.features import FRAME_RATE, HOP, SAMPLE_RATE  # noqa: E402
from ddsp.images import comparison_png  # noqa: E402
from ddsp.model import Decoder  # noqa: E402
from ddsp.notes import HELD_OUT, load_subset, pitch_check, prepare_sax, write_subset  # noqa: E402
from ddsp.train import input_stats, train  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAX_DATA = os.path.join(REPO, "..", "shared", "datasets", "karoryfer_weresax_alto_cc0")
SAX_SUBSET = os.path.join(REPO, "training", "data", "ddsp", "sax-subset")
TUNES = os.path.join(REPO, "training", "data", "irish.notes.json.gz")
SUBSET_PICKS = [(57, "f"), (65, "p"), (72, "f"), (61, "p")]  # 61 is a held-out pitch
SUBSET_SECONDS = 1.25
SAMPLE_PICKS = [(69, "f"), (61, "p")]  # held-out notes written as listening samples
TITLES = {"sax": "DDSP decoder: alto saxophone", "violin": "DDSP decoder: violin (FluidR3 GM)"}


def parse_args(argv=None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--instrument", choices=["sax", "violin"], default="sax")
    p.add_argument("--data", default=SAX_DATA, help="sax: the karoryfer_weresax_alto_cc0 folder")
    p.add_argument("--tunes", default=TUNES, help="violin: the Irish tunes (notes JSON, gzip)")
    p.add_argument("--steps", type=int, default=3000)
    p.add_argument("--batch", type=int, default=8)
    p.add_argument("--window", type=float, default=1.0, help="training window in seconds")
    p.add_argument("--hidden", type=int, default=128)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--device", choices=["cpu", "cuda"], default="cpu")
    p.add_argument("--smoke", action="store_true", help="a few steps of a tiny model on the vendored data, temp output")
    p.add_argument("--out", help="model folder (default public/models/ddsp-<instrument>; a temp folder with --smoke)")
    p.add_argument("--samples", help="folder for listening samples and spectrograms (default docs/ddsp; none with --smoke)")
    p.add_argument("--write-subset", action="store_true", help="sax: rewrite training/data/ddsp/sax-subset from --data")
    args = p.parse_args(argv)
    if args.smoke:
        args.steps, args.batch, args.window, args.hidden = min(args.steps, 4), 2, 0.5, 16
    if args.device == "cuda" and not torch.cuda.is_available():
        p.error("--device cuda: no CUDA device is available to PyTorch")
    return args


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def load_clips(args) -> tuple[list, dict]:
    """The instrument's clips (with train/test split) and the manifest's data description."""
    if args.instrument == "sax":
        if args.smoke:
            clips, source = load_subset(SAX_SUBSET), "training/data/ddsp/sax-subset (vendored, 16 kHz)"
        else:
            clips, source = prepare_sax(args.data), "Karoryfer Weresax alto, rr1 condenser takes (sfzinstruments/karoryfer.weresax @ 595d1fc)"
            if args.write_subset:
                for path in write_subset(clips, SAX_SUBSET, SUBSET_PICKS, SUBSET_SECONDS):
                    log(f"wrote {os.path.relpath(path, REPO)}")
        held = sorted({c.pitch for c in clips if c.split == "test"})
        cents = [abs(pitch_check(c)) for c in clips]
        data = {"source": source, "licence": "CC0 1.0 (Karoryfer Lecolds)",
                "preparation": "high-pass 20 Hz, Kaiser-sinc resampling 44.1→16 kHz, trim below peak − 50 dB, YIN f0, A-weighted loudness",
                "counts": {"notes": len(clips), "train": sum(c.split == "train" for c in clips),
                           "test": sum(c.split == "test" for c in clips),
                           "seconds": round(sum(len(c.audio) for c in clips) / SAMPLE_RATE, 1)},
                "heldOut": {"rule": "MIDI pitch ≡ 53 (mod 8), both dynamics", "pitches": held,
                            "notes": [c.name for c in clips if c.split == "test"]},
                "f0CheckCents": {"median": round(float(np.median(cents)), 2), "max": round(float(np.max(cents)), 2),
                                 "what": "|YIN median − sfz pitch| per note"}}
    else:
        n_train, n_test, seconds = (2, 1, 4.0) if args.smoke else (24, 4, 16.0)
        clips = prepare_violin(args.tunes, n_train, n_test, seconds, seed=args.seed)
        cents = [label_check(c) for c in clips]
        data = {"source": "Irish tunes (training/data/irish.notes.json.gz: Ceol Rince na hÉireann via Polifonia, CC BY 4.0) "
                          "rendered by FluidSynth 2 with FluidR3_GM.sf2 program 40 (MIT)",
                "licence": "tunes CC BY 4.0 (Polifonia project, Bill Black transcriptions, Breandán Breathnach collection); soundfont MIT",
                "preparation": f"{seconds:g} s per tune at a quarter note of 0.5–0.9 s, transposed −5…+5 (≥ G3), velocity per bar, "
                               "pitch-bend vibrato on notes ≥ 0.3 s; f0 = MIDI pitch + bend; loudness from the audio",
                "counts": {"tunes": len(clips), "train": n_train, "test": n_test,
                           "seconds": round(sum(len(c.audio) for c in clips) / SAMPLE_RATE, 1)},
                "heldOut": {"rule": "tunes from the corpus's test split", "tunes": [c.name for c in clips if c.split == "test"]},
                "f0CheckCents": {"median": round(float(np.nanmedian(cents)), 2),
                                 "what": "median |YIN − MIDI label| over voiced frames (the soundfont's own vibrato included)"}}
    return clips, data


def write_samples(args, model, clips, spectrum, folder: str) -> list[str]:
    """Held-out originals and resyntheses as 16 kHz WAV, and spectrogram PNGs (original, decoder, baseline)."""
    os.makedirs(folder, exist_ok=True)
    test = [c for c in clips if c.split == "test"]
    if args.instrument == "sax":
        picks = [next(c for c in test if (c.pitch, c.dynamic) == pick) for pick in SAMPLE_PICKS]
        seconds = 1.5
    else:
        picks, seconds = test[:1], 4.0
    written = []
    for c in picks:
        stem = f"{args.instrument}-{os.path.splitext(c.name)[0].replace('_rr1_cnd', '')}"
        n = round(seconds * SAMPLE_RATE)
        rows = [c.audio[:n], resynthesize(model, c)[:n], baseline_resynthesis(c, spectrum)[:n]]
        for kind, audio in zip(("original", "decoder"), rows):
            path = os.path.join(folder, f"{stem}-{kind}.wav")
            sf.write(path, np.clip(audio, -1, 1), SAMPLE_RATE, subtype="PCM_16")
            written.append(path)
        path = os.path.join(folder, f"{stem}-spectrogram.png")
        comparison_png(path, rows)
        written.append(path)
    return written


def run_ort_check(folder: str) -> dict | None:
    """Runs training/ddsp/check_onnx.mjs (onnxruntime-web in Node) when Node and the package are at hand."""
    script = os.path.join(REPO, "training", "ddsp", "check_onnx.mjs")
    if not os.path.isdir(os.path.join(REPO, "node_modules", "onnxruntime-web")):
        log("onnxruntime-web check skipped: node_modules/onnxruntime-web is not installed (npm ci)")
        return None
    proc = subprocess.run(["node", script, folder], capture_output=True, text=True, cwd=REPO)
    for line in proc.stdout.strip().splitlines()[:-1]:
        log(f"onnxruntime-web: {line}")
    if proc.returncode != 0:
        raise RuntimeError(f"onnxruntime-web check of {folder} failed:\n{proc.stdout}{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv=None) -> None:
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    out = args.out or (tempfile.mkdtemp(prefix="ddsp-smoke-") if args.smoke
                       else os.path.join(REPO, "public", "models", f"ddsp-{args.instrument}"))
    os.makedirs(out, exist_ok=True)
    t0 = time.time()
    clips, data = load_clips(args)
    train_clips = [c for c in clips if c.split == "train"]
    test_clips = [c for c in clips if c.split == "test"]
    log(f"data: {len(train_clips)} train / {len(test_clips)} test clips, {data['counts']['seconds']} s, "
        f"prepared in {time.time() - t0:.0f}s; f0 check {data['f0CheckCents']}")

    pitch_stats, loudness_stats = input_stats(train_clips)
    model = Decoder(args.hidden, 2, pitch_stats, loudness_stats)
    params = sum(p.numel() for p in model.parameters())
    log(f"model: hidden {args.hidden}, {params} parameters; training {args.steps} steps on {args.device}")
    frames = round(args.window * FRAME_RATE) + 1
    result = train(model, train_clips, args.steps, frames, args.batch, args.lr, args.seed, args.device,
                   log_every=max(1, min(100, args.steps // 10)), log=log)
    model.cpu().eval()

    spectrum = average_harmonic_spectrum(train_clips)
    held = evaluate(model, test_clips, spectrum)
    log(f"held-out multi-scale spectral distance: decoder {held['decoder']} vs baseline {held['baseline']} "
        f"(decoder closer on {held['decoder_better']}/{len(test_clips)} clips)")

    model_path = os.path.join(out, "model.onnx")
    example = test_clips[0]
    export.export_onnx(model, model_path, example.f0[:50], example.loudness[:50])
    step_err = export.stepping_error(model, example.f0[:300], example.loudness[:300])
    if step_err > 1e-5:
        raise RuntimeError(f"export: stepping frame by frame differs from one call by {step_err}")
    with open(os.path.join(out, "reference.json"), "w") as f:
        json.dump(export.reference(model, example.f0[100:116], example.loudness[100:116]), f)
    command = " ".join(["/usr/bin/python3", "training/ddsp_decoder.py"] + [shlex.quote(a) for a in sys.argv[1:]])
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine()) \
        if os.path.exists("/proc/cpuinfo") else platform.machine()
    fields = {
        "id": f"ddsp-{args.instrument}", "title": TITLES[args.instrument], "kind": "ddsp-decoder",
        "description": "DDSP RNN-FC decoder: f0 (Hz) and A-weighted loudness (dB) at 250 frames/s → amplitude, "
                       "60-harmonic distribution and 65 noise-band magnitudes for the 16 kHz harmonic + filtered-noise synth (docs/ddsp.md).",
        "onnx": "model.onnx", "contract": export.contract(args.hidden), "sampleRate": SAMPLE_RATE, "frameRate": FRAME_RATE,
        "hop": HOP, "harmonics": 60, "noiseBands": 65,
        "recipe": {"script": "training/ddsp_decoder.py", "command": command, "seed": args.seed, "docs": "docs/ddsp-training.md"},
        "data": data,
        "metrics": {"heldOutMultiScaleSpectralDistance": {"decoder": held["decoder"], "baseline": held["baseline"],
                                                          "decoderCloserOn": f"{held['decoder_better']}/{len(test_clips)}",
                                                          "baselineIs": "additive synth, average harmonic spectrum of the training clips, same f0, amplitude matched to the loudness, no noise",
                                                          "perClip": held["clips"]},
                    "steppingMaxDiffTorch": step_err},
        "training": {"steps": result["steps"], "seconds": result["seconds"], "cpuSeconds": result["cpuSeconds"],
                     "finalTrainingLoss": result["finalLoss"], "batch": args.batch, "windowSeconds": args.window,
                     "device": f"{args.device} ({args.threads} thread{'s' if args.threads > 1 else ''}, {cpu})" if args.device == "cpu"
                     else f"cuda ({torch.cuda.get_device_name(0)})",
                     "params": params, "hidden": args.hidden, "optimizer": f"Adam lr {args.lr:g}, cosine decay to 5%, grad-norm clip 3",
                     "torch": torch.__version__},
    }
    files = ["model.onnx", "reference.json"]
    export.write_manifest(out, fields, files)
    ort = run_ort_check(out)
    if ort is not None:
        fields["metrics"]["onnxruntimeWeb"] = {"referenceMaxDiff": ort.get("referenceMaxDiff"),
                                               "steppingMaxDiff": ort.get("steppingMaxDiff"),
                                               "msPer10sOfFrames": ort.get("msPer10s"),
                                               "realTimeFactorOneThread": ort.get("realTimeFactor")}
        export.write_manifest(out, fields, files)
    log(f"wrote {out}/manifest.json, model.onnx, reference.json")

    samples = args.samples or (None if args.smoke else os.path.join(REPO, "docs", "ddsp"))
    if samples:
        for path in write_samples(args, model, clips, spectrum, samples):
            log(f"wrote {path}")
    log(f"done in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
