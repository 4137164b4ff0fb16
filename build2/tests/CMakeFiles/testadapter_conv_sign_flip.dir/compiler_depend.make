# Empty compiler generated dependencies file for testadapter_conv_sign_flip.
# This may be replaced when dependencies are built.
