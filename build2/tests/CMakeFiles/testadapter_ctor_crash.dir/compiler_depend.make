# Empty compiler generated dependencies file for testadapter_ctor_crash.
# This may be replaced when dependencies are built.
