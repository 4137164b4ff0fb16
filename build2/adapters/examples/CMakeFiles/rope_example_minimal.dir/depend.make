# Empty dependencies file for rope_example_minimal.
# This may be replaced when dependencies are built.
