# Empty dependencies file for testadapter_small_struct.
# This may be replaced when dependencies are built.
