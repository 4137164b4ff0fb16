"""rope_conform: check a Python RoPE with rope-conform (docs/python.md).

    python3 -m rope_conform check module:function [--config C] [options]
    rope_conform.assert_conformant(fn, config=None, dtypes=None, level=1)

and a dependency-free safetensors reader/writer (rope_conform.safetensors)
for the files of `rope-conform gen` and `rope-conform verify`.
"""
from . import safetensors
from .check import assert_conformant, diagnosis, run, spec_of
from .locate import NotFound, tools

__all__ = ["assert_conformant", "diagnosis", "run", "spec_of", "safetensors", "tools", "NotFound"]
