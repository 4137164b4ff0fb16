# Empty compiler generated dependencies file for rope_example_ggml.
# This may be replaced when dependencies are built.
