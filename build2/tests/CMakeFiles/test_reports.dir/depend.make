# Empty dependencies file for test_reports.
# This may be replaced when dependencies are built.
