//===- Baseline.cpp -------------------------------------------------------===//
#include "Baseline.h"
#include "Fixes.h"
#include "Output.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

namespace unawaited::cli {

static std::string realDir(llvm::StringRef BaselinePath) {
  llvm::StringRef Parent = llvm::sys::path::parent_path(BaselinePath);
  return realPath(Parent.empty() ? "." : Parent);
}

/// \p File relative to \p Dir, both resolved to real paths, with ".." where
/// needed, so the key survives moving the checkout (and a symlinked
/// spelling of it) with the baseline wherever it is.
static std::string relativeTo(llvm::StringRef File, llvm::StringRef Dir) {
  std::string RealFile = realPath(File);
  llvm::SmallVector<llvm::StringRef, 16> F, D;
  for (auto I = llvm::sys::path::begin(RealFile),
            E = llvm::sys::path::end(RealFile);
       I != E; ++I)
    F.push_back(*I);
  for (auto I = llvm::sys::path::begin(Dir), E = llvm::sys::path::end(Dir);
       I != E; ++I)
    D.push_back(*I);
  size_t Common = 0;
  while (Common < F.size() && Common < D.size() && F[Common] == D[Common])
    ++Common;
  if (Common == 0) // no common root: nothing relative to say
    return RealFile;
  std::string Out;
  for (size_t I = Common; I < D.size(); ++I)
    Out += "../";
  for (size_t I = Common; I < F.size(); ++I)
    Out += (I > Common ? "/" : "") + F[I].str();
  return Out;
}

/// 2: fingerprints hash the enclosing function instead of the message.
/// 3: paths are relative to the baseline's real directory even outside it.
static constexpr int FormatVersion = 3;

std::string fingerprint(const DiagRecord &D, llvm::StringRef BaselineDir) {
  std::string Line = sourceLine(D.File, D.Line);
  std::string Folded;
  for (char C : Line)
    if (!isspace(static_cast<unsigned char>(C)))
      Folded += C;
  // Not the message: rewording a diagnostic must not invalidate baselines.
  std::string Key = D.Check + "\n" + relativeTo(D.File, BaselineDir) + "\n" +
                    D.Function + "\n" + Folded;
  return llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(Key)),
                     /*LowerCase=*/true)
      .substr(0, 32);
}

llvm::Expected<Baseline> Baseline::load(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return llvm::createStringError(
        Buf.getError(), "cannot read baseline '%s': %s", Path.str().c_str(),
        Buf.getError().message().c_str());
  auto Parsed = llvm::json::parse((*Buf)->getBuffer());
  if (!Parsed)
    return llvm::createStringError("malformed baseline '%s': %s",
                                   Path.str().c_str(),
                                   llvm::toString(Parsed.takeError()).c_str());
  Baseline B;
  B.Dir = realDir(Path);
  const llvm::json::Object *Root = Parsed->getAsObject();
  const llvm::json::Array *List = Root ? Root->getArray("findings") : nullptr;
  if (!List)
    return llvm::createStringError(
        "malformed baseline '%s': no \"findings\" array", Path.str().c_str());
  std::optional<int64_t> Version = Root->getInteger("version");
  if (Version != FormatVersion) {
    return llvm::createStringError(
        "baseline '%s' has format version %lld, this unawaited reads %d; "
        "write it again with --write-baseline",
        Path.str().c_str(), static_cast<long long>(Version.value_or(0)),
        FormatVersion);
  }
  for (const llvm::json::Value &V : *List)
    if (const llvm::json::Object *O = V.getAsObject())
      if (std::optional<llvm::StringRef> FP = O->getString("fingerprint"))
        ++B.Counts[*FP];
  return B;
}

llvm::Error Baseline::write(llvm::StringRef Path,
                            const std::vector<DiagRecord> &Findings) {
  std::string Dir = realDir(Path);
  llvm::json::Array List;
  for (const DiagRecord &D : Findings) {
    List.push_back(llvm::json::Object{{"fingerprint", fingerprint(D, Dir)},
                                      {"check", D.Check},
                                      {"file", relativeTo(D.File, Dir)},
                                      {"function", D.Function},
                                      {"message", D.Message}});
  }
  llvm::json::Object Root{{"version", FormatVersion},
                          {"findings", std::move(List)}};
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
  OS.flush();
  return writeFileAtomically(Path, Text);
}

bool Baseline::match(const DiagRecord &D,
                     llvm::StringMap<unsigned> &Left) const {
  auto It = Left.find(fingerprint(D, Dir));
  if (It == Left.end() || It->second == 0)
    return false;
  --It->second;
  return true;
}

size_t Baseline::filter(std::vector<DiagRecord> &Findings) const {
  llvm::StringMap<unsigned> Left = Counts;
  size_t Removed = 0;
  std::vector<DiagRecord> Kept;
  for (DiagRecord &D : Findings) {
    if (match(D, Left)) {
      ++Removed;
      continue;
    }
    Kept.push_back(std::move(D));
  }
  Findings = std::move(Kept);
  return Removed;
}

} // namespace unawaited::cli
