//===- CacheTest.cpp - The result cache and changed-lines mode, end to end ===//
//
// A replayed translation unit must be indistinguishable from an analysed
// one, and every input that can change a result must make it analysed
// again: these run the real binary twice and compare.
//
//===----------------------------------------------------------------------===//
#include "harness/Harness.h"
#include "harness/Paths.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"
#include <algorithm>
#include <functional>
#include <regex>
#include <unistd.h>

using namespace unawaited::test;

namespace {

const char *const Finding = "demo::Task<int> fetch();\n"
                            "inline demo::Task<> lost() {\n"
                            "  fetch();\n"
                            "  co_return;\n"
                            "}\n";

class Cache : public ::testing::Test {
protected:
  void SetUp() override {
    Dir = makeTempDir();
    for (const char *D : {"/src", "/inc", "/inc0", "/build"})
      llvm::sys::fs::create_directories(Dir + D);
    writeFile(Dir + "/inc/h.h", "#pragma once\n#include \"task.h\"\n");
    writeFile(Dir + "/src/a.cpp", "#include \"h.h\"\n"
                                  "demo::Task<int> fetch();\n"
                                  "demo::Task<> h() {\n"
                                  "  fetch();\n"
                                  "  co_return;\n"
                                  "}\n");
    writeFile(Dir + "/src/b.cpp", "#include \"task.h\"\n"
                                  "demo::Task<int> fetch();\n"
                                  "demo::Task<> g() {\n"
                                  "  fetch();\n"
                                  "  co_return;\n"
                                  "}\n");
    writeDb({"src/a.cpp", "src/b.cpp"});
  }
  void TearDown() override { removeTree(Dir); }

  void writeDb(const std::vector<std::string> &Files,
               const std::string &Extra = "") {
    llvm::json::Array A;
    for (const std::string &F : Files) {
      llvm::json::Array Args{"clang++", "-std=c++20", "-I" + Dir + "/inc0",
                             "-I" + Dir + "/inc",
                             "-I" + std::string(UNAWAITED_TEST_INPUTS)};
      if (!Extra.empty())
        Args.push_back(Extra);
      Args.push_back("-c");
      Args.push_back(F);
      A.push_back(llvm::json::Object{
          {"directory", Dir}, {"file", F}, {"arguments", std::move(Args)}});
    }
    std::string S;
    llvm::raw_string_ostream(S) << llvm::json::Value(std::move(A));
    writeFile(Dir + "/build/compile_commands.json", S);
  }
  /// The CLI with the given environment and arguments, --verbose, and the
  /// analysed sources logged to worker.log.
  RunResult cli(std::vector<std::string> Args,
                std::vector<std::string> Env = {}) {
    std::vector<std::string> Argv = {"/usr/bin/env",
                                     "UNAWAITED_TEST_WORKER_LOG=" + Log()};
    Argv.insert(Argv.end(), Env.begin(), Env.end());
    Argv.insert(Argv.end(), {UNAWAITED_CLI, "--progress=never", "--verbose",
                             "-p", "build"});
    Argv.insert(Argv.end(), Args.begin(), Args.end());
    (void)llvm::sys::fs::remove(Log());
    return run(Argv, Dir);
  }
  std::string Log() const { return Dir + "/worker.log"; }
  /// The sources the last run analysed (not replayed), by file name.
  std::vector<std::string> analysed() {
    std::vector<std::string> Names;
    // split() keeps a StringRef: the text must outlive the loop.
    const std::string Text = readFile(Log());
    for (llvm::StringRef L : llvm::split(Text, '\n'))
      if (!L.empty())
        Names.push_back(llvm::sys::path::filename(L).str());
    std::sort(Names.begin(), Names.end());
    return Names;
  }
  static int replayed(const RunResult &R) {
    std::smatch M;
    static const std::regex Re("cache: ([0-9]+) of ([0-9]+) compile commands "
                               "replayed");
    return std::regex_search(R.Err, M, Re) ? std::stoi(M[1]) : -1;
  }
  std::vector<std::string> entries() {
    std::vector<std::string> Out;
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator
             It(Dir + "/build/.cache/unawaited", EC),
         End;
         !EC && It != End; It.increment(EC))
      if (llvm::StringRef(It->path()).ends_with(".entry"))
        Out.push_back(It->path());
    return Out;
  }

