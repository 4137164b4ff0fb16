# Empty dependencies file for testadapter_suite_float_angle.
# This may be replaced when dependencies are built.
