# Empty compiler generated dependencies file for test_man.
# This may be replaced when dependencies are built.