  std::string Dir;
  using Names = std::vector<std::string>;
};

TEST_F(Cache, SecondRunReplaysEveryUnitIntoTheDefaultDirectory) {
  RunResult Cold = cli({});
  EXPECT_EQ(Cold.ExitCode, 1) << Cold.Err;
  EXPECT_EQ(replayed(Cold), 0) << Cold.Err;
  EXPECT_EQ(analysed(), (Names{"a.cpp", "b.cpp"}));
  EXPECT_EQ(entries().size(), 2u);
  RunResult Hot = cli({});
  EXPECT_EQ(replayed(Hot), 2) << Hot.Err;
  EXPECT_EQ(analysed(), Names{});
  EXPECT_EQ(Hot.ExitCode, Cold.ExitCode);
  EXPECT_EQ(Hot.Out, Cold.Out);
  // --no-cache neither reads nor writes it.
  RunResult Off = cli({"--no-cache"});
  EXPECT_EQ(analysed(), (Names{"a.cpp", "b.cpp"}));
  EXPECT_EQ(Off.Out, Cold.Out);
  EXPECT_EQ(replayed(Off), -1) << Off.Err;
}

// Every output is byte for byte the same whether the units were analysed
// without a cache, analysed into it, or replayed from it.
TEST_F(Cache, EveryOutputIsIdenticalOnAHit) {
  for (const char *Format : {"text", "json", "sarif", "github"}) {
    std::vector<std::string> Outs;
    for (const char *Mode : {"--no-cache", "--cache-dir=c", "--cache-dir=c"}) {
      std::string Tag = std::string(Format) + "-" + std::to_string(Outs.size());
      RunResult R = cli({Mode, std::string("--format=") + Format,
                         "--export-fixes=" + Tag + ".yaml",
                         "--write-baseline=" + Tag + ".json"});
      EXPECT_EQ(R.ExitCode, 1) << R.Err;
      Outs.push_back(R.Out + "\n--\n" + readFile(Dir + "/" + Tag + ".yaml") +
                     "\n--\n" + readFile(Dir + "/" + Tag + ".json"));
      RunResult B = cli({Mode, std::string("--format=") + Format,
                         "--baseline=" + Tag + ".json"});
      EXPECT_EQ(B.ExitCode, 0) << B.Err;
      Outs.back() += B.Out;
    }
    EXPECT_EQ(Outs[0], Outs[1]) << Format;
    EXPECT_EQ(Outs[0], Outs[2]) << Format;
  }
  // The replayed fixes carry the hashes of the bytes analysed: --fix
  // applies them.
  RunResult Fix = cli({"--cache-dir=c", "--fix"});
  EXPECT_EQ(replayed(Fix), 2) << Fix.Err;
  EXPECT_NE(Fix.Err.find("applied fixes for 2 finding(s) in 2 file(s)"),
            std::string::npos)
      << Fix.Err;
  EXPECT_NE(readFile(Dir + "/src/a.cpp").find("  co_await fetch();"),
            std::string::npos);
  EXPECT_EQ(cli({"--cache-dir=c"}).ExitCode, 0);
}

TEST_F(Cache, AChangedHeaderReanalysesExactlyTheUnitsThatIncludeIt) {
  cli({});
  writeFile(Dir + "/inc/h.h",
            "#pragma once\n#include \"task.h\"\n" + std::string(Finding));
  RunResult R = cli({});
  EXPECT_EQ(analysed(), Names{"a.cpp"});
  EXPECT_EQ(replayed(R), 1) << R.Err;
  EXPECT_NE(R.Out.find("h.h:5:3: warning"), std::string::npos) << R.Out;
  EXPECT_EQ(replayed(cli({})), 2);

  // Contents, not times: the same size, the modification time put back.
  llvm::sys::fs::file_status Before;
  ASSERT_FALSE(llvm::sys::fs::status(Dir + "/inc/h.h", Before));
  std::string Text = readFile(Dir + "/inc/h.h");
  Text.replace(Text.find("fetch();\n  co_return"), 8, "(void)0;");
  writeFile(Dir + "/inc/h.h", Text);
  int FD;
  ASSERT_FALSE(llvm::sys::fs::openFileForWrite(Dir + "/inc/h.h", FD,
                                               llvm::sys::fs::CD_OpenExisting,
                                               llvm::sys::fs::OF_Append));
  ASSERT_FALSE(llvm::sys::fs::setLastAccessAndModificationTime(
      FD, Before.getLastModificationTime()));
  ::close(FD);
  RunResult Same = cli({});
  EXPECT_EQ(analysed(), Names{"a.cpp"});
  EXPECT_EQ(Same.Out.find("h.h:"), std::string::npos) << Same.Out;
}

