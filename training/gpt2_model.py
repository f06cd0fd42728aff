"""A GPT-2-style decoder (pre-LN blocks, learned positions, tanh-GELU, tied embeddings) whose
parameter names and Conv1D weight layout follow Hugging Face's GPT2LMHeadModel, with the key/value
cache as explicit inputs and outputs so the ONNX graph matches transformers.js's gpt2 naming."""
from __future__ import annotations

import json
import math
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F

import genpatch_tokens as gt
from safetensors_io import load_safetensors


@dataclass
class GPT2Config:
    """The dimensions (Hugging Face names)."""
    n_positions: int = 1024
    n_embd: int = 128
    n_layer: int = 4
    n_head: int = 4
    dropout: float = 0.1
    vocab_size: int = gt.VOCAB_SIZE


class Conv1D(nn.Module):
    """A linear layer with the weight stored [in, out], as GPT-2 checkpoints do."""

    def __init__(self, n_in: int, n_out: int):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(n_in, n_out) * 0.02)
        self.bias = nn.Parameter(torch.zeros(n_out))

    def forward(self, x):
        return x @ self.weight + self.bias


class Attention(nn.Module):
    """Causal multi-head self-attention that appends to and returns the key/value cache (no dropout
    on the attention weights: it costs more than it helps at this size)."""

    def __init__(self, c: GPT2Config):
        super().__init__()
        self.n_head, self.head_dim = c.n_head, c.n_embd // c.n_head
        self.c_attn = Conv1D(c.n_embd, 3 * c.n_embd)
        self.c_proj = Conv1D(c.n_embd, c.n_embd)
        self.resid_dropout = nn.Dropout(c.dropout)

    def _heads(self, x):
        b, s, _ = x.shape
        return x.view(b, s, self.n_head, self.head_dim).transpose(1, 2)

    def forward(self, x, bias, past_k=None, past_v=None):
        q, k, v = self.c_attn(x).split(self.n_head * self.head_dim, dim=2)
        q, k, v = self._heads(q), self._heads(k), self._heads(v)
        if past_k is not None:
            k, v = torch.cat([past_k, k], dim=2), torch.cat([past_v, v], dim=2)
        att = torch.softmax((q @ k.transpose(-1, -2)) * (1.0 / math.sqrt(self.head_dim)) + bias, dim=-1)
        y = (att @ v).transpose(1, 2)
        y = y.reshape(y.shape[0], y.shape[1], self.n_head * self.head_dim)
        return self.resid_dropout(self.c_proj(y)), k, v


class MLP(nn.Module):
    """Feed-forward block: 4× expansion with the tanh approximation of GELU (GPT-2's gelu_new)."""

    def __init__(self, c: GPT2Config):
        super().__init__()
        self.c_fc = Conv1D(c.n_embd, 4 * c.n_embd)
        self.c_proj = Conv1D(4 * c.n_embd, c.n_embd)
        self.dropout = nn.Dropout(c.dropout)

    def forward(self, x):
        return self.dropout(self.c_proj(F.gelu(self.c_fc(x), approximate="tanh")))


class Block(nn.Module):
    """Pre-LN transformer block."""

    def __init__(self, c: GPT2Config):
        super().__init__()
        self.ln_1 = nn.LayerNorm(c.n_embd, eps=1e-5)
        self.attn = Attention(c)
        self.ln_2 = nn.LayerNorm(c.n_embd, eps=1e-5)
        self.mlp = MLP(c)

    def forward(self, x, bias, past_k=None, past_v=None):
        a, k, v = self.attn(self.ln_1(x), bias, past_k, past_v)
        x = x + a
        return x + self.mlp(self.ln_2(x)), k, v


class Body(nn.Module):
    """Embeddings, blocks and the final LayerNorm (HF's `transformer` submodule)."""

    def __init__(self, c: GPT2Config):
        super().__init__()
        self.wte = nn.Embedding(c.vocab_size, c.n_embd)
        self.wpe = nn.Embedding(c.n_positions, c.n_embd)
        nn.init.normal_(self.wte.weight, std=0.02)
        nn.init.normal_(self.wpe.weight, std=0.01)
        self.drop = nn.Dropout(c.dropout)
        self.h = nn.ModuleList(Block(c) for _ in range(c.n_layer))
        self.ln_f = nn.LayerNorm(c.n_embd, eps=1e-5)


