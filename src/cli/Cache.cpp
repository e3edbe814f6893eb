//===- Cache.cpp ----------------------------------------------------------===//
#include "Cache.h"
#include "Record.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include <algorithm>
#include <chrono>
#include <fcntl.h>
#include <sys/stat.h>

namespace unawaited::cli {

namespace {

// Bump when the entry format or the meaning of a key changes: entries of
// another version are never read.
constexpr llvm::StringLiteral Magic = "unawaited-cache-entry 3";

/// The environment the compiler driver reads (include paths), and the
/// test hooks that change what a worker does.
constexpr const char *KeyedEnvironment[] = {
    "CPATH",
    "C_INCLUDE_PATH",
    "CPLUS_INCLUDE_PATH",
    "OBJC_INCLUDE_PATH",
    "OBJCPLUS_INCLUDE_PATH",
    "UNAWAITED_TEST_WORKER_FAULT",
    "UNAWAITED_TEST_WORKER_LOG",
    "UNAWAITED_CACHE_TOOL_SALT",
};

std::optional<std::string> readWhole(const llvm::Twine &Path) {
  // Volatile: read, not mapped; an entry is replaced by a rename, never
  // rewritten in place, but a reader must not depend on that.
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false,
                                         /*IsVolatile=*/true);
  if (!Buf)
    return std::nullopt;
  return (*Buf)->getBuffer().str();
}

/// Writes \p Bytes to \p Path through a temporary beside it and a rename,
/// so that a reader sees the old file or the whole new one.
bool writeAtomically(llvm::StringRef Path, llvm::StringRef Bytes) {
  llvm::SmallString<256> Tmp;
  int FD = -1;
  if (llvm::sys::fs::createUniqueFile(Path + ".tmp-%%%%%%%%", FD, Tmp))
    return false;
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Bytes;
    OS.close();
    if (OS.has_error()) {
      OS.clear_error();
      (void)llvm::sys::fs::remove(Tmp);
      return false;
    }
  }
  if (llvm::sys::fs::rename(Tmp, Path)) {
    (void)llvm::sys::fs::remove(Tmp);
    return false;
  }
  return true;
}

/// This executable's identity: a hash of its bytes. Remembered in the
/// cache under its stat, so an unchanged binary is hashed once.
std::string toolHash(llvm::StringRef Dir, llvm::StringRef Self) {
  Dependency St;
  bool Stable = statForCache(Self, St) && St.CTimeNs != 0;
  std::string Memo =
      (Dir + "/tool-" +
       fastHash(llvm::formatv("{0}\n{1}\n{2}\n{3}\n{4}", Self, St.Size,
                                 St.Inode, St.MTimeNs, St.CTimeNs)
                       .str()))
          .str();
  if (Stable)
    if (std::optional<std::string> Known = readWhole(Memo))
      if (Known->size() == 64)
        return *Known;
  std::optional<std::string> Bytes = readWhole(Self);
  if (!Bytes)
    return "unreadable " + Self.str(); // the key then names the path only
  std::string Hash = fastHash(*Bytes);
  if (Stable)
    (void)writeAtomically(Memo, Hash);
  return Hash;
}

} // namespace

llvm::Expected<std::unique_ptr<ResultCache>>
ResultCache::open(llvm::StringRef Dir, uint64_t MaxBytes,
                  llvm::StringRef Self) {
  llvm::SmallString<256> Abs(Dir);
  (void)llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/false);
  if (std::error_code EC = llvm::sys::fs::create_directories(Abs))
    return llvm::createStringError(EC, "cannot create cache directory '%s': %s",
                                   Abs.c_str(), EC.message().c_str());
  if (llvm::sys::fs::access(Abs, llvm::sys::fs::AccessMode::Write))
    return llvm::createStringError("cache directory '%s' is not writable",
                                   Abs.c_str());
  std::unique_ptr<ResultCache> C(new ResultCache(Abs.str().str(), MaxBytes));
  C->ToolId = toolHash(C->Dir, Self) + "\n" + clang::getClangFullVersion();
  C->AlwaysHash =
      llvm::sys::Process::GetEnv("UNAWAITED_CACHE_ALWAYS_HASH").has_value();
  return C;
}

std::string ResultCache::fileHash(const std::string &Path) {
  {
    std::lock_guard<std::mutex> Lock(Mu);
    auto It = Hashes.find(Path);
    if (It != Hashes.end())
      return It->second;
  }
  std::optional<std::string> Bytes = readWhole(Path);
  std::string Hash = Bytes ? fastHash(*Bytes) : "";
  std::lock_guard<std::mutex> Lock(Mu);
  return Hashes.try_emplace(Path, Hash).first->second;
}

