# Warning flags for our own targets only (never global flags).
add_library(unawaited_warnings INTERFACE)
target_compile_options(unawaited_warnings INTERFACE
  -Wall -Wextra -Wno-unused-parameter -Wno-comment)
