"""The safetensors format in pure Python (no dependency): an 8-byte
little-endian header length, a JSON header {name: {"dtype", "shape",
"data_offsets": [begin, end]}, "__metadata__": {str: str}}, then the raw
little-endian data.  rope-conform gen writes cases in it and verify reads
outputs from it (docs/python.md).

Tensors travel as Tensor(dtype, shape, data): dtype a safetensors name
("F64", "F32", "F16", "BF16", "I64"), data the raw bytes.  to_numpy /
to_torch / from_array convert when numpy or torch is at hand.
"""
import json
import struct
from collections import namedtuple

Tensor = namedtuple("Tensor", "dtype shape data")

SIZES = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "U8": 1}
_NUMPY = {"F64": "<f8", "F32": "<f4", "F16": "<f2", "BF16": "<u2", "I64": "<i8", "I32": "<i4", "U8": "u1"}


def _count(shape):
    n = 1
    for d in shape:
        n *= d
    return n


def read(path):
    """({name: Tensor}, metadata dict)."""
    with open(path, "rb") as f:
        blob = f.read()
    if len(blob) < 8:
        raise ValueError("%s: not a safetensors file (shorter than 8 bytes)" % path)
    (n,) = struct.unpack("<Q", blob[:8])
    if n > len(blob) - 8:
        raise ValueError("%s: header length %d runs past the end of the file" % (path, n))
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    data = memoryview(blob)[8 + n:]
    meta = header.pop("__metadata__", {}) or {}
    tensors = {}
    for name, e in header.items():
        begin, end = e["data_offsets"]
        want = _count(e["shape"]) * SIZES[e["dtype"]]
        if not 0 <= begin <= end <= len(data) or end - begin != want:
            raise ValueError("%s: tensor %r: data_offsets %s do not hold %d bytes"
                             % (path, name, e["data_offsets"], want))
        tensors[name] = Tensor(e["dtype"], tuple(e["shape"]), bytes(data[begin:end]))
    return tensors, meta


def write(path, tensors, metadata=None):
    """tensors: {name: Tensor or numpy array or torch tensor}."""
    header, chunks, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    for name, t in tensors.items():
        if not isinstance(t, Tensor):
            t = from_array(t)
        if len(t.data) != _count(t.shape) * SIZES[t.dtype]:
            raise ValueError("tensor %r: %d bytes for shape %s of %s" % (name, len(t.data), t.shape, t.dtype))
        header[name] = {"dtype": t.dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(t.data)]}
        chunks.append(t.data)
        offset += len(t.data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)   # the data starts 8-byte aligned
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for c in chunks:
            f.write(c)


def to_numpy(t):
    """A numpy array (BF16 as its uint16 bit patterns: numpy has no bf16)."""
    import numpy as np
    return np.frombuffer(t.data, dtype=_NUMPY[t.dtype]).reshape(t.shape).copy()


def to_torch(t):
    import torch
    dtypes = {"F64": torch.float64, "F32": torch.float32, "F16": torch.float16,
              "BF16": torch.bfloat16, "I64": torch.int64, "I32": torch.int32, "U8": torch.uint8}
    if not t.data:
        return torch.zeros(t.shape, dtype=dtypes[t.dtype])
    return torch.frombuffer(bytearray(t.data), dtype=dtypes[t.dtype]).reshape(t.shape)


def from_array(a):
    """A Tensor from a numpy array or a torch tensor (copied, contiguous)."""
    if hasattr(a, "detach"):   # torch
        import torch
        names = {torch.float64: "F64", torch.float32: "F32", torch.float16: "F16",
                 torch.bfloat16: "BF16", torch.int64: "I64", torch.int32: "I32", torch.uint8: "U8"}
        a = a.detach().cpu().contiguous()
        name = names[a.dtype]
        raw = (a.view(torch.int16) if a.dtype == torch.bfloat16 else a).numpy().tobytes()
        return Tensor(name, tuple(a.shape), raw)
    names = {"f8": "F64", "f4": "F32", "f2": "F16", "i8": "I64", "i4": "I32", "u1": "U8"}
    key = a.dtype.kind + str(a.dtype.itemsize)
    if key not in names:
        raise TypeError("no safetensors dtype for numpy %s" % a.dtype)
    return Tensor(names[key], tuple(a.shape), a.astype(a.dtype.newbyteorder("<")).tobytes())
