# Empty dependencies file for rope-conform.
# This may be replaced when dependencies are built.
