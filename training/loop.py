"""The training loop the symbolic recipes share: epochs of batches, gradient clipping, a
validation pass after each epoch, the best weights kept (early stopping), a time budget."""
from __future__ import annotations

import copy
import math
from typing import Callable, Iterable

import torch

from common import Timer, fmt_nll, log


def fit(model: torch.nn.Module, opt: torch.optim.Optimizer, epoch_batches: Callable[[int], list],
        loss_fn: Callable[[object], torch.Tensor], valid_nll: Callable[[], float], *, epochs: int,
        timer: Timer, max_steps_per_epoch: int = 0, lr_at: Callable[[int], float] | None = None,
        halve_on_plateau: bool = False, patience: int = 3, clip: float = 1.0) -> dict:
    """Trains until `epochs` are done, the valid NLL has not improved for `patience` epochs, or the
    time budget is spent; restores the weights with the best valid NLL. Returns the run's figures."""
    best, best_state, best_epoch, bad = math.inf, None, 0, 0
    step, epoch, history = 0, 0, []
    for epoch in range(1, epochs + 1):
        model.train()
        batches: Iterable = epoch_batches(epoch)
        total, n = 0.0, 0
        for i, batch in enumerate(batches):
            if max_steps_per_epoch and i >= max_steps_per_epoch:
                break
            if lr_at is not None:
                for g in opt.param_groups:
                    g["lr"] = lr_at(step)
            loss = loss_fn(batch)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
            opt.step()
            step += 1
            total, n = total + loss.item(), n + 1
            if step % 25 == 0:
                log(f"  epoch {epoch} step {step}: train loss {total / n:.4f} "
                    f"({timer.seconds():.0f}s wall, {timer.cpu_seconds():.0f}s cpu)")
            if timer.over():
                break
        model.eval()
        v = valid_nll()
        history.append({"epoch": epoch, "train_loss": round(total / max(1, n), 4), "valid": round(v, 4),
                        "seconds": round(timer.seconds(), 1), "cpu_seconds": round(timer.cpu_seconds(), 1)})
        log(f"epoch {epoch}: train loss {total / max(1, n):.4f}, valid {fmt_nll(v)}, "
            f"{timer.seconds():.0f}s wall, {timer.cpu_seconds():.0f}s cpu")
        if v < best:
            best, best_state, best_epoch, bad = v, copy.deepcopy(model.state_dict()), epoch, 0
        else:
            bad += 1
            if halve_on_plateau:
                for g in opt.param_groups:
                    g["lr"] *= 0.5
                log(f"  valid did not improve: learning rate now {opt.param_groups[0]['lr']:.2e}")
            if bad >= patience:
                log(f"  stopping: no improvement for {patience} epochs")
                break
        if timer.over():
            log("  stopping: CPU time budget spent")
            break
    if best_state is not None:
        model.load_state_dict(best_state)
    model.eval()
    return {"steps": step, "epochs": epoch, "best_epoch": best_epoch, "best_valid": best, "history": history}
