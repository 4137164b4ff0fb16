# Empty compiler generated dependencies file for testadapter_crash_on_pos.
# This may be replaced when dependencies are built.
