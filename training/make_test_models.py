"""Writes the tiny ONNX test models of src/ml into tests/fixtures/models/ (a few KB each).

Run:  /usr/bin/python3 training/make_test_models.py

- tiny-lstm: an LSTM language model with explicit recurrent state
  (input_ids int64 [b, t], h/c float32 [1, b, 12]) -> (logits [b, t, 16], h_out, c_out).
- tiny-gpt: a GPT-style decoder with a KV cache in the Hugging Face / transformers.js naming,
  stored in the Hugging Face layout (config.json, tokenizer.json, onnx/model.onnx).

Each model gets a manifest.json (docs/models.md) and a reference.json: an input sequence and the
logits PyTorch computes for it, which the TypeScript tests compare ONNX Runtime against.
Weights come from a fixed seed; the models are untrained (they only exercise the pipeline).
"""
import hashlib
import json
import math
import os
import warnings

import torch
from torch import nn

torch.set_num_threads(1)
warnings.filterwarnings('ignore', category=UserWarning)  # the exporter's shape-inference notes
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'fixtures', 'models')
VOCAB = 16
OPSET = 17
RECIPE = {'script': 'training/make_test_models.py', 'command': '/usr/bin/python3 training/make_test_models.py', 'seed': 0}
DATA = {'name': 'none', 'notes': 'random weights from a fixed seed; a pipeline test model, not a musical one'}


class TinyLstm(nn.Module):
    """Embedding -> one LSTM layer -> linear head, with the state as explicit inputs/outputs."""

    def __init__(self, hidden=12, embed=8):
        super().__init__()
        self.embed = nn.Embedding(VOCAB, embed)
        self.lstm = nn.LSTM(embed, hidden, batch_first=True)
        self.head = nn.Linear(hidden, VOCAB)

    def forward(self, input_ids, h, c):
        y, (h_out, c_out) = self.lstm(self.embed(input_ids), (h, c))
        return self.head(y), h_out, c_out


class Block(nn.Module):
    """A pre-norm transformer block whose attention appends the new keys/values to the cache."""

    def __init__(self, dim, heads):
        super().__init__()
        self.heads, self.head_dim = heads, dim // heads
        self.ln1, self.ln2 = nn.LayerNorm(dim), nn.LayerNorm(dim)
        self.qkv, self.proj = nn.Linear(dim, 3 * dim), nn.Linear(dim, dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 2 * dim), nn.GELU(approximate='tanh'), nn.Linear(2 * dim, dim))

    def split(self, x):
        b, t, _ = x.shape
        return x.reshape(b, t, self.heads, self.head_dim).transpose(1, 2)

    def forward(self, x, past_k, past_v, bias):
        q, k, v = self.qkv(self.ln1(x)).chunk(3, dim=-1)
        k = torch.cat([past_k, self.split(k)], dim=2)
        v = torch.cat([past_v, self.split(v)], dim=2)
        att = torch.softmax(self.split(q) @ k.transpose(-1, -2) / math.sqrt(self.head_dim) + bias, dim=-1)
        y = (att @ v).transpose(1, 2).reshape(x.shape)
        x = x + self.proj(y)
        return x + self.mlp(self.ln2(x)), k, v


class TinyGpt(nn.Module):
    """Token + position embeddings, two blocks, a final norm and an LM head."""

    def __init__(self, dim=8, heads=2, layers=2, positions=32):
        super().__init__()
        self.wte, self.wpe = nn.Embedding(VOCAB, dim), nn.Embedding(positions, dim)
        self.blocks = nn.ModuleList([Block(dim, heads) for _ in range(layers)])
        self.ln_f, self.head = nn.LayerNorm(dim), nn.Linear(dim, VOCAB, bias=False)

    def forward(self, input_ids, attention_mask, position_ids, *past):
        x = self.wte(input_ids) + self.wpe(position_ids)
        t = input_ids.shape[1]
        past_len = past[0].shape[2]
        query_pos = torch.arange(t).unsqueeze(1) + past_len
        key_pos = torch.arange(attention_mask.shape[1]).unsqueeze(0)
        keep = (key_pos <= query_pos).unsqueeze(0).unsqueeze(0) & (attention_mask > 0).unsqueeze(1).unsqueeze(1)
        bias = torch.where(keep, torch.zeros(()), torch.full((), -1e9))
        presents = []
        for i, block in enumerate(self.blocks):
            x, k, v = block(x, past[2 * i], past[2 * i + 1], bias)
            presents += [k, v]
        return (self.head(self.ln_f(x)), *presents)


