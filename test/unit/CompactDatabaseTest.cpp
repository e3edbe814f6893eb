//===- CompactDatabaseTest.cpp - The CLI's compile_commands.json reader ---===//
//
// The compact database must answer as clang's JSONCompilationDatabase
// does, down to the order of getAllFiles (--shard and the report follow
// it): most tests load the same text both ways and compare everything.
//
//===----------------------------------------------------------------------===//
#include "CompactDatabase.h"
#include "CompileCommands.h"
#include "DatabaseReader.h"
#include "harness/Harness.h"
#include "clang/Driver/Options.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "gtest/gtest.h"

using namespace unawaited::cli;
using namespace unawaited::test;
using clang::tooling::CompileCommand;

namespace {

std::string show(const std::vector<CompileCommand> &Cmds) {
  std::string S;
  for (const CompileCommand &C : Cmds) {
    S += "dir=" + C.Directory + " file=" + C.Filename + " out=" + C.Output +
         " args=";
    for (const std::string &A : C.CommandLine)
      S += "[" + A + "]";
    S += "\n";
  }
  return S;
}

class CompactDatabaseTest : public ::testing::Test {
protected:
  void SetUp() override { Dir = makeTempDir(); }
  void TearDown() override { removeTree(Dir); }

  /// \p Json read by our reader (it must take it: the plain form).
  std::unique_ptr<CompactDatabase> compact(const std::string &Json) {
    writeFile(Dir + "/compile_commands.json", Json);
    std::string Why;
    auto DB = readCompactDatabase(Dir + "/compile_commands.json", Dir, Why);
    EXPECT_TRUE(DB) << Why << "\n" << Json;
    return DB;
  }

  /// Whether our reader leaves \p Json to clang's parser.
  bool leftToClang(const std::string &Json) {
    writeFile(Dir + "/compile_commands.json", Json);
    std::string Why;
    return !readCompactDatabase(Dir + "/compile_commands.json", Dir, Why) &&
           !Why.empty();
  }

  /// Loads \p Json both ways and compares every answer, and the commands
  /// of each file in \p AlsoAsk.
  void expectSameAsClang(const std::string &Json,
                         const std::vector<std::string> &AlsoAsk = {}) {
    std::unique_ptr<CompactDatabase> Ours = compact(Json);
    std::string Err;
    auto Clang = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
        Json, Err, clang::tooling::JSONCommandLineSyntax::Gnu);
    ASSERT_TRUE(Clang) << Err;
    ASSERT_TRUE(Ours);
    EXPECT_EQ(Ours->getAllFiles(), Clang->getAllFiles());
    EXPECT_EQ(show(Ours->getAllCompileCommands()),
              show(Clang->getAllCompileCommands()));
    std::vector<std::string> Ask = Clang->getAllFiles();
    Ask.insert(Ask.end(), AlsoAsk.begin(), AlsoAsk.end());
    for (const std::string &F : Ask)
      EXPECT_EQ(show(Ours->getCompileCommands(F)),
                show(Clang->getCompileCommands(F)))
          << F;
  }

  static std::string entry(const std::string &Directory,
                           const std::string &File, const std::string &Rest) {
    return "{\"directory\": \"" + Directory + "\", \"file\": \"" + File +
           "\", " + Rest + "}";
  }

  std::string Dir;
};

TEST_F(CompactDatabaseTest, CommandStringsSplitAsClangSplitsThem) {
  const char *Commands[] = {
      R"(clang++ -c a.cpp)",
      R"(  clang++   -DX=1    -c   a.cpp  )",
      R"(clang++ -DX=\"a b\" -DY='c d' -DZ=e\\ f -c a.cpp)",
      R"(clang++ \"quoted\"'single'free -c a.cpp)",
      R"(clang++ -DQ=\"in \\\"double\\\" quotes\" -c a.cpp)",
      R"(clang++ -DS='back\\slash stays' -c a.cpp)",
      R"(clang++ \"\" '' -c a.cpp)",
      R"(clang++\ta.cpp -c)",
      R"(clang++ -c a.cpp trailing\\)",
      R"(clang++ -c a.cpp \"unterminated)",
      R"(clang++ -c a.cpp 'unterminated)",
      R"(clang++ -c a.cpp \")",
      R"()",
      R"(   )",
      R"(ccache g++ -c a.cpp)",
      R"(ccache -c a.cpp)",
      R"(ccache a.cpp)",
      R"(distcc ccache /usr/bin/clang++ -c a.cpp)",
      R"(/usr/bin/sccache.exe cl.exe /c a.cpp)",
      R"(ccache)",
      R"(ccache \"\" a.cpp)",
  };
  std::string Json = "[";
  for (size_t I = 0; I < std::size(Commands); ++I)
    Json += (I ? ",\n" : "") +
            entry("/src", "f" + std::to_string(I) + ".cpp",
                  std::string("\"command\": \"") + Commands[I] + "\"");
  Json += "]";
  expectSameAsClang(Json);
}

