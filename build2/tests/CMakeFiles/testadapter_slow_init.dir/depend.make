# Empty dependencies file for testadapter_slow_init.
# This may be replaced when dependencies are built.
