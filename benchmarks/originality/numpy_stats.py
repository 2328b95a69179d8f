"""NumPy baseline: the same per-tensor statistics gukdae computes (sums in float64), over the
same files, for the benchmark. Prints 'numpy BYTES SECONDS'."""
import json, struct, sys, time, pathlib
import numpy as np

def tensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
    data = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + n)
    for name, t in header.items():
        if name == "__metadata__":
            continue
        b, e = t["data_offsets"]
        raw = data[b:e]
        if t["dtype"] == "BF16":  # NumPy has no bf16: a bf16 is the top half of a float32
            yield name, (raw.view(np.uint16).astype(np.uint32) << 16).view(np.float32), e - b
        else:
            yield name, raw.view(np.float32), e - b

def load(model_dir):
    out = {}
    for p in sorted(pathlib.Path(model_dir).glob("*.safetensors")):
        out.update({name: (x, nbytes) for name, x, nbytes in tensors(p)})
    return out

def stats(a, b, centre):
    x = a.astype(np.float64) - centre
    y = b.astype(np.float64) - centre
    n = x.size
    sa, sb = x.sum(), y.sum()
    saa, sbb, sab = x @ x, y @ y, x @ y
    d = x - y
    sdd = d @ d
    eq = np.count_nonzero(a.view(np.uint32) == b.view(np.uint32))
    pearson = (sab - sa * sb / n) / np.sqrt((saa - sa * sa / n) * (sbb - sb * sb / n))
    return pearson, sab / np.sqrt(saa * sbb), np.sqrt(sdd / sbb), eq / n

root = pathlib.Path(sys.argv[1])
start = time.perf_counter()
cpu0 = time.process_time()
a, b = load(root / "tuned"), load(root / "base")
total = 0
for name, (x, nx) in a.items():
    y, ny = b[name]
    stats(x, y, 1.0 if "norm" in name else 0.0)
    total += nx + ny
print("numpy %d %.4f %.4f" % (total, time.perf_counter() - start, time.process_time() - cpu0))
