# Empty dependencies file for test_edges.
# This may be replaced when dependencies are built.
