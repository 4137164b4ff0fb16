# Empty compiler generated dependencies file for test_suites.
# This may be replaced when dependencies are built.
