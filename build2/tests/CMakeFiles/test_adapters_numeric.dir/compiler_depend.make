# Empty compiler generated dependencies file for test_adapters_numeric.
# This may be replaced when dependencies are built.
