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

llvm::json::Value bytesToJSON(llvm::StringRef S) {
  if (llvm::json::isUTF8(S))
    return S.str();
  return Object{{"hex", llvm::toHex(S, /*LowerCase=*/true)}};
}

bool bytesFromJSON(const llvm::json::Value *V, std::string &Out) {
  if (!V)
    return false;
  if (std::optional<llvm::StringRef> S = V->getAsString()) {
    Out = S->str();
    return true;
  }
  const Object *O = V->getAsObject();
  std::optional<llvm::StringRef> Hex = O ? O->getString("hex") : std::nullopt;
  return Hex && llvm::tryGetFromHex(*Hex, Out);
}

/// The fields that may hold any bytes (paths, messages quoting them, source
/// text), of the object \p V.
static bool
mapBytes(const llvm::json::Value &V,
         std::initializer_list<std::pair<const char *, std::string *>> Fields) {
  const Object *O = V.getAsObject();
  if (!O)
    return false;
  for (const auto &[Key, Out] : Fields)
    if (!bytesFromJSON(O->get(Key), *Out))
      return false;
  return true;
}

llvm::json::Value toJSON(const FixRecord &F) {
  return Object{{"file", bytesToJSON(F.File)},
                {"offset", F.Offset},
                {"length", F.Length},
                {"text", bytesToJSON(F.Text)},
                {"hash", F.Hash}};
}

llvm::json::Value toJSON(const NoteRecord &N) {
  return Object{{"file", bytesToJSON(N.File)},
                {"offset", N.Offset},
                {"message", bytesToJSON(N.Message)},
                {"fixes", llvm::json::Array(N.Fixes)}};
}

llvm::json::Value toJSON(const DiagRecord &D) {
  return Object{{"check", D.Check},
                {"level", D.Level},
                {"file", bytesToJSON(D.File)},
                {"offset", D.Offset},
                {"message", bytesToJSON(D.Message)},
                {"fixes", llvm::json::Array(D.Fixes)},
                {"notes", llvm::json::Array(D.Notes)},
                {"function", bytesToJSON(D.Function)},
                {"whole-program", bytesToJSON(D.WholeProgramKey)}};
}

bool fromJSON(const llvm::json::Value &V, FixRecord &F, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && mapBytes(V, {{"file", &F.File}, {"text", &F.Text}}) &&
         mapUnsigned(O, "offset", F.Offset) &&
         mapUnsigned(O, "length", F.Length) && O.mapOptional("hash", F.Hash);
}

bool fromJSON(const llvm::json::Value &V, NoteRecord &N, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && mapBytes(V, {{"file", &N.File}, {"message", &N.Message}}) &&
         mapUnsigned(O, "offset", N.Offset) && O.map("fixes", N.Fixes);
}

bool fromJSON(const llvm::json::Value &V, DiagRecord &D, llvm::json::Path P) {
  llvm::json::ObjectMapper O(V, P);
  return O && O.map("check", D.Check) && O.map("level", D.Level) &&
         mapBytes(V, {{"file", &D.File},
                      {"message", &D.Message},
                      {"function", &D.Function}}) &&
         (!V.getAsObject()->get("whole-program") ||
          mapBytes(V, {{"whole-program", &D.WholeProgramKey}})) &&
         mapUnsigned(O, "offset", D.Offset) && O.map("fixes", D.Fixes) &&
         O.map("notes", D.Notes);
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

namespace unawaited {
using namespace cli;

llvm::json::Value toJSON(const MemberFact &F) {
  auto Strings = [](const std::vector<std::string> &V) {
    llvm::json::Array A;
    for (const std::string &S : V)
      A.push_back(bytesToJSON(S));
    return A;
  };
  return Object{{"member-fact", Object{{"key", bytesToJSON(F.Key)},
                                       {"consumed", F.Consumed},
                                       {"functions", Strings(F.Functions)},
                                       {"defined", Strings(F.Defined)}}}};
}

bool fromJSON(const llvm::json::Value &V, MemberFact &F, llvm::json::Path P) {
  const llvm::json::Object *Outer = V.getAsObject();
  const llvm::json::Value *Inner = Outer ? Outer->get("member-fact") : nullptr;
  if (!Inner) {
    P.report("expected a member fact");
    return false;
  }
  llvm::json::ObjectMapper O(*Inner, P.field("member-fact"));
  auto Strings = [&](llvm::StringRef Name, std::vector<std::string> &Out) {
    const llvm::json::Object *Obj = Inner->getAsObject();
    const llvm::json::Array *A = Obj ? Obj->getArray(Name) : nullptr;
    if (!A)
      return false;
    for (const llvm::json::Value &E : *A) {
      std::string S;
      if (!bytesFromJSON(&E, S))
        return false;
      Out.push_back(std::move(S));
    }
    return true;
  };
  return O && mapBytes(*Inner, {{"key", &F.Key}}) &&
         O.map("consumed", F.Consumed) && Strings("functions", F.Functions) &&
         Strings("defined", F.Defined);
}

llvm::json::Value toJSON(const HandOffFact &F) {
  return Object{{"handoff-fact", Object{{"key", bytesToJSON(F.Key)},
                                        {"hands-on", F.HandsOn},
                                        {"note-file", bytesToJSON(F.NoteFile)},
                                        {"note-offset", F.NoteOffset},
                                        {"note", bytesToJSON(F.Note)}}}};
}

bool fromJSON(const llvm::json::Value &V, HandOffFact &F, llvm::json::Path P) {
  const llvm::json::Object *Outer = V.getAsObject();
  const llvm::json::Value *Inner = Outer ? Outer->get("handoff-fact") : nullptr;
  if (!Inner) {
    P.report("expected a hand-off fact");
    return false;
  }
  llvm::json::ObjectMapper O(*Inner, P.field("handoff-fact"));
  return O &&
         mapBytes(*Inner, {{"key", &F.Key},
                           {"note-file", &F.NoteFile},
                           {"note", &F.Note}}) &&
         O.map("hands-on", F.HandsOn) &&
         mapUnsigned(O, "note-offset", F.NoteOffset);
}

} // namespace unawaited
