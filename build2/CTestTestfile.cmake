# CMake generated Testfile for 
# Source directory: /work/wt/core
# Build directory: /work/wt/core/build2
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
subdirs("adapters")
subdirs("harness")
subdirs("tests")
subdirs("bench")