def digest(path):
    data = open(path, 'rb').read()
    return {'sha256': hashlib.sha256(data).hexdigest(), 'bytes': len(data)}


def write_json(path, value):
    with open(path, 'w') as f:
        json.dump(value, f, indent=2)
        f.write('\n')


def write_manifest(folder, manifest, files):
    manifest['files'] = [{'path': p, **digest(os.path.join(folder, p))} for p in files]
    write_json(os.path.join(folder, 'manifest.json'), manifest)


def rounded(tensor):
    return [round(float(v), 7) for v in tensor.detach().reshape(-1)]


def make_lstm():
    torch.manual_seed(0)
    model = TinyLstm().eval()
    folder = os.path.join(OUT, 'tiny-lstm')
    os.makedirs(folder, exist_ok=True)
    ids = torch.tensor([[1, 5, 9, 3, 12, 7]])
    h = c = torch.zeros(1, 1, 12)
    torch.onnx.export(model, (ids, h, c), os.path.join(folder, 'model.onnx'), opset_version=OPSET,
                      input_names=['input_ids', 'h', 'c'], output_names=['logits', 'h_out', 'c_out'],
                      dynamic_axes={'input_ids': {0: 'batch', 1: 'sequence'}, 'logits': {0: 'batch', 1: 'sequence'},
                                    'h': {1: 'batch'}, 'c': {1: 'batch'}, 'h_out': {1: 'batch'}, 'c_out': {1: 'batch'}})
    with torch.no_grad():
        logits, _, _ = model(ids, h, c)
    write_json(os.path.join(folder, 'reference.json'),
               {'input_ids': ids.reshape(-1).tolist(), 'logits': {'dims': list(logits.shape), 'data': rounded(logits)}})
    state = {'dtype': 'float32', 'shape': [1, 'batch', 12]}
    write_manifest(folder, {
        'id': 'tiny-lstm', 'title': 'Tiny LSTM (test fixture)', 'kind': 'token-lstm',
        'description': 'A 16-token LSTM language model with explicit h/c state, for the src/ml tests.',
        'onnx': 'model.onnx',
        'contract': {
            'inputs': [{'name': 'input_ids', 'dtype': 'int64', 'shape': ['batch', 'sequence']},
                       {'name': 'h', **state}, {'name': 'c', **state}],
            'outputs': [{'name': 'logits', 'dtype': 'float32', 'shape': ['batch', 'sequence', VOCAB]},
                        {'name': 'h_out', **state}, {'name': 'c_out', **state}],
            'state': [{'input': 'h', 'output': 'h_out'}, {'input': 'c', 'output': 'c_out'}],
        },
        'vocabulary': {'id': 'test-16', 'size': VOCAB, 'format': 'ids'},
        'recipe': RECIPE, 'data': DATA, 'metrics': {'parameters': sum(p.numel() for p in model.parameters())},
    }, ['model.onnx', 'reference.json'])


