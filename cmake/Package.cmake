# A Debian package of the install tree: cpack -G DEB in the build directory
# gives unawaited_<version>_amd64.deb (scripts/package.sh builds, installs
# and smoke-tests it). Installed under /usr: bin/unawaited,
# lib/unawaited/*.so, share/man/man1/unawaited.1.gz, share/doc/unawaited.

# The man page, compressed as Debian policy asks (-n: reproducible).
set(_man ${PROJECT_BINARY_DIR}/unawaited.1.gz)
add_custom_command(OUTPUT ${_man}
  COMMAND gzip -9 -n -c ${PROJECT_SOURCE_DIR}/docs/man/unawaited.1 > ${_man}
  DEPENDS ${PROJECT_SOURCE_DIR}/docs/man/unawaited.1
  COMMENT "Compressing the man page")
add_custom_target(unawaited_man ALL DEPENDS ${_man})
install(FILES ${_man} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(CPACK_PACKAGE_NAME unawaited)
set(CPACK_PACKAGE_VENDOR "unawaited")
set(CPACK_PACKAGE_CONTACT "unawaited maintainers <unawaited@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "finds C++20 coroutine tasks that are discarded or never awaited")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
  "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}
 A static analyser built on Clang 19: the unawaited command-line lint gate
 (compile_commands.json, SARIF, JSON, baselines, --fix), a clang-tidy-19
 module (unawaited-tidy.so, for -load) and a clang-19 plugin
 (unawaited-plugin.so, for -fplugin).")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # <name>_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps adds the libraries the binaries link (libLLVM.so.19.1,
# libclang-cpp.so.19.1, libc, libstdc++). Listed by hand: what is loaded
# or read, not linked. The plugins link nothing and run inside clang-19
# and clang-tidy-19 of the same 19.1 release (no ABI across releases); the
# CLI reads clang-19's builtin headers (libclang-common-19-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "clang-19 (>= 1:19.1), libclang-common-19-dev (>= 1:19.1)")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tidy-19 (>= 1:19.1)")
include(CPack)
