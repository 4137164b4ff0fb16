# Empty dependencies file for rc_mutant_api_odd_dims_accepted.
# This may be replaced when dependencies are built.
