# Empty dependencies file for testadapter_fenv_change.
# This may be replaced when dependencies are built.
