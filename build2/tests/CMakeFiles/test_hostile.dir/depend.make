# Empty dependencies file for test_hostile.
# This may be replaced when dependencies are built.
