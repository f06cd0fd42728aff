"""DDSP decoder recipe (docs/ddsp.md, docs/ddsp-training.md): features, synth, model, data, export."""
