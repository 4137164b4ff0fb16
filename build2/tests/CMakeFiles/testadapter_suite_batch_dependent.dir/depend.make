# Empty dependencies file for testadapter_suite_batch_dependent.
# This may be replaced when dependencies are built.
