# Empty compiler generated dependencies file for bench_golden.
# This may be replaced when dependencies are built.