// A header that appears earlier on the include path than the one the unit
// read changes what it includes: the lookup that failed is recorded too.
TEST_F(Cache, AHeaderEarlierOnTheSearchPathIsSeen) {
  cli({});
  writeFile(Dir + "/inc0/h.h",
            "#pragma once\n#include \"task.h\"\n" + std::string(Finding));
  RunResult R = cli({});
  EXPECT_EQ(analysed(), Names{"a.cpp"});
  EXPECT_NE(R.Out.find("inc0/h.h:5:3: warning"), std::string::npos) << R.Out;
}

TEST_F(Cache, FlagsConfigurationAndToolChangesMiss) {
  cli({});
  struct {
    const char *What;
    std::vector<std::string> Args, Env;
  } Cases[] = {
      {"--extra-arg", {"--extra-arg=-DX=1"}, {}},
      {"--extra-arg-before", {"--extra-arg-before=-DY=1"}, {}},
      {"--checks", {"--checks=-coro-unawaited-variable"}, {}},
      {"--config", {"--config={CheckOptions: {AllowCastToVoid: true}}"}, {}},
      {"tool", {}, {"UNAWAITED_CACHE_TOOL_SALT=other-build"}},
      {"CPATH", {}, {"CPATH=" + Dir + "/inc0"}},
  };
  for (auto &C : Cases) {
    RunResult Miss = cli(C.Args, C.Env);
    EXPECT_EQ(replayed(Miss), 0) << C.What << "\n" << Miss.Err;
    EXPECT_EQ(replayed(cli(C.Args, C.Env)), 2) << C.What;
  }
  EXPECT_EQ(replayed(cli({})), 2);

  // The compile command itself.
  writeDb({"src/a.cpp", "src/b.cpp"}, "-DZ=1");
  EXPECT_EQ(replayed(cli({})), 0);
  EXPECT_EQ(replayed(cli({})), 2);

  // A .clang-tidy created above the sources, then edited.
  writeFile(Dir + "/.clang-tidy", "Checks: '-coro-discarded-task'\n");
  RunResult Off = cli({});
  EXPECT_EQ(replayed(Off), 0) << Off.Err;
  EXPECT_EQ(Off.ExitCode, 0) << Off.Out;
  writeFile(Dir + "/.clang-tidy", "Checks: 'coro-discarded-task'\n");
  RunResult On = cli({});
  EXPECT_EQ(replayed(On), 0) << On.Err;
  EXPECT_EQ(On.ExitCode, 1) << On.Out;

  // --config-file: its contents.
  writeFile(Dir + "/cfg.yaml", "Checks: '-coro-discarded-task'\n");
  EXPECT_EQ(cli({"--config-file=cfg.yaml"}).ExitCode, 0);
  writeFile(Dir + "/cfg.yaml", "Checks: 'coro-discarded-task'\n");
  RunResult File = cli({"--config-file=cfg.yaml"});
  EXPECT_EQ(replayed(File), 0);
  EXPECT_EQ(File.ExitCode, 1);
}

// An entry that is truncated, corrupt, of another format version, or not
// an entry at all is never trusted: the unit is analysed and the entry
// written again.
TEST_F(Cache, DamagedEntriesAreIgnoredAndRebuilt) {
  RunResult Cold = cli({"--format=json"});
  std::vector<std::string> Es = entries();
  ASSERT_EQ(Es.size(), 2u);
  auto Damages = std::vector<std::function<std::string(std::string)>>{
      [](std::string S) { return S.substr(0, S.size() / 2); },
      [](std::string S) { return S.substr(0, S.size() - 1); },
      [](std::string S) {
        // A finding's offset changed inside the recorded output.
        size_t P = S.find("\"offset\":");
        S[P + 9] = S[P + 9] == '1' ? '2' : '1';
        return S;
      },
      [](std::string S) {
        S.replace(0, S.find('\n'), "unawaited-cache-entry 999");
        return S;
      },
      [](std::string) { return std::string(); },
      [](std::string) {
        return std::string("\x7f"
                           "ELF\x02\x01",
                           6);
      },
  };
  for (size_t I = 0; I < Damages.size(); ++I) {
    for (const std::string &E : Es)
      writeFile(E, Damages[I](readFile(E)));
    RunResult R = cli({"--format=json"});
    EXPECT_EQ(replayed(R), 0) << I << "\n" << R.Err;
    EXPECT_EQ(analysed(), (Names{"a.cpp", "b.cpp"})) << I;
    EXPECT_EQ(R.Out, Cold.Out) << I;
    EXPECT_EQ(replayed(cli({"--format=json"})), 2) << I;
  }
}

