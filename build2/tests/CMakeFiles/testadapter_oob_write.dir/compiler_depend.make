# Empty compiler generated dependencies file for testadapter_oob_write.
# This may be replaced when dependencies are built.
