//===- Cache.h - Replaying the results of unchanged translation units -*- C++
//-*-===//
//
// An entry holds what one worker printed for one translation unit (its
// records, opaque here) and the dependencies it recorded (Dependencies.h).
// It is found by a key over everything else that can change that output:
// the tool, the task (the compile command after our adjustments, --checks,
// --config, --config-file), the configuration files that apply and the
// environment the compiler reads. It is replayed only while every
// dependency is as recorded. See docs/architecture.md#the-result-cache.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CLI_CACHE_H
#define UNAWAITED_CLI_CACHE_H

#include "Dependencies.h"
#include "Worker.h"
#include "llvm/ADT/StringMap.h"
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace unawaited::cli {

class ResultCache {
public:
  /// Opens (creating it if needed) the cache in \p Dir, holding at most
  /// \p MaxBytes; \p Self is this executable, part of every key.
  static llvm::Expected<std::unique_ptr<ResultCache>>
  open(llvm::StringRef Dir, uint64_t MaxBytes, llvm::StringRef Self);

  /// The key of \p T: everything but the files its parse reads.
  std::string key(const WorkerTask &T);
  /// The output recorded under \p Key, when its entry is sound and every
  /// dependency it recorded is unchanged.
  std::optional<std::string> lookup(llvm::StringRef Key);
  /// The dependencies recorded under \p Key, whether still valid or not.
  std::optional<std::vector<Dependency>> dependencies(llvm::StringRef Key);
  /// Records \p Output under \p Key, atomically; failures are ignored,
  /// and so are dependencies that do not show \p MainFile read.
  void store(llvm::StringRef Key, llvm::StringRef MainFile,
             llvm::StringRef Output, llvm::StringRef DepsText);
  /// Removes the least recently used entries beyond the size limit.
  void trim();

  const std::string &directory() const { return Dir; }
  std::atomic<unsigned> Hits{0}, Misses{0}, Stored{0}, Rejected{0};

private:
  ResultCache(std::string Dir, uint64_t MaxBytes)
      : Dir(std::move(Dir)), MaxBytes(MaxBytes) {}
  std::string entryPath(llvm::StringRef Key) const;
  /// The sound entry's body parts under \p Key, or nothing.
  bool readEntry(llvm::StringRef Key, std::string &Deps, std::string &Output);
  bool unchanged(const Dependency &D);
  std::string fileHash(const std::string &Path); ///< memoized, "" if unreadable
  std::string configChain(llvm::StringRef File);

  std::string Dir;
  uint64_t MaxBytes;
  std::string ToolId;
  /// UNAWAITED_CACHE_ALWAYS_HASH: hash every file read, as after a fresh
  /// checkout (for benchmarks); the stat shortcut is never taken.
  bool AlwaysHash = false;
  std::mutex Mu; ///< guards the memos below
  llvm::StringMap<std::string> Hashes, Listings, ConfigDirs;
  llvm::StringMap<bool> Exists;
};

} // namespace unawaited::cli

#endif
