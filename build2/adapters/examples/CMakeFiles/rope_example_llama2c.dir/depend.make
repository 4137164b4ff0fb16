# Empty dependencies file for rope_example_llama2c.
# This may be replaced when dependencies are built.
