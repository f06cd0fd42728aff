"""Hugging Face layout files for a genpatch GPT-2 model folder: config.json, generation_config.json,
tokenizer.json (a tokenizers WordLevel model over the 216 token names, split on whitespace) and
tokenizer_config.json, so transformers / transformers.js can load the folder."""
from __future__ import annotations

from pathlib import Path

import genpatch_tokens as gt
from common import write_json
from gpt2_model import GPT2Config

SPECIAL = {gt.PAD: "<pad>", gt.BOS: "<bos>", gt.EOS: "<eos>"}


def write_config(folder: Path, c: GPT2Config, genpatch: dict) -> None:
    """config.json (model_type gpt2) with a `genpatch` block (vocabulary, format, evaluation)."""
    write_json(folder / "config.json", {
        "architectures": ["GPT2LMHeadModel"], "model_type": "gpt2",
        "vocab_size": c.vocab_size, "n_positions": c.n_positions, "n_ctx": c.n_positions,
        "n_embd": c.n_embd, "n_layer": c.n_layer, "n_head": c.n_head, "n_inner": None,
        "activation_function": "gelu_new", "resid_pdrop": c.dropout, "embd_pdrop": c.dropout,
        "attn_pdrop": 0.0, "layer_norm_epsilon": 1e-5, "initializer_range": 0.02,
        "scale_attn_weights": True, "tie_word_embeddings": True, "use_cache": True,
        "bos_token_id": gt.BOS, "eos_token_id": gt.EOS, "pad_token_id": gt.PAD,
        "torch_dtype": "float32", "genpatch": genpatch,
    })


def write_generation_config(folder: Path, c: GPT2Config) -> None:
    """generation_config.json: sample from <bos> until <eos> or the context is full."""
    write_json(folder / "generation_config.json", {
        "bos_token_id": gt.BOS, "eos_token_id": gt.EOS, "pad_token_id": gt.PAD,
        "decoder_start_token_id": gt.BOS, "max_length": c.n_positions,
        "do_sample": True, "temperature": 1.0, "top_k": 0, "top_p": 1.0,
    })


def write_tokenizer(folder: Path, max_length: int) -> None:
    """tokenizer.json (WordLevel over token_name(0..215), whitespace split) and tokenizer_config.json."""
    vocab = {gt.token_name(i): i for i in range(gt.VOCAB_SIZE)}
    added = [{"id": i, "content": name, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for i, name in SPECIAL.items()]
    write_json(folder / "tokenizer.json", {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
        "normalizer": None, "pre_tokenizer": {"type": "WhitespaceSplit"}, "post_processor": None,
        "decoder": None, "model": {"type": "WordLevel", "vocab": vocab, "unk_token": "<pad>"},
    })
    write_json(folder / "tokenizer_config.json", {
        "tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": max_length,
        "bos_token": "<bos>", "eos_token": "<eos>", "pad_token": "<pad>", "unk_token": "<pad>",
        "add_bos_token": False, "add_eos_token": False, "clean_up_tokenization_spaces": False,
        "added_tokens_decoder": {str(i): {"content": n, "lstrip": False, "normalized": False, "rstrip": False,
                                          "single_word": False, "special": True} for i, n in SPECIAL.items()},
    })