class GPT2LM(nn.Module):
    """forward(input_ids [B, S], attention_mask [B, P+S]?, position_ids [B, S]?, past [(k, v)]?)
    → (logits [B, S, V], presents [(k, v)] with k, v [B, heads, P+S, head_dim])."""

    def __init__(self, c: GPT2Config):
        super().__init__()
        self.config = c
        self.transformer = Body(c)
        for name, p in self.named_parameters():
            if name.endswith("c_proj.weight"):  # GPT-2's scaled init of residual projections
                nn.init.normal_(p, std=0.02 / math.sqrt(2 * c.n_layer))

    def forward(self, input_ids, attention_mask=None, position_ids=None, past=None):
        t = self.transformer
        s = input_ids.shape[1]
        p = past[0][0].shape[2] if past else 0
        q_pos = torch.arange(s, device=input_ids.device) + p
        k_pos = torch.arange(s + p, device=input_ids.device)
        allowed = (k_pos[None, :] <= q_pos[:, None])[None, None]
        if attention_mask is not None:
            allowed = allowed & (attention_mask[:, None, None, :] > 0)
        bias = (~allowed).to(t.wte.weight.dtype) * torch.finfo(t.wte.weight.dtype).min  # 0 or "minus infinity"
        if position_ids is None:
            position_ids = q_pos[None, :]
        x = t.drop(t.wte(input_ids) + t.wpe(position_ids))
        presents = []
        for i, block in enumerate(t.h):
            x, k, v = block(x, bias, *(past[i] if past else (None, None)))
            presents.append((k, v))
        logits = t.ln_f(x) @ t.wte.weight.T
        return logits, presents


def load_folder(folder: Path) -> tuple[GPT2LM, dict]:
    """The model and manifest of a chorale-transformer folder (config.json + model.safetensors)."""
    manifest = json.loads((folder / "manifest.json").read_text())
    hf = json.loads((folder / "config.json").read_text())
    c = GPT2Config(n_positions=hf["n_positions"], n_embd=hf["n_embd"], n_layer=hf["n_layer"],
                   n_head=hf["n_head"], dropout=hf.get("resid_pdrop", 0.1), vocab_size=hf["vocab_size"])
    model = GPT2LM(c)
    weights, _ = load_safetensors(folder / manifest["weights"])
    model.load_state_dict(weights)
    return model.eval(), manifest


class _Export(nn.Module):
    def __init__(self, model: GPT2LM):
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask, position_ids, *past_flat):
        past = [(past_flat[2 * i], past_flat[2 * i + 1]) for i in range(len(past_flat) // 2)]
        logits, presents = self.model(input_ids, attention_mask, position_ids, past)
        return (logits, *[t for kv in presents for t in kv])


def io_names(n_layer: int) -> tuple[list[str], list[str]]:
    """ONNX input and output names in transformers.js's gpt2 convention."""
    past = [f"past_key_values.{i}.{kv}" for i in range(n_layer) for kv in ("key", "value")]
    present = [f"present.{i}.{kv}" for i in range(n_layer) for kv in ("key", "value")]
    return ["input_ids", "attention_mask", "position_ids", *past], ["logits", *present]


def export_onnx(model: GPT2LM, path: Path) -> None:
    """Writes the ONNX graph with dynamic batch, seq and past lengths."""
    model = model.cpu().eval()
    c = model.config
    hd = c.n_embd // c.n_head
    ids = torch.tensor([[gt.BAR, gt.NOTE0 + 67, gt.NOTE0 + 62]])
    past_len = 2
    past = [torch.zeros(1, c.n_head, past_len, hd) for _ in range(2 * c.n_layer)]
    mask = torch.ones(1, past_len + ids.shape[1], dtype=torch.long)
    pos = torch.arange(past_len, past_len + ids.shape[1])[None, :]
    inputs, outputs = io_names(c.n_layer)
    axes = {"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "past+seq"},
            "position_ids": {0: "batch", 1: "seq"}, "logits": {0: "batch", 1: "seq"}}
    axes |= {n: {0: "batch", 2: "past"} for n in inputs[3:]}
    axes |= {n: {0: "batch", 2: "past+seq"} for n in outputs[1:]}
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes on shape-dependent arange
        torch.onnx.export(_Export(model), (ids, mask, pos, *past), str(path), opset_version=17,
                          input_names=inputs, output_names=outputs, dynamic_axes=axes)


def stepping_error(model: GPT2LM, seq: list[int]) -> float:
    """Max |difference| between one call over seq and token-by-token calls through the cache."""
    model = model.eval()
    with torch.no_grad():
        ids = torch.tensor([seq])
        full, _ = model(ids)
        past, steps = None, []
        for t in range(len(seq)):
            mask = torch.ones(1, t + 1, dtype=torch.long)
            logits, past = model(ids[:, t : t + 1], mask, torch.tensor([[t]]), past)
            steps.append(logits)
        return float((full - torch.cat(steps, 1)).abs().max())


def reference_check(model: GPT2LM, seq: list[int]) -> dict:
    """Tokens and PyTorch's logits at the last position, for scripts/check-model.ts to compare."""
    with torch.no_grad():
        logits, _ = model.eval()(torch.tensor([seq]))
    return {"input_ids": seq, "last_logits": [round(float(v), 5) for v in logits[0, -1]], "tolerance": 1e-3}


def config_dict(c: GPT2Config) -> dict:
    """The dimensions as a plain dict."""
    return asdict(c)
