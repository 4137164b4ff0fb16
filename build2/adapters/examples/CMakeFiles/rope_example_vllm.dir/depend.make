# Empty dependencies file for rope_example_vllm.
# This may be replaced when dependencies are built.
