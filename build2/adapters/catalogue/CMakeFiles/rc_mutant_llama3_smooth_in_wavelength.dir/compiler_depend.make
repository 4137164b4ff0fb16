# Empty compiler generated dependencies file for rc_mutant_llama3_smooth_in_wavelength.
# This may be replaced when dependencies are built.
