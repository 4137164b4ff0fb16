# Empty compiler generated dependencies file for testadapter_conv_scaling.
# This may be replaced when dependencies are built.
