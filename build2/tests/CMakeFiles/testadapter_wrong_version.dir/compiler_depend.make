# Empty compiler generated dependencies file for testadapter_wrong_version.
# This may be replaced when dependencies are built.
