# Empty dependencies file for testadapter_fini_crash.
# This may be replaced when dependencies are built.
