# Empty compiler generated dependencies file for testadapter_untouched.
# This may be replaced when dependencies are built.