TEST_F(CompactDatabaseTest, ArgumentsListsAndTheirOddCases) {
  std::string Json =
      "[" +
      entry("/src", "a.cpp",
            R"("arguments": ["clang++", "-DX=a b", "-c", "a.cpp"])") +
      "," +
      // One element: clang splits it as a command string.
      entry("/src", "b.cpp", R"("arguments": ["clang++ -c b.cpp"])") + "," +
      entry("/src", "c.cpp", R"("arguments": [])") + "," +
      // `arguments` wins over `command`, before or after it.
      entry("/src", "d.cpp",
            R"("command": "gcc d.cpp", "arguments": ["clang++", "d.cpp"])") +
      "," +
      entry("/src", "e.cpp",
            R"("arguments": ["clang++", "e.cpp"], "command": "gcc e.cpp")") +
      "," +
      entry("/src", "f.cpp",
            R"("arguments": ["ccache", "clang++", "f.cpp"], "output": "f.o")") +
      "]";
  expectSameAsClang(Json);
}

TEST_F(CompactDatabaseTest, EscapesAndPathsAsClangReadsThem) {
  std::string Json =
      "[" +
      entry(
          "/src", "\\u00e9t\\u00e9.cpp",
          R"("command": "clang++ -DA=\u20ac -DB=\/x -DC=\\t -c \u00e9t\u00e9.cpp")") +
      "," + entry("/src/sub/", "./x/../y.cpp", R"("command": "c++ y.cpp")") +
      "," + entry("/src", "../up.cpp", R"("command": "c++ ../up.cpp")") + "," +
      entry("/src", "/abs/./p//q.cpp", R"("command": "c++ q.cpp")") + "," +
      entry("/src", "t\\tab.cpp", R"("command": "c++ x")") + "]";
  expectSameAsClang(Json, {"/src/y.cpp", "/src/sub/y.cpp", "/up.cpp",
                           "/abs/p/q.cpp", "relative.cpp", "/nowhere.cpp"});
}

TEST_F(CompactDatabaseTest, EveryCommandOfAFileInOrder) {
  std::string Json =
      "[" + entry("/src", "a.cpp", R"("command": "c++ -DONE a.cpp")") + "," +
      entry("/src", "b.cpp", R"("command": "c++ b.cpp")") + "," +
      entry("/src", "/src/a.cpp", R"("command": "c++ -DTWO a.cpp")") + "," +
      entry("/src", "./a.cpp", R"("command": "c++ -DTHREE a.cpp")") + "]";
  expectSameAsClang(Json);
  auto DB = compact(Json);
  EXPECT_EQ(DB->getCompileCommands("/src/a.cpp").size(), 3u);
  EXPECT_EQ(DB->size(), 4u);
}

TEST_F(CompactDatabaseTest, ManyFilesListedInClangsOrder) {
  // Enough files for the index to grow several times.
  std::string Json = "[";
  for (int I = 0; I < 3000; ++I) {
    Json += (I ? ",\n" : "") +
            entry(llvm::formatv("/build/m{0}", I % 7).str(),
                  llvm::formatv("/src/m{0}/file{1}.cpp", I % 7, I % 2500).str(),
                  llvm::formatv(R"("command": "c++ -DM={0} -o o{1}.o -c )"
                                R"(/src/m{0}/file{2}.cpp", "output": "o{1}.o")",
                                I % 7, I, I % 2500)
                      .str());
  }
  Json += "]";
  expectSameAsClang(Json);
}

TEST_F(CompactDatabaseTest, StringsAndEscapesAcrossReadBlocks) {
  // The reader takes 64 KB at a time: long values with escapes at every
  // offset cross the block boundaries everywhere.
  std::string Json = "[";
  for (int I = 0; I < 40; ++I) {
    std::string Command = "clang++";
    for (int K = 0; K < 400 + I; ++K)
      Command += llvm::formatv(R"( -DV{0}=\"xé{1}\")", K, I).str();
    Json +=
        (I ? ",\n" : "") + entry("/src", llvm::formatv("f{0}.cpp", I).str(),
                                 "\"command\": \"" + Command + " -c f.cpp\"");
  }
  Json += "]";
  ASSERT_GT(Json.size(), 4u << 16);
  expectSameAsClang(Json);
}

