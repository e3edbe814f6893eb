//===- Harness.h - Running check files through every front end ---*- C++
//-*-===//
//
// A check file describes itself:
//   // ARGS: <extra compiler args>       (%inputs = test/Inputs)
//   // CONFIG: <YAML for .clang-tidy>    (e.g. {CheckOptions: {K: V}})
//   // CHECKS: <check globs>             (default coro-*)
//   // REQUIRES: <header>                (skipped when it is not installed)
//   ... code ...  // expected-warning {{text}} / expected-note@+1 {{text}}
// and <name>.fixed.cpp, when present, is the file after --fix.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_TEST_HARNESS_H
#define UNAWAITED_TEST_HARNESS_H

#include <string>
#include <vector>

namespace unawaited::test {

struct Expected {
  std::string Kind; ///< "warning", "note" or "error"
  unsigned Line = 0;
  std::string Text; ///< substring of the message
  unsigned Count = 1;
};

struct Actual {
  std::string Kind;
  unsigned Line = 0;
  std::string Text; ///< message, with " [check]" for warnings
};

struct CheckFile {
  std::string Path;
  std::string Source;
  std::vector<std::string> Args; ///< compiler args, -std included
  std::string Config;
  std::string Checks = "coro-*";
  std::vector<std::string> Requires;
  std::vector<Expected> Expectations;
};

CheckFile parseCheckFile(const std::string &Path);

/// Compares; returns a readable list of mismatches (empty when they agree).
std::string compare(const std::vector<Expected> &Want,
                    const std::vector<Actual> &Got);

/// Parses clang-style "file:line:col: kind: message" lines for \p File.
std::vector<Actual> parseClangOutput(const std::string &Output,
                                     const std::string &FileName);

struct RunResult {
  int ExitCode = -1;
  std::string Out, Err;
};

/// Runs a program with arguments in \p Dir (empty: current directory).
RunResult run(const std::vector<std::string> &Argv,
              const std::string &Dir = "");

/// A program started by start(), running in the background.
struct Background {
  int Pid = -1; ///< the program's own process (the shell execs it)
  std::string OutPath, ErrPath;
};

/// Starts a program as run() does, without waiting for it.
Background start(const std::vector<std::string> &Argv,
                 const std::string &Dir = "");

/// Waits (at most \p Seconds, then kills it) for a program start()ed;
/// ExitCode is -2 when a signal ended it.
RunResult finish(Background &B, unsigned Seconds = 600);

/// Waits until \p Path exists, at most \p Seconds; whether it does.
bool waitForFile(const std::string &Path, unsigned Seconds = 60);

std::string readFile(const std::string &Path);
/// How many times \p Needle occurs in \p Text (overlapping ones counted).
size_t count(const std::string &Text, const std::string &Needle);
void writeFile(const std::string &Path, const std::string &Text);
/// A fresh temporary directory, removed by the caller's fixture.
std::string makeTempDir();
void removeTree(const std::string &Dir);

/// Whether a header exists in any standard include directory.
bool headerAvailable(const std::string &Header);

} // namespace unawaited::test

#endif
