# CMAKE generated file: DO NOT EDIT!
# Timestamp file for compiler generated dependencies management for rc_mutant_partial_pass_through_rotated.
