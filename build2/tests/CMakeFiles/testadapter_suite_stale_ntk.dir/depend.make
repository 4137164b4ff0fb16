# Empty dependencies file for testadapter_suite_stale_ntk.
# This may be replaced when dependencies are built.
