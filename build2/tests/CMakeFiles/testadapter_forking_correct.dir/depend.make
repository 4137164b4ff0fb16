# Empty dependencies file for testadapter_forking_correct.
# This may be replaced when dependencies are built.