TEST_F(CompactDatabaseTest, RelativeDirectoriesAreResolvedAgainstTheFile) {
  auto DB = compact(
      "[" + entry("build/../out", "a.cpp", R"("command": "c++ a.cpp")") + "," +
      entry(".", "b.cpp", R"("command": "c++ b.cpp")") + "," +
      entry("", "c.cpp", R"("command": "c++ c.cpp")") + "]");
  ASSERT_TRUE(DB);
  std::vector<CompileCommand> A = DB->getCompileCommands(Dir + "/out/a.cpp");
  ASSERT_EQ(A.size(), 1u);
  EXPECT_EQ(A[0].Directory, Dir + "/out");
  EXPECT_EQ(A[0].Filename, "a.cpp");
  std::vector<CompileCommand> B = DB->getCompileCommands(Dir + "/b.cpp");
  ASSERT_EQ(B.size(), 1u);
  EXPECT_EQ(B[0].Directory, Dir);
  EXPECT_EQ(DB->getCompileCommands(Dir + "/c.cpp").size(), 1u);
}

TEST_F(CompactDatabaseTest, FindsAFileThroughASymlinkedDirectory) {
  ASSERT_FALSE(llvm::sys::fs::create_directories(Dir + "/real"));
  writeFile(Dir + "/real/a.cpp", "");
  ASSERT_FALSE(llvm::sys::fs::create_link(Dir + "/real", Dir + "/link"));
  std::string Json = "[" +
                     entry(Dir + "/link", Dir + "/link/a.cpp",
                           R"("command": "c++ -c a.cpp")") +
                     "]";
  expectSameAsClang(Json, {Dir + "/real/a.cpp", Dir + "/real/b.cpp"});
  EXPECT_EQ(compact(Json)->getCompileCommands(Dir + "/real/a.cpp").size(), 1u);
}

TEST_F(CompactDatabaseTest, AnythingButThePlainFormIsLeftToClang) {
  const char *Cases[] = {
      "",
      "{}",
      "[{}]",
      R"([{"directory": "/s", "file": "a.cpp"}])",
      R"([{"directory": "/s", "command": "c++"}])",
      R"([{"file": "a.cpp", "command": "c++"}])",
      R"([{"directory": "/s", "file": "a.cpp", "command": "c++", "x": "y"}])",
      R"([{"directory": "/s", "file": "a.cpp", "file": "b.cpp", "command": "c"}])",
      R"([{"directory": "/s", "file": "a.cpp", "command": 1}])",
      R"([{"directory": "/s", "file": "a.cpp", "arguments": "c++"}])",
      R"([{"directory": "/s", "file": "a.cpp", "arguments": [1]}])",
      R"([{"directory": "/s", "file": "a.cpp", "command": "c"},])",
      R"([{"directory": "/s", "file": "a.cpp", "command": "c"}] x)",
      R"([{"directory": "/s", "file": "a.cpp", "command": "\ud83d\ude00"}])",
      R"([{"directory": "/s", "file": "a.cpp", "command": "\x41"}])",
      "[{\"directory\": \"/s\", \"file\": \"a\xff.cpp\", \"command\": \"c\"}]",
      "[{\"directory\": \"/s\", \"file\": \"a\x7f.cpp\", \"command\": \"c\"}]",
      "[{\"directory\":\"/s\",\"file\":\"a\u0080\",\"command\":\"c\"}]",
      "[{\"directory\": \"/s\", \"file\": \"a\tb.cpp\", \"command\": \"c\"}]",
      "[{directory: /s, file: a.cpp, command: c}]",
      "\xef\xbb\xbf[]",
      "[{\"directory\": \"/s\", \"file\": \"a.cpp\", \"command\": \"c\"",
  };
  for (const char *C : Cases)
    EXPECT_TRUE(leftToClang(C)) << C;
  // Empty, and UTF-8 that YAML reads as it is: ours.
  EXPECT_FALSE(leftToClang("[]"));
  EXPECT_FALSE(leftToClang(" \n[\n]\n"));
  EXPECT_FALSE(leftToClang(
      "[{\"directory\": \"/s\", \"file\": \"\xc3\xa9\xe2\x82\xac.cpp\", "
      "\"command\": \"c\"}]"));
  std::string Why;
  EXPECT_FALSE(readCompactDatabase(Dir + "/missing.json", Dir, Why));
  EXPECT_FALSE(Why.empty());
}

