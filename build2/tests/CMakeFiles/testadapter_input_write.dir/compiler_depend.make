# Empty compiler generated dependencies file for testadapter_input_write.
# This may be replaced when dependencies are built.
