# CMAKE generated file: DO NOT EDIT!
# Timestamp file for compiler generated dependencies management for testadapter_evil_strings.
