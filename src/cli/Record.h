//===- Record.h - Findings as plain data, between worker and parent -*- C++
//-*-===//
#ifndef UNAWAITED_CLI_RECORD_H
#define UNAWAITED_CLI_RECORD_H

#include "unawaited/HandOffFact.h"
#include "unawaited/MemberFact.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace unawaited::cli {

struct FixRecord {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
  /// contentHash() of File's bytes as the analysis read them; --fix applies
  /// the fix only to those exact bytes. Empty when the worker did not know.
  std::string Hash;
};

struct NoteRecord {
  std::string File;
  unsigned Offset = 0;
  std::string Message;
  std::vector<FixRecord> Fixes;
  unsigned Line = 0, Column = 0; ///< filled in by the parent
};

struct DiagRecord {
  std::string Check; ///< "coro-..." or "clang-diagnostic-error"
  std::string Level; ///< "warning" or "error"
  std::string File;  ///< absolute; empty for diagnostics without a location
  unsigned Offset = 0;
  std::string Message;
  std::vector<FixRecord> Fixes;
  std::vector<NoteRecord> Notes;
  /// The enclosing named function (Finding::Function); "" when unknown.
  std::string Function;
  unsigned Line = 0, Column = 0; ///< filled in by the parent
  /// Found in a translation unit that did not compile: never fixed.
  bool FromFailedUnit = false;
  /// Made an error by --warnings-as-errors (Level is then "error").
  bool WarningAsError = false;
  /// The translation unit it was found in and its compile command's
  /// directory, for --export-fixes; set by the parent, not sent.
  std::string MainFile;
  std::string BuildDirectory;
  /// A whole-program candidate: kept only if the other units' facts
  /// confirm it (WholeProgram.h); empty for every other finding.
  std::string WholeProgramKey;

  bool isFinding() const { return llvm::StringRef(Check).starts_with("coro-"); }
};

/// What one worker reports for one translation unit.
struct TUResult {
  std::string File;
  std::vector<DiagRecord> Diags;
  /// What the unit knows of task members other units may consume.
  std::vector<MemberFact> Facts;
  /// Whether the functions it defines hand on their task parameters.
  std::vector<HandOffFact> HandOffs;
  bool Failed = false;       ///< crashed, timed out, or did not compile
  std::string FailureReason; ///< one line, for the run's error output
};

/// A string for the parent<->worker protocol, losslessly: itself when it
/// is valid UTF-8, else {"hex": "<its bytes>"}. llvm::json takes only
/// UTF-8, and paths, arguments and sources need not be (a file name with
/// byte 0xff is fine to clang).
llvm::json::Value bytesToJSON(llvm::StringRef S);
/// Reads what bytesToJSON wrote; false when \p V is neither form.
bool bytesFromJSON(const llvm::json::Value *V, std::string &Out);

llvm::json::Value toJSON(const FixRecord &F);
llvm::json::Value toJSON(const NoteRecord &N);
llvm::json::Value toJSON(const DiagRecord &D);
bool fromJSON(const llvm::json::Value &V, FixRecord &F, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, NoteRecord &N, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, DiagRecord &D, llvm::json::Path P);

/// A hash of a file's contents (SHA-256, in hex): the worker records it
/// for the bytes it analysed, --fix compares it with the file on disk.
std::string contentHash(llvm::StringRef Bytes);

/// The real path (symlinks resolved) of an absolute or relative path; the
/// lexical absolute path when it cannot be resolved. Cached: one file is
/// asked about once per finding.
std::string realPath(llvm::StringRef Path);

} // namespace unawaited::cli

namespace unawaited {
/// A member fact is a line of its own: {"member-fact": {...}}. In the
/// namespace of the facts, for llvm::json to find them.
llvm::json::Value toJSON(const MemberFact &F);
bool fromJSON(const llvm::json::Value &V, MemberFact &F, llvm::json::Path P);
/// And a hand-off fact: {"handoff-fact": {...}}.
llvm::json::Value toJSON(const HandOffFact &F);
bool fromJSON(const llvm::json::Value &V, HandOffFact &F, llvm::json::Path P);
} // namespace unawaited

#endif
