# UNAWAITED_FUZZ=ON builds the libFuzzer targets of fuzz/ (scripts/fuzz.sh
# uses it, in a build directory of its own).
#
# Every object gets the coverage instrumentation and the sanitizers, not
# only the targets: the code under test is in our libraries. The targets
# themselves add libFuzzer's main (-fsanitize=fuzzer) at link time.
option(UNAWAITED_FUZZ "Build the libFuzzer targets in fuzz/ (clang only)" OFF)

if(UNAWAITED_FUZZ)
  if(UNAWAITED_SANITIZE)
    message(FATAL_ERROR "UNAWAITED_FUZZ brings its own sanitizers; "
                        "leave UNAWAITED_SANITIZE empty")
  endif()
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "UNAWAITED_FUZZ needs clang (libFuzzer)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined
    -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  message(STATUS "unawaited: fuzz targets (libFuzzer, address, undefined)")
endif()