TEST_F(Cache, UnitsThatFailedAreNotCached) {
  writeFile(Dir + "/src/broken.cpp", "int f() { return undeclared; }\n");
  writeDb({"src/a.cpp", "src/b.cpp", "src/broken.cpp"});
  EXPECT_EQ(cli({}).ExitCode, 3);
  RunResult Again = cli({});
  EXPECT_EQ(Again.ExitCode, 3);
  EXPECT_EQ(analysed(), Names{"broken.cpp"});
  EXPECT_NE(Again.Err.find("undeclared"), std::string::npos) << Again.Err;
  // A crash is not cached either.
  writeDb({"src/a.cpp"});
  cli({"--cache-dir=crash"}, {"UNAWAITED_TEST_WORKER_FAULT=crash:a.cpp"});
  EXPECT_EQ(replayed(cli({"--cache-dir=crash"},
                         {"UNAWAITED_TEST_WORKER_FAULT=crash:a.cpp"})),
            0);
}

TEST_F(Cache, TwoRunsSharingACacheAtOnce) {
  std::vector<std::string> Files;
  for (int I = 0; I < 6; ++I) {
    std::string F = "src/c" + std::to_string(I) + ".cpp";
    writeFile(Dir + "/" + F, readFile(Dir + "/src/a.cpp"));
    Files.push_back(F);
  }
  writeDb(Files);
  RunResult Cold = cli({"--no-cache", "--format=json"});
  auto Start = [&] {
    // The same environment as cli(), so that its runs share the entries.
    return start({"/usr/bin/env", "UNAWAITED_TEST_WORKER_LOG=" + Log(),
                  UNAWAITED_CLI, "--progress=never", "--verbose", "-p", "build",
                  "-j2", "--format=json"},
                 Dir);
  };
  Background A = Start(), B = Start();
  RunResult RA = finish(A), RB = finish(B);
  EXPECT_EQ(RA.Out, Cold.Out) << RA.Err;
  EXPECT_EQ(RB.Out, Cold.Out) << RB.Err;
  EXPECT_EQ(entries().size(), 6u);
  EXPECT_EQ(replayed(cli({})), 6);
  for (const std::string &E : entries())
    EXPECT_EQ(E.find(".tmp-"), std::string::npos) << E;
}

TEST_F(Cache, SizeLimitEvictsTheOldest) {
  cli({});
  EXPECT_EQ(entries().size(), 2u);
  cli({"--cache-max-size=0"});
  EXPECT_EQ(entries().size(), 0u);
}

