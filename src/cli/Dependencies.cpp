//===- Dependencies.cpp ---------------------------------------------------===//
#include "Dependencies.h"
#include "Record.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/BLAKE3.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <sys/stat.h>
#include <time.h>

namespace unawaited::cli {

std::string fastHash(llvm::StringRef Bytes) {
  return llvm::toHex(llvm::BLAKE3::hash(llvm::arrayRefFromStringRef(Bytes)),
                     /*LowerCase=*/true);
}

void writeDependencies(llvm::ArrayRef<Dependency> Deps, llvm::raw_ostream &OS) {
  for (const Dependency &D : Deps) {
    OS << llvm::json::Value(llvm::json::Array{
              std::string(1, D.K), bytesToJSON(D.Path), D.Hash,
              static_cast<int64_t>(D.Size), static_cast<int64_t>(D.Inode),
              D.MTimeNs, D.CTimeNs})
       << "\n";
  }
}

llvm::Expected<std::vector<Dependency>>
parseDependencies(llvm::StringRef Text) {
  std::vector<Dependency> Deps;
  auto Bad = [] { return llvm::createStringError("malformed dependency"); };
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    if (Line.empty())
      continue;
    llvm::Expected<llvm::json::Value> V = llvm::json::parse(Line);
    if (!V)
      return V.takeError();
    const llvm::json::Array *A = V->getAsArray();
    if (!A || A->size() != 7)
      return Bad();
    Dependency D;
    std::optional<llvm::StringRef> Kind = (*A)[0].getAsString();
    std::optional<llvm::StringRef> Hash = (*A)[2].getAsString();
    int64_t Num[4];
    for (int I = 0; I < 4; ++I) {
      std::optional<int64_t> N = (*A)[3 + I].getAsInteger();
      if (!N)
        return Bad();
      Num[I] = *N;
    }
    if (!Kind || Kind->size() != 1 ||
        !llvm::StringRef("fapd").contains(*Kind) ||
        !bytesFromJSON(&(*A)[1], D.Path) || !Hash)
      return Bad();
    D.K = static_cast<Dependency::Kind>((*Kind)[0]);
    D.Hash = Hash->str();
    D.Size = static_cast<uint64_t>(Num[0]);
    D.Inode = static_cast<uint64_t>(Num[1]);
    D.MTimeNs = Num[2];
    D.CTimeNs = Num[3];
    Deps.push_back(std::move(D));
  }
  return Deps;
}

bool statForCache(llvm::StringRef Path, Dependency &D) {
  struct stat St;
  if (::stat(Path.str().c_str(), &St) != 0)
    return false;
  auto Ns = [](const struct timespec &T) {
    return static_cast<int64_t>(T.tv_sec) * 1000000000 + T.tv_nsec;
  };
  struct timespec Now;
  ::clock_gettime(CLOCK_REALTIME, &Now);
  // File times come from a coarse clock: a write in the same tick as this
  // stat would leave them as they are.
  if (Ns(St.st_ctim) + 2000000000LL > Ns(Now)) {
    D.Size = D.Inode = 0;
    D.MTimeNs = D.CTimeNs = 0;
    return true;
  }
  D.Size = static_cast<uint64_t>(St.st_size);
  D.Inode = static_cast<uint64_t>(St.st_ino);
  D.MTimeNs = Ns(St.st_mtim);
  D.CTimeNs = Ns(St.st_ctim);
  return true;
}

std::string listingHash(llvm::StringRef Path) {
  std::vector<std::string> Names;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Path, EC), End; !EC && It != End;
       It.increment(EC))
    Names.push_back(llvm::sys::path::filename(It->path()).str());
  if (EC)
    return "";
  std::sort(Names.begin(), Names.end());
  std::string All;
  for (const std::string &N : Names)
    All += N + '\0';
  return fastHash(All);
}

