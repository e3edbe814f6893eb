# Pins LLVM/Clang 19.1 from the Debian packages and exposes one INTERFACE
# target carrying their include directories and definitions.
#
# The version files of Debian's packages demand an exact major.minor match,
# so "19" alone is rejected; we ask for 19.1.
find_package(LLVM 19.1 REQUIRED CONFIG
  HINTS /usr/lib/llvm-19/lib/cmake/llvm)
find_package(Clang REQUIRED CONFIG
  HINTS "${LLVM_LIBRARY_DIR}/cmake/clang" NO_DEFAULT_PATH)
message(STATUS "unawaited: LLVM ${LLVM_PACKAGE_VERSION} at ${LLVM_INSTALL_PREFIX}")

if(NOT LLVM_LINK_LLVM_DYLIB OR NOT CLANG_LINK_CLANG_DYLIB)
  # Plugins resolve clang symbols from the host's libclang-cpp.so; a static
  # LLVM would give two copies of every registry and cl::opt.
  message(FATAL_ERROR "unawaited needs an LLVM built with libLLVM.so and "
                      "libclang-cpp.so (Debian's llvm-19-dev/libclang-cpp19-dev)")
endif()

add_library(unawaited_llvm INTERFACE)
target_include_directories(unawaited_llvm SYSTEM INTERFACE
  ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
separate_arguments(_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_definitions(unawaited_llvm INTERFACE ${_llvm_defs})
if(NOT LLVM_ENABLE_RTTI)
  target_compile_options(unawaited_llvm INTERFACE -fno-rtti)
endif()

# The clang used for the -fplugin front end and for tests, and its resource
# directory (builtin headers such as <stddef.h>). The CLI passes this
# resource directory to every compilation unless the command line has one.
find_program(UNAWAITED_CLANGXX NAMES clang++-19 clang++
  HINTS ${LLVM_TOOLS_BINARY_DIR} REQUIRED)
find_program(UNAWAITED_CLANG_TIDY NAMES clang-tidy-19 clang-tidy
  HINTS ${LLVM_TOOLS_BINARY_DIR})
find_program(UNAWAITED_CLANG_APPLY_REPLACEMENTS
  NAMES clang-apply-replacements-19 clang-apply-replacements
  HINTS ${LLVM_TOOLS_BINARY_DIR})
execute_process(COMMAND ${UNAWAITED_CLANGXX} -print-resource-dir
  OUTPUT_VARIABLE UNAWAITED_CLANG_RESOURCE_DIR
  OUTPUT_STRIP_TRAILING_WHITESPACE)
message(STATUS "unawaited: clang resource dir ${UNAWAITED_CLANG_RESOURCE_DIR}")
