# UNAWAITED_SANITIZE=address,undefined builds every target (core, CLI,
# plugins, tests) with those sanitizers; scripts/sanitize.sh uses it.
#
# The flags are directory-wide on purpose: a sanitizer must cover every
# object of a process, and our plugins run inside unsanitized hosts
# (clang-19, clang-tidy-19) that get the runtime through LD_PRELOAD. So
# everything uses the one shared runtime (-shared-libasan): a preloaded copy
# and a linked copy are then the same library, not two runtimes in one
# process.
set(UNAWAITED_SANITIZE "" CACHE STRING
  "Sanitizers to build with, e.g. address,undefined (empty: none)")

if(UNAWAITED_SANITIZE)
  set(_san -fsanitize=${UNAWAITED_SANITIZE} -fno-omit-frame-pointer
           -fno-sanitize-recover=all)
  if(UNAWAITED_SANITIZE MATCHES "address")
    list(APPEND _san -shared-libasan)
  endif()
  add_compile_options(${_san})
  add_link_options(${_san})
  # Sanitized binaries find the shared runtime without LD_PRELOAD too (a
  # test may run one with LD_PRELOAD removed).
  # (Debian's clang keeps it in lib/linux, not in -print-runtime-dir.)
  execute_process(COMMAND ${CMAKE_CXX_COMPILER}
    -print-file-name=libclang_rt.asan-x86_64.so
    OUTPUT_VARIABLE _rt OUTPUT_STRIP_TRAILING_WHITESPACE)
  get_filename_component(_rt_dir "${_rt}" DIRECTORY)
  add_link_options(-Wl,-rpath,${_rt_dir})
  message(STATUS "unawaited: sanitizers ${UNAWAITED_SANITIZE} (runtime in ${_rt_dir})")
endif()
