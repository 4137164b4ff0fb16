# Empty dependencies file for rope_example_fp64.
# This may be replaced when dependencies are built.
