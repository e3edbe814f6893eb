//===- DatabaseReader.cpp -------------------------------------------------===//
#include "DatabaseReader.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <optional>

namespace unawaited::cli {

namespace {

/// Reads a file a block at a time: a 120 MB database is never in memory.
class BlockReader {
public:
  explicit BlockReader(llvm::sys::fs::file_t FD) : FD(FD) {}

  /// The next byte, or -1 at the end (or on a read error, in Failed).
  int peek() {
    if (Pos == Len && !fill())
      return -1;
    return static_cast<unsigned char>(Block[Pos]);
  }
  int get() {
    int C = peek();
    if (C >= 0)
      ++Pos;
    return C;
  }
  /// The next byte that is not JSON white space.
  int peekToken() {
    while (true) {
      int C = peek();
      if (C != ' ' && C != '\n' && C != '\r' && C != '\t')
        return C;
      ++Pos;
    }
  }
  /// Appends to \p Out the bytes up to the next '"', '\' or control
  /// character, a block at a time.
  void appendPlain(std::string &Out) {
    while (peek() >= 0) {
      size_t Start = Pos;
      while (Pos < Len) {
        auto C = static_cast<unsigned char>(Block[Pos]);
        if (C == '"' || C == '\\' || C < 0x20)
          break;
        ++Pos;
      }
      Out.append(Block + Start, Pos - Start);
      if (Pos < Len)
        return;
    }
  }
  bool Failed = false;

private:
  bool fill() {
    llvm::Expected<size_t> N = llvm::sys::fs::readNativeFile(
        FD, llvm::MutableArrayRef<char>(Block, sizeof(Block)));
    if (!N) {
      llvm::consumeError(N.takeError());
      Failed = true;
      return false;
    }
    Pos = 0;
    Len = *N;
    return Len != 0;
  }

  llvm::sys::fs::file_t FD;
  char Block[1 << 16];
  size_t Pos = 0, Len = 0;
};

/// Whether clang's YAML parser reads the raw bytes of \p S in a quoted
/// string as they are: printable ASCII, and UTF-8 of the code points YAML
/// calls printable. (It stops at others, as at invalid UTF-8; such a
/// string is left to it.)
static bool plainToYaml(llvm::StringRef S) {
  for (size_t I = 0; I < S.size();) {
    auto B = static_cast<unsigned char>(S[I]);
    if (B < 0x7f) {
      ++I;
      continue;
    }
    unsigned Len = B >= 0xF0 ? 4 : B >= 0xE0 ? 3 : B >= 0xC0 ? 2 : 0;
    if (Len == 0 || B >= 0xF8 || I + Len > S.size())
      return false;
    uint32_t V = B & (0x7F >> Len);
    for (unsigned K = 1; K < Len; ++K) {
      auto Next = static_cast<unsigned char>(S[I + K]);
      if ((Next & 0xC0) != 0x80)
        return false;
      V = V << 6 | (Next & 0x3F);
    }
    static constexpr uint32_t Least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (V < Least[Len])
      return false; // overlong
    bool Printable = V == 0x85 || (V >= 0xA0 && V <= 0xD7FF) ||
                     (V >= 0xE000 && V <= 0xFFFD && V != 0xFEFF) ||
                     (V >= 0x10000 && V <= 0x10FFFF);
    if (!Printable)
      return false;
    I += Len;
  }
  return true;
}

/// The parser of the plain form; each method returns false, with Why set,
/// on anything else.
class PlainDatabaseParser {
public:
  PlainDatabaseParser(BlockReader &In, llvm::StringRef BaseDir,
                      CompactDatabase &DB)
      : In(In), BaseDir(BaseDir), DB(DB) {}

  bool parse() {
    if (!expect('['))
      return false;
    if (In.peekToken() == ']') {
      In.get();
    } else {
      while (true) {
        if (!entry())
          return false;
        int C = In.peekToken();
        In.get();
        if (C == ']')
          break;
        if (C != ',')
          return fail("expected ',' or ']' after an entry");
      }
    }
    if (In.peekToken() != -1)
      return fail("text after the array");
    return !In.Failed || fail("read error");
  }

  std::string Why;

private:
  bool fail(const char *Message) {
    if (Why.empty())
      Why = In.Failed ? "read error" : Message;
    return false;
  }

  bool expect(char C) {
    if (In.peekToken() != C)
      return fail("unexpected character");
    In.get();
    return true;
  }

