# Empty compiler generated dependencies file for testadapter_suite_clamped_positions.
# This may be replaced when dependencies are built.
