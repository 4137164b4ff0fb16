file(REMOVE_RECURSE
  "librc_core.a"
)
