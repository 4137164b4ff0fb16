# Empty custom commands generated dependencies file for rc_man_page.
# This may be replaced when dependencies are built.
