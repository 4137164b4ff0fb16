# Empty compiler generated dependencies file for test_catalogue.
# This may be replaced when dependencies are built.
