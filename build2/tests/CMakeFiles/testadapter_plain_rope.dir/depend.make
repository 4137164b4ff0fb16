# Empty dependencies file for testadapter_plain_rope.
# This may be replaced when dependencies are built.
