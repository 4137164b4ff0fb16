# CMAKE generated file: DO NOT EDIT!
# Timestamp file for compiler generated dependencies management for rc_mutant_api_type_falls_back_to_llama3.