def make_gpt():
    torch.manual_seed(0)
    layers, heads, dim = 2, 2, 8
    model = TinyGpt(dim, heads, layers).eval()
    folder = os.path.join(OUT, 'tiny-gpt')
    os.makedirs(os.path.join(folder, 'onnx'), exist_ok=True)
    past_len, t = 2, 3
    ids = torch.tensor([[4, 9, 2]])
    mask = torch.ones(1, past_len + t, dtype=torch.int64)
    pos = torch.arange(past_len, past_len + t).unsqueeze(0)
    past = [torch.randn(1, heads, past_len, dim // heads) for _ in range(2 * layers)]
    names = [f'past_key_values.{i}.{kv}' for i in range(layers) for kv in ('key', 'value')]
    presents = [f'present.{i}.{kv}' for i in range(layers) for kv in ('key', 'value')]
    axes = {'input_ids': {0: 'batch', 1: 'sequence'}, 'position_ids': {0: 'batch', 1: 'sequence'},
            'attention_mask': {0: 'batch', 1: 'total_sequence'}, 'logits': {0: 'batch', 1: 'sequence'}}
    axes.update({n: {0: 'batch', 2: 'past_sequence'} for n in names})
    axes.update({n: {0: 'batch', 2: 'total_sequence'} for n in presents})
    torch.onnx.export(model, (ids, mask, pos, *past), os.path.join(folder, 'onnx', 'model.onnx'), opset_version=OPSET,
                      input_names=['input_ids', 'attention_mask', 'position_ids', *names],
                      output_names=['logits', *presents], dynamic_axes=axes)
    seq = torch.tensor([[1, 6, 11, 3, 14, 2, 8]])
    empty = [torch.zeros(1, heads, 0, dim // heads) for _ in range(2 * layers)]
    with torch.no_grad():
        logits = model(seq, torch.ones_like(seq), torch.arange(seq.shape[1]).unsqueeze(0), *empty)[0]
    write_json(os.path.join(folder, 'reference.json'),
               {'input_ids': seq.reshape(-1).tolist(), 'logits': {'dims': list(logits.shape), 'data': rounded(logits)}})
    write_json(os.path.join(folder, 'config.json'), {
        'model_type': 'gpt2', 'architectures': ['GPT2LMHeadModel'], 'vocab_size': VOCAB, 'n_layer': layers,
        'n_head': heads, 'n_embd': dim, 'n_positions': 32, 'bos_token_id': 1, 'eos_token_id': 2})
    write_json(os.path.join(folder, 'tokenizer.json'), {
        'version': '1.0', 'added_tokens': [], 'normalizer': None, 'pre_tokenizer': {'type': 'WhitespaceSplit'},
        'post_processor': None, 'decoder': None,
        'model': {'type': 'WordLevel', 'vocab': {f't{i}': i for i in range(VOCAB)}, 'unk_token': 't0'}})
    kv = {'dtype': 'float32', 'shape': ['batch', heads, 'past_sequence', dim // heads]}
    kv_out = {'dtype': 'float32', 'shape': ['batch', heads, 'total_sequence', dim // heads]}
    write_manifest(folder, {
        'id': 'tiny-gpt', 'title': 'Tiny GPT with KV cache (test fixture)', 'kind': 'token-transformer',
        'description': 'A 2-layer, 2-head decoder in the Hugging Face layout, for the src/ml tests.',
        'onnx': 'onnx/model.onnx',
        'contract': {
            'inputs': [{'name': 'input_ids', 'dtype': 'int64', 'shape': ['batch', 'sequence']},
                       {'name': 'attention_mask', 'dtype': 'int64', 'shape': ['batch', 'total_sequence']},
                       {'name': 'position_ids', 'dtype': 'int64', 'shape': ['batch', 'sequence']},
                       *[{'name': n, **kv} for n in names]],
            'outputs': [{'name': 'logits', 'dtype': 'float32', 'shape': ['batch', 'sequence', VOCAB]},
                        *[{'name': n, **kv_out} for n in presents]],
            'state': [{'input': i, 'output': o} for i, o in zip(names, presents)],
        },
        'vocabulary': {'id': 'test-16', 'size': VOCAB, 'format': 'ids', 'file': 'tokenizer.json'},
        'recipe': RECIPE, 'data': DATA, 'metrics': {'parameters': sum(p.numel() for p in model.parameters())},
    }, ['config.json', 'tokenizer.json', 'onnx/model.onnx', 'reference.json'])


if __name__ == '__main__':
    make_lstm()
    make_gpt()
    for root, _, files in sorted(os.walk(OUT)):
        for name in sorted(files):
            path = os.path.join(root, name)
            print(f'{os.path.relpath(path, OUT)}: {os.path.getsize(path)} bytes')
