# Empty compiler generated dependencies file for testadapter_underflow.
# This may be replaced when dependencies are built.