  /// A JSON string, unescaped as clang's YAML parser unescapes it.
  bool string(std::string &Out) {
    Out.clear();
    if (!expect('"'))
      return false;
    while (true) {
      In.appendPlain(Out);
      int C = In.get();
      if (C == '"')
        return plainToYaml(Out) || fail("bytes YAML reads otherwise");
      if (C != '\\')
        return fail(C < 0 ? "unterminated string"
                          : "control character in a string");
      C = In.get();
      switch (C) {
      case '"':
      case '\\':
      case '/':
        Out += static_cast<char>(C);
        break;
      case 'b':
        Out += '\b';
        break;
      case 'f':
        Out += '\f';
        break;
      case 'n':
        Out += '\n';
        break;
      case 'r':
        Out += '\r';
        break;
      case 't':
        Out += '\t';
        break;
      case 'u':
        if (!codePoint(Out))
          return false;
        break;
      default:
        return fail("not a JSON escape");
      }
    }
  }

  /// The four hex digits of a \u escape, appended as UTF-8. A surrogate
  /// (half of a pair) is left to clang's parser, which has its own reading.
  bool codePoint(std::string &Out) {
    unsigned V = 0;
    for (int I = 0; I < 4; ++I) {
      int C = In.get();
      unsigned Digit = llvm::hexDigitValue(static_cast<char>(C));
      if (C < 0 || Digit == ~0U)
        return fail("bad \\u escape");
      V = V * 16 + Digit;
    }
    if (V >= 0xD800 && V <= 0xDFFF)
      return fail("surrogate escape");
    if (V < 0x80) {
      Out += static_cast<char>(V);
    } else if (V < 0x800) {
      Out += static_cast<char>(0xC0 | (V >> 6));
      Out += static_cast<char>(0x80 | (V & 0x3F));
    } else {
      Out += static_cast<char>(0xE0 | (V >> 12));
      Out += static_cast<char>(0x80 | ((V >> 6) & 0x3F));
      Out += static_cast<char>(0x80 | (V & 0x3F));
    }
    return true;
  }

  bool stringList(std::vector<std::string> &Out) {
    Out.clear();
    if (!expect('['))
      return false;
    if (In.peekToken() == ']') {
      In.get();
      return true;
    }
    while (true) {
      Out.emplace_back();
      if (!string(Out.back()))
        return false;
      int C = In.peekToken();
      In.get();
      if (C == ']')
        return true;
      if (C != ',')
        return fail("expected ',' or ']' in a list");
    }
  }

  bool entry() {
    if (!expect('{'))
      return false;
    bool HasDirectory = false, HasFile = false, HasOutput = false;
    bool HasCommand = false, HasArguments = false;
    Output.clear();
    if (In.peekToken() == '}')
      return fail("an entry without keys");
    while (true) {
      if (!string(Key) || !expect(':'))
        return false;
      bool *Seen;
      bool Read;
      if (Key == "directory") {
        Seen = &HasDirectory;
        Read = string(Directory);
      } else if (Key == "file") {
        Seen = &HasFile;
        Read = string(File);
      } else if (Key == "output") {
        Seen = &HasOutput;
        Read = string(Output);
      } else if (Key == "command") {
        Seen = &HasCommand;
        Command.resize(1);
        Read = string(Command.front());
      } else if (Key == "arguments") {
        Seen = &HasArguments;
        Read = stringList(Arguments);
      } else {
        return fail("an unknown key");
      }
      if (!Read)
        return false;
      if (*Seen)
        return fail("a repeated key");
      *Seen = true;
      int C = In.peekToken();
      In.get();
      if (C == '}')
        break;
      if (C != ',')
        return fail("expected ',' or '}' in an entry");
    }
    if (!HasDirectory || !HasFile || (!HasCommand && !HasArguments))
      return fail("a missing key");
    // The format says absolute; generators differ. Relative to the file.
    if (!llvm::sys::path::is_absolute(Directory)) {
      llvm::SmallString<256> Abs(BaseDir);
      llvm::sys::path::append(Abs, Directory);
      llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
      Directory = std::string(Abs);
    }
    // `arguments` wins over `command`, wherever each is.
    DB.add(Directory, File, HasArguments ? Arguments : Command, Output);
    return true;
  }

  BlockReader &In;
  llvm::StringRef BaseDir;
  CompactDatabase &DB;
  // Reused from entry to entry.
  std::string Key, Directory, File, Output;
  std::vector<std::string> Command, Arguments;
};

} // namespace

std::unique_ptr<CompactDatabase> readCompactDatabase(llvm::StringRef Path,
                                                     llvm::StringRef BaseDir,
                                                     std::string &Why) {
  llvm::Expected<llvm::sys::fs::file_t> FD =
      llvm::sys::fs::openNativeFileForRead(Path);
  if (!FD) {
    Why = llvm::toString(FD.takeError());
    return nullptr;
  }
  auto Reader = std::make_unique<BlockReader>(*FD);
  auto DB = std::make_unique<CompactDatabase>();
  PlainDatabaseParser Parser(*Reader, BaseDir, *DB);
  bool Parsed = Parser.parse();
  (void)llvm::sys::fs::closeFile(*FD); // read only: nothing to lose
  if (!Parsed) {
    Why = Parser.Why;
    return nullptr;
  }
  return DB;
}

} // namespace unawaited::cli
