//===- Harness.cpp --------------------------------------------------------===//
#include "Harness.h"
#include "Paths.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

namespace unawaited::test {

size_t count(const std::string &Text, const std::string &Needle) {
  size_t N = 0;
  for (size_t P = Text.find(Needle); P != std::string::npos;
       P = Text.find(Needle, P + 1))
    ++N;
  return N;
}

std::string readFile(const std::string &Path) {
  std::ifstream In(Path, std::ios::binary);
  std::stringstream SS;
  SS << In.rdbuf();
  return SS.str();
}

void writeFile(const std::string &Path, const std::string &Text) {
  std::ofstream Out(Path, std::ios::binary);
  Out << Text;
}

std::string makeTempDir() {
  llvm::SmallString<128> Dir;
  llvm::sys::fs::createUniqueDirectory("unawaited-test", Dir);
  return std::string(Dir);
}

void removeTree(const std::string &Dir) {
  if (!Dir.empty())
    llvm::sys::fs::remove_directories(Dir);
}

static std::string expand(llvm::StringRef S) {
  std::string Out = S.str();
  size_t Pos;
  while ((Pos = Out.find("%inputs")) != std::string::npos)
    Out.replace(Pos, 7, UNAWAITED_TEST_INPUTS);
  return Out;
}

static std::vector<std::string> splitArgs(llvm::StringRef S) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  S.split(Parts, ' ', -1, false);
  std::vector<std::string> Out;
  for (llvm::StringRef P : Parts)
    Out.push_back(expand(P));
  return Out;
}

CheckFile parseCheckFile(const std::string &Path) {
  CheckFile F;
  F.Path = Path;
  F.Source = readFile(Path);
  F.Args = {"-std=c++20", "-I" + std::string(UNAWAITED_TEST_INPUTS)};
  // expected-<kind>[@[+-]N] [count] {{text}}
  llvm::Regex Re("expected-(warning|note|error)(@([+-]?)([0-9]+))?"
                 "( +([0-9]+))? *\\{\\{(.*)\\}\\}");
  unsigned LineNo = 0;
  std::istringstream In(F.Source);
  for (std::string Line; std::getline(In, Line);) {
    ++LineNo;
    llvm::StringRef L(Line);
    if (L.consume_front("// ARGS:"))
      for (std::string &A : splitArgs(L.trim()))
        F.Args.push_back(A);
    else if (L.consume_front("// CONFIG:"))
      F.Config = L.trim().str();
    else if (L.consume_front("// CHECKS:"))
      F.Checks = L.trim().str();
    else if (L.consume_front("// REQUIRES:"))
      F.Requires.push_back(L.trim().str());
    llvm::StringRef Rest(Line);
    llvm::SmallVector<llvm::StringRef, 8> M;
    // Several expectations may share a line; take each "expected-" in turn.
    size_t At;
    while ((At = Rest.find("expected-")) != llvm::StringRef::npos) {
      Rest = Rest.substr(At);
      size_t Close = Rest.find("}}");
      llvm::StringRef One =
          Close == llvm::StringRef::npos ? Rest : Rest.substr(0, Close + 2);
      if (!Re.match(One, &M)) {
        Rest = Rest.drop_front(9);
        continue;
      }
      Expected E;
      E.Kind = M[1].str();
      E.Line = LineNo;
      if (!M[2].empty()) {
        unsigned N = 0;
        M[4].getAsInteger(10, N);
        E.Line = M[3] == "+" ? LineNo + N : M[3] == "-" ? LineNo - N : N;
      }
      if (!M[6].empty())
        M[6].getAsInteger(10, E.Count);
      E.Text = M[7].str();
      F.Expectations.push_back(E);
      Rest = Rest.substr(One.size());
    }
  }
  return F;
}

std::string compare(const std::vector<Expected> &Want,
                    const std::vector<Actual> &Got) {
  std::vector<bool> Used(Got.size(), false);
  std::string Problems;
  for (const Expected &E : Want) {
    for (unsigned N = 0; N < E.Count; ++N) {
      bool Found = false;
      for (size_t I = 0; I < Got.size(); ++I)
        if (!Used[I] && Got[I].Kind == E.Kind && Got[I].Line == E.Line &&
            Got[I].Text.find(E.Text) != std::string::npos) {
          Used[I] = Found = true;
          break;
        }
      if (!Found)
        Problems += "  expected but not seen: line " + std::to_string(E.Line) +
                    " " + E.Kind + ": " + E.Text + "\n";
    }
  }
  for (size_t I = 0; I < Got.size(); ++I)
    if (!Used[I])
      Problems += "  seen but not expected: line " +
                  std::to_string(Got[I].Line) + " " + Got[I].Kind + ": " +
                  Got[I].Text + "\n";
  return Problems;
}

