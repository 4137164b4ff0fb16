# Empty dependencies file for rope_example_half_io.
# This may be replaced when dependencies are built.
