# Empty dependencies file for rc_core.
# This may be replaced when dependencies are built.
