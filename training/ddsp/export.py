"""ONNX export of the decoder per docs/ddsp.md, its checks, and the model folder's manifest."""
from __future__ import annotations

import hashlib
import json
import os
import warnings

import numpy as np
import onnx
import torch

from .model import Decoder
from .synth import N_HARMONICS, N_NOISE

INPUTS, OUTPUTS = ["f0", "loudness", "state"], ["amplitude", "harmonics", "noise", "state_out"]


class _Wrapper(torch.nn.Module):
    def __init__(self, model: Decoder):
        super().__init__()
        self.model = model

    def forward(self, f0, loudness, state):
        return self.model(f0, loudness, state)


def export_onnx(model: Decoder, path: str, example_f0: np.ndarray, example_ld: np.ndarray) -> None:
    """Writes model.onnx (opset 17) with a dynamic frame axis and checks it with onnx.checker."""
    model.eval()
    f0 = torch.tensor(example_f0, dtype=torch.float32).view(1, -1)
    ld = torch.tensor(example_ld, dtype=torch.float32).view(1, -1)
    frames = {1: "frames"}
    with warnings.catch_warnings():  # torch 1.13's exporter warns about GRU batch sizes and constants' shapes
        warnings.simplefilter("ignore", UserWarning)
        torch.onnx.export(_Wrapper(model), (f0, ld, model.initial_state(1)), path, input_names=INPUTS,
                          output_names=OUTPUTS, opset_version=17,
                          dynamic_axes={"f0": frames, "loudness": frames, "amplitude": frames,
                                        "harmonics": frames, "noise": frames})
    onnx.checker.check_model(onnx.load(path))


def stepping_error(model: Decoder, f0: np.ndarray, ld: np.ndarray) -> float:
    """Max |difference| between one call over all frames and frame-by-frame calls that carry the state."""
    f0_t = torch.tensor(f0, dtype=torch.float32).view(1, -1)
    ld_t = torch.tensor(ld, dtype=torch.float32).view(1, -1)
    with torch.no_grad():
        full = model(f0_t, ld_t, model.initial_state(1))
        state, steps = model.initial_state(1), []
        for t in range(f0_t.shape[1]):
            *out, state = model(f0_t[:, t:t + 1], ld_t[:, t:t + 1], state)
            steps.append(out)
    err = 0.0
    for i in range(3):
        err = max(err, float((full[i] - torch.cat([s[i] for s in steps], 1)).abs().max()))
    return max(err, float((full[3] - state).abs().max()))


def reference(model: Decoder, f0: np.ndarray, ld: np.ndarray) -> dict:
    """Inputs (float32, written exactly) and the torch outputs for a few frames, for checking a runtime."""
    f0, ld = np.asarray(f0, dtype=np.float32), np.asarray(ld, dtype=np.float32)
    with torch.no_grad():
        amp, harm, noise, state = model(torch.from_numpy(f0).view(1, -1), torch.from_numpy(ld).view(1, -1),
                                        model.initial_state(1))
    r = lambda t: [float(v) for v in t.numpy().reshape(-1)]
    return {"inputs": {"f0": [float(v) for v in f0], "loudness": [float(v) for v in ld], "state": "zeros"},
            "outputs": {"amplitude": r(amp), "harmonics": r(harm), "noise": r(noise), "state_out": r(state)},
            "tolerance": 1e-4}


def file_entry(folder: str, name: str) -> dict:
    """{path, sha256, bytes} of a file in the model folder."""
    data = open(os.path.join(folder, name), "rb").read()
    return {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def contract(hidden: int) -> dict:
    """The decoder's I/O contract (docs/ddsp.md)."""
    io = lambda name, shape: {"name": name, "dtype": "float32", "shape": shape}
    return {"inputs": [io("f0", [1, "frames"]), io("loudness", [1, "frames"]), io("state", [1, 1, hidden])],
            "outputs": [io("amplitude", [1, "frames"]), io("harmonics", [1, "frames", N_HARMONICS]),
                        io("noise", [1, "frames", N_NOISE]), io("state_out", [1, 1, hidden])],
            "state": [{"input": "state", "output": "state_out"}]}


def write_manifest(folder: str, fields: dict, files: list[str]) -> str:
    """manifest.json with the given fields plus {path, sha256, bytes} of each file; returns its path."""
    manifest = dict(fields)
    manifest["files"] = [file_entry(folder, f) for f in files]
    path = os.path.join(folder, "manifest.json")
    with open(path, "w") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return path
