# Empty dependencies file for testadapter_suite_nondeterministic.
# This may be replaced when dependencies are built.
