"""The melody LSTM: token embedding → stacked LSTM → logits over the 216 tokens, with the recurrent
state as explicit input and output so one call over T tokens equals T calls of one token."""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import torch
import torch.nn as nn

import genpatch_tokens as gt
from safetensors_io import load_safetensors


class MelodyLSTM(nn.Module):
    """Token LSTM language model; forward(ids [B, T], h0?, c0?) → (logits [B, T, V], hn, cn)."""

    def __init__(self, embed: int, hidden: int, layers: int, dropout: float = 0.0):
        super().__init__()
        self.embed = nn.Embedding(gt.VOCAB_SIZE, embed)
        self.lstm = nn.LSTM(embed, hidden, layers, batch_first=True, dropout=dropout if layers > 1 else 0.0)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, gt.VOCAB_SIZE)
        self.dropout = dropout

    def forward(self, ids, h0=None, c0=None):
        x = self.drop(self.embed(ids))
        state = None if h0 is None else (h0, c0)
        y, (hn, cn) = self.lstm(x, state)
        return self.head(self.drop(y)), hn, cn

    def architecture(self) -> dict:
        """The dimensions needed to rebuild the module (stored in the manifest)."""
        return {"type": "lstm", "embed": self.embed.embedding_dim, "hidden": self.lstm.hidden_size,
                "layers": self.lstm.num_layers, "dropout": self.dropout}

    def zero_state(self, batch: int = 1):
        """Zero h0, c0 for `batch` sequences."""
        shape = (self.lstm.num_layers, batch, self.lstm.hidden_size)
        return torch.zeros(shape), torch.zeros(shape)


def load_folder(folder: Path) -> tuple[MelodyLSTM, dict]:
    """The model and manifest of a melody-LSTM model folder (weights.safetensors + manifest.json)."""
    manifest = json.loads((folder / "manifest.json").read_text())
    arch = manifest["architecture"]
    if arch.get("type") != "lstm":
        raise ValueError(f"{folder}: architecture type {arch.get('type')!r} is not an LSTM")
    model = MelodyLSTM(arch["embed"], arch["hidden"], arch["layers"], arch.get("dropout", 0.0))
    weights, _ = load_safetensors(folder / manifest["weights"])
    model.load_state_dict(weights)
    return model.eval(), manifest


class _Export(nn.Module):
    def __init__(self, model: MelodyLSTM):
        super().__init__()
        self.model = model

    def forward(self, input_ids, h0, c0):
        return self.model(input_ids, h0, c0)


def export_onnx(model: MelodyLSTM, path: Path) -> None:
    """Writes the ONNX graph: input_ids [1, seq], h0/c0 [layers, 1, hidden] → logits, hn, cn."""
    model = model.cpu().eval()
    ids = torch.tensor([[gt.BOS, gt.METER0 + 3, gt.BAR, gt.NOTE0 + 62, gt.DUR0 + 6]])
    h0, c0 = model.zero_state()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # torch's notes on LSTM batch size and shape inference
        torch.onnx.export(_Export(model), (ids, h0, c0), str(path), opset_version=17,
                          input_names=["input_ids", "h0", "c0"], output_names=["logits", "hn", "cn"],
                          dynamic_axes={"input_ids": {1: "seq"}, "logits": {1: "seq"}})


def stepping_error(model: MelodyLSTM, seq: list[int]) -> float:
    """Max |difference| between the logits of one call over seq and of len(seq) one-token calls."""
    model = model.eval()
    with torch.no_grad():
        ids = torch.tensor([seq])
        full, _, _ = model(ids, *model.zero_state())
        h, c = model.zero_state()
        steps = []
        for t in range(len(seq)):
            logits, h, c = model(ids[:, t : t + 1], h, c)
            steps.append(logits)
        return float((full - torch.cat(steps, 1)).abs().max())


def reference_check(model: MelodyLSTM, seq: list[int]) -> dict:
    """Tokens and PyTorch's logits at the last position, for scripts/check-model.ts to compare."""
    with torch.no_grad():
        logits, _, _ = model.eval()(torch.tensor([seq]), *model.zero_state())
    return {"input_ids": seq, "last_logits": [round(float(v), 5) for v in logits[0, -1]], "tolerance": 1e-3}
