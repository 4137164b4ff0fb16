# Empty dependencies file for testadapter_conv_pairing_swap.
# This may be replaced when dependencies are built.