// --diff on a real history: only findings on changed lines, and only the
// units the change can reach are analysed.
TEST_F(Cache, DiffReportsOnlyChangedLinesAndAnalysesOnlyAffectedUnits) {
  if (!llvm::sys::fs::can_execute("/usr/bin/git"))
    GTEST_SKIP() << "git not installed";
  auto Git = [&](std::vector<std::string> Args) {
    Args.insert(Args.begin(), {"/usr/bin/git", "-c", "user.name=t", "-c",
                               "user.email=t@example.com"});
    RunResult R = run(Args, Dir);
    EXPECT_EQ(R.ExitCode, 0) << R.Err;
    return R;
  };
  writeFile(Dir + "/.gitignore", "build/\nworker.log\n");
  Git({"init", "-q"});
  Git({"add", "."});
  Git({"commit", "-q", "-m", "base"});
  EXPECT_EQ(cli({}).ExitCode, 1); // fills the cache

  // Nothing changed: nothing to analyse, nothing reported.
  RunResult None = cli({"--diff=HEAD"});
  EXPECT_EQ(None.ExitCode, 0) << None.Out << None.Err;
  EXPECT_EQ(analysed(), Names{});
  EXPECT_NE(None.Err.find("0 of 2 compile commands can be affected"),
            std::string::npos)
      << None.Err;

  // A new finding in b.cpp next to its old one: only the new is reported.
  std::string B = readFile(Dir + "/src/b.cpp");
  B.replace(B.find("  co_return;"), 0, "  fetch(); // new\n");
  writeFile(Dir + "/src/b.cpp", B);
  RunResult One = cli({"--diff=HEAD"});
  EXPECT_EQ(One.ExitCode, 1) << One.Err;
  EXPECT_EQ(analysed(), Names{"b.cpp"});
  EXPECT_NE(One.Out.find("b.cpp:5:3: warning"), std::string::npos) << One.Out;
  EXPECT_EQ(One.Out.find("b.cpp:4:3"), std::string::npos) << One.Out;
  EXPECT_EQ(One.Out.find("a.cpp"), std::string::npos) << One.Out;
  // The summary counts the files analysed.
  EXPECT_NE(One.Err.find("unawaited: 1 finding in 1 file\n"), std::string::npos)
      << One.Err;
  Git({"commit", "-q", "-am", "b"});

  // A header: the units that include it (from the cache's record).
  writeFile(Dir + "/inc/h.h",
            "#pragma once\n#include \"task.h\"\n" + std::string(Finding));
  RunResult Header = cli({"--diff=HEAD"});
  EXPECT_EQ(Header.ExitCode, 1);
  EXPECT_EQ(analysed(), Names{"a.cpp"});
  EXPECT_NE(Header.Out.find("h.h:5:3: warning"), std::string::npos)
      << Header.Out;
  EXPECT_EQ(Header.Out.find("a.cpp:4:3"), std::string::npos) << Header.Out;
  // Against an older revision, both changes count.
  RunResult Older = cli({"--diff=HEAD~1", "--format=json"});
  auto V = llvm::json::parse(Older.Out);
  ASSERT_TRUE(bool(V)) << Older.Out;
  EXPECT_EQ(V->getAsObject()->getArray("findings")->size(), 2u) << Older.Out;

  // The same change as a patch file, paths relative to the current
  // directory.
  RunResult Patch = run({"/usr/bin/git", "diff", "HEAD"}, Dir);
  writeFile(Dir + "/change.patch", Patch.Out);
  RunResult FromFile = cli({"--diff-file=change.patch"});
  EXPECT_EQ(FromFile.Out, Header.Out);
  // A header earlier on the include path, new in the change: the units
  // that looked for it there.
  Git({"checkout", "-q", "--", "inc/h.h"});
  writeFile(Dir + "/inc0/h.h",
            "#pragma once\n#include \"task.h\"\n" + std::string(Finding));
  Git({"add", "-N", "inc0/h.h"});
  RunResult Shadow = cli({"--diff=HEAD"});
  EXPECT_EQ(analysed(), Names{"a.cpp"});
  EXPECT_NE(Shadow.Out.find("inc0/h.h:5:3: warning"), std::string::npos)
      << Shadow.Out;

  // A change of mode only has no hunk: the file still counts as changed.
  Git({"add", "inc0/h.h"});
  Git({"commit", "-q", "-m", "shadow"});
  llvm::sys::fs::setPermissions(
      Dir + "/inc0/h.h", llvm::sys::fs::all_read | llvm::sys::fs::owner_write |
                             llvm::sys::fs::owner_exe);
  RunResult Mode = cli({"--diff=HEAD"});
  // a.cpp's entry is still valid (same bytes): replayed, not analysed.
  EXPECT_NE(Mode.Err.find("1 of 2 compile commands can be affected"),
            std::string::npos)
      << Mode.Err;
  EXPECT_EQ(Mode.ExitCode, 0) << Mode.Out;

  // Without a cache, every unit may be affected.
  cli({"--no-cache", "--diff=HEAD"});
  EXPECT_EQ(analysed(), (Names{"a.cpp", "b.cpp"}));
  RunResult Bad = cli({"--diff=no-such-ref"});
  EXPECT_EQ(Bad.ExitCode, 2);
  EXPECT_NE(Bad.Err.find("--diff: git"), std::string::npos) << Bad.Err;
}

} // namespace
