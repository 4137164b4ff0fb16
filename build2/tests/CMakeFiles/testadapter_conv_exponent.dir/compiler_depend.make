# Empty compiler generated dependencies file for testadapter_conv_exponent.
# This may be replaced when dependencies are built.
