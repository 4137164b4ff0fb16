# Empty dependencies file for testadapter_suite_passthrough_arith.
# This may be replaced when dependencies are built.
