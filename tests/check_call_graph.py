#!/usr/bin/env python3
"""Calls between the harness's source files go one way: no two files call
each other, directly or through others (issue 10 part 9 broke the cycles
sandbox <-> sandbox_child <-> canary, golden <-> golden_fast and
golden_fast_cs <-> golden_fast_fma; this keeps them and any new one out).

Reads the symbols of the harness's object files with `nm` (what each file
defines, what it uses), makes the file-to-file call graph and prints every
cycle (strongly connected component of more than one file).  The cycles
that exist today are listed in KNOWN: a new cycle, or a known one that
grew, fails; a known one that is gone is reported so the list shrinks.
Usage: check_call_graph.py BUILD_DIR"""
import glob
import os
import subprocess
import sys

KNOWN = [
    # rope types and the config readers share the type table both ways
    # (M-RoPE's own file and every type file that uses a shared check join it)
    {"config/config_hf.c", "config/golden_freq.c", "config/golden_params.c", "config/rope_mrope.c",
     "config/rope_type.c", "config/rope_type_default.c", "config/rope_type_dynamic.c",
     "config/rope_type_linear.c", "config/rope_type_llama3.c", "config/rope_type_longrope.c",
     "config/rope_type_proportional.c", "config/rope_type_yarn.c"},
    {"diagnose/symptom.c", "diagnose/symptom_fit.c"},
    {"diagnose/symptom_classify.c", "diagnose/symptom_freq.c"},
]


def objects(build):
    found = {}
    for o in glob.glob(os.path.join(build, "harness", "CMakeFiles", "rc_*.dir", "**", "*.o"),
                       recursive=True):
        if "/rc_core.dir/" in o:  # the union of the layers: the same files again
            continue
        name = o.split(".dir/", 1)[1][:-2]
        while name.startswith("__/"):  # suites/ and reports/, beside harness/
            name = name[3:]
        found[name] = o
    return found


def graph(objs):
    defs, uses = {}, {}
    for name, path in objs.items():
        out = subprocess.run(["nm", path], capture_output=True, text=True, check=True).stdout
        uses[name] = set()
        for line in out.splitlines():
            f = line.split()
            if len(f) == 3 and f[1] in "TDBR":
                defs[f[2]] = name
            elif len(f) == 2 and f[0] == "U":
                uses[name].add(f[1])
    return {n: {defs[s] for s in u if s in defs and defs[s] != n} for n, u in uses.items()}


def cycles(g):
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(g[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on.discard(w)
                comp.add(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(comp)

    sys.setrecursionlimit(100000)
    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def main():
    objs = objects(sys.argv[1])
    if len(objs) < 50:
        print("check_call_graph: only %d harness objects under %s: build first" % (len(objs), sys.argv[1]))
        return 1
    bad = 0
    found = cycles(graph(objs))
    for comp in found:
        if any(comp == k for k in KNOWN):
            continue
        bad = 1
        print("call cycle among: " + " ".join(sorted(comp)))
    for k in KNOWN:
        if k not in found:
            print("known cycle no longer there: drop it from KNOWN: " + " ".join(sorted(k)))
    print("%d harness files, %s" % (len(objs), "a new call cycle" if bad else "no new call cycle"))
    return bad


if __name__ == "__main__":
    sys.exit(main())
