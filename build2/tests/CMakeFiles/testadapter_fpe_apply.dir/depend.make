# Empty dependencies file for testadapter_fpe_apply.
# This may be replaced when dependencies are built.
