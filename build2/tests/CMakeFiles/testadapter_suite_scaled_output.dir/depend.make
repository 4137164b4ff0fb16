# Empty dependencies file for testadapter_suite_scaled_output.
# This may be replaced when dependencies are built.
