# Empty compiler generated dependencies file for rope_example_hf.
# This may be replaced when dependencies are built.
