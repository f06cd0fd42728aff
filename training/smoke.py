"""CI smoke run of the training recipes: the unit tests (test_recipes.py, and test_tokens.py when
present), every recipe with --smoke into temporary folders, fine-tuning of those exports on the
vendored MIDI fixtures, and scripts/check-model.ts (onnxruntime-web) on every export and on the
shipped models; then the DDSP recipe's self-test and a smoke run per instrument (its export is
checked in onnxruntime-web by the recipe itself). Ends with exactly one line `N passed, N failed`.

Run: /usr/bin/python3 training/smoke.py   (about a minute)
"""
from __future__ import annotations

import json
import math
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PY = sys.executable
SHIPPED = ["melody-lstm", "chorale-transformer"]
counts = {"passed": 0, "failed": 0}


def report(ok: bool, name: str, detail: str = "") -> bool:
    """Counts and prints one check."""
    counts["passed" if ok else "failed"] += 1
    print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
    return ok


def run(cmd: list[str], timeout: int = 300) -> subprocess.CompletedProcess:
    """Runs a command from the repository root, echoing its output indented."""
    print(f"$ {' '.join(cmd)}", flush=True)
    p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    for line in (p.stdout + p.stderr).splitlines():
        if line.strip() and not line.startswith("npm warn"):
            print(f"    {line}")
    return p


def recipe(name: str, script: str, args: list[str]) -> bool:
    """Runs a recipe; passes if it exits 0 and leaves a manifest whose NLL beat the uniform guess."""
    p = run([PY, f"training/{script}", *args])
    out = Path(args[args.index("--out") + 1])
    if p.returncode != 0 or not (out / "manifest.json").exists():
        return report(False, name, f"exit {p.returncode}")
    m = json.loads((out / "manifest.json").read_text())
    train = m["metrics"].get("after", m["metrics"]).get("train")
    before = m["metrics"].get("before", {}).get("train", math.log(216))
    return report(train is not None and train < before, name, f"train NLL {train} < {before:.4f}")


def check_model(folder: Path, label: str) -> None:
    """scripts/check-model.ts on a folder; each of its ok/FAIL lines counts as a check."""
    p = run(["npx", "tsx", "scripts/check-model.ts", str(folder)], timeout=120)
    lines = [l for l in p.stdout.splitlines() if l.startswith(("ok ", "FAIL "))]
    for line in lines:
        counts["passed" if line.startswith("ok") else "failed"] += 1
    if p.returncode != 0 and not any(l.startswith("FAIL") for l in lines):
        report(False, f"check-model {label}", f"exit {p.returncode}")
    elif not lines:
        report(False, f"check-model {label}", "no checks ran")


def unit_tests() -> None:
    """training/test_recipes.py in-process; training/test_tokens.py as a subprocess if present."""
    sys.path.insert(0, str(HERE))
    import test_recipes
    for name, err in test_recipes.run_all():
        report(err is None, f"test_recipes.{name}", err or "")
    tokens = HERE / "test_tokens.py"
    if tokens.exists():
        p = run([PY, str(tokens)])
        m = re.findall(r"^(\d+) passed, (\d+) failed", p.stdout, re.M)
        if m:
            counts["passed"] += int(m[-1][0])
            counts["failed"] += int(m[-1][1])
            print(f"test_tokens.py: {m[-1][0]} passed, {m[-1][1]} failed (counted)")
        else:
            report(p.returncode == 0, "test_tokens.py", f"exit {p.returncode}")


def ddsp(tmp: Path) -> None:
    """The DDSP recipe: training/ddsp/selftest.py, then --smoke per instrument; each `onnxruntime-web: ok`
    line the recipe prints about its export counts as a check."""
    p = run([PY, "training/ddsp/selftest.py"])
    report(p.returncode == 0, "ddsp/selftest.py", f"exit {p.returncode}")
    for instrument in ("sax", "violin"):
        p = run([PY, "training/ddsp_decoder.py", "--smoke", "--instrument", instrument, "--out", str(tmp / f"ddsp-{instrument}")])
        checks = re.findall(r"onnxruntime-web: (ok|FAIL)", p.stdout + p.stderr)
        for c in checks:
            counts["passed" if c == "ok" else "failed"] += 1
        report(p.returncode == 0 and bool(checks) and "FAIL" not in checks,
               f"ddsp_decoder.py --smoke --instrument {instrument}", f"exit {p.returncode}, {len(checks)} onnxruntime-web checks")
        shipped = ROOT / "public" / "models" / f"ddsp-{instrument}"
        if (shipped / "manifest.json").exists():
            p = run(["node", "training/ddsp/check_onnx.mjs", str(shipped)], timeout=120)
            for line in p.stdout.splitlines():
                if line.startswith(("ok ", "FAIL ")):
                    counts["passed" if line.startswith("ok") else "failed"] += 1
            report(p.returncode == 0, f"check_onnx.mjs shipped ddsp-{instrument}", f"exit {p.returncode}")


def main() -> None:
    import torch
    torch.set_num_threads(1)
    unit_tests()
    tmp = Path(tempfile.mkdtemp(prefix="genpatch-smoke-"))
    try:
        midi = tmp / "midi"
        midi.mkdir()
        for f in (HERE / "fixtures").glob("*.mid"):
            shutil.copy(f, midi / f.name)
        for name, script in (("melody-lstm", "melody_lstm.py"), ("chorale-transformer", "chorale_transformer.py")):
            out = tmp / name
            if recipe(f"{script} --smoke", script, ["--smoke", "--out", str(out)]):
                check_model(out, name)
                tuned = tmp / f"{name}-tuned"
                if recipe(f"finetune.py --smoke {name}", "finetune.py",
                          ["--smoke", "--model", str(out), "--midi", str(midi), "--out", str(tuned)]):
                    check_model(tuned, f"{name}-tuned")
        for name in SHIPPED:
            folder = ROOT / "public" / "models" / name
            if (folder / "manifest.json").exists():
                check_model(folder, f"shipped {name}")
        ddsp(tmp)
    except Exception as e:  # an unexpected crash still ends with the summary line
        report(False, "smoke run", f"{type(e).__name__}: {e}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{counts['passed']} passed, {counts['failed']} failed")
    sys.exit(1 if counts["failed"] else 0)


if __name__ == "__main__":
    main()