// What the reader leaves to clang still loads (YAML that is not JSON), and
// is wrapped as before: response files expanded, headers inferred.
TEST_F(CompactDatabaseTest, LoadDatabaseFallsBackAndInfersHeaders) {
  writeFile(Dir + "/flags.rsp", "-DFROM_RSP");
  for (const std::string &Json :
       {"[" +
            entry(Dir, "src/a.cpp",
                  R"("command": "clang++ @flags.rsp -c src/a.cpp")") +
            "]",
        "[{directory: '" + Dir +
            "', file: src/a.cpp, command: 'clang++ @flags.rsp -c "
            "src/a.cpp'}]"}) {
    writeFile(Dir + "/compile_commands.json", Json);
    auto DB = loadDatabase(Dir);
    ASSERT_TRUE(bool(DB)) << llvm::toString(DB.takeError());
    std::vector<CompileCommand> A =
        (*DB)->getCompileCommands(Dir + "/src/a.cpp");
    ASSERT_EQ(A.size(), 1u) << Json;
    EXPECT_EQ(show(A).find("[@flags.rsp]"), std::string::npos) << show(A);
    EXPECT_NE(show(A).find("[-DFROM_RSP]"), std::string::npos) << show(A);
    std::vector<CompileCommand> H = (*DB)->getCompileCommands(Dir + "/src/a.h");
    ASSERT_EQ(H.size(), 1u) << Json;
    EXPECT_EQ(H[0].Filename, Dir + "/src/a.h");
    EXPECT_FALSE(H[0].Heuristic.empty());
    EXPECT_EQ((*DB)->getAllFiles(),
              std::vector<std::string>{Dir + "/src/a.cpp"});
  }
}

TEST_F(CompactDatabaseTest, ClassifiesEachCommandAsClangWould) {
  // Commands of one shape, told apart only by what the shape keeps: the
  // source's extension, -x's value, which input names the source.
  struct {
    const char *File;
    const char *Command;
    bool Cxx;
  } Cases[] = {
      {"a.cpp", "clang++ -O2 -c a.cpp -o a.o", true},
      {"b.c", "clang -O2 -c b.c -o b.o", false},
      {"c.c", "clang++ -O2 -c c.c -o c.o", true},
      {"d.c", "clang -O2 -c d.c -o d.cpp", false},
      {"e.cpp", "clang -O2 -c e.cpp -o e.c", true},
      {"f.cpp", "clang -x c -c f.cpp -o f.o", false},
      {"g.cpp", "clang -x c++ -c g.cpp -o g.o", true},
      {"h.s", "clang -O2 -c h.s -o h.o", false},
      {"i.cpp", "clang -O2 -c other.c i.cpp", true},
      {"j.c", "clang -O2 -c other.cpp j.c", false},
      {"k.cpp", "clang -O2 -c /validator-version k.c", true},
      {"l.cpp", "clang -O2 -c /validator-version x.c", true},
      {"m.c", "clang -O2 -c /validator-version /s/m.c", false},
      {"n.c", "clang -O2 -c /s/n.c", false},
      {"o.cpp", "clang -O2 -c /s/o.cpp", true},
      // No input names the source: the last input's type.
      {"r.cpp", "clang -O2 -c x.c", false},
      {"s.cpp", "clang -O2 -c x.cpp", true},
  };
  std::string Json = "[";
  std::vector<std::string> Files;
  for (auto &C : Cases) {
    Json +=
        (Files.empty() ? "" : ",") +
        entry("/s", C.File, std::string("\"command\": \"") + C.Command + "\"");
    Files.push_back(std::string("/s/") + C.File);
  }
  Json += "]";
  auto DB = compact(Json);
  std::vector<std::string> Kept = Files;
  dropNonCxxSources(*DB, Kept);
  for (size_t I = 0; I < std::size(Cases); ++I) {
    std::vector<CompileCommand> Cmds = DB->getCompileCommands(Files[I]);
    ASSERT_EQ(Cmds.size(), 1u);
    bool Direct = canHoldCoroutines(sourceLanguage(Cmds[0]));
    EXPECT_EQ(Direct, Cases[I].Cxx) << Cases[I].Command;
    bool Cached = llvm::is_contained(Kept, Files[I]);
    EXPECT_EQ(Cached, Direct) << Cases[I].Command;
  }
}

// The shape of a command keeps a '/' argument verbatim only when it may be
// an option: every '/' spelling clang's own command line parses as an
// option must be one of those.
TEST(SlashOptions, EveryOptionClangParsesIsKnown) {
  const llvm::opt::OptTable &Table = clang::driver::getDriverOptTable();
  for (unsigned Id = 1; Id <= Table.getNumOptions(); ++Id) {
    std::string Name = Table.getOption(Id).getName().str();
    for (const char *Suffix : {"", "x", "=x", ":x", "-"}) {
      std::string Arg = "/" + Name + Suffix;
      const char *Args[] = {Arg.c_str(), "next"};
      unsigned MissingIndex = 0, MissingCount = 0;
      llvm::opt::InputArgList Parsed = Table.ParseArgs(
          Args, MissingIndex, MissingCount,
          llvm::opt::Visibility(clang::driver::options::ClangOption));
      bool Input =
          Parsed.size() != 0 && (*Parsed.begin())->getOption().getKind() ==
                                    llvm::opt::Option::InputClass;
      if (!Input)
        EXPECT_TRUE(mayBeSlashOption(Arg)) << Arg;
    }
  }
  EXPECT_FALSE(mayBeSlashOption("/home/user/a.cpp"));
  EXPECT_FALSE(mayBeSlashOption("/usr/include"));
}

} // namespace