namespace {

/// Hashes the bytes clang reads, the first time it reads them.
class RecordingFile : public llvm::vfs::File {
public:
  RecordingFile(std::unique_ptr<llvm::vfs::File> Inner, Dependency &D)
      : Inner(std::move(Inner)), D(D) {}
  llvm::ErrorOr<llvm::vfs::Status> status() override { return Inner->status(); }
  llvm::ErrorOr<std::string> getName() override { return Inner->getName(); }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
  getBuffer(const llvm::Twine &Name, int64_t FileSize,
            bool RequiresNullTerminator, bool IsVolatile) override {
    auto B =
        Inner->getBuffer(Name, FileSize, RequiresNullTerminator, IsVolatile);
    if (B && D.Hash.empty())
      D.Hash = fastHash((*B)->getBuffer());
    return B;
  }
  std::error_code close() override { return Inner->close(); }

private:
  std::unique_ptr<llvm::vfs::File> Inner;
  Dependency &D;
};

int strength(Dependency::Kind K) {
  return K == Dependency::File ? 3 : K == Dependency::Present ? 2 : 1;
}

} // namespace

Dependency &RecordingFileSystem::note(const llvm::Twine &Path,
                                      Dependency::Kind K) {
  llvm::SmallString<256> Abs;
  Path.toVector(Abs);
  (void)makeAbsolute(Abs);
  std::string Key = (K == Dependency::Listing ? "d:" : "") + Abs.str().str();
  auto [It, New] = Seen.try_emplace(Key);
  Dependency &D = It->second;
  if (New) {
    D.Path = Abs.str().str();
    D.K = K;
  } else if (K != Dependency::Listing && strength(K) > strength(D.K)) {
    D.K = K;
  }
  return D;
}

llvm::ErrorOr<llvm::vfs::Status>
RecordingFileSystem::status(const llvm::Twine &Path) {
  auto S = ProxyFileSystem::status(Path);
  note(Path, S ? Dependency::Present : Dependency::Absent);
  return S;
}

bool RecordingFileSystem::exists(const llvm::Twine &Path) {
  bool E = ProxyFileSystem::exists(Path);
  note(Path, E ? Dependency::Present : Dependency::Absent);
  return E;
}

llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
RecordingFileSystem::openFileForRead(const llvm::Twine &Path) {
  auto F = ProxyFileSystem::openFileForRead(Path);
  if (!F) {
    note(Path, Dependency::Absent);
    return F;
  }
  Dependency &D = note(Path, Dependency::File);
  // Before the bytes are read: a write after this changes the ctime.
  if (D.Hash.empty() && D.CTimeNs == 0)
    (void)statForCache(D.Path, D);
  return std::unique_ptr<llvm::vfs::File>(
      std::make_unique<RecordingFile>(std::move(*F), D));
}

llvm::vfs::directory_iterator
RecordingFileSystem::dir_begin(const llvm::Twine &Dir, std::error_code &EC) {
  auto It = ProxyFileSystem::dir_begin(Dir, EC);
  Dependency &D = note(Dir, Dependency::Listing);
  if (D.Hash.empty())
    D.Hash = listingHash(D.Path);
  return It;
}

std::vector<Dependency> RecordingFileSystem::takeDependencies() {
  std::vector<Dependency> Deps;
  for (auto &[Key, D] : Seen) {
    if (D.K == Dependency::File && D.Hash.empty()) {
      // Opened, never read: what matters is that it is there, but hash
      // it anyway; a change then costs a re-analysis, never a stale hit.
      auto Buf = llvm::MemoryBuffer::getFile(D.Path, /*IsText=*/false,
                                             /*RequiresNullTerminator=*/false);
      if (Buf)
        D.Hash = fastHash((*Buf)->getBuffer());
      else
        D.K = Dependency::Present;
    }
    Deps.push_back(std::move(D));
  }
  Seen.clear();
  return Deps;
}

} // namespace unawaited::cli
