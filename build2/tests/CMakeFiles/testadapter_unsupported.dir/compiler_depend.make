# Empty compiler generated dependencies file for testadapter_unsupported.
# This may be replaced when dependencies are built.
