//===- Record.cpp ---------------------------------------------------------===//
#include "Record.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

namespace unawaited::cli {

using llvm::json::Object;

// llvm::json maps int64_t but not unsigned.
static bool mapUnsigned(llvm::json::ObjectMapper &O, llvm::StringLiteral Key,
                        unsigned &Out) {
  int64_t V = 0;
  if (!O.map(Key, V) || V < 0)
    return false;
  Out = static_cast<unsigned>(V);
  return true;
}

llvm::json::Value toJSON(const FixRecord &F) {
  return Object{{"file", F.File},
                {"offset", F.Offset},
                {"length", F.Length},
                {"text", F.Text},
                {"hash", F.Hash}};
}

llvm::json::Value toJSON(const NoteRecord &N) {
  return Object{{"file", N.File},
                {"offset", N.Offset},
                {"message", N.Message},
                {"fixes", llvm::json::Array(N.Fixes)}};
}

llvm::json::Value toJSON(const DiagRecord &D) {
  return Object{{"check", D.Check},
                {"level", D.Level},
                {"file", D.File},
                {"offset", D.Offset},
                {"message", D.Message},
                {"fixes", llvm::json::Array(D.Fixes)},
                {"notes", llvm::json::Array(D.Notes)},
                {"function", D.Function}};
}

bool fromJSON(const llvm::json::Value &V, FixRecord &F, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("file", F.File) && mapUnsigned(O, "offset", F.Offset) &&
         mapUnsigned(O, "length", F.Length) && O.map("text", F.Text) &&
         O.mapOptional("hash", F.Hash);
}

bool fromJSON(const llvm::json::Value &V, NoteRecord &N, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("file", N.File) && mapUnsigned(O, "offset", N.Offset) &&
         O.map("message", N.Message) && O.map("fixes", N.Fixes);
}

bool fromJSON(const llvm::json::Value &V, DiagRecord &D, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("check", D.Check) && O.map("level", D.Level) &&
         O.map("file", D.File) && mapUnsigned(O, "offset", D.Offset) &&
         O.map("message", D.Message) && O.map("fixes", D.Fixes) &&
         O.map("notes", D.Notes) && O.mapOptional("function", D.Function);
}

std::string contentHash(llvm::StringRef Bytes) {
  return llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(Bytes)),
                     /*LowerCase=*/true);
}

std::string realPath(llvm::StringRef Path) {
  static llvm::StringMap<std::string> Cache;
  auto It = Cache.find(Path);
  if (It != Cache.end())
    return It->second;
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Path, Real)) {
    Real = Path;
    (void)llvm::sys::fs::make_absolute(Real); // no working directory: keep it
    llvm::sys::path::remove_dots(Real, true);
  }
  return Cache.try_emplace(Path, std::string(Real)).first->second;
}

} // namespace unawaited::cli
