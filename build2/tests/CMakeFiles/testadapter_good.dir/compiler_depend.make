# Empty compiler generated dependencies file for testadapter_good.
# This may be replaced when dependencies are built.
