# Empty dependencies file for test_conventions.
# This may be replaced when dependencies are built.
