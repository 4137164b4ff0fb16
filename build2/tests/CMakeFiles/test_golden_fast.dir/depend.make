# Empty dependencies file for test_golden_fast.
# This may be replaced when dependencies are built.
