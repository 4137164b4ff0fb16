# Empty dependencies file for rc_mutant_precision_angle_fp16.
# This may be replaced when dependencies are built.