std::string ResultCache::configChain(llvm::StringRef File) {
  // Every .clang-tidy above the file, present or not: creating one in a
  // parent directory changes the configuration too.
  std::string Chain;
  for (llvm::StringRef D = llvm::sys::path::parent_path(File); !D.empty();
       D = llvm::sys::path::parent_path(D)) {
    std::string Entry;
    {
      std::lock_guard<std::mutex> Lock(Mu);
      auto It = ConfigDirs.find(D);
      if (It != ConfigDirs.end())
        Entry = It->second;
    }
    if (Entry.empty()) {
      std::string Path = (D + "/.clang-tidy").str();
      Entry = llvm::sys::fs::exists(Path) ? Path + " " + fileHash(Path)
                                          : Path + " -";
      std::lock_guard<std::mutex> Lock(Mu);
      ConfigDirs.try_emplace(D, Entry);
    }
    Chain += Entry + "\n";
    if (D == llvm::sys::path::root_path(D))
      break;
  }
  return Chain;
}

std::string ResultCache::key(const WorkerTask &T) {
  WorkerTask Keyed = T;
  Keyed.ParentPid = 0;
  Keyed.DepsFile.clear();
  std::string K;
  llvm::raw_string_ostream OS(K);
  OS << Magic << "\n" << ToolId << "\n" << toJSON(Keyed) << "\n";
  if (!T.ConfigFile.empty()) {
    llvm::SmallString<256> P(T.ConfigFile);
    (void)llvm::sys::fs::make_absolute(P);
    OS << "config-file " << fileHash(P.str().str()) << "\n";
  }
  OS << configChain(T.Command.Filename);
  for (const char *Name : KeyedEnvironment)
    if (std::optional<std::string> V = llvm::sys::Process::GetEnv(Name))
      OS << Name << "=" << *V << "\n";
  OS.flush();
  return fastHash(K);
}

std::string ResultCache::entryPath(llvm::StringRef Key) const {
  return (Dir + "/" + Key.take_front(2) + "/" + Key + ".entry").str();
}

bool ResultCache::readEntry(llvm::StringRef Key, std::string &Deps,
                            std::string &Output) {
  std::optional<std::string> Bytes = readWhole(entryPath(Key));
  if (!Bytes)
    return false;
  // "<magic>\nkey <key>\nsum <sha256 of the body>\n<body>", the body
  // "deps <n>\n<n bytes>output <m>\n<m bytes>": a truncated, corrupt or
  // foreign entry fails one of these checks and is not trusted.
  llvm::StringRef Rest = *Bytes;
  auto Line = [&Rest] {
    auto [L, R] = Rest.split('\n');
    Rest = R;
    return L;
  };
  auto Sized = [&](llvm::StringRef Tag, std::string &Out) {
    llvm::StringRef L = Line();
    size_t N = 0;
    if (!L.consume_front(Tag) || L.getAsInteger(10, N) || N > Rest.size())
      return false;
    Out = Rest.take_front(N).str();
    Rest = Rest.drop_front(N);
    return true;
  };
  if (Line() != Magic || Line() != ("key " + Key).str())
    return false;
  llvm::StringRef Sum = Line();
  if (!Sum.consume_front("sum ") || Sum != fastHash(Rest))
    return false;
  return Sized("deps ", Deps) && Sized("output ", Output) && Rest.empty();
}

bool ResultCache::unchanged(const Dependency &D) {
  auto IsThere = [&](const std::string &Path) {
    {
      std::lock_guard<std::mutex> Lock(Mu);
      auto It = Exists.find(Path);
      if (It != Exists.end())
        return It->second;
    }
    struct stat St;
    bool E = ::stat(Path.c_str(), &St) == 0;
    std::lock_guard<std::mutex> Lock(Mu);
    return Exists.try_emplace(Path, E).first->second;
  };
  switch (D.K) {
  case Dependency::Absent:
    return !IsThere(D.Path);
  case Dependency::Present:
    return IsThere(D.Path);
  case Dependency::Listing: {
    {
      std::lock_guard<std::mutex> Lock(Mu);
      auto It = Listings.find(D.Path);
      if (It != Listings.end())
        return It->second == D.Hash;
    }
    std::string H = listingHash(D.Path);
    std::lock_guard<std::mutex> Lock(Mu);
    return Listings.try_emplace(D.Path, H).first->second == D.Hash;
  }
  case Dependency::File: {
    Dependency Now;
    if (!statForCache(D.Path, Now))
      return false;
    // Same inode, size, mtime and ctime as when it was read, neither
    // recent: a write would have changed the ctime. Otherwise, the bytes.
    if (!AlwaysHash && D.CTimeNs != 0 && Now.CTimeNs == D.CTimeNs &&
        Now.MTimeNs == D.MTimeNs && Now.Size == D.Size && Now.Inode == D.Inode)
      return true;
    return fileHash(D.Path) == D.Hash;
  }
  }
  return false;
}

