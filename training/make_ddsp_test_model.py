"""Writes tests/fixtures/models/tiny-ddsp/: a tiny DDSP decoder with the contract of docs/ddsp.md.

Run:  /usr/bin/python3 training/make_ddsp_test_model.py

Inputs f0 [1, T] (Hz), loudness [1, T] (dB), state [1, 1, 8]; outputs amplitude [1, T],
harmonics [1, T, 60] (normalised, the harmonics at or above 8 kHz zeroed), noise [1, T, 65] and
state_out [1, 1, 8]. The weights are untrained but shaped so the output is plausible: the
amplitude follows the loudness (−100 dB gives silence), the harmonic distribution falls with the
harmonic number, and a GRU of random weights (fixed seed) modulates both, so carrying the state
across calls matters. It exercises the nodes (nodes/ddsp) without the trained models.
A reference.json holds PyTorch's outputs for a few frames, to check ONNX Runtime against.
"""
import hashlib
import json
import math
import os
import warnings

import torch
from torch import nn

torch.set_num_threads(1)
warnings.filterwarnings("ignore", category=UserWarning)  # the exporter's GRU and shape notes
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "models", "tiny-ddsp")
HIDDEN, HARMONICS, BANDS, NYQUIST = 8, 60, 65, 8000.0


def scaled_sigmoid(x: torch.Tensor) -> torch.Tensor:
    """DDSP's exp_sigmoid: 2·sigmoid(x)^ln(10) + 1e-7."""
    return 2.0 * torch.sigmoid(x) ** math.log(10.0) + 1e-7


class TinyDecoder(nn.Module):
    """(f0, loudness) per frame → a GRU over the normalised inputs → synth controls."""

    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(2, HIDDEN, batch_first=True)
        self.head = nn.Linear(HIDDEN, 1 + HARMONICS + BANDS)
        with torch.no_grad():
            self.head.weight.mul_(0.5)
            self.head.bias.zero_()
            self.head.bias[1:1 + HARMONICS] = 1.0 - 0.25 * torch.arange(HARMONICS, dtype=torch.float32)
            self.head.bias[1 + HARMONICS:] = -6.0
        self.register_buffer("numbers", torch.arange(1, HARMONICS + 1, dtype=torch.float32))

    def forward(self, f0, loudness, state):
        pitch = (69.0 + 12.0 * torch.log2(torch.clamp(f0, min=8.1758) / 440.0) - 64.0) / 12.0
        loud = (loudness + 40.0) / 15.0
        rnn, state_out = self.gru(torch.stack([pitch, loud], -1), state)
        out = self.head(rnn)
        amplitude = scaled_sigmoid(out[..., 0] + 2.0 * loud - 1.0) * (loudness > -90.0).to(f0.dtype)
        dist = scaled_sigmoid(out[..., 1:1 + HARMONICS]) * (f0.unsqueeze(-1) * self.numbers < NYQUIST).to(f0.dtype)
        harmonics = dist / (dist.sum(-1, keepdim=True) + 1e-7)
        noise = scaled_sigmoid(out[..., 1 + HARMONICS:]) * torch.sigmoid(loud).unsqueeze(-1)
        return amplitude, harmonics, noise, state_out


def entry(name: str) -> dict:
    data = open(os.path.join(OUT, name), "rb").read()
    return {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def main() -> None:
    torch.manual_seed(0)
    model = TinyDecoder().eval()
    os.makedirs(OUT, exist_ok=True)
    frames = torch.arange(16, dtype=torch.float32)
    f0 = (220.0 * 2 ** (frames / 24.0)).view(1, -1)
    loudness = (-60.0 + 2.5 * frames).view(1, -1)
    state = torch.zeros(1, 1, HIDDEN)
    axes = {1: "frames"}
    torch.onnx.export(model, (f0, loudness, state), os.path.join(OUT, "model.onnx"), opset_version=17,
                      input_names=["f0", "loudness", "state"], output_names=["amplitude", "harmonics", "noise", "state_out"],
                      dynamic_axes={"f0": axes, "loudness": axes, "amplitude": axes, "harmonics": axes, "noise": axes})
    with torch.no_grad():
        amp, harm, noise, state_out = model(f0, loudness, state)
    flat = lambda t: [float(v) for v in t.reshape(-1)]
    reference = {"inputs": {"f0": flat(f0), "loudness": flat(loudness), "state": "zeros"},
                 "outputs": {"amplitude": flat(amp), "harmonics": flat(harm), "noise": flat(noise), "state_out": flat(state_out)},
                 "tolerance": 1e-4}
    with open(os.path.join(OUT, "reference.json"), "w") as f:
        json.dump(reference, f)
    io = lambda name, shape: {"name": name, "dtype": "float32", "shape": shape}
    manifest = {
        "id": "tiny-ddsp", "title": "Tiny DDSP decoder (test fixture)", "kind": "ddsp-decoder",
        "description": "An untrained 8-unit GRU decoder with the DDSP contract of docs/ddsp.md, for the nodes/ddsp tests.",
        "files": [entry("model.onnx"), entry("reference.json")], "onnx": "model.onnx",
        "contract": {"inputs": [io("f0", [1, "frames"]), io("loudness", [1, "frames"]), io("state", [1, 1, HIDDEN])],
                     "outputs": [io("amplitude", [1, "frames"]), io("harmonics", [1, "frames", HARMONICS]),
                                 io("noise", [1, "frames", BANDS]), io("state_out", [1, 1, HIDDEN])],
                     "state": [{"input": "state", "output": "state_out"}]},
        "sampleRate": 16000, "frameRate": 250,
        "recipe": {"script": "training/make_ddsp_test_model.py", "command": "/usr/bin/python3 training/make_ddsp_test_model.py", "seed": 0},
        "data": {"name": "none", "notes": "weights from a fixed seed with hand-set biases; a pipeline test model, not a musical one"},
    }
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")
    print(f"wrote {os.path.relpath(OUT)}: model.onnx ({entry('model.onnx')['bytes']} bytes), reference.json, manifest.json")


if __name__ == "__main__":
    main()
