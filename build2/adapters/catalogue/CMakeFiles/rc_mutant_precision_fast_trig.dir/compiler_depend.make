# Empty compiler generated dependencies file for rc_mutant_precision_fast_trig.
# This may be replaced when dependencies are built.