std::optional<std::string> ResultCache::lookup(llvm::StringRef Key) {
  std::string DepsText, Output;
  if (!readEntry(Key, DepsText, Output)) {
    ++Misses;
    return std::nullopt;
  }
  llvm::Expected<std::vector<Dependency>> Deps = parseDependencies(DepsText);
  if (!Deps) {
    llvm::consumeError(Deps.takeError());
    ++Misses;
    return std::nullopt;
  }
  for (const Dependency &D : *Deps) {
    if (!unchanged(D)) {
      ++Misses;
      return std::nullopt;
    }
  }
  ++Hits;
  // Recently used: trim() removes the oldest first.
  (void)::utimensat(AT_FDCWD, entryPath(Key).c_str(), nullptr, 0);
  return Output;
}

std::optional<std::vector<Dependency>>
ResultCache::dependencies(llvm::StringRef Key) {
  std::string DepsText, Output;
  if (!readEntry(Key, DepsText, Output))
    return std::nullopt;
  llvm::Expected<std::vector<Dependency>> Deps = parseDependencies(DepsText);
  if (!Deps) {
    llvm::consumeError(Deps.takeError());
    return std::nullopt;
  }
  return std::move(*Deps);
}

void ResultCache::store(llvm::StringRef Key, llvm::StringRef MainFile,
                        llvm::StringRef Output, llvm::StringRef DepsText) {
  // What the worker wrote must read back and name the source it parsed
  // (an empty list would make an entry valid forever), or it is not kept.
  llvm::Expected<std::vector<Dependency>> Deps = parseDependencies(DepsText);
  if (!Deps) {
    llvm::consumeError(Deps.takeError());
    ++Rejected;
    return;
  }
  // Not realPath(): its memo is not for threads.
  auto Real = [](llvm::StringRef P) {
    llvm::SmallString<256> R;
    return llvm::sys::fs::real_path(P, R) ? P.str() : R.str().str();
  };
  std::string Main = Real(MainFile);
  auto IsMain = [&](const Dependency &D) {
    return D.K == Dependency::File &&
           (D.Path == MainFile || Real(D.Path) == Main);
  };
  if (llvm::none_of(*Deps,
                    [&](const Dependency &D) {
                      return D.K == Dependency::File && D.Path == MainFile;
                    }) &&
      llvm::none_of(*Deps, IsMain)) {
    ++Rejected;
    return;
  }
  std::string Body =
      llvm::formatv("deps {0}\n", DepsText.size()).str() + DepsText.str() +
      llvm::formatv("output {0}\n", Output.size()).str() + Output.str();
  std::string Entry =
      (Magic + "\nkey " + Key + "\nsum " + fastHash(Body) + "\n").str() +
      Body;
  std::string Path = entryPath(Key);
  if (llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)) ||
      !writeAtomically(Path, Entry)) {
    ++Rejected;
    return;
  }
  ++Stored;
}

void ResultCache::trim() {
  struct Item {
    std::string Path;
    uint64_t Size;
    llvm::sys::TimePoint<> Used;
  };
  std::vector<Item> Entries;
  uint64_t Total = 0;
  auto Now = std::chrono::system_clock::now();
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Dir, EC), End;
       !EC && It != End; It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    llvm::sys::fs::file_status St;
    if (llvm::sys::fs::status(It->path(), St) ||
        St.type() != llvm::sys::fs::file_type::regular_file)
      continue;
    // A temporary whose writer died: gone after an hour.
    if (Name.contains(".tmp-")) {
      if (Now - St.getLastModificationTime() > std::chrono::hours(1))
        (void)llvm::sys::fs::remove(It->path());
      continue;
    }
    if (!Name.ends_with(".entry"))
      continue;
    Entries.push_back({It->path(), St.getSize(), St.getLastModificationTime()});
    Total += St.getSize();
  }
  if (Total <= MaxBytes)
    return;
  std::sort(Entries.begin(), Entries.end(),
            [](const Item &A, const Item &B) { return A.Used < B.Used; });
  // Down to 90%, so that a full cache is not trimmed on every run.
  uint64_t Goal = MaxBytes / 10 * 9;
  for (const Item &I : Entries) {
    if (Total <= Goal)
      break;
    if (!llvm::sys::fs::remove(I.Path))
      Total -= I.Size;
  }
}

} // namespace unawaited::cli
