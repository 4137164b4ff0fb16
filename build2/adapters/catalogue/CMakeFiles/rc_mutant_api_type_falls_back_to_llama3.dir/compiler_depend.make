# Empty compiler generated dependencies file for rc_mutant_api_type_falls_back_to_llama3.
# This may be replaced when dependencies are built.
