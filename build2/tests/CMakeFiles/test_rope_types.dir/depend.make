# Empty dependencies file for test_rope_types.
# This may be replaced when dependencies are built.