std::vector<Actual> parseClangOutput(const std::string &Output,
                                     const std::string &FileName) {
  std::vector<Actual> Out;
  llvm::Regex Re("^(.*):([0-9]+):([0-9]+): (warning|note|error): (.*)$");
  std::istringstream In(Output);
  for (std::string Line; std::getline(In, Line);) {
    llvm::SmallVector<llvm::StringRef, 6> M;
    if (!Re.match(Line, &M))
      continue;
    if (llvm::sys::path::filename(M[1]) != llvm::sys::path::filename(FileName))
      continue;
    Actual A;
    A.Kind = M[4].str();
    M[2].getAsInteger(10, A.Line);
    A.Text = M[5].str();
    Out.push_back(A);
  }
  return Out;
}

RunResult run(const std::vector<std::string> &Argv, const std::string &Dir) {
  RunResult R;
  llvm::SmallString<128> OutPath, ErrPath;
  llvm::sys::fs::createTemporaryFile("unawaited-run", "out", OutPath);
  llvm::sys::fs::createTemporaryFile("unawaited-run", "err", ErrPath);
  std::vector<llvm::StringRef> Args(Argv.begin(), Argv.end());
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(OutPath), llvm::StringRef(ErrPath)};
  std::string Program = Argv.front();
  if (!llvm::sys::path::is_absolute(Program))
    if (auto P = llvm::sys::findProgramByName(Program))
      Program = *P;
  // ExecuteAndWait has no working-directory parameter; use a shell for it.
  if (!Dir.empty()) {
    auto Quote = [](const std::string &S) {
      std::string Q = "'";
      for (char C : S)
        Q += C == '\'' ? std::string("'\\''") : std::string(1, C);
      return Q + "'";
    };
    std::string Cmd = "cd " + Quote(Dir) + " && exec";
    for (const std::string &A : Argv)
      Cmd += " " + Quote(A);
    std::vector<llvm::StringRef> Sh = {"/bin/sh", "-c", Cmd};
    R.ExitCode =
        llvm::sys::ExecuteAndWait("/bin/sh", Sh, std::nullopt, Redirects, 600);
  } else {
    R.ExitCode =
        llvm::sys::ExecuteAndWait(Program, Args, std::nullopt, Redirects, 600);
  }
  R.Out = readFile(std::string(OutPath));
  R.Err = readFile(std::string(ErrPath));
  llvm::sys::fs::remove(OutPath);
  llvm::sys::fs::remove(ErrPath);
  return R;
}

Background start(const std::vector<std::string> &Argv, const std::string &Dir) {
  Background B;
  llvm::SmallString<128> OutPath, ErrPath;
  llvm::sys::fs::createTemporaryFile("unawaited-run", "out", OutPath);
  llvm::sys::fs::createTemporaryFile("unawaited-run", "err", ErrPath);
  B.OutPath = std::string(OutPath);
  B.ErrPath = std::string(ErrPath);
  auto Quote = [](const std::string &S) {
    std::string Q = "'";
    for (char C : S)
      Q += C == '\'' ? std::string("'\\''") : std::string(1, C);
    return Q + "'";
  };
  std::string Cmd = Dir.empty() ? "exec" : "cd " + Quote(Dir) + " && exec";
  for (const std::string &A : Argv)
    Cmd += " " + Quote(A);
  std::vector<llvm::StringRef> Sh = {"/bin/sh", "-c", Cmd};
  std::optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(OutPath), llvm::StringRef(ErrPath)};
  llvm::sys::ProcessInfo PI =
      llvm::sys::ExecuteNoWait("/bin/sh", Sh, std::nullopt, Redirects);
  B.Pid = PI.Pid;
  return B;
}

RunResult finish(Background &B, unsigned Seconds) {
  RunResult R;
  llvm::sys::ProcessInfo PI;
  PI.Pid = B.Pid;
  PI.Process = B.Pid;
  R.ExitCode = llvm::sys::Wait(PI, Seconds).ReturnCode;
  R.Out = readFile(B.OutPath);
  R.Err = readFile(B.ErrPath);
  llvm::sys::fs::remove(B.OutPath);
  llvm::sys::fs::remove(B.ErrPath);
  B.Pid = -1;
  return R;
}

bool waitForFile(const std::string &Path, unsigned Seconds) {
  for (unsigned Tick = 0; Tick < Seconds * 100; ++Tick) {
    if (llvm::sys::fs::exists(Path))
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return llvm::sys::fs::exists(Path);
}

bool headerAvailable(const std::string &Header) {
  for (const char *Dir :
       {"/usr/include", "/usr/local/include", "/usr/include/qcoro6",
        "/usr/include/x86_64-linux-gnu/qt6"})
    if (llvm::sys::fs::exists(std::string(Dir) + "/" + Header))
      return true;
  return false;
}

} // namespace unawaited::test
